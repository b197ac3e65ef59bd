// SPDX-License-Identifier: MIT
#include "io/catalogue.hpp"

#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/data_dir.hpp"

#include <toml++/toml.h>

#include <cstdlib>

namespace coterm::io {

const CatalogueLayer* Catalogue::find(const std::string& id) const
{
    for (const auto& l : layers)
        if (l.id == id) return &l;
    return nullptr;
}

const CatalogueLookup* Catalogue::find_lookup(const std::string& id) const
{
    for (const auto& l : lookups)
        if (l.id == id) return &l;
    return nullptr;
}

std::vector<std::string> Catalogue::ids() const
{
    std::vector<std::string> out;
    for (const auto& l : layers)
        out.push_back(l.id);
    return out;
}

namespace {

std::string required(const toml::table& t, const char* key, const std::string& where)
{
    auto value = t[key].value<std::string>();
    if (!value || value->empty()) throw DataError(where + ": missing or empty key '" + key + "'");
    return *value;
}

std::string optional(const toml::table& t, const char* key)
{
    return t[key].value_or(std::string());
}

std::optional<Download> read_download(const toml::table& t, const std::string& where)
{
    const toml::table* d = t["download"].as_table();
    if (!d) return std::nullopt;
    const std::string here = where + ": download";
    Download out;
    out.service = required(*d, "service", here);
    out.index = (*d)["index"].value_or(0);
    out.where = (*d)["where"].value_or(std::string("1=1"));
    out.order_by = (*d)["order_by"].value_or(std::string("FID"));
    out.page_size = (*d)["page_size"].value_or(0);
    const toml::array* fields = (*d)["fields"].as_array();
    if (!fields || fields->empty()) throw DataError(here + ": 'fields' must list [source, catalogue] name pairs");
    for (const auto& f : *fields) {
        const toml::array* pair = f.as_array();
        if (!pair || pair->size() != 2 || !(*pair)[0].is_string() || !(*pair)[1].is_string())
            throw DataError(here + ": 'fields' must list [source, catalogue] name pairs");
        out.fields.emplace_back(*(*pair)[0].value<std::string>(), *(*pair)[1].value<std::string>());
    }
    return out;
}

std::optional<Derive> read_derive(const toml::table& t, const std::string& where)
{
    const toml::table* d = t["derive"].as_table();
    if (!d) return std::nullopt;
    const std::string here = where + ": derive";
    return Derive{required(*d, "from", here), required(*d, "lookup", here), required(*d, "block", here)};
}

} // namespace

Catalogue read_catalogue(const std::filesystem::path& file)
{
    note_input(file.string()); // never an output
    toml::table doc;
    try {
        doc = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw DataError("catalogue " + file.string() + ": " + std::string(e.description()) + " (line " +
                        std::to_string(e.source().begin.line) + ")");
    }
    const toml::array* entries = doc["layer"].as_array();
    if (!entries) throw DataError("catalogue " + file.string() + ": no [[layer]] entries");
    Catalogue catalogue;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const toml::table* t = (*entries)[i].as_table();
        const std::string where = "catalogue " + file.string() + ": layer #" + std::to_string(i + 1);
        if (!t) throw DataError(where + " is not a table");
        CatalogueLayer l;
        l.id = required(*t, "id", where);
        const std::string here = "catalogue " + file.string() + ": layer '" + l.id + "'";
        if (catalogue.find(l.id)) throw DataError(here + " is defined twice");
        l.title = required(*t, "title", here);
        l.family = required(*t, "family", here);
        l.file = required(*t, "file", here);
        l.layer = optional(*t, "layer");
        l.code_field = required(*t, "code_field", here);
        l.name_field = optional(*t, "name_field");
        l.vintage = optional(*t, "vintage");
        l.generalisation = optional(*t, "generalisation");
        l.source = optional(*t, "source");
        l.licence = optional(*t, "licence");
        l.features = (*t)["features"].value_or<std::int64_t>(0);
        l.sha256 = optional(*t, "sha256");
        l.download = read_download(*t, here);
        l.derive = read_derive(*t, here);
        l.cache = (*t)["cache"].value_or(false);
        if (l.cache && !l.derive) throw DataError(here + ": cache = true needs a derive entry");
        catalogue.layers.push_back(std::move(l));
    }
    if (const toml::array* lookups = doc["lookup"].as_array())
        for (std::size_t i = 0; i < lookups->size(); ++i) {
            const toml::table* t = (*lookups)[i].as_table();
            const std::string where = "catalogue " + file.string() + ": lookup #" + std::to_string(i + 1);
            if (!t) throw DataError(where + " is not a table");
            CatalogueLookup l;
            l.id = required(*t, "id", where);
            const std::string here = "catalogue " + file.string() + ": lookup '" + l.id + "'";
            l.file = required(*t, "file", here);
            l.title = optional(*t, "title");
            l.sha256 = optional(*t, "sha256");
            l.download = read_download(*t, here);
            catalogue.lookups.push_back(std::move(l));
        }
    catalogue.download_base = doc["download"]["base"].value_or(std::string());
    for (const auto& l : catalogue.layers)
        if (l.derive && !catalogue.find_lookup(l.derive->lookup))
            throw DataError("catalogue " + file.string() + ": layer '" + l.id + "': derive: unknown lookup '" +
                            l.derive->lookup + "'");
    if (const toml::table* w = doc["weights"].as_table()) {
        const std::string where = "catalogue " + file.string() + ": [weights]";
        catalogue.weights = {required(*w, "layer", where), required(*w, "data", where), required(*w, "variable", where),
                             optional(*w, "title"), optional(*w, "sha256")};
    }
    return catalogue;
}

std::filesystem::path default_catalogue_path()
{
    if (const char* env = std::getenv("COTERM_CATALOGUE"); env && *env) return env;
    if (const auto share = installed_share_dir(); !share.empty()) return share / "catalogue.toml";
    return std::filesystem::path(COTERM_GEODATA_DIR) / "catalogue.toml";
}

} // namespace coterm::io
