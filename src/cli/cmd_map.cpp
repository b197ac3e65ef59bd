// SPDX-License-Identifier: MIT
// `coterm map`: any layer or coterm output drawn as a map — PNG, SVG or PDF through
// Cairo, or a self-contained HTML page (docs/cli/map.md).
#include "analysis/context.hpp"
#include "analysis/map_geometry.hpp"
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/progress.hpp"
#include "core/errors.hpp"
#include "core/layer_builder.hpp"
#include "core/strings.hpp"
#include "io/atomic_file.hpp"
#include "io/attribute_reader.hpp"
#include "io/catalogue.hpp"
#include "io/data_dir.hpp"
#include "io/layer_source.hpp"
#include "render/classify.hpp"
#include "render/report_html.hpp"
#include "render/static_map.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>

namespace coterm::cli {
namespace {

namespace fs = std::filesystem;

/// The attribution of the ONS data coterm is built for (README, Data).
constexpr const char* ons_attribution =
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
    "Contains OS data © Crown copyright and database right.";

struct MapCliOptions {
    std::string layer, color, output, title, data_dir;
    std::vector<std::string> outlines;
    io::ReadOptions read;
    int width = 2000, height = 0;
    double dpi = 200;
    double simplify = -1; ///< < 0: 50 m for html, none for images
    bool labels = false, overwrite = false;
    unsigned threads = 0;
    bool quiet = false, verbose = false;
};

/// How a field's values are shown: money by a "gbp" name, shares by a "share" name with
/// values in [0, 1], integers as counts, other numbers as numbers, text as categories.
render::ValueKind kind_of(const io::AttributeValues& a)
{
    if (!a.numeric) return render::ValueKind::category;
    if (iends_with(a.field, "_gbp") || a.field.find("gbp") != std::string::npos) return render::ValueKind::money;
    bool unit_range = true, integers = true;
    for (const auto& v : a.values) {
        if (const auto* d = std::get_if<double>(&v)) {
            unit_range = unit_range && *d >= 0 && *d <= 1;
            integers = false;
        }
    }
    if (a.field.find("share") != std::string::npos && unit_range) return render::ValueKind::share;
    return integers ? render::ValueKind::count : render::ValueKind::number;
}

class MapCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("map", "Draw a layer or a coterm output as a map: PNG, SVG, PDF or a "
                                                  "self-contained HTML page");
        cmd->add_option("LAYER", o_.layer, "Catalogue id or file (e.g. footprints.geojson)")->required();
        cmd->add_option("-o,--output", o_.output, "Output file: .png, .svg, .pdf or .html")->required();
        cmd->add_option("--color,--colour", o_.color, "Colour the areas by this attribute (number or text)");
        cmd->add_option("--outline", o_.outlines, "Draw this layer's boundaries over the map (repeatable)");
        cmd->add_flag("--label", o_.labels, "Write each area's name on the map");
        cmd->add_option("--title", o_.title, "Title (default: the layer and attribute)");
        cmd->add_option("--width", o_.width, "Image width in pixels (default 2000)")->check(CLI::Range(200, 20000));
        cmd->add_option("--height", o_.height, "Image height in pixels (default: from the map's shape)")
            ->check(CLI::Range(200, 20000));
        cmd->add_option("--dpi", o_.dpi, "Resolution: sizes text and is written into the PNG (default 200)")
            ->check(CLI::Range(36.0, 1200.0));
        cmd->add_option("--simplify", o_.simplify,
                        std::string(simplify_help) + " (default: 50 for .html, 0 for images)")
            ->check(CLI::Range(0.0, 100000.0));
        cmd->add_option("--layer-name", o_.read.layer_name, "Layer inside the file (when it holds several)");
        cmd->add_option("--code", o_.read.code_field, "Code field (default: detected)");
        cmd->add_option("--name", o_.read.name_field, "Name field (default: detected)");
        add_filter_options(*cmd, "", "LAYER", o_.read);
        cmd->add_option("--assume-crs", o_.read.assume_crs, "CRS of a file that declares none, e.g. EPSG:27700");
        cmd->add_flag("--overwrite", o_.overwrite, "Replace the output file if it exists");
        add_data_dir_option(*cmd, o_.data_dir);
        add_run_flags(*cmd, o_.threads, o_.quiet, o_.verbose, "List every code behind a warning");
        return cmd;
    }

    void run() override
    {
        const std::string ext = fs::path(o_.output).extension().string();
        const bool html = iequals(ext, ".html") || iequals(ext, ".htm");
        render::StaticMapOptions image;
        if (iequals(ext, ".png"))
            image.format = render::ImageFormat::png;
        else if (iequals(ext, ".svg"))
            image.format = render::ImageFormat::svg;
        else if (iequals(ext, ".pdf"))
            image.format = render::ImageFormat::pdf;
        else if (!html)
            throw UsageError("--output " + o_.output + ": the name must end in .png, .svg, .pdf or .html");
        io::check_output(o_.output, {o_.overwrite}); // before the work

        const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
        const fs::path dir = io::resolve_data_dir(o_.data_dir);
        const double simplify = o_.simplify >= 0 ? o_.simplify : (html ? 50.0 : 0.0);
        render::ReportModel model = read_model(catalogue, dir, simplify);
        for (const auto& spec : o_.outlines) {
            analysis::Context ctx = cli_context("", o_.threads, o_.verbose);
            ctx.data_dir = dir;
            const Layer outline = analysis::load_layer(ctx, spec);
            std::string note;
            model.overlays.push_back({outline.label, analysis::map_geometries(outline, simplify, note), true});
        }
        std::string bytes;
        if (html) {
            render::HtmlOptions options;
            options.labels = o_.labels;
            bytes = render::render_report_html(model, options);
        } else {
            image.width_px = o_.width;
            image.height_px = o_.height;
            image.dpi = o_.dpi;
            image.labels = o_.labels;
            bytes = render::render_static_map(model, image);
        }
        io::write_output(o_.output, bytes, {o_.overwrite});
        if (!o_.quiet) {
            std::string what = std::to_string(model.features.size()) + " areas";
            if (!model.measures.empty()) {
                const auto c = render::classify(model.features, model.measures[0], 0);
                what += " coloured by " + o_.color + " (" + std::to_string(c.classes.size()) + " classes, " + c.method +
                        ")";
            }
            std::cerr << "coterm: map " << o_.layer << ": " << what << " -> " << o_.output << "\n";
        }
    }

private:
    /// The layer's features with the --color values. Features are built (reprojected,
    /// repaired) under their read order as code, so that files whose codes repeat (the
    /// pieces of an overlap) can be drawn too; their own codes are put back afterwards.
    render::ReportModel read_model(const io::Catalogue& catalogue, const fs::path& dir, double simplify)
    {
        const io::LayerLocation where = io::locate_layer(o_.layer, catalogue, dir, o_.read);
        const ProgressFn progress = progress_callback();
        io::RawLayer raw = io::read_raw_layer(where.source, where.read, o_.layer, progress);
        io::AttributeValues values;
        if (!o_.color.empty()) {
            // A second read with the same layer, --sql and --where: values[i] is feature i's.
            values = io::read_attribute(where.source, where.read, o_.color, o_.layer);
            if (values.values.size() != raw.features.size())
                throw DataError(o_.layer + ": --color " + o_.color + " read " + std::to_string(values.values.size()) +
                                " values for " + std::to_string(raw.features.size()) +
                                " features (a source that cannot be read twice, such as standard input?)");
        }
        std::vector<RawFeature> originals = raw.features;
        const int digits = static_cast<int>(std::to_string(raw.features.size()).size());
        for (std::size_t i = 0; i < raw.features.size(); ++i) {
            std::string n = std::to_string(i);
            raw.features[i].code = std::string(static_cast<std::size_t>(digits) - n.size(), '0') + n;
        }
        LayerBuildOptions build;
        build.source_crs = raw.crs;
        build.threads = o_.threads;
        build.progress = progress;
        BuildReport report;
        const std::string label = where.from_catalogue ? o_.layer : fs::path(o_.layer).filename().string();
        const Layer layer = build_layer(o_.layer, label, std::move(raw.features), build, report);
        warn_about_build(label, report, o_.verbose);

        render::ReportModel m;
        m.title = !o_.title.empty() ? o_.title : o_.color.empty() ? label : label + ": " + o_.color;
        m.attribution = ons_attribution;
        if (!o_.color.empty()) m.measures.push_back({o_.color, o_.color, kind_of(values), ""});
        Table data;
        data.columns = {{"code", Format::text}, {"name", Format::text}};
        if (!o_.color.empty()) data.columns.push_back({o_.color, values.numeric ? Format::number : Format::text});
        std::string note;
        const std::vector<Wkb> shapes = analysis::map_geometries(layer, simplify, note);
        if (!o_.quiet && !note.empty()) std::cerr << "coterm: " << note << "\n";
        for (std::size_t k = 0; k < layer.features.size(); ++k) {
            std::size_t i = 0;
            const std::string& code = layer.features[k].code;
            std::from_chars(code.data(), code.data() + code.size(), i);
            render::MapFeature f{originals[i].code, originals[i].name, shapes[k], {}, false};
            if (!o_.color.empty()) f.values.push_back(values.values[i]);
            std::vector<Cell> row = {f.code, f.name};
            if (!o_.color.empty()) row.push_back(values.values[i]);
            data.rows.push_back(std::move(row));
            m.features.push_back(std::move(f));
        }
        render::ReportTable table{"Data", std::move(data), {}, {}, {}};
        if (!o_.color.empty()) table.kinds = {render::ValueKind::text, render::ValueKind::text, m.measures[0].kind};
        m.tables.push_back(std::move(table));
        if (simplify > 0)
            m.notes.push_back("Map geometry simplified at " + std::to_string(static_cast<long long>(simplify)) +
                              " m for display (shared edges kept identical).");
        return m;
    }

    MapCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_map_command()
{
    return std::make_unique<MapCommand>();
}

} // namespace coterm::cli
