// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/csv_reader.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

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

TEST_CASE("A lone CR ends a line (Excel for Mac), as LF and CRLF do")
{
    const auto path = write_temp("csv_cr.csv", "code,value\r\"E1\",1\rE2,\"two\rlines\"\rE3,3");
    const io::CsvFile csv = io::read_csv(path);
    REQUIRE(csv.row_count() == 3);
    CHECK(csv.field(2, 0) == "E3");
    CHECK(csv.field(1, 1) == "two\rlines");
    CHECK(csv.lines == std::vector<std::size_t>{2, 3, 5});
    const auto mixed = write_temp("csv_mixed.csv", "code,value\r\nE1,1\nE2,2\r\n\r\n");
    CHECK(io::read_csv(mixed).row_count() == 2);
}

TEST_CASE("A header without rows is an error naming the file")
{
    const auto path = write_temp("csv_header_only.csv", "area_code,variable,value\n");
    CHECK_THROWS_WITH(io::read_csv(path), path + ": the file has a header and no rows");
}

TEST_CASE("A column named twice in the header is an error naming it")
{
    const auto path = write_temp("csv_dup.csv", "code,value,value\nE1,1,2\n");
    CHECK_THROWS_WITH(io::read_csv(path), path + ": line 1: column 'value' appears twice in the header");
}

TEST_CASE("Invalid UTF-8 is an error naming the file and byte offset")
{
    const auto path = write_temp("csv_latin1.csv", "code,name\nE1,Caf\xE9\n");
    CHECK_THROWS_WITH(io::read_csv(path), Catch::Matchers::StartsWith(path + ": invalid UTF-8 at byte 16 (line 2)"));
}

TEST_CASE("A directory is a clear error, and a FIFO is read without seeking")
{
    const auto dir = std::filesystem::path(write_temp("csv_dir_marker", "")).parent_path();
    CHECK_THROWS_WITH(io::read_csv(dir.string()), "cannot read '" + dir.string() + "': it is a directory, not a file");
    const std::string fifo = (dir / "csv.fifo").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] { std::ofstream(fifo) << "code,value\nE1,1\nE2,2\n"; });
    const io::CsvFile csv = io::read_csv(fifo);
    writer.join();
    CHECK(csv.row_count() == 2);
}

TEST_CASE("A number takes one optional sign and nothing else")
{
    double v = 0;
    CHECK_FALSE(io::parse_number("+-5", v));
    CHECK_FALSE(io::parse_number("++5", v));
    CHECK_FALSE(io::parse_number("--5", v));
    CHECK_FALSE(io::parse_number("+", v));
    CHECK_FALSE(io::parse_number("1e400", v));
    CHECK_FALSE(io::parse_number("0x10", v));
    CHECK(io::parse_number("-5", v));
    CHECK(v == -5);
}
