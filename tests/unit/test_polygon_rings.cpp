// SPDX-License-Identifier: MIT
#include "core/polygon_rings.hpp"
#include "core/wkb.hpp"

#include <catch2/catch.hpp>

#include <tuple>
#include <vector>

using namespace coterm;

namespace {

using Ring = std::tuple<std::size_t, std::size_t, std::vector<double>>; // polygon, ring, xy

std::vector<Ring> from_geos(const Geometry& g)
{
    std::vector<Ring> out;
    std::vector<double> scratch;
    for_each_polygon_ring(
        g,
        [&](std::size_t p, std::size_t r, std::span<const double> xy) {
            out.emplace_back(p, r, std::vector<double>(xy.begin(), xy.end()));
        },
        scratch);
    return out;
}

std::vector<Ring> from_wkb(const Geometry& g)
{
    std::vector<Ring> out;
    Wkb wkb = g.to_wkb();
    for_each_ring(wkb, [&](std::size_t p, std::size_t r, WkbRing ring) {
        std::vector<double> xy(2 * ring.count);
        for (std::size_t i = 0; i < ring.count; ++i)
            read_point(ring, i, xy[2 * i], xy[2 * i + 1]);
        out.emplace_back(p, r, xy);
    });
    return out;
}

} // namespace

TEST_CASE("Rings read from GEOS are those of the WKB walk, numbered alike", "[simplify]")
{
    for (const char* wkt : {"POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,2 2))",
                            "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,9 5,9 9,5 9,5 5),(6 6,6 7,7 7,6 6)))",
                            "GEOMETRYCOLLECTION(POINT(1 1),POLYGON((0 0,1 0,1 1,0 0)),LINESTRING(0 0,3 3),"
                            "MULTIPOLYGON(((2 2,3 2,3 3,2 2))))"}) {
        const Geometry g = Geometry::from_wkt(wkt);
        const auto geos = from_geos(g);
        CHECK(geos == from_wkb(g));
        CHECK_FALSE(geos.empty());
    }
    const auto rings =
        from_geos(Geometry::from_wkt("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,9 5,9 9,5 5),(6 6,6 7,7 7,6 6)))"));
    REQUIRE(rings.size() == 3);
    CHECK(std::get<0>(rings[2]) == 1); // second polygon
    CHECK(std::get<1>(rings[2]) == 1); // its first hole
    CHECK(std::get<2>(rings[2]) == std::vector<double>{6, 6, 6, 7, 7, 7, 6, 6});
}
