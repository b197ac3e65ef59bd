// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/csv_reader.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace coterm;
using coterm::test::write_temp;

TEST_CASE("Quoted fields keep commas, quotes and line breaks; CRLF and a BOM are accepted")
{
    const auto path = write_temp("csv_quoted.csv", "\xEF\xBB\xBF\"code\",\"name\"\r\n"
                                                   "\"E1\",\"Bristol, City of\"\r\n"
                                                   "E2,\"say \"\"hi\"\"\nthere\"\r\n");
    const io::CsvFile csv = io::read_csv(path);
    CHECK(csv.header == std::vector<std::string>{"code", "name"});
    REQUIRE(csv.row_count() == 2);
    CHECK(csv.field(0, 1) == "Bristol, City of");
    CHECK(csv.field(1, 1) == "say \"hi\"\nthere");
    CHECK(csv.lines == std::vector<std::size_t>{2, 3});
}

TEST_CASE("A row with the wrong number of fields names the file and line")
{
    const auto path = write_temp("csv_short.csv", "a,b\n1,2\n3\n");
    CHECK_THROWS_WITH(io::read_csv(path), path + ": line 3 has 1 fields, the header has 2");
}

TEST_CASE("An unterminated quote is an error")
{
    const auto path = write_temp("csv_open.csv", "a,b\n1,\"2\n");
    CHECK_THROWS_AS(io::read_csv(path), DataError);
}

TEST_CASE("A missing column gets a did-you-mean")
{
    const auto path = write_temp("csv_cols.csv", "area_code,value\nE1,1\n");
    const io::CsvFile csv = io::read_csv(path);
    CHECK_THROWS_WITH(csv.column("area_cod", "--code-column"), Catch::Matchers::Contains("did you mean 'area_code'"));
}

TEST_CASE("Numbers parse strictly: empty or text is not a number")
{
    double v = 0;
    CHECK(io::parse_number("1474", v));
    CHECK(v == 1474);
    CHECK(io::parse_number(" -3.5e2 ", v));
    CHECK(v == -350);
    CHECK(io::parse_number("+2", v));
    CHECK_FALSE(io::parse_number("", v));
    CHECK_FALSE(io::parse_number("n/a", v));
    CHECK_FALSE(io::parse_number("12abc", v));
    CHECK_FALSE(io::parse_number("nan", v));
}
