// SPDX-License-Identifier: MIT
#pragma once
#include "core/geometry.hpp"

#include <geos_c.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace coterm {

/// A polygonal geometry's rings as flat coordinate arrays, read once so that the
/// area kernel can walk them without GEOS calls. Shells and holes alike; each ring is
/// closed (its last point repeats its first).
struct PolygonRings {
    std::vector<double> x, y;        ///< all rings' points, ring after ring
    std::vector<std::size_t> starts; ///< index of each ring's first point, then one past the last point
    /// Per ring, +1 or -1 so that sign × (shoelace sum) walks the ring with the
    /// polygon's interior on the left (shells counter-clockwise, holes clockwise).
    std::vector<double> orientation;
    std::vector<std::size_t> part; ///< per ring, the index of its polygon (shell first, then its holes)
    Box box;                       ///< bounding box of all points

    /// Fills the rings from a Polygon or MultiPolygon, reusing the arrays' storage.
    /// Reads `g` only (safe on a geometry shared between threads). Returns false for
    /// any other type, an empty geometry or a ring without area; the caller then uses
    /// GEOS.
    bool read(GEOSContextHandle_t ctx, const GEOSGeometry* g);
    std::size_t num_rings() const { return starts.empty() ? 0 : starts.size() - 1; }
};

/// Area of x ∩ y for two valid polygonal geometries, by Green's theorem over the
/// boundary of the intersection: the parts of x's boundary inside y and of y's inside
/// x, cut at the points where the boundaries cross. No overlay graph is built, so a
/// small pair costs a few thousand instructions instead of OverlayNG's ~250,000.
///
/// Returns nullopt (the caller then uses GEOS OverlayNG) whenever the answer would
/// rest on a degenerate configuration or one the floating-point filter cannot
/// certify: boundaries that touch, share or overlap collinearly (edge-sharing layers
/// always do), a vertex on the other boundary, crossings too close to order, an
/// inconsistent walk, a result that is not positive, or more than `max_edge_pairs`
/// candidate edge pairs (GEOS's indexes are then cheaper). Every orientation decision
/// is exact (Shewchuk's error bound, undecided = degenerate), so which pieces of
/// boundary count is exactly right; only the crossing points are rounded, which moves
/// the area by ~1e-15 relative of OverlayNG's.
std::optional<double> intersection_area(const PolygonRings& x, const PolygonRings& y,
                                        std::size_t max_edge_pairs = 1u << 18);

} // namespace coterm
