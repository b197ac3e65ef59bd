// SPDX-License-Identifier: MIT
#pragma once
// A polygonal geometry's rings read straight from GEOS, without writing it out as WKB
// first (for large shapes that copy, through a growing stream, costs more than the work
// done on the coordinates).
#include "core/geometry.hpp"

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace coterm {

/// Calls `visit(polygon_index, ring_index, xy)` for every ring of every polygon of a
/// Polygon, MultiPolygon or GeometryCollection (other members skipped), numbered as
/// for_each_ring numbers them on the geometry's WKB; `xy` is x0, y0, x1, y1, … with the
/// closing point, valid during the call. Throws GeometryError when GEOS fails.
/// `scratch` holds the coordinates between calls: pass the same vector for a run of
/// shapes, so that each large ring is not allocated afresh.
void for_each_polygon_ring(
    const Geometry& g,
    const std::function<void(std::size_t polygon, std::size_t ring, std::span<const double> xy)>& visit,
    std::vector<double>& scratch);

} // namespace coterm
