// SPDX-License-Identifier: MIT
#pragma once
#include "core/intersection_area.hpp"

#include <geos_c.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace coterm {

/// The covering side of covers_exactly: a polygonal geometry's rings, with a box over
/// each run of at most 32 consecutive edges of a ring, so that a covered feature far
/// from most of the boundary passes over it a run at a time. Read once per feature
/// and used for every feature it may cover.
struct CoveringRings {
    /// Edges [first, last) of one ring (an edge by the index of its first point) and their box.
    struct Run {
        std::size_t first = 0, last = 0;
        Box box;
    };
    PolygonRings rings;
    std::vector<Run> runs;          ///< ring after ring, in ring order
    std::vector<std::size_t> first; ///< per ring, the index of its first run, then one past the last run
    /// Fills from a Polygon or MultiPolygon (reads `g` only); false where
    /// PolygonRings::read is false (the caller then uses GEOS).
    bool read(GEOSContextHandle_t ctx, const GEOSGeometry* g);
};

/// Whether `b` covers `a` (a ⊆ b as closed point sets), for valid polygonal
/// geometries, decided without GEOS where the decision is exact; nullopt otherwise
/// (the caller then asks GEOS). Made for layers built from one set of polygons, whose
/// shared edges have bit-identical coordinates (docs/methods.md §7.1):
/// a ⊆ b exactly when no point of b's boundary lies in a's interior and each polygon
/// of `a` has one interior point in b. A boundary segment of b that is an edge of a
/// lies on a's boundary; one that meets a's boundary only at shared vertices lies
/// inside or outside a as the angle of a at that vertex says; one that meets nothing
/// lies on the side of the segment before it, or, for a ring that meets nothing, on
/// the side of its first point. A polygon of `a` with an edge of b's boundary running
/// the same way (interiors on the same side) lies in b, and the opposite way, outside;
/// otherwise one of its vertices not on b's boundary decides. Every orientation is
/// certified (exact_predicates.hpp); an uncertified one, a vertex of one boundary in
/// the middle of an edge of the other, or collinear edges that are not the same edge
/// give nullopt. A proper crossing of the boundaries gives false.
std::optional<bool> covers_exactly(const CoveringRings& b, const PolygonRings& a);

/// Whether the interiors of `a` and `b` meet (their intersection has positive area),
/// by the same walk as covers_exactly (docs/methods.md §7.1): yes when a point of b's
/// boundary lies in a's interior, or a polygon of `a` lies in b (an edge of b running
/// the same way, or one of its vertices inside b); nullopt where that cannot be
/// decided exactly.
std::optional<bool> interiors_overlap_exactly(const CoveringRings& b, const PolygonRings& a);

} // namespace coterm
