// SPDX-License-Identifier: MIT
#pragma once
// The [propose] table of a query file: the keys of `coterm propose` (docs/queries.md).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coterm::io {

/// A [propose] table; unset keys stay empty / nullopt so the command's defaults apply.
struct ProposeQuery {
    std::string blocks, nest_in, fixed, from, adjacency;
    std::optional<std::size_t> count, count_min, count_max, options, effort;
    std::optional<std::size_t> bound_nodes, bound_max_groups; ///< the exact model's effort and size limit
    std::optional<double> pop_min, pop_max, crossing;
    std::optional<std::uint64_t> seed;
    std::vector<std::string> keep_whole, split_layers;
    std::map<std::string, double> term_weights;
};

} // namespace coterm::io
