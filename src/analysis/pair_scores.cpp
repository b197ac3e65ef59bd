// SPDX-License-Identifier: MIT
#include "analysis/pair_scores.hpp"

#include "core/overlap.hpp"

#include <utility>

namespace coterm::analysis {

ScoredPair score_layers(const Layer& a, const Layer& b, const LoadedWeights* weights, Spread spread,
                        const RuleRequest& request, double boundary_m, unsigned threads)
{
    LayerReuse a_reuse, b_reuse;
    a_reuse.segments = segment_layer(a);
    b_reuse.segments = segment_layer(b);
    return score_layers(a, b, a_reuse, b_reuse, weights, spread, request, boundary_m, threads);
}

ScoredPair score_layers(const Layer& a, const Layer& b, LayerReuse& a_reuse, LayerReuse& b_reuse,
                        const LoadedWeights* weights, Spread spread, const RuleRequest& request, double boundary_m,
                        unsigned threads)
{
    RuleRequest r = request;
    r.population = weights != nullptr;
    ScoredPair out;
    // The rule's two measures (choose_rule) and the alignment's (align_boundaries) in
    // one pass over each layer's internal boundary; each equals its own call bit for bit.
    const std::vector<NearQuery> queries{
        {near_distance_m, parallel_cos}, {exact_distance_m, parallel_cos}, {boundary_m, 0}};
    const auto a_near = lengths_within(a_reuse.segments.internal, b_reuse.segments, queries, threads);
    const auto b_near = lengths_within(b_reuse.segments.internal, a_reuse.segments, queries, threads);
    out.rule = rule_from_lengths(a_near[0] + b_near[0], a_near[1] + b_near[1], r);
    OverlapOptions overlap_options;
    overlap_options.threads = threads;
    overlap_options.keep_pieces = weights && spread == Spread::area;
    overlap_options.a_neighbours = &a_reuse.neighbours;
    overlap_options.b_neighbours = &b_reuse.neighbours;
    const OverlapResult overlap = compute_overlap(a, b, overlap_options);
    std::vector<ScoreCell> cells;
    std::vector<double> a_weight, b_weight;
    if (weights) {
        const WeightedOverlap w = weigh_overlap(a, b, overlap, weights->weights, spread, threads);
        for (std::size_t k = 0; k < overlap.rows.size(); ++k)
            cells.push_back({overlap.rows[k].a, overlap.rows[k].b, w.row_weight[k]});
        a_weight = w.a_weight;
        b_weight = w.b_weight;
        out.a_total = w.total - w.outside_a;
        out.b_total = w.total - w.outside_b;
        out.counts = true;
    } else {
        for (const auto& row : overlap.rows)
            cells.push_back({row.a, row.b, row.area_m2});
        for (const auto& f : a.features)
            a_weight.push_back(f.area_m2), out.a_total += f.area_m2;
        for (const auto& f : b.features)
            b_weight.push_back(f.area_m2), out.b_total += f.area_m2;
    }
    double covered = 0;
    for (const auto& c : cells)
        covered += c.weight;
    settle_coverage(out.rule, out.a_total, out.b_total, covered);
    out.boundary.distance_m = boundary_m;
    out.boundary.a_internal_m = a_reuse.segments.internal_m;
    out.boundary.a_near_m = a_near[2];
    out.boundary.b_internal_m = b_reuse.segments.internal_m;
    out.boundary.b_near_m = b_near[2];
    out.scores = score_matrix(cells, a_weight, b_weight, out.rule.options, out.counts);
    return out;
}

ScoredPair swap_pair(ScoredPair s)
{
    s.scores = swap_sides(std::move(s.scores));
    std::swap(s.a_total, s.b_total);
    std::swap(s.boundary.a_internal_m, s.boundary.b_internal_m);
    std::swap(s.boundary.a_near_m, s.boundary.b_near_m);
    return s;
}

} // namespace coterm::analysis
