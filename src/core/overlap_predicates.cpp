// SPDX-License-Identifier: MIT
// The GEOS predicates of the overlap's screening phase (see core/overlap.cpp).
#include "core/overlap_predicates.hpp"

#include "core/geos_answer.hpp"
#include "core/geos_context.hpp"

#include <algorithm>
#include <vector>

namespace coterm {

/// True when an exterior-ring vertex of polygonal `g` lies outside the prepared
/// polygon, so it cannot be covered. A cheap reject (point location in the prepared
/// index) for features that cross the boundary. Reads `g` only: points are made in
/// this thread's context, never through g's own factory. A failed point test is
/// counted and read as "inside": the exact covers test then decides.
bool has_vertex_outside(const GEOSPreparedGeometry* prepared, const GEOSGeometry* g, std::size_t& geos_errors,
                        unsigned max_vertices)
{
    auto ctx = geos_context();
    const int parts = GEOSGetNumGeometries_r(ctx, g);
    for (int p = 0; p < parts; ++p) {
        const GEOSGeometry* polygon = GEOSGetGeometryN_r(ctx, g, p);
        const GEOSCoordSequence* ring = GEOSGeom_getCoordSeq_r(ctx, GEOSGetExteriorRing_r(ctx, polygon));
        unsigned int n = 0;
        if (!ring || !GEOSCoordSeq_getSize_r(ctx, ring, &n)) continue;
        for (unsigned int k = 0; k + 1 < n && k < max_vertices; ++k) {
            double x = 0, y = 0;
            if (!GEOSCoordSeq_getXY_r(ctx, ring, k, &x, &y)) {
                read_answer(2, geos_errors);
                continue;
            }
            GEOSGeometry* point = GEOSGeom_createPointFromXY_r(ctx, x, y);
            if (!point) {
                read_answer(2, geos_errors);
                continue;
            }
            const char hit = GEOSPreparedIntersects_r(ctx, prepared, point);
            GEOSGeom_destroy_r(ctx, point);
            if (read_answer(hit, geos_errors) == Answer::no) return true;
        }
    }
    return false;
}

bool boxes_meet(const Box& l, const Box& r)
{
    return l.min_x <= r.max_x && r.min_x <= l.max_x && l.min_y <= r.max_y && r.min_y <= l.max_y;
}

/// Whether the subdivided polygon covers `g` (whose box is `box`): g ⊆ outer ⇔ g ⊆
/// the union of the pieces whose boxes meet g's box, a union of a few pieces of
/// bounded size, where clipping the whole polygon would cost its full size for every
/// candidate. A failure is counted and read as "not known to cover".
bool covers_by_pieces(const Subdivision& s, const GEOSGeometry* g, const Box& box, std::size_t& geos_errors)
{
    auto ctx = geos_context();
    std::vector<GEOSGeometry*> near;
    for (std::size_t k = 0; k < s.pieces.size(); ++k)
        if (boxes_meet(s.boxes[k], box)) near.push_back(GEOSGeom_clone_r(ctx, s.pieces[k].get()));
    if (near.empty()) return false;
    GEOSGeometry* all =
        GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, near.data(), static_cast<unsigned>(near.size()));
    GEOSGeometry* merged = all ? GEOSUnaryUnion_r(ctx, all) : nullptr;
    if (all) GEOSGeom_destroy_r(ctx, all);
    if (!merged) {
        read_answer(2, geos_errors);
        return false;
    }
    const Answer covers = read_answer(GEOSCovers_r(ctx, merged, g), geos_errors);
    GEOSGeom_destroy_r(ctx, merged);
    return covers == Answer::yes;
}

/// Whether `outer` covers `g` (whose box is `box`), for a `g` touching outer's
/// boundary. GEOS 3.11's prepared covers falls back to a full RelateOp on the whole
/// outer polygon when boundaries share segments (125 µs a call against an ICB);
/// `g` lies inside a box R, so covers(outer, g) ⇔ covers(outer ∩ R, g), and clipping
/// to R first (exact inside R) makes the relate small: measured 4× faster on
/// lsoa21 × icb24 with identical answers. An invalid clip (GEOS does not promise a
/// valid one) or a GEOS error falls back to the prepared form; when that fails too,
/// the failure is counted and the answer is "not known to cover", so the pair goes
/// to the exact intersection.
bool covers_locally(const Geometry& outer, const GEOSPreparedGeometry* prepared, const CoveringRings* outer_rings,
                    const GEOSGeometry* g, const Box& box, std::size_t& geos_errors, std::size_t& exact)
{
    auto ctx = geos_context();
    // A few vertices reject most features that cross the boundary; testing them all
    // costs more than the exact test that follows (a district has ~1,500).
    if (has_vertex_outside(prepared, g, geos_errors, 16)) return false;
    // Layers built from one set of polygons share edges with identical coordinates:
    // there the exact test decides without GEOS's relate (~2.5 M instructions a
    // district against an ICB).
    thread_local PolygonRings inner;
    if (outer_rings && inner.read(ctx, g))
        if (const auto answer = covers_exactly(*outer_rings, inner)) {
            ++exact;
            return *answer;
        }
    if (has_vertex_outside(prepared, g, geos_errors)) return false;
    // The margin keeps the clip's new vertices (on R's border) well away from g.
    const double margin = 1.0 + 0.01 * std::max(box.max_x - box.min_x, box.max_y - box.min_y);
    GEOSGeometry* clipped = GEOSClipByRect_r(ctx, outer.get(), box.min_x - margin, box.min_y - margin,
                                             box.max_x + margin, box.max_y + margin);
    Answer covers = Answer::failed;
    if (clipped) {
        // GEOS does not guarantee a valid clip; relate is exact only on valid input.
        // An invalid clip is expected now and then and is not counted as an error.
        const Answer valid = read_answer(GEOSisValid_r(ctx, clipped), geos_errors);
        if (valid == Answer::yes) covers = read_answer(GEOSCovers_r(ctx, clipped, g), geos_errors);
        GEOSGeom_destroy_r(ctx, clipped);
    } else {
        read_answer(2, geos_errors);
    }
    if (covers == Answer::failed) covers = read_answer(GEOSPreparedCovers_r(ctx, prepared, g), geos_errors);
    return covers == Answer::yes;
}

bool covers_outer(const GEOSGeometry* g, const Geometry& outer, const PolygonRings* outer_rings,
                  std::size_t& geos_errors, std::size_t& exact)
{
    auto ctx = geos_context();
    thread_local CoveringRings covering;
    if (outer_rings && covering.read(ctx, g))
        if (const auto answer = covers_exactly(covering, *outer_rings)) {
            ++exact;
            return *answer;
        }
    return read_answer(GEOSCovers_r(ctx, g, outer.get()), geos_errors) == Answer::yes;
}

std::optional<bool> interiors_meet_exactly(const GEOSGeometry* x, const GEOSGeometry* y)
{
    auto ctx = geos_context();
    thread_local CoveringRings x_rings;
    thread_local PolygonRings y_rings;
    if (!x_rings.read(ctx, x) || !y_rings.read(ctx, y)) return std::nullopt;
    return interiors_overlap_exactly(x_rings, y_rings);
}

/// Whether any piece of a subdivided polygon meets `g` (box `box`): each piece is
/// small, where GEOS's prepared point location in the whole polygon indexes segments
/// by their y extent only, so a point in a band crossed by many segments (the teeth
/// of a zig-zag) tests them all.
Answer intersects_pieces(const Subdivision& s, const GEOSGeometry* g, const Box& box, std::size_t& geos_errors)
{
    auto ctx = geos_context();
    bool failed = false;
    for (std::size_t k = 0; k < s.pieces.size(); ++k) {
        if (!boxes_meet(s.boxes[k], box)) continue;
        const Answer a = read_answer(GEOSIntersects_r(ctx, s.pieces[k].get(), g), geos_errors);
        if (a == Answer::yes) return a;
        failed |= a == Answer::failed;
    }
    return failed ? Answer::failed : Answer::no;
}

} // namespace coterm
