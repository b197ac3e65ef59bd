// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/context.hpp"
#include "analysis/pair_scores.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace coterm::analysis {

/// What `coterm score --scorecard L1 L2 …` computes.
struct ScorecardOptions {
    std::vector<std::string> layers;        ///< catalogue ids or paths, at least two
    std::string assume_crs;                 ///< for layers without a CRS
    const LoadedWeights* weights = nullptr; ///< set for population weighting
    Spread spread = Spread::centroid;
    RuleRequest rule;
    double boundary_m = 50;
};

/// The layers and the scores of every ordered pair (i, j), i ≠ j.
struct Scorecard {
    std::vector<Layer> layers;
    std::map<std::pair<std::size_t, std::size_t>, ScoredPair> pairs;
};

/// Loads each layer once and overlaps each unordered pair once; the reverse pair is the
/// same scores seen from the other side. UsageError with fewer than two layers.
Scorecard compute_scorecard(const Context& ctx, const ScorecardOptions& options);

} // namespace coterm::analysis
