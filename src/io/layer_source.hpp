// SPDX-License-Identifier: MIT
#pragma once
#include "core/layer.hpp"
#include "io/catalogue.hpp"
#include "io/layer_reader.hpp"

#include <filesystem>
#include <string>

namespace coterm::io {

/// Where a layer argument points: a catalogue entry inside the data directory, or a
/// path / connection string given by the user.
struct LayerLocation {
    std::string spec;   ///< what the user typed
    std::string source; ///< path or connection string handed to GDAL
    ReadOptions read;   ///< layer, fields and CRS to read with
    bool from_catalogue = false;
    std::string family; ///< the catalogue's family, "" for a path
};

/// Resolves a layer argument. A catalogue id maps to its file under `data_dir`
/// (DataError with a remedy when the file is missing); anything that exists on disk
/// or looks like a connection string ("PG:…", "/vsi…", "http…") is used as is; "-" is
/// standard input (/vsistdin/); FILE:LAYER names a layer of an existing FILE; else
/// UsageError "unknown layer" with a did-you-mean over the catalogue ids.
/// `overrides` (from --a-code etc.) take precedence over catalogue fields.
LayerLocation locate_layer(const std::string& spec, const Catalogue& catalogue, const std::filesystem::path& data_dir,
                           const ReadOptions& overrides);

/// Seconds spent in the two phases of load_layer, for --verbose and the benchmark.
struct LoadTimings {
    double read_s = 0;  ///< GDAL: open, read features, export WKB
    double build_s = 0; ///< PROJ reprojection, GEOS parse, validity check and repair
};

/// Reads and builds a layer (reprojected to EPSG:27700, repaired, sorted by code),
/// reporting "read X" and "build X" through `progress`.
Layer load_layer(const LayerLocation& location, unsigned threads, BuildReport& report, LoadTimings* timings = nullptr,
                 const ProgressFn& progress = {});

} // namespace coterm::io
