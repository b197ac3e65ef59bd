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
        CHECK_FALSE(u.split);
        CHECK(u.relation == Relation::within);
    }
    CHECK(s.a_units[1].best == 1);
    CHECK(s.b_unions[0].union_of_whole);
    CHECK(s.b_unions[1].union_of_whole);
    const PairScores& p = s.pair;
    CHECK(p.nested == 4);
    CHECK(p.b_unions == 2);
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

TEST_CASE("The halves against the grid contain their quarters and split into two")
{
    const Scores s = score_matrix(transpose(grid_vs_halves()), 2, 4, {}, false);
    CHECK(s.a_units[0].share_in_best == 0.5);
    CHECK(s.a_units[0].best == 0); // tie: the lower code wins
    CHECK(s.a_units[0].relation == Relation::contains);
    CHECK(s.a_units[0].split);
    CHECK(s.a_units[0].partners == 2);
    // Each quarter holds half of a half (0.5 is between 1 − τ and τ): no quarter is a
    // union of whole halves, and each lists the half it splits.
    CHECK_FALSE(s.b_unions[0].union_of_whole);
    CHECK(s.b_unions[0].splits == std::vector<std::size_t>{0});
}

TEST_CASE("A layer against itself: every unit equal, NMI 1, VI 0, ARI 1")
{
    const std::vector<ScoreCell> cells{{0, 0, 10}, {1, 1, 20}, {2, 2, 30}};
    const Scores s = score_matrix(cells, 3, 3, {}, true);
    for (const auto& u : s.a_units)
        CHECK(u.relation == Relation::equal);
    CHECK(s.pair.identical == 3);
    CHECK(s.pair.nmi == Approx(1));
    CHECK(s.pair.vi == Approx(0).margin(1e-12));
    CHECK(s.pair.ari == Approx(1));
}

TEST_CASE("A unit split 50/50 is split, partial, and breaks both B units' unions")
{
    // a0 half in b0, half in b1; a1 wholly in b0.
    const std::vector<ScoreCell> cells{{0, 0, 5}, {0, 1, 5}, {1, 0, 10}};
    const Scores s = score_matrix(cells, 2, 2, {}, false);
    CHECK(s.a_units[0].split);
    CHECK(s.a_units[0].relation == Relation::partial);
    CHECK(s.a_units[0].parts.size() == 2);
    CHECK_FALSE(s.b_unions[0].union_of_whole);
    CHECK(s.b_unions[0].splits == std::vector<std::size_t>{0});
    CHECK_FALSE(s.b_unions[1].union_of_whole);
    CHECK(s.pair.split == 1);
    CHECK(s.pair.split_share == Approx(10.0 / 20));
}

TEST_CASE("A sliver below ε is no partner and does not split a unit")
{
    // a0: 999.5 in b0 and a 0.5 sliver (0.05 %) in b1.
    const std::vector<ScoreCell> cells{{0, 0, 999.5}, {0, 1, 0.5}, {1, 1, 1000}};
    const Scores s = score_matrix(cells, 2, 2, {}, false);
    CHECK(s.a_units[0].partners == 1);
    CHECK_FALSE(s.a_units[0].split);
    CHECK(s.a_units[0].relation == Relation::equal); // b0 holds nothing but a0
    CHECK(s.b_unions[1].union_of_whole);             // 0.05 % of a0 is below 1 − τ
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

TEST_CASE("Units with no weight are left out of the pair scores")
{
    const std::vector<ScoreCell> cells{{0, 0, 1}};
    const Scores s = score_matrix(cells, 2, 1, {}, false);
    CHECK(s.a_units[1].relation == Relation::none);
    CHECK(s.pair.units == 1);
}

TEST_CASE("With U, a split smaller than the generalisation error is uncertain, not split")
{
    // Minority shares: a0 0.5 %, a1 3 %, a2 7 %; τ = 0.99, U = 0.06.
    const std::vector<ScoreCell> cells{{0, 0, 99.5}, {0, 1, 0.5}, {1, 0, 97}, {1, 1, 3}, {2, 0, 93}, {2, 1, 7}};
    ScoreOptions o;
    o.uncertain = 0.06;
    const Scores s = score_matrix(cells, 3, 2, o, false);
    CHECK_FALSE(s.a_units[0].split);
    CHECK_FALSE(s.a_units[0].uncertain);
    CHECK(s.a_units[1].uncertain);
    CHECK_FALSE(s.a_units[1].split);
    CHECK(s.a_units[2].split);
    CHECK(s.pair.nested == 1);
    CHECK(s.pair.uncertain == 1);
    CHECK(s.pair.split == 1);
    CHECK(s.pair.uncertain_share == Approx(100.0 / 300));
    // Without U the 3 % unit is split.
    CHECK(score_matrix(cells, 3, 2, {}, false).pair.split == 2);
}
