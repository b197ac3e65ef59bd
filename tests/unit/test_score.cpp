// SPDX-License-Identifier: MIT
#include "core/score.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace coterm;

namespace {
// A 2×2 grid of unit quarters (A: q0 q1 / q2 q3) against its halves (B: west, east).
std::vector<ScoreCell> grid_vs_halves()
{
    return {{0, 0, 1}, {1, 1, 1}, {2, 0, 1}, {3, 1, 1}};
}
} // namespace

TEST_CASE("A 2×2 grid against its halves: every quarter lies within a half, the halves are unions")
{
    const Scores s = score_matrix(grid_vs_halves(), 4, 2, {}, false);
    for (const UnitScore& u : s.a_units) {
        CHECK(u.share_in_best == 1);
        CHECK(u.best_share_of_b == 0.5);
        CHECK(u.iou == 0.5);
        CHECK(u.partners == 1);
        CHECK(u.relation == Relation::within);
        CHECK(u.splits.empty());
    }
    CHECK(s.a_units[1].best == 1);
    for (const UnitScore& u : s.b_units) {
        CHECK(u.relation == Relation::union_of_whole);
        CHECK(u.share_in_best == 0.5);
        CHECK(u.partners == 2);
    }
    CHECK(s.b_units[0].best == 0); // tie: the lower code wins
    const PairScores& p = s.pair;
    CHECK(p.a.nested() == 4);
    CHECK(p.b.unions() == 2);
    CHECK(p.a.split == 0);
    CHECK(p.b.split == 0);
    // By hand: H(A) = 2 bits, H(B) = 1, H(A,B) = 2, so H(A|B) = 1, H(B|A) = 0,
    // I = 1, NMI = 2·1/3, VI = 1, A nests in B exactly, B in A half-way.
    CHECK(p.h_a == Approx(2));
    CHECK(p.h_b == Approx(1));
    CHECK(p.h_a_given_b == Approx(1));
    CHECK(p.h_b_given_a == Approx(0).margin(1e-12));
    CHECK(p.nesting_a_in_b == Approx(1));
    CHECK(p.nesting_b_in_a == Approx(0.5));
    CHECK(p.nmi == Approx(2.0 / 3));
    CHECK(p.vi == Approx(1));
}

TEST_CASE("Swapping sides gives the halves' view: unions of whole quarters")
{
    const Scores s = swap_sides(score_matrix(grid_vs_halves(), 4, 2, {}, false));
    CHECK(s.a_units.size() == 2);
    CHECK(s.a_units[0].relation == Relation::union_of_whole);
    CHECK(s.pair.a.unions() == 2);
    CHECK(s.pair.b.nested() == 4);
    CHECK(s.pair.nesting_a_in_b == Approx(0.5));
    CHECK(s.pair.mean_share_in_best == Approx(0.5));
}

TEST_CASE("A layer against itself: every unit equal, NMI 1, VI 0, ARI 1")
{
    const std::vector<ScoreCell> cells{{0, 0, 10}, {1, 1, 20}, {2, 2, 30}};
    const Scores s = score_matrix(cells, 3, 3, {}, true);
    for (const auto& u : s.a_units)
        CHECK(u.relation == Relation::equal);
    CHECK(s.pair.a.equal == 3);
    CHECK(s.pair.nmi == Approx(1));
    CHECK(s.pair.vi == Approx(0).margin(1e-12));
    CHECK(s.pair.ari == Approx(1));
}

TEST_CASE("A unit split 50/50 and a footprint holding half of it split each other")
{
    // a0 half in b0, half in b1; a1 wholly in b0. b0 = a0's half + a1, b1 = a0's other half.
    const std::vector<ScoreCell> cells{{0, 0, 5}, {0, 1, 5}, {1, 0, 10}};
    const Scores s = score_matrix(cells, 2, 2, {}, false);
    CHECK(s.a_units[0].relation == Relation::split);
    CHECK(s.a_units[0].splits == std::vector<std::size_t>{0}); // b1 lies within a0: nesting, not a split
    CHECK(s.a_units[0].parts.size() == 2);
    CHECK(s.a_units[1].relation == Relation::within);
    CHECK(s.b_units[0].relation == Relation::split);
    CHECK(s.b_units[0].splits == std::vector<std::size_t>{0});
    CHECK(s.b_units[1].relation == Relation::within);
    CHECK(s.pair.a.split == 1);
    CHECK(s.pair.a.split_share == Approx(10.0 / 20));
}

TEST_CASE("A footprint covering half of a unit that is half outside every footprint is not whole and splits it")
{
    // One footprint f0 (weight 10) against units: u0 (weight 20) has 10 in f0 and 10 outside
    // every footprint. The whole-unit weights say so; the covered cells alone would not.
    const std::vector<ScoreCell> cells{{0, 0, 10}};
    const Scores s = score_matrix(cells, std::vector<double>{10}, std::vector<double>{20}, {}, true);
    CHECK(s.a_units[0].relation == Relation::within);   // f0 lies within u0
    CHECK(s.b_units[0].relation == Relation::contains); // u0 holds all of f0 and land outside it
    // Now f0 also reaches a second unit u1 wholly: f0 = half of u0 + all of u1.
    const std::vector<ScoreCell> two{{0, 0, 10}, {0, 1, 5}};
    const Scores t = score_matrix(two, std::vector<double>{15}, std::vector<double>{20, 5}, {}, true);
    CHECK(t.a_units[0].relation == Relation::split);
    CHECK(t.a_units[0].splits == std::vector<std::size_t>{0});
    CHECK(t.b_units[0].relation == Relation::split);
    CHECK(t.b_units[0].share_in_best == Approx(0.5));
    CHECK(t.b_units[0].covered == Approx(10));
    CHECK(t.b_units[1].relation == Relation::within);
}

TEST_CASE("Without whole-unit weights the same matrix would call the half-outside unit whole")
{
    // The fault of issue 10: totals from the covered cells only.
    const std::vector<ScoreCell> two{{0, 0, 10}, {0, 1, 5}};
    const Scores wrong = score_matrix(two, 1, 2, {}, true);
    CHECK(wrong.a_units[0].relation == Relation::union_of_whole);
}

TEST_CASE("A unit wholly outside every footprint is outside; a footprint with whole units and uncovered land contains")
{
    const std::vector<ScoreCell> cells{{0, 0, 10}};
    const Scores s = score_matrix(cells, std::vector<double>{30}, std::vector<double>{10, 7}, {}, true);
    CHECK(s.b_units[1].relation == Relation::outside);
    CHECK(s.b_units[1].partners == 0);
    CHECK(s.a_units[0].relation == Relation::contains);
    CHECK(s.pair.b.outside == 1);
    CHECK(s.pair.a.contains == 1);
}

TEST_CASE("A piece at the level of numeric noise is no partner and splits nothing")
{
    // a0: 1e12 in b0 and 1e-4 (1e-16 relative) in b1.
    const std::vector<ScoreCell> cells{{0, 0, 1e12}, {0, 1, 1e-4}, {1, 1, 1e12}};
    const Scores s = score_matrix(cells, 2, 2, {}, false);
    CHECK(s.a_units[0].partners == 1);
    CHECK(s.a_units[0].relation == Relation::equal);
    CHECK(s.b_units[1].relation == Relation::equal);
}

TEST_CASE("Any material piece is a split between layers sharing boundaries: 1 person in 100,000")
{
    const std::vector<ScoreCell> cells{{0, 0, 99999}, {0, 1, 1}, {1, 1, 50000}};
    const Scores s = score_matrix(cells, 2, 2, {}, true);
    CHECK(s.a_units[0].relation == Relation::split);
    // A materiality threshold in people hides it, and says so through the options.
    ScoreOptions o;
    o.min_weight = 10;
    const Scores t = score_matrix(cells, 2, 2, o, true);
    CHECK(t.a_units[0].relation == Relation::equal);
    CHECK(t.a_units[0].partners == 1);
}

TEST_CASE("The adjusted Rand index of a hand-counted table")
{
    // Counts [[2, 1], [0, 3]]: Σ C(n_ij,2) = 1 + 0 + 0 + 3 = 4; rows 3, 3 → 3 + 3 = 6;
    // columns 2, 4 → 1 + 6 = 7; C(6,2) = 15; expected = 6·7/15 = 2.8; max = 6.5;
    // ARI = (4 − 2.8) / (6.5 − 2.8) = 1.2 / 3.7.
    const std::vector<ScoreCell> cells{{0, 0, 2}, {0, 1, 1}, {1, 1, 3}};
    const Scores s = score_matrix(cells, 2, 2, {}, true);
    CHECK(s.pair.ari == Approx(1.2 / 3.7));
}

TEST_CASE("Units with no weight are outside and left out of the counts")
{
    const std::vector<ScoreCell> cells{{0, 0, 1}};
    const Scores s = score_matrix(cells, 2, 1, {}, false);
    CHECK(s.a_units[1].relation == Relation::outside);
    CHECK(s.pair.a.units == 1);
}

TEST_CASE("Between layers not sharing boundaries, a split within the generalisation band is uncertain")
{
    // Minority shares of a0, a1, a2: 0.5 %, 3 %, 7 %; noise 1 %, U = 6 %. Each b unit is
    // large, so the pieces are small parts of it.
    const std::vector<ScoreCell> cells{{0, 0, 99.5}, {0, 1, 0.5}, {1, 0, 97}, {1, 1, 3}, {2, 0, 93}, {2, 1, 7}};
    const std::vector<double> a{100, 100, 100}, b{1000, 1000};
    ScoreOptions o;
    o.noise = 0.01;
    o.uncertain = 0.06;
    const Scores s = score_matrix(cells, a, b, o, false);
    CHECK(s.a_units[0].relation == Relation::within);
    CHECK(s.a_units[1].relation == Relation::uncertain);
    CHECK(s.a_units[1].uncertain == std::vector<std::size_t>{0, 1});
    CHECK(s.a_units[2].relation == Relation::split);
    CHECK(s.pair.a.nested() == 1);
    CHECK(s.pair.a.uncertain == 1);
    CHECK(s.pair.a.split == 1);
    CHECK(s.pair.a.uncertain_share == Approx(100.0 / 300));
    // With U = 0 (layers sharing boundaries) the 3 % unit is split too.
    o.uncertain = 0;
    CHECK(score_matrix(cells, a, b, o, false).pair.a.split == 2);
}

TEST_CASE("Pair relations: equal, within either way, partial and noise")
{
    const ScoreOptions o;
    CHECK(relate_pair(10, 10, 10, o) == PairRelation::equal);
    CHECK(relate_pair(10, 10, 30, o) == PairRelation::a_within);
    CHECK(relate_pair(10, 30, 10, o) == PairRelation::b_within);
    CHECK(relate_pair(10, 30, 30, o) == PairRelation::partial);
    CHECK(relate_pair(1e-12, 30, 30, o) == PairRelation::noise);
    CHECK(std::string(relation_name(Relation::union_of_whole)) == "union");
}
