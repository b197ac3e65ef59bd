// SPDX-License-Identifier: MIT
#include "render/map_geometry.hpp"

#include "render_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using namespace coterm::render;

TEST_CASE("SVG path data is relative, in whole units, with y flipped")
{
    // 1 km square at (0,0): in 10 m units x 0..100, y 0..-100.
    CHECK(svg_path_data(test::square_wkb(0, 0), 10) == "M0 0l100 0 0-100-100 0z");
    // A second ring moves relative to the first ring's start.
    const Wkb two =
        Geometry::from_wkt("MULTIPOLYGON(((0 0,10 0,10 10,0 0)),((100 100,110 100,110 110,100 100)))").to_wkb();
    CHECK(svg_path_data(two, 1) == "M0 0l10 0 0-10zm100-100l10 0 0-10z");
}

TEST_CASE("Rings that collapse at the written precision are left out")
{
    const Wkb tiny = Geometry::from_wkt("POLYGON((0 0,2 0,2 2,0 0))").to_wkb();
    CHECK(svg_path_data(tiny, 10).empty());
}

TEST_CASE("The extent holds every feature and a label point lies inside its shape")
{
    const auto m = test::three_squares();
    const Box b = map_extent(m.features);
    CHECK(b.min_x == 0);
    CHECK(b.max_x == 2000);
    CHECK(b.max_y == 2000);
    const MapPoint p = label_point(m.features[1].geometry_bng);
    CHECK(p.x > 1000);
    CHECK(p.x < 2000);
    CHECK(p.y > 0);
    CHECK(p.y < 1000);
}

TEST_CASE("An outline drops what lies within the tolerance and rings that collapse, keeping holes")
{
    // The 1 m bump of the bottom side goes at 5 m; the 40 m hole stays; the 2 m hole and
    // the 2 m island collapse below three points and go (the island with its exterior).
    const Wkb in = Geometry::from_wkt("MULTIPOLYGON(((0 0,50 1,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 "
                                      "40),(10 10,12 10,12 12,10 10)),((200 200,202 200,202 202,200 200)))")
                       .to_wkb();
    const std::string expected =
        Geometry::from_wkt("MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40)))").to_wkt();
    CHECK(Geometry::from_wkb(simplified_outline(in, 5)).to_wkt() == expected);
    // simplified_outlines reads the rings from GEOS, not WKB: the same bytes.
    const Geometry shape = Geometry::from_wkb(in);
    CHECK(simplified_outlines({&shape}, 5, 1).front() == simplified_outline(in, 5));
    // A square keeps its four corners; the result is always a MultiPolygon.
    const Wkb square = test::square_wkb(0, 0);
    CHECK(Geometry::from_wkb(simplified_outline(square, 0.5)).to_wkt() ==
          Geometry::from_wkt("MULTIPOLYGON(((0 0,1000 0,1000 1000,0 1000,0 0)))").to_wkt());
}
