// SPDX-License-Identifier: MIT
#include "core/subdivide.hpp"

#include "core/errors.hpp"
#include "core/geos_context.hpp"

#include <string>
#include <utility>

namespace coterm {
namespace {

constexpr int max_depth = 40;

/// `g` ∩ the rectangle `r`, polygonal part only; null geometry when empty.
/// GEOSClipByRect is linear in the vertices (an OverlayNG intersection with the
/// rectangle measured ~7 µs a vertex on a zig-zag, as every tooth is its own
/// monotone chain), but GEOS does not promise a valid result, so an invalid clip is
/// redone as the exact OverlayNG intersection.
Geometry clip(const GEOSGeometry* g, const Box& r)
{
    auto ctx = geos_context();
    GEOSGeometry* c = GEOSClipByRect_r(ctx, g, r.min_x, r.min_y, r.max_x, r.max_y);
    if (c && GEOSisValid_r(ctx, c) != 1) {
        GEOSGeom_destroy_r(ctx, c);
        c = nullptr;
    }
    if (!c) {
        take_geos_error();
        GEOSGeometry* rect = GEOSGeom_createRectangle_r(ctx, r.min_x, r.min_y, r.max_x, r.max_y);
        if (!rect) throw GeometryError("GEOS: cannot make a rectangle: " + take_geos_error());
        c = GEOSIntersection_r(ctx, g, rect);
        GEOSGeom_destroy_r(ctx, rect);
        if (!c) throw GeometryError("GEOS: cannot cut a polygon into pieces: " + take_geos_error());
    }
    Geometry piece = polygonal_part(Geometry(c));
    if (piece.is_empty()) return {};
    return piece;
}

void cut(Geometry g, const Box& box, std::size_t max_vertices, int depth, Subdivision& out)
{
    const double w = box.max_x - box.min_x, h = box.max_y - box.min_y;
    if (static_cast<std::size_t>(g.num_coordinates()) <= max_vertices || depth >= max_depth || (w <= 0 && h <= 0)) {
        out.boxes.push_back(g.envelope());
        out.pieces.push_back(std::move(g));
        return;
    }
    Box low = box, high = box;
    if (w >= h) {
        low.max_x = high.min_x = box.min_x + w / 2;
    } else {
        low.max_y = high.min_y = box.min_y + h / 2;
    }
    for (const Box& half : {low, high}) {
        Geometry piece = clip(g.get(), half);
        if (!piece) continue;
        const Box piece_box = piece.envelope();
        cut(std::move(piece), piece_box, max_vertices, depth + 1, out);
    }
}

} // namespace

Subdivision subdivide(const Geometry& g, std::size_t max_vertices)
{
    Subdivision out;
    Geometry local = g.copy_for_this_thread();
    const Box box = local.envelope();
    cut(std::move(local), box, max_vertices, 0, out);
    return out;
}

} // namespace coterm
