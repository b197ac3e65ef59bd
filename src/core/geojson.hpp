// SPDX-License-Identifier: MIT
#pragma once
#include <span>
#include <string>

namespace coterm {

/// Coordinate decimals of GeoJSON output: 6 decimal degrees ≈ 0.1 m.
inline constexpr int geojson_decimals = 6;

/// The RFC 7946 geometry object for a polygonal WKB already in WGS 84 lon/lat:
/// always a MultiPolygon (one geometry type per file), coordinates rounded to `decimals`, consecutive
/// duplicate positions removed, exterior rings counter-clockwise and holes clockwise.
/// Rings that collapse to fewer than 4 positions after rounding are dropped (a polygon
/// whose exterior collapses is dropped whole); with nothing left, "null" is returned.
std::string geojson_geometry(std::span<unsigned char> wkb_lonlat, int decimals = geojson_decimals);

} // namespace coterm
