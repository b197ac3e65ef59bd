// SPDX-License-Identifier: MIT
#include "io/derived_cache.hpp"

#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "io/derived_layer.hpp"
#include "io/input_cache.hpp"
#include "io/layer_info.hpp"
#include "io/layer_source.hpp"
#include "io/layer_writer.hpp"

#include <unistd.h>

#include <system_error>

namespace coterm::io {

namespace fs = std::filesystem;

std::string derived_cache_key(const CatalogueLayer& l, const std::string& from_file, const std::string& lookup_file)
{
    std::string recipe = "coterm derived layer 1\n" + l.id + "\n" + l.derive->from + "\n" + l.derive->lookup + "\n" +
                         l.derive->block + "\n" + l.code_field + "\n" + l.name_field + "\n" +
                         cached_file_sha256(from_file) + "\n" + cached_file_sha256(lookup_file) + "\n";
    Sha256 h;
    h.update(recipe.data(), recipe.size());
    return h.hex();
}

namespace {

/// Removes the files an earlier key of the same layer left (inputs since changed).
void remove_older_builds(const fs::path& dir, const std::string& id, const fs::path& keep)
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        // <id>-<16 hex>.gpkg, exactly: never anything else in the folder.
        if (entry.path() == keep || name.size() != id.size() + 22 || !name.starts_with(id + "-") ||
            !name.ends_with(".gpkg") ||
            name.substr(id.size() + 1, 16).find_first_not_of("0123456789abcdef") != std::string::npos)
            continue;
        fs::remove(entry.path(), ec); // best effort: an old file left behind is harmless
    }
}

} // namespace

fs::path cached_layer_path(const Catalogue& catalogue, const CatalogueLayer& l, const fs::path& data_dir)
{
    const LayerLocation from = locate_layer(l.derive->from, catalogue, data_dir, {});
    const fs::path lookup = data_dir / catalogue.find_lookup(l.derive->lookup)->file;
    if (!fs::exists(lookup))
        throw DataError("layer '" + l.id + "': lookup " + lookup.filename().string() +
                        " is not in the data directory " + data_dir.string());
    const fs::path dir = resolve_cache_dir();
    const fs::path target =
        dir / (l.id + "-" + derived_cache_key(l, from.source, lookup.string()).substr(0, 16) + ".gpkg");
    if (fs::exists(target)) return target;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || ::access(dir.c_str(), W_OK) != 0)
        throw DataError("layer '" + l.id + "': cannot build it into the cache folder " + dir.string() +
                        " (not writable); point COTERM_CACHE at a writable folder");
    const DerivedLayer built = build_derived_layer(catalogue, l, data_dir, 0);
    try {
        write_geopackage(target.string(), catalogue_layer_name(l), built.table, built.geometries);
    } catch (const std::exception&) {
        if (!fs::exists(target)) throw; // else another process built the same layer meanwhile
    }
    remove_older_builds(dir, l.id, target);
    return target;
}

} // namespace coterm::io
