// SPDX-License-Identifier: MIT
// The [propose] table of a query file (io/query_propose.cpp).
#include "core/errors.hpp"
#include "io/query_file.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using coterm::test::write_temp;

TEST_CASE("A [propose] table gives the keys of coterm propose, and no [footprints] is needed")
{
    const auto path = write_temp("p_ok.toml", "name = \"m\"\n[propose]\nblocks = \"utla23\"\ncount = 26\n"
                                              "pop-min = 1200000\npop-max = 3e6\nkeep-whole = [\"cauth23\"]\n"
                                              "split-layers = [\"pfa24\", \"fra24\"]\nfrom = \"icb24\"\n"
                                              "term-weights = { from = 2, pfa24 = 0.5 }\nseed = 7\neffort = 3\n"
                                              "crossing = 0\n");
    const io::Query q = io::read_query(path);
    REQUIRE(q.propose);
    const io::ProposeQuery& p = *q.propose;
    CHECK(p.blocks == "utla23");
    CHECK(p.count == 26u);
    CHECK_FALSE(p.count_min);
    CHECK(p.pop_min == 1200000.0);
    CHECK(p.pop_max == 3e6);
    CHECK(p.keep_whole == std::vector<std::string>{"cauth23"});
    CHECK(p.split_layers == std::vector<std::string>{"pfa24", "fra24"});
    CHECK(p.from == "icb24");
    CHECK(p.term_weights == std::map<std::string, double>{{"from", 2.0}, {"pfa24", 0.5}});
    CHECK(p.seed == 7u);
    CHECK(p.effort == 3u);
    CHECK(p.crossing == 0.0);
}

TEST_CASE("[propose] mistakes are errors naming the key")
{
    const auto p1 = write_temp("p1.toml", "name = \"m\"\n[propose]\nblocks = \"utla23\"\ncuont = 3\n");
    CHECK_THROWS_WITH(io::read_query(p1), p1 + ": [propose]: unknown key 'cuont' (did you mean 'count'?)");
    const auto p2 = write_temp("p2.toml", "name = \"m\"\n[propose]\ncount = 3\n");
    CHECK_THROWS_WITH(io::read_query(p2), p2 + ": [propose]: missing key 'blocks'");
    const auto p3 = write_temp("p3.toml", "name = \"m\"\n[propose]\nblocks = \"b\"\ncount = 2.5\n");
    CHECK_THROWS_WITH(io::read_query(p3), p3 + ": [propose]: 'count' must be a whole number");
    const auto p4 = write_temp("p4.toml", "name = \"m\"\n[propose]\nblocks = \"b\"\nterm-weights = 3\n");
    CHECK_THROWS_AS(io::read_query(p4), UsageError);
}
