// SPDX-License-Identifier: MIT
#include "render/static_map.hpp"

#include "render/classify.hpp"
#include "render/map_geometry.hpp"
#include "render_fixtures.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>

#include <cstring>

using namespace coterm;
using namespace coterm::render;

namespace {

struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length)
{
    auto* r = static_cast<Reader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes->data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

/// A decoded PNG (through Cairo's reader, not ours).
struct Image {
    int width = 0, height = 0;
    std::vector<Rgb> pixels;
    Rgb at(double x, double y) const { return pixels[static_cast<std::size_t>(y) * width + static_cast<std::size_t>(x)]; }
};

Image decode(const std::string& png)
{
    Reader r{&png};
    cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_bytes, &r);
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s);
    Image img{cairo_image_surface_get_width(s), cairo_image_surface_get_height(s), {}};
    const unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            std::uint32_t v;
            std::memcpy(&v, data + y * stride + 4 * x, 4);
            img.pixels.push_back({static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
                                  static_cast<std::uint8_t>(v)});
        }
    cairo_surface_destroy(s);
    return img;
}

} // namespace

TEST_CASE("A PNG map has the size and DPI asked, and each square the colour of its legend swatch")
{
    const ReportModel m = test::three_squares();
    StaticMapOptions o;
    o.width_px = 600;
    o.height_px = 500;
    o.dpi = 96;
    const std::string png = render_static_map(m, o);
    REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    // pHYs right after IHDR: 96 dpi = 3780 pixels per metre (0x0EC4), unit metre.
    CHECK(png.compare(37, 4, "pHYs") == 0);
    CHECK(png.substr(41, 9) == std::string("\0\0\x0e\xc4\0\0\x0e\xc4\1", 9));
    const Image img = decode(png);
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
