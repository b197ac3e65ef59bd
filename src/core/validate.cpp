// SPDX-License-Identifier: MIT
#include "core/validate.hpp"

#include "core/errors.hpp"
#include "core/geos_context.hpp"
#include "core/parallel.hpp"
#include "core/spatial_index.hpp"
#include "core/wkb.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace coterm {

CodeProblems find_code_problems(const std::vector<RawFeature>& raw)
{
    CodeProblems out;
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i].code.empty()) {
            out.missing.push_back(i + 1);
        } else if (++seen[raw[i].code] == 2) {
            out.duplicates.push_back(raw[i].code);
        }
    }
    std::sort(out.duplicates.begin(), out.duplicates.end());
    return out;
}

void make_codes_unique(std::vector<RawFeature>& raw)
{
    std::set<std::string> seen;
    std::vector<RawFeature> kept;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i].code.empty()) raw[i].code = "#" + std::to_string(i + 1);
        if (seen.insert(raw[i].code).second) kept.push_back(std::move(raw[i]));
    }
    raw = std::move(kept);
}

void add_to_band(SliverBands& bands, double share, double area_m2)
{
    std::size_t k = 0;
    while (k < 4 && share >= SliverBands::limits[k])
        ++k;
    ++bands.count[k];
    bands.area_m2[k] += area_m2;
}

namespace {

/// A hole, by area and bounding box (enough to tell a union's hole that is some
/// feature's own hole from a gap between features).
struct HoleKey {
    double area, min_x, min_y, max_x, max_y;
};

bool same_hole(const HoleKey& l, const HoleKey& r)
{
    const double tol = 1e-6 * std::max(1.0, std::abs(l.area));
    return std::abs(l.area - r.area) <= tol && std::abs(l.min_x - r.min_x) < 1e-6 &&
           std::abs(l.min_y - r.min_y) < 1e-6 && std::abs(l.max_x - r.max_x) < 1e-6 &&
           std::abs(l.max_y - r.max_y) < 1e-6;
}

HoleKey hole_key(const WkbRing& ring)
{
    HoleKey k{0, 1e300, 1e300, -1e300, -1e300};
    double twice = 0;
    for (std::size_t i = 0; i < ring.count; ++i) {
        double x, y, x2, y2;
        read_point(ring, i, x, y);
        read_point(ring, (i + 1) % ring.count, x2, y2);
        twice += x * y2 - x2 * y;
        k.min_x = std::min(k.min_x, x), k.min_y = std::min(k.min_y, y);
        k.max_x = std::max(k.max_x, x), k.max_y = std::max(k.max_y, y);
    }
    k.area = std::abs(twice) / 2;
    return k;
}

/// The union of all features: coverage union when they form a clean coverage, else a
/// unary union (slower, but works when features overlap).
Geometry union_of(const Layer& layer)
{
    auto ctx = geos_context();
    auto collection = [&] {
        std::vector<GEOSGeometry*> parts;
        for (const auto& f : layer.features)
            parts.push_back(f.geometry.copy_for_this_thread().release());
        return Geometry(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                    static_cast<unsigned>(parts.size())));
    };
    if (GEOSGeometry* u = GEOSCoverageUnion_r(ctx, collection().get())) return Geometry(u);
    take_geos_error();
    return Geometry(GEOSUnaryUnion_r(ctx, collection().get()));
}

/// Area of a ∩ b; OverlayNG first, then on a 1 mm grid (as compute_overlap does).
double intersection_area(const GEOSGeometry* a, const GEOSGeometry* b, const std::string& what)
{
    auto ctx = geos_context();
    GEOSGeometry* r = GEOSIntersection_r(ctx, a, b);
    if (!r) {
        const std::string first_error = take_geos_error();
        r = GEOSIntersectionPrec_r(ctx, a, b, 1e-3);
        if (!r)
            throw GeometryError("intersection of " + what + " failed (" + first_error +
                                "; on a 1 mm grid: " + take_geos_error() + ")");
    }
    return Geometry(r).area();
}

/// Pairs (i < j) of features whose interiors overlap, with the overlap area. Each
/// feature is tested only against the candidates from an R-tree of envelopes, never
/// against itself, and a pair is intersected only when prepared `intersects` says
/// they meet; pairs that merely touch come out with area 0 and are dropped. Work is
/// O(n log n) in vertices for one complex polygon (tools/bench-validate).
std::vector<std::pair<std::pair<std::size_t, std::size_t>, double>> overlapping_pairs(const Layer& layer,
                                                                                      unsigned threads)
{
    const std::size_t n = layer.features.size();
    std::vector<Box> boxes(n);
    std::vector<index::BoxEntry> entries;
    for (std::size_t i = 0; i < n; ++i) {
        boxes[i] = layer.features[i].geometry.envelope();
        entries.emplace_back(index::to_box(boxes[i]), i);
    }
    const index::BoxTree tree(entries.begin(), entries.end());
    std::vector<std::vector<std::pair<std::size_t, double>>> found(n);
    parallel_for(n, resolve_threads(threads), [&](std::size_t i) {
        std::vector<std::size_t> candidates;
        index::query(tree, boxes[i], [&](const index::BoxEntry& e) {
            if (e.second > i) candidates.push_back(e.second);
        });
        if (candidates.empty()) return;
        std::sort(candidates.begin(), candidates.end());
        auto ctx = geos_context();
        // This thread's copy is prepared and is the overlay's first operand (whose
        // factory the result takes); feature j is only read (docs/architecture.md).
        const Geometry local = layer.features[i].geometry.copy_for_this_thread();
        const GEOSPreparedGeometry* prepared = GEOSPrepare_r(ctx, local.get());
        if (!prepared) throw GeometryError("cannot prepare '" + layer.features[i].code + "': " + take_geos_error());
        try {
            for (std::size_t j : candidates) {
                const char meets = GEOSPreparedIntersects_r(ctx, prepared, layer.features[j].geometry.get());
                if (meets == 2)
                    throw GeometryError("cannot tell whether '" + layer.features[i].code + "' and '" +
                                        layer.features[j].code + "' meet: " + take_geos_error());
                if (meets == 0) continue;
                const double area =
                    intersection_area(local.get(), layer.features[j].geometry.get(),
                                      "'" + layer.features[i].code + "' and '" + layer.features[j].code + "'");
                if (area > 0) found[i].emplace_back(j, area);
            }
        } catch (...) {
            GEOSPreparedGeom_destroy_r(ctx, prepared);
            throw;
        }
        GEOSPreparedGeom_destroy_r(ctx, prepared);
    });
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, double>> out;
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& [j, area] : found[i])
            out.push_back({{i, j}, area});
    return out;
}

} // namespace

LayerCheck check_layer(const Layer& layer, double floor_m2, unsigned threads)
{
    LayerCheck c;
    std::vector<HoleKey> feature_holes;
    for (const auto& f : layer.features) {
        Wkb wkb = f.geometry.to_wkb();
        for_each_ring(wkb, [&](std::size_t, std::size_t r, WkbRing ring) {
            c.vertices += ring.count;
            if (r == 0) {
                ++c.parts;
            } else {
                ++c.holes;
                feature_holes.push_back(hole_key(ring));
            }
        });
    }

    for (const auto& [pair, area_m2] : overlapping_pairs(layer, threads)) {
        if (area_m2 > floor_m2) {
            c.overlaps.push_back({layer.features[pair.first].code, layer.features[pair.second].code, area_m2});
        } else {
            ++c.small_overlaps;
            c.small_overlaps_m2 += area_m2;
        }
    }

    // Sorted by area, so each hole of the union is compared with the few feature
    // holes of about its size (a scan of all of them was quadratic in holes).
    std::sort(feature_holes.begin(), feature_holes.end(),
              [](const HoleKey& l, const HoleKey& r) { return l.area < r.area; });
    auto ctx = geos_context();
    Wkb whole = union_of(layer).to_wkb();
    for_each_ring(whole, [&](std::size_t, std::size_t r, WkbRing ring) {
        if (r == 0) return;
        const HoleKey key = hole_key(ring);
        const double tol = 1e-6 * std::max(1.0, std::abs(key.area)) * 2;
        auto it = std::lower_bound(feature_holes.begin(), feature_holes.end(), key.area - tol,
                                   [](const HoleKey& h, double area) { return h.area < area; });
        for (; it != feature_holes.end() && it->area <= key.area + tol; ++it)
            if (same_hole(*it, key)) return;
        if (key.area > floor_m2) {
            // A point inside the gap: its ring as a polygon, point on surface.
            std::vector<double> xy(2 * ring.count);
            for (std::size_t i = 0; i < ring.count; ++i)
                read_point(ring, i, xy[2 * i], xy[2 * i + 1]);
            GEOSCoordSequence* seq =
                GEOSCoordSeq_copyFromBuffer_r(ctx, xy.data(), static_cast<unsigned>(ring.count), 0, 0);
            Geometry polygon(GEOSGeom_createPolygon_r(ctx, GEOSGeom_createLinearRing_r(ctx, seq), nullptr, 0));
            Geometry point(GEOSPointOnSurface_r(ctx, polygon.get()));
            LayerCheck::Gap gap{key.area, 0, 0};
            GEOSGeomGetX_r(ctx, point.get(), &gap.x);
            GEOSGeomGetY_r(ctx, point.get(), &gap.y);
            c.gaps.push_back(gap);
        } else {
            ++c.small_gaps;
            c.small_gaps_m2 += key.area;
        }
    });
    std::sort(c.gaps.begin(), c.gaps.end(), [](const auto& l, const auto& r) { return l.area_m2 > r.area_m2; });
    return c;
}

} // namespace coterm
