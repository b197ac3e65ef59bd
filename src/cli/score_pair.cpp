// SPDX-License-Identifier: MIT
#include "cli/score_pair.hpp"

#include "core/overlap.hpp"

namespace coterm::cli {

double uncertainty_for(const Layer& a, const Layer& b, double requested)
{
    if (requested >= 0) return requested;
    return !a.family.empty() && a.family == b.family ? 0.0 : generalisation_uncertainty;
}

ScoredPair score_layers(const Layer& a, const Layer& b, const LoadedWeights* weights, Spread spread,
                        const ScoreOptions& requested, double boundary_m, unsigned threads)
{
    ScoreOptions options = requested;
    options.uncertain = uncertainty_for(a, b, requested.uncertain);
    OverlapOptions overlap_options;
    overlap_options.threads = threads;
    overlap_options.keep_pieces = weights && spread == Spread::area;
    const OverlapResult overlap = compute_overlap(a, b, overlap_options);
    ScoredPair out;
    std::vector<ScoreCell> cells;
    if (weights) {
        const WeightedOverlap w = weigh_overlap(a, b, overlap, weights->weights, spread, threads);
        for (std::size_t k = 0; k < overlap.rows.size(); ++k)
            cells.push_back({overlap.rows[k].a, overlap.rows[k].b, w.row_weight[k]});
        out.a_total = w.total - w.outside_a;
        out.b_total = w.total - w.outside_b;
        out.counts = true;
    } else {
        for (const auto& r : overlap.rows)
            cells.push_back({r.a, r.b, r.area_m2});
        for (const auto& f : a.features)
            out.a_total += f.area_m2;
        for (const auto& f : b.features)
            out.b_total += f.area_m2;
    }
    out.uncertain = options.uncertain;
    out.boundary = align_boundaries(a, b, boundary_m, threads);
    out.ab = score_matrix(cells, a.features.size(), b.features.size(), options, out.counts);
    out.ba = score_matrix(transpose(cells), b.features.size(), a.features.size(), options, out.counts);
    return out;
}

void add_pair_measures(SummaryBuilder& t, const ScoredPair& s)
{
    const PairScores& p = s.ab.pair;
    t.add("uncertain", Format::share, s.uncertain);
    t.add("total", Format::share, p.total);
    t.add("a_uncovered_share", Format::share, s.a_total > 0 ? 1 - p.total / s.a_total : 0.0);
    t.add("b_uncovered_share", Format::share, s.b_total > 0 ? 1 - p.total / s.b_total : 0.0);
    t.add_count("a_units", p.units);
    t.add_count("a_nested", p.nested);
    t.add("a_nested_share", Format::share, p.nested_share);
    t.add_count("a_split", p.split);
    t.add("a_split_share", Format::share, p.split_share);
    t.add_count("a_uncertain", p.uncertain);
    t.add("a_uncertain_share", Format::share, p.uncertain_share);
    t.add_count("b_units", p.b_units);
    t.add_count("b_unions_of_whole_a", p.b_unions);
    t.add("b_unions_of_whole_a_share", Format::share, p.b_unions_share);
    t.add_count("b_nested", s.ba.pair.nested);
    t.add_count("a_unions_of_whole_b", s.ba.pair.b_unions);
    t.add_count("identical_pairs", p.identical);
    t.add("mean_share_in_best", Format::share, p.mean_share_in_best);
    t.add("mean_iou", Format::share, p.mean_iou);
    t.add("h_a", Format::share, p.h_a);
    t.add("h_b", Format::share, p.h_b);
    t.add("h_a_given_b", Format::share, p.h_a_given_b);
    t.add("h_b_given_a", Format::share, p.h_b_given_a);
    t.add("nesting_a_in_b", Format::share, p.nesting_a_in_b);
    t.add("nesting_b_in_a", Format::share, p.nesting_b_in_a);
    t.add("nmi", Format::share, p.nmi);
    t.add("vi", Format::share, p.vi);
    t.add("ari", Format::share, s.counts ? Cell(p.ari) : Cell());
    const BoundaryAlignment& bd = s.boundary;
    t.add("boundary_distance_m", Format::share, bd.distance_m);
    t.add("a_internal_boundary_m", Format::area, bd.a_internal_m);
    t.add("a_boundary_near_share", Format::share, bd.a_internal_m > 0 ? Cell(bd.a_near_m / bd.a_internal_m) : Cell());
    t.add("b_internal_boundary_m", Format::area, bd.b_internal_m);
    t.add("b_boundary_near_share", Format::share, bd.b_internal_m > 0 ? Cell(bd.b_near_m / bd.b_internal_m) : Cell());
}

} // namespace coterm::cli
