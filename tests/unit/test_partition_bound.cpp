// SPDX-License-Identifier: MIT
// Lower bounds of the propose objective (docs/methods.md §16.5) on the 4×4 grid of
// test_partition.cpp: one person per block, unit 0 = columns 0-1, unit 1 = columns 2-3.
#include "core/partition_bound.hpp"
#include "core/partition_graph.hpp"
#include "core/partition_search.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

namespace {

PartitionProblem halves_problem(std::size_t count)
{
    std::vector<std::pair<std::string, std::string>> f;
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            f.push_back({"R" + std::to_string(r) + "C" + std::to_string(c),
                         test::box(c * 1000.0, r * 1000.0, (c + 1) * 1000.0, (r + 1) * 1000.0)});
    PartitionProblem p;
    p.population.assign(16, 1.0);
    p.neighbours = block_graph(test::make_layer("grid", f), {}).neighbours;
    std::vector<std::size_t> block_of, unit_of;
    for (std::size_t b = 0; b < 16; ++b)
        block_of.push_back(b), unit_of.push_back(b % 4 < 2 ? 0 : 1);
    p.layers = {unit_matrix(block_of, unit_of, std::vector<double>(16, 1.0), 16, 2)};
    p.weights = {1.0};
    p.count_min = p.count_max = count;
    p.nest.assign(16, 0);
    p.fixed.assign(16, 0);
    return p;
}

} // namespace

TEST_CASE("Counting bound: K footprints from c linked groups cut K − c smallest pieces")
{
    CHECK(count_lower_bound(halves_problem(2)) == 0); // the halves themselves
    CHECK(count_lower_bound(halves_problem(3)) == 1); // one block cut off a half
    CHECK(count_lower_bound(halves_problem(5)) == 3);
    PartitionProblem p = halves_problem(4);
    p.weights = {2.5};
    CHECK(count_lower_bound(p) == 5.0); // two one-person pieces at weight 2.5
    p.weights = {0.0};
    CHECK(count_lower_bound(p) == 0); // no weighted layer, nothing to cut
}

TEST_CASE("The exact model proves an optimum that the other bounds miss")
{
    // Three footprints of at least 5 people: a half (8) cannot be split 5 + 3, so the
    // best is 6 + 5 + (2 + 3): 5 people outside their half's main footprint.
    PartitionProblem p = halves_problem(3);
    p.pop_min = 5;
    CHECK(misplaced_lower_bounds(p) == std::vector<double>{0.0});
    CHECK(count_lower_bound(p) == 1);
    const MipBound m = mip_lower_bound(p, 1000, 60);
    REQUIRE(m.run);
    CHECK(m.optimal);
    CHECK_FALSE(m.infeasible);
    CHECK(m.bound == Approx(5.0).margin(1e-3));
    CHECK(m.bound <= 5.0);
    SearchOptions o;
    o.restarts = 8;
    const Solution s = search_partitions(p, o).solutions.at(0);
    CHECK(s.violation == 0);
    CHECK(s.objective == 5.0); // the heuristic reaches the bound: proven optimal
    // Deterministic: the same model gives the same bound.
    CHECK(mip_lower_bound(p, 1000, 60).bound == m.bound);
}

TEST_CASE("The exact model reports infeasible floors and is skipped above its size limit")
{
    PartitionProblem p = halves_problem(3);
    p.pop_min = 6; // 3 × 6 > 16 people
    const MipBound m = mip_lower_bound(p, 1000, 60);
    CHECK(m.run);
    CHECK(m.infeasible);
    const MipBound skipped = mip_lower_bound(halves_problem(3), 1000, 10);
    CHECK_FALSE(skipped.run);
    CHECK(skipped.bound == 0);
    CHECK(skipped.status.find("16 groups") != std::string::npos);
    CHECK_FALSE(mip_lower_bound(halves_problem(3), 0, 60).run);
}
