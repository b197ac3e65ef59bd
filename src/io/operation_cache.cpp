// SPDX-License-Identifier: MIT
#include "io/operation_cache.hpp"

#include "core/reproject.hpp"
#include "io/cache_dir.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>

namespace coterm::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* header = "coterm proj cache 1";
constexpr std::uintmax_t max_entry_bytes = 1024 * 1024;

std::string escaped(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out;
}

/// "path size mtime ctime inode" for a file or folder, "path -" when absent.
std::string state_of(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return path + " -";
    return path + ' ' + std::to_string(st.st_size) + ' ' + std::to_string(st.st_mtim.tv_sec) + '.' +
           std::to_string(st.st_mtim.tv_nsec) + ' ' + std::to_string(st.st_ctim.tv_sec) + '.' +
           std::to_string(st.st_ctim.tv_nsec) + ' ' + std::to_string(st.st_ino);
}

/// What PROJ's answer depends on besides the two CRSs (see install_operation_cache).
/// Computed once per process: a run does not change PROJ's folders.
const std::string& environment_key()
{
    static const std::string key = [] {
        std::string k = "proj " + proj_version() + "\n";
        const char* network = std::getenv("PROJ_NETWORK");
        k += "network " + std::string(network ? network : "-") + "\n";
        // PROJ separates its folders by ':' (';' on Windows).
        std::stringstream paths(proj_search_paths());
        std::string dir;
        while (std::getline(paths, dir, ':')) {
            if (dir.empty()) continue;
            k += "dir " + escaped(state_of(dir)) + "\n";
            k += "db " + escaped(state_of(dir + "/proj.db")) + "\n";
            k += "ini " + escaped(state_of(dir + "/proj.ini")) + "\n";
        }
        return k;
    }();
    return key;
}

std::string full_key(const std::string& source, const std::string& target)
{
    return environment_key() + "source " + escaped(source) + "\ntarget " + escaped(target) + "\n";
}

std::optional<fs::path> entry_path(const std::string& key)
{
    fs::path dir;
    try {
        dir = resolve_cache_dir() / "proj";
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::uint64_t h = 14695981039346656037ull; // FNV-1a; the entry holds the whole key
    for (const unsigned char c : key)
        h = (h ^ c) * 1099511628211ull;
    static constexpr char digits[] = "0123456789abcdef";
    std::string name(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4)
        name[static_cast<std::size_t>(i)] = digits[h & 15];
    return dir / (name + ".txt");
}

std::optional<std::string> load(const std::string& source, const std::string& target)
{
    try {
        const std::string key = full_key(source, target);
        const auto file = entry_path(key);
        if (!file) return std::nullopt;
        std::error_code ec;
        const auto bytes = fs::file_size(*file, ec);
        if (ec || bytes > max_entry_bytes) return std::nullopt;
        std::ifstream in(*file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const std::string all = text.str();
        const std::string expected = std::string(header) + "\n" + key;
        if (!in || all.size() < expected.size() || all.compare(0, expected.size(), expected) != 0) return std::nullopt;
        return all.substr(expected.size());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

/// Written beside the entry and renamed into place, so a reader never sees a part.
void save(const std::string& source, const std::string& target, const std::string& body)
{
    try {
        const std::string key = full_key(source, target);
        const auto file = entry_path(key);
        if (!file) return;
        static std::atomic<unsigned> counter{0};
        std::error_code ec;
        fs::create_directories(file->parent_path(), ec);
        const fs::path temp = file->parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" +
                                                     std::to_string(counter++) + "-" + file->filename().string());
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            out << header << '\n' << key << body;
            out.close();
            if (!out) {
                fs::remove(temp, ec);
                return;
            }
        }
        fs::rename(temp, *file, ec);
        if (ec) fs::remove(temp, ec);
    } catch (const std::exception&) {
        // best effort: the next run searches again
    }
}

} // namespace

void install_operation_cache()
{
    static std::once_flag once;
    std::call_once(once, [] {
        OperationStore store;
        const char* shortcut = std::getenv("COTERM_PROJ_SHORTCUT");
        store.shortcut = !(shortcut && std::string(shortcut) == "0");
        if (store.shortcut) {
            store.load = load;
            store.save = save;
        }
        set_operation_store(std::move(store));
    });
}

} // namespace coterm::io
