// SPDX-License-Identifier: MIT
#include "render/classify.hpp"

#include "render/display_format.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace coterm::render {
namespace {

/// Text of a category value (flags as yes / no, integers as digits).
std::optional<std::string> category_of(const Cell& c, ValueKind kind)
{
    if (std::holds_alternative<std::monostate>(c)) return std::nullopt;
    if (const auto* s = std::get_if<std::string>(&c); s && s->empty()) return std::nullopt;
    return format_display(c, kind == ValueKind::flag ? ValueKind::flag : ValueKind::category);
}

Classification classify_categories(const std::vector<MapFeature>& features, const Measure& measure, std::size_t m)
{
    Classification out;
    out.categorical = true;
    out.method = "categories";
    std::map<std::string, int> index;
    for (const auto& f : features)
        if (auto c = category_of(f.values[m], measure.kind)) index.emplace(*c, 0);
    const auto& palette = categorical_palette();
    std::size_t k = 0;
    for (auto& [label, i] : index) {
        if (k < palette.size()) {
            out.classes.push_back({label, palette[k]});
        } else if (k == palette.size()) {
            out.classes.push_back({"other", other_colour});
        }
        i = static_cast<int>(std::min(k, palette.size()));
        ++k;
    }
    for (const auto& f : features) {
        const auto c = category_of(f.values[m], measure.kind);
        const int i = c ? index.at(*c) : -1;
        out.class_of.push_back(i);
        if (i >= 0) ++out.classes[i].count;
    }
    return out;
}

} // namespace

Classification classify(const std::vector<MapFeature>& features, const Measure& measure, std::size_t m,
                        std::size_t classes)
{
    if (measure.kind == ValueKind::category || measure.kind == ValueKind::flag || measure.kind == ValueKind::text)
        return classify_categories(features, measure, m);
    std::vector<double> values;
    for (const auto& f : features)
        if (auto v = cell_number(f.values[m])) values.push_back(*v);
    std::sort(values.begin(), values.end());
    std::vector<double> distinct = values;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

    Classification out;
    // Lower bounds of the classes, ascending.
    std::vector<double> lower;
    const std::size_t per_value_limit = measure.kind == ValueKind::count ? std::max<std::size_t>(classes, 7) : classes;
    if (distinct.size() <= per_value_limit) {
        lower = distinct;
        out.method = "one class per value";
    } else {
        out.method = "quantiles";
        lower.push_back(values.front());
        for (std::size_t k = 1; k < classes; ++k) {
            const double b = values[k * values.size() / classes];
            if (b > lower.back()) lower.push_back(b);
        }
    }
    const std::vector<Rgb> colours = sequential_palette(lower.size());
    for (std::size_t i = 0; i < lower.size(); ++i)
        out.classes.push_back({"", colours[i], 0, lower[i], lower[i]});
    for (const auto& f : features) {
        const auto v = cell_number(f.values[m]);
        int i = -1;
        if (v) {
            i = static_cast<int>(std::upper_bound(lower.begin(), lower.end(), *v) - lower.begin()) - 1;
            MapClass& c = out.classes[i];
            if (c.count == 0 || *v < c.min) c.min = *v;
            if (c.count == 0 || *v > c.max) c.max = *v;
            ++c.count;
        }
        out.class_of.push_back(i);
    }
    for (auto& c : out.classes) {
        const std::string lo = format_display(c.min, measure.kind), hi = format_display(c.max, measure.kind);
        c.label = lo == hi ? lo : lo + " – " + hi;
    }
    return out;
}

Rgb fill_of(const Classification& c, std::size_t feature)
{
    const int i = c.class_of[feature];
    return i < 0 ? no_data_colour : c.classes[i].colour;
}

} // namespace coterm::render
