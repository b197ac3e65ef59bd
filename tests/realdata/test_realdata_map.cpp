// SPDX-License-Identifier: MIT
// Static maps of real layers: the pixel at each ICB's interior point has the colour of its
// legend class, which checks projection, orientation and legend together.
#include "realdata.hpp"

#include "../unit/png_image.hpp"
#include "render/classify.hpp"
#include "render/map_geometry.hpp"
#include "render/static_map.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using namespace coterm::render;

TEST_CASE("A map of the 42 ICBs coloured by area shows each ICB in its legend class colour")
{
    const Layer& icb = realdata::layer("icb24");
    ReportModel m;
    m.title = "ICBs by area";
    m.attribution = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0.";
    m.measures = {{"area", "Area (m²)", ValueKind::number, ""}};
    for (const auto& f : icb.features)
        m.features.push_back({f.code, f.name, f.geometry.to_wkb(), {f.area_m2}, false});
    StaticMapOptions o;
    o.width_px = 1600;
    o.dpi = 150;
    const std::string png = render_static_map(m, o);
    const std::size_t phys = png.find("pHYs"); // before the image data; after IHDR and sRGB
    REQUIRE(phys != std::string::npos);
    CHECK(phys < png.find("IDAT"));
    CHECK(png.substr(phys, 13) == std::string("pHYs\0\0\x17\x12\0\0\x17\x12\1", 13)); // 150 dpi = 5906 px/m
    const test::Image img = test::decode_png(png);
    CHECK(img.width == 1600);
    CHECK(img.height > 1200); // England is taller than wide
    const StaticLayout l = layout_static_map(m, o);
    const Classification c = classify(m.features, m.measures[0], 0);
    REQUIRE(c.classes.size() == 5);
    REQUIRE(l.swatches.size() == 5);
    std::size_t matched = 0;
    for (std::size_t i = 0; i < m.features.size(); ++i) {
        const MapPoint p = label_point(m.features[i].geometry_bng);
        const auto& sw = l.swatches[c.class_of[i]];
        const Rgb legend = img.at(sw.x + sw.w / 2, sw.y + sw.h / 2);
        INFO(m.features[i].code << " " << m.features[i].name);
        CHECK(legend == c.classes[c.class_of[i]].colour);
        CHECK(img.at(l.px(p.x), l.py(p.y)) == legend);
        matched += img.at(l.px(p.x), l.py(p.y)) == legend;
    }
    CHECK(matched == 42);
}
