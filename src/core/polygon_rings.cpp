// SPDX-License-Identifier: MIT
#include "core/polygon_rings.hpp"

#include "core/errors.hpp"
#include "core/geos_context.hpp"

#include <vector>

namespace coterm {
namespace {

using Visitor = std::function<void(std::size_t, std::size_t, std::span<const double>)>;

void visit_ring(GEOSContextHandle_t ctx, const GEOSGeometry* ring, std::size_t polygon, std::size_t index,
                std::vector<double>& xy, const Visitor& visit)
{
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n)) throw GeometryError("GEOS: " + take_geos_error());
    xy.resize(2 * static_cast<std::size_t>(n));
    if (n > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx, seq, xy.data(), 0, 0))
        throw GeometryError("GEOS: " + take_geos_error());
    visit(polygon, index, xy);
}

void walk(GEOSContextHandle_t ctx, const GEOSGeometry* g, std::size_t& polygon, std::vector<double>& xy,
          const Visitor& visit, int depth)
{
    // As core/wkb.cpp: collections nest, and a hostile file could nest them deeply.
    if (depth > 32) throw GeometryError("geometry collections nested more than 32 deep");
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx, g) != 1) {
            visit_ring(ctx, GEOSGetExteriorRing_r(ctx, g), polygon, 0, xy, visit);
            const int holes = GEOSGetNumInteriorRings_r(ctx, g);
            for (int h = 0; h < holes; ++h)
                visit_ring(ctx, GEOSGetInteriorRingN_r(ctx, g, h), polygon, static_cast<std::size_t>(h) + 1, xy, visit);
        }
        ++polygon;
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i)
            walk(ctx, GEOSGetGeometryN_r(ctx, g, i), polygon, xy, visit, depth + 1);
    }
}

} // namespace

void for_each_polygon_ring(const Geometry& g, const Visitor& visit, std::vector<double>& scratch)
{
    std::size_t polygon = 0;
    walk(geos_context(), g.get(), polygon, scratch, visit, 0);
}

} // namespace coterm
