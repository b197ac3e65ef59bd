// SPDX-License-Identifier: MIT
#pragma once
#include "core/overlap.hpp"

#include <cstddef>

namespace coterm {

/// A feature counts as split when at least two partners each hold this share of it
/// (0.1 %): smaller pieces are generalisation slivers, not real splits.
inline constexpr double split_sliver_share = 0.001;

/// Per-layer figures of an overlap, for one side.
struct SideSummary {
    std::size_t features = 0;
    std::size_t split = 0;            ///< features with ≥ 2 partners holding ≥ split_sliver_share each
    std::size_t partly_uncovered = 0; ///< features with coverage below 1 − 1e-9
    std::size_t overcounted = 0;      ///< features where the other layer overlaps itself
    double area_m2 = 0;               ///< Σ area of the features
    double uncovered_m2 = 0;          ///< Σ (area − covered area)
};

/// The headline figures of an overlap.
struct OverlapSummary {
    std::size_t pairs = 0; ///< rows with positive area
    SideSummary a, b;
};

/// Summarises an overlap computed by compute_overlap (before any min_share filtering).
OverlapSummary summarise_overlap(const Layer& a, const Layer& b, const OverlapResult& result);

} // namespace coterm
