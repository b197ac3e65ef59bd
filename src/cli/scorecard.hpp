// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/score_rule.hpp"
#include "cli/weight_options.hpp"

#include <string>
#include <vector>

namespace coterm::cli {

/// What `coterm score --scorecard L1 L2 …` needs.
struct ScorecardOptions {
    std::vector<std::string> layers; ///< catalogue ids or paths, at least two
    std::string data_dir, assume_crs, weight = "area";
    unsigned threads = 0;
    bool quiet = false, verbose = false;
    const LoadedWeights* weights = nullptr; ///< set for population weighting
    Spread spread = Spread::centroid;
    analysis::RuleRequest rule;
    double boundary_m = 50;
    std::string output;     ///< a folder: scorecard.json and one CSV matrix per measure; empty = JSON on stdout
    bool overwrite = false; ///< --overwrite: replace those files when they exist
};

/// Scores every ordered pair of the layers, computing each pairwise overlap once.
void run_scorecard(const ScorecardOptions& options);

/// The measures written as one CSV matrix each (rows A, columns B).
const std::vector<std::string>& scorecard_measures();

} // namespace coterm::cli
