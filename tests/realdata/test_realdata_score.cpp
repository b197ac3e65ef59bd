// SPDX-License-Identifier: MIT
// Coterminosity scores on the mirror: exactly consistent layers give exact answers.
#include "analysis/pair_scores.hpp"
#include "analysis/score_rule.hpp"
#include "core/boundary_alignment.hpp"
#include "core/footprint.hpp"
#include "core/score.hpp"
#include "io/csv_reader.hpp"
#include "io/layer_source.hpp"
#include "realdata.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace coterm;
using coterm::realdata::census_weights;
using coterm::realdata::data_file;
using coterm::realdata::layer;

namespace {

/// Scores by area against whole-unit areas, with the given noise share (1 − τ).
Scores score_by_area(const Layer& a, const Layer& b, double noise)
{
    std::vector<ScoreCell> cells;
    for (const auto& r : compute_overlap(a, b, {}).rows)
        cells.push_back({r.a, r.b, r.area_m2});
    std::vector<double> wa, wb;
    for (const auto& f : a.features)
        wa.push_back(f.area_m2);
    for (const auto& f : b.features)
        wb.push_back(f.area_m2);
    ScoreOptions o;
    o.noise = noise;
    return score_matrix(cells, wa, wb, o, false);
}

/// The Census weights as a workflow takes them.
const analysis::LoadedWeights& loaded_census()
{
    static analysis::LoadedWeights w = [] {
        analysis::LoadedWeights l;
        l.weights = census_weights();
        l.layer_id = "lsoa21";
        l.label = "lsoa21 usual_residents";
        return l;
    }();
    return w;
}

/// The workflow of `coterm score --weight population`: the rule decided from the data.
analysis::ScoredPair score_by_population(const Layer& a, const Layer& b)
{
    return analysis::score_layers(a, b, &loaded_census(), Spread::centroid, {}, 50, 0);
}

/// Codes of the A units split by B.
std::set<std::string> split_codes(const Layer& a, const Scores& s)
{
    std::set<std::string> out;
    for (std::size_t i = 0; i < a.features.size(); ++i)
        if (s.a_units[i].relation == Relation::split) out.insert(a.features[i].code);
    return out;
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

TEST_CASE("Every LSOA-built district is within one fire and one police area, by area to numeric noise", "[realdata]")
{
    for (const char* id : {"fra24", "pfa24"}) {
        const Scores s = score_by_area(layer("ltla24"), layer(id), 1e-9);
        INFO(id);
        CHECK(s.pair.a.nested() == 296);
        CHECK(s.pair.a.split == 0);
        CHECK(s.pair.b.unions() == s.pair.b.units); // every FRA/PFA is a union of whole districts
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
    const Scores s = score_by_area(a, b, 1e-9);
    std::set<std::pair<std::string, std::string>> found;
    for (std::size_t i = 0; i < a.features.size(); ++i)
        if (s.a_units[i].relation == Relation::equal)
            found.insert({a.features[i].code, b.features[s.a_units[i].best].code});
    CHECK(found == expected);
    CHECK(found.size() == 29);
    // With a 1 % materiality share London's fire authority also matches the Met,
    // whose area is London without the City (the City of London has its own police).
    const Scores loose = score_by_area(a, b, 0.01);
    CHECK(loose.pair.a.equal == 30);
}

TEST_CASE("A layer scored against itself: every unit equal, NMI 1, VI 0", "[realdata]")
{
    const Scores s = score_by_area(layer("icb24"), layer("icb24"), 1e-9);
    for (const auto& u : s.a_units)
        CHECK(u.relation == Relation::equal);
    CHECK(s.pair.a.equal == 42);
    CHECK(s.pair.nmi == Approx(1).margin(1e-9));
    CHECK(s.pair.vi == Approx(0).margin(1e-9));
}

TEST_CASE("Scores by area and by population agree on which districts are split between ICBs", "[realdata]")
{
    const Layer& a = layer("ltla24");
    const Layer& b = layer("icb24");
    const Scores by_area = score_by_area(a, b, 1e-9);
    const analysis::ScoredPair by_pop = score_by_population(a, b);
    CHECK(by_pop.rule.shared);
    for (std::size_t i = 0; i < a.features.size(); ++i)
        CHECK((by_area.a_units[i].partners > 1) == (by_pop.scores.a_units[i].partners > 1));
    CHECK(split_codes(a, by_area) == split_codes(a, by_pop.scores));
    CHECK(split_codes(a, by_area).size() == 13);
    CHECK(by_pop.scores.pair.ari > 0);
    CHECK(by_pop.scores.pair.ari < 1);
}

namespace {
/// Districts split by the exact (LSOA-built) comparison with the ICBs.
std::set<std::string> truly_split()
{
    const Layer& a = layer("ltla24");
    return split_codes(a, score_by_area(a, layer("icb24"), 1e-9));
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
    // The rule is decided from the data: these layers do not share boundaries.
    const analysis::ScoredPair area = analysis::score_layers(gen, icb, nullptr, Spread::centroid, {}, 50, 0);
    REQUIRE_FALSE(area.rule.shared);
    CHECK(area.rule.exact_share < 0.5);
    CHECK(area.rule.options.uncertain == generalisation_uncertainty);
    const Scores& by_area = area.scores;
    const Scores by_pop = score_by_population(gen, icb).scores;
    std::size_t missed_area = 0, missed_pop = 0;
    for (std::size_t i = 0; i < gen.features.size(); ++i) {
        const std::string& code = gen.features[i].code;
        INFO(code);
        if (!truth.count(code)) {
            CHECK_FALSE(by_area.a_units[i].split());
            CHECK_FALSE(by_pop.a_units[i].split());
        } else {
            missed_area += !by_area.a_units[i].split() && by_area.a_units[i].relation != Relation::uncertain;
            missed_pop += !by_pop.a_units[i].split() && by_pop.a_units[i].relation != Relation::uncertain;
        }
    }
    CHECK(missed_area == 0);
    CHECK(missed_pop == 1); // Cherwell: no LSOA point lies in its part of Northamptonshire ICB
}

TEST_CASE("ONS generalised districts against police areas agree with the exact answer: nothing split", "[realdata]")
{
    const analysis::ScoredPair p =
        analysis::score_layers(layer("ltla24-gen"), layer("pfa20-gen"), nullptr, Spread::centroid, {}, 50, 0);
    INFO(p.rule.why);
    const Scores& s = p.scores;
    CHECK(s.pair.a.split == 0);
    CHECK(s.pair.a.uncertain == 0);
    CHECK(s.pair.a.nested() == 296);
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

TEST_CASE("West Midlands combined authority splits Coventry and Warwickshire ICB; Greater Manchester's are identical",
          "[realdata]")
{
    const Layer& ca = layer("cauth23");
    const Layer& icb = layer("icb24");
    const analysis::ScoredPair p = score_by_population(ca, icb);
    REQUIRE(p.rule.shared);
    auto index = [](const Layer& l, const std::string& code) {
        for (std::size_t i = 0; i < l.features.size(); ++i)
            if (l.features[i].code == code) return i;
        FAIL("no " << code);
        return std::size_t{0};
    };
    const std::size_t wm = index(ca, "E47000007"), cw = index(icb, "E54000018");
    const UnitScore& coventry = p.scores.b_units[cw];
    CHECK(coventry.relation == Relation::split);
    // 36.7 % of the ICB's residents live in the West Midlands (checked from the ONS
    // LSOA→ICB, LSOA→LAD and LAD→CA lookups with the Census LSOA populations: 345,318 of 942,080).
    REQUIRE(coventry.best == wm);
    CHECK(coventry.share_in_best == Approx(345318.0 / 942080).epsilon(1e-12));
    CHECK(coventry.weight == 942080);
    const UnitScore& west_midlands = p.scores.a_units[wm];
    CHECK(west_midlands.relation == Relation::split);
    CHECK(std::count(west_midlands.splits.begin(), west_midlands.splits.end(), cw) == 1);
    const std::size_t gm = index(ca, "E47000001"), gm_icb = index(icb, "E54000057");
    CHECK(p.scores.a_units[gm].relation == Relation::equal);
    CHECK(p.scores.a_units[gm].best == gm_icb);
}

TEST_CASE("The 13 districts split between ICBs, whether the layers come from the catalogue or from files", "[realdata]")
{
    const std::set<std::string> truth = truly_split();
    REQUIRE(truth.size() == 13);
    // The same GeoPackages read as files: no catalogue family, the rule is measured.
    const io::Catalogue none;
    BuildReport report;
    const Layer a = io::load_layer(
        io::locate_layer(data_file("derived/derived_ltla24_from_lsoa21.gpkg"), none, ".", {}), 0, report);
    const Layer b =
        io::load_layer(io::locate_layer(data_file("derived/derived_icb24_from_lsoa21.gpkg"), none, ".", {}), 0, report);
    REQUIRE(a.family.empty());
    const analysis::ScoredPair p = score_by_population(a, b);
    INFO(p.rule.why);
    CHECK(p.rule.shared);
    CHECK(p.rule.exact_share > 0.99);
    CHECK(split_codes(a, p.scores) == truth);
    CHECK(p.scores.pair.a.uncertain == 0);
}
