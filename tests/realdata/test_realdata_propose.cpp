// SPDX-License-Identifier: MIT
// `coterm propose` on the mirror: footprints that split no police or fire area are those
// areas; footprints from councils beat the obvious assignment; infeasible requests say why.
#include "../unit/fixtures.hpp"
#include "analysis/propose.hpp"
#include "core/errors.hpp"
#include "io/catalogue.hpp"
#include "io/csv_reader.hpp"
#include "realdata.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

using namespace coterm;
using coterm::realdata::census_weights;
using coterm::realdata::data_file;

namespace {

analysis::ProposeResult run(analysis::ProposeOptions o)
{
    static const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
    return analysis::propose(o, {catalogue, std::getenv("COTERM_DATA"), census_weights()});
}

/// district code -> unit code from a lookup file of the mirror.
std::map<std::string, std::string> lookup(const std::string& file, const std::string& unit_column)
{
    const io::CsvFile csv = io::read_csv(data_file(file));
    const std::size_t d = csv.column("ltla24_code", "lookup"), u = csv.column(unit_column, "lookup");
    std::map<std::string, std::string> out;
    for (std::size_t r = 0; r < csv.row_count(); ++r)
        if (csv.field(r, d).starts_with("E")) out[std::string(csv.field(r, d))] = std::string(csv.field(r, u));
    return out;
}

/// Each footprint holds the districts of exactly one unit, and each unit is one footprint.
void check_footprints_are_units(const analysis::ProposedOption& o, const Layer& blocks,
                                const std::map<std::string, std::string>& unit_of, std::size_t units)
{
    std::set<std::string> seen;
    for (const FootprintSpec& f : o.footprints) {
        std::set<std::string> in;
        for (std::size_t b : f.blocks)
            in.insert(unit_of.at(blocks.features[b].code));
        CHECK(in.size() == 1);
        seen.insert(*in.begin());
    }
    CHECK(seen.size() == units);
}

analysis::ProposeOptions districts_into(std::size_t count, const std::string& layer)
{
    analysis::ProposeOptions o;
    o.blocks = "ltla24";
    o.count_min = o.count_max = count;
    o.split_layers = {layer};
    o.effort = 2;
    return o;
}

/// district code -> the ICB holding most of its Census 2021 residents, from the LSOA lookups.
std::map<std::string, std::string> main_icb_of_district()
{
    const io::CsvFile people = io::read_csv(data_file("stats/population_lsoa21_census2021.csv"));
    const io::CsvFile districts = io::read_csv(data_file("lookups/lookup_lsoa21_ward24_ltla24.csv"));
    const io::CsvFile icbs = io::read_csv(data_file("lookups/lookup_lsoa21_icb24.csv"));
    std::map<std::string, std::string> district, icb;
    for (std::size_t r = 0; r < districts.row_count(); ++r)
        district[std::string(districts.field(r, districts.column("lsoa21_code", "lookup")))] =
            districts.field(r, districts.column("ltla24_code", "lookup"));
    for (std::size_t r = 0; r < icbs.row_count(); ++r)
        icb[std::string(icbs.field(r, icbs.column("lsoa21_code", "lookup")))] =
            icbs.field(r, icbs.column("icb24_code", "lookup"));
    std::map<std::string, std::map<std::string, double>> n; // district -> ICB -> people
    const std::size_t code = people.column("area_code", "population"), value = people.column("value", "population");
    for (std::size_t r = 0; r < people.row_count(); ++r) {
        const std::string lsoa(people.field(r, code));
        n[district.at(lsoa)][icb.at(lsoa)] += std::stod(std::string(people.field(r, value)));
    }
    std::map<std::string, std::string> out;
    for (const auto& [d, by_icb] : n)
        out[d] = std::max_element(by_icb.begin(), by_icb.end(), [](const auto& a, const auto& b) {
                     return a.second < b.second;
                 })->first;
    return out;
}

/// The footprint of a block, by code.
std::size_t footprint_of(const analysis::ProposeResult& r, const analysis::ProposedOption& o, const std::string& code)
{
    for (std::size_t b = 0; b < r.blocks.features.size(); ++b)
        if (r.blocks.features[b].code == code) return o.footprint_of_block[b];
    FAIL("no block " << code);
    return 0;
}

} // namespace

TEST_CASE("39 footprints of whole districts splitting no police force area are the 39 police force areas",
          "[realdata][propose]")
{
    const auto r = run(districts_into(39, "pfa24"));
    REQUIRE(r.options.size() == 1);
    const auto& o = r.options[0];
    CHECK(o.footprints.size() == 39);
    CHECK(o.objective == 0);
    CHECK(o.all_met());
    check_footprints_are_units(o, r.blocks, lookup("lookups/lookup_ltla24_csp24_pfa24.csv", "pfa24_code"), 39);
}

TEST_CASE("44 footprints of whole districts splitting no fire and rescue authority are the 44 authorities",
          "[realdata][propose]")
{
    const auto r = run(districts_into(44, "fra24"));
    const auto& o = r.options.at(0);
    CHECK(o.footprints.size() == 44);
    CHECK(o.objective == 0);
    check_footprints_are_units(o, r.blocks, lookup("lookups/lookup_ltla24_fra24.csv", "fra24_code"), 44);
}

TEST_CASE("42 footprints of councils splitting the fewest ICB residents beat each council to its main ICB",
          "[realdata][propose]")
{
    analysis::ProposeOptions o;
    o.blocks = "utla23";
    o.count_min = o.count_max = 42;
    o.split_layers = {"icb24"};
    o.from = "icb24";
    o.weights = {{"from", 0.0}}; // the status quo for comparison only
    o.options = 3;
    o.effort = 4;
    const auto r = run(o);
    REQUIRE(r.status_quo);
    const double obvious = r.status_quo->terms.at(0).value;
    CHECK(obvious > 0); // councils straddle ICBs, so the obvious answer splits some residents
    REQUIRE_FALSE(r.options.empty());
    for (const auto& option : r.options) {
        CHECK(option.all_met());
        CHECK(option.footprints.size() == 42);
        CHECK(option.terms.at(0).value >= option.terms.at(0).bound);
        CHECK(option.objective >= option.bound);
    }
    // No nesting and no ceiling: the per-term bound is 0, but 42 footprints are more than
    // the groups of councils linked by shared ICBs, so the counting bound is positive.
    CHECK(r.options[0].terms.at(0).bound == 0);
    CHECK(r.count_bound > 0);
    CHECK(r.options[0].bound == r.count_bound);
    CHECK_FALSE(r.mip.run); // 153 councils: above the exact model's default size
    CHECK(r.options[0].terms.at(0).value <= obvious);
    for (std::size_t i = 1; i < r.options.size(); ++i) // distinct, best first
        CHECK(r.options[i].footprint_of_block != r.options[0].footprint_of_block);
}

TEST_CASE("ICBs into 26 footprints: the exact model proves the search's option optimal", "[realdata][propose]")
{
    // 42 blocks: within the exact model's default size. Its optimum ignores contiguity,
    // so a contiguous option reaching it is optimal among all partitions.
    analysis::ProposeOptions o;
    o.blocks = "icb24";
    o.count_min = o.count_max = 26;
    o.split_layers = {"pfa24", "fra24"};
    o.effort = 8;
    const auto r = run(o);
    REQUIRE(r.mip.run);
    CHECK(r.mip.optimal);
    CHECK(r.mip.bound > r.count_bound); // the exact model is the binding bound here
    const auto& best = r.options.at(0);
    CHECK(best.all_met());
    CHECK(best.bound == r.mip.bound);
    CHECK(best.objective == best.bound); // gap 0: proven optimal
}

TEST_CASE("Population bounds and contiguity hold in every option", "[realdata][propose]")
{
    analysis::ProposeOptions o;
    o.blocks = "utla23";
    o.count_min = 20, o.count_max = 30;
    o.pop_min = 1'000'000;
    o.pop_max = 4'000'000;
    o.split_layers = {"pfa24"};
    o.options = 2;
    o.effort = 3;
    const auto r = run(o);
    for (const auto& option : r.options) {
        CHECK(option.all_met());
        for (double p : option.footprint_population) {
            CHECK(p >= 1'000'000);
            CHECK(p <= 4'000'000);
        }
    }
}

TEST_CASE("Impossible requests are errors that say why", "[realdata][propose]")
{
    using Catch::Matchers::Contains;
    auto o = districts_into(42, "icb24");
    o.pop_min = 2'000'000;
    REQUIRE_THROWS_AS(run(o), DataError);
    CHECK_THROWS_WITH(run(o),
                      Contains("42 footprints of at least 2,000,000 people need 84,000,000") && Contains("56,490,"));
    auto w = districts_into(30, "icb24");
    w.keep_whole = {"cauth23"};
    w.pop_max = 2'000'000;
    CHECK_THROWS_WITH(run(w),
                      Contains("cauth23 E47000001 Greater Manchester (10 ltla24 blocks kept whole) holds 2,867,871") &&
                          Contains("above the ceiling --pop-max 2,000,000"));
}

TEST_CASE("Fixed groups stay together, apart from each other, and a group in two pieces is explained",
          "[realdata][propose]")
{
    analysis::ProposeOptions o;
    o.blocks = "utla23";
    o.count_min = o.count_max = 30;
    o.split_layers = {"icb24"};
    o.effort = 4;
    // Cornwall with Devon, Kent with Medway: two groups, each contiguous.
    o.fixed = test::write_temp("propose_fixed.csv",
                               "block_code,footprint_code\nE06000052,SW\nE10000008,SW\nE10000016,SE\nE06000035,SE\n");
    const auto r = run(o);
    const auto& best = r.options.at(0);
    CHECK(best.all_met());
    CHECK(best.constraints.back().name == "fixed groups");
    CHECK(best.constraints.back().detail == "2 groups kept");
    CHECK(footprint_of(r, best, "E06000052") == footprint_of(r, best, "E10000008"));
    CHECK(footprint_of(r, best, "E10000016") == footprint_of(r, best, "E06000035"));
    CHECK(footprint_of(r, best, "E06000052") != footprint_of(r, best, "E10000016"));
    // Named after the group (the file has no footprint_name: its code), then as usual.
    CHECK(best.footprints[footprint_of(r, best, "E06000052")].name.starts_with("SW ("));
    CHECK(best.footprints[footprint_of(r, best, "E10000016")].name.starts_with("SE ("));
    // Cornwall with Northumberland: the footprint joining them would cross England, far
    // above the ceiling, so no option is contiguous; the error names the group and why.
    o.count_min = o.count_max = 50;
    o.pop_max = 2'000'000;
    o.effort = 2;
    o.fixed = test::write_temp("propose_fixed_apart.csv", "block_code,footprint_code\nE06000052,FAR\nE06000057,FAR\n");
    using Catch::Matchers::Contains;
    CHECK_THROWS_WITH(run(o),
                      Contains("the best breaks contiguous") &&
                          Contains("fixed group FAR (2 blocks): E06000052 Cornwall, E06000057 Northumberland") &&
                          Contains("add those blocks to the group, or join the pieces with --adjacency"));
    // Joined by an adjacency pair, as the message suggests, the group is one piece.
    o.adjacency = test::write_temp("propose_adjacency.csv", "block_a,block_b\nE06000052,E06000057\n");
    const auto joined = run(o);
    const auto& one = joined.options.at(0);
    CHECK(one.all_met());
    CHECK(footprint_of(joined, one, "E06000052") == footprint_of(joined, one, "E06000057"));
}

TEST_CASE("Islands: the Isle of Wight across the Solent, the Isles of Scilly by the island rule, overridable",
          "[realdata][propose]")
{
    analysis::ProposeOptions o;
    o.blocks = "utla23";
    o.count_min = o.count_max = 42;
    o.split_layers = {"icb24"};
    o.effort = 1;
    o.bound_nodes = 0;
    auto code = [](const analysis::ProposeResult& r, std::size_t b) { return r.blocks.features[b].code; };
    const auto r = run(o);
    REQUIRE(r.island_links.size() == 1); // the Isles of Scilly to Cornwall, 40.8 km
    CHECK(code(r, r.island_links[0].island) == "E06000053");
    CHECK(code(r, r.island_links[0].mainland) == "E06000052");
    CHECK(r.island_links[0].distance_m > 40'000);
    CHECK(r.island_links[0].distance_m < 42'000);
    CHECK(r.crossings.size() == 27); // docs/methods.md §16.2
    CHECK(std::any_of(r.crossings.begin(), r.crossings.end(), [&](const IslandLink& l) {
        return code(r, l.island) == "E06000046" && code(r, l.mainland) == "E10000014"; // Isle of Wight–Hampshire
    }));
    // An adjacency pair joining the Isles of Scilly overrides the rule: no link is added.
    o.adjacency = test::write_temp("propose_scilly.csv", "block_a,block_b\nE06000053,E10000008\n");
    CHECK(run(o).island_links.empty());
}

TEST_CASE("Nested in ICBs, every footprint lies in one ICB and the nesting bound is reached", "[realdata][propose]")
{
    analysis::ProposeOptions o = districts_into(50, "pfa24");
    o.nest_in = "icb24";
    const auto r = run(o);
    const auto& best = r.options.at(0);
    CHECK(best.all_met());
    CHECK(best.constraints.back().name == "nest in icb24");
    const auto icb_of = main_icb_of_district(); // independently of coterm's point location
    for (const FootprintSpec& f : best.footprints) {
        std::set<std::string> in;
        for (std::size_t b : f.blocks)
            in.insert(icb_of.at(r.blocks.features[b].code));
        CHECK(in.size() == 1);
    }
    // Every ICB straddling police areas must split them: the per-term bound from nesting
    // is positive and the search reaches it (gap 0).
    CHECK(best.terms.at(0).bound > 0);
    CHECK(best.objective == best.bound);
    auto fewer = districts_into(30, "pfa24");
    fewer.nest_in = "icb24";
    CHECK_THROWS_WITH(run(fewer), Catch::Matchers::Contains(
                                      "nesting in icb24 needs at least 42 footprints (one per unit holding blocks), "
                                      "above the 30 asked for"));
}

TEST_CASE("Population bounds alone give the range of footprint counts", "[realdata][propose]")
{
    analysis::ProposeOptions o;
    o.blocks = "utla23";
    o.pop_min = 1'200'000;
    o.pop_max = 3'000'000;
    o.split_layers = {"pfa24"};
    o.effort = 2;
    const auto r = run(o);
    // 56,490,108 people: at least ⌈56.49 / 3.0⌉ = 19 footprints, at most ⌊56.49 / 1.2⌋ = 47.
    CHECK(r.total_population == 56'490'108);
    CHECK(r.count_min == 19);
    CHECK(r.count_max == 47);
    const auto& best = r.options.at(0);
    CHECK(best.all_met());
    CHECK(best.constraints.front().name == "19–47 footprints (from the population bounds)");
    CHECK(best.footprints.size() >= 19);
    CHECK(best.footprints.size() <= 47);
    o.pop_min = 2'980'000; // at most 18 footprints of at least this, but 19 are needed
    CHECK_THROWS_WITH(run(o), Catch::Matchers::Contains("infeasible: no number of footprints fits the population "
                                                        "bounds: the 56,490,108 people need at least 19 footprints"));
}
