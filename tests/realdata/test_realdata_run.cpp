// SPDX-License-Identifier: MIT
// The run workflow on the mirror: the alignment answers a planner quotes.
#include "../unit/fixtures.hpp"
#include "analysis/run.hpp"
#include "realdata.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>

using namespace coterm;

namespace {

analysis::Context mirror_context()
{
    analysis::Context ctx =
        analysis::make_context(std::getenv("COTERM_DATA") ? std::getenv("COTERM_DATA") : "", 0, false);
    return ctx;
}

std::size_t index_of(const Layer& l, const std::string& code)
{
    for (std::size_t i = 0; i < l.features.size(); ++i)
        if (l.features[i].code == code) return i;
    FAIL("no " << code << " in " << l.label);
    return 0;
}

const analysis::Comparison& comparison(const analysis::RunResult& r, const std::string& spec)
{
    for (const auto& c : r.comparisons)
        if (c.spec == spec) return c;
    FAIL("no comparison " << spec);
    return r.comparisons.front();
}

} // namespace

TEST_CASE("Combined authorities as ACOs: West Midlands splits Coventry and Warwickshire ICB, Greater Manchester's "
          "CA and ICB are identical",
          "[realdata]")
{
    (void)realdata::data_file(""); // fails clearly without the mirror
    analysis::RunOptions o;
    o.query = std::string(COTERM_QUERIES) + "/combined-authority-aco.toml";
    const analysis::RunResult r = analysis::run_query(mirror_context(), o);
    const analysis::Comparison& icb = comparison(r, "icb24");
    CHECK(icb.rule.shared);
    const Layer& fp = *r.footprints;
    const std::size_t wm = index_of(fp, "E47000007"), cw = index_of(*icb.layer, "E54000018");
    const UnitScore& west_midlands = icb.scores.a_units[wm];
    CHECK(west_midlands.relation == Relation::split);
    CHECK(std::count(west_midlands.splits.begin(), west_midlands.splits.end(), cw) == 1);
    // The ICB's total is the whole ICB: 345,318 of its 942,080 residents are in the West
    // Midlands (recomputed from the ONS lookups), the rest outside every footprint.
    const UnitScore& coventry = icb.scores.b_units[cw];
    CHECK(coventry.relation == Relation::split);
    CHECK(coventry.weight == 942080);
    CHECK(coventry.covered == 345318);
    const std::size_t gm = index_of(fp, "E47000001");
    CHECK(icb.scores.a_units[gm].relation == Relation::equal);
    CHECK(icb.layer->features[icb.scores.a_units[gm].best].code == "E54000057");
    // Population conserved: in footprints + outside = England's Census total.
    double in = 0;
    for (double p : r.population)
        in += p;
    CHECK(in == 15563593);
    CHECK(in + r.outside == 56490108);
}

TEST_CASE("Footprints built from districts give the same 13 districts split between ICBs", "[realdata]")
{
    // Each district its own footprint (grouped by itself): the footprints carry no
    // catalogue family, so the rule must come from the measured boundaries.
    const std::string query = test::write_temp(
        "districts.toml", "name = \"districts\"\ncompare = [\"icb24\"]\n[footprints]\nblocks = \"ltla24\"\n"
                          "by = \"ltla24\"\n");
    analysis::RunOptions o;
    o.query = query;
    const analysis::RunResult r = analysis::run_query(mirror_context(), o);
    REQUIRE(r.footprints->features.size() == 296);
    CHECK(r.footprints->family.empty());
    const analysis::Comparison& icb = comparison(r, "icb24");
    INFO(icb.rule.why);
    CHECK(icb.rule.shared);
    std::set<std::string> split;
    for (std::size_t i = 0; i < r.footprints->features.size(); ++i)
        if (icb.scores.a_units[i].relation == Relation::split) split.insert(r.footprints->features[i].code);
    CHECK(split.size() == 13);
    CHECK(split.count("E06000065") == 1); // North Yorkshire: 1.0 % in Lancashire and South Cumbria ICB
    CHECK(split.count("E07000244") == 1); // East Suffolk
}
