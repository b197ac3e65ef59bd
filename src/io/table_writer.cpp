// SPDX-License-Identifier: MIT
#include "io/table_writer.hpp"

#include "core/errors.hpp"
#include "core/geojson.hpp"
#include "core/reproject.hpp"
#include "core/versions.hpp"
#include "io/gdal_version.hpp"
#include "io/provenance.hpp"

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
    if (format == Format::list) {
        out += '[';
        bool first = true;
        for (const auto& item : list_items(text)) {
            out += first ? "" : ", ";
            first = false;
            append_json_string(out, item);
        }
        out += ']';
    } else if (is_text_cell(cell, format)) {
        append_json_string(out, text);
    } else if (text.empty()) {
        out += "null"; // non-finite numbers have no JSON form
    } else {
        out += text;
        // A real column keeps a decimal point, so a reader types it Real even when it is whole.
        if (is_real_format(format) && text.find_first_of(".eE") == std::string::npos) out += ".0";
    }
}

void append_json_strings(std::string& out, const std::vector<std::string>& values)
{
    if (values.size() == 1) return append_json_string(out, values.front());
    out += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += i ? ", " : "";
        append_json_string(out, values[i]);
    }
    out += ']';
}

/// The "provenance" object (docs/formats.md), or "" when no command was recorded.
std::string provenance_object()
{
    const Provenance p = current_provenance();
    if (p.command.empty()) return {};
    std::string out = "{\"schema\": \"" + std::string(provenance_schema) + "\", \"coterm\": ";
    append_json_string(out, coterm_version());
    out += ", \"gdal\": ";
    append_json_string(out, gdal_version());
    out += ", \"geos\": ";
    append_json_string(out, geos_version());
    out += ", \"proj\": ";
    append_json_string(out, proj_version());
    out += ", \"command\": ";
    append_json_string(out, p.command);
    out += ", \"options\": {";
    for (std::size_t i = 0; i < p.options.size(); ++i) {
        out += i ? ", " : "";
        append_json_string(out, p.options[i].name);
        out += ": ";
        append_json_strings(out, p.options[i].values);
    }
    out += "}, \"inputs\": [";
    for (std::size_t i = 0; i < p.inputs.size(); ++i) {
        const ProvenanceInput& in = p.inputs[i];
        out += i ? ", " : "";
        out += "{\"path\": ";
        append_json_string(out, in.path);
        if (!in.layer.empty()) {
            out += ", \"layer\": ";
            append_json_string(out, in.layer);
        }
        if (!in.sha256.empty()) {
            out += ", \"sha256\": ";
            append_json_string(out, in.sha256);
        }
        if (in.features >= 0) out += ", \"features\": " + std::to_string(in.features);
        out += "}";
    }
    return out + "]}";
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
    std::string out = "{\n  ";
    if (const std::string p = provenance_object(); !p.empty()) out += "\"provenance\": " + p + ",\n  ";
    out += "\"summary\": ";
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
    std::string out = "{\"type\":\"FeatureCollection\",";
    // A foreign member (RFC 7946 §6.1): GeoJSON readers ignore it, people and scripts can read it.
    if (const std::string p = provenance_object(); !p.empty()) out += "\"provenance\":" + p + ",";
    out += "\"features\":[\n";
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
