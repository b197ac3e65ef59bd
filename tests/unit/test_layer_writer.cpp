// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/layer_info.hpp"
#include "io/layer_writer.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

using namespace coterm;
namespace fs = std::filesystem;

namespace {

/// Two unit squares with a code each.
void two_squares(Table& t, std::vector<Wkb>& geometries)
{
    t.columns = {{"code", Format::text}, {"n", Format::integer}};
    t.rows = {{std::string("A"), std::int64_t{1}}, {std::string("B"), std::int64_t{2}}};
    geometries = {Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))").to_wkb(),
                  Geometry::from_wkt("POLYGON((1 0,2 0,2 1,1 1,1 0))").to_wkb()};
}

} // namespace

TEST_CASE("A GeoPackage is written whole; an existing one gets a layer only with overwrite, keeping the others")
{
    const fs::path dir = fs::temp_directory_path() / ("coterm_gpkg_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "out.gpkg").string();
    Table t;
    std::vector<Wkb> geometries;
    two_squares(t, geometries);
    io::write_geopackage(path, "first", t, geometries);

    CHECK_THROWS_AS(io::write_geopackage(path, "second", t, geometries), UsageError);
    CHECK_THROWS_WITH(io::check_geopackage_output(path, "second", false), Catch::Matchers::Contains("--overwrite"));

    io::GeoPackageOptions overwrite;
    overwrite.overwrite = true;
    io::write_geopackage(path, "second", t, geometries, overwrite); // added
    t.rows.pop_back();
    geometries.pop_back();
    io::write_geopackage(path, "first", t, geometries, overwrite); // replaced, "second" kept
    // Read last: a file read is an input, which coterm then refuses to write.
    CHECK(io::describe_layer(path, "first").features == 1);
    CHECK(io::describe_layer(path, "second").features == 2);
    // Only the GeoPackage is left: no temporary, no SQLite side file.
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}

TEST_CASE("A GeoPackage into a missing folder is a DataError naming the path")
{
    Table t;
    std::vector<Wkb> geometries;
    two_squares(t, geometries);
    CHECK_THROWS_AS(io::write_geopackage("/nonexistent-folder/x.gpkg", "l", t, geometries), DataError);
}
