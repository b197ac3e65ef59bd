// SPDX-License-Identifier: MIT
// compare on the mirror: the shipped options appraisal and the mayoral areas' coverage
// of England, each figure checked against a count made outside coterm (python on the
// ONS lookups and the Census file; queries/mayoral-areas.md).
#include "analysis/compare.hpp"
#include "realdata.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace coterm;

namespace {

analysis::Context mirror()
{
    return analysis::make_context(std::getenv("COTERM_DATA") ? std::getenv("COTERM_DATA") : "", 0, false);
}

const analysis::FigureCell& cell(const analysis::CompareResult& r, const std::string& id, std::size_t k)
{
    for (const auto& row : r.rows)
        if (row.id == id) return row.cells.at(k);
    FAIL("no row " << id);
    return r.rows.front().cells.front();
}

double value(const analysis::CompareResult& r, const std::string& id, std::size_t k)
{
    const auto& c = cell(r, id, k);
    INFO(id << " option " << k << ": " << c.note);
    REQUIRE(c.note.empty());
    return c.value;
}

} // namespace

TEST_CASE("Mayoral areas of 2023 and London cover 41.1 % of England's Census 2021 population", "[realdata]")
{
    (void)realdata::data_file("");
    const auto r = analysis::compare_options({{std::string(COTERM_QUERIES) + "/mayoral-areas.toml"}}, mirror());
    CHECK(value(r, "footprints", 0) == 10);
    // python: 82 districts of the lookup (without North East, E47000010) and the 33 E09 boroughs.
    CHECK(value(r, "population.in_footprints", 0) == 23223219);
    CHECK(value(r, "population.outside", 0) == 56490108 - 23223219);
    CHECK(value(r, "population.covered_share", 0) == Approx(23223219.0 / 56490108).epsilon(1e-12));
    // Partial coverage: no partition agreement with ICBs.
    CHECK(cell(r, "icb24.nmi", 0).note == analysis::coverage_differs);
}

TEST_CASE("The shipped options appraisal: status quo ICBs, CA ACO with councils, the split model", "[realdata]")
{
    (void)realdata::data_file("");
    const auto r =
        analysis::compare_options({{std::string(COTERM_QUERIES) + "/options-health-devolution.toml"}}, mirror());
    REQUIRE(r.options.size() == 3);
    CHECK(r.weights_label == "lsoa21 usual_residents");
    CHECK(value(r, "footprints", 0) == 42);
    CHECK(value(r, "footprints", 1) == 114); // 10 CAs + 104 upper-tier councils outside them (python, 2023 lookups)
    CHECK(value(r, "footprints", 2) == 153);
    for (std::size_t k = 0; k < 3; ++k) {
        CHECK(value(r, "population.in_footprints", k) == 56490108);
        CHECK(value(r, "population.covered_share", k) == 1);
    }
    // Status quo against districts and councils, recomputed in python from the ONS
    // LSOA→ICB and LSOA→district lookups, district→UTLA 2023 and the Census LSOA file:
    // 13 districts (2,899,337 residents) and 10 councils (8,462,676) split between ICBs.
    CHECK(value(r, "ltla24.units_split", 0) == 13);
    CHECK(value(r, "ltla24.people_in_split_units", 0) == 2899337);
    CHECK(value(r, "ltla24.nmi", 0) == Approx(0.792572935469676).epsilon(1e-9));
    CHECK(value(r, "ltla24.vi", 0) == Approx(2.739377798733276).epsilon(1e-9));
    CHECK(value(r, "utla23.units_split", 0) == 10);
    CHECK(value(r, "utla23.people_in_split_units", 0) == 8462676);
    CHECK(value(r, "utla23.nmi", 0) == Approx(0.8486952942984833).epsilon(1e-9));
    // The same pair seen from the other side: ICBs against councils (split model) mirror
    // councils against ICBs (status quo): the two directions swap, NMI and VI are symmetric.
    CHECK(value(r, "icb24.people_in_splitting_footprints", 2) == value(r, "utla23.people_in_split_units", 0));
    CHECK(value(r, "icb24.people_in_split_units", 2) == value(r, "utla23.people_in_splitting_footprints", 0));
    CHECK(value(r, "icb24.nmi", 2) == Approx(value(r, "utla23.nmi", 0)));
    CHECK(value(r, "icb24.vi", 2) == Approx(value(r, "utla23.vi", 0)));
    // Built from whole districts: no district split, every footprint a union of districts.
    CHECK(value(r, "ltla24.units_split", 1) == 0);
    CHECK(value(r, "ltla24.unions", 1) == 114);
    CHECK(cell(r, "ltla24.units_split", 2).note == analysis::lacks_mark);
    // Councils and CA footprints cover England; combined authorities alone do not.
    CHECK(value(r, "utla23.nmi", 1) > 0.9);
    CHECK(cell(r, "cauth23.nmi", 2).note == analysis::coverage_differs);
    // The split model's councils are whole upper-tier councils: their own layer's units are never split.
    CHECK(cell(r, "utla23.units_split", 2).note == analysis::lacks_mark);
    // GP payments are conserved in every option that maps them.
    for (std::size_t k = 0; k < 3; ++k)
        CHECK(value(r, "total_payments_gbp.sum_in", k) ==
              Approx(value(r, "total_payments_gbp.sum_out", k) + value(r, "total_payments_gbp.outside", k)));
}
