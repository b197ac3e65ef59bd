// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/layer_reader.hpp"
#include "io/layer_source.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

namespace {
std::string fixture(const char* name)
{
    return std::string(COTERM_FIXTURES) + "/" + name;
}
} // namespace

TEST_CASE("Code and name fields are detected by their names")
{
    CHECK(io::detect_field({"fid", "ltla24_code", "ltla24_name"}, true, "x") == "ltla24_code");
    CHECK(io::detect_field({"LAD24CD", "LAD24NM", "BNG_E"}, true, "x") == "LAD24CD");
    CHECK(io::detect_field({"LAD24CD", "LAD24NM", "BNG_E"}, false, "x") == "LAD24NM");
    CHECK(io::detect_field({"code", "name"}, true, "x") == "code");
    CHECK(io::detect_field({"icb24_code", "icb24_code_nhs"}, true, "x") == "icb24_code");
    CHECK(io::detect_field({"population"}, true, "x").empty());
    CHECK_THROWS_AS(io::detect_field({"lad_code", "icb_code"}, true, "x"), UsageError);
}

TEST_CASE("A GeoJSON fixture in EPSG:27700 is read with its codes, names and CRS")
{
    const io::RawLayer raw = io::read_raw_layer(fixture("quarters.geojson"), {}, "quarters");
    CHECK(raw.crs == "EPSG:27700");
    CHECK(raw.code_field == "q_code");
    CHECK(raw.name_field == "q_name");
    REQUIRE(raw.features.size() == 4);
    CHECK(raw.features[3].code == "Q4");
    CHECK(raw.features[3].name == "north-east");
    CHECK_FALSE(raw.features[3].wkb.empty());
}

TEST_CASE("A layer with two code-like fields asks for --a-code")
{
    CHECK_THROWS_WITH(io::read_raw_layer(fixture("two_codes.geojson"), {}, "two"),
                      Catch::Matchers::Contains("several fields could be the code (lad_code, icb_code)"));
    io::ReadOptions o;
    o.code_field = "icb_code";
    CHECK(io::read_raw_layer(fixture("two_codes.geojson"), o, "two").features[0].code == "I1");
    o.code_field = "icb_cod";
    CHECK_THROWS_WITH(io::read_raw_layer(fixture("two_codes.geojson"), o, "two"),
                      Catch::Matchers::Contains("no field 'icb_cod' (did you mean 'icb_code'?)"));
}

TEST_CASE("A point layer is refused naming the feature")
{
    CHECK_THROWS_WITH(io::read_raw_layer(fixture("points.geojson"), {}, "pts"),
                      Catch::Matchers::Contains("feature 'P1'") && Catch::Matchers::Contains("is a Point"));
}

TEST_CASE("A layer without CRS is refused unless a CRS is assumed")
{
    CHECK_THROWS_WITH(io::read_raw_layer(fixture("nocrs.csv"), {}, "nocrs"),
                      Catch::Matchers::Contains("has no CRS") && Catch::Matchers::Contains("--assume-crs"));
    io::ReadOptions o;
    o.assume_crs = "EPSG:27700";
    CHECK(io::read_raw_layer(fixture("nocrs.csv"), o, "nocrs").crs == "EPSG:27700");
}

TEST_CASE("A missing file and an unknown layer id get different, clear errors")
{
    io::Catalogue c;
    c.layers.push_back({"ltla24", "t", "f", "derived/x.gpkg", "x", "ltla24_code", "", "", "", "", "", 1, "", {}, {}});
    CHECK_THROWS_AS(io::locate_layer("nowhere/file.gpkg", c, "/tmp", {}), DataError);
    CHECK_THROWS_AS(io::locate_layer("ltla42", c, "/tmp", {}), UsageError);
    CHECK_THROWS_WITH(io::locate_layer("ltla42", c, "/tmp", {}), Catch::Matchers::Contains("did you mean 'ltla24'?"));
    CHECK_THROWS_WITH(io::locate_layer("ltla24", c, "/nonexistent-data", {}),
                      Catch::Matchers::Contains("derived/x.gpkg is not in the data directory /nonexistent-data"));
}

TEST_CASE("A lon/lat GeoJSON layer loads reprojected to British National Grid")
{
    io::Catalogue empty;
    const auto loc = io::locate_layer(fixture("lonlat.geojson"), empty, "/tmp", {});
    BuildReport report;
    const Layer l = io::load_layer(loc, 1, report);
    REQUIRE(l.features.size() == 1);
    // 0.01° × 0.01° at 52.95°N ≈ 672 m × 1 113 m.
    CHECK(l.features[0].area_m2 == Approx(672.0 * 1113.0).epsilon(0.01));
    CHECK(l.features[0].geometry.envelope().min_x > 400000);
}
