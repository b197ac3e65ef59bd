// SPDX-License-Identifier: MIT
// Coterminosity scores on the mirror: exactly consistent layers give exact answers.
#include "core/boundary_alignment.hpp"
#include "core/footprint.hpp"
#include "core/score.hpp"
#include "io/csv_reader.hpp"
#include "realdata.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace coterm;
using coterm::realdata::census_weights;
using coterm::realdata::data_file;
using coterm::realdata::layer;

namespace {

Scores score_by_area(const Layer& a, const Layer& b, double tolerance)
{
    std::vector<ScoreCell> cells;
    for (const auto& r : compute_overlap(a, b, {}).rows)
        cells.push_back({r.a, r.b, r.area_m2});
    ScoreOptions o;
    o.tolerance = tolerance;
    return score_matrix(cells, a.features.size(), b.features.size(), o, false);
}

Scores score_by_population(const Layer& a, const Layer& b)
{
    const OverlapResult ov = compute_overlap(a, b, {});
    const WeightedOverlap w = weigh_overlap(a, b, ov, census_weights(), Spread::centroid, 0);
    std::vector<ScoreCell> cells;
    for (std::size_t k = 0; k < ov.rows.size(); ++k)
        cells.push_back({ov.rows[k].a, ov.rows[k].b, w.row_weight[k]});
    return score_matrix(cells, a.features.size(), b.features.size(), {}, true);
}

/// Districts of each unit of a LAD lookup (England rows).
std::map<std::string, std::set<std::string>> districts_by(const std::string& lookup, const std::string& column)
{
    const io::CsvFile csv = io::read_csv(data_file(lookup));
    const std::size_t lad = csv.column("ltla24_code", "test"), unit = csv.column(column, "test");
    std::map<std::string, std::set<std::string>> out;
    for (std::size_t r = 0; r < csv.row_count(); ++r)
        out[std::string(csv.field(r, unit))].emplace(csv.field(r, lad));
    return out;
}

} // namespace

TEST_CASE("Every LSOA-built district is within one fire and one police area at τ = 1 − 1e-9", "[realdata]")
{
    for (const char* id : {"fra24", "pfa24"}) {
        const Scores s = score_by_area(layer("ltla24"), layer(id), 1.0 - 1e-9);
        INFO(id);
        CHECK(s.pair.nested == 296);
        CHECK(s.pair.split == 0);
        CHECK(s.pair.b_unions == s.pair.b_units); // every FRA/PFA is a union of whole districts
        CHECK(s.pair.nesting_a_in_b == Approx(1).margin(1e-9));
        for (const auto& u : s.a_units)
            REQUIRE((u.relation == Relation::within || u.relation == Relation::equal));
    }
}

TEST_CASE("Fire against police areas: the identical pairs are exactly those made of the same districts", "[realdata]")
{
    const auto fra = districts_by("lookups/lookup_ltla24_fra24.csv", "fra24_code");
    const auto pfa = districts_by("lookups/lookup_ltla24_csp24_pfa24.csv", "pfa24_code");
    std::set<std::pair<std::string, std::string>> expected;
    for (const auto& [f, f_lads] : fra)
        for (const auto& [p, p_lads] : pfa)
            if (f_lads == p_lads) expected.insert({f, p});
    const Layer& a = layer("fra24");
    const Layer& b = layer("pfa24");
    const Scores s = score_by_area(a, b, 1.0 - 1e-9);
    std::set<std::pair<std::string, std::string>> found;
    for (std::size_t i = 0; i < a.features.size(); ++i)
        if (s.a_units[i].relation == Relation::equal)
            found.insert({a.features[i].code, b.features[s.a_units[i].best].code});
    CHECK(found == expected);
    CHECK(found.size() == 29);
    // Within the default 1 % tolerance London's fire authority also matches the Met,
    // whose area is London without the City (the City of London has its own police).
    const Scores loose = score_by_area(a, b, 0.99);
    CHECK(loose.pair.identical == 30);
}

TEST_CASE("A layer scored against itself: every unit equal, NMI 1, VI 0", "[realdata]")
{
    const Scores s = score_by_area(layer("icb24"), layer("icb24"), 0.99);
    for (const auto& u : s.a_units)
        CHECK(u.relation == Relation::equal);
    CHECK(s.pair.identical == 42);
    CHECK(s.pair.nmi == Approx(1).margin(1e-9));
    CHECK(s.pair.vi == Approx(0).margin(1e-9));
}

TEST_CASE("Scores by area and by population agree on which districts are split between ICBs", "[realdata]")
{
    const Layer& a = layer("ltla24");
    const Layer& b = layer("icb24");
    const Scores by_area = score_by_area(a, b, 0.99);
    const Scores by_pop = score_by_population(a, b);
    std::set<std::string> split_area, split_pop;
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        if (by_area.a_units[i].split) split_area.insert(a.features[i].code);
        if (by_pop.a_units[i].split) split_pop.insert(a.features[i].code);
        CHECK((by_area.a_units[i].partners > 1) == (by_pop.a_units[i].partners > 1));
    }
    CHECK(split_area == split_pop);
    CHECK(split_area.size() == 13);
    CHECK(by_pop.pair.ari > 0);
    CHECK(by_pop.pair.ari < 1);
}

namespace {
/// Districts split by the exact (LSOA-built) comparison with the ICBs.
std::set<std::string> truly_split()
{
    const Layer& a = layer("ltla24");
    const Scores exact = score_by_area(a, layer("icb24"), 0.99);
    std::set<std::string> out;
    for (std::size_t i = 0; i < a.features.size(); ++i)
        if (exact.a_units[i].split) out.insert(a.features[i].code);
    return out;
}
} // namespace

TEST_CASE("ONS generalised districts against ICBs: with the default U no district is falsely split", "[realdata]")
{
    // The measured generalisation error (docs/methods.md §11.1) makes U = 0.06 the default
    // between layers that do not share edges.
    const std::set<std::string> truth = truly_split();
    REQUIRE(truth.size() == 13);
    const Layer& gen = layer("ltla24-gen");
    const Layer& icb = layer("icb24");
    ScoreOptions o;
    o.uncertain = generalisation_uncertainty;
    std::vector<ScoreCell> area_cells;
    for (const auto& r : compute_overlap(gen, icb, {}).rows)
        area_cells.push_back({r.a, r.b, r.area_m2});
    const Scores by_area = score_matrix(area_cells, gen.features.size(), icb.features.size(), o, false);
    const OverlapResult ov = compute_overlap(gen, icb, {});
    const WeightedOverlap w = weigh_overlap(gen, icb, ov, census_weights(), Spread::centroid, 0);
    std::vector<ScoreCell> pop_cells;
    for (std::size_t k = 0; k < ov.rows.size(); ++k)
        pop_cells.push_back({ov.rows[k].a, ov.rows[k].b, w.row_weight[k]});
    const Scores by_pop = score_matrix(pop_cells, gen.features.size(), icb.features.size(), o, true);
    std::size_t missed_area = 0, missed_pop = 0;
    for (std::size_t i = 0; i < gen.features.size(); ++i) {
        const std::string& code = gen.features[i].code;
        INFO(code);
        if (!truth.count(code)) {
            CHECK_FALSE(by_area.a_units[i].split);
            CHECK_FALSE(by_pop.a_units[i].split);
        } else {
            missed_area += !by_area.a_units[i].split && !by_area.a_units[i].uncertain;
            missed_pop += !by_pop.a_units[i].split && !by_pop.a_units[i].uncertain;
        }
    }
    CHECK(missed_area == 0);
    CHECK(missed_pop == 1); // Cherwell: no LSOA point lies in its part of Northamptonshire ICB
    CHECK(by_area.pair.split == 8);
}

TEST_CASE("ONS generalised districts against police areas agree with the exact answer: nothing split", "[realdata]")
{
    ScoreOptions o;
    o.uncertain = generalisation_uncertainty;
    std::vector<ScoreCell> cells;
    const Layer& a = layer("ltla24-gen");
    const Layer& b = layer("pfa20-gen");
    for (const auto& r : compute_overlap(a, b, {}).rows)
        cells.push_back({r.a, r.b, r.area_m2});
    const Scores s = score_matrix(cells, a.features.size(), b.features.size(), o, false);
    CHECK(s.pair.split == 0);
    CHECK(s.pair.uncertain == 0);
    CHECK(s.pair.nested == 296);
}

TEST_CASE("Fire authorities made of whole districts have every internal boundary on a district boundary", "[realdata]")
{
    const BoundaryAlignment r = align_boundaries(layer("ltla24"), layer("fra24"), 50, 0);
    CHECK(r.b_internal_m > 0);
    CHECK(r.b_near_m == Approx(r.b_internal_m).epsilon(1e-9));
    CHECK(r.a_near_m < r.a_internal_m); // district boundaries inside a fire authority are not fire boundaries
}

TEST_CASE("A footprint dissolved from a combined authority's districts is that authority's feature", "[realdata]")
{
    const Layer& districts = layer("ltla24");
    const Layer& cauth = layer("cauth23");
    std::map<std::size_t, FootprintSpec> specs;
    for (const auto& r : compute_overlap(districts, cauth, {}).rows)
        if (r.share_of_a > 1 - 1e-9) {
            specs[r.b].code = cauth.features[r.b].code;
            specs[r.b].blocks.push_back(r.a);
        }
    std::vector<FootprintSpec> list;
    for (auto& [b, s] : specs)
        list.push_back(s);
    std::vector<std::string> fallback;
    const Layer footprints = dissolve_footprints(districts, list, 0, fallback);
    REQUIRE(footprints.features.size() == 10);
    CHECK(fallback.empty()); // LSOA-built districts form a clean coverage
    std::size_t blocks = 0;
    for (const auto& s : list)
        blocks += s.blocks.size();
    CHECK(blocks == 53);
    for (std::size_t i = 0; i < 10; ++i) {
        INFO(cauth.features[i].code);
        CHECK(footprints.features[i].code == cauth.features[i].code);
        CHECK(footprints.features[i].area_m2 == Approx(cauth.features[i].area_m2).epsilon(1e-6));
    }
}
