// SPDX-License-Identifier: MIT
#include "core/errors.hpp"
#include "io/input_cache.hpp"
#include "io/layer_info.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

using namespace coterm;
namespace fs = std::filesystem;

namespace {

/// Points COTERM_CACHE at `dir` for the life of the object, then restores it.
class CacheFolder {
public:
    explicit CacheFolder(const fs::path& dir)
    {
        if (const char* old = std::getenv("COTERM_CACHE")) old_ = old;
        std::error_code ec;
        fs::remove_all(dir, ec);
        ::setenv("COTERM_CACHE", dir.c_str(), 1);
    }
    ~CacheFolder()
    {
        if (old_)
            ::setenv("COTERM_CACHE", old_->c_str(), 1);
        else
            ::unsetenv("COTERM_CACHE");
    }
    CacheFolder(const CacheFolder&) = delete;
    CacheFolder& operator=(const CacheFolder&) = delete;

private:
    std::optional<std::string> old_;
};

/// The one entry file in `<dir>/inputs`, "" when there is none.
fs::path only_entry(const fs::path& dir)
{
    fs::path found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir / "inputs", ec)) {
        REQUIRE(found.empty());
        found = e.path();
    }
    return found;
}

std::string read_text(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write_text(const fs::path& p, const std::string& text)
{
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

} // namespace

TEST_CASE("A file's hash is reused while its stamp is unchanged and computed again after a change")
{
    const fs::path input = test::write_temp("input_cache_data.txt", "aaaa");
    const fs::path dir = fs::path(test::write_temp("input_cache_marker", "")).parent_path() / "input_cache_1";
    const CacheFolder cache(dir);
    const std::string truth = io::file_sha256(input.string());

    // Written just now: hashed, but not recorded (it may still be being written).
    CHECK(io::cached_file_sha256(input.string()) == truth);
    CHECK(only_entry(dir).empty());

    // Settled (more than 2 s old): recorded, then read back instead of hashing.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    CHECK(io::cached_file_sha256(input.string()) == truth);
    const fs::path entry = only_entry(dir);
    REQUIRE_FALSE(entry.empty());
    const std::string text = read_text(entry);
    CHECK(text.find("sha256 " + truth + "\n") != std::string::npos);
    // A planted hash is what comes back: proof that the entry, not the file, answered.
    const std::string planted(64, 'f');
    std::string edited = text;
    edited.replace(edited.find(truth), 64, planted);
    write_text(entry, edited);
    CHECK(io::cached_file_sha256(input.string()) == planted);

    // A malformed entry, or one of another version, is a miss (and is written anew).
    write_text(entry, "coterm input cache 1\npath nonsense\n");
    CHECK(io::cached_file_sha256(input.string()) == truth);
    CHECK(read_text(entry) == text);
    write_text(entry, edited + "future_field 1\n");
    CHECK(io::cached_file_sha256(input.string()) == truth);

    // Same size, new bytes: the times differ, so it is hashed again (and, just written,
    // not recorded).
    write_text(entry, edited);
    write_text(input, "bbbb");
    CHECK(io::cached_file_sha256(input.string()) == io::file_sha256(input.string()));
    CHECK(io::file_sha256(input.string()) != truth);
    CHECK(read_text(entry) == edited);
    // A longer file: the size differs too.
    write_text(input, "aaaaa");
    CHECK(io::cached_file_sha256(input.string()) == io::file_sha256(input.string()));
}

TEST_CASE("A cache folder that cannot be written never fails the hash")
{
    const fs::path input = test::write_temp("input_cache_data2.txt", "cccc");
    const fs::path blocker = test::write_temp("input_cache_blocker", "a file, not a folder");
    const CacheFolder cache(blocker / "cache");
    CHECK(io::cached_file_sha256(input.string()) == io::file_sha256(input.string()));
    CHECK(io::cached_layer_crs(input.string(), "") == "");
    io::remember_layer_crs(input.string(), "", "EPSG:4326"); // silently not recorded
    CHECK_THROWS_AS(io::cached_file_sha256((blocker.parent_path() / "no_such_file").string()), DataError);
}

TEST_CASE("A layer's CRS is remembered per layer and forgotten when the file changes")
{
    const fs::path input = test::write_temp("input_cache_layers.gpkg", "not really a geopackage");
    const fs::path dir = fs::path(input).parent_path() / "input_cache_2";
    const CacheFolder cache(dir);
    CHECK(io::cached_layer_crs(input.string(), "districts") == "");
    io::remember_layer_crs(input.string(), "districts", "EPSG:4326");
    io::remember_layer_crs(input.string(), "", "EPSG:27700");
    io::remember_layer_crs(input.string(), "odd", "two\nlines"); // never recorded
    CHECK(io::cached_layer_crs(input.string(), "districts") == "EPSG:4326");
    CHECK(io::cached_layer_crs(input.string(), "") == "EPSG:27700");
    CHECK(io::cached_layer_crs(input.string(), "odd") == "");
    io::remember_layer_crs(input.string(), "districts", "EPSG:27700");
    CHECK(io::cached_layer_crs(input.string(), "districts") == "EPSG:27700");
    CHECK(io::cached_layer_crs(input.string(), "") == "EPSG:27700");

    write_text(input, "changed"); // another size: every entry of the old state is stale
    CHECK(io::cached_layer_crs(input.string(), "districts") == "");
    CHECK_FALSE(io::stamp_file(input.string()) == std::nullopt);
    CHECK(io::stamp_file(dir.string()) == std::nullopt); // a folder has no stamp
}
