// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/output_format.hpp"

#include <catch2/catch.hpp>

using namespace coterm;

namespace {
const io::OutputChoices overlap{"overlap", {"csv", "json", "geojson"}, "csv", true};
const io::OutputChoices score{"score", {"csv", "json", "text"}, "csv", false};
} // namespace

TEST_CASE("The output format follows the extension, coterm's own or a GDAL driver's")
{
    CHECK(io::choose_output_format("x.csv", "", overlap).name == "csv");
    CHECK(io::choose_output_format("x.JSON", "", overlap).name == "json");
    CHECK(io::choose_output_format("dir/x.geojson", "", overlap).name == "geojson");
    CHECK(io::choose_output_format("x.gpkg", "", overlap).driver == "GPKG");
    CHECK(io::choose_output_format("x.fgb", "", overlap).driver == "FlatGeobuf");
    CHECK(io::choose_output_format("x.txt", "", score).name == "text");
    CHECK(io::choose_output_format("", "", overlap).name == "csv");       // standard output: the default
    CHECK(io::choose_output_format("-", "json", overlap).name == "json"); // or --format
    CHECK(io::choose_output_format("x.gpkg", "GPKG", overlap).gdal());    // agreeing is fine, any case
    CHECK(io::choose_output_format("x.fgb", "fgb", overlap).name == "FlatGeobuf");
    CHECK(io::choose_output_format("x.dat", "csv", overlap).name == "csv"); // --format for an unknown extension
}

TEST_CASE("A format that disagrees, is unknown or cannot be written is a usage error")
{
    CHECK_THROWS_AS(io::choose_output_format("x.gpkg", "csv", overlap), UsageError);
    CHECK_THROWS_AS(io::choose_output_format("x.csv", "json", overlap), UsageError);
    CHECK_THROWS_AS(io::choose_output_format("x.dat", "", overlap), UsageError);
    CHECK_THROWS_AS(io::choose_output_format("", "xls", overlap), UsageError);
    CHECK_THROWS_AS(io::choose_output_format("", "gpkg", overlap), UsageError); // needs a file
    CHECK_THROWS_AS(io::choose_output_format("x.shp", "", overlap), UsageError);
    CHECK_THROWS_AS(io::choose_output_format("x.geojson", "", score), UsageError); // score has no geometry
    CHECK_THROWS_AS(io::choose_output_format("x.fgb", "", score), UsageError);
    CHECK(io::choose_output_format("x.gpkg", "", score).driver == "GPKG"); // an attributes table
}
