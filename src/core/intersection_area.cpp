// SPDX-License-Identifier: MIT
#include "core/intersection_area.hpp"

#include "core/exact_predicates.hpp"

#include <algorithm>
#include <cmath>

namespace coterm {
namespace {

/// Where an edge of x crosses an edge of y: both edges by the index of their first
/// point, the parameters along each, and the crossing point (one value, used by both
/// walks so that the boundary of x ∩ y closes exactly).
struct Crossing {
    std::size_t edge_x, edge_y;
    double t_x, t_y;
    double px, py;
};

enum class Classify { apart, cross, degenerate };

/// Proper crossing of segments (a0, a1) and (b0, b1), certified, or apart, or degenerate
/// (touching, collinear, undecidable).
Classify classify(double a0x, double a0y, double a1x, double a1y, double b0x, double b0y, double b1x, double b1y)
{
    const int o1 = orientation(a0x, a0y, a1x, a1y, b0x, b0y);
    const int o2 = orientation(a0x, a0y, a1x, a1y, b1x, b1y);
    if (o1 != 0 && o1 == o2) return Classify::apart;
    const int o3 = orientation(b0x, b0y, b1x, b1y, a0x, a0y);
    const int o4 = orientation(b0x, b0y, b1x, b1y, a1x, a1y);
    if (o3 != 0 && o3 == o4) return Classify::apart;
    if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0) return Classify::degenerate;
    return Classify::cross;
}

bool meets(const Box& b, double x0, double y0, double x1, double y1)
{
    return std::max(x0, x1) >= b.min_x && std::min(x0, x1) <= b.max_x && std::max(y0, y1) >= b.min_y &&
           std::min(y0, y1) <= b.max_y;
}

bool strictly_outside(const Box& b, double x, double y)
{
    return x < b.min_x || x > b.max_x || y < b.min_y || y > b.max_y;
}

/// Scratch arrays reused by every call on this thread.
struct Scratch {
    std::vector<std::size_t> edges_x, edges_y;
    std::vector<Crossing> crossings;
};

/// Green's sum over the parts of `r`'s boundary inside `other`: Σ (p × q) over those
/// sub-segments, coordinates taken relative to (ox, oy), each ring signed by its
/// orientation. `cuts` are the crossings on r's edges, sorted by (edge, t); `edge_of`
/// and `t_of` read a crossing's edge and parameter on r's side.
template <class EdgeOf, class TOf>
std::optional<double> inside_boundary_sum(const PolygonRings& r, const PolygonRings& other,
                                          const std::vector<Crossing>& cuts, EdgeOf edge_of, TOf t_of, double ox,
                                          double oy)
{
    auto cross = [&](double ax, double ay, double bx, double by) {
        return (ax - ox) * (by - oy) - (bx - ox) * (ay - oy);
    };
    double total = 0;
    for (std::size_t ring = 0; ring < r.num_rings(); ++ring) {
        const std::size_t first = r.starts[ring], edges = r.starts[ring + 1] - first - 1;
        // Start the walk at a point certainly outside `other` when there is one, so
        // that no point-in-polygon test is needed.
        std::size_t start = edges;
        for (std::size_t k = 0; k < edges; ++k)
            if (strictly_outside(other.box, r.x[first + k], r.y[first + k])) {
                start = k;
                break;
            }
        bool inside = false;
        if (start == edges) {
            const auto in = point_inside(other, r.x[first], r.y[first]);
            if (!in) return std::nullopt;
            inside = *in;
            start = 0;
        }
        const bool inside_at_start = inside;
        double sum = 0;
        for (std::size_t step = 0; step < edges; ++step) {
            const std::size_t e = first + (start + step) % edges;
            double cx = r.x[e], cy = r.y[e];
            auto it = std::lower_bound(cuts.begin(), cuts.end(), e,
                                       [&](const Crossing& c, std::size_t edge) { return edge_of(c) < edge; });
            double last_t = -1;
            for (; it != cuts.end() && edge_of(*it) == e; ++it) {
                if (!(t_of(*it) > last_t)) return std::nullopt; // two crossings not strictly ordered
                last_t = t_of(*it);
                if (inside) sum += cross(cx, cy, it->px, it->py);
                cx = it->px, cy = it->py;
                inside = !inside;
            }
            if (inside) {
                if (last_t < 0 && !meets(other.box, r.x[e], r.y[e], r.x[e + 1], r.y[e + 1]))
                    return std::nullopt; // "inside" on an edge outside the other's box: inconsistent
                sum += cross(cx, cy, r.x[e + 1], r.y[e + 1]);
            }
        }
        if (inside != inside_at_start) return std::nullopt;
        total += r.orientation[ring] * sum;
    }
    return total;
}

} // namespace

bool PolygonRings::read(GEOSContextHandle_t ctx, const GEOSGeometry* g)
{
    x.clear(), y.clear(), starts.clear(), orientation.clear(), part.clear();
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) return false;
    int p = 0;
    auto add_ring = [&](const GEOSGeometry* ring, bool shell) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
        unsigned int n = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n) || n < 4) return false;
        const std::size_t at = x.size();
        x.resize(at + n), y.resize(at + n);
        if (!GEOSCoordSeq_copyToArrays_r(ctx, seq, &x[at], &y[at], nullptr, nullptr)) return false;
        double twice_area = 0;
        for (std::size_t k = at; k + 1 < x.size(); ++k)
            twice_area += (x[k] - x[at]) * (y[k + 1] - y[at]) - (x[k + 1] - x[at]) * (y[k] - y[at]);
        if (twice_area == 0 || x[at] != x.back() || y[at] != y.back()) return false;
        starts.push_back(at);
        orientation.push_back((twice_area > 0) == shell ? 1.0 : -1.0);
        part.push_back(static_cast<std::size_t>(p));
        return true;
    };
    const int parts = GEOSGetNumGeometries_r(ctx, g);
    for (; p < parts; ++p) {
        const GEOSGeometry* polygon = GEOSGetGeometryN_r(ctx, g, p);
        if (!polygon || GEOSisEmpty_r(ctx, polygon)) return false;
        if (!add_ring(GEOSGetExteriorRing_r(ctx, polygon), true)) return false;
        const int holes = GEOSGetNumInteriorRings_r(ctx, polygon);
        for (int h = 0; h < holes; ++h)
            if (!add_ring(GEOSGetInteriorRingN_r(ctx, polygon, h), false)) return false;
    }
    if (x.empty()) return false;
    starts.push_back(x.size());
    box = {*std::min_element(x.begin(), x.end()), *std::min_element(y.begin(), y.end()),
           *std::max_element(x.begin(), x.end()), *std::max_element(y.begin(), y.end())};
    return true;
}

std::optional<double> intersection_area(const PolygonRings& x, const PolygonRings& y, std::size_t max_edge_pairs)
{
    thread_local Scratch s;
    auto edges_meeting = [](const PolygonRings& r, const Box& b, std::vector<std::size_t>& out) {
        out.clear();
        for (std::size_t ring = 0; ring < r.num_rings(); ++ring)
            for (std::size_t k = r.starts[ring]; k + 1 < r.starts[ring + 1]; ++k)
                if (meets(b, r.x[k], r.y[k], r.x[k + 1], r.y[k + 1])) out.push_back(k);
    };
    edges_meeting(x, y.box, s.edges_x);
    edges_meeting(y, x.box, s.edges_y);
    if (s.edges_x.size() * s.edges_y.size() > max_edge_pairs) return std::nullopt;

    s.crossings.clear();
    for (std::size_t i : s.edges_x) {
        const double a0x = x.x[i], a0y = x.y[i], a1x = x.x[i + 1], a1y = x.y[i + 1];
        for (std::size_t j : s.edges_y) {
            const double b0x = y.x[j], b0y = y.y[j], b1x = y.x[j + 1], b1y = y.y[j + 1];
            if (std::max(a0x, a1x) < std::min(b0x, b1x) || std::max(b0x, b1x) < std::min(a0x, a1x) ||
                std::max(a0y, a1y) < std::min(b0y, b1y) || std::max(b0y, b1y) < std::min(a0y, a1y))
                continue;
            const Classify c = classify(a0x, a0y, a1x, a1y, b0x, b0y, b1x, b1y);
            if (c == Classify::degenerate) return std::nullopt;
            if (c == Classify::apart) continue;
            const double dax = a1x - a0x, day = a1y - a0y, dbx = b1x - b0x, dby = b1y - b0y;
            const double ex = b0x - a0x, ey = b0y - a0y;
            const double den = dax * dby - day * dbx;
            const double t = (ex * dby - ey * dbx) / den;
            const double u = (ex * day - ey * dax) / den;
            s.crossings.push_back({i, j, t, u, a0x + t * dax, a0y + t * day});
        }
    }

    // Coordinates relative to the middle of the two boxes' overlap keep the products small.
    const double ox = 0.5 * (std::max(x.box.min_x, y.box.min_x) + std::min(x.box.max_x, y.box.max_x));
    const double oy = 0.5 * (std::max(x.box.min_y, y.box.min_y) + std::min(x.box.max_y, y.box.max_y));
    std::sort(s.crossings.begin(), s.crossings.end(), [](const Crossing& l, const Crossing& r) {
        return l.edge_x != r.edge_x ? l.edge_x < r.edge_x : l.t_x < r.t_x;
    });
    const auto from_x = inside_boundary_sum(
        x, y, s.crossings, [](const Crossing& c) { return c.edge_x; }, [](const Crossing& c) { return c.t_x; }, ox, oy);
    if (!from_x) return std::nullopt;
    std::sort(s.crossings.begin(), s.crossings.end(), [](const Crossing& l, const Crossing& r) {
        return l.edge_y != r.edge_y ? l.edge_y < r.edge_y : l.t_y < r.t_y;
    });
    const auto from_y = inside_boundary_sum(
        y, x, s.crossings, [](const Crossing& c) { return c.edge_y; }, [](const Crossing& c) { return c.t_y; }, ox, oy);
    if (!from_y) return std::nullopt;
    const double area = 0.5 * (*from_x + *from_y);
    if (!(area > 0)) return std::nullopt; // touching or empty: GEOS decides and counts it
    return area;
}

} // namespace coterm
