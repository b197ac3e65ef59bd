// SPDX-License-Identifier: MIT
#include "core/geos_context.hpp"
#include "core/subdivide.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace coterm;

TEST_CASE("A 2,003-vertex zig-zag is cut into pieces of at most 256 vertices whose areas add up")
{
    const Geometry g = Geometry::from_wkt(test::zigzag(2000));
    REQUIRE(g.num_coordinates() == 2004); // 2,003 distinct + the closing point
    REQUIRE(g.area() == 2040000.0);       // 1020 × 2000, exact in doubles
    const Subdivision s = subdivide(g, 256);
    REQUIRE(s.pieces.size() == s.boxes.size());
    CHECK(s.pieces.size() >= 8); // 2,004 / 256 rounded up
    double sum = 0;
    for (std::size_t k = 0; k < s.pieces.size(); ++k) {
        INFO("piece " << k);
        CHECK(s.pieces[k].num_coordinates() <= 256);
        CHECK(invalid_reason(s.pieces[k]).empty());
        const Box b = s.pieces[k].envelope();
        CHECK(b.min_x == s.boxes[k].min_x);
        CHECK(b.max_y == s.boxes[k].max_y);
        sum += s.pieces[k].area();
    }
    CHECK(sum == Approx(2040000.0).epsilon(1e-12));
}

TEST_CASE("Pieces of a subdivision do not overlap: their union has the sum of their areas")
{
    const Geometry g = Geometry::from_wkt(test::zigzag(1000));
    const Subdivision s = subdivide(g, 100);
    double sum = 0;
    std::string wkt = "GEOMETRYCOLLECTION(";
    for (std::size_t k = 0; k < s.pieces.size(); ++k) {
        sum += s.pieces[k].area();
        wkt += (k ? "," : "") + s.pieces[k].to_wkt(9);
    }
    const Geometry all = Geometry::from_wkt(wkt + ")");
    const Geometry merged(GEOSUnaryUnion_r(geos_context(), all.get()));
    CHECK(merged.area() == Approx(1020000.0).epsilon(1e-12));
    CHECK(sum == Approx(1020000.0).epsilon(1e-12));
}

TEST_CASE("A polygon within the vertex limit is kept whole as the one piece")
{
    const Geometry g = Geometry::from_wkt(test::box(0, 0, 2, 1));
    const Subdivision s = subdivide(g, 256);
    REQUIRE(s.pieces.size() == 1);
    CHECK(s.pieces[0].area() == 2.0);
    CHECK(s.boxes[0].max_x == 2.0);
}

TEST_CASE("Subdivision is the same every time: the same pieces in the same order")
{
    const Geometry g = Geometry::from_wkt(test::zigzag(3000));
    const Subdivision one = subdivide(g, 128), two = subdivide(g, 128);
    REQUIRE(one.pieces.size() == two.pieces.size());
    for (std::size_t k = 0; k < one.pieces.size(); ++k)
        CHECK(one.pieces[k].to_wkb() == two.pieces[k].to_wkb());
}
