// SPDX-License-Identifier: MIT
#pragma once
#include "io/query_propose.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coterm::io {

/// One dataset of a query: the keys of `coterm apportion` (docs/queries.md).
struct QueryData {
    std::string data, from, period, code_column, lat = "latitude", lon = "longitude";
    std::vector<std::string> var, extensive, intensive, value_column;
    std::vector<std::string> money, count, population; ///< what the extensive variables measure
    std::string per = "residents"; ///< denominator of money and count per head: residents or a mapped variable
    bool points = false;
};

/// A saved analysis (queries/*.toml).
struct Query {
    std::string path; ///< the file, for messages
    std::filesystem::path folder;
    std::string name, title, description;
    std::string layer;                    ///< [footprints] layer = "icb24"
    std::string blocks, by, rest, groups; ///< or built from blocks
    double tolerance = -1;                ///< materiality share τ; < 0: decided from the data (docs/methods.md §11.1)
    double min_people = 0;                ///< pieces with fewer people do not count
    double uncertain = -1;                ///< U; < 0: decided from the data
    double min_coverage = 0.5;            ///< rates resting on less of a footprint's population are flagged
    double simplify = 0;                  ///< metres; 0 = map geometry as computed
    std::string weights, weights_data, weights_var; ///< default: the catalogue's
    std::vector<std::string> compare{"ltla24", "utla23", "icb24", "pfa24", "fra24", "cauth23"};
    std::vector<QueryData> data;
    std::optional<ProposeQuery> propose; ///< [propose]: a `coterm propose` request (then [footprints] is optional)
};

/// Reads a query file. Unknown keys and tables are UsageErrors naming the key, the
/// table and the file, with a did-you-mean; so are missing required keys, values of
/// the wrong type or out of the range the command line accepts, and variables declared
/// inconsistently — all before any data is read.
Query read_query(const std::string& path);

/// Parses query text read from `path` (named in messages). Text that is not valid
/// UTF-8 is a UsageError naming the byte offset, checked before the TOML parser runs.
Query parse_query(std::string_view source, const std::string& path);

} // namespace coterm::io
