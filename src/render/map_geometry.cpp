// SPDX-License-Identifier: MIT
#include "render/map_geometry.hpp"

#include "core/geos_context.hpp"
#include "core/parallel.hpp"
#include "core/wkb.hpp"

#include <algorithm>
#include <cmath>

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

std::vector<Wkb> simplified_outlines(const std::vector<const Geometry*>& shapes, double tolerance_m, unsigned threads)
{
    std::vector<Wkb> out(shapes.size());
    parallel_for(shapes.size(), resolve_threads(threads), [&](std::size_t i) {
        // A copy of our own: the result is made through the input's factory (architecture.md).
        const Geometry local = shapes[i]->copy_for_this_thread();
        out[i] = Geometry(GEOSSimplify_r(geos_context(), local.get(), tolerance_m)).to_wkb();
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
