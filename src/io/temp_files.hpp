// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>

namespace coterm::io {

/// Temporary files and folders coterm makes beside an output before renaming them into
/// place. Their names are `.coterm-tmp-<pid>-<random>-<output name>`: unique between
/// concurrent runs, never the name of a user's file, and recognisable afterwards, so a
/// temporary left by a killed run is removed by a later one once its pid is dead.
inline constexpr const char* temp_prefix = ".coterm-tmp-";

/// A temporary file created (O_EXCL, mode 0666 less the umask) in `folder` for the
/// output named `name`; `fd` is open for writing. DataError naming `folder` on failure.
struct TempFile {
    std::filesystem::path path;
    int fd = -1;
};
TempFile create_temp_file(const std::filesystem::path& folder, const std::string& name);

/// How every file output starts: removes stale temporaries in `folder`, then creates
/// the temporary for the output named `name` there (create_temp_file). The temporary
/// keeps `name` as its end, so drivers that go by the extension see the right one.
TempFile reserve_output_temp(const std::filesystem::path& folder, const std::string& name);

/// A new empty temporary folder in `folder` for the output folder named `name`.
std::filesystem::path create_temp_folder(const std::filesystem::path& folder, const std::string& name);

/// Removes the temporaries of coterm's own naming in `folder` whose process is gone
/// (files, and folders holding the run marker `marker` or nothing but temporaries). Anything else,
/// including the temporaries of running processes, is left alone. Never throws.
void remove_stale_temps(const std::filesystem::path& folder, const std::string& marker);

/// Removes a run folder of coterm's, its marker `marker` last, so a kill midway leaves
/// a folder still recognisable as coterm's (removed by a later run); never throws.
void remove_marked_folder(const std::filesystem::path& folder, const std::string& marker);

/// Removes a temporary file or folder made by this process; never throws.
void remove_temp(const std::filesystem::path& temp);

/// Moves `temp` to `target` in one step. When `replace` is false the move fails if
/// `target` appeared meanwhile (renameat2 RENAME_NOREPLACE, or link + unlink where the
/// file system lacks it), so nothing made by someone else is ever replaced.
/// DataError naming `target` on failure (the temporary is left for the caller).
void move_into_place(const std::filesystem::path& temp, const std::filesystem::path& target, bool replace);

/// The folder an output path is written in ("." for a bare file name).
std::filesystem::path folder_of(const std::filesystem::path& path);

} // namespace coterm::io
