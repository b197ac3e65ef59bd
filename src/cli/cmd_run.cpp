// SPDX-License-Identifier: MIT
// `coterm run QUERY.toml`: a saved analysis — footprints, their alignment with other
// bodies, and the data mapped onto them — written atomically to one folder (docs/queries.md).
#include "cli/command.hpp"
#include "cli/footprint_build.hpp"
#include "cli/layer_options.hpp"
#include "cli/map_geometry.hpp"
#include "cli/run_summary.hpp"
#include "cli/score_pair.hpp"
#include "core/apportion.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/point_locator.hpp"
#include "core/reproject.hpp"
#include "core/strings.hpp"
#include "io/area_data.hpp"
#include "io/atomic_file.hpp"
#include "io/catalogue.hpp"
#include "io/data_dir.hpp"
#include "io/query_file.hpp"
#include "io/table_writer.hpp"

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>

namespace coterm::cli {
namespace {

namespace fs = std::filesystem;

struct RunCliOptions {
    std::string query, out, data_dir;
    double simplify = -1; ///< < 0: the query's `simplify`
    unsigned threads = 0;
    bool quiet = false, verbose = false;
};

/// A column to add to the footprint table, one value per footprint.
void add_column(Table& t, const std::string& name, Format format, const std::vector<Cell>& values)
{
    t.columns.push_back({name, format});
    for (std::size_t i = 0; i < t.rows.size(); ++i)
        t.rows[i].push_back(values[i]);
}

/// "<L>: a within one unit, b unions of whole units, c split, d outside every unit;
/// units met per footprint: 1 × n1, 2 × n2, …" (docs/methods.md §14).
std::string alignment_line(const std::string& label, const std::vector<Cell>& units, const std::vector<Cell>& covered,
                           const std::vector<Cell>& best, const std::vector<Cell>& whole, double tolerance)
{
    std::size_t within = 0, unions = 0, split = 0, outside = 0;
    std::map<std::int64_t, std::size_t> met;
    auto share = [](const Cell& c) { return std::holds_alternative<double>(c) ? std::get<double>(c) : 0.0; };
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (share(best[i]) >= tolerance)
            ++within;
        else if (std::get<bool>(whole[i]))
            ++unions;
        else if (share(covered[i]) <= 1 - tolerance)
            ++outside;
        else
            ++split;
        ++met[std::get<std::int64_t>(units[i])];
    }
    std::string s = label + ": " + std::to_string(within) + " within one unit, " + std::to_string(unions) +
                    " unions of whole units, " + std::to_string(split) + " split, " + std::to_string(outside) +
                    " outside every unit; units met per footprint:";
    for (const auto& [k, count] : met)
        s += (k == met.begin()->first ? " " : ", ") + std::to_string(k) + " × " + std::to_string(count);
    return s;
}

class RunCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("run", "Run a saved analysis (queries/*.toml): footprints, their alignment "
                                                  "with other bodies, and data mapped onto them");
        cmd->add_option("QUERY", o_.query, "The query file")->required();
        cmd->add_option("--out", o_.out, "Output folder (default: out/<query name>)");
        cmd->add_option("--simplify", o_.simplify, std::string(simplify_help) + " (default: the query's, else 0)")
            ->check(CLI::Range(0.0, 100000.0));
        add_data_dir_option(*cmd, o_.data_dir);
        add_run_flags(*cmd, o_.threads, o_.quiet, o_.verbose, "List every code behind a warning");
        return cmd;
    }

    void run() override
    {
        const io::Query q = io::read_query(o_.query);
        const io::Catalogue catalogue = io::read_catalogue(io::default_catalogue_path());
        const auto dir = io::resolve_data_dir(o_.data_dir);
        WeightCliOptions chosen;
        chosen.layer = q.weights.empty() ? "" : find_layer(q, q.weights);
        chosen.data = q.weights_data.empty() ? "" : find_file(q, q.weights_data, dir);
        chosen.variable = q.weights_var;
        auto weights = load_weights(chosen, dir, o_.threads, o_.verbose);
        const std::vector<XY> points = points_on_surface(*weights->weights.layer, o_.threads);

        // Footprints: a layer as it is, or built from whole blocks.
        BuiltFootprints built;
        if (!q.layer.empty()) {
            built.footprints = load_any_layer(find_layer(q, q.layer), catalogue, dir, o_.threads, o_.verbose);
        } else {
            FootprintRequest request{find_layer(q, q.blocks), q.groups.empty() ? "" : find_file(q, q.groups, dir),
                                     q.by.empty() ? "" : find_layer(q, q.by),
                                     q.rest.empty() ? "" : find_layer(q, q.rest), q.tolerance};
            built = build_footprints(request, catalogue, dir, *weights, o_.threads, o_.verbose);
            report_footprints(built, q.tolerance, o_.quiet, o_.verbose);
        }
        const Layer& fp = built.footprints;
        footprint_layer_ = &fp;
        const auto fp_of_point = locate_points(fp, points, o_.threads);
        RunFindings f;
        f.weights_label = weights->label;
        f.population.assign(fp.features.size(), 0.0);
        for (std::size_t w = 0; w < points.size(); ++w) {
            if (fp_of_point[w] != no_feature)
                f.population[fp_of_point[w]] += weights->weights.values[w];
            else
                f.outside += weights->weights.values[w];
        }

        Table t;
        t.columns = {{"code", Format::text}, {"name", Format::text}, {"population", Format::number}};
        for (std::size_t i = 0; i < fp.features.size(); ++i)
            t.rows.push_back({fp.features[i].code, fp.features[i].name, f.population[i]});
        for (const auto& d : q.data)
            map_data(q, d, catalogue, dir, *weights, points, fp_of_point, f.population, t, f.conservation);
        Table scorecard;
        compare(q, catalogue, dir, *weights, fp, t, scorecard, f);

        const double simplify = o_.simplify >= 0 ? o_.simplify : q.simplify;
        std::vector<Wkb> geometries = map_geometries(fp, simplify, o_.quiet, &f.simplified);
        Report card;
        SummaryBuilder s;
        s.add("query", Format::text, q.name);
        s.add("footprints", Format::text, q.layer.empty() ? "built from " + q.blocks : q.layer);
        s.add_count("count", fp.features.size());
        s.add("population_in_footprints", Format::number,
              std::accumulate(f.population.begin(), f.population.end(), 0.0));
        s.add("population_outside", Format::number, f.outside);
        card.summary = s.take();
        card.tables.emplace_back("pairs", scorecard);

        const fs::path out = o_.out.empty() ? fs::path("out") / q.name : fs::path(o_.out);
        write_folder(out, {{"footprints.geojson", io::to_geojson(t, geometries)},
                           {"footprints.csv", io::to_csv(t)},
                           {"scorecard.csv", io::to_csv(scorecard)},
                           {"scorecard.json", io::to_json(card)},
                           {"summary.md", summary_md(q, fp, f)}});
        if (!o_.quiet)
            std::cerr << "coterm: run " << q.name << ": " << fp.features.size() << " footprints, " << q.compare.size()
                      << " comparison layers, " << q.data.size() << " datasets -> " << out.string() << "\n";
    }

private:
    /// A layer named in a query: a catalogue id, or a path relative to the query's folder.
    static std::string find_layer(const io::Query& q, const std::string& spec)
    {
        return fs::exists(q.folder / spec) ? (q.folder / spec).string() : spec;
    }

    /// A file named in a query: as given, in the query's folder, or in the data directory.
    static std::string find_file(const io::Query& q, const std::string& file, const fs::path& dir)
    {
        if (fs::path(file).is_relative() && fs::exists(q.folder / file)) return (q.folder / file).string();
        return io::resolve_data_file(file, dir);
    }

    void map_data(const io::Query& q, const io::QueryData& d, const io::Catalogue& catalogue, const fs::path& dir,
                  const LoadedWeights& weights, const std::vector<XY>& points,
                  const std::vector<std::size_t>& fp_of_point, const std::vector<double>& population, Table& t,
                  std::vector<std::string>& conservation)
    {
        io::DataRequest request;
        request.path = find_file(q, d.data, dir);
        request.variables = d.var;
        request.period = d.period;
        request.value_columns = d.value_column;
        request.code_column = d.code_column;
        request.lat_column = d.lat;
        request.lon_column = d.lon;
        for (const auto& v : d.extensive)
            request.declared.emplace_back(v, "'extensive' in " + q.path);
        for (const auto& v : d.intensive)
            request.declared.emplace_back(v, "'intensive' in " + q.path);
        const std::size_t n = t.rows.size();
        auto per_head = [&](const std::vector<double>& v) {
            std::vector<Cell> out(n);
            for (std::size_t i = 0; i < n; ++i)
                out[i] = population[i] > 0 && !std::isnan(v[i]) ? Cell(v[i] / population[i]) : Cell();
            return out;
        };
        auto cells = [&](const std::vector<double>& v) {
            std::vector<Cell> out(n);
            for (std::size_t i = 0; i < n; ++i)
                out[i] = std::isnan(v[i]) ? Cell() : Cell(v[i]);
            return out;
        };
        if (d.points) {
            const io::PointValues pv = io::read_point_values(request);
            std::vector<double> x = pv.lon, y = pv.lat;
            thread_reprojector(wgs84_crs, working_crs).transform(x, y);
            std::vector<XY> xy(x.size());
            for (std::size_t i = 0; i < x.size(); ++i)
                xy[i] = {x[i], y[i]};
            const auto where = locate_points(*footprint_layer_, xy, o_.threads);
            for (std::size_t v = 0; v < pv.variables.size(); ++v) {
                const Apportioned a = sum_points(where, pv.values[v], n);
                add_column(t, pv.variables[v], Format::number, cells(a.values));
                add_column(t, pv.variables[v] + "_per_head", Format::number, per_head(a.values));
                conservation.push_back(pv.variables[v] + " (points, " + d.data + "): in " + format_amount(a.sum_in) +
                                       ", in footprints " + format_amount(a.sum_out) + ", outside " +
                                       format_amount(a.outside) + "; " + std::to_string(pv.unlocated) +
                                       " rows without coordinates hold " + format_amount(pv.unlocated_sum[v]));
            }
            return;
        }
        const io::AreaValues values = io::read_area_values(request);
        // The weights' small areas are often the source too (LSOA data): reuse them.
        const std::string from = find_layer(q, d.from);
        std::unique_ptr<Layer> loaded;
        if (from != weights.layer_id)
            loaded = std::make_unique<Layer>(load_any_layer(from, catalogue, dir, o_.threads, o_.verbose));
        const Layer& source = loaded ? *loaded : *weights.weights.layer;
        std::vector<std::size_t> source_of = locate_points(source, points, o_.threads);
        const Transfer transfer =
            centroid_transfer(source_of, fp_of_point, weights.weights.values, source.features.size(), n);
        std::map<std::string, std::size_t> index;
        for (std::size_t s = 0; s < source.features.size(); ++s)
            index[source.features[s].code] = s;
        for (std::size_t v = 0; v < values.variables.size(); ++v) {
            const std::string& name = values.variables[v];
            std::vector<double> sv(source.features.size(), std::nan(""));
            std::size_t unmatched = 0;
            double unmatched_sum = 0;
            for (const auto& [code, value] : values.by_code[v])
                if (auto it = index.find(code); it != index.end())
                    sv[it->second] = value;
                else
                    ++unmatched, unmatched_sum += value;
            const bool ext = std::find(d.extensive.begin(), d.extensive.end(), name) != d.extensive.end();
            const bool inten = std::find(d.intensive.begin(), d.intensive.end(), name) != d.intensive.end();
            if (ext == inten)
                throw UsageError(q.path + ": declare '" + name + "' in exactly one of extensive or intensive");
            const Apportioned a = ext ? apportion_extensive(transfer, sv) : apportion_intensive(transfer, sv);
            add_column(t, name, Format::number, cells(a.values));
            if (ext) add_column(t, name + "_per_head", Format::number, per_head(a.values));
            std::vector<Cell> coverage(n);
            for (std::size_t i = 0; i < n; ++i)
                coverage[i] = std::isnan(a.coverage[i]) ? Cell() : Cell(a.coverage[i]);
            add_column(t, name + "_coverage", Format::share, coverage);
            if (ext)
                conservation.push_back(name + " (extensive, " + d.data + " from " + d.from + "): in " +
                                       format_amount(a.sum_in) + ", in footprints " + format_amount(a.sum_out) +
                                       ", outside " + format_amount(a.outside) + "; " + std::to_string(unmatched) +
                                       " codes not in " + source.label + " hold " + format_amount(unmatched_sum));
        }
    }

    void compare(const io::Query& q, const io::Catalogue& catalogue, const fs::path& dir, const LoadedWeights& weights,
                 const Layer& fp, Table& t, Table& scorecard, RunFindings& f)
    {
        const std::vector<double>& population = f.population;
        ScoreOptions options;
        options.tolerance = q.tolerance;
        options.sliver = q.sliver;
        options.uncertain = -1;
        for (const auto& id : q.compare) {
            const Layer other = load_any_layer(find_layer(q, id), catalogue, dir, o_.threads, o_.verbose);
            const ScoredPair s = score_layers(fp, other, &weights, Spread::centroid, options, 50, o_.threads);
            const std::size_t n = fp.features.size();
            std::vector<Cell> units(n), covered(n), best(n), whole(n), splits(n);
            for (std::size_t i = 0; i < n; ++i) {
                const UnitScore& u = s.ab.a_units[i];
                const UnionScore& un = s.ba.b_unions[i];
                units[i] = static_cast<std::int64_t>(u.partners);
                // Shares of the footprint's whole population, not of the part L covers:
                // against a layer covering part of England (combined authorities) a
                // footprint half outside every unit is not "all in its best match".
                const double p = population[i];
                const double in_l = p > 0 ? u.weight / p : 0.0;
                covered[i] = p > 0 ? Cell(in_l) : Cell();
                best[i] = p > 0 ? Cell(u.share_in_best * in_l) : Cell();
                whole[i] = un.union_of_whole && p > 0 && in_l >= options.tolerance;
                // Units the footprint cuts, leaving out the one it lies within: a council
                // inside an ICB divides it but respects its boundary (that is nesting).
                std::string list;
                std::size_t count = 0;
                for (std::size_t a : un.splits) {
                    if (a == u.best && u.share_in_best * in_l >= options.tolerance && !u.uncertain) continue;
                    list += (list.empty() ? "" : ";") + other.features[a].code;
                    ++count;
                }
                splits[i] = list;
                if (count > 0)
                    f.splitting.push_back(fp.features[i].code + " " + fp.features[i].name + " splits " +
                                          std::to_string(count) + " " + other.label + " (" + list + ")");
            }
            f.alignment.push_back(alignment_line(other.label, units, covered, best, whole, options.tolerance));
            add_column(t, other.label + "_units", Format::integer, units);
            add_column(t, other.label + "_covered_share", Format::share, covered);
            add_column(t, other.label + "_best_share", Format::share, best);
            add_column(t, other.label + "_whole", Format::flag, whole);
            add_column(t, other.label + "_splits", Format::text, splits);
            SummaryBuilder b;
            b.add("a_layer", Format::text, std::string("footprints"));
            b.add("b_layer", Format::text, other.label);
            add_pair_measures(b, s);
            Table one = b.take();
            if (scorecard.columns.empty()) scorecard.columns = one.columns;
            scorecard.rows.push_back(std::move(one.rows.front()));
        }
    }

    RunCliOptions o_;
    const Layer* footprint_layer_ = nullptr;
};

} // namespace

std::unique_ptr<Command> make_run_command()
{
    return std::make_unique<RunCommand>();
}

} // namespace coterm::cli
