// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"
#include "core/table.hpp"

#include <string>
#include <vector>

namespace coterm::io {

/// The version of the provenance object's layout (docs/formats.md); raised when a key
/// changes meaning or goes.
inline constexpr const char* provenance_schema = "coterm-output/1";

/// RFC 4180 CSV with a header row and "\n" line ends; fields holding a comma, quote
/// or line break are quoted.
std::string to_csv(const Table& table);

/// One JSON document: {"provenance": {...}, "summary": {...}, "<table name>": [ {row},
/// ... ], ...}, keys in column order, numbers in their column format (real formats
/// always with a decimal point), list columns as arrays, missing values as null. The
/// provenance object (io/provenance) is there once the CLI has recorded its command.
std::string to_json(const Report& report);

/// An RFC 7946 FeatureCollection: one feature per row of `table`, properties from its
/// columns, geometry from `geometries_bng` (EPSG:27700 WKB, one per row, reprojected
/// here to WGS 84 lon/lat), every geometry a MultiPolygon. No "crs" member; the
/// provenance object as a foreign member "provenance" once the CLI recorded its command.
std::string to_geojson(const Table& table, std::vector<Wkb> geometries_bng);

} // namespace coterm::io
