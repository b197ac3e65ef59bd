// SPDX-License-Identifier: MIT
#include "render/display_format.hpp"

#include "core/number_format.hpp"
#include "core/readable_number.hpp"

#include <cmath>

namespace coterm::render {

std::string group_thousands(double value, int decimals)
{
    return format_thousands(value, decimals); // one implementation for summary.md and the page
}

std::optional<double> cell_number(const Cell& value)
{
    if (const auto* d = std::get_if<double>(&value)) {
        if (std::isfinite(*d)) return *d;
        return std::nullopt;
    }
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    if (const auto* b = std::get_if<bool>(&value)) return *b ? 1.0 : 0.0;
    return std::nullopt;
}

namespace {

std::string format_number(double v)
{
    const double a = std::fabs(v);
    if (a >= 1000) return group_thousands(v, 0);
    if (a >= 10) return group_thousands(v, 1);
    if (a == 0) return "0";
    return format_general(v, 3);
}

std::string format_share(double v)
{
    const double pct = 100 * v;
    if (pct > 99.95 && pct < 100) return ">99.9 %";
    if (pct > 0 && pct < 0.05) return "<0.1 %";
    return format_fixed(pct, 1) + " %";
}

} // namespace

std::string format_display(const Cell& value, ValueKind kind)
{
    if (std::holds_alternative<std::monostate>(value)) return "–";
    if (const auto* s = std::get_if<std::string>(&value)) return s->empty() ? "–" : *s;
    if (const auto* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
    const std::optional<double> v = cell_number(value);
    if (!v) return "–";
    switch (kind) {
    case ValueKind::money: {
        const std::string digits = group_thousands(std::fabs(*v), std::fabs(*v) >= 1000 ? 0 : 2);
        return (*v < 0 ? "-£" : "£") + digits;
    }
    case ValueKind::share:
        return format_share(*v);
    case ValueKind::count:
        return group_thousands(*v, 0);
    case ValueKind::flag:
        return *v != 0 ? "yes" : "no";
    case ValueKind::category:
    case ValueKind::text:
        if (std::holds_alternative<std::int64_t>(value)) return std::to_string(std::get<std::int64_t>(value));
        return format_general(*v, 15);
    case ValueKind::number:
        break;
    }
    return format_number(*v);
}

ValueKind kind_of_format(Format format)
{
    switch (format) {
    case Format::integer:
        return ValueKind::count;
    case Format::share:
        return ValueKind::share;
    case Format::flag:
        return ValueKind::flag;
    case Format::area:
    case Format::number:
        return ValueKind::number;
    case Format::text:
    case Format::list:
        break;
    }
    return ValueKind::text;
}

std::string escape_xml(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace coterm::render
