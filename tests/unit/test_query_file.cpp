// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/query_file.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace coterm;
using coterm::test::write_temp;

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
    const std::string q1 = write_temp("q1.toml", "name = \"x\"\n[footprints]\nlayr = \"icb24\"\n");
    CHECK_THROWS_WITH(io::read_query(q1), q1 + ": [footprints]: unknown key 'layr' (did you mean 'layer'?)");
    const std::string q2 = write_temp("q2.toml", "[footprints]\nlayer = \"icb24\"\n");
    CHECK_THROWS_WITH(io::read_query(q2), q2 + ": missing key 'name'");
    const std::string q5 = write_temp("q5.toml", "name = \"x\"\nsimplify = -5\n[footprints]\nlayer = \"a\"\n");
    CHECK_THROWS_WITH(io::read_query(q5), q5 + ": 'simplify' must be a number of metres, 0 or more");
    CHECK_THROWS_AS(
        io::read_query(write_temp("q3.toml", "name = \"x\"\n[footprints]\nlayer = \"a\"\nblocks = \"b\"\n")),
        UsageError);
    CHECK_THROWS_WITH(io::read_query(write_temp("q4.toml", "name = \"x\"\n[footprints]\nlayer = \"a\"\n[[data]]\n"
                                                           "data = \"d.csv\"\n")),
                      Catch::Matchers::Contains("missing key 'from'"));
}

TEST_CASE("A query file that is not UTF-8 is refused before the TOML parser sees it")
{
    // toml++ 3.3 has undefined behaviour on some invalid UTF-8 (found by fuzzing).
    const std::string q = write_temp("q_utf8.toml", "name = \"x\"\ndata =\xCB\xA1\xE0\x80\n");
    CHECK_THROWS_WITH(io::read_query(q), q + ": invalid UTF-8 at byte 19; query files are UTF-8 text");
    CHECK_THROWS_AS(io::parse_query("title = \"Caf\xE9\"", "inline.toml"), UsageError);
}
