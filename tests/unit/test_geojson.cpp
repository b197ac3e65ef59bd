// SPDX-License-Identifier: MIT
#include "core/geojson.hpp"
#include "core/geometry.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

TEST_CASE("A polygon is written as a one-part MultiPolygon; a clockwise exterior is written counter-clockwise and its "
          "hole clockwise")
{
    // Exterior given clockwise, hole given counter-clockwise: both must be flipped.
    Wkb wkb = Geometry::from_wkt("POLYGON((0 0,0 4,4 4,4 0,0 0),(1 1,3 1,3 3,1 3,1 1))").to_wkb();
    CHECK(
        geojson_geometry(wkb, 0) ==
        R"({"type":"MultiPolygon","coordinates":[[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,3],[3,3],[3,1],[1,1]]]]})");
}

TEST_CASE("Coordinates are rounded to fixed decimals and repeated positions dropped")
{
    Wkb wkb = Geometry::from_wkt("POLYGON((0 0,1.0000001 0,1 0,1 1,0 1,0 0))").to_wkb();
    CHECK(
        geojson_geometry(wkb, 6) ==
        R"({"type":"MultiPolygon","coordinates":[[[[0.000000,0.000000],[1.000000,0.000000],[1.000000,1.000000],[0.000000,1.000000],[0.000000,0.000000]]]]})");
}

TEST_CASE("A part that collapses when rounded is dropped; nothing left gives null")
{
    Wkb two = Geometry::from_wkt("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,5.0001 5,5.0001 5.0001,5 5)))").to_wkb();
    CHECK(geojson_geometry(two, 2) ==
          R"({"type":"MultiPolygon","coordinates":[[[[0.00,0.00],[1.00,0.00],[1.00,1.00],[0.00,0.00]]]]})");
    Wkb tiny = Geometry::from_wkt("POLYGON((5 5,5.0001 5,5.0001 5.0001,5 5))").to_wkb();
    CHECK(geojson_geometry(tiny, 2) == "null");
}

TEST_CASE("Several polygons make a MultiPolygon")
{
    Wkb wkb = Geometry::from_wkt("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))").to_wkb();
    CHECK(geojson_geometry(wkb, 0) ==
          R"({"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]})");
}
