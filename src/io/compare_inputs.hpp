// SPDX-License-Identifier: MIT
// What `coterm compare` reads besides queries: options files (queries/options-*.toml)
// and the query recorded in a run folder's marker.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace coterm::io {

/// One option of an options file.
struct OptionEntry {
    std::string query; ///< the query file, resolved against the options file's folder
    std::string named; ///< the query as the options file names it
    std::string label; ///< short name for column headers; "" = the query's name
};

/// An options file: `[[option]] query = "status-quo-icbs.toml"` tables and a title.
struct OptionsFile {
    std::string path; ///< the file, for messages
    std::string name, title, description;
    std::vector<OptionEntry> options;
};

/// Reads `path` as an options file when it holds `[[option]]` tables; nothing when it is
/// a TOML file without them (then it is a query). UsageError naming the file and key for
/// unknown keys, a missing `query`, fewer than one option, or text that is not UTF-8 TOML.
std::optional<OptionsFile> read_options_file(const std::string& path);

/// The line `coterm run` adds to a run folder's marker: the query's path relative to the
/// folder `out`, so the folder can be moved with its query and holds no absolute path.
std::string query_record(const std::filesystem::path& out, const std::string& query);

/// The query recorded in run folder `folder`'s marker, as a path usable from here.
/// UsageError naming the folder when it does not exist, is not a folder, has no
/// coterm marker (not a run folder), or records no query (written by `coterm propose`
/// or an older coterm: run the query again).
std::string run_folder_query(const std::filesystem::path& folder);

} // namespace coterm::io
