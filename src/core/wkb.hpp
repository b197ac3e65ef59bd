// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"

#include <cstddef>
#include <functional>
#include <span>

namespace coterm {

/// A ring's coordinates inside a WKB buffer: `count` points of two doubles, `stride`
/// bytes apart, starting at `xy`. The doubles may be unaligned: use memcpy.
struct WkbRing {
    unsigned char* xy;
    std::size_t count;
    std::size_t stride;
};

/// Calls `visit(polygon_index, ring_index, ring)` for every ring of every polygon in a
/// little-endian 2D WKB Polygon, MultiPolygon, or GeometryCollection (non-polygon
/// members are skipped). Ring 0 of a polygon is its exterior. Throws GeometryError
/// on big-endian, Z/M or malformed WKB.
void for_each_ring(std::span<unsigned char> wkb,
                   const std::function<void(std::size_t polygon, std::size_t ring, WkbRing)>& visit);

/// Bounding box of WKB coordinates.
struct WkbBounds {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    bool empty = true;
};

/// The bounds of every polygon vertex of a WKB (as for_each_ring). Throws
/// GeometryError naming the vertex for a NaN or infinite coordinate: GEOS would take
/// it, and MakeValid would then quietly change the shape.
WkbBounds finite_bounds(std::span<unsigned char> wkb);

/// Reads point `i` of a ring.
void read_point(const WkbRing& ring, std::size_t i, double& x, double& y);
/// Writes point `i` of a ring.
void write_point(const WkbRing& ring, std::size_t i, double x, double y);

} // namespace coterm
