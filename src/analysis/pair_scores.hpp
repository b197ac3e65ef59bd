// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/score_rule.hpp"
#include "analysis/weights.hpp"
#include "core/boundary_alignment.hpp"
#include "core/layer.hpp"
#include "core/overlap.hpp"
#include "core/score.hpp"

namespace coterm::analysis {

/// The scores of A against B (both sides), from one overlap.
struct ScoredPair {
    Scores scores;      ///< a_units: A against B; b_units: B against A
    double a_total = 0; ///< weight of the whole of A (area, or population located in A)
    double b_total = 0;
    bool counts = false; ///< weights are population counts (ARI defined)
    ScoreRule rule;      ///< the thresholds used and why
    BoundaryAlignment boundary;
};

/// What scoring reuses of one layer across the pairs it is scored in (a scorecard scores
/// each layer against every other): its boundary segments, extracted and indexed once,
/// and the overlap's answers on which of its features overlap each other.
struct LayerReuse {
    LayerSegments segments;       ///< segment_layer(layer)
    NeighbourOverlaps neighbours; ///< filled as pairs are overlapped
};

/// Overlaps A and B once and scores both ways, weighted by area or, when `weights` is
/// given, by population spread by `spread`. Every unit's shares are of its whole weight.
ScoredPair score_layers(const Layer& a, const Layer& b, const LoadedWeights* weights, Spread spread,
                        const RuleRequest& request, double boundary_m, unsigned threads);

/// The same, reusing `a_reuse` (made for A) and `b_reuse` (made for B); the scores are
/// identical to those of the call without them.
ScoredPair score_layers(const Layer& a, const Layer& b, LayerReuse& a_reuse, LayerReuse& b_reuse,
                        const LoadedWeights* weights, Spread spread, const RuleRequest& request, double boundary_m,
                        unsigned threads);

/// The same pair seen from B.
ScoredPair swap_pair(ScoredPair s);

} // namespace coterm::analysis
