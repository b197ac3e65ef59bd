// SPDX-License-Identifier: MIT
#include "io/run_folder.hpp"

#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/temp_files.hpp"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace coterm::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* marker_text = "coterm run folder: coterm replaces this folder whole on the next run to it\n";

/// True when `folder` holds coterm's marker (a regular file, not a link to one).
bool has_marker(const fs::path& folder)
{
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(folder / run_marker, ec))) return false;
    std::ifstream in(folder / run_marker);
    std::string line;
    return std::getline(in, line) && line.starts_with("coterm run folder");
}

/// True when `path` is `folder` or lies inside it (both resolved).
bool within(const fs::path& path, const fs::path& folder)
{
    std::error_code ec;
    const fs::path f = fs::canonical(folder, ec);
    if (ec) return false;
    const fs::path p = fs::weakly_canonical(path, ec);
    if (ec) return false;
    return std::mismatch(f.begin(), f.end(), p.begin(), p.end()).first == f.end();
}

std::string another_folder(const fs::path& out)
{
    const std::string other = "coterm-" + out.filename().string();
    return "; give another --out folder (e.g. " +
           (out.has_parent_path() ? (out.parent_path() / other).string() : other) + ")";
}

} // namespace

fs::path run_folder_path(const std::string& out_option, const std::string& query_name)
{
    fs::path out = out_option.empty() ? fs::path("out") / query_name : fs::path(out_option);
    while (!out.has_filename() && out.has_parent_path() && out != out.root_path())
        out = out.parent_path(); // "res/" is the folder res
    return out;
}

void check_run_folder(const fs::path& given, const std::vector<fs::path>& protected_folders)
{
    const fs::path out = resolve_output_path(given);
    std::error_code ec;
    const fs::file_status status = fs::status(out, ec);
    if (!fs::exists(status)) return;
    const std::string name = "'" + given.string() + "'";
    if (!fs::is_directory(status)) throw UsageError(name + " exists and is not a folder" + another_folder(given));
    for (const auto& p : protected_folders)
        if (within(p.empty() ? fs::path(".") : p, out))
            throw UsageError(name + " is or holds " + p.string() + ", an input of this run" + another_folder(given));
    if (holds_input(out)) throw UsageError(name + " holds an input of this run" + another_folder(given));
    if (!has_marker(out))
        throw UsageError(name + " is a folder coterm did not write (it has no " + run_marker +
                         " file), so coterm will not replace it" + another_folder(given));
}

void write_run_folder(const fs::path& given, const std::vector<std::pair<std::string, std::string>>& files,
                      const std::vector<fs::path>& protected_folders, const std::string& marker_note)
{
    check_run_folder(given, protected_folders);
    const fs::path out = resolve_output_path(given);
    const fs::path parent = folder_of(out);
    fs::create_directories(parent);
    remove_stale_temps(parent, run_marker);
    const fs::path temp = create_temp_folder(parent, out.filename().string());
    bool temp_is_ours = true; // false only if a folder of someone else's could be at temp
    try {
        write_output((temp / run_marker).string(), marker_text + marker_note);
        for (const auto& [name, content] : files) {
            // A name may hold a sub-folder ("option-1/groups.csv", coterm propose).
            if (fs::path(name).has_parent_path()) fs::create_directories((temp / name).parent_path());
            write_output((temp / name).string(), content);
        }
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(out, ec))) {
            move_into_place(temp, out, false);
            return;
        }
        const std::string changed = "'" + given.string() +
                                    "' was replaced by a folder coterm did not write while the run was working; "
                                    "not touched" +
                                    another_folder(given);
        if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) {
            // temp now holds the old result. Had someone else's folder been put at
            // `out` since the check, it is swapped back untouched.
            if (!has_marker(temp)) {
                temp_is_ours = ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0;
                throw UsageError(changed);
            }
        } else {
            if (errno != EINVAL && errno != ENOSYS)
                throw DataError("cannot replace '" + given.string() + "': " + std::strerror(errno));
            // No RENAME_EXCHANGE on this file system: two renames. A kill between them
            // leaves the old result under a temporary name (removed by a later run).
            const fs::path old = create_temp_folder(parent, out.filename().string());
            fs::remove(old);
            fs::rename(out, old);
            if (!has_marker(old)) {
                fs::rename(old, out);
                throw UsageError(changed);
            }
            if (std::rename(temp.c_str(), out.c_str()) != 0) {
                const int err = errno;
                fs::rename(old, out); // the old result back in place
                throw DataError("cannot replace '" + given.string() + "': " + std::strerror(err));
            }
            fs::rename(old, temp);
        }
        remove_marked_folder(temp, run_marker); // the old result

    } catch (...) {
        if (temp_is_ours) remove_temp(temp);
        throw;
    }
}

} // namespace coterm::io
