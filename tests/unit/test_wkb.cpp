// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "core/geometry.hpp"
#include "core/wkb.hpp"

#include <catch2/catch.hpp>

#include <limits>

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

TEST_CASE("Bounds cover every vertex; a NaN or infinite coordinate is refused")
{
    Wkb wkb = Geometry::from_wkt("MULTIPOLYGON(((0 0,4 0,4 3,0 0)),((10 -2,11 -2,11 -1,10 -2)))").to_wkb();
    const WkbBounds b = finite_bounds(wkb);
    CHECK(b.min_x == 0);
    CHECK(b.min_y == -2);
    CHECK(b.max_x == 11);
    CHECK(b.max_y == 3);
    Wkb bad = Geometry::from_wkt("POLYGON((0 0,4 0,4 3,0 0))").to_wkb();
    for_each_ring(bad, [](std::size_t, std::size_t, WkbRing ring) {
        write_point(ring, 2, std::numeric_limits<double>::quiet_NaN(), 3);
    });
    CHECK_THROWS_WITH(finite_bounds(bad), Catch::Matchers::StartsWith("non-finite coordinate (NaN, 3)") &&
                                              Catch::Matchers::EndsWith("polygon 1, ring 1, vertex 3"));
}

TEST_CASE("Collections nested too deep are refused, not recursed into")
{
    Wkb deep;
    for (int i = 0; i < 40; ++i) {
        const unsigned char header[9] = {1, 7, 0, 0, 0, 1, 0, 0, 0}; // a collection of one member
        deep.insert(deep.end(), header, header + 9);
    }
    CHECK_THROWS_WITH(for_each_ring(deep, [](std::size_t, std::size_t, WkbRing) {}),
                      "WKB: geometry collections nested more than 32 deep");
}
