// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/atomic_file.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace coterm;
namespace fs = std::filesystem;

namespace {

/// A fresh folder for one test case, removed at the end.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / (name + std::to_string(::getpid())))
    {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::size_t entries() const { return std::distance(fs::directory_iterator(path), fs::directory_iterator()); }
};

std::string read(const fs::path& p)
{
    std::stringstream s;
    s << std::ifstream(p).rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("Output replaces the target in one step only with overwrite and leaves no temporary file")
{
    const TempDir dir("coterm_atomic_test");
    const fs::path target = dir.path / "out.csv";
    std::ofstream(target) << "old";
    CHECK_THROWS_AS(io::write_output(target.string(), "new"), UsageError);
    CHECK_THROWS_WITH(io::write_output(target.string(), "new"), Catch::Matchers::Contains("--overwrite"));
    CHECK(read(target) == "old");
    io::write_output(target.string(), "new content\n", {true});
    CHECK(read(target) == "new content\n");
    CHECK(dir.entries() == 1);
}

TEST_CASE("A new output file gets the usual mode; a replaced one keeps its mode")
{
    const TempDir dir("coterm_atomic_mode");
    const fs::path target = dir.path / "out.csv";
    const mode_t mask = ::umask(022);
    io::write_output(target.string(), "x");
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0644);
    REQUIRE(::chmod(target.c_str(), 0640) == 0);
    io::write_output(target.string(), "y", {true});
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    ::umask(mask);
}

TEST_CASE("A symbolic link is followed: its target is replaced and the link kept")
{
    const TempDir dir("coterm_atomic_link");
    fs::create_directories(dir.path / "real");
    std::ofstream(dir.path / "real" / "data.csv") << "old";
    fs::create_symlink("real/data.csv", dir.path / "link.csv");
    io::write_output((dir.path / "link.csv").string(), "new", {true});
    CHECK(fs::is_symlink(dir.path / "link.csv"));
    CHECK(read(dir.path / "real" / "data.csv") == "new");
    // A dangling link is written where it points.
    fs::create_symlink("real/fresh.csv", dir.path / "dangling.csv");
    io::write_output((dir.path / "dangling.csv").string(), "fresh");
    CHECK(fs::is_symlink(dir.path / "dangling.csv"));
    CHECK(read(dir.path / "real" / "fresh.csv") == "fresh");
}

TEST_CASE("A file read as input is refused as output, even with overwrite")
{
    const TempDir dir("coterm_atomic_input");
    const fs::path input = dir.path / "values.csv";
    std::ofstream(input) << "code,value\n";
    io::note_input(input.string());
    CHECK_THROWS_AS(io::write_output(input.string(), "x", {true}), UsageError);
    CHECK_THROWS_WITH(io::write_output((dir.path / "." / "values.csv").string(), "x", {true}),
                      Catch::Matchers::Contains("one of this command's inputs"));
    CHECK(read(input) == "code,value\n");
    CHECK(io::holds_input(dir.path));
    CHECK_FALSE(io::holds_input(fs::temp_directory_path() / "coterm-no-such-folder"));
}

TEST_CASE("A folder is refused as output; a missing folder is a DataError naming the path")
{
    const TempDir dir("coterm_atomic_folder");
    CHECK_THROWS_AS(io::write_output(dir.path.string(), "x", {true}), UsageError);
    CHECK_THROWS_AS(io::write_output("/nonexistent-folder/out.csv", "x"), DataError);
    CHECK_THROWS_WITH(io::write_output("/nonexistent-folder/out.csv", "x"),
                      Catch::Matchers::Contains("/nonexistent-folder/out.csv"));
}

TEST_CASE("A FIFO is written straight through and stays a FIFO")
{
    const TempDir dir("coterm_atomic_fifo");
    const fs::path fifo = dir.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // O_RDWR on a FIFO (Linux) keeps a reader open without blocking.
    const int reader = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
    REQUIRE(reader >= 0);
    CHECK(io::check_output(fifo.string(), {}) == io::OutputKind::stream);
    io::write_output(fifo.string(), "through");
    char buffer[16] = {};
    CHECK(::read(reader, buffer, sizeof buffer) == 7);
    CHECK(std::string(buffer) == "through");
    ::close(reader);
    CHECK(fs::is_fifo(fifo));
}
