// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace coterm::io {

/// A CSV file read whole: header and rows of text fields. Fields are views into the
/// file's text (or, for quoted fields with "" escapes, into `unescaped`), stored flat,
/// so reading a 100,000-row file allocates almost nothing per field.
struct CsvFile {
    std::string path;
    std::vector<std::string> header;
    std::vector<std::size_t> lines; ///< line number (1-based) of each row, for messages

    /// Number of data rows.
    std::size_t row_count() const { return lines.size(); }
    /// Field `column` of data row `row`.
    std::string_view field(std::size_t row, std::size_t column) const { return fields_[row * header.size() + column]; }

    /// Index of a column; throws UsageError naming the file, the column and a
    /// did-you-mean when it is missing.
    std::size_t column(const std::string& name, const char* option) const;
    /// Index of a column, or npos when missing.
    std::size_t find_column(const std::string& name) const;

    /// The file's bytes and the unescaped quoted fields, which the views point into;
    /// held by pointer so that moving or copying a CsvFile never moves them (a short
    /// std::string would otherwise move its bytes with it).
    std::shared_ptr<const std::string> text;
    std::shared_ptr<std::deque<std::string>> unescaped = std::make_shared<std::deque<std::string>>();
    std::vector<std::string_view> fields_; ///< row-major, header.size() per row
};

/// Reads an RFC 4180 CSV (UTF-8, optional BOM, quoted fields with "" escapes and line
/// breaks, CRLF or LF). Throws DataError naming the file and line for an unreadable
/// file, an unterminated quote or a row with the wrong number of fields.
CsvFile read_csv(const std::string& path);

/// Parses CSV text already in `out.text` (read_csv does this after reading the file).
void parse_csv_text(CsvFile& out);

/// Parses a number written in a CSV field ("1474", "-3.5e2", " 12 "); false for
/// empty, non-numeric or non-finite text.
bool parse_number(std::string_view text, double& value);

} // namespace coterm::io
