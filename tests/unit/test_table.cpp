// SPDX-License-Identifier: MIT
#include "core/table.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

TEST_CASE("Cells are written in their column's format")
{
    CHECK(format_cell(Cell(std::string("E06000001")), Format::text) == "E06000001");
    CHECK(format_cell(Cell(1234.56789), Format::area) == "1234.567890");
    CHECK(format_cell(Cell(0.25), Format::share) == "0.25");
    CHECK(format_cell(Cell(std::int64_t{42}), Format::integer) == "42");
    CHECK(format_cell(Cell(true), Format::flag) == "true");
    CHECK(format_cell(Cell(), Format::share).empty());
}

TEST_CASE("Text cells are quoted in JSON, numbers are not")
{
    CHECK(is_text_cell(Cell(std::string("x")), Format::share));
    CHECK_FALSE(is_text_cell(Cell(1.0), Format::share));
    CHECK(is_text_cell(Cell(1.0), Format::text));
}
