// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"
#include "core/table.hpp"

#include <string>
#include <vector>

namespace coterm::io {

/// RFC 4180 CSV with a header row and "\n" line ends; fields holding a comma, quote
/// or line break are quoted.
std::string to_csv(const Table& table);

/// One JSON document: {"summary": {...}, "<table name>": [ {row}, ... ], ...},
/// keys in column order, numbers in their column format, missing values as null.
std::string to_json(const Report& report);

/// An RFC 7946 FeatureCollection: one feature per row of `table`, properties from its
/// columns, geometry from `geometries_bng` (EPSG:27700 WKB, one per row, reprojected
/// here to WGS 84 lon/lat). No "crs" member.
std::string to_geojson(const Table& table, std::vector<Wkb> geometries_bng);

} // namespace coterm::io
