// SPDX-License-Identifier: MIT
#include "core/partition_graph.hpp"

#include "core/errors.hpp"
#include "core/geos_context.hpp"
#include "core/wkb.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace coterm {
namespace {

struct TaggedSegment {
    double x0, y0, x1, y1;
    std::size_t feature;
    auto key() const { return std::tie(x0, y0, x1, y1); }
};

double box_distance(const Box& a, const Box& b)
{
    const double dx = std::max({0.0, a.min_x - b.max_x, b.min_x - a.max_x});
    const double dy = std::max({0.0, a.min_y - b.max_y, b.min_y - a.max_y});
    return std::hypot(dx, dy);
}

void add_edge(std::vector<std::vector<std::size_t>>& n, std::size_t a, std::size_t b)
{
    if (a == b) return;
    auto insert = [](std::vector<std::size_t>& v, std::size_t x) {
        const auto it = std::lower_bound(v.begin(), v.end(), x);
        if (it == v.end() || *it != x) v.insert(it, x);
    };
    insert(n[a], b);
    insert(n[b], a);
}

/// True when the shortest segment between blocks a and b crosses no other block's
/// interior: the gap is water (or a hole in the coverage), not a third block on land.
bool gap_is_open(const Layer& blocks, const std::vector<Box>& boxes, std::size_t a, std::size_t b)
{
    GEOSContextHandle_t h = geos_context();
    GEOSCoordSequence* seq =
        GEOSNearestPoints_r(h, blocks.features[a].geometry.get(), blocks.features[b].geometry.get());
    if (!seq) throw GeometryError("nearest points of " + blocks.features[a].code + " and " + blocks.features[b].code);
    GEOSGeometry* line = GEOSGeom_createLineString_r(h, seq); // takes ownership of seq
    Box box;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, line);
    GEOSCoordSeq_getXY_r(h, cs, 0, &x0, &y0);
    GEOSCoordSeq_getXY_r(h, cs, 1, &x1, &y1);
    box.min_x = std::min(x0, x1), box.max_x = std::max(x0, x1), box.min_y = std::min(y0, y1),
    box.max_y = std::max(y0, y1);
    // Points along the segment: one lying in or on another block means the segment runs
    // through or along land (e.g. along the edge two other blocks share).
    std::vector<GEOSGeometry*> probes;
    for (double t : {0.25, 0.5, 0.75})
        probes.push_back(GEOSGeom_createPointFromXY_r(h, x0 + t * (x1 - x0), y0 + t * (y1 - y0)));
    bool open = true;
    for (std::size_t c = 0; c < boxes.size() && open; ++c) {
        if (c == a || c == b || box_distance(box, boxes[c]) > 0) continue;
        const GEOSGeometry* other = blocks.features[c].geometry.get();
        if (GEOSIntersects_r(h, line, other) == 1 && GEOSTouches_r(h, line, other) != 1) open = false;
        for (GEOSGeometry* p : probes)
            if (open && GEOSIntersects_r(h, p, other) == 1) open = false;
    }
    for (GEOSGeometry* p : probes)
        GEOSGeom_destroy_r(h, p);
    GEOSGeom_destroy_r(h, line);
    return open;
}

} // namespace

std::vector<SharedBoundary> shared_boundaries(const Layer& blocks)
{
    std::vector<TaggedSegment> segments;
    for (std::size_t f = 0; f < blocks.features.size(); ++f) {
        Wkb wkb = blocks.features[f].geometry.to_wkb();
        for_each_ring(wkb, [&](std::size_t, std::size_t, WkbRing ring) {
            for (std::size_t i = 0; i + 1 < ring.count; ++i) {
                TaggedSegment s{0, 0, 0, 0, f};
                read_point(ring, i, s.x0, s.y0);
                read_point(ring, i + 1, s.x1, s.y1);
                if (std::tie(s.x1, s.y1) < std::tie(s.x0, s.y0)) {
                    std::swap(s.x0, s.x1);
                    std::swap(s.y0, s.y1);
                }
                if (s.x0 != s.x1 || s.y0 != s.y1) segments.push_back(s);
            }
        });
    }
    std::sort(segments.begin(), segments.end(), [](const TaggedSegment& l, const TaggedSegment& r) {
        return std::tie(l.x0, l.y0, l.x1, l.y1, l.feature) < std::tie(r.x0, r.y0, r.x1, r.y1, r.feature);
    });
    std::map<std::pair<std::size_t, std::size_t>, double> lengths;
    for (std::size_t i = 0; i < segments.size();) {
        std::size_t j = i + 1;
        while (j < segments.size() && segments[j].key() == segments[i].key())
            ++j;
        // A segment held by two (or, in a faulty coverage, more) features joins each pair.
        for (std::size_t p = i; p < j; ++p)
            for (std::size_t q = p + 1; q < j; ++q)
                if (segments[p].feature != segments[q].feature)
                    lengths[{segments[p].feature, segments[q].feature}] +=
                        std::hypot(segments[i].x1 - segments[i].x0, segments[i].y1 - segments[i].y0);
        i = j;
    }
    std::vector<SharedBoundary> out;
    for (const auto& [pair, length] : lengths)
        out.push_back({pair.first, pair.second, length});
    return out;
}

std::vector<std::vector<std::size_t>> connected_components(const std::vector<std::vector<std::size_t>>& neighbours)
{
    std::vector<std::vector<std::size_t>> out;
    std::vector<bool> seen(neighbours.size(), false);
    for (std::size_t start = 0; start < neighbours.size(); ++start) {
        if (seen[start]) continue;
        std::vector<std::size_t> component{start}, stack{start};
        seen[start] = true;
        while (!stack.empty()) {
            const std::size_t v = stack.back();
            stack.pop_back();
            for (std::size_t w : neighbours[v])
                if (!seen[w]) seen[w] = true, component.push_back(w), stack.push_back(w);
        }
        std::sort(component.begin(), component.end());
        out.push_back(std::move(component));
    }
    return out;
}

bool is_connected(const std::vector<std::vector<std::size_t>>& neighbours, const std::vector<std::size_t>& members)
{
    if (members.empty()) return false;
    std::vector<std::size_t> sorted = members;
    std::sort(sorted.begin(), sorted.end());
    std::vector<bool> seen(sorted.size(), false);
    std::vector<std::size_t> stack{0};
    seen[0] = true;
    std::size_t reached = 1;
    while (!stack.empty()) {
        const std::size_t v = sorted[stack.back()];
        stack.pop_back();
        for (std::size_t w : neighbours[v]) {
            const auto it = std::lower_bound(sorted.begin(), sorted.end(), w);
            if (it == sorted.end() || *it != w) continue;
            const auto k = static_cast<std::size_t>(it - sorted.begin());
            if (!seen[k]) seen[k] = true, ++reached, stack.push_back(k);
        }
    }
    return reached == sorted.size();
}

BlockGraph block_graph(const Layer& blocks, const std::vector<std::pair<std::size_t, std::size_t>>& extra,
                       double crossing_m)
{
    const std::size_t n = blocks.features.size();
    BlockGraph g;
    g.neighbours.assign(n, {});
    for (const SharedBoundary& s : shared_boundaries(blocks))
        add_edge(g.neighbours, s.a, s.b);
    std::vector<Box> boxes;
    for (const Feature& f : blocks.features)
        boxes.push_back(f.geometry.envelope());
    if (crossing_m > 0)
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b) {
                if (box_distance(boxes[a], boxes[b]) > crossing_m ||
                    std::binary_search(g.neighbours[a].begin(), g.neighbours[a].end(), b))
                    continue;
                double d = 0;
                if (!GEOSDistance_r(geos_context(), blocks.features[a].geometry.get(),
                                    blocks.features[b].geometry.get(), &d))
                    throw GeometryError("distance between " + blocks.features[a].code + " and " +
                                        blocks.features[b].code + ": " + take_geos_error());
                // d == 0 without a shared segment is a point contact: not adjacent.
                if (d > 0 && d <= crossing_m && gap_is_open(blocks, boxes, a, b)) g.crossings.push_back({a, b, d});
            }
    for (const IslandLink& c : g.crossings)
        add_edge(g.neighbours, c.island, c.mainland);
    for (const auto& [a, b] : extra)
        add_edge(g.neighbours, a, b);
    for (;;) {
        const auto parts = connected_components(g.neighbours);
        if (parts.size() <= 1) break;
        std::size_t main = 0;
        for (std::size_t c = 1; c < parts.size(); ++c)
            if (parts[c].size() > parts[main].size()) main = c;
        const auto& island = parts[main == 0 ? 1 : 0];
        std::vector<bool> inside(n, false);
        for (std::size_t v : island)
            inside[v] = true;
        IslandLink best{0, 0, std::numeric_limits<double>::infinity()};
        for (std::size_t v : island)
            for (std::size_t w = 0; w < n; ++w) {
                if (inside[w] || box_distance(boxes[v], boxes[w]) > best.distance_m) continue;
                double d = 0;
                if (!GEOSDistance_r(geos_context(), blocks.features[v].geometry.get(),
                                    blocks.features[w].geometry.get(), &d))
                    throw GeometryError("distance between " + blocks.features[v].code + " and " +
                                        blocks.features[w].code + ": " + take_geos_error());
                if (d < best.distance_m) best = {v, w, d};
            }
        add_edge(g.neighbours, best.island, best.mainland);
        g.links.push_back(best);
    }
    return g;
}

} // namespace coterm
