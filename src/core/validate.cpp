// SPDX-License-Identifier: MIT
#include "core/validate.hpp"

#include "core/errors.hpp"
#include "core/geos_context.hpp"
#include "core/overlap.hpp"
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

    OverlapOptions options;
    options.threads = threads;
    for (const auto& row : compute_overlap(layer, layer, options).rows) {
        if (row.a >= row.b) continue;
        if (row.area_m2 > floor_m2) {
            c.overlaps.push_back({layer.features[row.a].code, layer.features[row.b].code, row.area_m2});
        } else {
            ++c.small_overlaps;
            c.small_overlaps_m2 += row.area_m2;
        }
    }

    auto ctx = geos_context();
    Wkb whole = union_of(layer).to_wkb();
    for_each_ring(whole, [&](std::size_t, std::size_t r, WkbRing ring) {
        if (r == 0) return;
        const HoleKey key = hole_key(ring);
        if (std::any_of(feature_holes.begin(), feature_holes.end(),
                        [&](const HoleKey& h) { return same_hole(h, key); }))
            return;
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
