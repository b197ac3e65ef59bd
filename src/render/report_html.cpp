// SPDX-License-Identifier: MIT
#include "render/report_html.hpp"

#include "core/number_format.hpp"
#include "render/classify.hpp"
#include "render/display_format.hpp"
#include "render/map_geometry.hpp"
#include "render/palette.hpp"
#include "render/report_assets.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace coterm::render {
namespace {

/// A JSON string literal; "<" is escaped so no "</script>" can end the data block early.
std::string json_string(const std::string& s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '<') {
            out += "\\u003c";
        } else if (c < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

/// The page's data: measures with their classes, each feature's class and display text.
std::string data_json(const ReportModel& m, const std::vector<Classification>& classes)
{
    std::string j = "{\"default\":" + std::to_string(m.default_measure) + ",\"noData\":\"" + to_hex(no_data_colour) +
                    "\",\"features\":[";
    for (std::size_t i = 0; i < m.features.size(); ++i)
        j += std::string(i ? "," : "") + "[" + json_string(m.features[i].code) + "," + json_string(m.features[i].name) +
             "," + (m.features[i].marked ? "1" : "0") + "]";
    j += "],\"measures\":[";
    for (std::size_t k = 0; k < m.measures.size(); ++k) {
        const Measure& me = m.measures[k];
        const Classification& c = classes[k];
        j += std::string(k ? "," : "") + "{\"id\":" + json_string(me.id) + ",\"label\":" + json_string(me.label) +
             ",\"unit\":" + json_string(me.unit) + ",\"tip\":" + (me.in_tooltip ? "1" : "0") +
             ",\"method\":" + json_string(c.method) + ",\"classes\":[";
        for (std::size_t i = 0; i < c.classes.size(); ++i) {
            const MapClass& mc = c.classes[i];
            j += std::string(i ? "," : "") + "{\"label\":" + json_string(mc.label) + ",\"colour\":\"" +
                 to_hex(mc.colour) + "\",\"count\":" + std::to_string(mc.count);
            if (!c.categorical)
                j += ",\"min\":" + format_general(mc.min, 15) + ",\"max\":" + format_general(mc.max, 15);
            j += "}";
        }
        j += "],\"cls\":[";
        for (std::size_t i = 0; i < c.class_of.size(); ++i)
            j += (i ? "," : "") + std::to_string(c.class_of[i]);
        j += "],\"text\":[";
        for (std::size_t i = 0; i < m.features.size(); ++i)
            j += (i ? "," : "") + json_string(format_display(m.features[i].values[k], me.kind));
        j += "]}";
    }
    return j + "]}";
}

std::string svg_map(const ReportModel& m, const std::vector<Classification>& classes, const HtmlOptions& o)
{
    const Box box = map_extent(m.features);
    const double u = o.unit_m;
    const long long pad = 200;
    const long long x0 = std::llround(std::floor(box.min_x / u)) - pad;
    const long long y0 = std::llround(std::floor(-box.max_y / u)) - pad;
    const long long w = std::llround(std::ceil(box.max_x / u)) - x0 + pad;
    const long long h = std::llround(std::ceil(-box.min_y / u)) - y0 + pad;
    std::string s = "<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + std::to_string(x0) + " " +
                    std::to_string(y0) + " " + std::to_string(w) + " " + std::to_string(h) +
                    "\" role=\"img\" aria-label=\"" + escape_xml(m.title) + "\" data-unit-m=\"" + format_general(u, 6) +
                    "\">\n<defs></defs>\n<g id=\"features\">\n";
    // Marked features last, so their outline is drawn over their neighbours' edges.
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t i = 0; i < m.features.size(); ++i) {
            const MapFeature& f = m.features[i];
            if (f.marked != (pass == 1)) continue;
            const Rgb fill = m.measures.empty() ? plain_colour : fill_of(classes[m.default_measure], i);
            s += "<path data-i=\"" + std::to_string(i) + "\" data-code=\"" + escape_xml(f.code) + "\"" +
                 (f.marked ? " class=\"marked\"" : "") + " fill=\"" + to_hex(fill) + "\" d=\"" +
                 svg_path_data(f.geometry_bng, u) + "\"/>\n";
        }
    s += "</g>\n";
    for (std::size_t k = 0; k < m.overlays.size(); ++k) {
        const Overlay& ov = m.overlays[k];
        const auto& lines = overlay_palette();
        s += "<g class=\"overlay\" data-overlay=\"" + std::to_string(k) + "\" stroke=\"" +
             to_hex(lines[k % lines.size()]) + "\"" + (ov.visible ? "" : " display=\"none\"") + "><path d=\"";
        for (const auto& g : ov.geometries_bng)
            s += svg_path_data(g, u);
        s += "\"/></g>\n";
    }
    if (!m.captions.empty()) {
        const long long size = std::max<long long>(w / 90, 1);
        s += "<g class=\"captions\" font-size=\"" + std::to_string(size) + "\">";
        for (const auto& c : m.captions) // the baseline one text height below the given top
            s += "<text x=\"" + std::to_string(std::llround(c.x_bng / u)) + "\" y=\"" +
                 std::to_string(std::llround(-c.y_bng / u) + size) + "\">" + escape_xml(c.text) + "</text>";
        s += "</g>\n";
    }
    if (o.labels) {
        s += "<g id=\"labels\" font-size=\"" + std::to_string(std::max<long long>(w / 90, 1)) + "\">";
        for (const auto& f : m.features) {
            const MapPoint p = label_point(f.geometry_bng);
            s += "<text x=\"" + std::to_string(std::llround(p.x / u)) + "\" y=\"" +
                 std::to_string(std::llround(-p.y / u)) + "\">" + escape_xml(f.name.empty() ? f.code : f.name) +
                 "</text>";
        }
        s += "</g>\n";
    }
    return s + "</svg>";
}

std::string table_html(const ReportTable& rt, std::size_t index)
{
    const Table& t = rt.table;
    std::set<std::pair<std::size_t, std::size_t>> flagged(rt.flagged.begin(), rt.flagged.end());
    auto kind = [&](std::size_t c) { return c < rt.kinds.size() ? rt.kinds[c] : kind_of_format(t.columns[c].format); };
    std::size_t code_col = t.columns.size();
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].name == "code") code_col = c;
    std::string s = "<section class=\"table-section\"><h2>" + escape_xml(rt.title) +
                    "</h2>\n<div class=\"table-wrap\"><table class=\"sortable\" id=\"table-" + std::to_string(index) +
                    "\"><thead><tr>";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const ValueKind k = kind(c);
        const bool text = k == ValueKind::text || k == ValueKind::category;
        s += "<th scope=\"col\"" + std::string(text ? "" : " class=\"num\"") + " data-type=\"" +
             (text ? "text" : "number") + "\"><button type=\"button\">" + escape_xml(t.columns[c].name) +
             "</button></th>";
    }
    s += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        s += "<tr";
        if (code_col < t.columns.size())
            s += " data-code=\"" + escape_xml(format_display(row[code_col], ValueKind::text)) + "\"";
        s += ">";
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const ValueKind k = kind(c);
            const bool text = k == ValueKind::text || k == ValueKind::category;
            const bool flag = flagged.count({r, c}) > 0;
            s += "<td";
            if (!text) {
                const auto v = cell_number(row[c]);
                s += " class=\"num" + std::string(flag ? " low" : "") + "\" data-v=\"" +
                     (v ? format_general(*v, 15) : std::string()) + "\"";
            } else if (flag) {
                s += " class=\"low\"";
            }
            if (flag) s += " title=\"" + escape_xml(rt.flag_note) + "\"";
            s += ">" + escape_xml(format_display(row[c], k)) + (flag ? "<sup>†</sup>" : "") + "</td>";
        }
        s += "</tr>\n";
    }
    s += "</tbody></table></div>";
    if (!rt.flagged.empty() && !rt.flag_note.empty()) s += "<p class=\"note\">† " + escape_xml(rt.flag_note) + "</p>";
    return s + "</section>\n";
}

std::string list_section(const std::string& heading, const std::vector<std::string>& lines, const std::string& id)
{
    if (lines.empty()) return "";
    std::string s = "<section id=\"" + id + "\"><h2>" + escape_xml(heading) + "</h2><ul>";
    for (const auto& line : lines)
        s += "<li>" + escape_xml(line) + "</li>";
    return s + "</ul></section>\n";
}

} // namespace

std::string render_report_html(const ReportModel& m, const HtmlOptions& o)
{
    std::vector<Classification> classes;
    for (std::size_t k = 0; k < m.measures.size(); ++k)
        classes.push_back(classify(m.features, m.measures[k], k));
    std::string s = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    // Belt and braces for "no network request": the page may load nothing.
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n<title>" +
                    escape_xml(m.title) + "</title>\n<style>\n" + report_css +
                    "</style>\n</head>\n<body>\n<header>\n<h1>" + escape_xml(m.title) + "</h1>\n";
    if (!m.subtitle.empty()) s += "<p class=\"subtitle\">" + escape_xml(m.subtitle) + "</p>\n";
    if (!m.headline.empty()) {
        s += "<dl class=\"headline\">\n";
        for (const auto& [label, value] : m.headline)
            s += "<div><dt>" + escape_xml(label) + "</dt><dd>" + escape_xml(value) + "</dd></div>\n";
        s += "</dl>\n";
    }
    s += "</header>\n<main>\n<section id=\"map-section\">\n<div class=\"map-wrap\">\n" + svg_map(m, classes, o) +
         "\n<div id=\"tooltip\" role=\"status\" hidden></div>\n</div>\n<aside class=\"panel\">\n";
    if (!m.measures.empty()) {
        s += "<label class=\"control\" for=\"measure\">Colour the map by</label>\n<select id=\"measure\">";
        for (std::size_t k = 0; k < m.measures.size(); ++k)
            s += "<option value=\"" + std::to_string(k) + "\"" + (k == m.default_measure ? " selected" : "") + ">" +
                 escape_xml(m.measures[k].label) + "</option>";
        s += "</select>\n";
    }
    s += "<div id=\"legend\" aria-live=\"polite\"></div>\n";
    if (m.features.end() != std::find_if(m.features.begin(), m.features.end(), [](const auto& f) { return f.marked; }))
        s += "<p class=\"legend-item marked-key\"><svg width=\"28\" height=\"16\"><rect width=\"28\" height=\"16\" "
             "fill=\"#ffffff\" class=\"hatch-key\"/></svg> " +
             escape_xml(m.marked_label) + "</p>\n";
    if (!m.overlays.empty()) {
        s += "<fieldset id=\"overlays\"><legend>Boundaries</legend>\n";
        const auto& lines = overlay_palette();
        for (std::size_t k = 0; k < m.overlays.size(); ++k)
            s += "<label><input type=\"checkbox\" data-overlay=\"" + std::to_string(k) + "\"" +
                 (m.overlays[k].visible ? " checked" : "") +
                 "><span class=\"line\" style=\"border-color:" + to_hex(lines[k % lines.size()]) + "\"></span>" +
                 escape_xml(m.overlays[k].label) + "</label>\n";
        s += "</fieldset>\n";
    }
    s += "<p class=\"hint\">Hover over an area for its figures; click it to find its row.</p>\n</aside>\n</section>\n";
    s += list_section("Findings", m.findings, "findings");
    for (std::size_t i = 0; i < m.tables.size(); ++i)
        s += table_html(m.tables[i], i);
    s += list_section("Conservation", m.conservation, "conservation");
    s += list_section("Notes", m.notes, "notes");
    s += "</main>\n<footer><p>" + escape_xml(m.attribution) + "</p></footer>\n";
    s += "<script type=\"application/json\" id=\"report-data\">" + data_json(m, classes) + "</script>\n<script>\n" +
         report_js + "</script>\n</body>\n</html>\n";
    return s;
}

} // namespace coterm::render
