// SPDX-License-Identifier: MIT
#include "core/wkb.hpp"

#include "core/errors.hpp"
#include "core/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace coterm {
namespace {

// WKB as produced by our own writers (GEOS / GDAL, asked for NDR 2D), so the walker
// only needs the little-endian 2D subset, and refuses anything else loudly.
class Cursor {
public:
    explicit Cursor(std::span<unsigned char> wkb) : data_(wkb) {}

    std::uint32_t read_header()
    {
        need(5);
        if (data_[pos_] != 1) throw GeometryError("WKB: big-endian input is not supported");
        ++pos_;
        return read_u32();
    }
    std::uint32_t read_u32()
    {
        need(4);
        std::uint32_t v;
        std::memcpy(&v, data_.data() + pos_, 4);
        pos_ += 4;
        return v;
    }
    unsigned char* take_points(std::size_t n)
    {
        need(n * 16);
        unsigned char* p = data_.data() + pos_;
        pos_ += n * 16;
        return p;
    }

private:
    void need(std::size_t n) const
    {
        if (pos_ + n > data_.size()) throw GeometryError("WKB: truncated geometry");
    }
    std::span<unsigned char> data_;
    std::size_t pos_ = 0;
};

std::string coordinate_text(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return format_general(v, 15);
}

using Visitor = std::function<void(std::size_t, std::size_t, WkbRing)>;

void walk(Cursor& c, std::uint32_t type, std::size_t& polygon_counter, const Visitor* visit, int depth = 0);

void walk_polygon_body(Cursor& c, std::size_t& polygon_counter, const Visitor* visit)
{
    const std::uint32_t rings = c.read_u32();
    for (std::uint32_t r = 0; r < rings; ++r) {
        const std::uint32_t n = c.read_u32();
        unsigned char* xy = c.take_points(n);
        if (visit) (*visit)(polygon_counter, r, WkbRing{xy, n, 16});
    }
    ++polygon_counter;
}

void walk(Cursor& c, std::uint32_t type, std::size_t& polygon_counter, const Visitor* visit, int depth)
{
    // Collections nest; a hostile file could nest them deep enough to overflow the stack.
    if (depth > 32) throw GeometryError("WKB: geometry collections nested more than 32 deep");
    switch (type) {
    case 1:
        c.take_points(1);
        return; // Point: skipped
    case 2:
        c.take_points(c.read_u32());
        return; // LineString: skipped
    case 3:
        walk_polygon_body(c, polygon_counter, visit);
        return;
    case 4:
    case 5:
    case 6:
    case 7: {
        const std::uint32_t n = c.read_u32();
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::uint32_t member = c.read_header();
            // Only polygons inside a MultiPolygon or collection are visited.
            walk(c, member, polygon_counter, (member == 3 || member >= 6) ? visit : nullptr, depth + 1);
        }
        return;
    }
    default:
        throw GeometryError("WKB: unsupported geometry type code " + std::to_string(type) +
                            " (only 2D geometries are handled)");
    }
}

} // namespace

void for_each_ring(std::span<unsigned char> wkb, const Visitor& visit)
{
    Cursor c(wkb);
    std::size_t polygon_counter = 0;
    walk(c, c.read_header(), polygon_counter, &visit);
}

WkbBounds finite_bounds(std::span<unsigned char> wkb)
{
    WkbBounds b;
    for_each_ring(wkb, [&](std::size_t polygon, std::size_t ring_index, WkbRing ring) {
        for (std::size_t i = 0; i < ring.count; ++i) {
            double x, y;
            read_point(ring, i, x, y);
            if (!std::isfinite(x) || !std::isfinite(y))
                throw GeometryError("non-finite coordinate (" + coordinate_text(x) + ", " + coordinate_text(y) +
                                    ") at polygon " + std::to_string(polygon + 1) + ", ring " +
                                    std::to_string(ring_index + 1) + ", vertex " + std::to_string(i + 1));
            if (b.empty) {
                b = {x, y, x, y, false};
                continue;
            }
            b.min_x = std::min(b.min_x, x);
            b.min_y = std::min(b.min_y, y);
            b.max_x = std::max(b.max_x, x);
            b.max_y = std::max(b.max_y, y);
        }
    });
    return b;
}

void read_point(const WkbRing& ring, std::size_t i, double& x, double& y)
{
    std::memcpy(&x, ring.xy + i * ring.stride, 8);
    std::memcpy(&y, ring.xy + i * ring.stride + 8, 8);
}

void write_point(const WkbRing& ring, std::size_t i, double x, double y)
{
    std::memcpy(ring.xy + i * ring.stride, &x, 8);
    std::memcpy(ring.xy + i * ring.stride + 8, &y, 8);
}

} // namespace coterm
