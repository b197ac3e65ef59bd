// SPDX-License-Identifier: MIT
// `coterm run QUERY.toml`: a saved analysis — footprints, their alignment with other
// bodies, and the data mapped onto them — written atomically to one folder (docs/queries.md).
#include "cli/command.hpp"
#include "cli/footprint_build.hpp"
#include "cli/layer_options.hpp"
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

class RunCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        CLI::App* cmd = app.add_subcommand("run", "Run a saved analysis (queries/*.toml): footprints, their alignment "
                                                  "with other bodies, and data mapped onto them");
        cmd->add_option("QUERY", o_.query, "The query file")->required();
        cmd->add_option("--out", o_.out, "Output folder (default: out/<query name>)");
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
        std::vector<double> population(fp.features.size(), 0.0);
        double outside_population = 0;
        for (std::size_t w = 0; w < points.size(); ++w) {
            if (fp_of_point[w] != no_feature)
                population[fp_of_point[w]] += weights->weights.values[w];
            else
                outside_population += weights->weights.values[w];
        }

        Table t;
        t.columns = {{"code", Format::text}, {"name", Format::text}, {"population", Format::number}};
        for (std::size_t i = 0; i < fp.features.size(); ++i)
            t.rows.push_back({fp.features[i].code, fp.features[i].name, population[i]});
        std::vector<std::string> conservation;
        for (const auto& d : q.data)
            map_data(q, d, catalogue, dir, *weights, points, fp_of_point, population, t, conservation);
        Table scorecard;
        std::vector<std::string> splitting;
        compare(q, catalogue, dir, *weights, fp, t, scorecard, splitting);

        std::vector<Wkb> geometries;
        for (const auto& f : fp.features)
            geometries.push_back(f.geometry.to_wkb());
        Report card;
        SummaryBuilder s;
        s.add("query", Format::text, q.name);
        s.add("footprints", Format::text, q.layer.empty() ? "built from " + q.blocks : q.layer);
        s.add_count("count", fp.features.size());
        s.add("population_in_footprints", Format::number, std::accumulate(population.begin(), population.end(), 0.0));
        s.add("population_outside", Format::number, outside_population);
        card.summary = s.take();
        card.tables.emplace_back("pairs", scorecard);

        const fs::path out = o_.out.empty() ? fs::path("out") / q.name : fs::path(o_.out);
        write_folder(out, {{"footprints.geojson", io::to_geojson(t, geometries)},
                           {"footprints.csv", io::to_csv(t)},
                           {"scorecard.csv", io::to_csv(scorecard)},
                           {"scorecard.json", io::to_json(card)},
                           {"summary.md", summary_md(q, fp, population, outside_population, conservation, splitting,
                                                     weights->label)}});
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
                conservation.push_back(pv.variables[v] + " (points, " + d.data + "): in " +
                                       format_general(a.sum_in, 15) + ", in footprints " +
                                       format_general(a.sum_out, 15) + ", outside " + format_general(a.outside, 15) +
                                       "; " + std::to_string(pv.unlocated) + " rows without coordinates hold " +
                                       format_general(pv.unlocated_sum[v], 15));
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
            for (const auto& [code, value] : values.by_code[v])
                if (auto it = index.find(code); it != index.end()) sv[it->second] = value;
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
                                       format_general(a.sum_in, 15) + ", in footprints " +
                                       format_general(a.sum_out, 15) + ", outside " + format_general(a.outside, 15));
        }
    }

    void compare(const io::Query& q, const io::Catalogue& catalogue, const fs::path& dir, const LoadedWeights& weights,
                 const Layer& fp, Table& t, Table& scorecard, std::vector<std::string>& splitting)
    {
        ScoreOptions options;
        options.tolerance = q.tolerance;
        options.sliver = q.sliver;
        options.uncertain = -1;
        for (const auto& id : q.compare) {
            const Layer other = load_any_layer(find_layer(q, id), catalogue, dir, o_.threads, o_.verbose);
            const ScoredPair s = score_layers(fp, other, &weights, Spread::centroid, options, 50, o_.threads);
            const std::size_t n = fp.features.size();
            std::vector<Cell> units(n), best(n), whole(n), splits(n);
            for (std::size_t i = 0; i < n; ++i) {
                const UnitScore& u = s.ab.a_units[i];
                const UnionScore& un = s.ba.b_unions[i];
                units[i] = static_cast<std::int64_t>(u.partners);
                best[i] = u.share_in_best;
                whole[i] = un.union_of_whole;
                std::string list;
                for (std::size_t a : un.splits)
                    list += (list.empty() ? "" : ";") + other.features[a].code;
                splits[i] = list;
                if (!un.splits.empty())
                    splitting.push_back(fp.features[i].code + " " + fp.features[i].name + " splits " +
                                        std::to_string(un.splits.size()) + " " + other.label + " (" +
                                        join_limited(std::vector<std::string>{list}, 1) + ")");
            }
            add_column(t, other.label + "_units", Format::integer, units);
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

    std::string summary_md(const io::Query& q, const Layer& fp, const std::vector<double>& population, double outside,
                           const std::vector<std::string>& conservation, const std::vector<std::string>& splitting,
                           const std::string& weights_label) const
    {
        std::string s = "# " + (q.title.empty() ? q.name : q.title) + "\n\n";
        if (!q.description.empty()) s += q.description + "\n\n";
        s += "## What was run\n\n- query: `" + q.name + "`\n- footprints: " +
             (q.layer.empty() ? "built from whole `" + q.blocks + "`" + (q.by.empty() ? "" : " by `" + q.by + "`") +
                                    (q.rest.empty() ? "" : ", the rest by `" + q.rest + "`") +
                                    (q.groups.empty() ? "" : " with groups `" + q.groups + "`")
                              : "`" + q.layer + "`") +
             "\n- compared with: " + join(q.compare, ", ") + "\n- weights: " + weights_label +
             " (each small area to the footprint holding its point on surface)\n\n";
        const double total = std::accumulate(population.begin(), population.end(), 0.0);
        s += "## Headline\n\n- " + std::to_string(fp.features.size()) + " footprints holding " +
             format_fixed(total, 0) + " people; " + format_fixed(outside, 0) +
             " people live outside every footprint.\n\n";
        s += "## Footprints that split other bodies\n\n";
        if (splitting.empty()) s += "None.\n";
        for (const auto& line : splitting)
            s += "- " + line + "\n";
        s += "\n## Conservation\n\n";
        if (conservation.empty()) s += "No extensive data mapped.\n";
        for (const auto& line : conservation)
            s += "- " + line + "\n";
        return s;
    }

    /// All files into a temporary folder, then renamed into place: a failed run leaves no
    /// half-written result, and an earlier result is replaced whole.
    static void write_folder(const fs::path& out, const std::vector<std::pair<std::string, std::string>>& files)
    {
        const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
        fs::create_directories(parent);
        const fs::path temp = parent / ("." + out.filename().string() + ".tmp-" + std::to_string(::getpid()));
        fs::remove_all(temp);
        fs::create_directories(temp);
        try {
            for (const auto& [name, content] : files)
                io::write_output((temp / name).string(), content);
            const fs::path old = parent / ("." + out.filename().string() + ".old-" + std::to_string(::getpid()));
            if (fs::exists(out)) fs::rename(out, old);
            fs::rename(temp, out);
            fs::remove_all(old);
        } catch (...) {
            fs::remove_all(temp);
            throw;
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
