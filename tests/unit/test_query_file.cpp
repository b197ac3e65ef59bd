// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/query_file.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace coterm;
using coterm::test::write_temp;

// namespace

TEST_CASE("A query names its footprints, comparisons and data")
{
    const auto path = write_temp("q_ok.toml", "name = \"x\"\ncompare = [\"icb24\"]\n[footprints]\nblocks = \"ltla24\"\n"
                                              "by = \"cauth23\"\n[[data]]\ndata = \"d.csv\"\nfrom = \"ltla24\"\n"
                                              "var = \"pop\"\nextensive = [\"pop\"]\n");
    const io::Query q = io::read_query(path);
    CHECK(q.name == "x");
    CHECK(q.compare == std::vector<std::string>{"icb24"});
    CHECK(q.blocks == "ltla24");
    CHECK(q.by == "cauth23");
    REQUIRE(q.data.size() == 1);
    CHECK(q.data[0].var == std::vector<std::string>{"pop"});
    CHECK(q.tolerance == 0.99);
}

TEST_CASE("Query mistakes are errors naming the key and the file")
{
    CHECK_THROWS_WITH(io::read_query(write_temp("q1.toml", "name = \"x\"\n[footprints]\nlayr = \"icb24\"\n")),
                      "q1.toml: [footprints]: unknown key 'layr' (did you mean 'layer'?)");
    CHECK_THROWS_WITH(io::read_query(write_temp("q2.toml", "[footprints]\nlayer = \"icb24\"\n")),
                      "q2.toml: missing key 'name'");
    CHECK_THROWS_AS(
        io::read_query(write_temp("q3.toml", "name = \"x\"\n[footprints]\nlayer = \"a\"\nblocks = \"b\"\n")),
        UsageError);
    CHECK_THROWS_WITH(io::read_query(write_temp("q4.toml", "name = \"x\"\n[footprints]\nlayer = \"a\"\n[[data]]\n"
                                                           "data = \"d.csv\"\n")),
                      Catch::Matchers::Contains("missing key 'from'"));
}
