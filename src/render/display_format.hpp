// SPDX-License-Identifier: MIT
// Numbers as people read them in reports and on maps: thousands separators, £ and %
// (docs/methods.md §15.3). Files for machines keep core/number_format's plain digits.
#pragma once
#include "core/table.hpp"
#include "render/map_model.hpp"

#include <optional>
#include <string>

namespace coterm::render {

/// "1,234,567.8": `value` in fixed notation with `decimals` digits and a comma between
/// groups of three integer digits. Non-finite values give "".
std::string group_thousands(double value, int decimals);

/// A value written for display by its kind: number 1,234 / 83.1 / 0.123; money
/// £10,230,094,804 / £180.12; share 98.7 % (">99.9 %" and "<0.1 %" near the ends);
/// count 1,234; flag yes / no; category and text as they are. Missing gives "–".
std::string format_display(const Cell& value, ValueKind kind);

/// The number in a cell (integers and flags included), or nothing for text and missing.
std::optional<double> cell_number(const Cell& value);

/// The display kind of a table column without a declared kind.
ValueKind kind_of_format(Format format);

/// Text made safe inside HTML or XML content and attribute values.
std::string escape_xml(const std::string& text);

} // namespace coterm::render
