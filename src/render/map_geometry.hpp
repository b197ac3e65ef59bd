// SPDX-License-Identifier: MIT
// Display geometry shared by the SVG of report.html and the Cairo maps: rings of WKB in
// British National Grid metres, extents and label points.
#pragma once
#include "core/geometry.hpp"
#include "render/map_model.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace coterm::render {

/// A point in EPSG:27700 metres.
struct MapPoint {
    double x = 0, y = 0;
};

/// Calls `visit` with the points of every ring (exterior and holes) of a Polygon or
/// MultiPolygon WKB; the closing point is left out. Throws GeometryError on bad WKB.
void for_each_map_ring(const Wkb& wkb, const std::function<void(const std::vector<MapPoint>&)>& visit);

/// The box holding every feature; all zero for a model without features.
Box map_extent(const std::vector<MapFeature>& features);

/// SVG path data of a (multi)polygon in user units of `unit_m` metres, y flipped (SVG y
/// grows downwards, northings upwards): x/unit_m and −y/unit_m rounded to whole numbers,
/// written as one absolute move and then relative moves, so a vertex costs a few bytes.
/// Rings that collapse to fewer than three distinct points at that precision are left out.
/// Rounding is a function of the coordinates alone, so an edge two features share stays
/// identical in both.
std::string svg_path_data(const Wkb& wkb, double unit_m);

/// A (multi)polygon's boundary lines for display, fast: each ring simplified on its own
/// by Douglas–Peucker at `tolerance_m` (its first point and the point farthest from it
/// kept), rings left with fewer than three points dropped (a polygon with its holes when
/// its exterior goes), returned as a little-endian 2D WKB MultiPolygon. Nothing is
/// repaired: a ring may cross itself or another, which draws the same as lines.
Wkb simplified_outline(const Wkb& wkb, double tolerance_m);

/// simplified_outline of each shape, shapes in parallel on `threads` (0: all cores).
/// Unlike the coverage simplifier (§14.1) an edge two shapes share may be simplified
/// differently on each side, by up to the tolerance — invisible when drawn as lines at
/// map scale, and many times faster on the LSOA-built layers. For overlays only, never
/// for filled areas.
std::vector<Wkb> simplified_outlines(const std::vector<const Geometry*>& shapes, double tolerance_m,
                                     unsigned threads = 0);

/// A point inside the shape (GEOS PointOnSurface), where a label goes.
MapPoint label_point(const Wkb& wkb);

} // namespace coterm::render
