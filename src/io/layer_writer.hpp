// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"
#include "core/progress.hpp"
#include "core/table.hpp"

#include <string>
#include <vector>

namespace coterm::io {

/// How a GeoPackage layer is written.
struct GeoPackageOptions {
    std::string srs_wkt;    ///< CRS of the geometries as WKT; empty: EPSG:27700
    bool overwrite = false; ///< --overwrite: add or replace the layer in an existing file
    ProgressFn progress;    ///< reports "write <file name>" (features written of all)
};

/// Checks, before any work, that layer `layer_name` may be written to `path`: UsageError
/// when `path` is an input, not a regular file, or exists without `overwrite` (the
/// message names the file and suggests --overwrite); DataError when its folder is missing.
void check_geopackage_output(const std::string& path, const std::string& layer_name, bool overwrite);

/// Writes a GeoPackage layer `layer_name`: the table's columns as fields, one feature per
/// row with its geometry (WKB in the options' CRS). A new file is made as a temporary
/// file in the target's folder; an existing GeoPackage (with --overwrite) is copied to
/// the temporary first, its layer `layer_name` replaced and every other layer kept.
/// Every GDAL result is checked, the temporary is re-opened and its features counted,
/// and only then is it renamed over the target (keeping the target's mode); on any
/// failure (full disk, file-size limit) the temporary is removed, the target is as it
/// was, and DataError names the path.
void write_geopackage(const std::string& path, const std::string& layer_name, const Table& table,
                      const std::vector<Wkb>& geometries, const GeoPackageOptions& options = {});

/// Writes `table` as layer `layer_name` of a new file through GDAL driver `driver_name`
/// (a short name such as "FlatGeobuf"): "GPKG" goes to write_geopackage (other layers
/// kept); any other driver writes a whole new file as write_output does (check_output's
/// refusals, a temporary beside the target, read back and its features counted, renamed
/// into place). `geometries` empty: a layer without geometry. Field types follow the
/// column formats. DataError naming the path on failure, nothing left behind.
void write_vector_file(const std::string& path, const std::string& driver_name, const std::string& layer_name,
                       const Table& table, const std::vector<Wkb>& geometries, const GeoPackageOptions& options = {});

} // namespace coterm::io
