// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace coterm {

/// How a column's numbers are written (documented in docs/methods.md).
enum class Format {
    text,    ///< as is
    integer, ///< whole number
    area,    ///< fixed, 6 decimals: m² to the nearest µm², so pieces above 1 m² carry < 5e-7 relative rounding
    share,   ///< 12 significant digits, general notation (keeps sliver magnitudes)
    flag,    ///< true / false
    number,  ///< 15 significant digits, general notation (counts, money, rates)
    list     ///< text items joined by ";": as is in CSV, an array of strings in JSON
};

/// One value: missing, text, number or integer.
using Cell = std::variant<std::monostate, std::string, double, std::int64_t, bool>;

struct Column {
    std::string name;
    Format format = Format::text;
};

/// The one tabular result type: everything written as CSV or JSON is a Table.
struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
};

/// Named tables and a one-row summary: what a command writes as JSON
/// (the first table alone is what it writes as CSV).
struct Report {
    std::vector<std::pair<std::string, Table>> tables;
    Table summary; ///< one row: written as a JSON object
};

/// Builds a Report's one-row summary, one named value at a time.
class SummaryBuilder {
public:
    void add(const std::string& name, Format format, Cell value);
    /// A count, written as an integer.
    void add_count(const std::string& name, std::size_t n) { add(name, Format::integer, static_cast<std::int64_t>(n)); }
    Table take() { return std::move(table_); }

private:
    Table table_;
};

/// The text of a cell in a column's format; missing and non-finite values give "".
std::string format_cell(const Cell& cell, Format format);

/// True when the cell must be written as a JSON string rather than a bare number.
bool is_text_cell(const Cell& cell, Format format);

/// True for the formats of real numbers (area, share, number): JSON writes their values
/// with a decimal point, so readers such as OGR type the column Real even when every
/// value is whole (a share column of 1s).
bool is_real_format(Format format);

/// The items of a Format::list cell ("" gives none).
std::vector<std::string> list_items(const std::string& joined);

} // namespace coterm
