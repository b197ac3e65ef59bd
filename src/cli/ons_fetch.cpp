// SPDX-License-Identifier: MIT
#include "cli/ons_fetch.hpp"

#include "cli/layer_options.hpp"
#include "cli/progress.hpp"
#include "core/errors.hpp"
#include "io/derived_layer.hpp"
#include "io/layer_info.hpp"
#include "io/layer_source.hpp"
#include "io/layer_writer.hpp"
#include "io/ons_download.hpp"

#include <iostream>
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
        if (l->cache) { // built on first use from what it needs, into the cache folder
            layer(l->derive->from);
            lookup(l->derive->lookup);
            return say(id, "its blocks and lookup are present; coterm builds it on first use");
        }
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
        const io::DerivedLayer built = io::build_derived_layer(catalogue_, l, dir_, threads_, progress_callback());
        warn_about_build(built.blocks_label, built.blocks_report, false);
        const fs::path target = dir_ / l.file;
        fs::create_directories(target.parent_path());
        io::GeoPackageOptions options;
        options.overwrite = overwrite_;
        io::write_geopackage(target.string(), layer_name(l), built.table, built.geometries, options);
        say(l.id, "built from " + std::to_string(built.blocks_used) + " of " + std::to_string(built.blocks_total) +
                      " " + l.derive->from + " blocks into " + std::to_string(built.table.rows.size()) + " features" +
                      (built.not_coverage.empty()
                           ? ""
                           : " (" + std::to_string(built.not_coverage.size()) + " not a clean coverage)"));
    }

    static std::string layer_name(const io::CatalogueLayer& l) { return io::catalogue_layer_name(l); }

    /// Progress as every long phase's ("download layer x 40% (…)"); a warning whenever a
    /// read starts again (it explains a delay).
    io::DownloadEvents events(const std::string& what) const
    {
        io::DownloadEvents e;
        if (ProgressFn progress = progress_callback())
            e.progress = [progress, phase = "download " + what](std::int64_t done, std::int64_t total) {
                // A server that does not count its features gives no total to measure by.
                if (total > 0) progress(phase, static_cast<std::size_t>(done), static_cast<std::size_t>(total));
            };
        e.retrying = [](const std::string& why) { warning() << why << '\n'; };
        return e;
    }

    void say(const std::string& what, const std::string& text) const
    {
        if (quiet_) return;
        clear_progress();
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
