// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "core/reproject.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace coterm;

TEST_CASE("WGS 84 longitude/latitude goes to British National Grid easting/northing")
{
    Reprojector r(wgs84_crs, working_crs);
    CHECK_FALSE(r.is_identity());
    // Nottingham-ish: lon -1.15, lat 52.95 is about E 457 000, N 340 000. Swapped axes
    // would land far outside these bounds.
    std::vector<double> x{-1.15}, y{52.95};
    r.transform(x, y);
    CHECK(x[0] > 450000);
    CHECK(x[0] < 465000);
    CHECK(y[0] > 333000);
    CHECK(y[0] < 347000);
}

TEST_CASE("A round trip WGS 84 to BNG and back returns the same point within 1e-9 degrees")
{
    Reprojector forward(wgs84_crs, working_crs), back(working_crs, wgs84_crs);
    std::vector<double> x{-2.5, 0.1, -5.7}, y{53.4, 51.5, 50.1};
    const auto x0 = x, y0 = y;
    forward.transform(x, y);
    back.transform(x, y);
    for (std::size_t i = 0; i < x.size(); ++i) {
        CHECK(x[i] == Approx(x0[i]).margin(1e-9));
        CHECK(y[i] == Approx(y0[i]).margin(1e-9));
    }
}

TEST_CASE("The same CRS on both sides is recognised as identity and changes nothing")
{
    Reprojector r("EPSG:27700", working_crs);
    CHECK(r.is_identity());
    std::vector<double> x{123.0}, y{456.0};
    r.transform(x, y);
    CHECK(x[0] == 123.0);
    CHECK(y[0] == 456.0);
}

TEST_CASE("An unknown CRS definition is a DataError naming it")
{
    CHECK_THROWS_WITH(Reprojector("EPSG:999999", working_crs), Catch::Matchers::Contains("EPSG:999999"));
}

TEST_CASE("A prepared transformation gives the same coordinates as one built on first use")
{
    // prepare_reprojector only moves PROJ's search to another thread: the prototype is
    // built by the same constructor, so the digits must be the same.
    const std::string source = "EPSG:4258"; // ETRS89: a pair no other test prepares
    prepare_reprojector(source, working_crs);
    prepare_reprojector(source, working_crs); // a second request is ignored
    std::vector<double> x{-1.15, -3.2, 0.9}, y{52.95, 55.9, 51.2};
    auto x2 = x, y2 = y;
    thread_reprojector(source, working_crs).transform(x, y);
    Reprojector(source, working_crs).transform(x2, y2);
    CHECK(x == x2);
    CHECK(y == y2);
    CHECK(x[0] > 450000);
}

TEST_CASE("A preparation that fails is reported by the first use, naming the definition")
{
    prepare_reprojector("EPSG:999998", working_crs);
    CHECK_THROWS_WITH(thread_reprojector("EPSG:999998", working_crs), Catch::Matchers::Contains("EPSG:999998"));
}
