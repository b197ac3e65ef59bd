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
