// SPDX-License-Identifier: MIT
#include "core/validate.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using coterm::test::box;
using coterm::test::make_layer;

TEST_CASE("Every duplicate and missing code is found, and codes can be made unique")
{
    std::vector<RawFeature> raw{{"A", "", {}}, {"B", "", {}}, {"A", "", {}},
                                {"", "", {}},  {"B", "", {}}, {"A", "", {}}};
    const CodeProblems p = find_code_problems(raw);
    CHECK(p.duplicates == std::vector<std::string>{"A", "B"});
    CHECK(p.missing == std::vector<std::size_t>{4});
    make_codes_unique(raw);
    REQUIRE(raw.size() == 3);
    CHECK(raw[2].code == "#4");
}

TEST_CASE("An overlap above the floor is listed with its area; one below is only counted")
{
    // A and B overlap on [9,10]×[0,10] = 10 m²; C and D overlap on 0.5 m².
    const Layer l = make_layer("l", {{"A", box(0, 0, 10, 10)},
                                     {"B", box(9, 0, 20, 10)},
                                     {"C", box(100, 0, 110, 10)},
                                     {"D", box(109.95, 0, 120, 10)}});
    const LayerCheck c = check_layer(l, 5, 1);
    REQUIRE(c.overlaps.size() == 1);
    CHECK(c.overlaps[0].a == "A");
    CHECK(c.overlaps[0].b == "B");
    CHECK(c.overlaps[0].area_m2 == Approx(10));
    CHECK(c.small_overlaps == 1);
    CHECK(c.small_overlaps_m2 == Approx(0.5));
}

TEST_CASE("A hole in the union that no feature owns is a gap; a feature's own hole is not")
{
    // Four frames around an empty 2×2 centre: the union has a hole no feature owns.
    const Layer ring = make_layer(
        "r", {{"S", box(0, 0, 6, 2)}, {"N", box(0, 4, 6, 6)}, {"W", box(0, 2, 2, 4)}, {"E", box(4, 2, 6, 4)}});
    const LayerCheck c = check_layer(ring, 1, 1);
    REQUIRE(c.gaps.size() == 1);
    CHECK(c.gaps[0].area_m2 == Approx(4));
    CHECK(c.gaps[0].x > 2);
    CHECK(c.gaps[0].x < 4);
    CHECK(c.parts == 4);
    CHECK(c.vertices == 20);
    // One feature with that hole: a hole, not a gap.
    const Layer holed = make_layer("h", {{"H", "POLYGON((0 0,6 0,6 6,0 6,0 0),(2 2,2 4,4 4,4 2,2 2))"}});
    const LayerCheck h = check_layer(holed, 1, 1);
    CHECK(h.gaps.empty());
    CHECK(h.holes == 1);
}

TEST_CASE("Overlap pieces fall into share bands")
{
    SliverBands b;
    add_to_band(b, 0.0005, 1);
    add_to_band(b, 0.005, 2);
    add_to_band(b, 0.03, 3);
    add_to_band(b, 0.2, 4);
    add_to_band(b, 1.0, 5);
    add_to_band(b, 0.5, 6);
    CHECK(b.count[0] == 1);
    CHECK(b.count[4] == 2);
    CHECK(b.area_m2[4] == 11);
}

TEST_CASE("Neighbours that only touch are no overlap, and a lone feature is not overlaid with itself")
{
    const Layer touching =
        make_layer("l", {{"A", box(0, 0, 10, 10)}, {"B", box(10, 0, 20, 10)}, {"C", box(0, 10, 10, 20)}});
    const LayerCheck c = check_layer(touching, 0, 2);
    CHECK(c.overlaps.empty());
    CHECK(c.small_overlaps == 0);
    CHECK(c.gaps.empty());
    const LayerCheck one = check_layer(make_layer("one", {{"A", box(0, 0, 10, 10)}}), 0, 1);
    CHECK(one.overlaps.empty());
    CHECK(one.small_overlaps == 0);
}
