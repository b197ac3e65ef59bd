// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace coterm::io {

/// What an output may do to what is already at its path (docs/architecture.md, Reliability).
struct OutputPolicy {
    bool overwrite = false; ///< --overwrite: an existing regular file may be replaced
};

/// Records a file this process has read (a layer, a CSV, a query or the catalogue), so an
/// output equal to it is refused. Called by the readers; thread-safe. Connection strings
/// and URLs are recorded too and never match a file.
void note_input(const std::string& path);

/// True when `path` is (by std::filesystem::equivalent) a file this process has read.
bool is_input(const std::filesystem::path& path);

/// True when `folder` is an input, or holds one at any depth.
bool holds_input(const std::filesystem::path& folder);

/// Where an output really goes: `path` with its symbolic links followed, also a link
/// whose target does not exist yet (written where it points). DataError for a loop.
std::filesystem::path resolve_output_path(const std::filesystem::path& path);

/// What is at an output path, once checked.
enum class OutputKind {
    standard_output, ///< "" or "-"
    new_file,        ///< nothing there yet
    existing_file,   ///< a regular file, replaced atomically (--overwrite given)
    stream,          ///< a character device or a FIFO: written straight through
};

/// Checks, before any work is done, that `path` may be written: UsageError when it is
/// one of the inputs, a folder, a block device or a socket, or an existing regular file
/// without `policy.overwrite` (the message names the file and suggests --overwrite);
/// DataError when its folder does not exist. Returns what is there.
OutputKind check_output(const std::string& path, const OutputPolicy& policy);

/// Writes `content` to `path` after check_output: stdout for "" or "-"; straight
/// through to a character device or FIFO; otherwise to a new temporary file in the
/// target's folder (symbolic links followed), flushed to disk, given the mode (and, when
/// permitted, the owner) of the file it replaces, and renamed over it in one step, so a
/// reader or a kill never sees a half-written file. Every failure removes the temporary
/// and throws DataError naming the path (UsageError for check_output's refusals).
void write_output(const std::string& path, std::string_view content, const OutputPolicy& policy = {});

/// Copies the file `from` to `to` as write_output writes (checked, temporary, renamed
/// into place); DataError naming `to` on failure, nothing left behind.
void copy_output(const std::string& from, const std::string& to, const OutputPolicy& policy = {});

} // namespace coterm::io
