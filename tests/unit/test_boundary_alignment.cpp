// SPDX-License-Identifier: MIT
#include "core/boundary_alignment.hpp"
#include "fixtures.hpp"

#include <cmath>

#include <catch2/catch.hpp>

using namespace coterm;
using coterm::test::box;
using coterm::test::make_layer;

namespace {
Layer halves(double shift)
{
    return make_layer("h", {{"W", box(0, 0, 1000 + shift, 2000)}, {"E", box(1000 + shift, 0, 2000, 2000)}});
}
Layer quarters()
{
    return make_layer("q", {{"Q1", box(0, 0, 1000, 1000)},
                            {"Q2", box(1000, 0, 2000, 1000)},
                            {"Q3", box(0, 1000, 1000, 2000)},
                            {"Q4", box(1000, 1000, 2000, 2000)}});
}
} // namespace

TEST_CASE("The internal boundary is the shared edges only, each once")
{
    const auto s = internal_segments(halves(0));
    REQUIRE(s.size() == 1); // x = 1000 from y 0 to 2000; the outer edge is left out
    CHECK(s[0].x0 == 1000);
    CHECK(s[0].x1 == 1000);
    double total = 0;
    for (const auto& seg : internal_segments(quarters()))
        total += std::hypot(seg.x1 - seg.x0, seg.y1 - seg.y0);
    CHECK(total == 4000); // the two 2 km centre lines
}

TEST_CASE("An internal boundary moved by 30 m is within 50 m but not within 20 m")
{
    const BoundaryAlignment near = align_boundaries(halves(0), halves(30), 50, 1);
    CHECK(near.a_internal_m == 2000);
    CHECK(near.a_near_m == Approx(2000));
    // Within 20 m only the line's last 20 m at each end count: they are near B's outer edge.
    CHECK(align_boundaries(halves(0), halves(30), 20, 1).a_near_m == Approx(40));
}

TEST_CASE("Quarters against halves: by hand, 2200 m of the 4000 m lie within 50 m of the halves' lines")
{
    // The quarters' x = 1000 line lies on the halves' edge (2000 m); of their y = 1000 line
    // only the 50 m ends near the halves' outer edges and the 100 m around x = 1000 count.
    const BoundaryAlignment r = align_boundaries(quarters(), halves(0), 50, 1);
    CHECK(r.a_internal_m == 4000);
    CHECK(r.a_near_m == Approx(2200));
    CHECK(r.b_internal_m == 2000);
    CHECK(r.b_near_m == Approx(2000));
}

TEST_CASE("A diagonal boundary is near a line only where the distance allows")
{
    // A's internal edge runs from (0,0) to (1000,1000); B's from (0,0) to (1000,0).
    // Points (t·1000, t·1000) are within 100 m of the x axis for t ≤ 0.1: 10 % of the length.
    const Layer a =
        make_layer("a", {{"L", "POLYGON((0 0,1000 1000,0 1000,0 0))"}, {"R", "POLYGON((0 0,1000 0,1000 1000,0 0))"}});
    const std::vector<Segment> diag{{0, 0, 1000, 1000}}, axis{{0, 0, 1000, 0}};
    CHECK(length_within(diag, axis, 100, 1) == Approx(0.1 * std::hypot(1000, 1000)));
    CHECK(internal_segments(a).size() == 1);
}

TEST_CASE("One pass over an indexed layer gives each distance's measure bit for bit")
{
    // Wiggly shared edges (not axis-aligned) so that the measures are not round numbers
    // and the 2 m, 20 m and 50 m boxes select different hits.
    const Layer a = make_layer("a", {{"W", "POLYGON((0 0,1003 0,997 700,1011 1400,1000 2000,0 2000,0 0))"},
                                     {"E", "POLYGON((1003 0,2000 0,2000 2000,1000 2000,1011 1400,997 700,1003 0))"}});
    const Layer b = make_layer("b", {{"BW", "POLYGON((0 0,1010 0,990 700,1020 1400,1005 2000,0 2000,0 0))"},
                                     {"BE", "POLYGON((1010 0,2000 0,2000 2000,1005 2000,1020 1400,990 700,1010 0))"}});
    const LayerSegments sa = segment_layer(a), sb = segment_layer(b);
    CHECK(sa.internal.size() == internal_segments(a).size());
    CHECK(sb.all.size() == all_segments(b).size());
    const std::vector<NearQuery> queries{{50, 0.9}, {2, 0.9}, {20, 0}, {50, 0}};
    for (const unsigned threads : {1u, 2u}) {
        const auto a_near = lengths_within(sa.internal, sb, queries, threads);
        const auto b_near = lengths_within(sb.internal, sa, queries, threads);
        REQUIRE(a_near.size() == queries.size());
        for (std::size_t j = 0; j < queries.size(); ++j) {
            INFO("query " << j << ", threads " << threads);
            CHECK(a_near[j] ==
                  length_within(internal_segments(a), all_segments(b), queries[j].distance, 1, queries[j].min_abs_cos));
            CHECK(b_near[j] ==
                  length_within(internal_segments(b), all_segments(a), queries[j].distance, 1, queries[j].min_abs_cos));
        }
        // Not vacuous: B's line runs 0–15 m from A's, crossing it twice, so the 2 m
        // measure keeps only short stretches around the crossings.
        CHECK(a_near[0] > 1900);
        CHECK(a_near[1] > 0);
        CHECK(a_near[1] < a_near[2]);
    }
    const BoundaryAlignment r = align_boundaries(a, b, 20, 1);
    CHECK(r.a_internal_m == sa.internal_m);
    CHECK(r.a_near_m == lengths_within(sa.internal, sb, {{20, 0}}, 1)[0]);
}
