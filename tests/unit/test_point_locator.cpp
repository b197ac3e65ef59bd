// SPDX-License-Identifier: MIT
#include "core/point_locator.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using coterm::test::box;
using coterm::test::make_layer;

TEST_CASE("Points land in the feature covering them; a shared edge goes to the lowest code")
{
    const Layer l = make_layer("l", {{"B", box(1, 0, 2, 1)}, {"A", box(0, 0, 1, 1)}});
    const std::vector<XY> points{{0.5, 0.5}, {1.5, 0.5}, {1.0, 0.5}, {5, 5}, {0, 0}};
    for (unsigned threads : {1u, 2u}) {
        const auto where = locate_points(l, points, threads);
        CHECK(where == std::vector<std::size_t>{0, 1, 0, no_feature, 0}); // A is index 0
    }
}

TEST_CASE("A point on surface lies inside even a U-shaped feature")
{
    const Layer l = make_layer("l", {{"U", "POLYGON((0 0,3 0,3 3,2 3,2 1,1 1,1 3,0 3,0 0))"}});
    const auto p = points_on_surface(l, 1);
    REQUIRE(p.size() == 1);
    CHECK(locate_points(l, p, 1)[0] == 0);
}
