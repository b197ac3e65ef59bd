// SPDX-License-Identifier: MIT
#include "io/csv_reader.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace coterm::io {

std::size_t CsvFile::find_column(const std::string& name) const
{
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    return static_cast<std::size_t>(-1);
}

std::size_t CsvFile::column(const std::string& name, const char* option) const
{
    const std::size_t i = find_column(name);
    if (i == static_cast<std::size_t>(-1))
        throw UsageError(path + ": no column '" + name + "'" + did_you_mean(name, header) + " (" + option +
                         "); columns: " + join_limited(header, 12));
    return i;
}

namespace {

/// Splits the whole text into records of fields, tracking line numbers.
void parse(const std::string& text, const std::string& path, CsvFile& out)
{
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, in_quotes = false, field_started = false;
    std::size_t line = 1, record_line = 1;
    auto end_field = [&] {
        record.push_back(std::move(field));
        field.clear();
        quoted = field_started = false;
    };
    auto end_record = [&] {
        end_field();
        if (!(record.size() == 1 && record[0].empty())) {  // skip blank lines
            if (out.header.empty()) {
                out.header = std::move(record);
            } else {
                if (record.size() != out.header.size())
                    throw DataError(path + ": line " + std::to_string(record_line) + " has " +
                                    std::to_string(record.size()) + " fields, the header has " +
                                    std::to_string(out.header.size()));
                out.rows.push_back(std::move(record));
                out.lines.push_back(record_line);
            }
        }
        record.clear();
        record_line = line;
    };
    std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        switch (c) {
        case '"':
            if (field_started) throw DataError(path + ": line " + std::to_string(line) + ": stray quote in a field");
            in_quotes = quoted = field_started = true;
            break;
        case ',': end_field(); break;
        case '\r': break;
        case '\n':
            ++line;
            end_record();
            break;
        default:
            if (quoted) throw DataError(path + ": line " + std::to_string(line) + ": text after a closing quote");
            field += c;
            field_started = true;
        }
    }
    if (in_quotes) throw DataError(path + ": line " + std::to_string(record_line) + ": unterminated quoted field");
    if (field_started || !record.empty()) end_record();
}

} // namespace

CsvFile read_csv(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError("cannot open '" + path + "': no such file or not readable");
    std::stringstream buffer;
    buffer << in.rdbuf();
    CsvFile out;
    out.path = path;
    parse(buffer.str(), path, out);
    if (out.header.empty()) throw DataError(path + ": empty file (no header row)");
    return out;
}

bool parse_number(const std::string& text, double& value)
{
    std::size_t begin = text.find_first_not_of(" \t");
    std::size_t end = text.find_last_not_of(" \t");
    if (begin == std::string::npos) return false;
    const char* first = text.data() + begin;
    const char* last = text.data() + end + 1;
    if (*first == '+') ++first;
    auto [ptr, ec] = std::from_chars(first, last, value);
    return ec == std::errc() && ptr == last && std::isfinite(value);
}

} // namespace coterm::io
