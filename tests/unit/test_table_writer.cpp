// SPDX-License-Identifier: MIT
#include "core/geometry.hpp"
#include "io/provenance.hpp"
#include "io/table_writer.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace coterm;

namespace {
Table sample()
{
    Table t;
    t.columns = {{"code", Format::text}, {"name", Format::text}, {"area_m2", Format::area}, {"share", Format::share}};
    t.rows.push_back({std::string("E06000023"), std::string("Bristol, City of"), 1.5, 0.25});
    t.rows.push_back({std::string("E1"), std::string("say \"hi\""), Cell(), 1.0});
    return t;
}
} // namespace

TEST_CASE("CSV quotes fields with commas and quotes and writes missing values empty")
{
    CHECK(io::to_csv(sample()) ==
          "code,name,area_m2,share\nE06000023,\"Bristol, City of\",1.500000,0.25\nE1,\"say \"\"hi\"\"\",,1\n");
}

TEST_CASE("JSON holds the summary and each table as an array of objects")
{
    Report r;
    r.summary.columns = {{"pairs", Format::integer}};
    r.summary.rows = {{Cell(std::int64_t{2})}};
    r.tables.emplace_back("rows", sample());
    const auto doc = nlohmann::json::parse(io::to_json(r));
    CHECK(doc["summary"]["pairs"] == 2);
    CHECK(doc["rows"][0]["name"] == "Bristol, City of");
    CHECK(doc["rows"][0]["area_m2"] == 1.5);
    CHECK(doc["rows"][1]["area_m2"].is_null());
}

TEST_CASE("GeoJSON is a FeatureCollection in lon/lat without a crs member")
{
    Table t;
    t.columns = {{"code", Format::text}};
    t.rows = {{std::string("X")}};
    // A 1 km square near Nottingham in BNG.
    std::vector<Wkb> g{
        Geometry::from_wkt("POLYGON((457000 340000,458000 340000,458000 341000,457000 341000,457000 340000))")
            .to_wkb()};
    const auto doc = nlohmann::json::parse(io::to_geojson(t, g));
    CHECK(doc["type"] == "FeatureCollection");
    CHECK_FALSE(doc.contains("crs"));
    CHECK(doc["features"][0]["geometry"]["type"] == "MultiPolygon"); // one type per file
    const auto& ring = doc["features"][0]["geometry"]["coordinates"][0][0];
    const double lon = ring[0][0], lat = ring[0][1];
    CHECK(lon == Approx(-1.15).margin(0.05));
    CHECK(lat == Approx(52.95).margin(0.05));
    // Counter-clockwise: positive shoelace sum.
    double s = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        s += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
             ring[i + 1][0].get<double>() * ring[i][1].get<double>();
    CHECK(s > 0);
}

TEST_CASE("JSON writes real columns with a decimal point and list columns as arrays")
{
    Report r;
    r.tables.emplace_back("rows", sample());
    r.tables.front().second.columns.push_back({"splits", Format::list});
    r.tables.front().second.rows[0].push_back(std::string("E1;E2"));
    r.tables.front().second.rows[1].push_back(std::string());
    const std::string json = io::to_json(r);
    CHECK(json.find(R"("share": 1.0, "splits": [])") != std::string::npos); // a whole share stays Real
    const auto doc = nlohmann::json::parse(json);
    CHECK(doc["rows"][0]["splits"] == nlohmann::json::array({"E1", "E2"}));
    CHECK(doc["rows"][1]["share"].is_number_float());
    CHECK(io::to_csv(r.tables.front().second).find(",E1;E2\n") != std::string::npos); // CSV keeps ';'
}

TEST_CASE("Provenance names the command, its options and each input's hash, first in JSON")
{
    CHECK(nlohmann::json::parse(io::to_json(Report{}))["provenance"].is_null()); // nothing recorded yet
    io::record_invocation("overlap", {{"A", {"a.geojson"}}, {"--var", {"x", "y"}}, {"--a-sql", {"PG:password=pw"}}});
    io::record_input("PG:dbname=d password=pw", "", "icb", 42);
    const auto doc = nlohmann::json::parse(io::to_json(Report{}));
    const auto& p = doc["provenance"];
    CHECK(p["schema"] == io::provenance_schema);
    CHECK(p["command"] == "overlap");
    CHECK(p["options"]["A"] == "a.geojson");
    CHECK(p["options"]["--var"] == nlohmann::json::array({"x", "y"}));
    CHECK(p["options"]["--a-sql"] == "PG:password=***");
    // Other tests in this binary have read files too: find the database among the inputs.
    const auto pg = std::find_if(p["inputs"].begin(), p["inputs"].end(),
                                 [](const auto& in) { return in["path"] == "PG:dbname=d password=***"; });
    REQUIRE(pg != p["inputs"].end());
    CHECK((*pg)["features"] == 42);
    CHECK_FALSE(pg->contains("sha256"));
    CHECK(doc.begin().key() == "provenance");
    io::record_invocation("", {}); // later tests see no provenance
}
