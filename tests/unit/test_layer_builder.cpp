// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "core/wkb.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <limits>

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

namespace {
/// A unit square at (x, y) whose third vertex is replaced by (bad_x, bad_y).
RawFeature square_with(const std::string& code, double x, double y, double bad_x, double bad_y)
{
    RawFeature f{code, "", Geometry::from_wkt(box(x, y, x + 1, y + 1)).to_wkb()};
    for_each_ring(f.wkb, [&](std::size_t, std::size_t, WkbRing ring) { write_point(ring, 2, bad_x, bad_y); });
    return f;
}
} // namespace

TEST_CASE("A NaN or infinite coordinate is an error naming the layer and feature, in any CRS")
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const char* crs : {"EPSG:27700", "EPSG:4326"}) {
        std::vector<RawFeature> raw{square_with("OK", 0, 50, 1, 51), square_with("BAD", 0, 50, nan, 51)};
        BuildReport report;
        CHECK_THROWS_WITH(build_layer("t", "t", std::move(raw), LayerBuildOptions{crs, 1}, report),
                          Catch::Matchers::StartsWith("t: feature 'BAD': non-finite coordinate (NaN, 51)"));
    }
    std::vector<RawFeature> raw{square_with("INF", 400000, 300000, std::numeric_limits<double>::infinity(), 0)};
    BuildReport report;
    CHECK_THROWS_WITH(build_layer("t", "t", std::move(raw), LayerBuildOptions{"EPSG:27700", 1}, report),
                      Catch::Matchers::StartsWith("t: feature 'INF': non-finite coordinate (inf"));
}

TEST_CASE("Coordinates far outside the British National Grid are reported before any repair")
{
    std::vector<RawFeature> raw{square_with("FAR", 400000, 300000, 1e300, 300001),
                                square_with("NEAR", 400000, 300000, 400001, 300001)};
    BuildReport report;
    const Layer l = build_layer("t", "t", std::move(raw), LayerBuildOptions{"EPSG:27700", 1}, report);
    CHECK(report.far_outside_codes == std::vector<std::string>{"FAR"});
    CHECK(l.features.size() == 2);
}
