// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "core/reproject.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <optional>
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

namespace {

/// Points on a grid over [x0,x1]×[y0,y1], n×n.
void grid(double x0, double y0, double x1, double y1, int n, std::vector<double>& x, std::vector<double>& y)
{
    x.clear();
    y.clear();
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            x.push_back(x0 + (x1 - x0) * i / (n - 1) + 1e-9 * j);
            y.push_back(y0 + (y1 - y0) * j / (n - 1) + 1e-9 * i);
        }
}

} // namespace

TEST_CASE("One operation for a batch PROJ gives wholly to it: the same bits as PROJ's own set")
{
    Reprojector fast(wgs84_crs, working_crs), full(wgs84_crs, working_crs, false);
    struct Box {
        double x0, y0, x1, y1;
        int expected; // index in PROJ 9.1's list for EPSG:4326 -> 27700, -1 = PROJ's set
    };
    const Box boxes[] = {
        {-6.42, 49.86, 1.77, 55.82, 0}, // England's extent
        {-2.1, 50.55, -1.7, 50.78, 0},  // Wytch Farm's area (3 m, less accurate than 2 m)
        {-5.2, 51.3, -2.7, 53.4, 0},    // Wales
        {-8.0, 55.0, -1.0, 60.5, 0},    // Scotland
        {2.2, 48.7, 2.5, 48.9, 7},      // Paris: only the ballpark's area (world)
        {1.5, 51.0, 2.5, 51.5, -1},     // across the 2 m operation's eastern edge
    };
    std::vector<double> x, y;
    for (const Box& b : boxes) {
        CAPTURE(b.x0, b.y0, b.x1, b.y1);
        grid(b.x0, b.y0, b.x1, b.y1, 40, x, y);
        auto fx = x, fy = y;
        fast.transform(fx, fy);
        full.transform(x, y);
        CHECK(fast.last_operation() == b.expected);
        CHECK(full.last_operation() == -1);
        CHECK(std::memcmp(fx.data(), x.data(), x.size() * sizeof(double)) == 0);
        CHECK(std::memcmp(fy.data(), y.data(), y.size() * sizeof(double)) == 0);
    }
    // A clone (another thread's copy) chooses the same way.
    auto copy = fast.clone();
    grid(-3, 52, -2, 53, 5, x, y);
    copy->transform(x, y);
    CHECK(copy->last_operation() == 0);
}

TEST_CASE("A kept answer is used instead of searching, and a search's answer is offered for keeping")
{
    std::vector<std::string> saved;
    OperationStore store;
    store.load = [](const std::string&, const std::string&) -> std::optional<std::string> { return std::nullopt; };
    store.save = [&](const std::string& s, const std::string& t, const std::string& text) {
        saved.push_back(s + ">" + t + "\n" + text);
    };
    set_operation_store(store);
    Reprojector searched("EPSG:4258", working_crs); // ETRS89, not WGS 84: PROJ's own set, kept as "full"
    Reprojector wgs(wgs84_crs, working_crs);
    REQUIRE(saved.size() == 2);
    CHECK(saved[0].find("EPSG:4258>EPSG:27700\ncoterm proj operations 1\nfull\n") == 0);
    CHECK(saved[1].find("EPSG:4326>EPSG:27700\ncoterm proj operations 1\ncandidates\nop\t") == 0);

    // A kept list whose only operation is a bare projection (no datum shift): used
    // as kept, so the result moves by the datum shift (~100 m), which shows the search
    // was skipped.
    store.load = [](const std::string&, const std::string&) -> std::optional<std::string> {
        return std::string("coterm proj operations 1\nsole\nop\t0\t0\t0\t0\t-1\t0\t+proj=pipeline +step "
                           "+proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=tmerc +lat_0=49 +lon_0=-2 "
                           "+k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy\n");
    };
    set_operation_store(store);
    Reprojector kept(wgs84_crs, working_crs);
    set_operation_store(OperationStore{});
    std::vector<double> x{-1.15}, y{52.95}, x2 = x, y2 = y;
    kept.transform(x, y);
    wgs.transform(x2, y2);
    CHECK(kept.last_operation() == 0);
    CHECK(std::abs(x[0] - x2[0]) > 50);
    CHECK(std::abs(x[0] - x2[0]) < 200);
    REQUIRE(saved.size() == 2); // a kept answer is not saved again
}
