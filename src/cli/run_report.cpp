// SPDX-License-Identifier: MIT
#include "cli/run_report.hpp"

#include "cli/map_geometry.hpp"
#include "core/number_format.hpp"
#include "core/strings.hpp"
#include "render/display_format.hpp"
#include "render/map_geometry.hpp"
#include "render/report_html.hpp"
#include "render/static_map.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <sstream>

namespace coterm::cli {
namespace {

using render::ValueKind;

constexpr const char* attribution =
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © "
    "Crown copyright and database right. Contains public sector information licensed under the Open Government "
    "Licence v3.0 (NHS England, DHSC, OHID, MHCLG).";

/// Below this share of a footprint's people with a value, a mapped value is flagged.
constexpr double low_coverage = 0.95;

/// "total_payments_gbp_per_head" -> "Total payments per head (£)"; known abbreviations spelt out.
std::string humanise(std::string name)
{
    bool money = false, per_head = false;
    if (name.ends_with("_per_head")) name.erase(name.size() - 9), per_head = true;
    if (name.ends_with("_gbp")) name.erase(name.size() - 4), money = true;
    static const std::map<std::string, std::string> words = {{"gp", "GP"},        {"imd2025", "IMD 2025"},
                                                             {"u75", "under-75"}, {"wp", "need-weighted population:"},
                                                             {"nhs", "NHS"},      {"usual", "usual"}};
    std::istringstream in(name);
    std::string word, out, previous;
    std::vector<std::string> parts;
    while (std::getline(in, word, '_'))
        parts.push_back(word);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string w = words.count(parts[i]) ? words.at(parts[i]) : parts[i];
        // "2025_26" is a financial year: 2025/26.
        if (i + 1 < parts.size() && parts[i].size() == 4 && parts[i + 1].size() == 2 &&
            std::isdigit(static_cast<unsigned char>(parts[i][0])) &&
            std::isdigit(static_cast<unsigned char>(parts[i + 1][0])))
            w += "/" + parts[++i];
        out += (out.empty() ? "" : " ") + w;
    }
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out + (per_head ? " per head" : "") + (money ? " (£)" : "");
}

/// "Police force areas December 2024, rebuilt …" -> "Police force areas": the words of a
/// catalogue title before its date, bracket or comma.
std::string short_title(const io::Catalogue& catalogue, const std::string& id)
{
    static const std::vector<std::string> months = {"January",   "February", "March",    "April",
                                                    "May",       "June",     "July",     "August",
                                                    "September", "October",  "November", "December"};
    for (const auto& layer : catalogue.layers) {
        if (layer.id != id) continue;
        std::istringstream in(layer.title);
        std::string word, out;
        while (in >> word) {
            if (std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '(' ||
                std::find(months.begin(), months.end(), word) != months.end())
                break;
            const bool comma = word.back() == ',';
            if (comma) word.pop_back();
            out += (out.empty() ? "" : " ") + word;
            if (comma) break;
        }
        return out.empty() ? id : out + " (" + id + ")";
    }
    return id;
}

std::size_t column_index(const Table& t, const std::string& name)
{
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].name == name) return c;
    return t.columns.size();
}

/// A table's column header: short, the layer's id for alignment columns ("icb24: units met").
std::string column_header(const std::string& name)
{
    static const std::vector<std::pair<std::string, std::string>> suffixes = {{"_units", ": units met"},
                                                                              {"_covered_share", ": % covered"},
                                                                              {"_best_share", ": % in best unit"},
                                                                              {"_whole", ": whole units"},
                                                                              {"_splits", ": units split"}};
    for (const auto& [suffix, text] : suffixes)
        if (name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size()) + text;
    if (name.ends_with("_coverage")) return humanise(name.substr(0, name.size() - 9)) + ": coverage";
    return humanise(name);
}

/// Long numbers in a sentence written with thousands separators ("56490108" -> "56,490,108");
/// codes and names with digits in them ("E54000023", "lsoa21", "2022_23") are left alone.
std::string group_numbers(const std::string& line)
{
    std::string out;
    std::size_t i = 0;
    auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; };
    while (i < line.size()) {
        const bool starts = std::isdigit(static_cast<unsigned char>(line[i])) && (i == 0 || !word_char(line[i - 1]));
        std::size_t j = i;
        while (starts && j < line.size() && std::isdigit(static_cast<unsigned char>(line[j])))
            ++j;
        std::size_t k = j;
        if (k < line.size() && line[k] == '.' && k + 1 < line.size() &&
            std::isdigit(static_cast<unsigned char>(line[k + 1])))
            for (++k; k < line.size() && std::isdigit(static_cast<unsigned char>(line[k]));)
                ++k;
        if (!starts || j - i < 5 ||
            (k < line.size() && (std::isalpha(static_cast<unsigned char>(line[k])) || line[k] == '_'))) {
            out += line[i++];
            continue;
        }
        std::string digits = line.substr(i, j - i);
        for (std::size_t p = digits.size(); p > 3; p -= 3)
            digits.insert(p - 3, ",");
        out += digits + line.substr(j, k - j);
        i = k;
    }
    return out;
}

} // namespace

render::Overlay comparison_overlay(const Layer& layer, const io::Catalogue& catalogue, bool visible)
{
    std::vector<const Geometry*> shapes;
    for (const auto& f : layer.features)
        shapes.push_back(&f.geometry);
    return {short_title(catalogue, layer.label), render::simplified_outlines(shapes, overlay_simplify_m), visible};
}

render::ReportModel run_report_model(const RunReportInput& in)
{
    const io::Query& q = in.query;
    const Table& t = in.table;
    render::ReportModel m;
    m.title = q.title.empty() ? q.name : q.title;
    m.subtitle = q.description;
    m.attribution = attribution;
    m.overlays = in.overlays;

    // Columns: code, name, population, the data columns, then five per comparison layer
    // (<L>_units, _covered_share, _best_share, _whole, _splits; docs/methods.md §14).
    std::vector<std::size_t> data_cols, align_cols, split_cols;
    std::vector<std::pair<std::size_t, std::size_t>> coverage_of; // (value column, its coverage column)
    std::vector<render::ValueKind> kinds(t.columns.size(), ValueKind::text);
    kinds[2] = ValueKind::count;
    m.measures.push_back({"population", "People", ValueKind::count, ""});
    std::vector<std::size_t> measure_cols = {2};
    std::size_t default_measure = 0;
    for (std::size_t c = 3; c < t.columns.size(); ++c) {
        const std::string& name = t.columns[c].name;
        const bool money = name.find("_gbp") != std::string::npos;
        std::string label = humanise(name);
        ValueKind kind = money ? ValueKind::money : ValueKind::number;
        bool measure = true;
        if (name.ends_with("_units")) {
            label = short_title(in.catalogue, name.substr(0, name.size() - 6)) + ": units met";
            kind = ValueKind::count;
            if (align_cols.empty()) default_measure = m.measures.size();
        } else if (name.ends_with("_covered_share")) {
            label = short_title(in.catalogue, name.substr(0, name.size() - 14)) + ": share of people covered";
            kind = ValueKind::share;
        } else if (name.ends_with("_best_share")) {
            label = short_title(in.catalogue, name.substr(0, name.size() - 11)) + ": share in the best-matching unit";
            kind = ValueKind::share;
        } else if (name.ends_with("_whole")) {
            label = short_title(in.catalogue, name.substr(0, name.size() - 6)) + ": made of whole units";
            kind = ValueKind::flag;
        } else if (name.ends_with("_splits")) {
            label = short_title(in.catalogue, name.substr(0, name.size() - 7)) + ": units split";
            kind = ValueKind::text;
            measure = false;
            split_cols.push_back(c);
        } else if (name.ends_with("_coverage")) {
            label = humanise(name.substr(0, name.size() - 9)) + ": coverage";
            kind = ValueKind::share;
            measure = false;
            coverage_of.emplace_back(column_index(t, name.substr(0, name.size() - 9)), c);
        }
        kinds[c] = kind;
        const bool alignment = !align_cols.empty() || name.ends_with("_units");
        (alignment ? align_cols : data_cols).push_back(c);
        if (!measure) continue;
        // Hovering lists the data and the units met per layer; the shares stay in the table.
        const bool tip = !alignment || name.ends_with("_units");
        m.measures.push_back({name, label, kind, "", tip});
        measure_cols.push_back(c);
    }
    m.default_measure = default_measure;
    if (!split_cols.empty()) {
        const std::string& name = t.columns[split_cols.front()].name;
        m.marked_label = "Splits a unit of " + short_title(in.catalogue, name.substr(0, name.size() - 7));
    }

    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const auto& row = t.rows[i];
        render::MapFeature f{in.footprints.features[i].code, in.footprints.features[i].name, {}, {}, false};
        for (std::size_t c : measure_cols)
            f.values.push_back(row[c]);
        // Marked: splits a unit of the first comparison layer, the one the map opens with
        // (marking a split of any layer would hatch nearly every ICB: most cut a fire area).
        if (!split_cols.empty())
            if (const auto* s = std::get_if<std::string>(&row[split_cols.front()]); s && !s->empty()) f.marked = true;
        m.features.push_back(std::move(f));
    }
    const std::vector<Wkb> simplified =
        in.simplify_m > 0 ? std::vector<Wkb>{} : map_geometries(in.footprints, report_simplify_m, true);
    for (std::size_t i = 0; i < m.features.size(); ++i)
        m.features[i].geometry_bng = in.simplify_m > 0 ? in.geometries[i] : simplified[i];

    // Tables: the alignment matrix and the data, each led by code, name and population.
    auto sub_table = [&](const std::string& title, const std::vector<std::size_t>& cols) {
        render::ReportTable rt;
        rt.title = title;
        std::vector<std::size_t> all = {0, 1, 2};
        all.insert(all.end(), cols.begin(), cols.end());
        for (std::size_t c : all) {
            Column col = t.columns[c];
            col.name = c == 0 ? "code" : c == 1 ? "Name" : c == 2 ? "People" : m.measures.front().label;
            if (c > 2) col.name = column_header(t.columns[c].name);
            rt.table.columns.push_back(col);
            rt.kinds.push_back(kinds[c]);
        }
        for (const auto& row : t.rows) {
            std::vector<Cell> r;
            for (std::size_t c : all)
                r.push_back(row[c]);
            rt.table.rows.push_back(std::move(r));
        }
        for (const auto& [value, coverage] : coverage_of)
            for (std::size_t i = 0; i < t.rows.size(); ++i) {
                const auto share = render::cell_number(t.rows[i][coverage]);
                if (!share || *share >= low_coverage) continue;
                for (std::size_t k = 0; k < all.size(); ++k)
                    if (all[k] == value || all[k] == coverage) rt.flagged.emplace_back(i, k);
            }
        rt.flag_note = "Value from under 95 % of the area's people: the source data cover only part of it (see its "
                       "coverage column).";
        return rt;
    };
    if (!align_cols.empty()) m.tables.push_back(sub_table("Alignment with each comparison layer", align_cols));
    if (!data_cols.empty()) m.tables.push_back(sub_table("Data mapped onto the footprints", data_cols));

    const RunFindings& f = in.findings;
    const double total = std::accumulate(f.population.begin(), f.population.end(), 0.0);
    const std::size_t marked =
        std::count_if(m.features.begin(), m.features.end(), [](const auto& mf) { return mf.marked; });
    m.headline = {{"Footprints", std::to_string(m.features.size())},
                  {"People in footprints", render::group_thousands(total, 0)},
                  {"People outside every footprint", render::group_thousands(f.outside, 0)},
                  {"Footprints splitting" + m.marked_label.substr(6), std::to_string(marked)}};
    std::vector<std::string> compared;
    for (const auto& id : q.compare)
        compared.push_back(short_title(in.catalogue, id));
    if (!compared.empty()) m.headline.emplace_back("Compared with", join(compared, "; "));
    // The alignment lines; which units each footprint splits is in the alignment table.
    m.findings = f.alignment;
    for (const auto& line : f.conservation)
        m.conservation.push_back(group_numbers(line));
    m.notes.push_back(
        "Query: " + q.name +
        "; footprints: " + (q.layer.empty() ? "built from whole " + q.blocks : short_title(in.catalogue, q.layer)) +
        "; weights: " + f.weights_label + " (each small area to the footprint holding its point on surface).");
    m.notes.push_back("Map geometry simplified at " +
                      format_general(in.simplify_m > 0 ? in.simplify_m : report_simplify_m, 6) +
                      " m (comparison boundaries at " + format_general(overlay_simplify_m, 6) +
                      " m) for display only, shared edges kept identical; every number is computed on full geometry.");
    m.notes.push_back(
        "Map classes: quantiles (about equal numbers of footprints per class) for numbers, one class per "
        "value for counts with few values; ColorBrewer YlGnBu and Okabe–Ito colours (docs/methods.md §15).");
    return m;
}

std::vector<std::pair<std::string, std::string>> run_report_files(const RunReportInput& in)
{
    const render::ReportModel m = run_report_model(in);
    render::StaticMapOptions png;
    return {{"report.html", render::render_report_html(m)}, {"map.png", render::render_static_map(m, png)}};
}

} // namespace coterm::cli
