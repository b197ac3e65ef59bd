// SPDX-License-Identifier: MIT
#include "core/table.hpp"

#include "core/number_format.hpp"

namespace coterm {

std::string format_cell(const Cell& cell, Format format)
{
    if (const auto* s = std::get_if<std::string>(&cell)) return *s;
    if (const auto* b = std::get_if<bool>(&cell)) return *b ? "true" : "false";
    if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&cell)) {
        switch (format) {
        case Format::area:
            return format_fixed(*d, 6);
        case Format::share:
            return format_general(*d, 12);
        case Format::integer:
            return format_fixed(*d, 0);
        default:
            return format_general(*d, 15);
        }
    }
    return {};
}

void SummaryBuilder::add(const std::string& name, Format format, Cell value)
{
    table_.columns.push_back({name, format});
    if (table_.rows.empty()) table_.rows.emplace_back();
    table_.rows.front().push_back(std::move(value));
}

bool is_text_cell(const Cell& cell, Format format)
{
    return std::holds_alternative<std::string>(cell) || format == Format::text || format == Format::list;
}

bool is_real_format(Format format)
{
    return format == Format::area || format == Format::share || format == Format::number;
}

std::vector<std::string> list_items(const std::string& joined)
{
    std::vector<std::string> items;
    if (joined.empty()) return items;
    std::size_t start = 0;
    for (std::size_t end; (end = joined.find(';', start)) != std::string::npos; start = end + 1)
        items.push_back(joined.substr(start, end - start));
    items.push_back(joined.substr(start));
    return items;
}

} // namespace coterm
