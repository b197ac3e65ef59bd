// SPDX-License-Identifier: MIT
#include "io/csv_reader.hpp"

#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "io/atomic_file.hpp"
#include "io/provenance.hpp"
#include "io/text_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

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

bool is_delimiter(char c)
{
    return c == ',' || c == '\n' || c == '\r' || c == '"';
}

/// Splits the text into fields, tracking line numbers. Unquoted fields and quoted
/// fields without escapes are views into the text; others are unescaped into the arena.
void parse(CsvFile& out)
{
    const std::string& text = *out.text;
    const std::string& path = out.path;
    std::vector<std::string_view> record;
    bool header_done = false;
    std::size_t line = 1, record_line = 1;
    auto fail = [&](std::size_t at_line, const std::string& what) {
        throw DataError(path + ": line " + std::to_string(at_line) + ": " + what);
    };
    auto end_record = [&] {
        if (!(record.size() == 1 && record[0].empty())) { // skip blank lines
            if (!header_done) {
                for (auto f : record) {
                    if (std::find(out.header.begin(), out.header.end(), f) != out.header.end())
                        throw DataError(path + ": line " + std::to_string(record_line) + ": column '" + std::string(f) +
                                        "' appears twice in the header");
                    out.header.emplace_back(f);
                }
                header_done = true;
            } else {
                if (record.size() != out.header.size())
                    throw DataError(path + ": line " + std::to_string(record_line) + " has " +
                                    std::to_string(record.size()) + " fields, the header has " +
                                    std::to_string(out.header.size()));
                out.fields_.insert(out.fields_.end(), record.begin(), record.end());
                out.lines.push_back(record_line);
            }
        }
        record.clear();
        record_line = line;
    };
    const std::size_t n = text.size();
    std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < n) {
        std::string_view field;
        if (text[i] == '"') {
            const std::size_t opened = line;
            const std::size_t start = ++i;
            std::string* escaped = nullptr;
            for (;;) {
                const std::size_t q = text.find('"', i);
                if (q == std::string::npos) fail(opened, "unterminated quoted field");
                for (std::size_t k = i; k < q; ++k)
                    if (text[k] == '\n' || (text[k] == '\r' && (k + 1 >= n || text[k + 1] != '\n'))) ++line;
                if (q + 1 < n && text[q + 1] == '"') {
                    if (!escaped)
                        escaped = &out.unescaped->emplace_back(text, start, q - start);
                    else
                        escaped->append(text, i, q - i);
                    *escaped += '"';
                    i = q + 2;
                    continue;
                }
                if (escaped) escaped->append(text, i, q - i);
                field = escaped ? std::string_view(*escaped) : std::string_view(text).substr(start, q - start);
                i = q + 1;
                break;
            }
            if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') fail(line, "text after a closing quote");
        } else {
            // A plain scan: std::string::find_first_of calls memchr once per character.
            std::size_t stop = i;
            while (stop < n && !is_delimiter(text[stop]))
                ++stop;
            if (stop < n && text[stop] == '"') fail(line, "stray quote in a field");
            field = std::string_view(text).substr(i, stop - i);
            i = stop;
        }
        record.push_back(field);
        if (i >= n) break;
        if (text[i] == ',') {
            ++i;
            if (i >= n) record.emplace_back(); // a trailing comma ends in an empty field
        } else {
            // A line ends with LF, CRLF or a lone CR (Excel for Mac writes CR only).
            if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
            ++i;
            ++line;
            end_record();
        }
    }
    if (!record.empty()) end_record();
}

} // namespace

void parse_csv_text(CsvFile& out)
{
    parse(out);
}

CsvFile read_csv(const std::string& path)
{
    note_input(path); // never an output
    CsvFile out;
    out.path = path;
    out.text = std::make_shared<std::string>(read_text_file(path));
    check_utf8(*out.text, path);
    Sha256 hash; // of the bytes read, so a pipe or standard input has one too
    hash.update(out.text->data(), out.text->size());
    record_input(path, "", "", -1, hash.hex());
    parse(out);
    if (out.header.empty()) throw DataError(path + ": empty file (no header row)");
    if (out.row_count() == 0) throw DataError(path + ": the file has a header and no rows");
    return out;
}

bool parse_number(std::string_view text, double& value)
{
    std::size_t begin = text.find_first_not_of(" \t");
    std::size_t end = text.find_last_not_of(" \t");
    if (begin == std::string::npos) return false;
    const char* first = text.data() + begin;
    const char* last = text.data() + end + 1;
    // One optional sign: from_chars takes a '-' itself, so "+-5" must be refused here.
    if (*first == '+' && ++first != last && *first == '-') return false;
    auto [ptr, ec] = std::from_chars(first, last, value);
    return ec == std::errc() && ptr == last && std::isfinite(value);
}

} // namespace coterm::io
