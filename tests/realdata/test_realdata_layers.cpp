// SPDX-License-Identifier: MIT
// Facts about the mirror's layers that the reader must reproduce (figures from
// ../shared/geodata/README.md, measured there with sf/GEOS in EPSG:27700).
#include "realdata.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using coterm::realdata::layer;

namespace {
double total_area_km2(const Layer& l)
{
    double s = 0;
    for (const auto& f : l.features)
        s += f.area_m2;
    return s / 1e6;
}
} // namespace

TEST_CASE("Real layers load with the feature counts the catalogue states", "[realdata]")
{
    CHECK(layer("ltla24").features.size() == 296);
    CHECK(layer("icb24").features.size() == 42);
    CHECK(layer("fra24").features.size() == 44);
    CHECK(layer("pfa24").features.size() == 39);
    CHECK(layer("utla23").features.size() == 153);
    CHECK(layer("cauth23").features.size() == 10);
    CHECK(layer("ltla24-gen").features.size() == 296);
    CHECK(layer("icb22-gen").features.size() == 42);
    CHECK(layer("lsoa21").features.size() == 33755);
}

TEST_CASE("Reprojected areas match the mirror's measured totals to 1 km² in 130 000", "[realdata]")
{
    // README: sum of areas 130,518.065 km² (LSOA family) and 130,612.112 km² (LAD BUC).
    CHECK(total_area_km2(layer("lsoa21")) == Approx(130518.065).margin(1.0));
    CHECK(total_area_km2(layer("ltla24")) == Approx(130518.065).margin(1.0));
    CHECK(total_area_km2(layer("ltla24-gen")) == Approx(130612.112).margin(1.0));
    CHECK(total_area_km2(layer("england")) == Approx(130682.943).margin(1.0));
}

TEST_CASE("Features are sorted by code and codes are ONS England codes", "[realdata]")
{
    const Layer& l = layer("ltla24");
    for (std::size_t i = 1; i < l.features.size(); ++i)
        REQUIRE(l.features[i - 1].code < l.features[i].code);
    for (const auto& f : l.features)
        REQUIRE(f.code.starts_with("E0"));
    CHECK(l.features.front().code == "E06000001");
    CHECK(l.features.front().name == "Hartlepool");
}
