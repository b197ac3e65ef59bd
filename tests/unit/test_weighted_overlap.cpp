// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "core/weighted_overlap.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using coterm::test::box;
using coterm::test::make_layer;

namespace {
// Two squares A1 | A2 side by side, one B covering both; small area W1 straddles the
// A1/A2 edge with 3/4 of its area in A1 (its point on surface too), W2 lies in A2 and
// W3 outside. Weights follow the layer's order, which is by code.
struct Fixture {
    Layer a = make_layer("a", {{"A1", box(0, 0, 2, 2)}, {"A2", box(2, 0, 4, 2)}});
    Layer b = make_layer("b", {{"B", box(0, 0, 4, 2)}});
    Layer small = make_layer("w", {{"W1", box(0.5, 0, 2.5, 1)}, {"W2", box(3, 1, 4, 2)}, {"W3", box(10, 10, 11, 11)}});
    WeightLayer w{&small, {100, 10, 7}};
};
} // namespace

TEST_CASE("Centroid spread gives a small area's whole weight to the piece holding its point")
{
    Fixture f;
    const OverlapResult ab = compute_overlap(f.a, f.b, {});
    const WeightedOverlap wo = weigh_overlap(f.a, f.b, ab, f.w, Spread::centroid, 1);
    REQUIRE(ab.rows.size() == 2);
    CHECK(wo.row_weight == std::vector<double>{100, 10}); // W1 → A1 (its point is at x = 1.5)
    CHECK(wo.a_weight == std::vector<double>{100, 10});
    CHECK(wo.b_weight == std::vector<double>{110});
    CHECK(wo.total == 117);
    CHECK(wo.outside_a == 7);
    CHECK(wo.outside_b == 7);
    CHECK(wo.outside_rows == 7);
}

TEST_CASE("Area spread splits a small area by the area falling in each piece")
{
    Fixture f;
    OverlapOptions keep;
    keep.keep_pieces = true;
    const OverlapResult ab = compute_overlap(f.a, f.b, keep);
    const WeightedOverlap wo = weigh_overlap(f.a, f.b, ab, f.w, Spread::area, 1);
    CHECK(wo.row_weight[0] == Approx(75).epsilon(1e-12));      // 3/4 of W1
    CHECK(wo.row_weight[1] == Approx(25 + 10).epsilon(1e-12)); // 1/4 of W1, all of W2
    CHECK(wo.a_weight[0] == Approx(75).epsilon(1e-12));
    CHECK(wo.outside_rows == Approx(7).epsilon(1e-12));
    CHECK(wo.row_weight[0] + wo.row_weight[1] + wo.outside_rows == Approx(wo.total).epsilon(1e-12));
}

TEST_CASE("Area spread needs the overlap's pieces")
{
    Fixture f;
    const OverlapResult ab = compute_overlap(f.a, f.b, {});
    CHECK_THROWS_AS(weigh_overlap(f.a, f.b, ab, f.w, Spread::area, 1), GeometryError);
}
