// SPDX-License-Identifier: MIT
// compare on the fixture grid (tests/fixtures/compare, derivation in
// tests/golden/DERIVATIONS.md "compare-fixture"): every figure counted by hand.
#include "analysis/compare.hpp"
#include "core/errors.hpp"
#include "io/compare_inputs.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace coterm;

namespace {

const std::string dir = std::string(COTERM_FIXTURES) + "/compare/";

const analysis::FigureRow& row(const analysis::CompareResult& r, const std::string& id)
{
    for (const auto& x : r.rows)
        if (x.id == id) return x;
    FAIL("no row " << id);
    return r.rows.front();
}

double value(const analysis::CompareResult& r, const std::string& id, std::size_t option)
{
    const auto& cell = row(r, id).cells.at(option);
    INFO(id << " option " << option << " note '" << cell.note << "'");
    REQUIRE(cell.note.empty());
    return cell.value;
}

std::string note(const analysis::CompareResult& r, const std::string& id, std::size_t option)
{
    return row(r, id).cells.at(option).note;
}

const analysis::CompareResult& fixture()
{
    static const analysis::CompareResult r = [] {
        analysis::Context ctx;
        ctx.threads = 1;
        return analysis::compare_options({{dir + "options.toml"}}, ctx);
    }();
    return r;
}

} // namespace

TEST_CASE("compare: footprints, sizes and coverage of three options on the grid", "[compare]")
{
    const auto& r = fixture();
    REQUIRE(r.options.size() == 3);
    CHECK(r.options[0].label == "halves");
    CHECK(r.title == "Fixture: halves, quarters and the west alone");
    // halves: FW 150, FE 30. quarters: Q1 100, Q2 0, Q3 50, Q4 30. west: FW 150 (W3's 30 outside).
    CHECK(value(r, "footprints", 0) == 2);
    CHECK(value(r, "footprints", 1) == 4);
    CHECK(value(r, "footprints", 2) == 1);
    CHECK(value(r, "population.min", 0) == 30);
    CHECK(value(r, "population.median", 0) == 90);
    CHECK(value(r, "population.max", 0) == 150);
    CHECK(value(r, "population.max_over_min", 0) == 5);
    CHECK(value(r, "population.median", 1) == 40); // (30 + 50) / 2
    CHECK(note(r, "population.max_over_min", 1) == "n/a (a footprint without residents)");
    CHECK(value(r, "population.covered_share", 0) == 1);
    CHECK(value(r, "population.outside", 2) == 30);
    CHECK(value(r, "population.covered_share", 2) == Approx(150.0 / 180));
}

TEST_CASE("compare: alignment with each layer, NMI and VI only where coverage is the same", "[compare]")
{
    const auto& r = fixture();
    // halves = the halves layer: both footprints equal a half.
    CHECK(value(r, "halves.geojson.unions", 0) == 2);
    CHECK(value(r, "halves.geojson.within", 0) == 2);
    CHECK(value(r, "halves.geojson.nmi", 0) == Approx(1));
    CHECK(value(r, "halves.geojson.vi", 0) == Approx(0).margin(1e-12));
    // quarters in the halves: Q1, Q3 within H-W; Q4 holds H-E's 30 residents (equal); Q2 has none.
    CHECK(value(r, "halves.geojson.unions", 1) == 1);
    CHECK(value(r, "halves.geojson.within", 1) == 3);
    CHECK(value(r, "halves.geojson.splitting", 1) == 0);
    CHECK(value(r, "halves.geojson.units_split", 1) == 0);
    // H(A) of (100, 50, 30)/180, H(B) of (150, 30)/180; A refines B: I = H(B).
    CHECK(value(r, "halves.geojson.nmi", 1) == Approx(0.6294728487835874));
    CHECK(value(r, "halves.geojson.vi", 1) == Approx(0.7652465283787413));
    // west holds 150 of the halves' 180 residents: no partition agreement.
    CHECK(note(r, "halves.geojson.nmi", 2) == analysis::coverage_differs);
    CHECK(note(r, "halves.geojson.vi", 2) == analysis::coverage_differs);
    // shifted: only the halves query compares with it.
    CHECK(value(r, "shifted.geojson.splitting", 0) == 1);                        // FW splits S1
    CHECK(value(r, "shifted.geojson.within", 0) == 1);                           // FE within S1
    CHECK(value(r, "shifted.geojson.units_split", 0) == 1);                      // S1
    CHECK(value(r, "shifted.geojson.people_in_split_units", 0) == 130);          // S1: 100 + 30
    CHECK(value(r, "shifted.geojson.people_in_splitting_footprints", 0) == 150); // FW
    CHECK(note(r, "shifted.geojson.nmi", 0) == analysis::coverage_differs);      // S1 holds 130 of 180
    CHECK(note(r, "shifted.geojson.units_split", 1) == analysis::lacks_mark);
}

TEST_CASE("compare: spread of mapped variables, per head and population-weighted, and conservation", "[compare]")
{
    const auto& r = fixture();
    // spend per head: halves FW 40/150, FE 40/30; quarters Q1 10/100, Q3 30/50, Q4 40/30 (Q2 none).
    CHECK(value(r, "spend_per_head.min", 0) == Approx(40.0 / 150));
    CHECK(value(r, "spend_per_head.max", 0) == Approx(40.0 / 30));
    CHECK(value(r, "spend_per_head.cv", 0) == Approx(2.0 / 3));
    CHECK(value(r, "spend_per_head.cv", 1) == Approx(0.7472964800027202));
    CHECK(note(r, "spend_per_head.cv", 2) == analysis::lacks_mark);
    // rate: halves 5/3 (150) and 4 (30); quarters 1 (100), 3 (50), 4 (30): the same weighted mean.
    CHECK(value(r, "rate.weighted_mean", 0) == Approx(37.0 / 18));
    CHECK(value(r, "rate.weighted_mean", 1) == Approx(37.0 / 18));
    CHECK(value(r, "rate.weighted_sd", 0) == Approx(0.8695819912499182));
    CHECK(value(r, "rate.weighted_sd", 1) == Approx(1.2234841969747356));
    CHECK(value(r, "rate.cv", 1) == Approx(0.46770717334674267));
    // conservation of spend: 100 in the quarters, 80 in footprints, Q2's 20 outside.
    CHECK(value(r, "spend.sum_in", 0) == 100);
    CHECK(value(r, "spend.sum_out", 0) == 80);
    CHECK(value(r, "spend.outside", 0) == 20);
    CHECK(value(r, "spend.sum_out", 1) == 80);
    // gbp per head (points): FW 100.5/150, FE 207/30.
    CHECK(value(r, "gbp_per_head.cv", 0) == Approx(0.8229854689564069));
    CHECK(value(r, "gbp.sum_in", 0) == Approx(308.5));
    CHECK(r.differences.empty());
}

TEST_CASE("compare refuses options on different weights, missing inputs and folders that are not runs", "[compare]")
{
    analysis::Context ctx;
    CHECK_THROWS_AS(analysis::compare_options({{dir + "quarters.toml", dir + "other_weights.toml"}}, ctx), UsageError);
    CHECK_THROWS_WITH(analysis::compare_options({{dir + "quarters.toml", dir + "other_weights.toml"}}, ctx),
                      Catch::Contains("must share the small-area weights"));
    CHECK_THROWS_WITH(analysis::resolve_compare_inputs({{dir + "nothing-here"}}), Catch::Contains("does not exist"));
    CHECK_THROWS_WITH(analysis::resolve_compare_inputs({{dir}}), Catch::Contains("is not a coterm run folder"));
    CHECK_THROWS_WITH(analysis::resolve_compare_inputs({{dir + "options.toml", dir + "west.toml"}}),
                      Catch::Contains("is an options file: give it alone"));
}

TEST_CASE("A run folder's marker records its query relative to the folder", "[compare]")
{
    namespace fs = std::filesystem;
    const fs::path tmp = fs::temp_directory_path() / ("coterm-test-compare-" + std::to_string(::getpid()));
    fs::create_directories(tmp / "out" / "run");
    const std::string record = io::query_record(tmp / "out" / "run", (tmp / "q" / "a.toml").string());
    CHECK(record == "query: ../../q/a.toml\n");
    {
        std::ofstream m(tmp / "out" / "run" / ".coterm-run");
        m << "coterm run folder: x\n" << record;
    }
    CHECK(io::run_folder_query(tmp / "out" / "run") == (tmp / "q" / "a.toml").string());
    std::ofstream(tmp / "out" / "run" / ".coterm-run") << "coterm run folder: x\n";
    CHECK_THROWS_WITH(io::run_folder_query(tmp / "out" / "run"), Catch::Contains("records no query"));
    fs::remove_all(tmp);
}

TEST_CASE("compare: a variable declared otherwise by an option is not mixed into the first option's rows", "[compare]")
{
    analysis::Context ctx;
    ctx.threads = 1;
    // halves: spend money (per head), rate intensive; quarters_declared: both plain totals.
    const auto r = analysis::compare_options(
        {{std::string(COTERM_FIXTURES) + "/query/halves.toml", dir + "quarters_declared.toml"}}, ctx);
    // spend: per head for the halves; the quarters' totals are not per-head figures.
    CHECK(value(r, "spend_per_head.min", 0) == Approx(40.0 / 150));
    CHECK(note(r, "spend_per_head.min", 1) == analysis::declared_differently);
    CHECK(note(r, "spend_per_head.cv", 1) == analysis::declared_differently);
    // Both sum spend, so its conservation compares: 100 in, 80 in footprints, 20 outside in each.
    CHECK(value(r, "spend.sum_out", 1) == 80);
    CHECK(value(r, "spend.outside", 1) == 20);
    // rate: a rate for the halves, a total for the quarters: no weighted spread of a total.
    CHECK(value(r, "rate.weighted_sd", 0) == Approx(0.8695819912499182));
    CHECK(note(r, "rate.weighted_sd", 1) == analysis::declared_differently);
    CHECK(note(r, "rate.max", 1) == analysis::declared_differently);
    // Both differences are named, each option with its treatment.
    REQUIRE(r.differences.size() == 2);
    CHECK_THAT(r.differences[0], Catch::Contains("`spend` is declared differently (fixture-halves: per head; "
                                                 "fixture-quarters-declared: a total)"));
    CHECK_THAT(r.differences[1], Catch::Contains("`rate` is declared differently (fixture-halves: a rate; "
                                                 "fixture-quarters-declared: a total)"));
}

TEST_CASE("compare: a variable from another file differs, the same file by another relative path does not", "[compare]")
{
    analysis::Context ctx;
    ctx.threads = 1;
    // halves.toml (fixtures/query) maps spend and rate from "../quarter_values.csv", i.e.
    // fixtures/quarter_values.csv; other/quarters_other_file.toml writes the same
    // "../quarter_values.csv" for spend, which from its folder is compare/quarter_values.csv,
    // and "../../quarter_values.csv" (the halves' file) for rate.
    const auto r = analysis::compare_options(
        {{std::string(COTERM_FIXTURES) + "/query/halves.toml", dir + "other/quarters_other_file.toml"}}, ctx);
    REQUIRE(r.differences.size() == 1);
    CHECK_THAT(r.differences[0], Catch::StartsWith("`spend` comes from different files or periods (fixture-halves: "
                                                   "../quarter_values.csv (beside halves.toml); "
                                                   "fixture-quarters-other-file: ../quarter_values.csv (beside "
                                                   "quarters_other_file.toml))"));
    // Different files are still compared (the figures are there), the difference is stated.
    CHECK(value(r, "spend.sum_in", 1) == 100);
}
