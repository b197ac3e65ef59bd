// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace coterm::io {

/// The file coterm writes first into every run folder. coterm replaces a folder only
/// when it holds this file: a folder of anything else is never touched.
inline constexpr const char* run_marker = ".coterm-run";

/// The output folder of `coterm run`: `out_option` when given (a trailing slash
/// removed), else out/<query_name>.
std::filesystem::path run_folder_path(const std::string& out_option, const std::string& query_name);

/// Checks that `out` may receive a run: it does not exist, or it is a folder holding
/// coterm's marker that neither is nor holds one of `protected_folders` (the query's
/// folder, the data directory) or any file this process has read. Symbolic links are
/// followed. UsageError naming the path and suggesting another folder otherwise.
void check_run_folder(const std::filesystem::path& out, const std::vector<std::filesystem::path>& protected_folders);

/// Writes `files` (name, content) with the marker into a new temporary folder beside
/// `out`, then swaps it with the old result in one step (renameat2 RENAME_EXCHANGE; a
/// plain rename when there is none), so a kill at any moment leaves either the old or
/// the new result whole. Checks with check_run_folder first, removes the stale
/// temporaries of killed runs, and removes its own on every failure. DataError on a
/// write failure. `marker_note` is appended to the marker (e.g. the query it ran, for
/// `coterm compare`).
void write_run_folder(const std::filesystem::path& out, const std::vector<std::pair<std::string, std::string>>& files,
                      const std::vector<std::filesystem::path>& protected_folders, const std::string& marker_note = {});

} // namespace coterm::io
