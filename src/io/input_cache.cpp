// SPDX-License-Identifier: MIT
#include "io/input_cache.hpp"

#include "io/cache_dir.hpp"
#include "io/layer_info.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <utility>
#include <vector>

namespace coterm::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* header = "coterm input cache 1";
constexpr std::uintmax_t max_entry_bytes = 64 * 1024; // an entry is a few hundred bytes
constexpr std::int64_t settle_ns = 2'000'000'000;     // see cached_file_sha256

/// One cache entry: what is known about one state (stamp) of one file.
struct Entry {
    std::string sha256;
    std::vector<std::pair<std::string, std::string>> crs; ///< (layer, definition)
};

/// Entries are read, changed and written under one lock, so two threads of a process
/// (two layers of one file) do not lose each other's fields.
std::mutex& entries_mutex()
{
    static std::mutex m;
    return m;
}

bool one_line(const std::string& text)
{
    return text.find_first_of("\t\r\n") == std::string::npos;
}

/// `<cache folder>/inputs/<16 hex digits of the FNV-1a hash of the canonical path>.txt`;
/// nullopt when no cache folder is configured. Not SHA-256: a run that finds every
/// entry then never starts OpenSSL (~8 M instructions), and two paths sharing a name
/// only take turns in one entry, which records its path.
std::optional<fs::path> entry_path(const FileStamp& stamp)
{
    fs::path dir;
    try {
        dir = resolve_cache_dir() / "inputs";
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return dir / (fnv1a_hex(stamp.path) + ".txt");
}

template <class T> bool parse_number(const std::string& text, T& value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

/// The entry recorded for `stamp`; empty when there is none, it cannot be read, it is
/// malformed, or it describes another state of the file.
Entry read_entry(const fs::path& file, const FileStamp& stamp)
{
    std::error_code ec;
    const auto bytes = fs::file_size(file, ec);
    if (ec || bytes > max_entry_bytes) return {};
    std::ifstream in(file, std::ios::binary);
    std::string line;
    if (!std::getline(in, line) || line != header) return {};
    auto value = [&](const std::string& key, std::string& out) {
        if (!std::getline(in, line) || !line.starts_with(key + ' ')) return false;
        out = line.substr(key.size() + 1);
        return true;
    };
    FileStamp recorded;
    std::string size, mtime, ctime, inode, device;
    if (!value("path", recorded.path) || !value("size", size) || !value("mtime_ns", mtime) ||
        !value("ctime_ns", ctime) || !value("inode", inode) || !value("device", device) ||
        !parse_number(size, recorded.size) || !parse_number(mtime, recorded.mtime_ns) ||
        !parse_number(ctime, recorded.ctime_ns) || !parse_number(inode, recorded.inode) ||
        !parse_number(device, recorded.device) || !(recorded == stamp))
        return {};
    Entry e;
    while (std::getline(in, line)) {
        if (line.starts_with("sha256 ") && line.size() == 7 + 64 &&
            line.find_first_not_of("0123456789abcdef", 7) == std::string::npos) {
            e.sha256 = line.substr(7);
        } else if (const auto tab = line.find('\t'); line.starts_with("crs ") && tab != std::string::npos) {
            e.crs.emplace_back(line.substr(4, tab - 4), line.substr(tab + 1));
        } else {
            return {}; // not written by this version: ignored whole
        }
    }
    return e;
}

/// Writes the entry to a temporary file beside it and renames it into place, so a
/// reader sees the old entry or the new one, never a part. Failures are ignored.
void write_entry(const fs::path& file, const FileStamp& stamp, const Entry& e)
{
    static std::atomic<unsigned> counter{0};
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const fs::path temp = file.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
                                                "-" + file.filename().string());
    std::string text = std::string(header) + "\npath " + stamp.path + "\nsize " + std::to_string(stamp.size) +
                       "\nmtime_ns " + std::to_string(stamp.mtime_ns) + "\nctime_ns " + std::to_string(stamp.ctime_ns) +
                       "\ninode " + std::to_string(stamp.inode) + "\ndevice " + std::to_string(stamp.device) + "\n";
    if (!e.sha256.empty()) text += "sha256 " + e.sha256 + "\n";
    for (const auto& [layer, crs] : e.crs)
        text += "crs " + layer + "\t" + crs + "\n";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            fs::remove(temp, ec);
            return;
        }
    }
    fs::rename(temp, file, ec);
    if (ec) fs::remove(temp, ec);
}

std::int64_t now_ns()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

std::optional<FileStamp> stamp_file(const std::string& path)
{
    struct stat st {};
    if (path.empty() || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    std::error_code ec;
    const fs::path canonical = fs::canonical(path, ec);
    if (ec || !one_line(canonical.string())) return std::nullopt;
    FileStamp s;
    s.path = canonical.string();
    s.size = static_cast<std::uintmax_t>(st.st_size);
    s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    s.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
    s.inode = static_cast<std::uint64_t>(st.st_ino);
    s.device = static_cast<std::uint64_t>(st.st_dev);
    return s;
}

std::string cached_file_sha256(const std::string& path)
{
    const auto stamp = stamp_file(path);
    const auto file = stamp ? entry_path(*stamp) : std::nullopt;
    if (file) {
        std::lock_guard lock(entries_mutex());
        if (Entry e = read_entry(*file, *stamp); !e.sha256.empty()) return e.sha256;
    }
    const std::int64_t started = now_ns();
    std::string hex = file_sha256(path);
    // Recorded only for a file that had settled before hashing began and did not change
    // while it was hashed: otherwise a later write within the same clock tick (same
    // size) would leave the stamp, and so a wrong hash, in place. A file system that
    // keeps whole seconds only (both times end in .000000000: some network and FAT
    // mounts), possibly by a server clock other than ours, is never recorded.
    const bool fine_times = stamp && (stamp->mtime_ns % 1'000'000'000 != 0 || stamp->ctime_ns % 1'000'000'000 != 0);
    if (file && fine_times && started - std::max(stamp->mtime_ns, stamp->ctime_ns) >= settle_ns &&
        stamp_file(path) == stamp) {
        std::lock_guard lock(entries_mutex());
        Entry e = read_entry(*file, *stamp);
        e.sha256 = hex;
        write_entry(*file, *stamp, e);
    }
    return hex;
}

std::string cached_layer_crs(const std::string& path, const std::string& layer)
{
    const auto stamp = stamp_file(path);
    const auto file = stamp ? entry_path(*stamp) : std::nullopt;
    if (!file) return {};
    std::lock_guard lock(entries_mutex());
    for (const auto& [name, crs] : read_entry(*file, *stamp).crs)
        if (name == layer) return crs;
    return {};
}

void remember_layer_crs(const std::string& path, const std::string& layer, const std::string& crs)
{
    if (crs.empty() || !one_line(layer) || !one_line(crs)) return;
    const auto stamp = stamp_file(path);
    const auto file = stamp ? entry_path(*stamp) : std::nullopt;
    if (!file) return;
    std::lock_guard lock(entries_mutex());
    Entry e = read_entry(*file, *stamp);
    auto known = std::find_if(e.crs.begin(), e.crs.end(), [&](const auto& c) { return c.first == layer; });
    if (known != e.crs.end() && known->second == crs) return;
    if (known != e.crs.end())
        known->second = crs;
    else
        e.crs.emplace_back(layer, crs);
    write_entry(*file, *stamp, e);
}

} // namespace coterm::io
