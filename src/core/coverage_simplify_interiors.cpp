// SPDX-License-Identifier: MIT
#include "core/coverage_simplify_interiors.hpp"

#include <algorithm>
#include <cmath>

namespace coterm {
namespace {

Box box_of(const std::vector<XYPoint>& pts)
{
    Box b{pts.front().x, pts.front().y, pts.front().x, pts.front().y};
    for (const auto& p : pts) {
        b.min_x = std::min(b.min_x, p.x);
        b.min_y = std::min(b.min_y, p.y);
        b.max_x = std::max(b.max_x, p.x);
        b.max_y = std::max(b.max_y, p.y);
    }
    return b;
}

/// Twice the signed area of a closed ring (positive: counter-clockwise), taken about
/// its first point so that large coordinates lose no precision.
double signed_area2(const std::vector<XYPoint>& ring)
{
    double sum = 0;
    const XYPoint& o = ring.front();
    for (std::size_t i = 1; i + 1 < ring.size(); ++i)
        sum += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
    return sum;
}

double distance2(const XYPoint& p, const XYPoint& a, const XYPoint& b)
{
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    const double ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy);
    return ex * ex + ey * ey;
}

/// Where `p` lies in `shape`: inside, outside, or within `eps` of its boundary (too close
/// for a floating-point ray test to be trusted). Even–odd over all rings, which for a
/// valid (multi)polygon is inside its interior.
InteriorsMeet locate(const ShapeRings& shape, const XYPoint& p, double eps)
{
    const Box& b = shape.box;
    if (p.x < b.min_x - eps || p.x > b.max_x + eps || p.y < b.min_y - eps || p.y > b.max_y + eps)
        return InteriorsMeet::no;
    bool inside = false;
    for (std::size_t r = 0; r < shape.rings.size(); ++r) {
        const Box& rb = shape.ring_boxes[r];
        // A ray to +x cannot reach a ring wholly left of, above or below the point.
        if (p.x > rb.max_x + eps || p.y < rb.min_y - eps || p.y > rb.max_y + eps) continue;
        const auto& ring = shape.rings[r];
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const XYPoint &s = ring[i], &e = ring[i + 1];
            if (distance2(p, s, e) <= eps * eps) return InteriorsMeet::unknown;
            if ((s.y > p.y) != (e.y > p.y) && p.x < s.x + (e.x - s.x) * (p.y - s.y) / (e.y - s.y)) inside = !inside;
        }
    }
    return inside ? InteriorsMeet::yes : InteriorsMeet::no;
}

/// A point of chain `c` as simplified that is not one of its ends: a kept vertex (an
/// input point, at least the crossing check's clearance from other chains), else the
/// middle of its one segment.
XYPoint inner_point(const std::vector<XYPoint>& pts)
{
    if (pts.size() >= 3) return pts[pts.size() / 2];
    return {(pts[0].x + pts[1].x) / 2, (pts[0].y + pts[1].y) / 2};
}

} // namespace

ShapeRings shape_rings(const ChainGraph& graph, std::size_t s, const std::vector<std::vector<XYPoint>>& chain_points)
{
    ShapeRings out;
    out.usable = true;
    bool first = true;
    for (const auto& polygon : graph.shapes[s])
        for (std::size_t r = 0; r < polygon.size(); ++r) {
            std::vector<XYPoint> ring = assemble_ring(polygon[r], chain_points);
            const double area2 = ring.size() >= 4 ? signed_area2(ring) : 0.0;
            if (area2 == 0) out.usable = false;
            // A polygon's interior lies left of a counter-clockwise exterior and of a
            // clockwise hole.
            const bool left_of_ring = (r == 0) == (area2 > 0);
            for (const auto& use : polygon[r].uses)
                out.sides.emplace_back(use.chain, left_of_ring != use.reversed);
            if (ring.empty()) continue;
            const Box rb = box_of(ring);
            out.box = first ? rb
                            : Box{std::min(out.box.min_x, rb.min_x), std::min(out.box.min_y, rb.min_y),
                                  std::max(out.box.max_x, rb.max_x), std::max(out.box.max_y, rb.max_y)};
            first = false;
            out.ring_boxes.push_back(rb);
            out.rings.push_back(std::move(ring));
        }
    std::sort(out.sides.begin(), out.sides.end());
    for (std::size_t i = 1; i < out.sides.size(); ++i)
        if (out.sides[i].first == out.sides[i - 1].first) out.usable = false;
    return out;
}

InteriorsMeet chain_interiors_meet(const ShapeRings& a, const ShapeRings& b,
                                   const std::vector<std::vector<XYPoint>>& chain_points)
{
    if (!a.usable || !b.usable) return InteriorsMeet::unknown;
    // Ties at floating-point noise (a test point ~1e-9 of the coordinates from the other
    // boundary) are not decided here.
    auto eps_of = [](const Box& box) {
        return 1e-9 *
               std::max({1.0, std::abs(box.min_x), std::abs(box.max_x), std::abs(box.min_y), std::abs(box.max_y)});
    };
    const double eps_a = eps_of(a.box), eps_b = eps_of(b.box);
    InteriorsMeet answer = InteriorsMeet::no;
    // Any face of the two boundaries' arrangement inside both interiors is bounded by a
    // segment of one of them. A chain they share has that face on one side, so their
    // interiors are on the same side of it. A chain of one only does not touch the other's
    // boundary away from its ends, so it lies wholly inside or wholly outside the other,
    // and the face beside it on its own interior's side is then in both.
    auto one_sided = [&](std::size_t chain, const ShapeRings& other, double eps) {
        const InteriorsMeet where = locate(other, inner_point(chain_points[chain]), eps);
        if (where != InteriorsMeet::no) answer = where;
        return where == InteriorsMeet::yes;
    };
    auto i = a.sides.begin(), j = b.sides.begin();
    while (i != a.sides.end() || j != b.sides.end()) {
        if (j == b.sides.end() || (i != a.sides.end() && i->first < j->first)) {
            if (one_sided(i->first, b, eps_b)) return InteriorsMeet::yes;
            ++i;
        } else if (i == a.sides.end() || j->first < i->first) {
            if (one_sided(j->first, a, eps_a)) return InteriorsMeet::yes;
            ++j;
        } else {
            if (i->second == j->second) return InteriorsMeet::yes;
            ++i, ++j;
        }
    }
    return answer;
}

} // namespace coterm
