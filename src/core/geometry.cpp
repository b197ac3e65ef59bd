// SPDX-License-Identifier: MIT
#include "core/geometry.hpp"

#include "core/errors.hpp"
#include "core/geos_context.hpp"

#include <utility>

namespace coterm {

Geometry::Geometry(GEOSGeometry* g) : g_(g)
{
    if (!g_) throw GeometryError("GEOS: " + take_geos_error());
}

Geometry::~Geometry()
{
    if (g_) GEOSGeom_destroy_r(geos_context(), g_);
}

Geometry::Geometry(Geometry&& other) noexcept : g_(std::exchange(other.g_, nullptr)) {}

Geometry& Geometry::operator=(Geometry&& other) noexcept
{
    if (this != &other) {
        if (g_) GEOSGeom_destroy_r(geos_context(), g_);
        g_ = std::exchange(other.g_, nullptr);
    }
    return *this;
}

Geometry Geometry::from_wkb(std::span<const unsigned char> wkb)
{
    return Geometry(GEOSWKBReader_read_r(geos_context(), geos_wkb_reader(), wkb.data(), wkb.size()));
}

Geometry Geometry::from_wkt(std::string_view wkt)
{
    auto ctx = geos_context();
    GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx);
    std::string text(wkt);
    GEOSGeometry* g = GEOSWKTReader_read_r(ctx, reader, text.c_str());
    GEOSWKTReader_destroy_r(ctx, reader);
    return Geometry(g);
}

Wkb Geometry::to_wkb() const
{
    auto ctx = geos_context();
    std::size_t size = 0;
    unsigned char* buffer = GEOSWKBWriter_write_r(ctx, geos_wkb_writer(), g_, &size);
    if (!buffer) throw GeometryError("GEOS: " + take_geos_error());
    Wkb out(buffer, buffer + size);
    GEOSFree_r(ctx, buffer);
    return out;
}

std::string Geometry::to_wkt(int decimals) const
{
    auto ctx = geos_context();
    GEOSWKTWriter* writer = GEOSWKTWriter_create_r(ctx);
    GEOSWKTWriter_setRoundingPrecision_r(ctx, writer, decimals);
    GEOSWKTWriter_setTrim_r(ctx, writer, 1);
    char* text = GEOSWKTWriter_write_r(ctx, writer, g_);
    GEOSWKTWriter_destroy_r(ctx, writer);
    if (!text) throw GeometryError("GEOS: " + take_geos_error());
    std::string out(text);
    GEOSFree_r(ctx, text);
    return out;
}

bool Geometry::is_empty() const
{
    return GEOSisEmpty_r(geos_context(), g_) == 1;
}

double Geometry::area() const
{
    double a = 0;
    if (!GEOSArea_r(geos_context(), g_, &a)) throw GeometryError("GEOS area: " + take_geos_error());
    return a;
}

int Geometry::num_coordinates() const
{
    return GEOSGetNumCoordinates_r(geos_context(), g_);
}

Box Geometry::envelope() const
{
    auto ctx = geos_context();
    Box b;
    if (!GEOSGeom_getXMin_r(ctx, g_, &b.min_x) || !GEOSGeom_getYMin_r(ctx, g_, &b.min_y) ||
        !GEOSGeom_getXMax_r(ctx, g_, &b.max_x) || !GEOSGeom_getYMax_r(ctx, g_, &b.max_y))
        throw GeometryError("GEOS envelope: " + take_geos_error());
    return b;
}

Geometry Geometry::copy_for_this_thread() const
{
    // A deep copy that no other thread can see, so lazily built caches (prepared
    // indexes, envelopes) are private to this thread. GEOS 3.11 makes every geometry,
    // cloned or read from WKB, through the one shared default factory (issue 847).
    return from_wkb(to_wkb());
}

Geometry polygonal_part(Geometry g)
{
    auto ctx = geos_context();
    const int type = GEOSGeomTypeId_r(ctx, g.get());
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return g;
    std::vector<GEOSGeometry*> parts;
    const int n = GEOSGetNumGeometries_r(ctx, g.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(ctx, g.get(), i);
        const int part_type = GEOSGeomTypeId_r(ctx, part);
        if (part_type == GEOS_POLYGON) {
            parts.push_back(GEOSGeom_clone_r(ctx, part));
        } else if (part_type == GEOS_MULTIPOLYGON) {
            for (int k = 0; k < GEOSGetNumGeometries_r(ctx, part); ++k)
                parts.push_back(GEOSGeom_clone_r(ctx, GEOSGetGeometryN_r(ctx, part, k)));
        }
    }
    return Geometry(
        GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())));
}

std::string invalid_reason(const Geometry& g)
{
    auto ctx = geos_context();
    const char valid = GEOSisValid_r(ctx, g.get());
    if (valid == 1) return {};
    if (valid == 2) throw GeometryError("GEOS validity check: " + take_geos_error());
    char* reason = GEOSisValidReason_r(ctx, g.get());
    std::string out = reason ? reason : "invalid";
    if (reason) GEOSFree_r(ctx, reason);
    return out;
}

Geometry make_valid_polygonal(const Geometry& g)
{
    auto ctx = geos_context();
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx);
    GEOSMakeValidParams_setMethod_r(ctx, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, 0);
    GEOSGeometry* repaired = GEOSMakeValidWithParams_r(ctx, g.get(), params);
    GEOSMakeValidParams_destroy_r(ctx, params);
    return polygonal_part(Geometry(repaired));
}

} // namespace coterm
