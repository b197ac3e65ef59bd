// SPDX-License-Identifier: MIT
// `coterm validate LAYER [--against LAYER]`: is a layer fit to compare? (docs/cli/validate.md)
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/output_target.hpp"
#include "cli/progress.hpp"
#include "core/errors.hpp"
#include "core/layer_builder.hpp"
#include "core/number_format.hpp"
#include "core/overlap.hpp"
#include "core/strings.hpp"
#include "core/table.hpp"
#include "core/validate.hpp"
#include "io/atomic_file.hpp"
#include "io/catalogue.hpp"
#include "io/data_dir.hpp"
#include "io/layer_source.hpp"
#include "io/table_writer.hpp"

#include <iostream>

namespace coterm::cli {
namespace {

struct ValidateCliOptions {
    std::string layer, against;
    std::string data_dir, assume_crs;
    io::ReadOptions read, against_read; ///< --where/--sql, --against-where/--against-sql
    double floor_m2 = 10;
    unsigned threads = 0;
    bool quiet = false, verbose = false;
    std::string format; ///< "" = from -o's extension, else text
    std::string output;
    bool overwrite = false;
};

const char* band_names[5] = {"<0.1%", "0.1-1%", "1-5%", "5-50%", ">=50%"};

class ValidateCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("validate", "Is a layer fit to compare? Invalid or empty geometries, "
                                                       "code problems, overlaps, gaps, and slivers against another");
        cmd->add_option("LAYER", o_.layer, "Catalogue id or path")->required();
        cmd->add_option("--against", o_.against, "Compare with this layer (coverage both ways, sliver bands)");
        add_filter_options(*cmd, "", "LAYER", o_.read);
        add_filter_options(*cmd, "against", "--against", o_.against_read);
        cmd->add_option("--floor", o_.floor_m2,
                        "Overlaps and gaps up to this many m² are counted, not listed "
                        "(default 10)")
            ->check(CLI::Range(0.0, 1e12));
        add_data_dir_option(*cmd, o_.data_dir);
        cmd->add_option("--assume-crs", o_.assume_crs, "CRS for layers that declare none");
        add_run_flags(*cmd, o_.threads, o_.quiet, o_.verbose, "List every finding (default: the first 10)");
        add_format_option(*cmd, o_.format, {"text", "json"});
        add_output_options(*cmd, o_.output, o_.overwrite);
        return cmd;
    }

    void run() override
    {
        const io::OutputFormat format = prepare_output(o_.output, o_.format, o_.overwrite, // before the work
                                                       {"validate", {"text", "json"}, "text", false}, "findings");
        const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
        const auto data_dir = io::resolve_data_dir(o_.data_dir);
        io::ReadOptions read = o_.read;
        read.assume_crs = o_.assume_crs;
        const io::LayerLocation loc = io::locate_layer(o_.layer, catalogue, data_dir, read);
        const ProgressFn progress = progress_callback();
        io::RawLayer raw = io::read_raw_layer(loc.source, loc.read, loc.spec, progress);
        const CodeProblems codes = find_code_problems(raw.features);
        make_codes_unique(raw.features);
        BuildReport build;
        const std::size_t raw_count = raw.features.size();
        Layer layer = build_layer(
            loc.spec,
            redact_secrets(loc.from_catalogue ? loc.spec : std::filesystem::path(loc.spec).filename().string()),
            std::move(raw.features), {raw.crs, o_.threads, progress}, build);
        const LayerCheck check = check_layer(layer, o_.floor_m2, o_.threads);

        Report report;
        Table findings;
        findings.columns = {
            {"kind", Format::text}, {"code", Format::text}, {"detail", Format::text}, {"area_m2", Format::area}};
        auto add = [&](const char* kind, const std::string& code, const std::string& detail, Cell area = Cell()) {
            findings.rows.push_back({std::string(kind), code, detail, std::move(area)});
        };
        for (std::size_t i = 0; i < build.repaired_codes.size(); ++i)
            add("invalid", build.repaired_codes[i], build.repaired_reasons[i]);
        for (const auto& code : build.empty_codes)
            add("empty", code, "null or empty geometry");
        for (const auto& code : codes.duplicates)
            add("duplicate_code", code, "code given more than once");
        for (std::size_t n : codes.missing)
            add("missing_code", "#" + std::to_string(n), "feature without a code");
        for (const auto& o : check.overlaps)
            add("overlap", o.a, "overlaps " + o.b, o.area_m2);
        for (const auto& g : check.gaps)
            add("gap", "-", "gap inside the outline at " + format_fixed(g.x, 0) + " " + format_fixed(g.y, 0),
                g.area_m2);
        const std::size_t problems = findings.rows.size();

        SummaryBuilder s;
        s.add("layer", Format::text, layer.label);
        s.add_count("features", raw_count);
        s.add_count("vertices", check.vertices);
        s.add_count("parts", check.parts);
        s.add_count("holes", check.holes);
        s.add("floor_m2", Format::share, o_.floor_m2);
        s.add_count("invalid", build.repaired_codes.size());
        s.add_count("empty", build.empty_codes.size());
        s.add_count("duplicate_codes", codes.duplicates.size());
        s.add_count("missing_codes", codes.missing.size());
        s.add_count("overlaps", check.overlaps.size());
        s.add_count("small_overlaps", check.small_overlaps);
        s.add("small_overlaps_m2", Format::area, check.small_overlaps_m2);
        s.add_count("gaps", check.gaps.size());
        s.add_count("small_gaps", check.small_gaps);
        s.add("small_gaps_m2", Format::area, check.small_gaps_m2);
        s.add_count("problems", problems);

        std::string against_text;
        if (!o_.against.empty()) against_text = compare(layer, catalogue, data_dir, s, report);
        report.summary = s.take();
        report.tables.emplace(report.tables.begin(), "findings", std::move(findings));

        if (format.gdal())
            write_layer_output(o_.output, format, o_.overwrite, "findings", report.tables.front().second, {});
        else
            io::write_output(o_.output, format.name == "json" ? io::to_json(report) : text(report, against_text),
                             {o_.overwrite});
        if (!o_.quiet)
            std::cerr << "coterm: validate " << layer.label << ": "
                      << (problems ? std::to_string(problems) + " problems" : std::string("clean")) << " ("
                      << build.repaired_codes.size() << " invalid, " << build.empty_codes.size() << " empty, "
                      << codes.duplicates.size() + codes.missing.size() << " code problems, " << check.overlaps.size()
                      << " overlaps and " << check.gaps.size() << " gaps above " << format_general(o_.floor_m2, 6)
                      << " m²)\n";
        if (problems) throw ExitStatus{1};
    }

private:
    /// Coverage both ways and the sliver bands against another layer (information, not problems).
    std::string compare(const Layer& layer, const io::Catalogue& catalogue, const std::filesystem::path& data_dir,
                        SummaryBuilder& s, Report& report)
    {
        io::ReadOptions read = o_.against_read;
        read.assume_crs = o_.assume_crs;
        BuildReport build;
        const Layer other = io::load_layer(io::locate_layer(o_.against, catalogue, data_dir, read), o_.threads, build,
                                           nullptr, progress_callback());
        OverlapOptions options;
        options.threads = o_.threads;
        Progress progress("overlap", !o_.quiet);
        if (progress.enabled()) options.progress = [&](std::size_t d, std::size_t n) { progress.update(d, n); };
        const OverlapResult r = compute_overlap(layer, other, options);
        progress.finish();
        double area = 0, covered = 0, other_area = 0, other_covered = 0;
        for (std::size_t i = 0; i < layer.features.size(); ++i)
            area += layer.features[i].area_m2, covered += r.covered_a_m2[i];
        for (std::size_t j = 0; j < other.features.size(); ++j)
            other_area += other.features[j].area_m2, other_covered += r.covered_b_m2[j];
        SliverBands a_bands, b_bands;
        for (const auto& row : r.rows) {
            add_to_band(a_bands, row.share_of_a, row.area_m2);
            add_to_band(b_bands, row.share_of_b, row.area_m2);
        }
        s.add("against", Format::text, other.label);
        s.add("uncovered_share", Format::share, area > 0 ? 1 - covered / area : 0.0);
        s.add("against_uncovered_share", Format::share, other_area > 0 ? 1 - other_covered / other_area : 0.0);
        Table bands;
        bands.columns = {{"band", Format::text},
                         {"pieces_by_share_of_layer", Format::integer},
                         {"area_m2", Format::area},
                         {"pieces_by_share_of_against", Format::integer},
                         {"against_area_m2", Format::area}};
        std::string text = "against " + other.label + ": " + format_fixed(100 * (1 - covered / area), 3) + "% of " +
                           layer.label + " is outside it, " + format_fixed(100 * (1 - other_covered / other_area), 3) +
                           "% of it is outside " + layer.label + "\n  overlap pieces by share of the unit:\n";
        for (int k = 0; k < 5; ++k) {
            bands.rows.push_back({std::string(band_names[k]), static_cast<std::int64_t>(a_bands.count[k]),
                                  a_bands.area_m2[k], static_cast<std::int64_t>(b_bands.count[k]), b_bands.area_m2[k]});
            text += "    " + std::string(band_names[k]) + ": " + std::to_string(a_bands.count[k]) + " of " +
                    layer.label + " units, " + std::to_string(b_bands.count[k]) + " of " + other.label + " units\n";
        }
        report.tables.emplace_back("sliver_bands", std::move(bands));
        return text;
    }

    std::string text(const Report& report, const std::string& against) const
    {
        const Table& sum = report.summary;
        std::string out;
        for (std::size_t c = 0; c < sum.columns.size(); ++c)
            out += sum.columns[c].name + ": " + format_cell(sum.rows.front()[c], sum.columns[c].format) + "\n";
        const Table& findings = report.tables.front().second;
        const std::size_t limit = o_.verbose ? findings.rows.size() : 10;
        for (std::size_t i = 0; i < findings.rows.size() && i < limit; ++i) {
            const auto& row = findings.rows[i];
            out += "  " + format_cell(row[0], Format::text) + " " + format_cell(row[1], Format::text) + ": " +
                   format_cell(row[2], Format::text);
            if (!std::holds_alternative<std::monostate>(row[3]))
                out += " (" + format_cell(row[3], Format::area) + " m²)";
            out += "\n";
        }
        if (findings.rows.size() > limit)
            out += "  … " + std::to_string(findings.rows.size() - limit) + " more (--verbose lists all)\n";
        return out + against;
    }

    ValidateCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_validate_command()
{
    return std::make_unique<ValidateCommand>();
}

} // namespace coterm::cli
