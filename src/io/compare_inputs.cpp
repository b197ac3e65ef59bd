// SPDX-License-Identifier: MIT
#include "io/compare_inputs.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "io/atomic_file.hpp"
#include "io/run_folder.hpp"
#include "io/text_file.hpp"
#include "io/toml_text.hpp"

#include <algorithm>
#include <fstream>

#include <toml++/toml.h>

namespace coterm::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* query_prefix = "query: ";

void check_keys(const toml::table& t, const std::vector<std::string>& known, const std::string& where)
{
    for (const auto& [key, value] : t) {
        const std::string k(key.str());
        if (std::find(known.begin(), known.end(), k) == known.end())
            throw UsageError(where + ": unknown key '" + k + "'" + did_you_mean(k, known));
    }
}

std::string text(const toml::table& t, const char* key, const std::string& where)
{
    const auto node = t[key];
    if (!node) return {};
    auto v = node.value<std::string>();
    if (!v) throw UsageError(where + ": '" + key + "' must be a string");
    return *v;
}

} // namespace

std::optional<OptionsFile> read_options_file(const std::string& path)
{
    note_input(path);
    const std::string source = read_text_file(path);
    const toml::table doc = parse_toml_text(source, path, "options files");
    if (!doc.contains("option")) return std::nullopt; // a query
    check_keys(doc, {"name", "title", "description", "option"}, path);
    OptionsFile f;
    f.path = path;
    f.name = text(doc, "name", path);
    f.title = text(doc, "title", path);
    f.description = text(doc, "description", path);
    const toml::array* options = doc["option"].as_array();
    if (!options || options->empty()) throw UsageError(path + ": 'option' must be [[option]] tables, one per option");
    const fs::path folder = fs::path(path).parent_path();
    for (std::size_t i = 0; i < options->size(); ++i) {
        const std::string where = path + ": [[option]] " + std::to_string(i + 1);
        const toml::table* t = (*options)[i].as_table();
        if (!t) throw UsageError(where + " must be a table");
        check_keys(*t, {"query", "label"}, where);
        OptionEntry e{text(*t, "query", where), text(*t, "query", where), text(*t, "label", where)};
        if (e.query.empty()) throw UsageError(where + ": missing key 'query'");
        if (fs::path(e.query).is_relative()) e.query = (folder / e.query).lexically_normal().string();
        f.options.push_back(std::move(e));
    }
    return f;
}

std::string query_record(const fs::path& out, const std::string& query)
{
    std::error_code ec;
    const fs::path from = fs::weakly_canonical(fs::absolute(out, ec), ec);
    const fs::path to = fs::weakly_canonical(fs::absolute(query, ec), ec);
    fs::path rel = to.lexically_relative(from);
    if (rel.empty()) rel = to; // another root: only an absolute path reaches it
    return std::string(query_prefix) + rel.generic_string() + "\n";
}

std::string run_folder_query(const fs::path& folder)
{
    const std::string name = "'" + folder.string() + "'";
    std::error_code ec;
    const fs::file_status status = fs::status(folder, ec);
    if (!fs::exists(status)) throw UsageError(name + " does not exist (give a run folder or a query file)");
    if (!fs::is_directory(status)) throw UsageError(name + " is neither a folder nor a .toml file");
    std::ifstream in(folder / run_marker);
    std::string line;
    if (!in || !std::getline(in, line) || !line.starts_with("coterm run folder"))
        throw UsageError(name + " is not a coterm run folder (it has no " + run_marker +
                         " file); give a folder written by `coterm run` or the query file");
    while (std::getline(in, line))
        if (line.starts_with(query_prefix)) {
            const fs::path q(line.substr(std::string(query_prefix).size()));
            return (q.is_absolute() ? q : (folder / q).lexically_normal()).string();
        }
    throw UsageError(name + " records no query (written by `coterm propose` or an older coterm); give the query "
                            "file, or run it again with `coterm run`");
}

} // namespace coterm::io
