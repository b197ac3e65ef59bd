// SPDX-License-Identifier: MIT
#include "cli/output_target.hpp"
#include "cli/progress.hpp"

#include "core/strings.hpp"
#include "io/atomic_file.hpp"
#include "io/layer_writer.hpp"
#include "io/provenance.hpp"

#include <set>

namespace coterm::cli {

void add_format_option(CLI::App& cmd, std::string& format, const std::vector<std::string>& native)
{
    cmd.add_option("--format", format,
                   "Output format: " + join(native, ", ") +
                       " or a GDAL vector format (gpkg, fgb, …); default: from -o's "
                       "extension, else " +
                       native.front());
}

io::OutputFormat prepare_output(const std::string& output, const std::string& format, bool overwrite,
                                const io::OutputChoices& choices, const std::string& layer_name)
{
    const io::OutputFormat chosen = io::choose_output_format(output, format, choices);
    if (chosen.driver == "GPKG")
        io::check_geopackage_output(output, layer_name, overwrite);
    else
        io::check_output(output, {overwrite});
    return chosen;
}

void write_layer_output(const std::string& output, const io::OutputFormat& format, bool overwrite,
                        const std::string& layer_name, const Table& table, const std::vector<Wkb>& geometries)
{
    io::GeoPackageOptions options;
    options.overwrite = overwrite;
    options.progress = progress_callback();
    io::write_vector_file(output, format.driver, layer_name, table, geometries, options);
}

void record_invocation(const CLI::App& app)
{
    static const std::set<std::string> left_out = {"--output",  "--out",      "--overwrite", "--threads", "--quiet",
                                                   "--verbose", "--progress", "--data-dir",  "--help"};
    for (const CLI::App* sub : app.get_subcommands()) {
        std::vector<io::GivenOption> given;
        for (const CLI::Option* opt : sub->get_options()) {
            if (opt->count() == 0) continue;
            bool skip = false;
            for (const auto& long_name : opt->get_lnames())
                skip = skip || left_out.count("--" + long_name) > 0;
            if (skip) continue;
            const std::string name = !opt->get_lnames().empty()   ? "--" + opt->get_lnames().front()
                                     : !opt->get_snames().empty() ? "-" + opt->get_snames().front()
                                                                  : opt->get_name(true);
            given.push_back({name, opt->results()});
            if (given.back().values.empty()) given.back().values = {"true"};
        }
        io::record_invocation(sub->get_name(), std::move(given));
    }
}

} // namespace coterm::cli
