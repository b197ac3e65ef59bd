// SPDX-License-Identifier: MIT
#include "render/map_geometry.hpp"

#include "core/geos_context.hpp"
#include "core/parallel.hpp"
#include "core/polygon_rings.hpp"
#include "core/wkb.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace coterm::render {

void for_each_map_ring(const Wkb& wkb, const std::function<void(const std::vector<MapPoint>&)>& visit)
{
    Wkb copy = wkb; // for_each_ring gives write access to the buffer; ours stays const
    std::vector<MapPoint> points;
    for_each_ring(copy, [&](std::size_t, std::size_t, WkbRing ring) {
        points.resize(ring.count);
        for (std::size_t i = 0; i < ring.count; ++i)
            read_point(ring, i, points[i].x, points[i].y);
        if (points.size() > 1 && points.front().x == points.back().x && points.front().y == points.back().y)
            points.pop_back();
        visit(points);
    });
}

Box map_extent(const std::vector<MapFeature>& features)
{
    Box box;
    bool first = true;
    for (const auto& f : features)
        for_each_map_ring(f.geometry_bng, [&](const std::vector<MapPoint>& ring) {
            for (const auto& p : ring) {
                if (first) {
                    box = {p.x, p.y, p.x, p.y};
                    first = false;
                }
                box.min_x = std::min(box.min_x, p.x);
                box.min_y = std::min(box.min_y, p.y);
                box.max_x = std::max(box.max_x, p.x);
                box.max_y = std::max(box.max_y, p.y);
            }
        });
    return box;
}

namespace {

/// Appends an integer, with a space only where the previous character is a digit and
/// the number has no minus sign to separate it.
void append_number(std::string& s, long long v)
{
    if (v >= 0 && !s.empty() && std::isdigit(static_cast<unsigned char>(s.back()))) s += ' ';
    s += std::to_string(v);
}

} // namespace

std::string svg_path_data(const Wkb& wkb, double unit_m)
{
    std::string d;
    long long pen_x = 0, pen_y = 0; // the current point: after "z", the start of the last ring
    std::vector<std::pair<long long, long long>> pts;
    for_each_map_ring(wkb, [&](const std::vector<MapPoint>& ring) {
        pts.clear();
        for (const auto& p : ring) {
            const std::pair<long long, long long> q{std::llround(p.x / unit_m), std::llround(-p.y / unit_m)};
            if (pts.empty() || q != pts.back()) pts.push_back(q);
        }
        while (pts.size() > 1 && pts.back() == pts.front())
            pts.pop_back();
        if (pts.size() < 3) return;
        if (d.empty()) {
            d += 'M';
            append_number(d, pts[0].first);
            append_number(d, pts[0].second);
        } else {
            d += 'm';
            append_number(d, pts[0].first - pen_x);
            append_number(d, pts[0].second - pen_y);
        }
        d += 'l';
        for (std::size_t i = 1; i < pts.size(); ++i) {
            append_number(d, pts[i].first - pts[i - 1].first);
            append_number(d, pts[i].second - pts[i - 1].second);
        }
        d += 'z';
        pen_x = pts[0].first;
        pen_y = pts[0].second;
    });
    return d;
}

namespace {

double distance_to_segment(const MapPoint& p, const MapPoint& a, const MapPoint& b)
{
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/// Douglas–Peucker of a closed ring (`ring` without its closing point): its first point
/// and the point farthest from it are kept, and each half between them is simplified.
/// Returns the kept points, closed; empty when fewer than three are left.
std::vector<MapPoint> simplify_ring(const std::vector<MapPoint>& ring, double tolerance)
{
    const std::size_t n = ring.size();
    if (n < 3) return {};
    auto at = [&](std::size_t i) -> const MapPoint& { return ring[i % n]; }; // index n is the first point again
    std::vector<bool> keep(n, false);
    keep[0] = true;
    std::size_t far = 0;
    for (std::size_t i = 1; i < n; ++i)
        if (distance_to_segment(ring[i], ring[0], ring[0]) > distance_to_segment(ring[far], ring[0], ring[0])) far = i;
    keep[far] = true;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, far}, {far, n}};
    while (!stack.empty()) {
        const auto [first, last] = stack.back();
        stack.pop_back();
        double worst = tolerance;
        std::size_t worst_at = first;
        for (std::size_t i = first + 1; i < last; ++i)
            if (const double d = distance_to_segment(ring[i], at(first), at(last)); d > worst) worst = d, worst_at = i;
        if (worst_at == first) continue;
        keep[worst_at] = true;
        stack.push_back({first, worst_at});
        stack.push_back({worst_at, last});
    }
    std::vector<MapPoint> out;
    for (std::size_t i = 0; i < n; ++i)
        if (keep[i]) out.push_back(ring[i]);
    if (out.size() < 3) return {};
    out.push_back(out.front());
    return out;
}

template <typename T> void append_le(Wkb& out, T value)
{
    // WKB here is little-endian, as the machines coterm builds for (core/wkb.cpp).
    const std::size_t at = out.size();
    out.resize(at + sizeof(T));
    std::memcpy(out.data() + at, &value, sizeof(T));
}

/// A little-endian 2D WKB MultiPolygon of `polygons` (each: exterior ring, then holes).
Wkb multipolygon_wkb(const std::vector<std::vector<std::vector<MapPoint>>>& polygons)
{
    Wkb out;
    out.push_back(1);
    append_le<std::uint32_t>(out, 6);
    append_le<std::uint32_t>(out, static_cast<std::uint32_t>(polygons.size()));
    for (const auto& rings : polygons) {
        out.push_back(1);
        append_le<std::uint32_t>(out, 3);
        append_le<std::uint32_t>(out, static_cast<std::uint32_t>(rings.size()));
        for (const auto& ring : rings) {
            append_le<std::uint32_t>(out, static_cast<std::uint32_t>(ring.size()));
            for (const auto& p : ring) {
                append_le(out, p.x);
                append_le(out, p.y);
            }
        }
    }
    return out;
}

} // namespace

namespace {

/// The outline of one shape, a ring at a time.
class OutlineBuilder {
public:
    explicit OutlineBuilder(double tolerance_m) : tolerance_(tolerance_m) {}
    /// Ring `ring_index` of the current polygon (0: its exterior); `points` may be closed.
    void add(std::size_t ring_index, std::vector<MapPoint>& points)
    {
        if (points.size() > 1 && points.front().x == points.back().x && points.front().y == points.back().y)
            points.pop_back();
        std::vector<MapPoint> kept = simplify_ring(points, tolerance_);
        if (ring_index == 0) {
            exterior_kept_ = !kept.empty(); // a polygon whose exterior collapsed goes with its holes
            if (exterior_kept_) polygons_.push_back({std::move(kept)});
        } else if (exterior_kept_ && !kept.empty()) {
            polygons_.back().push_back(std::move(kept));
        }
    }
    Wkb wkb() const { return multipolygon_wkb(polygons_); }

private:
    double tolerance_;
    std::vector<std::vector<std::vector<MapPoint>>> polygons_;
    bool exterior_kept_ = false;
};

} // namespace

Wkb simplified_outline(const Wkb& wkb, double tolerance_m)
{
    Wkb copy = wkb; // for_each_ring gives write access to the buffer; ours stays const
    OutlineBuilder outline(tolerance_m);
    std::vector<MapPoint> points;
    for_each_ring(copy, [&](std::size_t, std::size_t ring_index, WkbRing ring) {
        points.resize(ring.count);
        for (std::size_t i = 0; i < ring.count; ++i)
            read_point(ring, i, points[i].x, points[i].y);
        outline.add(ring_index, points);
    });
    return outline.wkb();
}

std::vector<Wkb> simplified_outlines(const std::vector<const Geometry*>& shapes, double tolerance_m, unsigned threads)
{
    std::vector<Wkb> out(shapes.size());
    // The rings are read straight from GEOS: the same points as through WKB, without
    // writing each (full-resolution) shape out first.
    parallel_for(shapes.size(), resolve_threads(threads), [&](std::size_t i) {
        OutlineBuilder outline(tolerance_m);
        std::vector<MapPoint> points;
        std::vector<double> scratch;
        for_each_polygon_ring(
            *shapes[i],
            [&](std::size_t, std::size_t ring_index, std::span<const double> xy) {
                points.resize(xy.size() / 2);
                for (std::size_t k = 0; k < points.size(); ++k)
                    points[k] = {xy[2 * k], xy[2 * k + 1]};
                outline.add(ring_index, points);
            },
            scratch);
        out[i] = outline.wkb();
    });
    return out;
}

MapPoint label_point(const Wkb& wkb)
{
    const Geometry g = Geometry::from_wkb(wkb);
    GEOSContextHandle_t ctx = geos_context();
    const Geometry p(GEOSPointOnSurface_r(ctx, g.get()));
    MapPoint out;
    if (!p.is_empty()) {
        GEOSGeomGetX_r(ctx, p.get(), &out.x);
        GEOSGeomGetY_r(ctx, p.get(), &out.y);
    }
    return out;
}

} // namespace coterm::render
