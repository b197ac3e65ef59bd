// SPDX-License-Identifier: MIT
#include "io/query_propose_parse.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <type_traits>

namespace coterm::io {
namespace {

std::string text(const toml::table& t, const char* key, const std::string& where)
{
    const auto node = t[key];
    if (!node) return {};
    const auto v = node.value<std::string>();
    if (!v) throw UsageError(where + ": '" + key + "' must be a string");
    return *v;
}

std::vector<std::string> strings(const toml::table& t, const char* key, const std::string& where)
{
    const auto node = t[key];
    if (!node) return {};
    if (const auto s = node.value<std::string>()) return {*s};
    const toml::array* a = node.as_array();
    if (!a) throw UsageError(where + ": '" + key + "' must be a string or a list of strings");
    std::vector<std::string> out;
    for (const auto& item : *a) {
        const auto s = item.value<std::string>();
        if (!s) throw UsageError(where + ": '" + key + "' must hold strings");
        out.push_back(*s);
    }
    return out;
}

template <typename T> std::optional<T> number(const toml::table& t, const char* key, const std::string& where)
{
    const auto node = t[key];
    if (!node) return std::nullopt;
    const auto v = node.value<double>();
    if (!v || *v < 0) throw UsageError(where + ": '" + key + "' must be a number, 0 or more");
    if constexpr (std::is_integral_v<T>) {
        if (*v != static_cast<double>(static_cast<T>(*v)))
            throw UsageError(where + ": '" + key + "' must be a whole number");
    }
    return static_cast<T>(*v);
}

} // namespace

ProposeQuery read_propose_section(const toml::table& t, const std::string& where)
{
    const std::vector<std::string> known{"blocks",  "count",        "count-min",   "count-max",       "pop-min",
                                         "pop-max", "keep-whole",   "nest-in",     "fixed",           "split-layers",
                                         "from",    "term-weights", "adjacency",   "options",         "seed",
                                         "effort",  "crossing",     "bound-nodes", "bound-max-groups"};
    for (const auto& [key, value] : t) {
        const std::string k(key.str());
        if (std::find(known.begin(), known.end(), k) == known.end())
            throw UsageError(where + ": unknown key '" + k + "'" + did_you_mean(k, known));
    }
    ProposeQuery q;
    q.blocks = text(t, "blocks", where);
    if (q.blocks.empty()) throw UsageError(where + ": missing key 'blocks'");
    q.nest_in = text(t, "nest-in", where);
    q.fixed = text(t, "fixed", where);
    q.from = text(t, "from", where);
    q.adjacency = text(t, "adjacency", where);
    q.count = number<std::size_t>(t, "count", where);
    q.count_min = number<std::size_t>(t, "count-min", where);
    q.count_max = number<std::size_t>(t, "count-max", where);
    q.options = number<std::size_t>(t, "options", where);
    q.effort = number<std::size_t>(t, "effort", where);
    q.bound_nodes = number<std::size_t>(t, "bound-nodes", where);
    q.bound_max_groups = number<std::size_t>(t, "bound-max-groups", where);
    q.seed = number<std::uint64_t>(t, "seed", where);
    q.pop_min = number<double>(t, "pop-min", where);
    q.pop_max = number<double>(t, "pop-max", where);
    q.crossing = number<double>(t, "crossing", where);
    q.keep_whole = strings(t, "keep-whole", where);
    q.split_layers = strings(t, "split-layers", where);
    if (const auto node = t["term-weights"]) {
        const toml::table* w = node.as_table();
        if (!w) throw UsageError(where + ": 'term-weights' must be a table, e.g. { pfa24 = 1, from = 2 }");
        for (const auto& [key, value] : *w) {
            const auto x = value.value<double>();
            if (!x || *x < 0)
                throw UsageError(where + ": term-weights." + std::string(key.str()) + " must be a number, 0 or more");
            q.term_weights[std::string(key.str())] = *x;
        }
    }
    return q;
}

} // namespace coterm::io
