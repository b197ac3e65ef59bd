// SPDX-License-Identifier: MIT
#include "cli/pair_measures.hpp"

namespace coterm::cli {

void add_pair_measures(SummaryBuilder& t, const analysis::ScoredPair& s)
{
    add_pair_measures(t, s.scores, s.rule, s.a_total, s.b_total, s.counts);
    const BoundaryAlignment& bd = s.boundary;
    t.add("boundary_distance_m", Format::share, bd.distance_m);
    t.add("a_internal_boundary_m", Format::area, bd.a_internal_m);
    t.add("a_boundary_near_share", Format::share, bd.a_internal_m > 0 ? Cell(bd.a_near_m / bd.a_internal_m) : Cell());
    t.add("b_internal_boundary_m", Format::area, bd.b_internal_m);
    t.add("b_boundary_near_share", Format::share, bd.b_internal_m > 0 ? Cell(bd.b_near_m / bd.b_internal_m) : Cell());
}

void add_pair_measures(SummaryBuilder& t, const Scores& scores, const analysis::ScoreRule& rule, double a_total,
                       double b_total, bool counts)
{
    const PairScores& p = scores.pair;
    const ScoreOptions& o = rule.options;
    t.add("boundaries_shared", Format::flag, rule.shared);
    t.add("boundary_exact_share", Format::share, rule.exact_share);
    t.add("noise", Format::share, o.noise);
    t.add("uncertain", Format::share, o.uncertain);
    t.add("min_people", Format::number, o.min_weight);
    t.add("total", Format::share, p.total);
    t.add("a_uncovered_share", Format::share, a_total > 0 ? 1 - p.total / a_total : 0.0);
    t.add("b_uncovered_share", Format::share, b_total > 0 ? 1 - p.total / b_total : 0.0);
    t.add_count("a_units", p.a.units);
    t.add_count("a_equal", p.a.equal);
    t.add_count("a_nested", p.a.nested());
    t.add("a_nested_share", Format::share, p.a.nested_share);
    t.add_count("a_unions_of_whole_b", p.a.unions());
    t.add_count("a_contains", p.a.contains);
    t.add_count("a_split", p.a.split);
    t.add("a_split_share", Format::share, p.a.split_share);
    t.add_count("a_uncertain", p.a.uncertain);
    t.add("a_uncertain_share", Format::share, p.a.uncertain_share);
    t.add_count("a_outside", p.a.outside);
    t.add_count("b_units", p.b.units);
    t.add_count("b_nested", p.b.nested());
    t.add_count("b_unions_of_whole_a", p.b.unions());
    t.add("b_unions_of_whole_a_share", Format::share, p.b.unions_share);
    t.add_count("b_contains", p.b.contains);
    t.add_count("b_split", p.b.split);
    t.add("b_split_share", Format::share, p.b.split_share);
    t.add_count("b_uncertain", p.b.uncertain);
    t.add_count("b_outside", p.b.outside);
    t.add_count("identical_pairs", p.a.equal);
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
    t.add("ari", Format::share, counts ? Cell(p.ari) : Cell());
}

} // namespace coterm::cli
