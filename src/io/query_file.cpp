// SPDX-License-Identifier: MIT
#include "io/query_file.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "io/text_file.hpp"

#include <algorithm>

#include <toml++/toml.h>

namespace coterm::io {
namespace {

void check_keys(const toml::table& t, const std::vector<std::string>& known, const std::string& where)
{
    for (const auto& [key, value] : t) {
        const std::string k(key.str());
        if (std::find(known.begin(), known.end(), k) == known.end())
            throw UsageError(where + ": unknown key '" + k + "'" + did_you_mean(k, known));
    }
}

std::string text(const toml::table& t, const char* key, const std::string& where, bool required = false)
{
    const auto node = t[key];
    if (!node) {
        if (required) throw UsageError(where + ": missing key '" + key + "'");
        return {};
    }
    auto v = node.value<std::string>();
    if (!v) throw UsageError(where + ": '" + key + "' must be a string");
    return *v;
}

std::vector<std::string> list(const toml::table& t, const char* key, const std::string& where)
{
    std::vector<std::string> out;
    const auto node = t[key];
    if (!node) return out;
    if (auto s = node.value<std::string>()) return {*s};
    const toml::array* a = node.as_array();
    if (!a) throw UsageError(where + ": '" + key + "' must be a string or a list of strings");
    for (const auto& item : *a) {
        auto s = item.value<std::string>();
        if (!s) throw UsageError(where + ": '" + key + "' must hold strings");
        out.push_back(*s);
    }
    return out;
}

} // namespace

Query read_query(const std::string& path)
{
    return parse_query(read_text_file(path), path);
}

Query parse_query(std::string_view source, const std::string& path)
{
    // toml++ 3.3 has undefined behaviour on some invalid UTF-8 (found by fuzzing, e.g.
    // "data =\xCB\xA1..."), so the bytes are checked before it sees them.
    if (const std::size_t at = find_invalid_utf8(source); at != std::string_view::npos)
        throw UsageError(path + ": invalid UTF-8 at byte " + std::to_string(at) + "; query files are UTF-8 text");
    toml::table doc;
    try {
        doc = toml::parse(source, path);
    } catch (const toml::parse_error& e) {
        throw UsageError(path + ": " + std::string(e.description()) + " (line " +
                         std::to_string(e.source().begin.line) + ")");
    }
    Query q;
    q.path = path;
    q.folder = std::filesystem::path(path).parent_path();
    check_keys(doc,
               {"name", "title", "description", "footprints", "compare", "tolerance", "sliver", "simplify", "weights",
                "weights-data", "weights-var", "data"},
               path);
    q.weights = text(doc, "weights", path);
    q.weights_data = text(doc, "weights-data", path);
    q.weights_var = text(doc, "weights-var", path);
    q.name = text(doc, "name", path, true);
    q.title = text(doc, "title", path);
    q.description = text(doc, "description", path);
    q.tolerance = doc["tolerance"].value_or(q.tolerance);
    q.sliver = doc["sliver"].value_or(q.sliver);
    if (const auto node = doc["simplify"]) {
        const auto metres = node.value<double>();
        if (!metres || *metres < 0) throw UsageError(path + ": 'simplify' must be a number of metres, 0 or more");
        q.simplify = *metres;
    }
    if (doc["compare"]) q.compare = list(doc, "compare", path);
    const toml::table* f = doc["footprints"].as_table();
    if (!f) throw UsageError(path + ": missing table [footprints]");
    const std::string where = path + ": [footprints]";
    check_keys(*f, {"layer", "blocks", "by", "rest", "groups"}, where);
    q.layer = text(*f, "layer", where);
    q.blocks = text(*f, "blocks", where);
    q.by = text(*f, "by", where);
    q.rest = text(*f, "rest", where);
    q.groups = text(*f, "groups", where);
    if (q.layer.empty() == q.blocks.empty())
        throw UsageError(where + ": give either layer = \"…\" or blocks = \"…\" with by or groups");
    if (const toml::array* data = doc["data"].as_array()) {
        for (std::size_t i = 0; i < data->size(); ++i) {
            const toml::table* d = (*data)[i].as_table();
            const std::string w = path + ": [[data]] #" + std::to_string(i + 1);
            if (!d) throw UsageError(w + " is not a table");
            check_keys(*d,
                       {"data", "from", "var", "period", "extensive", "intensive", "points", "value-column",
                        "code-column", "lat", "lon"},
                       w);
            QueryData qd;
            qd.data = text(*d, "data", w, true);
            qd.from = text(*d, "from", w);
            qd.period = text(*d, "period", w);
            qd.code_column = text(*d, "code-column", w);
            if ((*d)["lat"]) qd.lat = text(*d, "lat", w);
            if ((*d)["lon"]) qd.lon = text(*d, "lon", w);
            qd.var = list(*d, "var", w);
            qd.extensive = list(*d, "extensive", w);
            qd.intensive = list(*d, "intensive", w);
            qd.value_column = list(*d, "value-column", w);
            qd.points = (*d)["points"].value_or(false);
            if (!qd.points && qd.from.empty()) throw UsageError(w + ": missing key 'from' (or points = true)");
            q.data.push_back(std::move(qd));
        }
    }
    return q;
}

} // namespace coterm::io
