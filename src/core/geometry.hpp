// SPDX-License-Identifier: MIT
#pragma once
#include <geos_c.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coterm {

/// Axis-aligned bounding box in the geometry's CRS units.
struct Box {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    /// True when `other` lies inside this box (boundary included).
    bool contains(const Box& other) const
    {
        return min_x <= other.min_x && min_y <= other.min_y && max_x >= other.max_x && max_y >= other.max_y;
    }
};

using Wkb = std::vector<unsigned char>;

/// Move-only owner of one GEOS geometry. In and out as WKB (or WKT for tests).
/// Operations use the calling thread's GEOS context.
class Geometry {
public:
    Geometry() = default;
    /// Takes ownership of `g`; throws GeometryError with GEOS's message when `g` is null.
    explicit Geometry(GEOSGeometry* g);
    ~Geometry();
    Geometry(Geometry&& other) noexcept;
    Geometry& operator=(Geometry&& other) noexcept;
    Geometry(const Geometry&) = delete;
    Geometry& operator=(const Geometry&) = delete;

    /// Parses WKB (either byte order); throws GeometryError on malformed input.
    static Geometry from_wkb(std::span<const unsigned char> wkb);
    /// Parses WKT; throws GeometryError on malformed input. Mainly for tests.
    static Geometry from_wkt(std::string_view wkt);

    /// Little-endian 2D WKB.
    Wkb to_wkb() const;
    /// WKT with `decimals` digits after the point, trimmed.
    std::string to_wkt(int decimals = 6) const;

    const GEOSGeometry* get() const { return g_; }
    explicit operator bool() const { return g_ != nullptr; }
    /// Gives up ownership (e.g. to a GEOS collection that takes it).
    GEOSGeometry* release() { return std::exchange(g_, nullptr); }

    bool is_empty() const;
    /// Planar area in squared CRS units (m² in EPSG:27700).
    double area() const;
    /// Number of coordinates, a proxy for the cost of operations on it.
    int num_coordinates() const;
    /// Bounding box; computing it here also fills GEOS's cached envelope, so
    /// later read-only use from several threads never writes to the geometry.
    Box envelope() const;
    /// An independent deep copy made in the calling thread's context, for anything that
    /// writes or caches inside a geometry (preparing it, an overlay's first operand).
    /// In GEOS 3.11 every context shares one default GeometryFactory, so the copy does
    /// not change the factory (docs/architecture.md, "Threads and GEOS contexts").
    Geometry copy_for_this_thread() const;

private:
    GEOSGeometry* g_ = nullptr;
};

/// The polygonal part of `g`: polygons and multipolygons are returned as they are;
/// from a collection, only its polygon components are kept (as a MultiPolygon).
Geometry polygonal_part(Geometry g);

/// Validity check; returns an empty string when valid, else GEOS's reason
/// (e.g. "Self-intersection[1 1]").
std::string invalid_reason(const Geometry& g);

/// Repairs an invalid polygonal geometry with GEOS MakeValid ("structure" method,
/// collapsed parts dropped) and keeps its polygonal part.
Geometry make_valid_polygonal(const Geometry& g);

} // namespace coterm
