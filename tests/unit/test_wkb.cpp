// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "core/geometry.hpp"
#include "core/wkb.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

TEST_CASE("Every ring of a multipolygon with a hole and an island is visited in order")
{
    Wkb wkb =
        Geometry::from_wkt("MULTIPOLYGON(((0 0,4 0,4 4,0 4,0 0),(1 1,1 2,2 2,2 1,1 1)),((10 10,11 10,11 11,10 10)))")
            .to_wkb();
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> seen;
    for_each_ring(wkb, [&](std::size_t p, std::size_t r, WkbRing ring) { seen.emplace_back(p, r, ring.count); });
    REQUIRE(seen.size() == 3);
    CHECK(seen[0] == std::tuple<std::size_t, std::size_t, std::size_t>{0, 0, 5});
    CHECK(seen[1] == std::tuple<std::size_t, std::size_t, std::size_t>{0, 1, 5});
    CHECK(seen[2] == std::tuple<std::size_t, std::size_t, std::size_t>{1, 0, 4});
}

TEST_CASE("Points written into a ring are read back and change the geometry")
{
    Wkb wkb = Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))").to_wkb();
    for_each_ring(wkb, [](std::size_t, std::size_t, WkbRing ring) {
        for (std::size_t i = 0; i < ring.count; ++i) {
            double x, y;
            read_point(ring, i, x, y);
            write_point(ring, i, x * 2, y * 3);
        }
    });
    CHECK(Geometry::from_wkb(wkb).area() == 6.0);
}

TEST_CASE("Non-polygon members of a collection are skipped")
{
    Wkb wkb =
        Geometry::from_wkt("GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(0 0,1 1),POLYGON((0 0,1 0,1 1,0 0)))").to_wkb();
    int rings = 0;
    for_each_ring(wkb, [&](std::size_t, std::size_t, WkbRing) { ++rings; });
    CHECK(rings == 1);
}

TEST_CASE("Truncated or big-endian WKB is refused")
{
    Wkb wkb = Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 0))").to_wkb();
    Wkb cut(wkb.begin(), wkb.end() - 8);
    CHECK_THROWS_AS(for_each_ring(cut, [](std::size_t, std::size_t, WkbRing) {}), GeometryError);
    wkb[0] = 0;
    CHECK_THROWS_AS(for_each_ring(wkb, [](std::size_t, std::size_t, WkbRing) {}), GeometryError);
}
