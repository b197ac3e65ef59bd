// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using coterm::test::box;
using coterm::test::make_layer;

TEST_CASE("Features come out sorted by code with their areas")
{
    const Layer l = make_layer("t", {{"B", box(0, 0, 2, 1)}, {"A", box(0, 0, 1, 1)}});
    REQUIRE(l.features.size() == 2);
    CHECK(l.features[0].code == "A");
    CHECK(l.features[0].area_m2 == 1.0);
    CHECK(l.features[1].code == "B");
    CHECK(l.features[1].area_m2 == 2.0);
    CHECK(l.features[1].name == "name of B");
}

TEST_CASE("A duplicate code is an error naming the code and both features")
{
    CHECK_THROWS_WITH(make_layer("t", {{"X", box(0, 0, 1, 1)}, {"Y", box(1, 0, 2, 1)}, {"X", box(2, 0, 3, 1)}}),
                      "t: duplicate code 'X' (features #1 and #3)");
}

TEST_CASE("An empty code is an error naming the feature")
{
    CHECK_THROWS_WITH(make_layer("t", {{"X", box(0, 0, 1, 1)}, {"", box(1, 0, 2, 1)}}),
                      "t: feature #2 has an empty code");
}

TEST_CASE("An invalid bow-tie is repaired and reported, keeping its area")
{
    BuildReport report;
    const Layer l = make_layer("t", {{"BOW", "POLYGON((0 0,1 1,1 0,0 1,0 0))"}, {"OK", box(5, 5, 6, 6)}}, &report);
    REQUIRE(report.repaired_codes == std::vector<std::string>{"BOW"});
    CHECK(l.features[0].area_m2 == Approx(0.5).epsilon(1e-12));
    CHECK(report.empty_codes.empty());
}

TEST_CASE("Null and empty geometries are dropped and reported")
{
    BuildReport report;
    const Layer l = make_layer("t", {{"NULL", ""}, {"EMPTY", "POLYGON EMPTY"}, {"OK", box(0, 0, 1, 1)}}, &report);
    CHECK(l.features.size() == 1);
    CHECK(report.empty_codes == std::vector<std::string>{"EMPTY", "NULL"});
}

TEST_CASE("Geometries in WGS 84 are reprojected to British National Grid metres")
{
    // A 0.01° × 0.01° cell at 52.5°N: about 679 m × 1 113 m.
    std::vector<RawFeature> raw{
        {"C", "", Geometry::from_wkt("POLYGON((-1.5 52.5,-1.49 52.5,-1.49 52.51,-1.5 52.51,-1.5 52.5))").to_wkb()}};
    BuildReport report;
    const Layer l = build_layer("t", "t", std::move(raw), LayerBuildOptions{"EPSG:4326", 1}, report);
    CHECK(l.features[0].area_m2 == Approx(679.0 * 1113.0).epsilon(0.01));
}
