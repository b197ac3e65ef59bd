// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/area_data.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace coterm;
using coterm::test::write_temp;

namespace {
const char* tidy = "area_code,area_name,area_type,variable,value,unit,period\n"
                   "E1,One,LAD,pop,100,persons,2021\n"
                   "E2,Two,LAD,pop,200,persons,2021\n"
                   "E1,One,LAD,le,80.5,years,2019\n"
                   "E1,One,LAD,le,81.5,years,2021\n"
                   "E2,Two,LAD,le,n/a,years,2021\n";
} // namespace

TEST_CASE("A tidy file gives one map per variable, filtered by period")
{
    io::DataRequest r;
    r.path = write_temp("tidy.csv", tidy);
    r.variables = {"pop", "le"};
    r.period = "2021";
    const io::AreaValues v = io::read_area_values(r);
    REQUIRE(v.variables == std::vector<std::string>{"pop", "le"});
    CHECK(v.by_code[0].at("E2") == 200);
    CHECK(v.by_code[1].at("E1") == 81.5);
    // A value that is not a number is reported, never read as 0.
    CHECK(std::isnan(v.by_code[1].at("E2")));
    REQUIRE(v.problems.size() == 1);
    CHECK(v.problems[0].line == 6);
    CHECK(v.problems[0].text == "n/a");
}

TEST_CASE("Several periods without --period, an unknown variable or period are usage errors")
{
    io::DataRequest r;
    r.path = write_temp("tidy2.csv", tidy);
    r.variables = {"le"};
    CHECK_THROWS_WITH(io::read_area_values(r), Catch::Matchers::Contains("'le' has 2 periods (2019, 2021)"));
    r.variables = {"popp"};
    CHECK_THROWS_WITH(io::read_area_values(r), Catch::Matchers::Contains("no variable 'popp' (did you mean 'pop'?)"));
    r.variables = {"pop"};
    r.period = "2022";
    CHECK_THROWS_AS(io::read_area_values(r), UsageError);
}

TEST_CASE("A code given twice for a variable is an error naming the line")
{
    io::DataRequest r;
    r.path = write_temp("tidy_dup.csv", "area_code,variable,value\nE1,x,1\nE1,x,2\n");
    CHECK_THROWS_WITH(io::read_area_values(r), Catch::Matchers::Contains("line 3: code 'E1' has a second value"));
}

TEST_CASE("A wide file reads the named value columns")
{
    io::DataRequest r;
    r.path = write_temp("wide.csv", "lad,a,b\nE1,1,2\nE2,3,\n");
    r.code_column = "lad";
    r.value_columns = {"b"};
    const io::AreaValues v = io::read_area_values(r);
    CHECK(v.by_code[0].at("E1") == 2);
    CHECK(std::isnan(v.by_code[0].at("E2")));
    CHECK(v.problems.size() == 1);
}

TEST_CASE("A point file keeps located rows and totals the unlocated ones")
{
    io::DataRequest r;
    r.path = write_temp("points.csv", "id,latitude,longitude,gbp,icb\nP1,52.5,-1.5,10,I1\nP2,,,7,I2\nP3,53,-2,x,I1\n");
    r.value_columns = {"gbp"};
    r.code_column = "icb";
    const io::PointValues p = io::read_point_values(r);
    CHECK(p.lat == std::vector<double>{52.5, 53});
    CHECK(p.codes == std::vector<std::string>{"I1", "I1"});
    CHECK(p.unlocated == 1);
    CHECK(p.unlocated_sum[0] == 7);
    CHECK(std::isnan(p.values[0][1]));
}

TEST_CASE("Weights join by code; missing and unknown codes are listed")
{
    const auto path = write_temp("weights.csv", "area_code,variable,value\nA,pop,5\nB,pop,-1\nZ,pop,3\n");
    const io::WeightValues w = io::join_weights({"A", "B", "C"}, path, "pop");
    CHECK(w.values == std::vector<double>{5, 0, 0});
    CHECK(w.missing_codes == std::vector<std::string>{"B", "C"});
    CHECK(w.unknown_codes == std::vector<std::string>{"Z"});
}

TEST_CASE("Several tidy files are read together; a variable may come from one file only")
{
    const auto a = write_temp("multi_a.csv", "area_code,variable,value\nE1,pop,5\nE2,pop,6\n");
    const auto b = write_temp("multi_b.csv", "area_code,variable,value\nE1,gbp,1\nE1,other,9\n");
    io::DataRequest r;
    r.variables = {"gbp", "pop"};
    const io::AreaValues v = io::read_area_values(std::vector<std::string>{a, b}, r);
    CHECK(v.variables == std::vector<std::string>{"pop", "gbp"});
    CHECK(v.by_code[1].at("E1") == 1);
    r.variables = {"gpb"};
    CHECK_THROWS_WITH(io::read_area_values(std::vector<std::string>{a, b}, r),
                      Catch::Matchers::Contains("no --data file has a variable 'gpb' (did you mean 'gbp'?)"));
    r.variables = {};
    CHECK_THROWS_WITH(io::read_area_values(std::vector<std::string>{a, a}, r),
                      Catch::Matchers::Contains("'pop' is also in an earlier --data file"));
}

TEST_CASE("A variable declared --extensive or --intensive must be in the file")
{
    io::DataRequest r;
    r.path = write_temp("tidy_declared.csv", tidy);
    r.period = "2021";
    r.variables = {"pop"};
    r.declared = {{"pop", "--extensive"}, {"le_female", "--intensive"}};
    CHECK_THROWS_WITH(io::read_area_values(r),
                      Catch::Matchers::StartsWith(r.path + ": no variable 'le_female' (named by --intensive)") &&
                          Catch::Matchers::EndsWith("variables: pop, le"));
    io::DataRequest wide;
    wide.path = write_temp("wide_declared.csv", "code,spend\nE1,1\n");
    wide.code_column = "code";
    wide.value_columns = {"spend"};
    wide.declared = {{"spnd", "--extensive"}};
    CHECK_THROWS_WITH(io::read_area_values(wide), Catch::Matchers::Contains("no column 'spnd' (named by --extensive) "
                                                                            "(did you mean 'spend'?)"));
}

TEST_CASE("A directory as a values file is a clear error")
{
    const auto dir = std::filesystem::path(write_temp("area_dir_marker", "")).parent_path();
    CHECK_THROWS_WITH(io::resolve_data_file(dir.string(), "/nonexistent"),
                      "cannot read '" + dir.string() + "': it is a directory, not a values file");
}
