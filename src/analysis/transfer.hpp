// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/weights.hpp"
#include "core/apportion.hpp"
#include "core/layer.hpp"
#include "core/weighted_overlap.hpp"

#include <vector>

namespace coterm::analysis {

/// How `coterm apportion` weighs the source ∩ target pieces (docs/methods.md §10).
struct TransferOptions {
    bool by_area = false;             ///< weigh pieces by area instead of population
    Spread spread = Spread::centroid; ///< population: each small area to its point, or spread by area
    unsigned threads = 0;
};

/// The transfer from `source` to `target`, and each target's population (by the
/// centroid rule for area weights, else as the transfer counts it). When the weights'
/// small areas are the sources themselves, each keeps its own value.
Transfer make_transfer(const Layer& source, const Layer& target, const LoadedWeights& weights,
                       const TransferOptions& options, std::vector<double>& target_population);

} // namespace coterm::analysis
