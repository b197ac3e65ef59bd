// SPDX-License-Identifier: MIT
#include "render/display_format.hpp"

#include <catch2/catch.hpp>

using namespace coterm;
using namespace coterm::render;

TEST_CASE("Thousands are grouped with commas, negatives and decimals kept")
{
    CHECK(group_thousands(0, 0) == "0");
    CHECK(group_thousands(999, 0) == "999");
    CHECK(group_thousands(1000, 0) == "1,000");
    CHECK(group_thousands(56490108, 0) == "56,490,108");
    CHECK(group_thousands(-1234567.891, 2) == "-1,234,567.89");
    CHECK(group_thousands(std::nan(""), 0).empty());
}

TEST_CASE("Display values carry £, % and separators by kind")
{
    CHECK(format_display(10230094803.70, ValueKind::money) == "£10,230,094,804");
    CHECK(format_display(180.123, ValueKind::money) == "£180.12");
    CHECK(format_display(-5.0, ValueKind::money) == "-£5.00");
    CHECK(format_display(0.987, ValueKind::share) == "98.7 %");
    CHECK(format_display(0.99999, ValueKind::share) == ">99.9 %");
    CHECK(format_display(1.0, ValueKind::share) == "100.0 %");
    CHECK(format_display(0.0001, ValueKind::share) == "<0.1 %");
    CHECK(format_display(std::int64_t{2092982}, ValueKind::count) == "2,092,982");
    CHECK(format_display(83.14, ValueKind::number) == "83.1");
    CHECK(format_display(0.01234, ValueKind::number) == "0.0123");
    CHECK(format_display(true, ValueKind::flag) == "yes");
    CHECK(format_display(Cell{}, ValueKind::number) == "–");
    CHECK(format_display(std::string("E54000027"), ValueKind::text) == "E54000027");
}

TEST_CASE("Markup characters are escaped for HTML and XML")
{
    CHECK(escape_xml("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}
