// SPDX-License-Identifier: MIT
#include "io/query_file.hpp"
#include "io/provenance.hpp"

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "io/atomic_file.hpp"
#include "io/query_propose_parse.hpp"
#include "io/text_file.hpp"
#include "io/toml_text.hpp"

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

/// A number in [lo, hi], or `fallback` when absent; UsageError naming the key otherwise.
double number(const toml::table& t, const char* key, const std::string& where, double lo, double hi, double fallback)
{
    const auto node = t[key];
    if (!node) return fallback;
    const auto v = node.value<double>(); // integers convert too
    if (!v || !node.is_number())
        throw UsageError(where + ": '" + key + "' must be a number from " + format_general(lo, 6) + " to " +
                         format_general(hi, 6));
    if (*v < lo || *v > hi)
        throw UsageError(where + ": '" + key + "' = " + format_general(*v, 15) + " is out of range (" +
                         format_general(lo, 6) + " to " + format_general(hi, 6) + ")");
    return *v;
}

bool flag(const toml::table& t, const char* key, const std::string& where)
{
    const auto node = t[key];
    if (!node) return false;
    const auto v = node.value<bool>();
    if (!v || !node.is_boolean()) throw UsageError(where + ": '" + key + "' must be true or false");
    return *v;
}

bool has(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// The declarations of one [[data]] table agree with each other and with what it reads.
void check_declarations(const QueryData& qd, const std::string& w)
{
    const std::vector<std::string>& read = qd.points ? qd.value_column : qd.var;
    for (const auto* group : {&qd.extensive, &qd.intensive, &qd.money, &qd.count, &qd.population})
        for (const auto& name : *group)
            if (!read.empty() && !has(read, name))
                throw UsageError(w + ": '" + name + "' is declared but not read (" +
                                 (qd.points ? "value-column" : "var") + " = " + join(read, ", ") + ")" +
                                 did_you_mean(name, read));
    for (const auto& name : qd.var)
        if (has(qd.extensive, name) == has(qd.intensive, name))
            throw UsageError(w + ": declare '" + name + "' in exactly one of extensive or intensive");
    for (const auto* group : {&qd.money, &qd.count, &qd.population})
        for (const auto& name : *group)
            if (has(qd.intensive, name))
                throw UsageError(w + ": '" + name + "' is intensive: money, count and population are extensive");
    if (qd.points && qd.value_column.empty()) throw UsageError(w + ": points = true needs 'value-column'");
    if (qd.points && (!qd.extensive.empty() || !qd.intensive.empty()))
        throw UsageError(w + ": point values are summed (extensive); leave out extensive and intensive");
}

} // namespace

Query read_query(const std::string& path)
{
    note_input(path); // never an output
    record_input(path, path, "");
    return parse_query(read_text_file(path), path);
}

Query parse_query(std::string_view source, const std::string& path)
{
    const toml::table doc = parse_toml_text(source, path, "query files");
    Query q;
    q.path = path;
    q.folder = std::filesystem::path(path).parent_path();
    check_keys(doc,
               {"name", "title", "description", "footprints", "compare", "tolerance", "min-people", "uncertain",
                "min-coverage", "simplify", "weights", "weights-data", "weights-var", "data", "propose"},
               path);
    q.weights = text(doc, "weights", path);
    q.weights_data = text(doc, "weights-data", path);
    q.weights_var = text(doc, "weights-var", path);
    q.name = text(doc, "name", path, true);
    // out/<name> is the default output folder: a plain folder name, never a path.
    if (q.name.empty() || q.name.starts_with('.') || q.name.find_first_of("/\\") != std::string::npos ||
        std::any_of(q.name.begin(), q.name.end(), [](unsigned char c) { return c < 0x20; }))
        throw UsageError(path + ": 'name' must be a plain folder name (no '/', not starting with '.'), not \"" +
                         q.name + "\"");
    q.title = text(doc, "title", path);
    q.description = text(doc, "description", path);
    // The same ranges as the command line's options.
    q.tolerance = number(doc, "tolerance", path, 0.5, 1.0, q.tolerance);
    q.min_people = number(doc, "min-people", path, 0, 1e12, q.min_people);
    q.uncertain = number(doc, "uncertain", path, 0, 0.5, q.uncertain);
    q.min_coverage = number(doc, "min-coverage", path, 0, 1, q.min_coverage);
    q.simplify = number(doc, "simplify", path, 0, 100000, q.simplify);
    if (doc["compare"]) q.compare = list(doc, "compare", path);
    if (const toml::table* p = doc["propose"].as_table()) q.propose = read_propose_section(*p, path + ": [propose]");
    const toml::table* f = doc["footprints"].as_table();
    if (!f && q.propose) return q;
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
                       {"data", "from", "var", "period", "extensive", "intensive", "money", "count", "population",
                        "per", "points", "value-column", "code-column", "lat", "lon"},
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
            qd.money = list(*d, "money", w);
            qd.count = list(*d, "count", w);
            qd.population = list(*d, "population", w);
            if ((*d)["per"]) qd.per = text(*d, "per", w);
            qd.points = flag(*d, "points", w);
            if (!qd.points && qd.from.empty()) throw UsageError(w + ": missing key 'from' (or points = true)");
            check_declarations(qd, w);
            q.data.push_back(std::move(qd));
        }
    }
    // A per-head denominator is the residents or a variable the query maps.
    std::vector<std::string> mapped{"residents"};
    for (const auto& qd : q.data)
        for (const auto& name : qd.points ? qd.value_column : qd.var)
            mapped.push_back(name);
    for (std::size_t i = 0; i < q.data.size(); ++i) {
        const QueryData& qd = q.data[i];
        if ((qd.money.empty() && qd.count.empty()) || has(mapped, qd.per)) continue;
        if (!qd.var.empty() || qd.points)
            throw UsageError(path + ": [[data]] #" + std::to_string(i + 1) + ": per = '" + qd.per +
                             "' is neither residents nor a mapped variable" + did_you_mean(qd.per, mapped));
    }
    return q;
}

} // namespace coterm::io
