// SPDX-License-Identifier: MIT
// certain_candidate repeats PROJ 9.1's choice among a set of operations
// (pj_get_suggested_operation in src/4D_api.cpp): for each point, the first operation
// in PROJ's order whose area holds it, replaced by a later one that holds it, has a
// known accuracy, is not offshore, and is more accurate (or as accurate and strictly
// inside). These lists are made by hand so each rule is seen deciding.
#include "core/proj_candidates.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

namespace {

CandidateOperation op(const std::string& name, double w, double s, double e, double n, double accuracy,
                      bool offshore = false)
{
    return CandidateOperation{"+proj=" + name, w, s, e, n, accuracy, offshore};
}

OperationCandidates list(std::vector<CandidateOperation> ops)
{
    OperationCandidates c;
    c.kind = OperationCandidates::Kind::candidates;
    c.ops = std::move(ops);
    return c;
}

// PROJ 9.1's answer for EPSG:4326 -> EPSG:27700 without grids: areas and accuracies as
// proj_create_operations lists them (see docs/performance.md).
OperationCandidates wgs84_to_bng()
{
    return list({op("gb6", -8.82, 49.79, 1.92, 60.94, 2), op("gb1", -8.82, 49.79, 1.92, 60.94, 21),
                 op("england", -6.5, 49.81, 1.84, 55.85, 10), op("ew", -6.5, 49.81, 1.84, 55.85, 21),
                 op("scotland", -8.74, 54.57, -0.65, 60.9, 18), op("wales", -5.34, 51.28, -2.65, 53.48, 35),
                 op("wytch", -2.2, 50.53, -1.68, 50.8, 3), op("ballpark", -180, -90, 180, 90, -1)});
}

} // namespace

TEST_CASE("England's whole extent goes to the 2 m Helmert operation, whatever smaller areas it meets")
{
    // Wales, Scotland and Wytch Farm meet the box but are each less accurate than 2 m.
    CHECK(certain_candidate(wgs84_to_bng(), -6.42, 49.86, 1.77, 55.82) == 0);
    CHECK(certain_candidate(wgs84_to_bng(), -2.0, 50.6, -1.9, 50.7) == 0); // inside Wytch Farm (3 m)
}

TEST_CASE("A box not inside one operation's area, or with points PROJ gives elsewhere, is not certain")
{
    // Straddles the 2 m operation's eastern edge (1.92): points east of it go to the
    // ballpark, points west to the Helmert one.
    CHECK(certain_candidate(wgs84_to_bng(), 1.5, 51.0, 2.5, 51.5) == -1);
    // Within 1e-7 degrees of the edge counts as straddling (PROJ's areas are rounded).
    CHECK(certain_candidate(wgs84_to_bng(), 1.0, 51.0, 1.92 - 5e-8, 51.5) == -1);
    CHECK(certain_candidate(wgs84_to_bng(), 1.0, 51.0, 1.92 - 2e-7, 51.5) == 0);
    CHECK(certain_candidate(wgs84_to_bng(), 0, 0, std::nan(""), 1) == -1);
}

TEST_CASE("A box only the ballpark covers goes to the ballpark, as PROJ's first match")
{
    CHECK(certain_candidate(wgs84_to_bng(), 2.2, 48.7, 2.5, 48.9) == 7); // Paris
}

TEST_CASE("A first operation of unknown accuracy is never replaced (PROJ keeps -1 as the best)")
{
    auto c = list({op("ballpark", -180, -90, 180, 90, -1), op("precise", 0, 0, 10, 10, 1)});
    CHECK(certain_candidate(c, 1, 1, 2, 2) == 0);
}

TEST_CASE("Equal accuracy: a strictly smaller area later in the list wins; a shared edge is not strictly inside")
{
    auto c = list({op("big", 0, 0, 10, 10, 5), op("small", 1, 1, 9, 9, 5)});
    CHECK(certain_candidate(c, 2, 2, 3, 3) == 1);
    auto shared = list({op("big", 0, 0, 10, 10, 5), op("edge", 0, 1, 9, 9, 5)});
    CHECK(certain_candidate(shared, 2, 2, 3, 3) == 0);
}

TEST_CASE("An offshore operation never replaces an earlier one, however accurate")
{
    auto c = list({op("onshore", 0, 0, 10, 10, 5), op("offshore", 0, 0, 10, 10, 1, true)});
    CHECK(certain_candidate(c, 2, 2, 3, 3) == 0);
    // First in the list it is chosen first, and then replaced by the better onshore one.
    auto first = list({op("offshore", 0, 0, 10, 10, 9, true), op("onshore", 0, 0, 10, 10, 5)});
    CHECK(certain_candidate(first, 2, 2, 3, 3) == 1);
}

TEST_CASE("An operation without a PROJ string is never chosen, and makes its box uncertain")
{
    auto c = list({op("a", 0, 0, 10, 10, 1), op("b", 0, 0, 10, 10, 5)});
    c.ops[0].definition.clear();
    CHECK(certain_candidate(c, 2, 2, 3, 3) == -1);
}

TEST_CASE("A sole operation is used everywhere; same and full lists choose nothing")
{
    auto sole = list({op("only", 0, 0, 1, 1, 3)});
    sole.sole = true;
    CHECK(certain_candidate(sole, 50, 50, 60, 60) == 0);
    OperationCandidates same;
    same.kind = OperationCandidates::Kind::same;
    CHECK(certain_candidate(same, 0, 0, 1, 1) == -1);
    CHECK(certain_candidate(OperationCandidates{}, 0, 0, 1, 1) == -1);
}

TEST_CASE("Candidates survive their text form exactly; anything else in the text is a miss")
{
    auto c = wgs84_to_bng();
    c.ops[3].offshore = true;
    c.ops[2].west = 0.1 + 0.2; // not a short decimal
    const auto back = parse_operation_candidates(serialise(c));
    REQUIRE(back);
    REQUIRE(back->ops.size() == c.ops.size());
    for (std::size_t i = 0; i < c.ops.size(); ++i) {
        CHECK(back->ops[i].definition == c.ops[i].definition);
        CHECK(back->ops[i].west == c.ops[i].west);
        CHECK(back->ops[i].north == c.ops[i].north);
        CHECK(back->ops[i].accuracy == c.ops[i].accuracy);
        CHECK(back->ops[i].offshore == c.ops[i].offshore);
    }
    OperationCandidates same;
    same.kind = OperationCandidates::Kind::same;
    CHECK(parse_operation_candidates(serialise(same))->kind == OperationCandidates::Kind::same);
    CHECK_FALSE(parse_operation_candidates(""));
    CHECK_FALSE(parse_operation_candidates("coterm proj operations 1\ncandidates\n"));              // no ops
    CHECK_FALSE(parse_operation_candidates("coterm proj operations 2\nsame\n"));                    // version
    CHECK_FALSE(parse_operation_candidates("coterm proj operations 1\ncandidates\nop\t1\t2\t3\n")); // short
    CHECK_FALSE(
        parse_operation_candidates("coterm proj operations 1\ncandidates\nop\t5\t0\t1\t1\t1\t0\tx\n")); // west > east
    CHECK_FALSE(parse_operation_candidates("coterm proj operations 1\nsame\nop\t0\t0\t1\t1\t1\t0\tx\n"));
}
