// SPDX-License-Identifier: MIT
// Facts that must hold for the overlap of real layers.
#include "core/overlap.hpp"
#include "core/overlap_summary.hpp"
#include "io/atomic_file.hpp"
#include "io/layer_reader.hpp"
#include "io/table_writer.hpp"
#include "realdata.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

using namespace coterm;
using coterm::realdata::layer;

namespace {

/// Every A feature lies in exactly one B feature (share 1 within 1e-9) and no other.
void check_nested(const std::string& a_id, const std::string& b_id)
{
    const Layer& a = layer(a_id);
    const Layer& b = layer(b_id);
    const OverlapResult r = compute_overlap(a, b, {});
    std::vector<int> partners(a.features.size(), 0);
    for (const auto& row : r.rows) {
        INFO(a.features[row.a].code << " in " << b.features[row.b].code << " share " << row.share_of_a);
        CHECK(row.share_of_a == Approx(1.0).margin(1e-9));
        ++partners[row.a];
    }
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        INFO(a.features[i].code);
        CHECK(partners[i] == 1);
    }
}

} // namespace

TEST_CASE("Every LSOA-built district lies wholly in exactly one fire and rescue authority", "[realdata]")
{
    check_nested("ltla24", "fra24");
}

TEST_CASE("Every LSOA-built district lies wholly in exactly one police force area", "[realdata]")
{
    check_nested("ltla24", "pfa24");
}

TEST_CASE("Every LSOA-built district lies wholly in exactly one upper-tier council", "[realdata]")
{
    check_nested("ltla24", "utla23");
}

TEST_CASE("Each district's shares over the ICBs sum to 1 within 1e-9", "[realdata]")
{
    const Layer& a = layer("ltla24");
    const Layer& b = layer("icb24");
    const OverlapResult r = compute_overlap(a, b, {});
    std::vector<double> sum(a.features.size(), 0.0);
    for (const auto& row : r.rows)
        sum[row.a] += row.share_of_a;
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        INFO(a.features[i].code);
        CHECK(sum[i] == Approx(1.0).margin(1e-9));
    }
    const OverlapSummary s = summarise_overlap(a, b, r);
    CHECK(s.a.uncovered_m2 == Approx(0).margin(1.0));
    CHECK(s.b.uncovered_m2 == Approx(0).margin(1.0));
    // ICBs are built from LSOAs and districts from LSOAs via wards, so a few districts
    // are split between ICBs; the count must stay stable (13 at these vintages).
    CHECK(s.a.split == 13);
}

TEST_CASE("overlap(A,B) and overlap(B,A) give the same pairs and areas on generalised layers", "[realdata]")
{
    const Layer& a = layer("ltla24-gen");
    const Layer& b = layer("icb22-gen");
    const OverlapResult ab = compute_overlap(a, b, {});
    const OverlapResult ba = compute_overlap(b, a, {});
    REQUIRE(ab.rows.size() == ba.rows.size());
    std::vector<std::tuple<std::size_t, std::size_t, double>> mirrored;
    for (const auto& r : ba.rows)
        mirrored.emplace_back(r.b, r.a, r.area_m2);
    std::sort(mirrored.begin(), mirrored.end());
    for (std::size_t i = 0; i < ab.rows.size(); ++i) {
        REQUIRE(std::get<0>(mirrored[i]) == ab.rows[i].a);
        REQUIRE(std::get<1>(mirrored[i]) == ab.rows[i].b);
        CHECK(std::get<2>(mirrored[i]) == Approx(ab.rows[i].area_m2).epsilon(1e-9).margin(1e-6));
    }
}

TEST_CASE("LSOAs against generalised districts: identical rows for 1 and 2 threads, shares in [0,1]", "[realdata]")
{
    const Layer& a = layer("lsoa21");
    const Layer& b = layer("ltla24-gen");
    OverlapOptions one, two;
    one.threads = 1;
    two.threads = 2;
    const OverlapResult r1 = compute_overlap(a, b, one);
    const OverlapResult r2 = compute_overlap(a, b, two);
    REQUIRE(r1.rows.size() == r2.rows.size());
    for (std::size_t i = 0; i < r1.rows.size(); ++i) {
        REQUIRE(r1.rows[i].a == r2.rows[i].a);
        REQUIRE(r1.rows[i].b == r2.rows[i].b);
        REQUIRE(r1.rows[i].area_m2 == r2.rows[i].area_m2);
        REQUIRE(r1.rows[i].share_of_a >= 0);
        REQUIRE(r1.rows[i].share_of_a <= 1 + 1e-12);
    }
    // Generalisation gaps are real: the two layers' coastlines differ, so some of
    // each is uncovered by the other, but far less than 1% of England.
    const OverlapSummary s = summarise_overlap(a, b, r1);
    CHECK(s.a.uncovered_m2 > 0);
    CHECK(s.a.uncovered_m2 < 0.01 * s.a.area_m2);
    CHECK(s.b.uncovered_m2 > 0);
    CHECK(s.b.uncovered_m2 < 0.01 * s.b.area_m2);
}

TEST_CASE("GeoJSON pieces of real layers are RFC 7946 and open with GDAL", "[realdata]")
{
    const Layer& a = layer("ltla24");
    const Layer& b = layer("icb24");
    OverlapOptions keep;
    keep.keep_pieces = true;
    OverlapResult r = compute_overlap(a, b, keep);
    Table t;
    t.columns = {{"a_code", Format::text}, {"b_code", Format::text}, {"area_m2", Format::area}};
    std::vector<Wkb> pieces;
    for (auto& row : r.rows) {
        t.rows.push_back({a.features[row.a].code, b.features[row.b].code, row.area_m2});
        pieces.push_back(std::move(row.piece));
    }
    const std::string text = io::to_geojson(t, std::move(pieces));
    const auto doc = nlohmann::json::parse(text);
    CHECK_FALSE(doc.contains("crs"));
    REQUIRE(doc["features"].size() == r.rows.size());
    for (const auto& f : doc["features"]) {
        const auto& g = f["geometry"];
        REQUIRE((g["type"] == "Polygon" || g["type"] == "MultiPolygon"));
        const auto polygons = g["type"] == "Polygon" ? nlohmann::json::array({g["coordinates"]}) : g["coordinates"];
        for (const auto& polygon : polygons)
            for (std::size_t k = 0; k < polygon.size(); ++k) {
                const auto& ring = polygon[k];
                REQUIRE(ring.size() >= 4);
                REQUIRE(ring.front() == ring.back());
                double twice_area = 0;
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                    const double x0 = ring[i][0], y0 = ring[i][1], x1 = ring[i + 1][0], y1 = ring[i + 1][1];
                    REQUIRE(x0 > -7); // England lies within lon -7..2, lat 49..56
                    REQUIRE(x0 < 2);
                    REQUIRE(y0 > 49);
                    REQUIRE(y0 < 56);
                    twice_area += x0 * y1 - x1 * y0;
                }
                // RFC 7946 §3.1.6: exteriors counter-clockwise, holes clockwise.
                REQUIRE((k == 0 ? twice_area > 0 : twice_area < 0));
            }
    }
    // GDAL reads it back as a polygon layer in WGS 84 with the same features.
    const std::string path = "realdata_pieces.geojson";
    io::write_output(path, text);
    io::ReadOptions read;
    read.code_field = "a_code";
    const io::RawLayer back = io::read_raw_layer(path, read, "pieces");
    CHECK(back.crs == "EPSG:4326");
    CHECK(back.features.size() == r.rows.size());
    std::remove(path.c_str());
}

TEST_CASE("Every lsoa21 × ltla24-gen area from the exact kernel agrees with OverlayNG", "[realdata]")
{
    // The kernel answers most crossing pairs in general position; the same rows must
    // come out, each area within 1e-9 relative of OverlayNG's (pieces of 1 m² and more)
    // or within 1e-6 m² (slivers, where both are at the level of rounding).
    const Layer& a = layer("lsoa21");
    const Layer& b = layer("ltla24-gen");
    OverlapOptions reference_options;
    reference_options.area_kernel = false;
    const OverlapResult kernel = compute_overlap(a, b, {});
    const OverlapResult reference = compute_overlap(a, b, reference_options);
    CHECK(reference.stats.area_kernel == 0);
    CHECK(kernel.stats.area_kernel > 10000); // 15,192 of the 15,818 intersections when measured
    REQUIRE(kernel.rows.size() == reference.rows.size());
    double worst_relative = 0;
    for (std::size_t k = 0; k < kernel.rows.size(); ++k) {
        const OverlapRow &x = kernel.rows[k], &y = reference.rows[k];
        REQUIRE(x.a == y.a);
        REQUIRE(x.b == y.b);
        const double difference = std::abs(x.area_m2 - y.area_m2);
        INFO(a.features[x.a].code << " × " << b.features[x.b].code << ": " << x.area_m2 << " vs " << y.area_m2);
        if (y.area_m2 >= 1) {
            CHECK(difference <= 1e-9 * y.area_m2);
            worst_relative = std::max(worst_relative, difference / y.area_m2);
        } else {
            CHECK(difference <= 1e-6);
        }
    }
    WARN("largest relative difference (pieces >= 1 m2): " << worst_relative);
}
