// SPDX-License-Identifier: MIT
// Population weighting and apportionment on the mirror: facts that must hold.
#include "core/apportion.hpp"
#include "core/point_locator.hpp"
#include "core/reproject.hpp"
#include "io/area_data.hpp"
#include "io/csv_reader.hpp"
#include "realdata.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

using namespace coterm;
using coterm::realdata::census_weights;
using coterm::realdata::data_file;
using coterm::realdata::layer;

namespace {

/// Σ LSOA population by the official lookup from LSOA to `column`.
std::map<std::string, double> population_by_lookup(const std::string& lookup, const std::string& column)
{
    const io::CsvFile pop = io::read_csv(data_file("stats/population_lsoa21_census2021.csv"));
    std::map<std::string, double> lsoa_pop;
    for (std::size_t r = 0; r < pop.row_count(); ++r)
        lsoa_pop[std::string(pop.field(r, 0))] = std::stod(std::string(pop.field(r, 4)));
    const io::CsvFile lu = io::read_csv(data_file(lookup));
    const std::size_t lsoa_col = lu.column("lsoa21_code", "test"), area_col = lu.column(column, "test");
    std::map<std::string, double> out;
    for (std::size_t r = 0; r < lu.row_count(); ++r)
        out[std::string(lu.field(r, area_col))] += lsoa_pop.at(std::string(lu.field(r, lsoa_col)));
    return out;
}

void check_population_equals_lookup(const std::string& id, const std::string& lookup, const std::string& column)
{
    const Layer& target = layer(id);
    double outside = 0;
    const std::vector<double> pop = weigh_features(target, census_weights(), 0, &outside);
    const auto expected = population_by_lookup(lookup, column);
    REQUIRE(expected.size() == target.features.size());
    for (std::size_t t = 0; t < target.features.size(); ++t) {
        INFO(target.features[t].code);
        CHECK(pop[t] == expected.at(target.features[t].code)); // exact: whole people
    }
    CHECK(outside == 0);
}

std::vector<double> values_for(const Layer& source, const std::map<std::string, double>& by_code)
{
    std::vector<double> v(source.features.size(), std::nan(""));
    for (std::size_t s = 0; s < v.size(); ++s)
        if (auto it = by_code.find(source.features[s].code); it != by_code.end()) v[s] = it->second;
    return v;
}

} // namespace

TEST_CASE("Centroid population of every ICB equals the sum of its LSOAs by the ONS lookup", "[realdata]")
{
    check_population_equals_lookup("icb24", "lookups/lookup_lsoa21_icb24.csv", "icb24_code");
}

TEST_CASE("Centroid population of every district equals the sum of its LSOAs by the ONS lookup", "[realdata]")
{
    check_population_equals_lookup("ltla24", "lookups/lookup_lsoa21_ward24_ltla24.csv", "ltla24_code");
}

TEST_CASE("Population-weighted overlap adds up: rows plus outside equal the Census total", "[realdata]")
{
    const Layer& a = layer("ltla24-gen");
    const Layer& b = layer("icb22-gen");
    const OverlapResult ab = compute_overlap(a, b, {});
    const WeightedOverlap w = weigh_overlap(a, b, ab, census_weights(), Spread::centroid, 0);
    double rows = 0;
    for (double v : w.row_weight)
        rows += v;
    CHECK(w.total == 56490108);
    CHECK(rows + w.outside_rows == w.total);
    CHECK(w.outside_b > 0); // icb22-gen misses the Isles of Scilly and much coast
}

TEST_CASE("District population moved onto ICBs conserves England's total to 1e-9", "[realdata]")
{
    const Layer& from = layer("ltla24");
    const Layer& to = layer("icb24");
    io::DataRequest request;
    request.path = data_file("stats/population_lad24_census2021_from_lsoa21.csv");
    request.variables = {"usual_residents"};
    const io::AreaValues data = io::read_area_values(request);
    const OverlapResult ov = compute_overlap(from, to, {});
    for (Spread spread : {Spread::centroid, Spread::area}) {
        OverlapOptions keep;
        keep.keep_pieces = spread == Spread::area;
        const OverlapResult o = spread == Spread::area ? compute_overlap(from, to, keep) : ov;
        const Transfer t = weighted_transfer(o, weigh_overlap(from, to, o, census_weights(), spread, 0));
        const Apportioned a = apportion_extensive(t, values_for(from, data.by_code[0]));
        CHECK(a.sum_in == 56490108);
        CHECK(std::abs(a.sum_out - a.sum_in) <= 1e-9 * a.sum_in);
    }
}

TEST_CASE("Life expectancy moved onto ICBs lies between its districts' lowest and highest", "[realdata]")
{
    const Layer& from = layer("ltla24");
    const Layer& to = layer("icb24");
    io::DataRequest request;
    request.path = data_file("stats/life_expectancy_lad.csv");
    request.variables = {"life_expectancy_at_birth_female"};
    request.period = "2021-23";
    const io::AreaValues data = io::read_area_values(request);
    const std::vector<double> v = values_for(from, data.by_code[0]);
    const OverlapResult ov = compute_overlap(from, to, {});
    const Transfer t = weighted_transfer(ov, weigh_overlap(from, to, ov, census_weights(), Spread::centroid, 0));
    const Apportioned a = apportion_intensive(t, v);
    for (std::size_t target = 0; target < to.features.size(); ++target) {
        double lo = 1e9, hi = -1e9;
        for (const auto& p : t.pieces)
            if (p.target == target && p.weight > 0 && !std::isnan(v[p.source])) {
                lo = std::min(lo, v[p.source]);
                hi = std::max(hi, v[p.source]);
            }
        INFO(to.features[target].code);
        REQUIRE_FALSE(std::isnan(a.values[target]));
        CHECK(a.values[target] >= lo - 1e-9);
        CHECK(a.values[target] <= hi + 1e-9);
    }
}

TEST_CASE("GP payments by point-in-polygon and by the practices' own ICB codes differ only by practices "
          "located outside their ICB",
          "[realdata]")
{
    const Layer& icb = layer("icb24");
    io::DataRequest request;
    request.path = data_file("stats/gp_practice_payments_2022_23.csv");
    request.value_columns = {"total_payments_gbp"};
    request.code_column = "icb_code";
    const io::PointValues pts = io::read_point_values(request);
    std::vector<double> x = pts.lon, y = pts.lat;
    thread_reprojector(wgs84_crs, working_crs).transform(x, y);
    std::vector<XY> xy(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        xy[i] = {x[i], y[i]};
    const auto located = locate_points(icb, xy, 0);
    const Apportioned a = sum_points(located, pts.values[0], icb.features.size());
    // README: £10,230,094,803.70 in all, of which 257 practices (£112,236,542.34) have no coordinates.
    CHECK(pts.unlocated == 257);
    CHECK(pts.unlocated_sum[0] == Approx(112236542.34).margin(0.01));
    CHECK(a.sum_in + pts.unlocated_sum[0] == Approx(10230094803.70).margin(0.01));
    CHECK(std::abs(a.sum_out + a.outside - a.sum_in) < 0.01);

    std::map<std::string, std::size_t> index;
    for (std::size_t t = 0; t < icb.features.size(); ++t)
        index[icb.features[t].code] = t;
    std::vector<double> by_code(icb.features.size(), 0.0);
    double moved = 0;
    for (std::size_t p = 0; p < pts.codes.size(); ++p) {
        by_code.at(index.at(pts.codes[p])) += pts.values[0][p];
        if (located[p] != index.at(pts.codes[p])) moved += pts.values[0][p];
    }
    double differences = 0;
    for (std::size_t t = 0; t < by_code.size(); ++t)
        differences += std::abs(by_code[t] - a.values[t]);
    // Each moved £ shows up at most twice (once where it is, once where its code says).
    CHECK(moved > 0);
    CHECK(differences <= 2 * moved + 0.01);
    CHECK(moved < 0.01 * a.sum_in);
}

TEST_CASE("District populations moved onto footprints: footprints plus what falls outside equal the total",
          "[realdata]")
{
    // Combined authorities as footprints cover part of England: what reaches them plus
    // what each source loses (computed per source) must be the whole Census total.
    const Layer& from = layer("ltla24");
    const Layer& to = layer("cauth23");
    io::DataRequest request;
    request.path = data_file("stats/population_lad24_census2021_from_lsoa21.csv");
    request.variables = {"usual_residents"};
    const io::AreaValues data = io::read_area_values(request);
    const auto points = points_on_surface(*census_weights().layer, 0);
    const Transfer t = centroid_transfer(locate_points(from, points, 0), locate_points(to, points, 0),
                                         census_weights().values, from.features.size(), to.features.size());
    const Apportioned a = apportion_extensive(t, values_for(from, data.by_code[0]));
    double inside = 0, lost = 0;
    for (double v : a.values)
        if (!std::isnan(v)) inside += v;
    for (const auto& [source, amount] : a.outside_sources)
        lost += amount;
    CHECK(a.sum_in == 56490108);
    CHECK(inside == Approx(15563593).margin(0.5)); // the people in the 10 combined authorities
    CHECK(inside + lost == Approx(56490108).epsilon(1e-12));
    CHECK(a.outside_sources.size() == 243); // every district outside a combined authority
}
