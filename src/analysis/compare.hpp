// SPDX-License-Identifier: MIT
// `coterm compare`: options side by side (docs/methods.md §17). One column per option,
// rows a planner compares; every figure comes from each option's RunResult.
#pragma once
#include "analysis/context.hpp"
#include "analysis/run.hpp"

#include <limits>
#include <string>
#include <vector>

namespace coterm::analysis {

/// What to compare: run folders, query files, or one options file listing queries.
struct CompareOptions {
    std::vector<std::string> inputs; ///< each a run folder, a query .toml or an options .toml
};

/// One option: a query run again (from its file, or the one recorded in a run folder).
struct CompareOption {
    std::string label;  ///< column header: the options file's label, else the query's name
    std::string source; ///< as given (run folder, query file), or as the options file names the query
    RunResult run;
};

/// How a figure is written.
enum class FigureKind {
    count,  ///< a whole number of footprints or units
    people, ///< residents (the small-area weights)
    share,  ///< a fraction 0–1
    ratio,  ///< a plain ratio (max ÷ min, coefficient of variation)
    bits,   ///< an entropy-based score (NMI 0–1, VI in bits)
    value,  ///< a variable's own unit (money when the variable is money)
    money   ///< £
};

/// One option's value of a figure: a number, or why there is none.
struct FigureCell {
    double value = std::numeric_limits<double>::quiet_NaN();
    /// "" when `value` holds the figure; "—" when the option lacks the layer or variable;
    /// "n/a (coverage differs)" for NMI/VI of a layer covering other people than the footprints.
    std::string note;
};

/// One row of the comparison.
struct FigureRow {
    std::string section; ///< "Footprints", "Alignment with icb24", "Data: imd2025_score"
    std::string id;      ///< stable machine name, e.g. "icb24.units_split"
    std::string label;   ///< what a reader sees, e.g. "ICBs split between footprints"
    FigureKind kind = FigureKind::count;
    std::vector<FigureCell> cells; ///< one per option
};

/// Everything `coterm compare` found; compare.md/.csv/.json/.html render it.
struct CompareResult {
    std::string name, title, description; ///< from the options file, or made from the options
    std::vector<CompareOption> options;
    std::vector<FigureRow> rows;
    std::string weights_label;            ///< shared by every option
    std::vector<std::string> differences; ///< where the options' inputs differ (data files, periods)
};

/// The text of a cell for an option that lacks a layer or a variable.
inline constexpr const char* lacks_mark = "—";
/// The text of NMI and VI when footprints and layer do not cover the same people.
inline constexpr const char* coverage_differs = "n/a (coverage differs)";
/// The text of a variable's cells for an option that declares it otherwise than the
/// option the row follows (a rate in one, a total in another; per head or not).
inline constexpr const char* declared_differently = "n/a (declared differently)";

/// How an option treats a mapped variable: "a rate", "a total", "per head", "per X".
/// Rows of one variable compare like with like only where this is the same.
std::string variable_treatment(const RunVariable& v);

/// One input resolved to the query that makes it.
struct ResolvedInput {
    std::string source;      ///< as given (run folder, query file), or as the options file names the query
    std::string query;       ///< the query file to run
    std::string label;       ///< "" = the query's name
    bool run_folder = false; ///< `source` is a run folder (an input that must never be an output)
};

/// The inputs of a comparison, resolved without running anything.
struct ResolvedInputs {
    std::string name, title, description; ///< an options file's, else empty
    std::vector<ResolvedInput> inputs;
};

/// Resolves every input to a query: an options file to its list, a run folder to the
/// query recorded in its marker. UsageError naming the input when it does not exist, is
/// not a run folder or records no query, or when an options file is mixed with other inputs.
ResolvedInputs resolve_compare_inputs(const CompareOptions& options);

/// UsageError when the queries' small-area weights differ (their populations would
/// not be comparable), naming both options and their weights.
void check_same_weights(const std::vector<io::Query>& queries);

/// Runs every option's query (analysis::run_query; nothing written) and compares them.
/// UsageError when the options use different small-area weights (their populations
/// would not be comparable), naming both; differing data files or periods of a same
/// variable are listed in CompareResult::differences.
CompareResult compare_options(const CompareOptions& options, const Context& ctx);

/// The rows of the comparison (docs/methods.md §17): footprints and population, each
/// comparison layer of any option, each mapped variable of any option.
std::vector<FigureRow> compare_figures(const std::vector<CompareOption>& options);

/// The figures of already-run options (the pure part of compare_options: no I/O).
CompareResult compare_runs(std::vector<CompareOption> options);

} // namespace coterm::analysis
