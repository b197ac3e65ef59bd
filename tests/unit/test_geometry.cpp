// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "core/geometry.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

TEST_CASE("A unit square has area 1 and survives a WKB round trip")
{
    const Geometry g = Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))");
    CHECK(g.area() == 1.0);
    const Geometry back = Geometry::from_wkb(g.to_wkb());
    CHECK(back.to_wkt(0) == "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
    const Box b = back.envelope();
    CHECK(b.min_x == 0);
    CHECK(b.max_y == 1);
}

TEST_CASE("A square with a square hole has the area of the ring between them")
{
    const Geometry g = Geometry::from_wkt("POLYGON((0 0,4 0,4 4,0 4,0 0),(1 1,1 3,3 3,3 1,1 1))");
    CHECK(g.area() == 12.0);
    CHECK(invalid_reason(g).empty());
}

TEST_CASE("A bow-tie is invalid and MakeValid turns it into two triangles of area 0.25")
{
    const Geometry bowtie = Geometry::from_wkt("POLYGON((0 0,1 1,1 0,0 1,0 0))");
    CHECK_THAT(invalid_reason(bowtie), Catch::Matchers::Contains("Self-intersection"));
    const Geometry fixed = make_valid_polygonal(bowtie);
    CHECK(invalid_reason(fixed).empty());
    CHECK(fixed.area() == Approx(0.5).epsilon(1e-12));
    CHECK(fixed.to_wkt(1).starts_with("MULTIPOLYGON"));
}

TEST_CASE("The polygonal part of a collection keeps only its polygons")
{
    Geometry mixed =
        Geometry::from_wkt("GEOMETRYCOLLECTION(POLYGON((0 0,1 0,1 1,0 0)),LINESTRING(5 5,6 6),POINT(9 9))");
    const Geometry only = polygonal_part(std::move(mixed));
    CHECK(only.area() == 0.5);
    CHECK(only.to_wkt(0) == "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))");
}

TEST_CASE("Malformed WKT and WKB raise GeometryError")
{
    CHECK_THROWS_AS(Geometry::from_wkt("POLYGON((0 0, 1"), GeometryError);
    const std::vector<unsigned char> junk{1, 3, 0, 0, 0, 9};
    CHECK_THROWS_AS(Geometry::from_wkb(junk), GeometryError);
}

TEST_CASE("A copy made for another thread is an equal, independent geometry")
{
    const Geometry g = Geometry::from_wkt("MULTIPOLYGON(((0 0,2 0,2 2,0 2,0 0)),((5 5,6 5,6 6,5 6,5 5)))");
    const Geometry c = g.copy_for_this_thread();
    CHECK(c.get() != g.get());
    CHECK(c.area() == 5.0);
    CHECK(c.num_coordinates() == 10);
}
