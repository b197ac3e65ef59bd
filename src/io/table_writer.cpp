// SPDX-License-Identifier: MIT
#include "io/table_writer.hpp"

#include "core/errors.hpp"
#include "core/geojson.hpp"
#include "core/reproject.hpp"

#include <cstdio>

namespace coterm::io {
namespace {

std::string csv_field(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

void append_json_string(std::string& out, const std::string& s)
{
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

void append_json_value(std::string& out, const Cell& cell, Format format)
{
    if (std::holds_alternative<std::monostate>(cell)) {
        out += "null";
        return;
    }
    const std::string text = format_cell(cell, format);
    if (is_text_cell(cell, format)) {
        append_json_string(out, text);
    } else {
        out += text.empty() ? "null" : text; // non-finite numbers have no JSON form
    }
}

void append_json_object(std::string& out, const Table& table, const std::vector<Cell>& row)
{
    out += "{";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        out += c ? ", " : "";
        append_json_string(out, table.columns[c].name);
        out += ": ";
        append_json_value(out, row[c], table.columns[c].format);
    }
    out += "}";
}

} // namespace

std::string to_csv(const Table& table)
{
    std::string out;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (c) out += ',';
        out += csv_field(table.columns[c].name);
    }
    out += '\n';
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (c) out += ',';
            out += csv_field(format_cell(row[c], table.columns[c].format));
        }
        out += '\n';
    }
    return out;
}

std::string to_json(const Report& report)
{
    std::string out = "{\n  \"summary\": ";
    if (report.summary.rows.empty()) {
        out += "{}";
    } else {
        append_json_object(out, report.summary, report.summary.rows.front());
    }
    for (const auto& [name, table] : report.tables) {
        out += ",\n  ";
        append_json_string(out, name);
        out += ": [";
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            out += r ? ",\n    " : "\n    ";
            append_json_object(out, table, table.rows[r]);
        }
        out += table.rows.empty() ? "]" : "\n  ]";
    }
    out += "\n}\n";
    return out;
}

std::string to_geojson(const Table& table, std::vector<Wkb> geometries_bng)
{
    if (geometries_bng.size() != table.rows.size()) throw DataError("internal: GeoJSON needs one geometry per row");
    const Reprojector& to_wgs84 = thread_reprojector(working_crs, wgs84_crs);
    std::string out = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        Wkb& wkb = geometries_bng[r];
        to_wgs84.transform_wkb(wkb);
        out += r ? ",\n" : "";
        out += "{\"type\":\"Feature\",\"properties\":";
        append_json_object(out, table, table.rows[r]);
        out += ",\"geometry\":";
        out += wkb.empty() ? "null" : geojson_geometry(wkb);
        out += "}";
    }
    out += "\n]}\n";
    return out;
}

} // namespace coterm::io
