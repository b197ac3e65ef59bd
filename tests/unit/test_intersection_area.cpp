// SPDX-License-Identifier: MIT
#include "core/geos_context.hpp"
#include "core/intersection_area.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace coterm;
using coterm::test::box;

namespace {

/// The kernel's answer for two WKT geometries (nullopt when it defers to GEOS).
std::optional<double> kernel_area(const std::string& x_wkt, const std::string& y_wkt)
{
    const Geometry x = Geometry::from_wkt(x_wkt), y = Geometry::from_wkt(y_wkt);
    PolygonRings rx, ry;
    REQUIRE(rx.read(geos_context(), x.get()));
    REQUIRE(ry.read(geos_context(), y.get()));
    return intersection_area(rx, ry);
}

/// GEOS OverlayNG's area of x ∩ y, the reference.
double geos_area(const Geometry& x, const Geometry& y)
{
    return Geometry(GEOSIntersection_r(geos_context(), x.get(), y.get())).area();
}

/// WKT of a star-shaped polygon around (cx, cy): n vertices at random radii in
/// [0.5 r, r], in the given turning direction.
std::string star(std::mt19937& rng, double cx, double cy, double r, int n, bool counter_clockwise)
{
    std::uniform_real_distribution<double> radius(0.5 * r, r);
    std::string wkt = "POLYGON((", first;
    for (int k = 0; k < n; ++k) {
        const double angle = (counter_clockwise ? 1 : -1) * 2 * M_PI * k / n;
        const double rr = radius(rng);
        char point[80];
        std::snprintf(point, sizeof point, "%.6f %.6f", cx + rr * std::cos(angle), cy + rr * std::sin(angle));
        if (k == 0) first = point;
        wkt += std::string(point) + ",";
    }
    return wkt + first + "))";
}

} // namespace

TEST_CASE("Two crossing squares overlap by their shared quarter, whatever the ring direction")
{
    CHECK(kernel_area(box(0, 0, 2, 2), box(1, 1, 3, 3)) == Approx(1.0).epsilon(1e-15));
    CHECK(kernel_area(box(1, 1, 3, 3), box(0, 0, 2, 2)) == Approx(1.0).epsilon(1e-15));
    // The same squares with clockwise shells: the orientation of each ring is read.
    CHECK(kernel_area("POLYGON((0 0,0 2,2 2,2 0,0 0))", "POLYGON((1 1,1 3,3 3,3 1,1 1))") ==
          Approx(1.0).epsilon(1e-15));
}

TEST_CASE("A square through a holed square counts only the part outside the hole")
{
    // [0,4]² minus the hole [1,3]², against the square [0.5,3.5]²: no boundaries cross,
    // the hole lies inside the square, so the overlap is 3² − 2² = 5.
    const std::string holed = "POLYGON((0 0,4 0,4 4,0 4,0 0),(1 1,3 1,3 3,1 3,1 1))";
    CHECK(kernel_area(holed, box(0.5, 0.5, 3.5, 3.5)) == Approx(5.0).epsilon(1e-15));
    CHECK(kernel_area(box(0.5, 0.5, 3.5, 3.5), holed) == Approx(5.0).epsilon(1e-15));
}

TEST_CASE("A multipolygon's parts each add their overlap")
{
    const std::string two = "MULTIPOLYGON(((0 0,2 0,2 2,0 2,0 0)),((3 0,5 0,5 2,3 2,3 0)))";
    // [1,4] × [0.5, 1.5] holds 1 × 1 of each part.
    CHECK(kernel_area(two, box(1, 0.5, 4, 1.5)) == Approx(2.0).epsilon(1e-15));
}

TEST_CASE("Shared edges, touching corners and vertices on edges are left to GEOS")
{
    CHECK_FALSE(kernel_area(box(0, 0, 1, 1), box(0.5, 0, 2, 1))); // collinear overlapping bottom and top edges
    CHECK_FALSE(kernel_area(box(0, 0, 1, 1), box(1, 1, 2, 2)));   // touching at a corner
    CHECK_FALSE(kernel_area(box(0, 0, 1, 1), box(1, 0, 2, 1)));   // sharing an edge, no area
    CHECK_FALSE(kernel_area(box(0, 0, 2, 2), "POLYGON((1 0,3 -1,3 1,1 0))")); // a vertex on an edge
    CHECK_FALSE(kernel_area(box(0, 0, 1, 1), box(2, 2, 3, 3)));               // apart: no positive area to give
}

TEST_CASE("Random star-shaped pairs agree with OverlayNG within 1e-12 relative")
{
    // British National Grid sized coordinates, so rounding is as in the real layers.
    std::mt19937 rng(20261130);
    std::uniform_real_distribution<double> shift(-900, 900);
    int answered = 0, compared = 0;
    for (int k = 0; k < 400; ++k) {
        const std::string small = star(rng, 450000 + shift(rng), 200000 + shift(rng), 700, 12, k % 2 == 0);
        const std::string large = star(rng, 450000, 200000, 1500, 51 + k % 40, k % 3 != 0);
        const Geometry gx = Geometry::from_wkt(small), gy = Geometry::from_wkt(large);
        const double reference = geos_area(gx, gy);
        const auto area = kernel_area(small, large);
        if (reference > 0) ++compared;
        if (!area) continue;
        ++answered;
        INFO("pair " << k << ": kernel " << *area << ", GEOS " << reference);
        CHECK(std::abs(*area - reference) <= 1e-12 * reference);
        CHECK(kernel_area(large, small) == Approx(*area).epsilon(1e-13)); // symmetric
    }
    CHECK(compared > 300);
    CHECK(answered == compared); // random vertices are in general position
}
