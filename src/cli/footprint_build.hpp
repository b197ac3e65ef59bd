// SPDX-License-Identifier: MIT
#pragma once
#include "cli/weight_options.hpp"
#include "core/footprint.hpp"
#include "core/table.hpp"
#include "io/catalogue.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace coterm::cli {

/// How to build footprints: from whole `blocks`, by a groups CSV or by a layer's units.
struct FootprintRequest {
    std::string blocks, groups, by, rest;
    double tolerance = 0.99;
};

/// Footprints and how they were made.
struct BuiltFootprints {
    Layer blocks, footprints;
    std::vector<FootprintSpec> specs;               ///< in footprint code order
    std::vector<double> block_population;           ///< per block: weights whose point lies in it
    std::vector<std::string> left, split, fallback; ///< unassigned blocks, split blocks, unclean dissolves
};

/// Builds footprints (docs/cli/footprint.md, docs/methods.md §13).
BuiltFootprints build_footprints(const FootprintRequest& request, const io::Catalogue& catalogue,
                                 const std::filesystem::path& data_dir, const LoadedWeights& weights, unsigned threads,
                                 bool verbose);

/// code, name, blocks, members, population, area_m2 per footprint (rows in layer order).
Table footprint_table(const BuiltFootprints& built);

/// The warnings (split blocks, unclean dissolves) and, unless quiet, the summary line.
void report_footprints(const BuiltFootprints& built, double tolerance, bool quiet, bool verbose);

/// Loads a catalogue layer or path, warning about repairs.
Layer load_any_layer(const std::string& spec, const io::Catalogue& catalogue, const std::filesystem::path& dir,
                     unsigned threads, bool verbose);

} // namespace coterm::cli
