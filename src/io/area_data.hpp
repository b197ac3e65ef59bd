// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace coterm::io {

/// What to read from a values file (see docs/cli/apportion.md).
struct DataRequest {
    std::string path;                       ///< CSV file
    std::vector<std::string> variables;     ///< tidy: variables to keep (empty = all)
    std::string period;                     ///< tidy: period to keep (empty = each variable's only one)
    std::string code_column;                ///< wide: the code column (given = wide layout)
    std::vector<std::string> value_columns; ///< wide and points: the value columns
    std::string lat_column = "latitude";    ///< points: WGS 84 latitude column
    std::string lon_column = "longitude";   ///< points: WGS 84 longitude column
    bool skip_absent = false;               ///< tidy: skip requested variables the file lacks
    /// Variables named elsewhere (--extensive, --intensive, --ratio, a query's lists),
    /// each with the option that named it: every one must be in the file(s), else a
    /// UsageError names it, the file and what the file holds.
    std::vector<std::pair<std::string, std::string>> declared;
};

/// A value that could not be read: reported, never taken as 0.
struct ValueProblem {
    std::size_t line = 0;
    std::string code;
    std::string variable;
    std::string text; ///< what the field held ("" when empty)
};

/// Values per area code, one map per variable.
struct AreaValues {
    std::vector<std::string> variables;
    std::vector<std::map<std::string, double>> by_code; ///< per variable: code → value
    std::vector<std::string> kinds;                     ///< per variable: from a `kind` column, or ""
    std::vector<ValueProblem> problems;                 ///< non-numeric or empty values
    std::vector<std::string> present;                   ///< tidy: every variable in the file
};

/// Reads a tidy file (columns area_code, variable, value[, period, kind]) or, with
/// code_column, a wide one. Throws UsageError for a missing column or variable, or
/// several periods without `period`; DataError for a code given twice.
AreaValues read_area_values(const DataRequest& request);

/// Reads several files with the same request and puts their variables together; each
/// requested variable must be in one of them (UsageError with a did-you-mean otherwise),
/// and no variable may come from two files.
AreaValues read_area_values(const std::vector<std::string>& paths, const DataRequest& request);

/// Values at points (one row per point), e.g. payments per GP practice.
struct PointValues {
    std::vector<std::string> variables;
    std::vector<double> lon, lat;            ///< WGS 84, for the points with coordinates
    std::vector<std::string> ids;            ///< first column, for messages
    std::vector<std::string> codes;          ///< per located point: its code_column value (if asked)
    std::vector<std::vector<double>> values; ///< per variable, per located point (NaN = missing)
    std::vector<ValueProblem> problems;
    std::size_t unlocated = 0;         ///< rows without usable coordinates
    std::vector<double> unlocated_sum; ///< per variable: Σ of their values
};

/// Reads a point file: lat/lon columns, the value columns and, when code_column is
/// given, each point's own target code.
PointValues read_point_values(const DataRequest& request);

/// `path` as given when it exists, else inside `data_dir`; DataError naming both.
std::string resolve_data_file(const std::string& path, const std::filesystem::path& data_dir);

/// Small-area weights: a layer's features joined by code to one variable of a tidy
/// file. Features without a value get 0 and are listed; data codes that are not in
/// the layer are listed too.
struct WeightValues {
    std::vector<double> values;             ///< aligned with the layer's features
    std::vector<std::string> missing_codes; ///< features with no (numeric) value
    std::vector<std::string> unknown_codes; ///< codes in the file, not in the layer
};
WeightValues join_weights(const std::vector<std::string>& layer_codes, const std::string& path,
                          const std::string& variable);

} // namespace coterm::io
