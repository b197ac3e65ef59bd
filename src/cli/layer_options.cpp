// SPDX-License-Identifier: MIT
#include "cli/layer_options.hpp"

#include "cli/progress.hpp"
#include "io/catalogue.hpp"
#include "io/data_dir.hpp"
#include "io/layer_source.hpp"

#include <cctype>
#include <future>
#include <iostream>

namespace coterm::cli {

void add_data_dir_option(CLI::App& cmd, std::string& data_dir, const std::string& names)
{
    cmd.add_option(names, data_dir, "Data directory (default: $COTERM_DATA, else geodata/cache)");
}

void add_output_options(CLI::App& cmd, std::string& output, bool& overwrite, const std::string& help)
{
    cmd.add_option("-o,--output", output, help);
    cmd.add_flag("--overwrite", overwrite, "Replace an existing output file (default: refuse, exit 2)");
}

void add_run_flags(CLI::App& cmd, unsigned& threads, bool& quiet, bool& verbose, const std::string& verbose_help)
{
    cmd.add_option("--threads", threads, "Worker threads (default 0: all cores)")->check(CLI::Range(0u, 1024u));
    cmd.add_flag("-q,--quiet", quiet, "Errors only on stderr: no summary lines, warnings or progress");
    // Read by main once parsing is done (cli/progress.hpp), like -q.
    cmd.add_flag("--progress")->description("Show progress on stderr even when it is not a terminal");
    cmd.add_flag("-v,--verbose", verbose, verbose_help);
}

void add_rule_options(CLI::App& cmd, analysis::RuleRequest& rule)
{
    cmd.add_option("--tolerance", rule.tolerance,
                   "τ, a materiality share: pieces of at most 1 − τ of a unit do not count (default: any piece above "
                   "numeric noise between layers sharing boundaries, 0.99 otherwise)")
        ->check(CLI::Range(0.5, 1.0));
    cmd.add_option("--min-people", rule.min_people,
                   "Pieces with fewer people do not count (population weights; default 0)")
        ->check(CLI::Range(0.0, 1e12));
    cmd.add_option("--uncertain", rule.uncertain,
                   "U: a split by pieces under this share is `uncertain` (default: 0 between layers sharing "
                   "boundaries, 0.06 otherwise, the measured generalisation error)")
        ->check(CLI::Range(0.0, 0.5));
}

void add_filter_options(CLI::App& cmd, const std::string& name, const std::string& shown, io::ReadOptions& read)
{
    // The one main layer of a command takes plain --where/--sql; messages are built as
    // prefix + "-where", so its prefix is "-".
    const std::string stem = name.empty() ? "-" : "--" + name;
    read.option_prefix = stem;
    cmd.add_option(stem + "-where", read.where,
                   "Only the features of " + shown + " matching this OGR SQL filter (e.g. \"RGN24CD = 'E12000005'\")");
    cmd.add_option(stem + "-sql", read.sql,
                   "Read the result of this SQL statement on " + shown + "'s source instead of a layer");
}

std::string quote_argument(const std::string& text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
        out += c;
    }
    return out + "\"";
}

void add_pair_options(CLI::App& cmd, PairInputOptions& o, const PairNames& n)
{
    const std::string a = n.a, b = n.b;
    // How help text names each layer: "A" for positionals, "--from" for options.
    const std::string la = n.positional ? std::string(1, static_cast<char>(std::toupper(a[0]))) : "--" + a;
    const std::string lb = n.positional ? std::string(1, static_cast<char>(std::toupper(b[0]))) : "--" + b;
    if (n.positional) {
        cmd.add_option("A", o.a, "First layer: catalogue id (e.g. ltla24) or path to any OGR vector source")
            ->required(n.required);
        cmd.add_option("B", o.b, "Second layer: catalogue id (e.g. icb24) or path")->required(n.required);
    } else {
        cmd.add_option("--" + a, o.a, n.a_help);
        cmd.add_option("--" + b, o.b, n.b_help)->required();
    }
    add_data_dir_option(cmd, o.data_dir, n.data_dir_option);
    cmd.add_option("--" + a + "-code", o.a_read.code_field,
                   "Code field of " + la + " (default: catalogue, else detected)");
    cmd.add_option("--" + b + "-code", o.b_read.code_field, "Code field of " + lb);
    cmd.add_option("--" + a + "-name", o.a_read.name_field, "Name field of " + la + " (optional)");
    cmd.add_option("--" + b + "-name", o.b_read.name_field, "Name field of " + lb + " (optional)");
    cmd.add_option("--" + a + "-layer", o.a_read.layer_name, "Layer of " + la + " inside a multi-layer source");
    cmd.add_option("--" + b + "-layer", o.b_read.layer_name, "Layer of " + lb + " inside a multi-layer source");
    add_filter_options(cmd, a, la, o.a_read);
    add_filter_options(cmd, b, lb, o.b_read);
    cmd.add_option("--assume-crs", o.assume_crs, "CRS for layers that declare none (e.g. EPSG:27700)");
    add_run_flags(cmd, o.threads, o.quiet, o.verbose,
                  "List the features behind each warning, the work done and timings");
}

analysis::Context cli_context(const std::string& data_dir, unsigned threads, bool verbose)
{
    analysis::Context ctx = analysis::make_context(data_dir, threads, verbose);
    ctx.warn = [](const std::string& line) { warning() << line << '\n'; };
    ctx.progress = progress_callback();
    return ctx;
}

void warn_about_build(const std::string& label, const BuildReport& report, bool verbose)
{
    for (const auto& line : analysis::build_warnings(label, report, verbose))
        warning() << line << '\n';
}

LayerPair load_pair(const PairInputOptions& o, Stopwatch& stopwatch)
{
    const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
    const auto data_dir = io::resolve_data_dir(o.data_dir);
    io::ReadOptions a_read = o.a_read, b_read = o.b_read;
    a_read.assume_crs = b_read.assume_crs = o.assume_crs;
    // Locate both before reading either, so a typo in B is reported at once.
    const auto a_loc = io::locate_layer(o.a, catalogue, data_dir, a_read);
    const auto b_loc = io::locate_layer(o.b, catalogue, data_dir, b_read);
    BuildReport a_report, b_report;
    io::LoadTimings a_time, b_time;
    // B loads on its own thread while A loads here: GDAL reads a file sequentially,
    // which leaves a core idle that B's reading and reprojection can use.
    const ProgressFn progress = progress_callback();
    auto b_future =
        std::async(std::launch::async, [&] { return io::load_layer(b_loc, o.threads, b_report, &b_time, progress); });
    Layer a_layer;
    try {
        a_layer = io::load_layer(a_loc, o.threads, a_report, &a_time, progress);
    } catch (...) {
        b_future.wait(); // A's error is the one reported
        throw;
    }
    LayerPair pair{std::move(a_layer), b_future.get()};
    stopwatch.add("read " + pair.a.label, a_time.read_s);
    stopwatch.add("build " + pair.a.label, a_time.build_s);
    stopwatch.add("read " + pair.b.label, b_time.read_s);
    stopwatch.add("build " + pair.b.label, b_time.build_s);
    stopwatch.lap("load (B alongside A)");
    warn_about_build(pair.a.label, a_report, o.verbose);
    warn_about_build(pair.b.label, b_report, o.verbose);
    return pair;
}

} // namespace coterm::cli
