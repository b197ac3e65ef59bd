// SPDX-License-Identifier: MIT
// `coterm layers [ID]`: the catalogue, and one layer in detail (docs/cli/layers.md).
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/output_target.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/strings.hpp"
#include "core/table.hpp"
#include "io/atomic_file.hpp"
#include "io/catalogue.hpp"
#include "io/data_dir.hpp"
#include "io/layer_info.hpp"
#include "io/table_writer.hpp"

#include <algorithm>
#include <filesystem>

namespace coterm::cli {
namespace {

struct LayersCliOptions {
    std::string id;
    std::string data_dir;
    std::string format; ///< "" = from -o's extension, else text
    std::string output;
    bool overwrite = false;
};

/// Characters (UTF-8 code points) of `s`, which is what a terminal's columns count.
std::size_t display_width(const std::string& s)
{
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// `s` cut to `width` characters, ending in "…" when cut.
std::string fit(const std::string& s, std::size_t width)
{
    if (display_width(s) <= width) return s;
    std::string out;
    std::size_t n = 0;
    for (char c : s) {
        if ((c & 0xC0) != 0x80 && ++n > width - 1) break;
        out += c;
    }
    return out + "…";
}

/// Columns padded to their widest cell, for reading in a terminal; the last column is cut
/// so no line is wider than `max_width` (an 80-column terminal).
std::string aligned(const Table& t, std::size_t max_width = 80)
{
    std::vector<std::size_t> width(t.columns.size(), 0);
    std::vector<std::vector<std::string>> cells;
    cells.emplace_back();
    for (const auto& c : t.columns)
        cells.back().push_back(c.name);
    for (const auto& row : t.rows) {
        cells.emplace_back();
        for (std::size_t c = 0; c < row.size(); ++c)
            cells.back().push_back(format_cell(row[c], t.columns[c].format));
    }
    for (const auto& row : cells)
        for (std::size_t c = 0; c < row.size(); ++c)
            width[c] = std::max(width[c], display_width(row[c]));
    std::size_t before_last = 0;
    for (std::size_t c = 0; c + 1 < width.size(); ++c)
        before_last += width[c] + 2;
    if (!cells.empty() && before_last + 10 < max_width)
        for (auto& row : cells)
            row.back() = fit(row.back(), max_width - before_last);
    std::string out;
    for (const auto& row : cells) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line += std::string(width[c] - display_width(row[c]) + 2, ' ');
        }
        out += line + "\n";
    }
    return out;
}

Table catalogue_table(const io::Catalogue& catalogue, const std::filesystem::path& data_dir, bool full)
{
    Table t;
    // The text listing leaves out the vintage so it fits 80 columns (`layers ID` has it).
    t.columns = {
        {"id", Format::text}, {"family", Format::text}, {"features", Format::integer}, {"present", Format::flag}};
    if (full) t.columns.push_back({"vintage", Format::text});
    t.columns.push_back({"title", Format::text});
    if (full)
        t.columns.insert(t.columns.end(), {{"file", Format::text},
                                           {"generalisation", Format::text},
                                           {"source", Format::text},
                                           {"licence", Format::text}});
    for (const auto& l : catalogue.layers) {
        t.rows.push_back({l.id, l.family, l.features, std::filesystem::exists(data_dir / l.file)});
        if (full) t.rows.back().push_back(l.vintage);
        t.rows.back().push_back(l.title);
        if (full) t.rows.back().insert(t.rows.back().end(), {l.file, l.generalisation, l.source, l.licence});
    }
    return t;
}

/// One layer: catalogue entry and what its file holds, as name/value rows.
Table detail_table(const io::CatalogueLayer& l, const std::filesystem::path& data_dir)
{
    Table t;
    t.columns = {{"key", Format::text}, {"value", Format::text}};
    auto add = [&](const std::string& k, const std::string& v) { t.rows.push_back({k, v}); };
    add("id", l.id);
    add("title", l.title);
    add("family", l.family);
    add("vintage", l.vintage);
    add("generalisation", l.generalisation);
    add("source", l.source);
    add("licence", l.licence);
    add("file", l.file);
    add("code field", l.code_field);
    add("name field", l.name_field);
    if (l.cache) { // built on first use (io/derived_cache), never a file of the data directory
        add("present", "built on first use from " + l.derive->from + " and lookup " + l.derive->lookup +
                           " into the cache folder ($COTERM_CACHE, else $XDG_CACHE_HOME/coterm or ~/.cache/coterm)");
        return t;
    }
    const auto path = data_dir / l.file;
    if (!std::filesystem::exists(path)) {
        add("present", "no (not in " + data_dir.string() + ")");
        return t;
    }
    const io::LayerInfo info = io::describe_layer(path.string(), l.layer);
    add("present", "yes");
    add("layer", info.layer_name);
    add("features", std::to_string(info.features) +
                        (info.features == l.features ? "" : " (catalogue says " + std::to_string(l.features) + ")"));
    std::string fields;
    for (const auto& [name, type] : info.fields)
        fields += (fields.empty() ? "" : ", ") + name + " (" + type + ")";
    add("fields", fields);
    add("crs", info.crs);
    add("extent", format_general(info.min_x, 8) + ", " + format_general(info.min_y, 8) + ", " +
                      format_general(info.max_x, 8) + ", " + format_general(info.max_y, 8));
    add("vertices", std::to_string(info.vertices));
    add("parts / rings", std::to_string(info.parts) + " / " + std::to_string(info.rings));
    add("bytes", std::to_string(info.bytes));
    add("sha256", info.sha256);
    return t;
}

class LayersCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("layers", "The layer catalogue: what each layer is, its vintage, source "
                                                     "and licence, and whether its file is present");
        cmd->add_option("ID", o_.id,
                        "A catalogue id: describe that layer in detail (fields, CRS, extent, counts, "
                        "SHA-256)");
        add_data_dir_option(*cmd, o_.data_dir);
        add_format_option(*cmd, o_.format, {"text", "csv", "json"});
        add_output_options(*cmd, o_.output, o_.overwrite);
        return cmd;
    }

    void run() override
    {
        const io::OutputFormat format = prepare_output(o_.output, o_.format, o_.overwrite, // before the work
                                                       {"layers", {"text", "csv", "json"}, "text", false}, "layers");
        const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
        const auto data_dir = io::resolve_data_dir(o_.data_dir);
        Table table;
        if (o_.id.empty()) {
            table = catalogue_table(catalogue, data_dir, format.name != "text");
        } else {
            const io::CatalogueLayer* l = catalogue.find(o_.id);
            if (!l) throw UsageError("unknown layer '" + o_.id + "'" + did_you_mean(o_.id, catalogue.ids()));
            table = detail_table(*l, data_dir);
        }
        std::string content;
        if (format.gdal()) {
            return write_layer_output(o_.output, format, o_.overwrite, "layers", table, {});
        } else if (format.name == "text") {
            content = aligned(table, o_.id.empty() ? 80 : std::string::npos);
        } else if (format.name == "csv") {
            content = io::to_csv(table);
        } else {
            Report report;
            report.tables.emplace_back(o_.id.empty() ? "layers" : "layer", std::move(table));
            content = io::to_json(report);
        }
        io::write_output(o_.output, content, {o_.overwrite});
    }

private:
    LayersCliOptions o_;
};

} // namespace

std::unique_ptr<Command> make_layers_command()
{
    return std::make_unique<LayersCommand>();
}

} // namespace coterm::cli
