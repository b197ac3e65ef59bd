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
    CHECK(q.tolerance < 0); // decided from the data unless the query sets it
    CHECK(q.min_coverage == 0.5);
    CHECK(q.data[0].per == "residents");
}

TEST_CASE("Query mistakes are errors naming the key and the file")
{
    const std::string q1 = write_temp("q1.toml", "name = \"x\"\n[footprints]\nlayr = \"icb24\"\n");
    CHECK_THROWS_WITH(io::read_query(q1), q1 + ": [footprints]: unknown key 'layr' (did you mean 'layer'?)");
    const std::string q2 = write_temp("q2.toml", "[footprints]\nlayer = \"icb24\"\n");
    CHECK_THROWS_WITH(io::read_query(q2), q2 + ": missing key 'name'");
    const std::string q5 = write_temp("q5.toml", "name = \"x\"\nsimplify = -5\n[footprints]\nlayer = \"a\"\n");
    CHECK_THROWS_WITH(io::read_query(q5), q5 + ": 'simplify' = -5 is out of range (0 to 100000)");
    CHECK_THROWS_AS(
        io::read_query(write_temp("q3.toml", "name = \"x\"\n[footprints]\nlayer = \"a\"\nblocks = \"b\"\n")),
        UsageError);
    CHECK_THROWS_WITH(io::read_query(write_temp("q4.toml", "name = \"x\"\n[footprints]\nlayer = \"a\"\n[[data]]\n"
                                                           "data = \"d.csv\"\n")),
                      Catch::Matchers::Contains("missing key 'from'"));
}

TEST_CASE("Query values get the command line's type and range checks before any data is read")
{
    const std::string head = "name = \"x\"\n";
    const std::string fp = "[footprints]\nlayer = \"a\"\n";
    const std::string t5 = write_temp("t5.toml", head + "tolerance = 5\n" + fp);
    CHECK_THROWS_WITH(io::read_query(t5), t5 + ": 'tolerance' = 5 is out of range (0.5 to 1)");
    const std::string ts = write_temp("ts.toml", head + "tolerance = \"high\"\n" + fp);
    CHECK_THROWS_WITH(io::read_query(ts), ts + ": 'tolerance' must be a number from 0.5 to 1");
    const std::string pts = write_temp("pts.toml", head + fp + "[[data]]\ndata = \"d.csv\"\npoints = \"yes\"\n");
    CHECK_THROWS_WITH(io::read_query(pts), pts + ": [[data]] #1: 'points' must be true or false");
    CHECK(io::read_query(write_temp("t1.toml", head + "tolerance = 1\nmin-people = 50\n" + fp)).min_people == 50);
}

TEST_CASE("Query data declarations must agree with what is read")
{
    const std::string base = "name = \"x\"\n[footprints]\nlayer = \"a\"\n[[data]]\ndata = \"d.csv\"\n";
    const std::string both = write_temp("both.toml", base + "from = \"l\"\nvar = [\"a\"]\n");
    CHECK_THROWS_WITH(io::read_query(both),
                      both + ": [[data]] #1: declare 'a' in exactly one of extensive or intensive");
    const std::string typo =
        write_temp("typo_money.toml", base + "points = true\nvalue-column = [\"gbp\"]\nmoney = [\"gpb\"]\n");
    CHECK_THROWS_WITH(io::read_query(typo),
                      typo +
                          ": [[data]] #1: 'gpb' is declared but not read (value-column = gbp) (did you mean 'gbp'?)");
    const std::string rate =
        write_temp("rate_money.toml", base + "from = \"l\"\nvar = [\"r\"]\nintensive = [\"r\"]\nmoney = [\"r\"]\n");
    CHECK_THROWS_WITH(io::read_query(rate),
                      rate + ": [[data]] #1: 'r' is intensive: money, count and population are extensive");
    const std::string per = write_temp(
        "per.toml", base + "points = true\nvalue-column = [\"gbp\"]\nmoney = [\"gbp\"]\nper = \"patients\"\n");
    CHECK_THROWS_WITH(io::read_query(per), Catch::Matchers::Contains("per = 'patients' is neither residents nor a "
                                                                     "mapped variable"));
    const io::Query ok = io::read_query(
        write_temp("per_ok.toml", base + "points = true\nvalue-column = [\"gbp\", \"list\"]\nmoney = [\"gbp\"]\n"
                                         "population = [\"list\"]\nper = \"list\"\n"));
    CHECK(ok.data[0].per == "list");
    CHECK(ok.data[0].population == std::vector<std::string>{"list"});
}

TEST_CASE("A query file that is not UTF-8 is refused before the TOML parser sees it")
{
    // toml++ 3.3 has undefined behaviour on some invalid UTF-8 (found by fuzzing).
    const std::string q = write_temp("q_utf8.toml", "name = \"x\"\ndata =\xCB\xA1\xE0\x80\n");
    CHECK_THROWS_WITH(io::read_query(q), q + ": invalid UTF-8 at byte 19; query files are UTF-8 text");
    CHECK_THROWS_AS(io::parse_query("title = \"Caf\xE9\"", "inline.toml"), UsageError);
}
