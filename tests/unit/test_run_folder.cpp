// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/run_folder.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace coterm;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p)
{
    std::stringstream s;
    s << std::ifstream(p).rdbuf();
    return s.str();
}

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

} // namespace

TEST_CASE("The run folder is --out without its trailing slash, else out/<name>")
{
    CHECK(io::run_folder_path("res/", "q") == fs::path("res"));
    CHECK(io::run_folder_path("a/res//", "q") == fs::path("a/res"));
    CHECK(io::run_folder_path("", "status-quo") == fs::path("out/status-quo"));
}

TEST_CASE("A run folder is written with its marker and replaced whole, leaving no temporary")
{
    const TempDir dir("coterm_run_folder");
    const fs::path out = dir.path / "res";
    io::write_run_folder(out, {{"a.csv", "one"}, {"old.csv", "gone next time"}}, {});
    CHECK(fs::is_regular_file(out / io::run_marker));
    CHECK(read(out / "a.csv") == "one");
    io::write_run_folder(out, {{"a.csv", "two"}}, {});
    CHECK(read(out / "a.csv") == "two");
    CHECK_FALSE(fs::exists(out / "old.csv"));
    CHECK(dir.entries() == 1);
}

TEST_CASE("A folder coterm did not write, a file and a folder holding an input are refused untouched")
{
    const TempDir dir("coterm_run_refuse");
    const fs::path user = dir.path / "mine";
    fs::create_directories(user);
    std::ofstream(user / "thesis.docx") << "years of work";
    CHECK_THROWS_AS(io::write_run_folder(user, {{"a.csv", "x"}}, {}), UsageError);
    CHECK_THROWS_WITH(io::check_run_folder(user, {}), Catch::Matchers::Contains("coterm did not write") &&
                                                          Catch::Matchers::Contains("give another --out folder"));
    CHECK(read(user / "thesis.docx") == "years of work");
    CHECK(std::distance(fs::directory_iterator(user), fs::directory_iterator()) == 1);

    std::ofstream(dir.path / "plain") << "a file";
    CHECK_THROWS_WITH(io::check_run_folder(dir.path / "plain", {}), Catch::Matchers::Contains("not a folder"));

    // Even a coterm run folder is refused when the query or data lies inside it.
    const fs::path run = dir.path / "run";
    io::write_run_folder(run, {{"a.csv", "x"}}, {});
    fs::create_directories(run / "data");
    CHECK_THROWS_WITH(io::check_run_folder(run, {run / "data"}), Catch::Matchers::Contains("an input of this run"));
    CHECK_THROWS_AS(io::check_run_folder(dir.path, {run / "data"}), UsageError);
    CHECK(fs::is_directory(run / "data"));
}

TEST_CASE("Stale temporaries of a dead process are removed; others are left alone")
{
    const TempDir dir("coterm_run_stale");
    // pid 2^22 + 1 is above the kernel's pid_max (2^22), so no process has it.
    const fs::path stale = dir.path / ".coterm-tmp-4194305-00000000deadbeef-res";
    fs::create_directories(stale);
    std::ofstream(stale / io::run_marker) << "coterm run folder\n";
    const fs::path user = dir.path / ".coterm-tmp-4194305-00000000deadbeef-user";
    fs::create_directories(user);
    std::ofstream(user / "keep.txt") << "not coterm's";
    const fs::path alive = dir.path / (".coterm-tmp-" + std::to_string(::getppid()) + "-0000000000000001-res");
    fs::create_directories(alive);
    io::write_run_folder(dir.path / "res", {{"a.csv", "x"}}, {});
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(user / "keep.txt"));
    CHECK(fs::exists(alive));
}
