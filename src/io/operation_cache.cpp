// SPDX-License-Identifier: MIT
#include "io/operation_cache.hpp"

#include "core/reproject.hpp"
#include "io/cache_dir.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace coterm::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* header = "coterm proj cache 3";
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

/// Files in the current folder that PROJ could take for a grid (see current_folder_key):
/// grid formats' extensions, deformation models (.json), and none (old names: conus,
/// MD, null, ...).
bool grid_like(const std::string& name)
{
    static const char* const extensions[] = {".tif", ".tiff", ".gsb", ".gtx", ".byn", ".gvb",
                                             ".ct2", ".lla",  ".las", ".los", ".dat", ".json"};
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) return true;
    std::string ext = name.substr(dot);
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* e : extensions)
        if (ext == e) return true;
    return false;
}

/// What PROJ's answer depends on besides the two CRSs and the current folder (see
/// install_operation_cache). Computed once per process, on first use.
const std::string& environment_key()
{
    static const std::string key = [] {
        std::string k = "proj " + proj_version() + "\n";
        for (const char* name : {"PROJ_NETWORK", "PROJ_AUX_DB"}) {
            const char* value = std::getenv(name);
            k += std::string(name) + " " + escaped(value ? value : "-") + "\n";
        }
        // Auxiliary databases (PROJ_AUX_DB, ':'-separated) can add operations.
        if (const char* aux = std::getenv("PROJ_AUX_DB"); aux && *aux) {
            std::stringstream files(aux);
            std::string file;
            while (std::getline(files, file, ':'))
                if (!file.empty()) k += "aux " + escaped(state_of(file)) + "\n";
        }
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

/// With neither PROJ_DATA nor PROJ_LIB set, PROJ 9.1 also looks for a grid in the
/// current folder (its last resort), under the grid's name or an older one: the names of
/// the files there that could be grids are part of the key, as their count and a digest
/// (one short line however many). Names, not sizes or times: an output rewritten there
/// (out.json) then leaves the key alone, while a grid added or removed changes it. Read
/// once per process, on first use; nullopt when the folder cannot be
/// listed (a grid there could not be seen, so nothing is cached).
const std::optional<std::string>& current_folder_key()
{
    static const std::optional<std::string> key = []() -> std::optional<std::string> {
        const char* data = std::getenv("PROJ_DATA");
        const char* lib = std::getenv("PROJ_LIB");
        if ((data && *data) || (lib && *lib)) return "cwd -\n";
        std::vector<std::string> names;
        std::error_code ec;
        for (fs::directory_iterator it(".", ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            struct stat st {};
            if (grid_like(name) && ::stat(it->path().c_str(), &st) == 0 && S_ISREG(st.st_mode)) names.push_back(name);
        }
        if (ec) return std::nullopt;
        std::sort(names.begin(), names.end());
        std::string all;
        for (const std::string& name : names)
            all += escaped(name) + '\n';
        return "cwd " + std::to_string(names.size()) + " " + fnv1a_hex(all) + "\n";
    }();
    return key;
}

/// The part of the key that names the entry's file: the current folder's files are
/// checked inside it, so a changed folder rewrites one entry instead of adding another.
std::string file_key(const std::string& source, const std::string& target)
{
    return environment_key() + "source " + escaped(source) + "\ntarget " + escaped(target) + "\n";
}

std::optional<fs::path> entry_path(const std::string& key)
{
    try {
        return resolve_cache_dir() / "proj" / (fnv1a_hex(key) + ".txt"); // the entry holds the whole key
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

/// An entry: header, whole key, body, and "check <FNV-1a of all before it>", so a
/// damaged or cut entry is a miss.
std::optional<std::string> load(const std::string& source, const std::string& target)
{
    try {
        const std::string named = file_key(source, target);
        const auto file = entry_path(named);
        if (!file || !current_folder_key()) return std::nullopt;
        std::error_code ec;
        const auto bytes = fs::file_size(*file, ec);
        if (ec || bytes > max_entry_bytes) return std::nullopt;
        std::ifstream in(*file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const std::string all = text.str();
        const std::string expected = std::string(header) + "\n" + named + *current_folder_key();
        constexpr std::size_t check_size = 6 + 16 + 1; // "check " + 16 hex digits + "\n"
        if (!in || all.size() < expected.size() + check_size || all.compare(0, expected.size(), expected) != 0)
            return std::nullopt;
        const std::string content = all.substr(0, all.size() - check_size);
        if (all.compare(content.size(), check_size, "check " + fnv1a_hex(content) + "\n") != 0) return std::nullopt;
        return content.substr(expected.size());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

/// Written beside the entry and renamed into place, so a reader never sees a part.
void save(const std::string& source, const std::string& target, const std::string& body)
{
    try {
        const std::string named = file_key(source, target);
        const auto file = entry_path(named);
        if (!file || !current_folder_key()) return;
        static std::atomic<unsigned> counter{0};
        std::error_code ec;
        fs::create_directories(file->parent_path(), ec);
        const fs::path temp = file->parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" +
                                                     std::to_string(counter++) + "-" + file->filename().string());
        const std::string content = std::string(header) + "\n" + named + *current_folder_key() + body;
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            out << content << "check " << fnv1a_hex(content) << '\n';
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
            // proj_info() here, on the main thread, before any reading thread (its
            // buffer is freed by the next call, GDAL's included); the keys themselves
            // are made on first use, so a command that reprojects nothing lists nothing.
            (void)proj_version();
        }
        set_operation_store(std::move(store));
    });
}

} // namespace coterm::io
