// SPDX-License-Identifier: MIT
#include "cli/ons_fetch.hpp"

#include "cli/layer_options.hpp"
#include "core/errors.hpp"
#include "core/footprint.hpp"
#include "io/csv_reader.hpp"
#include "io/layer_info.hpp"
#include "io/layer_source.hpp"
#include "io/layer_writer.hpp"
#include "io/ons_download.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

namespace coterm::cli {
namespace {

namespace fs = std::filesystem;

class Fetcher {
public:
    Fetcher(const io::Catalogue& c, fs::path dir, std::string base, unsigned threads, bool quiet, bool overwrite)
        : catalogue_(c), dir_(std::move(dir)), base_(std::move(base)), threads_(threads), quiet_(quiet),
          overwrite_(overwrite)
    {
    }

    /// Makes layer `id` present, downloading or building what it needs first.
    void layer(const std::string& id)
    {
        if (done_.contains(id)) return;
        done_.insert(id);
        const io::CatalogueLayer* l = catalogue_.find(id);
        if (!l) throw UsageError("unknown layer '" + id + "'");
        const fs::path target = dir_ / l->file;
        const bool present = fs::exists(target);
        if (present && !overwrite_) return say(id, "already present");
        if (l->download) {
            const std::string url = io::download_url(base_, *l->download);
            const auto n = io::download_layer(url, *l->download, target.string(), layer_name(*l), l->features,
                                              events("layer " + id), present);
            return say(id, "downloaded " + std::to_string(n) + " features from " + l->download->service + ", SHA-256 " +
                               io::file_sha256(target.string()));
        }
        if (!l->derive) throw DataError("layer '" + id + "' has neither a download nor a derive entry");
        layer(l->derive->from);
        lookup(l->derive->lookup);
        build(*l);
    }

private:
    void lookup(const std::string& id)
    {
        if (!done_.insert("lookup:" + id).second) return;
        const io::CatalogueLookup* k = catalogue_.find_lookup(id);
        const fs::path target = dir_ / k->file;
        const bool present = fs::exists(target);
        if (present && !overwrite_) return;
        if (!k->download) throw DataError("lookup '" + id + "' is not present and has no download entry");
        const auto n = io::download_table(io::download_url(base_, *k->download), *k->download, target.string(),
                                          events("lookup " + id), present);
        say("lookup " + id, "downloaded " + std::to_string(n) + " rows from " + k->download->service);
    }

    /// Dissolves the blocks by the lookup, as the mirror's README describes its derived layers.
    void build(const io::CatalogueLayer& l)
    {
        BuildReport report;
        const Layer blocks = io::load_layer(io::locate_layer(l.derive->from, catalogue_, dir_, {}), threads_, report);
        warn_about_build(blocks.label, report, false);
        const io::CsvFile csv = io::read_csv((dir_ / catalogue_.find_lookup(l.derive->lookup)->file).string());
        const std::size_t block_col = csv.column(l.derive->block, "derive.block");
        const std::size_t code_col = csv.column(l.code_field, "code_field");
        const std::size_t name_col = l.name_field.empty() ? std::string::npos : csv.find_column(l.name_field);
        std::map<std::string, std::size_t> block_index;
        for (std::size_t b = 0; b < blocks.features.size(); ++b)
            block_index[blocks.features[b].code] = b;
        std::map<std::string, FootprintSpec> groups;
        std::set<std::size_t> used;
        for (std::size_t r = 0; r < csv.row_count(); ++r) {
            const std::string code(csv.field(r, code_col));
            const auto it = block_index.find(std::string(csv.field(r, block_col)));
            if (code.empty() || it == block_index.end() || !used.insert(it->second).second) continue;
            FootprintSpec& g = groups[code];
            g.code = code;
            if (name_col != std::string::npos) g.name = std::string(csv.field(r, name_col));
            g.blocks.push_back(it->second);
        }
        if (groups.empty())
            throw DataError("layer '" + l.id + "': no block of '" + l.derive->from + "' is in lookup '" +
                            l.derive->lookup + "'");
        std::vector<FootprintSpec> specs;
        for (auto& [code, g] : groups)
            specs.push_back(std::move(g));
        std::vector<std::string> fallback;
        const Layer built = dissolve_footprints(blocks, specs, threads_, fallback);
        Table t;
        t.columns = {{l.code_field, Format::text},
                     {l.name_field.empty() ? "name" : l.name_field, Format::text},
                     {"n_blocks", Format::integer}};
        std::vector<Wkb> geometries;
        for (const auto& f : built.features) {
            const auto& spec =
                *std::find_if(specs.begin(), specs.end(), [&](const auto& s) { return s.code == f.code; });
            t.rows.push_back({f.code, f.name, static_cast<std::int64_t>(spec.blocks.size())});
            geometries.push_back(f.geometry.to_wkb());
        }
        const fs::path target = dir_ / l.file;
        fs::create_directories(target.parent_path());
        io::GeoPackageOptions options;
        options.overwrite = overwrite_;
        io::write_geopackage(target.string(), layer_name(l), t, geometries, options);
        say(l.id, "built from " + std::to_string(used.size()) + " of " + std::to_string(blocks.features.size()) + " " +
                      l.derive->from + " blocks into " + std::to_string(built.features.size()) + " features" +
                      (fallback.empty() ? "" : " (" + std::to_string(fallback.size()) + " not a clean coverage)"));
        if (l.features > 0 && static_cast<std::int64_t>(built.features.size()) != l.features)
            throw DataError("layer '" + l.id + "': built " + std::to_string(built.features.size()) +
                            " features, the catalogue expects " + std::to_string(l.features));
    }

    static std::string layer_name(const io::CatalogueLayer& l)
    {
        return l.layer.empty() ? fs::path(l.file).stem().string() : l.layer;
    }

    /// Progress on a terminal; a warning whenever a read starts again (it explains a delay).
    io::DownloadEvents events(const std::string& what) const
    {
        io::DownloadEvents e;
        const bool tty = ::isatty(STDERR_FILENO);
        if (!quiet_ && tty)
            e.progress = [what](std::int64_t n) {
                std::cerr << "\rcoterm: downloading " << what << ": " << n << " " << std::flush;
            };
        e.retrying = [tty](const std::string& why) {
            std::cerr << (tty ? "\r\033[K" : "") << "coterm: warning: " << why << "\n";
        };
        return e;
    }

    void say(const std::string& what, const std::string& text) const
    {
        if (quiet_) return;
        if (::isatty(STDERR_FILENO)) std::cerr << "\r\033[K";
        std::cerr << "coterm: " << what << ": " << text << "\n";
    }

    const io::Catalogue& catalogue_;
    fs::path dir_;
    std::string base_;
    unsigned threads_;
    bool quiet_;
    bool overwrite_;
    std::set<std::string> done_;
};

} // namespace

std::size_t fetch_from_ons(const io::Catalogue& catalogue, const std::vector<std::string>& ids,
                           const fs::path& data_dir, const std::string& base, unsigned threads, bool quiet,
                           bool overwrite)
{
    if (base.empty()) throw UsageError("the catalogue has no [download] base URL; give --ons-url URL");
    Fetcher fetcher(catalogue, data_dir, base, threads, quiet, overwrite);
    std::size_t failed = 0;
    for (const auto& id : ids) {
        try {
            fetcher.layer(id);
        } catch (const UsageError&) {
            throw;
        } catch (const std::exception& e) {
            std::cerr << "coterm: error: layer " << id << ": " << e.what() << "\n";
            ++failed;
        }
    }
    return failed;
}

} // namespace coterm::cli
