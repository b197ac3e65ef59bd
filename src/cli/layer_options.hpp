// SPDX-License-Identifier: MIT
#pragma once
#include "analysis/context.hpp"
#include "analysis/score_rule.hpp"
#include "cli/stopwatch.hpp"
#include "core/layer.hpp"
#include "io/layer_reader.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace coterm::cli {

/// Options shared by every command that reads two layers A and B.
struct PairInputOptions {
    std::string a, b;     ///< catalogue ids or paths
    std::string data_dir; ///< --data
    io::ReadOptions a_read, b_read;
    std::string assume_crs; ///< --assume-crs, for layers without CRS
    unsigned threads = 0;   ///< --threads, 0 = all cores
    bool quiet = false;     ///< --quiet: no summary line
    bool verbose = false;   ///< --verbose: list features behind warnings
};

/// How a command names its two layers: `overlap A B --a-code F` or
/// `apportion --from S --to T --from-code F`.
struct PairNames {
    const char* a = "a";
    const char* b = "b";
    bool positional = true; ///< A and B as positionals, else as --a / --b options
    bool required = true;   ///< A and B must be given (else the command checks them itself)
    const char* data_dir_option = "--data,--data-dir";
    const char* a_help = "";
    const char* b_help = "";
};

/// The option text of --simplify, shared by `footprint` and `run`.
inline constexpr const char* simplify_help =
    "Simplify the written geometry by this many metres, keeping shared edges identical (for web maps)";

/// Declares the data-directory option (`names`, e.g. "--data,--data-dir") on `cmd`.
void add_data_dir_option(CLI::App& cmd, std::string& data_dir, const std::string& names = "--data,--data-dir");

/// Declares -o/--output FILE (help `help`) and --overwrite on `cmd`: an existing output
/// file is replaced only with --overwrite (docs/architecture.md, Reliability).
void add_output_options(CLI::App& cmd, std::string& output, bool& overwrite,
                        const std::string& help = "Output file (default: stdout); written atomically");

/// Declares --threads, -q/--quiet and -v/--verbose on `cmd`.
void add_run_flags(CLI::App& cmd, unsigned& threads, bool& quiet, bool& verbose, const std::string& verbose_help);

/// Declares --tolerance, --min-people and --uncertain (docs/methods.md §11.1).
void add_rule_options(CLI::App& cmd, analysis::RuleRequest& rule);

/// Declares --NAME-where and --NAME-sql (the source filters of the layer `shown`, e.g.
/// "A" or "--blocks") into `read`, whose messages then name --NAME-… options. An empty
/// `name` declares --where and --sql, for the one layer of `validate` or `map`.
void add_filter_options(CLI::App& cmd, const std::string& name, const std::string& shown, io::ReadOptions& read);

/// `text` as one shell word in double quotes ("unit_code IN ('Q', 'R')"), for the request
/// lines that record a filter: `"`, `\`, `$` and backquotes are escaped.
std::string quote_argument(const std::string& text);

/// Declares the two layers and the input options on `cmd`.
void add_pair_options(CLI::App& cmd, PairInputOptions& options, const PairNames& names = {});

/// The two layers, read and built; warnings (repaired, empty) go to stderr.
struct LayerPair {
    Layer a, b;
};
/// Loads B on a second thread while A loads. Records "read X" (GDAL) and "build X"
/// (reproject, validate) per layer and the "load" lap on `stopwatch`.
LayerPair load_pair(const PairInputOptions& options, Stopwatch& stopwatch);

/// The analysis context of a command: catalogue, data directory (`data_dir`, else
/// $COTERM_DATA, else geodata/cache), threads, and warnings printed on stderr as
/// `coterm: warning: …`.
analysis::Context cli_context(const std::string& data_dir, unsigned threads, bool verbose);

/// Prints the one-line warnings of a layer build to stderr (codes listed with verbose).
void warn_about_build(const std::string& label, const BuildReport& report, bool verbose);

} // namespace coterm::cli
