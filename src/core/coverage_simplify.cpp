// SPDX-License-Identifier: MIT
#include "core/coverage_simplify.hpp"

#include "core/chains.hpp"
#include "core/coverage_simplify_interiors.hpp"
#include "core/errors.hpp"
#include "core/geos_context.hpp"
#include "core/spatial_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace coterm {
namespace {

double segment_distance(const XYPoint& p, const XYPoint& a, const XYPoint& b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/// The point between `first` and `last` farthest from their chord (first when none).
std::size_t farthest(const std::vector<XYPoint>& pts, std::size_t first, std::size_t last, double& distance)
{
    distance = -1;
    std::size_t at = first;
    for (std::size_t i = first + 1; i < last; ++i)
        if (const double d = segment_distance(pts[i], pts[first], pts[last]); d > distance) distance = d, at = i;
    return at;
}

/// Douglas–Peucker between consecutive forced points (a chain's ends are always
/// forced; a closed chain keeps its node, and the ring checks catch a chain collapsed
/// below a triangle). Returns the indexes of the kept points.
std::vector<std::size_t> douglas_peucker(const std::vector<XYPoint>& pts, double tolerance,
                                         const std::vector<bool>& forced)
{
    std::vector<bool> keep = forced;
    std::vector<std::pair<std::size_t, std::size_t>> stack;
    for (std::size_t i = 1, prev = 0; i < pts.size(); ++i)
        if (forced[i]) stack.push_back({prev, i}), prev = i;
    while (!stack.empty()) {
        const auto [first, last] = stack.back();
        stack.pop_back();
        double worst = 0;
        const std::size_t at = farthest(pts, first, last, worst);
        if (at == first || worst <= tolerance) continue;
        keep[at] = true;
        stack.push_back({first, at});
        stack.push_back({at, last});
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < pts.size(); ++i)
        if (keep[i]) out.push_back(i);
    return out;
}

/// A chain as simplified: the indexes of its kept points, the points, and per segment
/// whether it is one of the input's.
struct Simplified {
    std::vector<std::size_t> kept;
    std::vector<XYPoint> points;
    std::vector<bool> original;
};

Simplified simplify_chain(const std::vector<XYPoint>& pts, double tolerance, const std::vector<bool>& forced)
{
    Simplified out;
    out.kept = douglas_peucker(pts, tolerance, forced);
    for (std::size_t k = 0; k < out.kept.size(); ++k) {
        out.points.push_back(pts[out.kept[k]]);
        if (k > 0) out.original.push_back(out.kept[k] == out.kept[k - 1] + 1);
    }
    return out;
}

int orientation(const XYPoint& a, const XYPoint& b, const XYPoint& c)
{
    const double v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    return (v > 0) - (v < 0);
}

/// p lies on segment ab, strictly between its ends (p collinear with ab assumed).
bool inside_segment(const XYPoint& a, const XYPoint& b, const XYPoint& p)
{
    return !(p == a) && !(p == b) && std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) &&
           std::min(a.y, b.y) <= p.y && p.y <= std::max(a.y, b.y);
}

/// Segments ab and cd meet other than at a shared end point, or come closer than
/// `clearance` there (so that rounding the output's coordinates cannot make them meet).
bool segments_conflict(const XYPoint& a, const XYPoint& b, const XYPoint& c, const XYPoint& d, double clearance)
{
    const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
    const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    if (o1 * o2 < 0 && o3 * o4 < 0) return true;
    if (o1 == 0 && inside_segment(a, b, c)) return true;
    if (o2 == 0 && inside_segment(a, b, d)) return true;
    if (o3 == 0 && inside_segment(c, d, a)) return true;
    if (o4 == 0 && inside_segment(c, d, b)) return true;
    // Two identical segments (a chain folded onto another).
    if ((a == c && b == d) || (a == d && b == c)) return true;
    if (clearance <= 0) return false;
    auto shared = [&](const XYPoint& p) { return p == a || p == b ? (p == c || p == d) : false; };
    return (!shared(a) && segment_distance(a, c, d) < clearance) ||
           (!shared(b) && segment_distance(b, c, d) < clearance) ||
           (!shared(c) && segment_distance(c, a, b) < clearance) ||
           (!shared(d) && segment_distance(d, a, b) < clearance);
}

using SegmentId = std::pair<std::size_t, std::size_t>; // (chain, segment)

/// Segments in conflict with another segment (of another chain or of their own).
/// Conflicts between two of the input's own segments are the input's, not ours: left,
/// but where two of them touch, their chains go into `input_touching`.
std::set<SegmentId> crossing_segments(const std::vector<Simplified>& chains, double clearance,
                                      std::set<std::size_t>& input_touching)
{
    struct Segment {
        std::size_t chain, index;
    };
    std::vector<Segment> segments;
    std::vector<index::BoxEntry> boxes;
    auto box_of = [&](const XYPoint& a, const XYPoint& b) {
        return Box{std::min(a.x, b.x) - clearance, std::min(a.y, b.y) - clearance, std::max(a.x, b.x) + clearance,
                   std::max(a.y, b.y) + clearance};
    };
    for (std::size_t c = 0; c < chains.size(); ++c)
        for (std::size_t i = 0; i + 1 < chains[c].points.size(); ++i) {
            boxes.push_back({index::to_box(box_of(chains[c].points[i], chains[c].points[i + 1])), segments.size()});
            segments.push_back({c, i});
        }
    const index::BoxTree tree(boxes.begin(), boxes.end());
    std::set<SegmentId> bad;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const auto& sa = segments[s];
        const auto& ca = chains[sa.chain];
        const XYPoint &a = ca.points[sa.index], &b = ca.points[sa.index + 1];
        index::query(tree, box_of(a, b), [&](const index::BoxEntry& e) {
            if (e.second <= s) return;
            const auto& sb = segments[e.second];
            const auto& cb = chains[sb.chain];
            const XYPoint &c = cb.points[sb.index], &d = cb.points[sb.index + 1];
            if (ca.original[sa.index] && cb.original[sb.index]) {
                if (segments_conflict(a, b, c, d, 0)) {
                    input_touching.insert(sa.chain);
                    input_touching.insert(sb.chain);
                }
                return;
            }
            if (segments_conflict(a, b, c, d, clearance)) {
                bad.insert({sa.chain, sa.index});
                bad.insert({sb.chain, sb.index});
            }
        });
    }
    return bad;
}

std::set<std::size_t> chains_of(const ChainGraph& graph, std::size_t s)
{
    std::set<std::size_t> out;
    for (const auto& polygon : graph.shapes[s])
        for (const auto& ring : polygon)
            for (const auto& use : ring.uses)
                out.insert(use.chain);
    return out;
}

bool geos_interiors_meet(const Geometry& a, const Geometry& b)
{
    const char r = GEOSRelatePattern_r(geos_context(), a.get(), b.get(), "T********");
    if (r == 2) throw GeometryError("GEOS relate failed: " + take_geos_error());
    return r == 1;
}

} // namespace

std::vector<Geometry> simplify_coverage(const std::vector<const Geometry*>& shapes, double tolerance, double clearance,
                                        SimplifyReport* report)
{
    const ChainGraph graph = build_chains(shapes);
    const std::size_t n = shapes.size(), n_chains = graph.chains.size();
    std::vector<std::vector<bool>> forced(n_chains);
    for (std::size_t c = 0; c < n_chains; ++c) {
        forced[c].assign(graph.chains[c].points.size(), false);
        forced[c].front() = forced[c].back() = true;
    }
    std::vector<Simplified> simplified(n_chains);
    std::vector<std::vector<XYPoint>> pts(n_chains);
    std::vector<bool> stale(n_chains, true), refined(n_chains, false);
    std::vector<Box> boxes(n);
    for (std::size_t s = 0; s < n; ++s)
        boxes[s] = shapes[s]->envelope();
    std::map<std::pair<std::size_t, std::size_t>, bool> overlapped_before;
    std::vector<Geometry> out(n);
    SimplifyReport r;
    r.chains = n_chains;
    std::vector<std::set<std::size_t>> own(n); // each shape's chains
    for (std::size_t s = 0; s < n; ++s)
        own[s] = chains_of(graph, s);
    auto whole_chains = [&](std::size_t s, std::set<SegmentId>& bad) {
        for (std::size_t c : own[s])
            for (std::size_t k = 0; k + 1 < simplified[c].points.size(); ++k)
                bad.insert({c, k});
    };
    // Each pass keeps one more input point inside every segment at fault (the farthest
    // from it, as Douglas–Peucker would next). A segment of the input's own cannot be
    // at fault against another of the input's, so the loop ends at worst with the input.
    // A shape is re-assembled and re-checked only when one of its chains changed in the
    // last pass: an unchanged shape gives the same answer (valid, overlapping or not) as
    // before, so the result is that of checking everything every pass, only faster.
    std::vector<bool> dirty(n, true);
    std::vector<bool> invalid(n, false);
    std::vector<std::vector<std::size_t>> shapes_of_chain(n_chains);
    for (std::size_t s = 0; s < n; ++s)
        for (std::size_t c : own[s])
            shapes_of_chain[c].push_back(s);
    std::set<std::pair<std::size_t, std::size_t>> overlapping; // pairs whose simplified interiors meet
    std::vector<ShapeRings> rings(n);
    std::set<std::size_t> input_touching; // chains with two of the input's segments touching
    // Whether two simplified shapes overlap: from their chains (exact when no segment of
    // either is in conflict, so their boundaries meet only along shared chains and at
    // nodes), else, or when that cannot decide, by GEOS.
    std::vector<bool> chain_clean(n_chains), shape_clean(n);
    auto interiors_meet = [&](std::size_t i, std::size_t j) {
        if (shape_clean[i] && shape_clean[j]) {
            const InteriorsMeet answer = chain_interiors_meet(rings[i], rings[j], pts);
            if (answer != InteriorsMeet::unknown) return answer == InteriorsMeet::yes;
        }
        return geos_interiors_meet(out[i], out[j]);
    };
    for (;; ++r.passes) {
        for (std::size_t c = 0; c < n_chains; ++c)
            if (stale[c]) {
                simplified[c] = simplify_chain(graph.chains[c].points, tolerance, forced[c]);
                pts[c] = simplified[c].points;
                stale[c] = false;
            }
        const std::set<SegmentId> crossing = crossing_segments(simplified, clearance, input_touching);
        std::fill(chain_clean.begin(), chain_clean.end(), true);
        for (const auto& id : crossing)
            chain_clean[id.first] = false;
        for (std::size_t c : input_touching)
            chain_clean[c] = false;
        for (std::size_t s = 0; s < n; ++s)
            shape_clean[s] = std::all_of(own[s].begin(), own[s].end(), [&](std::size_t c) { return chain_clean[c]; });
        std::set<SegmentId> bad = crossing;
        for (std::size_t s = 0; s < n; ++s) {
            if (dirty[s]) {
                invalid[s] = true;
                try {
                    out[s] = assemble_shape(graph, s, pts);
                    invalid[s] = GEOSisValid_r(geos_context(), out[s].get()) != 1;
                } catch (const GeometryError&) {
                }
                if (invalid[s]) out[s] = Geometry();
                rings[s] = invalid[s] ? ShapeRings() : shape_rings(graph, s, pts);
            }
            if (!invalid[s]) continue;
            // A crossing explains the invalid shape and is being refined; otherwise (a
            // ring collapsed) all of the shape's chains are.
            if (std::none_of(crossing.begin(), crossing.end(),
                             [&](const SegmentId& id) { return own[s].contains(id.first); }))
                whole_chains(s, bad);
        }
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                const auto key = std::make_pair(i, j);
                if (dirty[i] || dirty[j]) {
                    overlapping.erase(key);
                    const Box &a = boxes[i], &b = boxes[j];
                    if (!out[i] || !out[j] || a.max_x < b.min_x || b.max_x < a.min_x || a.max_y < b.min_y ||
                        b.max_y < a.min_y || !interiors_meet(i, j))
                        continue;
                    overlapping.insert(key);
                }
                if (!overlapping.contains(key)) continue;
                if (!overlapped_before.contains(key))
                    overlapped_before[key] = geos_interiors_meet(*shapes[i], *shapes[j]);
                if (overlapped_before[key]) continue; // not a clean coverage to begin with
                whole_chains(i, bad);
                whole_chains(j, bad);
            }
        bool changed = false;
        std::fill(dirty.begin(), dirty.end(), false);
        for (const auto& [c, k] : bad) {
            const std::size_t first = simplified[c].kept[k], last = simplified[c].kept[k + 1];
            double distance = 0;
            const std::size_t at = farthest(graph.chains[c].points, first, last, distance);
            if (at == first) continue;
            forced[c][at] = true;
            stale[c] = refined[c] = changed = true;
            for (std::size_t s : shapes_of_chain[c])
                dirty[s] = true;
        }
        if (!changed) break;
    }
    r.refined = static_cast<std::size_t>(std::count(refined.begin(), refined.end(), true));
    for (std::size_t s = 0; s < n; ++s) {
        if (!out[s]) out[s] = shapes[s]->copy_for_this_thread(); // only for an input that was invalid itself
        r.vertices_before += static_cast<std::size_t>(shapes[s]->num_coordinates());
        r.vertices_after += static_cast<std::size_t>(out[s].num_coordinates());
    }
    if (report) *report = r;
    return out;
}

} // namespace coterm
