// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/atomic_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace coterm;

TEST_CASE("Output replaces the target in one step and leaves no temporary file")
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "coterm_atomic_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path target = dir / "out.csv";
    std::ofstream(target) << "old";
    io::write_output(target.string(), "new content\n");
    std::stringstream read;
    read << std::ifstream(target).rdbuf();
    CHECK(read.str() == "new content\n");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}

TEST_CASE("Writing into a missing folder is a DataError naming the path")
{
    CHECK_THROWS_WITH(io::write_output("/nonexistent-folder/out.csv", "x"),
                      Catch::Matchers::Contains("/nonexistent-folder/out.csv"));
}
