// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/context.hpp"
#include "analysis/weights.hpp"
#include "core/footprint.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace coterm::analysis {

/// How to build footprints: from whole `blocks`, by a groups CSV or by a layer's units.
struct FootprintRequest {
    std::string blocks, groups, by, rest;
    double tolerance = 0.99;
    io::ReadOptions blocks_read, by_read, rest_read; ///< --blocks-where, --by-sql, …
};

/// Footprints and how they were made.
struct BuiltFootprints {
    Layer blocks, footprints;
    std::vector<FootprintSpec> specs;               ///< in footprint code order
    std::vector<double> block_population;           ///< per block: weights whose point lies in it
    std::vector<std::string> left, split, fallback; ///< unassigned blocks, split blocks, unclean dissolves
};

/// Builds footprints (docs/cli/footprint.md, docs/methods.md §13). Split blocks and
/// unclean dissolves are warned about through ctx.warn.
BuiltFootprints build_footprints(const Context& ctx, const FootprintRequest& request, const LoadedWeights& weights);

/// Each footprint's population: Σ of its blocks' (rows in layer order).
std::vector<double> footprint_population(const BuiltFootprints& built);

} // namespace coterm::analysis
