// SPDX-License-Identifier: MIT
#include "io/derived_layer.hpp"

#include "core/errors.hpp"
#include "core/footprint.hpp"
#include "io/csv_reader.hpp"
#include "io/layer_source.hpp"

#include <map>
#include <set>

namespace coterm::io {

std::string catalogue_layer_name(const CatalogueLayer& layer)
{
    return layer.layer.empty() ? std::filesystem::path(layer.file).stem().string() : layer.layer;
}

DerivedLayer build_derived_layer(const Catalogue& catalogue, const CatalogueLayer& l,
                                 const std::filesystem::path& data_dir, unsigned threads, const ProgressFn& progress)
{
    if (!l.derive) throw DataError("layer '" + l.id + "' has no derive entry");
    DerivedLayer out;
    const Layer blocks = load_layer(locate_layer(l.derive->from, catalogue, data_dir, {}), threads, out.blocks_report,
                                    nullptr, progress);
    out.blocks_label = blocks.label;
    const CatalogueLookup* lookup = catalogue.find_lookup(l.derive->lookup);
    const std::filesystem::path lookup_file = data_dir / lookup->file;
    if (!std::filesystem::exists(lookup_file))
        throw DataError("layer '" + l.id + "': lookup '" + lookup->id + "' (" + lookup->file +
                        ") is not in the data directory " + data_dir.string());
    const CsvFile csv = read_csv(lookup_file.string());
    const std::size_t block_col = csv.column(l.derive->block, "derive.block");
    const std::size_t code_col = csv.column(l.code_field, "code_field");
    const std::size_t name_col = l.name_field.empty() ? std::string::npos : csv.find_column(l.name_field);
    std::map<std::string, std::size_t> block_index;
    for (std::size_t b = 0; b < blocks.features.size(); ++b)
        block_index[blocks.features[b].code] = b;
    std::map<std::string, FootprintSpec> groups;
    std::set<std::size_t> used;
    for (std::size_t r = 0; r < csv.row_count(); ++r) {
        const std::string code(csv.field(r, code_col));
        const auto it = block_index.find(std::string(csv.field(r, block_col)));
        if (code.empty() || it == block_index.end() || !used.insert(it->second).second) continue;
        FootprintSpec& g = groups[code];
        g.code = code;
        if (name_col != std::string::npos) g.name = std::string(csv.field(r, name_col));
        g.blocks.push_back(it->second);
    }
    if (groups.empty())
        throw DataError("layer '" + l.id + "': no block of '" + l.derive->from + "' is in lookup '" + l.derive->lookup +
                        "'");
    std::vector<FootprintSpec> specs;
    for (auto& [code, g] : groups)
        specs.push_back(std::move(g));
    report_progress(progress, "dissolve " + l.id, 0, 1);
    const Layer built = dissolve_footprints(blocks, specs, threads, out.not_coverage);
    report_progress(progress, "dissolve " + l.id, 1, 1);
    out.table.columns = {{l.code_field, Format::text},
                         {l.name_field.empty() ? "name" : l.name_field, Format::text},
                         {"n_blocks", Format::integer}};
    // dissolve_footprints returns the units sorted by code, as `specs` (from a map) are.
    for (std::size_t i = 0; i < built.features.size(); ++i) {
        const Feature& f = built.features[i];
        out.table.rows.push_back({f.code, f.name, static_cast<std::int64_t>(specs[i].blocks.size())});
        out.geometries.push_back(f.geometry.to_wkb());
    }
    out.blocks_used = used.size();
    out.blocks_total = blocks.features.size();
    if (l.features > 0 && static_cast<std::int64_t>(built.features.size()) != l.features)
        throw DataError("layer '" + l.id + "': built " + std::to_string(built.features.size()) +
                        " features, the catalogue expects " + std::to_string(l.features));
    return out;
}

} // namespace coterm::io
