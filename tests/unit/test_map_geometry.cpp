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
