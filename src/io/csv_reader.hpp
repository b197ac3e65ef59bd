// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace coterm::io {

/// A CSV file read whole: header and rows of text fields.
struct CsvFile {
    std::string path;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  ///< each as long as the header
    std::vector<std::size_t> lines;              ///< line number (1-based) of each row, for messages

    /// Index of a column; throws UsageError naming the file, the column and a
    /// did-you-mean when it is missing.
    std::size_t column(const std::string& name, const char* option) const;
    /// Index of a column, or npos when missing.
    std::size_t find_column(const std::string& name) const;
};

/// Reads an RFC 4180 CSV (UTF-8, optional BOM, quoted fields with "" escapes and line
/// breaks, CRLF or LF). Throws DataError naming the file and line for an unreadable
/// file, an unterminated quote or a row with the wrong number of fields.
CsvFile read_csv(const std::string& path);

/// Parses a number written in a CSV field ("1474", "-3.5e2", " 12 "); false for
/// empty, non-numeric or non-finite text.
bool parse_number(const std::string& text, double& value);

} // namespace coterm::io
