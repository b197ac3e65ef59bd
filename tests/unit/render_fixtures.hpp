// SPDX-License-Identifier: MIT
// A small map model for the renderer tests: three 1 km squares in British National Grid
// metres — A at (0,0)–(1000,1000), B east of it, C north of it — with values 1, 2, 3.
#pragma once
#include "core/geometry.hpp"
#include "render/map_model.hpp"

#include <string>

namespace coterm::test {

inline Wkb square_wkb(double x, double y, double side = 1000)
{
    const auto n = [](double v) { return std::to_string(v); };
    return Geometry::from_wkt("POLYGON((" + n(x) + " " + n(y) + "," + n(x + side) + " " + n(y) + "," + n(x + side) +
                              " " + n(y + side) + "," + n(x) + " " + n(y + side) + "," + n(x) + " " + n(y) + "))")
        .to_wkb();
}

inline render::ReportModel three_squares()
{
    render::ReportModel m;
    m.title = "Three squares";
    m.attribution = "Test data";
    m.measures = {{"units", "Units met", render::ValueKind::count, ""}};
    m.features = {{"A", "Alpha", square_wkb(0, 0), {std::int64_t{1}}, false},
                  {"B", "Beta", square_wkb(1000, 0), {std::int64_t{2}}, true},
                  {"C", "Gamma <&>", square_wkb(0, 1000), {std::int64_t{3}}, false}};
    return m;
}

} // namespace coterm::test
