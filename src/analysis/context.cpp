// SPDX-License-Identifier: MIT
#include "analysis/context.hpp"

#include "core/strings.hpp"
#include "io/data_dir.hpp"
#include "io/layer_source.hpp"

namespace coterm::analysis {

Context make_context(const std::string& data_dir_option, unsigned threads, bool verbose)
{
    Context ctx;
    ctx.catalogue = io::read_catalogue(io::default_catalogue_path());
    ctx.data_dir = io::resolve_data_dir(data_dir_option);
    ctx.threads = threads;
    ctx.verbose = verbose;
    return ctx;
}

std::vector<std::string> build_warnings(const std::string& label, const BuildReport& report, bool verbose)
{
    const std::size_t limit = verbose ? static_cast<std::size_t>(-1) : 5;
    std::vector<std::string> out;
    if (!report.repaired_codes.empty())
        out.push_back(label + ": " + std::to_string(report.repaired_codes.size()) +
                      " invalid geometries repaired with MakeValid (" + join_limited(report.repaired_codes, limit) +
                      ")");
    if (!report.empty_codes.empty())
        out.push_back(label + ": " + std::to_string(report.empty_codes.size()) +
                      " features with empty or null geometry skipped (" + join_limited(report.empty_codes, limit) +
                      ")");
    if (!report.replaced_text_codes.empty())
        out.push_back(label + ": " + std::to_string(report.replaced_text_codes.size()) +
                      " features with invalid UTF-8 in their code or name, replaced by U+FFFD (" +
                      join_limited(report.replaced_text_codes, limit) + ")");
    if (!report.far_outside_codes.empty())
        out.push_back(label + ": " + std::to_string(report.far_outside_codes.size()) +
                      " features with coordinates far outside the British National Grid's area of use (e.g. " +
                      join_limited(report.far_outside_codes, verbose ? limit : 1) + "); is the CRS right?");
    return out;
}

Layer load_layer(const Context& ctx, const std::string& spec, const io::ReadOptions& read)
{
    BuildReport report;
    Layer layer = io::load_layer(io::locate_layer(spec, ctx.catalogue, ctx.data_dir, read), ctx.threads, report,
                                 nullptr, ctx.progress);
    for (const auto& line : build_warnings(layer.label, report, ctx.verbose))
        ctx.warn(line);
    return layer;
}

} // namespace coterm::analysis
