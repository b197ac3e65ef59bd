// SPDX-License-Identifier: MIT
#pragma once
#include "cli/weight_options.hpp"
#include "core/boundary_alignment.hpp"
#include "core/layer.hpp"
#include "core/score.hpp"
#include "core/table.hpp"

namespace coterm::cli {

/// The scores of A against B and of B against A, from one overlap.
struct ScoredPair {
    Scores ab, ba;
    double a_total = 0; ///< weight of the whole of A (area, or population located in A)
    double b_total = 0;
    bool counts = false;  ///< weights are population counts (ARI defined)
    double uncertain = 0; ///< the U used (see uncertainty_for)
    BoundaryAlignment boundary;
};

/// U for a pair: `requested` when ≥ 0; else 0 when both layers are of one family (their
/// edges match exactly) and the measured generalisation error otherwise.
double uncertainty_for(const Layer& a, const Layer& b, double requested);

/// Overlaps A and B once and scores both ways, weighted by area or, when `weights` is
/// given, by population spread by `spread`. options.uncertain < 0 means "choose by
/// family" (uncertainty_for).
ScoredPair score_layers(const Layer& a, const Layer& b, const LoadedWeights* weights, Spread spread,
                        const ScoreOptions& options, double boundary_m, unsigned threads);

/// Adds the pair measures (docs/methods.md §11) to a summary.
void add_pair_measures(SummaryBuilder& t, const ScoredPair& s);

} // namespace coterm::cli
