// SPDX-License-Identifier: MIT
// The exact covers test (see covers_exact.hpp). The covered side is indexed twice:
// its vertices by exact coordinates (a hash table) and its edges in a uniform grid.
#include "core/covers_exact.hpp"

#include "core/covered_rings.hpp"
#include "core/exact_predicates.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace coterm {
namespace {

constexpr std::size_t run_edges = 32;

bool boxes_meet(const Box& l, const Box& r)
{
    return l.min_x <= r.max_x && r.min_x <= l.max_x && l.min_y <= r.max_y && r.min_y <= l.max_y;
}

/// Where one boundary segment of b lies with respect to a.
enum class Verdict {
    same_way,  ///< an edge of a running the same way (interiors on the same side)
    other_way, ///< an edge of a running the other way
    outside,   ///< meets a's boundary only at shared vertices, outside a
    untouched, ///< meets a's boundary nowhere: on the side of the segment before it
    enters,    ///< a point of it lies in a's interior
    unknown    ///< not decidable exactly here
};

/// What a polygon of a is known to be: beside an edge of b running the same way, it
/// has interior points in b; the other way, outside b.
enum PartSide : char { part_unknown, part_in, part_out };

/// The side of a at vertex (wx, wy) in the direction of (tx, ty): inside a (then b's
/// boundary enters a's interior: not covered), outside, or unknown (along an edge of a,
/// or not certified). Each passage of a ring through the vertex has a's interior in
/// the angle swept counter-clockwise from the edge leaving it to the edge arriving.
Verdict side_at_vertex(const CoveredRings& a, std::uint32_t passage, double wx, double wy, double tx, double ty)
{
    // A's interior near w is, per polygon of a, the intersection of the angles of its
    // passages through w (a hole touching its shell there cuts the shell's angle), and
    // the union of that over polygons (parts of a multipolygon touching at w).
    thread_local std::vector<std::pair<std::uint32_t, bool>> inside_part;
    inside_part.clear();
    for (; passage != CoveredRings::none; passage = a.passages[passage].more) {
        const CoveredRings::Passage& p = a.passages[passage];
        const int to_next = orientation(wx, wy, p.next_x, p.next_y, tx, ty);
        const int to_prev = orientation(wx, wy, p.prev_x, p.prev_y, tx, ty);
        const int convex = orientation(wx, wy, p.next_x, p.next_y, p.prev_x, p.prev_y);
        if (convex == 0 || (to_next == 0 && to_prev == 0)) return Verdict::unknown;
        // A zero sign may mean "too close to call", not "on the line": only a certified
        // collinearity (classify_segment certified that such a segment points away from
        // the edge) lets the angle decide.
        if ((to_next == 0 && !certainly_collinear(wx, wy, p.next_x, p.next_y, tx, ty)) ||
            (to_prev == 0 && !certainly_collinear(wx, wy, p.prev_x, p.prev_y, tx, ty)))
            return Verdict::unknown;
        bool inside;
        if (to_next == 0 || to_prev == 0)
            // Along the line of one of the two edges, away from it: the ray opposite an
            // edge of the angle lies inside the angle exactly when the angle is reflex.
            inside = convex < 0;
        else
            inside = convex > 0 ? to_next > 0 && to_prev < 0 : !(to_next < 0 && to_prev > 0);
        const auto known =
            std::find_if(inside_part.begin(), inside_part.end(), [&](const auto& e) { return e.first == p.part; });
        if (known == inside_part.end())
            inside_part.emplace_back(p.part, inside);
        else
            known->second = known->second && inside;
    }
    for (const auto& e : inside_part)
        if (e.second) return Verdict::enters;
    return Verdict::outside;
}

/// Classifies b's boundary segment p → q (b's interior on its left) against a; for an
/// edge of a, `part` is the polygon of a it belongs to.
Verdict classify_segment(const CoveredRings& a, double px, double py, double qx, double qy, std::uint32_t& part)
{
    const std::uint32_t at_p = a.find(px, py);
    for (std::uint32_t k = at_p; k != CoveredRings::none; k = a.passages[k].more) {
        const CoveredRings::Passage& s = a.passages[k];
        part = s.part;
        if (s.next_x == qx && s.next_y == qy) return Verdict::same_way;
        if (s.prev_x == qx && s.prev_y == qy) return Verdict::other_way;
    }
    bool touches = false, crosses = false;
    const Box box{std::min(px, qx), std::min(py, qy), std::max(px, qx), std::max(py, qy)};
    const bool complete = a.for_edges_near(box, [&](std::size_t e) {
        const double ux = a.rings->x[e], uy = a.rings->y[e], vx = a.rings->x[e + 1], vy = a.rings->y[e + 1];
        if (std::max(ux, vx) < box.min_x || std::min(ux, vx) > box.max_x || std::max(uy, vy) < box.min_y ||
            std::min(uy, vy) > box.max_y)
            return true;
        const int o1 = orientation(px, py, qx, qy, ux, uy), o2 = orientation(px, py, qx, qy, vx, vy);
        if (o1 != 0 && o1 == o2) return true;
        const int o3 = orientation(ux, uy, vx, vy, px, py), o4 = orientation(ux, uy, vx, vy, qx, qy);
        if (o3 != 0 && o3 == o4) return true;
        if (o1 != 0 && o2 != 0 && o3 != 0 && o4 != 0) {
            crosses = true;
            return true;
        }
        // They touch: acceptable only at an endpoint both share exactly, the other
        // endpoints off each other's line (so the touch is that one point).
        double wx, wy, sx, sy, ex, ey;
        if (px == ux && py == uy)
            wx = px, wy = py, sx = qx, sy = qy, ex = vx, ey = vy;
        else if (px == vx && py == vy)
            wx = px, wy = py, sx = qx, sy = qy, ex = ux, ey = uy;
        else if (qx == ux && qy == uy)
            wx = qx, wy = qy, sx = px, sy = py, ex = vx, ey = vy;
        else if (qx == vx && qy == vy)
            wx = qx, wy = qy, sx = px, sy = py, ex = ux, ey = uy;
        else
            return false;
        if (orientation(wx, wy, sx, sy, ex, ey) == 0) {
            // On one line: acceptable only when certainly collinear and pointing
            // away from each other (then they still meet at w only).
            if (!certainly_collinear(wx, wy, sx, sy, ex, ey)) return false;
            auto sign = [](double v, double w) { return (v > w) - (v < w); };
            if ((sx == wx && sy == wy) || (ex == wx && ey == wy)) return false; // a repeated point
            if (sign(sx, wx) != -sign(ex, wx) || sign(sy, wy) != -sign(ey, wy)) return false;
        }
        touches = true;
        return true;
    });
    if (!complete) return Verdict::unknown;
    // A proper crossing, with no other contact at that point (it would have been
    // caught above), puts part of the segment in a's interior.
    if (crosses) return Verdict::enters;
    if (!touches) return Verdict::untouched;
    if (at_p != CoveredRings::none) return side_at_vertex(a, at_p, px, py, qx, qy);
    const std::uint32_t at_q = a.find(qx, qy);
    if (at_q == CoveredRings::none) return Verdict::unknown;
    return side_at_vertex(a, at_q, qx, qy, px, py);
}

} // namespace

bool CoveringRings::read(GEOSContextHandle_t ctx, const GEOSGeometry* g)
{
    runs.clear(), first.clear();
    if (!rings.read(ctx, g)) return false;
    for (std::size_t ring = 0; ring < rings.num_rings(); ++ring) {
        first.push_back(runs.size());
        const std::size_t end = rings.starts[ring + 1] - 1; // edges end at the closing point
        for (std::size_t k = rings.starts[ring]; k < end; k += run_edges) {
            Run run{k, std::min(k + run_edges, end), {}};
            run.box = {rings.x[k], rings.y[k], rings.x[k], rings.y[k]};
            for (std::size_t j = k + 1; j <= run.last; ++j) {
                run.box.min_x = std::min(run.box.min_x, rings.x[j]),
                run.box.max_x = std::max(run.box.max_x, rings.x[j]);
                run.box.min_y = std::min(run.box.min_y, rings.y[j]),
                run.box.max_y = std::max(run.box.max_y, rings.y[j]);
            }
            runs.push_back(run);
        }
    }
    first.push_back(runs.size());
    return true;
}

namespace {

enum class Question { covers, overlaps };

/// covers_exactly or interiors_overlap_exactly: one walk of b's boundary against a,
/// then one side per polygon of a.
std::optional<bool> decide(const CoveringRings& b, const PolygonRings& a, Question question)
{
    const bool covers = question == Question::covers;
    thread_local CoveredRings covered;
    thread_local std::vector<char> part_side;
    if (!covered.build(a)) return std::nullopt;
    part_side.assign(a.part.empty() ? 0 : a.part.back() + 1, part_unknown);
    const PolygonRings& r = b.rings;
    // First: whether a point of b's boundary lies in a's interior (then a ⊄ b, and
    // the interiors overlap), ring by ring, carrying the side of a along the ring.
    for (std::size_t ring = 0; ring < r.num_rings(); ++ring) {
        enum class Side { unknown, outside, boundary } side = Side::unknown;
        bool unresolved_start = false; // untouched segments before any side was known
        const bool forward = r.orientation[ring] > 0;
        for (std::size_t run = b.first[ring]; run < b.first[ring + 1]; ++run) {
            if (!boxes_meet(b.runs[run].box, a.box)) {
                side = Side::outside;
                continue;
            }
            for (std::size_t k = b.runs[run].first; k < b.runs[run].last; ++k) {
                const Box box{std::min(r.x[k], r.x[k + 1]), std::min(r.y[k], r.y[k + 1]), std::max(r.x[k], r.x[k + 1]),
                              std::max(r.y[k], r.y[k + 1])};
                if (!boxes_meet(box, a.box)) {
                    side = Side::outside;
                    continue;
                }
                const std::size_t from = forward ? k : k + 1, to = forward ? k + 1 : k;
                // A repeated point adds no point of b's boundary, and would match a
                // repeated point of a as an edge either way.
                if (r.x[from] == r.x[to] && r.y[from] == r.y[to]) continue;
                std::uint32_t part = 0;
                switch (classify_segment(covered, r.x[from], r.y[from], r.x[to], r.y[to], part)) {
                case Verdict::enters:
                    return !covers;
                case Verdict::unknown:
                    return std::nullopt;
                case Verdict::same_way:
                    if (!covers) return true; // beside the edge both interiors lie
                    part_side[part] = part_in;
                    side = Side::boundary;
                    break;
                case Verdict::other_way:
                    if (covers) return false; // beside the edge a's interior is outside b
                    part_side[part] = part_out;
                    side = Side::boundary;
                    break;
                case Verdict::outside:
                    side = Side::outside;
                    break;
                case Verdict::untouched:
                    // After an edge of a the next segment starts on a's boundary, so it
                    // cannot be untouched; anything else is not this test's to decide.
                    if (side == Side::boundary) return std::nullopt;
                    if (side == Side::unknown) unresolved_start = true;
                    break;
                }
            }
        }
        if (!unresolved_start || side == Side::outside) continue;
        if (side == Side::boundary) return std::nullopt;
        // No segment of the ring touches a: the whole ring lies on one side of a.
        const auto in = point_inside(a, r.x[r.starts[ring]], r.y[r.starts[ring]]);
        if (!in) return std::nullopt;
        if (*in) return !covers;
    }
    // Now each polygon of a lies wholly in b's interior or wholly outside b.
    for (std::size_t ring = 0; ring < a.num_rings(); ++ring) {
        if (ring > 0 && a.part[ring] == a.part[ring - 1]) continue; // a hole: its shell decided
        bool in = part_side[a.part[ring]] == part_in;
        if (part_side[a.part[ring]] == part_unknown) {
            std::optional<bool> inside;
            for (std::size_t k = a.starts[ring]; k + 1 < a.starts[ring + 1] && !inside && k < a.starts[ring] + 16; ++k)
                inside = point_inside(r, a.x[k], a.y[k]);
            if (!inside) return std::nullopt;
            in = *inside;
        }
        if (covers && !in) return false;
        if (!covers && in) return true;
    }
    return covers;
}

} // namespace

std::optional<bool> covers_exactly(const CoveringRings& b, const PolygonRings& a)
{
    return decide(b, a, Question::covers);
}

std::optional<bool> interiors_overlap_exactly(const CoveringRings& b, const PolygonRings& a)
{
    return decide(b, a, Question::overlaps);
}

} // namespace coterm
