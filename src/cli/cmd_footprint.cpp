// SPDX-License-Identifier: MIT
// `coterm footprint`: candidate footprints built from whole blocks (docs/cli/footprint.md).
#include "analysis/map_geometry.hpp"
#include "cli/command.hpp"
#include "cli/footprint_table.hpp"
#include "cli/layer_options.hpp"
#include "cli/output_target.hpp"
#include "cli/weight_options.hpp"
#include "core/errors.hpp"
#include "core/table.hpp"
#include "io/atomic_file.hpp"
#include "io/layer_writer.hpp"
#include "io/table_writer.hpp"

#include <iostream>

namespace coterm::cli {
namespace {

struct FootprintCliOptions {
    std::string blocks, groups, by, rest;
    io::ReadOptions blocks_read, by_read, rest_read;
    std::string data_dir;
    WeightCliOptions weights;
    double tolerance = 0.99;
    double simplify = 0;
    unsigned threads = 0;
    bool quiet = false, verbose = false;
    std::string format; ///< "" = from -o's extension, else geojson
    std::string output;
    bool overwrite = false;
};

class FootprintCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("footprint", "Build candidate footprints from whole blocks: by a groups "
                                                        "file, or by the units of another layer");
        cmd->add_option("--blocks", o_.blocks, "The building blocks, e.g. ltla24")->required();
        auto* groups = cmd->add_option("--groups", o_.groups, "CSV: block_code, footprint_code, footprint_name");
        auto* by =
            cmd->add_option("--by", o_.by, "Group blocks by the unit of this layer holding τ of their population");
        groups->excludes(by);
        cmd->add_option("--rest", o_.rest, "With --by: blocks in no unit of --by go to this layer's units")->needs(by);
        cmd->add_option("--tolerance", o_.tolerance, "τ for --by (default 0.99)")->check(CLI::Range(0.5, 1.0));
        add_filter_options(*cmd, "blocks", "--blocks", o_.blocks_read);
        add_filter_options(*cmd, "by", "--by", o_.by_read);
        add_filter_options(*cmd, "rest", "--rest", o_.rest_read);
        add_weight_options(*cmd, o_.weights);
        add_data_dir_option(*cmd, o_.data_dir);
        add_run_flags(*cmd, o_.threads, o_.quiet, o_.verbose, "List every block behind a warning");
        add_format_option(*cmd, o_.format, {"geojson", "csv"});
        cmd->add_option("--simplify", o_.simplify, simplify_help)->check(CLI::Range(0.0, 100000.0));
        add_output_options(*cmd, o_.output, o_.overwrite);
        return cmd;
    }

    void run() override
    {
        const io::OutputFormat format = prepare_output(
            o_.output, o_.format, o_.overwrite, {"footprint", {"geojson", "csv"}, "geojson", true}, "footprints");
        const analysis::Context ctx = cli_context(o_.data_dir, o_.threads, o_.verbose);
        const auto weights = analysis::load_weights(ctx, weights_spec(o_.weights));
        const analysis::FootprintRequest request{o_.blocks,    o_.groups,      o_.by,      o_.rest,
                                                 o_.tolerance, o_.blocks_read, o_.by_read, o_.rest_read};
        const analysis::BuiltFootprints built = analysis::build_footprints(ctx, request, *weights);
        const Table t = footprint_table(built);
        std::string simplified;
        std::vector<Wkb> geometries = analysis::map_geometries(built.footprints, o_.simplify, simplified);
        if (!o_.quiet && !simplified.empty()) std::cerr << "coterm: " << simplified << "\n";
        if (format.gdal())
            write_layer_output(o_.output, format, o_.overwrite, "footprints", t, geometries);
        else
            io::write_output(o_.output, format.name == "csv" ? io::to_csv(t) : io::to_geojson(t, std::move(geometries)),
                             {o_.overwrite});
        report_footprints(built, o_.quiet, o_.verbose);
    }

private:
    FootprintCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_footprint_command()
{
    return std::make_unique<FootprintCommand>();
}

} // namespace coterm::cli
