// SPDX-License-Identifier: MIT
// `coterm data fetch`: make the catalogue's files available in the data directory
// (docs/cli/data.md): copied from a local mirror, or downloaded from the ONS Open
// Geography Portal (ons_fetch.cpp) and the LSOA-built layers built from the downloads.
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/ons_fetch.hpp"
#include "core/errors.hpp"
#include "core/strings.hpp"
#include "io/atomic_file.hpp"
#include "io/catalogue.hpp"
#include "io/data_dir.hpp"
#include "io/layer_info.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace coterm::cli {
namespace {

namespace fs = std::filesystem;

struct FetchOptions {
    std::vector<std::string> layers;
    std::string mirror, data_dir, ons_url;
    unsigned threads = 0;
    bool quiet = false;
    bool overwrite = false;
};

/// One file to make available, with the checksum the catalogue records.
struct Wanted {
    std::string what, file, sha256;
};

class DataCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* data = app.add_subcommand("data", "Get the ONS data the catalogue names");
        data->require_subcommand(1);
        fetch_ = data->add_subcommand("fetch", "Get the catalogue's files into the data directory: from a local "
                                               "mirror (checking SHA-256) or from the ONS Open Geography Portal");
        fetch_->add_option("LAYER", o_.layers, "Catalogue ids to fetch (default: all, and the default weights)");
        fetch_->add_option("--mirror", o_.mirror, "A folder laid out like the ONS mirror (default: $COTERM_MIRROR)");
        fetch_->add_option("--ons-url", o_.ons_url,
                           "FeatureServer services URL to download from (default: the catalogue's [download] base)");
        add_data_dir_option(*fetch_, o_.data_dir);
        fetch_->add_option("--threads", o_.threads, "Worker threads for building derived layers (default 0: all cores)")
            ->check(CLI::Range(0u, 1024u));
        fetch_->add_flag("-q,--quiet", o_.quiet, "Only errors on stderr");
        // Read by main once parsing is done (cli/progress.hpp), as for every other command.
        fetch_->add_flag("--progress")
            ->description("Show download and build progress on stderr even when it is "
                          "not a terminal");
        fetch_->add_flag("--overwrite", o_.overwrite,
                         "Replace files already in the data directory: a different SHA-256 from the mirror's, or "
                         "downloaded and built again (default: keep them)");
        return data;
    }

    void run() override
    {
        const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
        std::string mirror = o_.mirror;
        if (mirror.empty())
            if (const char* env = std::getenv("COTERM_MIRROR"); env && *env) mirror = env;
        if (mirror.empty()) return download(catalogue);
        if (!fs::is_directory(mirror)) throw DataError("mirror '" + mirror + "' is not a folder");
        const fs::path data_dir = io::resolve_data_dir(o_.data_dir);

        std::vector<Wanted> wanted;
        for (const auto& id : o_.layers.empty() ? catalogue.ids() : o_.layers) {
            const io::CatalogueLayer* l = catalogue.find(id);
            if (!l) throw UsageError("unknown layer '" + id + "'" + did_you_mean(id, catalogue.ids()));
            if (l->cache) { // built on first use into the cache folder: fetch what it is built from
                if (o_.layers.empty()) continue;
                const io::CatalogueLayer* from = catalogue.find(l->derive->from);
                const io::CatalogueLookup* k = catalogue.find_lookup(l->derive->lookup);
                if (from && !from->cache) wanted.push_back({"layer " + from->id, from->file, from->sha256});
                wanted.push_back({"lookup " + k->id, k->file, k->sha256});
                continue;
            }
            wanted.push_back({"layer " + id, l->file, l->sha256});
        }
        if (o_.layers.empty() && !catalogue.weights.data.empty())
            wanted.push_back({"weights", catalogue.weights.data, catalogue.weights.sha256});
        if (o_.layers.empty()) // the lookups, to rebuild derived layers or join by code
            for (const auto& k : catalogue.lookups)
                wanted.push_back({"lookup " + k.id, k.file, k.sha256});

        std::size_t copied = 0, present = 0, failed = 0;
        for (const auto& w : wanted) {
            const fs::path source = fs::path(mirror) / w.file, target = data_dir / w.file;
            // Already there and intact (also when the data directory is a link to the mirror).
            if (fs::exists(target) && (w.sha256.empty() || io::file_sha256(target.string()) == w.sha256)) {
                ++present;
                continue;
            }
            if (!fs::exists(source)) {
                std::cerr << "coterm: error: " << w.what << ": " << w.file << " is not in the mirror " << mirror
                          << "\n";
                ++failed;
                continue;
            }
            if (const std::string sum = io::file_sha256(source.string()); !w.sha256.empty() && sum != w.sha256) {
                std::cerr << "coterm: error: " << w.what << ": " << source.string() << " has SHA-256 " << sum
                          << ", the catalogue expects " << w.sha256 << "\n";
                ++failed;
                continue;
            }
            if (fs::exists(target) && !o_.overwrite) {
                std::cerr << "coterm: error: " << w.what << ": " << target.string()
                          << " exists with another SHA-256 than the catalogue's; give --overwrite to replace it\n";
                ++failed;
                continue;
            }
            fs::create_directories(target.parent_path());
            io::copy_output(source.string(), target.string(), {o_.overwrite});
            ++copied;
        }
        if (!o_.quiet || failed)
            std::cerr << "coterm: data fetch into " << data_dir.string() << ": " << copied << " copied, " << present
                      << " already present and checked, " << failed << " failed\n";
        if (failed) throw ExitStatus{1};
    }

private:
    void download(const io::Catalogue& catalogue)
    {
        const fs::path data_dir = io::resolve_data_dir(o_.data_dir);
        const std::vector<std::string> ids = o_.layers.empty() ? catalogue.ids() : o_.layers;
        for (const auto& id : ids)
            if (!catalogue.find(id)) throw UsageError("unknown layer '" + id + "'" + did_you_mean(id, catalogue.ids()));
        const std::string base = o_.ons_url.empty() ? catalogue.download_base : o_.ons_url;
        const std::size_t failed = fetch_from_ons(catalogue, ids, data_dir, base, o_.threads, o_.quiet, o_.overwrite);
        if (!o_.quiet || failed)
            std::cerr << "coterm: data fetch from " << redact_secrets(base) << " into " << data_dir.string() << ": "
                      << ids.size() - failed << " layers ready, " << failed << " failed\n";
        if (failed) throw ExitStatus{1};
    }

    FetchOptions o_;
    CLI::App* fetch_ = nullptr;
};

} // namespace

std::unique_ptr<Command> make_data_command()
{
    return std::make_unique<DataCommand>();
}

} // namespace coterm::cli
