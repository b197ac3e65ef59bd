// SPDX-License-Identifier: MIT
#include "core/point_locator.hpp"

#include "core/errors.hpp"
#include "core/geos_context.hpp"
#include "core/parallel.hpp"

#include "core/spatial_index.hpp"

#include <algorithm>
#include <string>

namespace coterm {

std::vector<std::size_t> locate_points(const Layer& layer, const std::vector<XY>& points, unsigned threads)
{
    std::vector<index::PointEntry> entries;
    entries.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        entries.emplace_back(index::Point(points[i].x, points[i].y), i);
    const index::PointTree tree(entries.begin(), entries.end());

    std::vector<std::vector<std::size_t>> hits(layer.features.size());
    parallel_for(layer.features.size(), resolve_threads(threads), [&](std::size_t f) {
        auto ctx = geos_context();
        const Geometry local = layer.features[f].geometry.copy_for_this_thread();
        const Box box = local.envelope();
        const GEOSPreparedGeometry* prepared = GEOSPrepare_r(ctx, local.get());
        if (!prepared) throw GeometryError("cannot prepare '" + layer.features[f].code + "': " + take_geos_error());
        // A GEOS error (2 from the predicate, a null point) must never read as "outside":
        // it is a GeometryError naming the feature and the point.
        std::string failure;
        index::query(tree, box, [&](const index::PointEntry& e) {
            if (!failure.empty()) return;
            const XY& xy = points[e.second];
            GEOSGeometry* p = GEOSGeom_createPointFromXY_r(ctx, xy.x, xy.y);
            const char covers = p ? GEOSPreparedCovers_r(ctx, prepared, p) : 2;
            if (covers == 1) hits[f].push_back(e.second);
            if (covers == 2)
                failure = "cannot tell whether '" + layer.features[f].code + "' covers point #" +
                          std::to_string(e.second + 1) + " (" + std::to_string(xy.x) + ", " + std::to_string(xy.y) +
                          "): " + take_geos_error();
            if (p) GEOSGeom_destroy_r(ctx, p);
        });
        GEOSPreparedGeom_destroy_r(ctx, prepared);
        if (!failure.empty()) throw GeometryError(failure);
    });
    // Features in index order: the first to claim a point keeps it.
    std::vector<std::size_t> out(points.size(), no_feature);
    for (std::size_t f = 0; f < hits.size(); ++f)
        for (std::size_t p : hits[f])
            if (out[p] == no_feature) out[p] = f;
    return out;
}

std::vector<XY> points_on_surface(const Layer& layer, unsigned threads)
{
    std::vector<XY> out(layer.features.size());
    parallel_for(layer.features.size(), resolve_threads(threads), [&](std::size_t f) {
        auto ctx = geos_context();
        // A local copy: PointOnSurface creates its result through the input's factory.
        const Geometry local = layer.features[f].geometry.copy_for_this_thread();
        GEOSGeometry* raw = GEOSPointOnSurface_r(ctx, local.get());
        if (!raw) throw GeometryError("no point on surface for '" + layer.features[f].code + "': " + take_geos_error());
        const Geometry point(raw);
        if (!GEOSGeomGetX_r(ctx, point.get(), &out[f].x) || !GEOSGeomGetY_r(ctx, point.get(), &out[f].y))
            throw GeometryError("no point on surface for '" + layer.features[f].code + "'");
    });
    return out;
}

} // namespace coterm
