// SPDX-License-Identifier: MIT
#include "render/static_map.hpp"

#include "png_image.hpp"
#include "render/classify.hpp"
#include "render/map_geometry.hpp"
#include "render_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using namespace coterm::render;

TEST_CASE("A PNG map has the size and DPI asked, and each square the colour of its legend swatch")
{
    const ReportModel m = test::three_squares();
    StaticMapOptions o;
    o.width_px = 600;
    o.height_px = 500;
    o.dpi = 96;
    const std::string png = render_static_map(m, o);
    REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    // pHYs before the image data: 96 dpi = 3780 pixels per metre (0x0EC4), unit metre.
    const std::size_t phys = png.find("pHYs"), idat = png.find("IDAT");
    REQUIRE(phys != std::string::npos);
    CHECK(phys < idat);
    CHECK(png.compare(phys - 4, 4, std::string("\0\0\0\x09", 4)) == 0);
    CHECK(png.substr(phys + 4, 9) == std::string("\0\0\x0e\xc4\0\0\x0e\xc4\1", 9));
    const test::Image img = test::decode_png(png);
    CHECK(img.width == 600);
    CHECK(img.height == 500);
    const StaticLayout l = layout_static_map(m, o);
    const Classification c = classify(m.features, m.measures[0], 0);
    REQUIRE(l.swatches.size() == 3);
    // A (west, south), C (north of A): unmarked, so their interiors show the plain fill.
    // B is hatched: its interior still shows its class colour between the lines.
    for (std::size_t f : {0u, 2u}) {
        const MapPoint centre{f == 1 ? 1500.0 : 500.0, f == 2 ? 1500.0 : 500.0};
        const auto& sw = l.swatches[c.class_of[f]];
        const Rgb swatch = img.at(sw.x + sw.w / 2, sw.y + sw.h / 2);
        CHECK(swatch == c.classes[c.class_of[f]].colour);
        CHECK(img.at(l.px(centre.x), l.py(centre.y)) == swatch);
    }
    CHECK(img.at(l.px(500), l.py(500)) != img.at(l.px(500), l.py(1500))); // north is up
    // Not blank: many distinct colours.
    std::vector<Rgb> seen;
    for (std::size_t i = 0; i < img.pixels.size(); i += 97)
        if (std::find(seen.begin(), seen.end(), img.pixels[i]) == seen.end()) seen.push_back(img.pixels[i]);
    CHECK(seen.size() > 5);
}

TEST_CASE("SVG and PDF maps are written as vector files of the same page size")
{
    const ReportModel m = test::three_squares();
    StaticMapOptions o;
    o.width_px = 720;
    o.dpi = 72;
    o.format = ImageFormat::svg;
    const std::string svg = render_static_map(m, o);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("width=\"720pt\"") != std::string::npos);
    o.format = ImageFormat::pdf;
    const std::string pdf = render_static_map(m, o);
    CHECK(pdf.starts_with("%PDF-"));
    CHECK(pdf.find("%%EOF") != std::string::npos);
}

TEST_CASE("Map sizes and resolutions outside the limits are usage errors")
{
    StaticMapOptions o;
    o.width_px = 100;
    CHECK_THROWS_WITH(render_static_map(test::three_squares(), o), Catch::Contains("at least 200"));
    o.width_px = 400;
    o.dpi = 5000;
    CHECK_THROWS_WITH(render_static_map(test::three_squares(), o), Catch::Contains("DPI"));
}
