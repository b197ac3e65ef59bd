// SPDX-License-Identifier: MIT
// The GEOS predicates of compute_overlap's screening phase. Each counts a GEOS failure
// in `geos_errors` and never reads it as "no": the caller then decides by the exact
// intersection.
#pragma once
#include "core/covers_exact.hpp"
#include "core/geometry.hpp"
#include "core/geos_answer.hpp"
#include "core/subdivide.hpp"

#include <geos_c.h>

#include <cstddef>
#include <optional>

namespace coterm {

/// True when an exterior-ring vertex of polygonal `g` lies outside the prepared
/// polygon, so it cannot be covered (a cheap reject by point location). Looks at the
/// first `max_vertices` vertices of each exterior ring (default: all).
bool has_vertex_outside(const GEOSPreparedGeometry* prepared, const GEOSGeometry* g, std::size_t& geos_errors,
                        unsigned max_vertices = ~0u);

/// Whether two boxes meet (boundaries included).
bool boxes_meet(const Box& l, const Box& r);

/// Whether the subdivided polygon `s` covers `g` (whose box is `box`), from the pieces
/// whose boxes meet g's box.
bool covers_by_pieces(const Subdivision& s, const GEOSGeometry* g, const Box& box, std::size_t& geos_errors);

/// Whether `outer` (prepared as `prepared`, its rings `outer_rings`, null when they
/// could not be read) covers `g` (box `box`), for a `g` touching outer's boundary:
/// no when a vertex of g lies outside; else by the exact test (covers_exactly, counted
/// in `exact`) where it decides; else by GEOS on `outer` clipped to a box around `g`,
/// falling back to the prepared test.
bool covers_locally(const Geometry& outer, const GEOSPreparedGeometry* prepared, const CoveringRings* outer_rings,
                    const GEOSGeometry* g, const Box& box, std::size_t& geos_errors, std::size_t& exact);

/// Whether `g` covers `outer` (its rings `outer_rings`, or null): by the exact test
/// (counted in `exact`) where it decides, else by GEOS covers; a GEOS failure is
/// counted and read as "not known to cover".
bool covers_outer(const GEOSGeometry* g, const Geometry& outer, const PolygonRings* outer_rings,
                  std::size_t& geos_errors, std::size_t& exact);

/// Whether the interiors of polygonal `x` and `y` meet (positive area of x ∩ y), by
/// the exact test (interiors_overlap_exactly); nullopt where it cannot decide.
std::optional<bool> interiors_meet_exactly(const GEOSGeometry* x, const GEOSGeometry* y);

/// Whether any piece of the subdivided polygon `s` meets `g` (box `box`).
Answer intersects_pieces(const Subdivision& s, const GEOSGeometry* g, const Box& box, std::size_t& geos_errors);

} // namespace coterm
