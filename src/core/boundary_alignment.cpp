// SPDX-License-Identifier: MIT
#include "core/boundary_alignment.hpp"

#include "core/parallel.hpp"
#include "core/spatial_index.hpp"
#include "core/wkb.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace coterm {
namespace {

/// Segments of all features with their endpoints in a fixed order, sorted, so a segment
/// shared by two features appears as two equal neighbours.
std::vector<Segment> sorted_segments(const Layer& layer)
{
    std::vector<Segment> out;
    for (const Feature& f : layer.features) {
        Wkb wkb = f.geometry.to_wkb();
        for_each_ring(wkb, [&](std::size_t, std::size_t, WkbRing ring) {
            for (std::size_t i = 0; i + 1 < ring.count; ++i) {
                Segment s;
                read_point(ring, i, s.x0, s.y0);
                read_point(ring, i + 1, s.x1, s.y1);
                if (std::tie(s.x1, s.y1) < std::tie(s.x0, s.y0)) {
                    std::swap(s.x0, s.x1);
                    std::swap(s.y0, s.y1);
                }
                if (s.x0 != s.x1 || s.y0 != s.y1) out.push_back(s);
            }
        });
    }
    std::sort(out.begin(), out.end(), [](const Segment& l, const Segment& r) {
        return std::tie(l.x0, l.y0, l.x1, l.y1) < std::tie(r.x0, r.y0, r.x1, r.y1);
    });
    return out;
}

bool same(const Segment& l, const Segment& r)
{
    return l.x0 == r.x0 && l.y0 == r.y0 && l.x1 == r.x1 && l.y1 == r.y1;
}

double length(const Segment& s)
{
    return std::hypot(s.x1 - s.x0, s.y1 - s.y0);
}

/// t in [lo, hi] where alpha + beta·t lies in [low, high] (may be empty: lo > hi).
void linear_constraint(double alpha, double beta, double low, double high, double& lo, double& hi)
{
    if (beta == 0) {
        if (alpha < low || alpha > high) lo = 1, hi = 0;
        return;
    }
    double t0 = (low - alpha) / beta, t1 = (high - alpha) / beta;
    if (t0 > t1) std::swap(t0, t1);
    lo = std::max(lo, t0);
    hi = std::min(hi, t1);
}

/// t where |P0 + t·D − C| ≤ d, merged into [lo, hi] (the union stays one interval: the
/// capsule is convex).
void disk(double px, double py, double dx, double dy, double cx, double cy, double d, double& lo, double& hi)
{
    const double a = dx * dx + dy * dy, b = 2 * (dx * (px - cx) + dy * (py - cy));
    const double c = (px - cx) * (px - cx) + (py - cy) * (py - cy) - d * d;
    const double disc = b * b - 4 * a * c;
    if (disc < 0) return;
    const double r = std::sqrt(disc);
    lo = std::min(lo, (-b - r) / (2 * a));
    hi = std::max(hi, (-b + r) / (2 * a));
}

/// The parameter interval of segment p (t in [0, 1]) within distance d of segment q.
bool capsule_interval(const Segment& p, const Segment& q, double d, double& t0, double& t1)
{
    const double dx = p.x1 - p.x0, dy = p.y1 - p.y0;
    double lo = 1e300, hi = -1e300;
    disk(p.x0, p.y0, dx, dy, q.x0, q.y0, d, lo, hi);
    disk(p.x0, p.y0, dx, dy, q.x1, q.y1, d, lo, hi);
    const double qx = q.x1 - q.x0, qy = q.y1 - q.y0, len = std::hypot(qx, qy);
    if (len > 0) {
        const double ux = qx / len, uy = qy / len, nx = -uy, ny = ux;
        double rlo = -1e300, rhi = 1e300;
        linear_constraint(nx * (p.x0 - q.x0) + ny * (p.y0 - q.y0), nx * dx + ny * dy, -d, d, rlo, rhi);
        linear_constraint(ux * (p.x0 - q.x0) + uy * (p.y0 - q.y0), ux * dx + uy * dy, 0, len, rlo, rhi);
        if (rlo <= rhi) {
            lo = std::min(lo, rlo);
            hi = std::max(hi, rhi);
        }
    }
    t0 = std::max(lo, 0.0);
    t1 = std::min(hi, 1.0);
    return t0 < t1;
}

} // namespace

/// Boxes of a segment list, bulk-loaded.
struct SegmentIndex {
    index::BoxTree tree;
};

namespace {

SegmentIndex index_segments(const std::vector<Segment>& b)
{
    std::vector<index::BoxEntry> entries;
    entries.reserve(b.size());
    for (std::size_t i = 0; i < b.size(); ++i)
        entries.emplace_back(index::to_box({std::min(b[i].x0, b[i].x1), std::min(b[i].y0, b[i].y1),
                                            std::max(b[i].x0, b[i].x1), std::max(b[i].y0, b[i].y1)}),
                             i);
    return SegmentIndex{index::BoxTree(entries.begin(), entries.end())};
}

/// Σ over `a` of the length within each query's distance of some `b` segment (`tree`
/// indexes b). One index query at the largest distance; a hit counts for a query only
/// when its box meets the segment's box widened by that query's distance, the test the
/// index makes, so each total equals that of a query made alone. Sums per chunk of
/// `a`, added in chunk order: the same for any thread count.
std::vector<double> measure_near(const std::vector<Segment>& a, const std::vector<Segment>& b,
                                 const index::BoxTree& tree, const std::vector<NearQuery>& queries, unsigned threads)
{
    double reach = 0;
    for (const NearQuery& q : queries)
        reach = std::max(reach, q.distance);
    constexpr std::size_t chunk = 4096;
    const std::size_t chunks = (a.size() + chunk - 1) / chunk;
    std::vector<std::vector<double>> near(queries.size(), std::vector<double>(chunks, 0.0));
    parallel_for(chunks, resolve_threads(threads), [&](std::size_t c) {
        std::vector<std::vector<std::pair<double, double>>> spans(queries.size());
        std::vector<index::BoxType> boxes(queries.size());
        for (std::size_t k = c * chunk; k < std::min(a.size(), (c + 1) * chunk); ++k) {
            const Segment& s = a[k];
            const double lo_x = std::min(s.x0, s.x1), lo_y = std::min(s.y0, s.y1);
            const double hi_x = std::max(s.x0, s.x1), hi_y = std::max(s.y0, s.y1);
            for (std::size_t j = 0; j < queries.size(); ++j) {
                const double d = queries[j].distance;
                boxes[j] = index::to_box({lo_x - d, lo_y - d, hi_x + d, hi_y + d});
                spans[j].clear();
            }
            index::query(tree, {lo_x - reach, lo_y - reach, hi_x + reach, hi_y + reach}, [&](const index::BoxEntry& e) {
                const Segment& q = b[e.second];
                for (std::size_t j = 0; j < queries.size(); ++j) {
                    if (!index::bg::intersects(e.first, boxes[j])) continue;
                    if (queries[j].min_abs_cos > 0) {
                        const double dot = (s.x1 - s.x0) * (q.x1 - q.x0) + (s.y1 - s.y0) * (q.y1 - q.y0);
                        if (std::fabs(dot) < queries[j].min_abs_cos * length(s) * length(q)) continue;
                    }
                    double t0, t1;
                    if (capsule_interval(s, q, queries[j].distance, t0, t1)) spans[j].emplace_back(t0, t1);
                }
            });
            for (std::size_t j = 0; j < queries.size(); ++j) {
                std::sort(spans[j].begin(), spans[j].end());
                double covered = 0, end = 0;
                for (const auto& [t0, t1] : spans[j]) {
                    const double from = std::max(t0, end);
                    if (t1 > from) covered += t1 - from;
                    end = std::max(end, t1);
                }
                near[j][c] += covered * length(s);
            }
        }
    });
    std::vector<double> totals(queries.size(), 0.0);
    for (std::size_t j = 0; j < queries.size(); ++j)
        for (double v : near[j])
            totals[j] += v; // fixed order: the same sum for any thread count
    return totals;
}

/// Segments shared by two features (each once), from sorted_segments' list.
std::vector<Segment> shared_of_sorted(const std::vector<Segment>& all)
{
    std::vector<Segment> out;
    for (std::size_t i = 1; i < all.size(); ++i)
        if (same(all[i], all[i - 1]) && (out.empty() || !same(out.back(), all[i]))) out.push_back(all[i]);
    return out;
}

} // namespace

std::vector<Segment> internal_segments(const Layer& layer)
{
    return shared_of_sorted(sorted_segments(layer));
}

std::vector<Segment> all_segments(const Layer& layer)
{
    std::vector<Segment> all = sorted_segments(layer);
    all.erase(std::unique(all.begin(), all.end(), same), all.end());
    return all;
}

double length_within(const std::vector<Segment>& a, const std::vector<Segment>& b, double distance, unsigned threads,
                     double min_abs_cos)
{
    const SegmentIndex index = index_segments(b);
    return measure_near(a, b, index.tree, {{distance, min_abs_cos}}, threads)[0];
}

BoundaryAlignment align_boundaries(const Layer& a, const Layer& b, double distance, unsigned threads)
{
    const LayerSegments sa = segment_layer(a), sb = segment_layer(b);
    BoundaryAlignment out;
    out.distance_m = distance;
    out.a_internal_m = sa.internal_m;
    out.b_internal_m = sb.internal_m;
    out.a_near_m = lengths_within(sa.internal, sb, {{distance, 0}}, threads)[0];
    out.b_near_m = lengths_within(sb.internal, sa, {{distance, 0}}, threads)[0];
    return out;
}

LayerSegments segment_layer(const Layer& layer)
{
    std::vector<Segment> sorted = sorted_segments(layer);
    LayerSegments out;
    out.internal = shared_of_sorted(sorted);
    for (const auto& s : out.internal)
        out.internal_m += length(s);
    sorted.erase(std::unique(sorted.begin(), sorted.end(), same), sorted.end());
    out.all = std::move(sorted);
    out.all_index = std::make_shared<const SegmentIndex>(index_segments(out.all));
    return out;
}

std::vector<double> lengths_within(const std::vector<Segment>& a, const LayerSegments& b,
                                   const std::vector<NearQuery>& queries, unsigned threads)
{
    return measure_near(a, b.all, b.all_index->tree, queries, threads);
}

} // namespace coterm
