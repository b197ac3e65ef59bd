// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace coterm::io {

/// One dataset of a query: the keys of `coterm apportion` (docs/queries.md).
struct QueryData {
    std::string data, from, period, code_column, lat = "latitude", lon = "longitude";
    std::vector<std::string> var, extensive, intensive, value_column;
    bool points = false;
};

/// A saved analysis (queries/*.toml).
struct Query {
    std::string path; ///< the file, for messages
    std::filesystem::path folder;
    std::string name, title, description;
    std::string layer;                    ///< [footprints] layer = "icb24"
    std::string blocks, by, rest, groups; ///< or built from blocks
    double tolerance = 0.99, sliver = 0.001;
    double simplify = 0;                            ///< metres; 0 = map geometry as computed
    std::string weights, weights_data, weights_var; ///< default: the catalogue's
    std::vector<std::string> compare{"ltla24", "utla23", "icb24", "pfa24", "fra24", "cauth23"};
    std::vector<QueryData> data;
};

/// Reads a query file. Unknown keys and tables are UsageErrors naming the key, the
/// table and the file, with a did-you-mean; so are missing required keys.
Query read_query(const std::string& path);

/// Parses query text read from `path` (named in messages). Text that is not valid
/// UTF-8 is a UsageError naming the byte offset, checked before the TOML parser runs.
Query parse_query(std::string_view source, const std::string& path);

} // namespace coterm::io
