// SPDX-License-Identifier: MIT
#include "core/overlap.hpp"

#include "core/covers_exact.hpp"
#include "core/errors.hpp"
#include "core/geos_answer.hpp"
#include "core/geos_context.hpp"
#include "core/intersection_area.hpp"
#include "core/overlap_predicates.hpp"
#include "core/parallel.hpp"
#include "core/subdivide.hpp"

#include "core/spatial_index.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>

namespace coterm {
namespace {

using index::BoxEntry;
using Tree = index::BoxTree;

// Grid for the fallback intersection when OverlayNG's own robustness chain fails:
// 1 mm in EPSG:27700 moves no boundary by more than survey precision.
constexpr double fallback_grid_m = 1e-3;

// An outer polygon with more vertices than this, and more than one index candidate,
// is cut once into pieces of at most piece_vertices (see subdivide): a covers test or
// an intersection then costs in proportion to the pieces near the inner feature. The
// catalogue's layers (at most 3,085 vertices a feature) stay below the threshold, so
// their results are unchanged; a full-resolution or hostile polygon is cut.
constexpr int subdivide_above = 4096;
constexpr std::size_t piece_vertices = 256;

/// A piece found while processing one outer feature; `inner` indexes the other layer.
struct Piece {
    std::size_t inner;
    double area_m2;
    Wkb geometry;
};

struct TaskStats {
    std::size_t candidates = 0, contained = 0, intersections = 0, touching = 0, skipped = 0, fallbacks = 0;
    std::size_t geos_errors = 0;       ///< predicate failures, each answered by the exact intersection
    std::size_t subdivided_pieces = 0; ///< pieces of the outer features cut by subdivide
    std::size_t by_kernel = 0;         ///< pending pairs whose area the exact kernel gave
    std::size_t exact_covers = 0;      ///< covers (or, for outer pairs, overlap) questions the exact test answered
};

/// Everything found for one outer feature.
struct OuterTask {
    std::vector<Piece> pieces;
    std::vector<std::size_t> pending; ///< inner features that need a real intersection
    std::vector<std::size_t> covered; ///< inner features this outer feature covers wholly
    Subdivision subdivision;          ///< pieces of a large outer feature (else none)
    TaskStats stats;
};

constexpr std::size_t none = static_cast<std::size_t>(-1);

/// x ∩ y; `x_code` and `y_code` name the features in the error when GEOS fails even
/// on the 1 mm grid.
Geometry intersect(const GEOSGeometry* x, const GEOSGeometry* y, TaskStats& stats, const std::string& x_code,
                   const std::string& y_code)
{
    auto ctx = geos_context();
    ++stats.intersections;
    GEOSGeometry* r = GEOSIntersection_r(ctx, x, y);
    if (!r) {
        const std::string first_error = take_geos_error();
        ++stats.fallbacks;
        r = GEOSIntersectionPrec_r(ctx, x, y, fallback_grid_m);
        if (!r)
            throw GeometryError("intersection of '" + x_code + "' and '" + y_code + "' failed (" + first_error +
                                "; on a 1 mm grid: " + take_geos_error() + ")");
    }
    return Geometry(r);
}

/// Owns a prepared geometry made in this thread's context.
struct PreparedGeometry {
    const GEOSPreparedGeometry* get = nullptr;
    PreparedGeometry() = default;
    PreparedGeometry(const PreparedGeometry&) = delete;
    PreparedGeometry& operator=(const PreparedGeometry&) = delete;
    ~PreparedGeometry()
    {
        if (get) GEOSPreparedGeom_destroy_r(geos_context(), get);
    }
};

/// Phase 1 for one outer feature: index query, `intersects` filter and the covers
/// shortcuts; pairs that need a real intersection are left pending. A large outer
/// feature is subdivided and tested piece by piece; otherwise it is prepared.
void screen_outer(const Feature& outer, const Layer& inner, const std::vector<Box>& inner_boxes, const Tree& tree,
                  bool keep_pieces, OuterTask& task)
{
    auto ctx = geos_context();
    const Geometry local = outer.geometry.copy_for_this_thread();
    const Box outer_box = local.envelope();

    std::vector<std::size_t> candidates;
    index::query(tree, outer_box, [&](const BoxEntry& e) { candidates.push_back(e.second); });
    std::sort(candidates.begin(), candidates.end());
    task.stats.candidates += candidates.size();
    const bool cut = candidates.size() > 1 && local.num_coordinates() > subdivide_above;
    PreparedGeometry prepared;
    // The outer feature's rings for the exact covers tests, read once.
    thread_local CoveringRings outer_rings;
    const bool rings_read = !cut && outer_rings.read(ctx, local.get());
    if (cut) {
        task.subdivision = subdivide(local, piece_vertices);
        task.stats.subdivided_pieces += task.subdivision.pieces.size();
    } else {
        prepared.get = GEOSPrepare_r(ctx, local.get());
        if (!prepared.get) throw GeometryError("cannot prepare '" + outer.code + "': " + take_geos_error());
    }
    for (std::size_t i : candidates) {
        const Feature& f = inner.features[i];
        const GEOSGeometry* g = f.geometry.get();
        // A failed predicate is never read as "no": the pair goes on to the next
        // test, and at the end to the exact intersection (which throws, naming
        // both features, when it fails too).
        const Answer meets = cut ? intersects_pieces(task.subdivision, g, inner_boxes[i], task.stats.geos_errors)
                                 : read_answer(GEOSPreparedIntersects_r(ctx, prepared.get, g), task.stats.geos_errors);
        if (meets == Answer::no) continue;
        const bool covered = cut ? covers_by_pieces(task.subdivision, g, inner_boxes[i], task.stats.geos_errors)
                                 : read_answer(GEOSPreparedContainsProperly_r(ctx, prepared.get, g),
                                               task.stats.geos_errors) == Answer::yes ||
                                       covers_locally(local, prepared.get, rings_read ? &outer_rings : nullptr, g,
                                                      inner_boxes[i], task.stats.geos_errors, task.stats.exact_covers);
        if (covered) {
            ++task.stats.contained;
            task.covered.push_back(i);
            task.pieces.push_back({i, f.area_m2, keep_pieces ? f.geometry.to_wkb() : Wkb{}});
        } else if (inner_boxes[i].contains(outer_box) &&
                   covers_outer(g, local, rings_read ? &outer_rings.rings : nullptr, task.stats.geos_errors,
                                task.stats.exact_covers)) {
            ++task.stats.contained;
            task.pieces.push_back({i, outer.area_m2, keep_pieces ? local.to_wkb() : Wkb{}});
        } else {
            task.pending.push_back(i);
        }
    }
}

/// Area of `x` ∩ the subdivided outer feature: the sum over the pieces whose boxes
/// meet x's box `x_box`, in piece order, so the sum never depends on threads.
double subdivided_area(const GEOSGeometry* x, const Box& x_box, const Subdivision& outer, TaskStats& stats,
                       const std::string& outer_code, const std::string& x_code)
{
    double area = 0;
    for (std::size_t k = 0; k < outer.pieces.size(); ++k)
        if (boxes_meet(outer.boxes[k], x_box))
            area += intersect(x, outer.pieces[k].get(), stats, outer_code, x_code).area();
    return area;
}

/// Phase 2 for one outer feature: real intersections of its pending pairs, except
/// where the inner feature lies wholly in another outer feature that does not overlap
/// this one (then the pair can only touch). A subdivided outer feature is intersected
/// piece by piece, unless the pieces are to be kept (they must be the exact a ∩ b).
void intersect_pending(const Feature& outer, std::size_t o, const Layer& inner, const std::vector<Box>& inner_boxes,
                       const std::vector<std::size_t>& covered_by,
                       const std::set<std::pair<std::size_t, std::size_t>>& overlapping_outers, bool keep_pieces,
                       bool area_kernel, OuterTask& task)
{
    if (task.pending.empty()) return;
    // Pieces made on the screening thread are only read here, as second operands.
    const Subdivision& pieces = task.subdivision;
    const bool by_pieces = !keep_pieces && !pieces.pieces.empty();
    // When only the area is needed, the exact kernel answers most pairs of small
    // polygons that cross in general position; GEOS OverlayNG the rest (methods §7).
    auto ctx = geos_context();
    thread_local PolygonRings outer_rings, inner_rings;
    const bool by_kernel = area_kernel && !keep_pieces && !by_pieces && outer_rings.read(ctx, outer.geometry.get());
    std::optional<Geometry> local; // this thread's copy, made only when GEOS is needed
    for (std::size_t i : task.pending) {
        const std::size_t c = covered_by[i];
        if (c != none && !overlapping_outers.count({std::min(c, o), std::max(c, o)})) {
            ++task.stats.skipped;
            continue;
        }
        // The inner (usually smaller) geometry goes first: OverlayNG measured ~11% faster
        // that way on LSOAs × districts. It is copied into this thread's context so
        // the result's factory is this thread's (see copy_for_this_thread).
        const Feature& f = inner.features[i];
        if (by_kernel && inner_rings.read(ctx, f.geometry.get())) {
            if (const auto area = intersection_area(inner_rings, outer_rings)) {
                ++task.stats.by_kernel;
                task.pieces.push_back({i, *area, Wkb{}});
                continue;
            }
        }
        const Geometry inner_local = f.geometry.copy_for_this_thread();
        if (by_pieces) {
            const double area =
                subdivided_area(inner_local.get(), inner_boxes[i], pieces, task.stats, outer.code, f.code);
            if (area <= 0)
                ++task.stats.touching;
            else
                task.pieces.push_back({i, area, Wkb{}});
            continue;
        }
        if (!local) local = outer.geometry.copy_for_this_thread();
        Geometry piece = intersect(inner_local.get(), local->get(), task.stats, outer.code, f.code);
        const double area = piece.area();
        if (area <= 0) {
            ++task.stats.touching;
            continue;
        }
        task.pieces.push_back({i, area, keep_pieces ? polygonal_part(std::move(piece)).to_wkb() : Wkb{}});
    }
}

/// Which pairs of outer features overlap with positive area, among the pairs phase 2
/// asks about (neighbours sharing a wholly covered inner feature's candidates).
/// Answers kept in `known` (may be null) are reused, and new ones added to it.
std::set<std::pair<std::size_t, std::size_t>> find_overlapping_outers(const Layer& outer,
                                                                      const std::vector<OuterTask>& tasks,
                                                                      const std::vector<std::size_t>& covered_by,
                                                                      unsigned threads, NeighbourOverlaps* known,
                                                                      TaskStats& stats)
{
    std::set<std::pair<std::size_t, std::size_t>> asked;
    for (std::size_t o = 0; o < tasks.size(); ++o)
        for (std::size_t i : tasks[o].pending)
            if (covered_by[i] != none) asked.insert({std::min(covered_by[i], o), std::max(covered_by[i], o)});
    std::set<std::pair<std::size_t, std::size_t>> out;
    std::unique_lock<std::mutex> lock;
    if (known) {
        lock = std::unique_lock(known->mutex);
        for (auto it = asked.begin(); it != asked.end();) {
            const auto k = known->known.find(*it);
            if (k == known->known.end()) {
                ++it;
                continue;
            }
            if (k->second) out.insert(*it);
            it = asked.erase(it);
        }
    }
    const std::vector<std::pair<std::size_t, std::size_t>> pairs(asked.begin(), asked.end());
    std::vector<char> overlaps(pairs.size(), 0);
    std::vector<TaskStats> pair_stats(pairs.size());
    parallel_for(pairs.size(), threads, [&](std::size_t k) {
        const Feature& x = outer.features[pairs[k].first];
        const Feature& y = outer.features[pairs[k].second];
        // Neighbours in edge-sharing layers: the exact test answers without an overlay.
        if (const auto exact = interiors_meet_exactly(x.geometry.get(), y.geometry.get())) {
            overlaps[k] = *exact;
            ++pair_stats[k].exact_covers;
            return;
        }
        const Geometry gx = x.geometry.copy_for_this_thread(), gy = y.geometry.copy_for_this_thread();
        overlaps[k] = intersect(gx.get(), gy.get(), pair_stats[k], x.code, y.code).area() > 0;
    });
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        stats.intersections += pair_stats[k].intersections;
        stats.exact_covers += pair_stats[k].exact_covers;
        stats.fallbacks += pair_stats[k].fallbacks;
        if (overlaps[k]) out.insert(pairs[k]);
        if (known) known->known.emplace(pairs[k], overlaps[k] != 0);
    }
    return out;
}

void accumulate_coverage(std::vector<double>& covered, std::vector<char>& overcounted, const Layer& layer)
{
    overcounted.assign(layer.features.size(), 0);
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const double area = layer.features[i].area_m2;
        // Pieces of a partition add up to the whole within rounding (~1e-12 relative);
        // more than that means the other layer overlaps itself inside this feature.
        if (covered[i] > area * (1 + 1e-9)) overcounted[i] = 1;
        covered[i] = std::min(covered[i], area);
    }
}

} // namespace

OverlapResult compute_overlap(const Layer& a, const Layer& b, const OverlapOptions& options)
{
    // Prepare the side with fewer features (usually the larger areas): each prepared
    // geometry then serves many index hits, and the covers shortcut catches the many
    // small features lying wholly inside it.
    const bool a_outer = a.features.size() <= b.features.size();
    const Layer& outer = a_outer ? a : b;
    const Layer& inner = a_outer ? b : a;

    // Envelopes are computed here, on one thread, so that GEOS's lazily cached
    // envelopes are filled before the inner geometries are shared between threads.
    std::vector<Box> inner_boxes;
    std::vector<BoxEntry> entries;
    inner_boxes.reserve(inner.features.size());
    entries.reserve(inner.features.size());
    for (std::size_t i = 0; i < inner.features.size(); ++i) {
        inner_boxes.push_back(inner.features[i].geometry.envelope());
        entries.emplace_back(index::to_box(inner_boxes.back()), i);
    }
    const Tree tree(entries.begin(), entries.end()); // packing (bulk-loading) constructor

    // Most expensive outer features first, so the last tasks handed out are short.
    std::vector<std::size_t> order(outer.features.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<int> cost(outer.features.size());
    for (std::size_t i = 0; i < cost.size(); ++i)
        cost[i] = outer.features[i].geometry.num_coordinates();
    std::stable_sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) { return cost[l] > cost[r]; });

    const unsigned threads = resolve_threads(options.threads);
    std::vector<OuterTask> tasks(outer.features.size());
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    auto report = [&] {
        const std::size_t n = ++done;
        if (options.progress) {
            std::lock_guard lock(progress_mutex);
            options.progress(n, 2 * order.size());
        }
    };
    parallel_for(order.size(), threads, [&](std::size_t k) {
        const std::size_t o = order[k];
        screen_outer(outer.features[o], inner, inner_boxes, tree, options.keep_pieces, tasks[o]);
        report();
    });

    // Edge-sharing layers make many pairs that only touch: an inner feature wholly
    // inside outer feature c meets its neighbour o only along their shared boundary.
    // i ⊆ c gives area(i ∩ o) ≤ area(c ∩ o), so when c and o do not overlap the pair
    // is skipped; one outer-pair check replaces many zero-area intersections.
    std::vector<std::size_t> covered_by(inner.features.size(), none);
    for (std::size_t o = 0; o < tasks.size(); ++o)
        for (std::size_t i : tasks[o].covered)
            if (covered_by[i] == none) covered_by[i] = o;
    OverlapResult result;
    TaskStats pair_checks;
    const auto overlapping = find_overlapping_outers(
        outer, tasks, covered_by, threads, a_outer ? options.a_neighbours : options.b_neighbours, pair_checks);
    result.stats.outer_pair_checks = pair_checks.intersections + pair_checks.exact_covers;
    result.stats.exact_overlap_checks = pair_checks.exact_covers;
    result.stats.precision_fallbacks += pair_checks.fallbacks;
    parallel_for(order.size(), threads, [&](std::size_t k) {
        const std::size_t o = order[k];
        intersect_pending(outer.features[o], o, inner, inner_boxes, covered_by, overlapping, options.keep_pieces,
                          options.area_kernel, tasks[o]);
        report();
    });

    // Merge in a fixed order, whatever thread did the work.
    result.covered_a_m2.assign(a.features.size(), 0.0);
    result.covered_b_m2.assign(b.features.size(), 0.0);
    for (std::size_t o = 0; o < tasks.size(); ++o) {
        const TaskStats& s = tasks[o].stats;
        result.stats.candidates += s.candidates;
        result.stats.contained += s.contained;
        result.stats.intersections += s.intersections;
        result.stats.touching += s.touching;
        result.stats.skipped += s.skipped;
        result.stats.precision_fallbacks += s.fallbacks;
        result.stats.geos_errors += s.geos_errors;
        result.stats.subdivided_pieces += s.subdivided_pieces;
        result.stats.area_kernel += s.by_kernel;
        result.stats.exact_covers += s.exact_covers;
        for (Piece& p : tasks[o].pieces) {
            OverlapRow row;
            row.a = a_outer ? o : p.inner;
            row.b = a_outer ? p.inner : o;
            row.area_m2 = p.area_m2;
            row.piece = std::move(p.geometry);
            result.rows.push_back(std::move(row));
        }
    }
    std::sort(result.rows.begin(), result.rows.end(),
              [](const OverlapRow& l, const OverlapRow& r) { return l.a != r.a ? l.a < r.a : l.b < r.b; });
    for (OverlapRow& row : result.rows) {
        row.share_of_a = row.area_m2 / a.features[row.a].area_m2;
        row.share_of_b = row.area_m2 / b.features[row.b].area_m2;
        result.covered_a_m2[row.a] += row.area_m2;
        result.covered_b_m2[row.b] += row.area_m2;
    }
    accumulate_coverage(result.covered_a_m2, result.overcounted_a, a);
    accumulate_coverage(result.covered_b_m2, result.overcounted_b, b);
    return result;
}

void apply_min_share(std::vector<OverlapRow>& rows, double min_share)
{
    if (min_share <= 0) return;
    std::erase_if(rows, [&](const OverlapRow& r) { return r.share_of_a < min_share && r.share_of_b < min_share; });
}

} // namespace coterm
