// SPDX-License-Identifier: MIT
#include "render/report_html.hpp"

#include "render/palette.hpp"
#include "render_fixtures.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace coterm;
using namespace coterm::render;

namespace {

std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("The report is one self-contained page: one path per feature, script and style inline")
{
    ReportModel m = test::three_squares();
    m.overlays.push_back({"Lines", {test::square_wkb(0, 0, 2000)}, false});
    m.tables.push_back(
        {"Data",
         {{{"code", Format::text}, {"People", Format::integer}}, {{std::string("A"), std::int64_t{1234}}}},
         {},
         {{0, 1}},
         "low"});
    const std::string html = render_report_html(m);
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(count(html, "<path data-i=") == 3);
    CHECK(html.find("data-code=\"A\"") != std::string::npos);
    // The marked feature (B) is drawn last, so its outline lies over its neighbours' edges.
    CHECK(html.find("data-code=\"B\"") > html.find("data-code=\"C\""));
    CHECK(html.find("class=\"marked\"") != std::string::npos);
    // Default colours are written, so the map shows before the script runs: 3 values, 3 classes.
    const auto ylgnbu = sequential_palette(3);
    CHECK(html.find("fill=\"" + to_hex(ylgnbu[0]) + "\" d=\"M0 0l100 0 0-100-100 0z\"") != std::string::npos);
    CHECK(html.find("display=\"none\"") != std::string::npos);    // the hidden overlay
    CHECK(html.find("Gamma &lt;&amp;&gt;") == std::string::npos); // names are in the data block, escaped for JSON
    CHECK(html.find("Gamma \\u003c&>") != std::string::npos);
    CHECK(html.find("1,234<sup>†</sup>") != std::string::npos);
    CHECK(html.find("<script>") != std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
    // Nothing to fetch: no external URL other than the SVG namespace.
    const std::regex url(R"((src|href)=\"(https?:)?//)");
    CHECK_FALSE(std::regex_search(html, url));
    CHECK(count(html, "http:") + count(html, "https:") == count(html, "http://www.w3.org/2000/svg"));
}

TEST_CASE("The same model gives the same bytes")
{
    CHECK(render_report_html(test::three_squares()) == render_report_html(test::three_squares()));
}
