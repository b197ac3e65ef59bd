// SPDX-License-Identifier: MIT
// The propose engine on a 4×4 grid of 1 km blocks, one person per block unless stated:
// block (row, col) has index 4·row + col (codes "R<row>C<col>" sort that way).
#include "core/partition_graph.hpp"
#include "core/partition_problem.hpp"
#include "core/partition_random.hpp"
#include "core/partition_search.hpp"
#include "core/partition_state.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace coterm;

namespace {

Layer grid(bool with_island = false)
{
    std::vector<std::pair<std::string, std::string>> f;
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            f.push_back({"R" + std::to_string(r) + "C" + std::to_string(c),
                         test::box(c * 1000.0, r * 1000.0, (c + 1) * 1000.0, (r + 1) * 1000.0)});
    if (with_island) f.push_back({"Z", test::box(6000, 3500, 7000, 4500)}); // 2 km east of R3C3
    return test::make_layer("grid", f);
}

/// One small area per block; unit of each block from `unit_of_block`.
UnitMatrix matrix(const std::vector<std::size_t>& unit_of_block, std::size_t units,
                  const std::vector<double>& people = {})
{
    std::vector<std::size_t> block_of;
    for (std::size_t b = 0; b < unit_of_block.size(); ++b)
        block_of.push_back(b);
    std::vector<double> values = people.empty() ? std::vector<double>(unit_of_block.size(), 1.0) : people;
    return unit_matrix(block_of, unit_of_block, values, unit_of_block.size(), units);
}

std::vector<std::size_t> halves_lr() // unit 0 = columns 0-1, unit 1 = columns 2-3
{
    std::vector<std::size_t> u;
    for (std::size_t b = 0; b < 16; ++b)
        u.push_back(b % 4 < 2 ? 0 : 1);
    return u;
}

PartitionProblem problem(std::size_t count)
{
    const Layer g = grid();
    PartitionProblem p;
    p.population.assign(16, 1.0);
    p.neighbours = block_graph(g, {}).neighbours;
    p.layers = {matrix(halves_lr(), 2)};
    p.weights = {1.0};
    p.count_min = p.count_max = count;
    p.nest.assign(16, 0);
    p.fixed.assign(16, 0);
    return p;
}

} // namespace

TEST_CASE("Grid blocks are adjacent across shared edges, not at corners")
{
    const Layer g = grid();
    const auto shared = shared_boundaries(g);
    CHECK(shared.size() == 24); // 4 rows × 3 + 4 columns × 3
    for (const auto& s : shared)
        CHECK(s.length_m == Approx(1000.0));
    const BlockGraph graph = block_graph(g, {});
    CHECK(graph.neighbours[0] == std::vector<std::size_t>{1, 4});
    CHECK(graph.neighbours[5] == std::vector<std::size_t>{1, 4, 6, 9});
    CHECK(graph.links.empty());
}

TEST_CASE("An island joins its nearest block, unless an adjacency pair joins it")
{
    const Layer g = grid(true);
    const BlockGraph graph = block_graph(g, {});
    REQUIRE(graph.links.size() == 1);
    CHECK(graph.links[0].island == 16);
    CHECK(graph.links[0].mainland == 15); // R3C3, 2 km away
    CHECK(graph.links[0].distance_m == Approx(2000.0));
    const BlockGraph given = block_graph(g, {{16, 3}});
    CHECK(given.links.empty());
    CHECK(given.neighbours[16] == std::vector<std::size_t>{3});
}

TEST_CASE("Contiguity: a row is connected, two opposite corners are not")
{
    const auto n = block_graph(grid(), {}).neighbours;
    CHECK(is_connected(n, {0, 1, 2, 3}));
    CHECK(is_connected(n, {3, 0, 2, 1}));
    CHECK_FALSE(is_connected(n, {0, 15}));
    CHECK_FALSE(is_connected(n, {0, 5})); // diagonal neighbours touch at a point only
    CHECK_FALSE(is_connected(n, {}));
    CHECK(connected_components(n).size() == 1);
}

TEST_CASE("The incremental objective equals a full recomputation after random moves")
{
    PartitionProblem p = problem(4);
    p.layers.push_back(
        matrix({0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3}, 4, {5, 1, 2, 7, 3, 3, 1, 1, 9, 2, 4, 4, 6, 1, 1, 8}));
    p.weights = {1.0, 2.5};
    p.balance_weight = 0.5;
    p.pop_min = 3;
    p.pop_max = 6;
    std::vector<std::size_t> start(16);
    for (std::size_t b = 0; b < 16; ++b)
        start[b] = b / 4; // rows
    PartitionState s(p, start, 4);
    Rng rng(stream_seed(7, 0));
    for (int i = 0; i < 200; ++i) {
        const std::size_t a = random_index(rng, 16), to = random_index(rng, 4);
        const double before = s.score(), delta = s.delta_move(a, to);
        s.move(a, to);
        CHECK(s.score() - before == Approx(delta).margin(1e-9));
        const auto full = objective_terms(p, s.region_of(), 4);
        const auto terms = s.terms();
        REQUIRE(terms.size() == full.size());
        for (std::size_t t = 0; t < full.size(); ++t)
            CHECK(terms[t] == Approx(full[t]).margin(1e-9));
    }
}

TEST_CASE("Two footprints that split no half: the search finds the halves")
{
    const PartitionProblem p = problem(2);
    SearchOptions o;
    o.restarts = 4;
    const SearchResult r = search_partitions(p, o);
    REQUIRE(r.solutions.size() == 1);
    const Solution& s = r.solutions[0];
    CHECK(s.objective == 0);
    CHECK(s.regions == 2);
    for (std::size_t b = 0; b < 16; ++b)
        CHECK(s.region_of[b] == halves_lr()[b]);
}

TEST_CASE("Nesting forces splits: the lower bound is met by the quadrants")
{
    PartitionProblem p = problem(4);
    for (std::size_t b = 0; b < 16; ++b)
        p.nest[b] = b < 8 ? 0 : 1; // top and bottom halves
    // each left/right half (8 people) has 4 in each nesting half: 4 misplaced per unit
    CHECK(misplaced_lower_bounds(p) == std::vector<double>{8.0});
    SearchOptions o;
    o.restarts = 3;
    const Solution s = search_partitions(p, o).solutions.at(0);
    CHECK(s.terms[0] == 8.0);
    for (std::size_t b = 0; b < 16; ++b) // never across the nesting halves
        for (std::size_t c = 0; c < 16; ++c)
            if (s.region_of[b] == s.region_of[c]) CHECK(p.nest[b] == p.nest[c]);
}

TEST_CASE("A ceiling below the halves' size forces the bound up and is met")
{
    PartitionProblem p = problem(4);
    p.pop_max = 4;
    CHECK(misplaced_lower_bounds(p) == std::vector<double>{8.0}); // 8 − 4 per half
    SearchOptions o;
    o.restarts = 4;
    const Solution s = search_partitions(p, o).solutions.at(0);
    CHECK(s.violation == 0);
    CHECK(s.terms[0] == 8.0);
    const auto n = p.neighbours;
    for (std::size_t r = 0; r < 4; ++r) {
        std::vector<std::size_t> members;
        for (std::size_t b = 0; b < 16; ++b)
            if (s.region_of[b] == r) members.push_back(b);
        CHECK(members.size() == 4);
        CHECK(is_connected(n, members));
    }
}

TEST_CASE("The greedy phase fails when the ceiling leaves too many footprints")
{
    PartitionProblem p = problem(2);
    p.pop_max = 5; // 16 people need at least 4 footprints
    SearchOptions o;
    o.restarts = 2;
    const SearchResult r = search_partitions(p, o);
    CHECK(r.solutions.empty());
    CHECK(r.failed_restarts == 2);
    CHECK(r.fewest_regions >= 4);
}

TEST_CASE("The search gives the same answer on one thread and on four")
{
    PartitionProblem p = problem(3);
    p.balance_weight = 1;
    p.pop_max = 7;
    SearchOptions o;
    o.restarts = 6;
    o.options = 3;
    o.seed = 42;
    o.threads = 1;
    const SearchResult one = search_partitions(p, o);
    o.threads = 4;
    const SearchResult four = search_partitions(p, o);
    REQUIRE(one.solutions.size() == four.solutions.size());
    for (std::size_t i = 0; i < one.solutions.size(); ++i)
        CHECK(one.solutions[i].region_of == four.solutions[i].region_of);
    CHECK(one.restart_scores == four.restart_scores);
}

TEST_CASE("Random regions are contiguous and cover every block")
{
    PartitionProblem p = problem(3);
    const auto region = random_regions(p, 3);
    REQUIRE(region.size() == 16);
    for (std::size_t r = 0; r < 3; ++r) {
        std::vector<std::size_t> members;
        for (std::size_t b = 0; b < 16; ++b)
            if (region[b] == r) members.push_back(b);
        CHECK(is_connected(p.neighbours, members));
    }
}

TEST_CASE("Blocks facing each other across water are adjacent; across a third block they are not")
{
    // A and B: 500 m of water between them. C and D: 500 m apart, but E fills the gap
    // (C–E–D share edges). A–C and B–D: 1 km apart.
    const Layer l = test::make_layer("water", {{"A", test::box(0, 0, 1000, 1000)},
                                               {"B", test::box(1500, 0, 2500, 1000)},
                                               {"C", test::box(0, 2000, 1000, 3000)},
                                               {"D", test::box(1500, 2000, 2500, 3000)},
                                               {"E", test::box(1000, 2000, 1500, 3000)}});
    const BlockGraph none = block_graph(l, {}, 0);
    CHECK(none.crossings.empty());
    REQUIRE(none.links.size() == 2); // without crossings, A and B are islands
    const BlockGraph g = block_graph(l, {}, 600);
    REQUIRE(g.crossings.size() == 1);
    CHECK(g.crossings[0].island == 0);
    CHECK(g.crossings[0].mainland == 1);
    CHECK(g.crossings[0].distance_m == Approx(500.0));
    REQUIRE(g.links.size() == 1); // {A, B} joins the rest by the island rule: A–C, 1 km (ties: lowest codes)
    CHECK(g.links[0].island == 0);
    CHECK(g.links[0].mainland == 2);
    CHECK(g.links[0].distance_m == Approx(1000.0));
    CHECK(g.neighbours[2] == std::vector<std::size_t>{0, 4}); // C: A by the island link, E; not D
}
