// SPDX-License-Identifier: MIT
#include "core/weighted_overlap.hpp"

#include "core/errors.hpp"
#include "core/layer_builder.hpp"
#include "core/point_locator.hpp"
#include "core/reproject.hpp"

#include <algorithm>
#include <cstdio>

namespace coterm {
namespace {

/// Index of row (a, b) in rows sorted by (a, b), or npos.
std::size_t find_row(const std::vector<OverlapRow>& rows, std::size_t a, std::size_t b)
{
    auto it = std::lower_bound(rows.begin(), rows.end(), std::pair{a, b}, [](const OverlapRow& r, const auto& key) {
        return r.a != key.first ? r.a < key.first : r.b < key.second;
    });
    return it != rows.end() && it->a == a && it->b == b ? static_cast<std::size_t>(it - rows.begin()) : no_feature;
}

/// Spreads each small area's weight over the features of `layer` by area; returns
/// per-feature weights and adds the part outside every feature to `outside`.
std::vector<double> spread_by_area(const Layer& layer, const WeightLayer& w, unsigned threads, double& outside)
{
    OverlapOptions options;
    options.threads = threads;
    const OverlapResult r = compute_overlap(*w.layer, layer, options);
    std::vector<double> weight(layer.features.size(), 0.0);
    for (const OverlapRow& row : r.rows)
        weight[row.b] += w.values[row.a] * row.share_of_a;
    for (std::size_t i = 0; i < w.values.size(); ++i) {
        const double area = w.layer->features[i].area_m2;
        outside += w.values[i] * (area - r.covered_a_m2[i]) / area;
    }
    return weight;
}

/// The pieces a ∩ b of an overlap as a layer (codes are zero-padded row numbers, so the
/// layer's order is the rows' order).
Layer pieces_layer(const OverlapResult& ab, unsigned threads)
{
    std::vector<RawFeature> raw;
    raw.reserve(ab.rows.size());
    for (std::size_t k = 0; k < ab.rows.size(); ++k) {
        if (ab.rows[k].piece.empty()) throw GeometryError("internal: area spread needs the overlap's pieces");
        char code[24];
        std::snprintf(code, sizeof code, "%012zu", k);
        raw.push_back({code, "", ab.rows[k].piece});
    }
    BuildReport report;
    return build_layer("pieces", "pieces", std::move(raw), {working_crs, threads}, report);
}

} // namespace

std::vector<double> weigh_features(const Layer& layer, const WeightLayer& w, unsigned threads, double* outside)
{
    const auto located = locate_points(layer, points_on_surface(*w.layer, threads), threads);
    std::vector<double> weight(layer.features.size(), 0.0);
    for (std::size_t i = 0; i < located.size(); ++i) {
        if (located[i] != no_feature) {
            weight[located[i]] += w.values[i];
        } else if (outside) {
            *outside += w.values[i];
        }
    }
    return weight;
}

WeightedOverlap weigh_overlap(const Layer& a, const Layer& b, const OverlapResult& ab, const WeightLayer& w,
                              Spread spread, unsigned threads)
{
    WeightedOverlap out;
    out.row_weight.assign(ab.rows.size(), 0.0);
    for (double v : w.values)
        out.total += v;

    if (spread == Spread::centroid) {
        const std::vector<XY> points = points_on_surface(*w.layer, threads);
        const auto in_a = locate_points(a, points, threads);
        const auto in_b = locate_points(b, points, threads);
        out.a_weight.assign(a.features.size(), 0.0);
        out.b_weight.assign(b.features.size(), 0.0);
        for (std::size_t i = 0; i < points.size(); ++i) {
            const double v = w.values[i];
            if (in_a[i] == no_feature)
                out.outside_a += v;
            else
                out.a_weight[in_a[i]] += v;
            if (in_b[i] == no_feature)
                out.outside_b += v;
            else
                out.b_weight[in_b[i]] += v;
            if (in_a[i] == no_feature || in_b[i] == no_feature) continue;
            // A point on the shared edge of a and b' may land in a pair that only touches:
            // it then counts as outside the rows (it is in the summary's outside_rows).
            const std::size_t row = find_row(ab.rows, in_a[i], in_b[i]);
            if (row != no_feature) out.row_weight[row] += v;
        }
    } else {
        out.a_weight = spread_by_area(a, w, threads, out.outside_a);
        out.b_weight = spread_by_area(b, w, threads, out.outside_b);
        double ignored = 0;
        const Layer pieces = pieces_layer(ab, threads);
        const std::vector<double> piece_weight = spread_by_area(pieces, w, threads, ignored);
        for (std::size_t k = 0; k < pieces.features.size(); ++k)
            out.row_weight[std::stoull(pieces.features[k].code)] = piece_weight[k];
    }
    double in_rows = 0;
    for (double v : out.row_weight)
        in_rows += v;
    out.outside_rows = out.total - in_rows;
    return out;
}

} // namespace coterm
