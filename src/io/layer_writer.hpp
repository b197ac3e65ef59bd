// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"
#include "core/table.hpp"

#include <string>
#include <vector>

namespace coterm::io {

/// Writes a GeoPackage with one layer `layer_name` in EPSG:27700: the table's columns as
/// fields, one feature per row with its geometry (EPSG:27700 WKB). Written to a
/// temporary file and renamed into place; DataError naming the path on failure.
void write_geopackage(const std::string& path, const std::string& layer_name, const Table& table,
                      const std::vector<Wkb>& geometries);

} // namespace coterm::io
