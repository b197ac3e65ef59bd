// SPDX-License-Identifier: MIT
#include "analysis/run.hpp"

#include "analysis/footprints.hpp"
#include "analysis/map_geometry.hpp"
#include "analysis/run_inputs.hpp"
#include "analysis/weights.hpp"
#include "core/apportion.hpp"
#include "core/errors.hpp"
#include "core/strings.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace coterm::analysis {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// The footprints as the query describes them, with their member blocks when built.
void make_footprints(const Context& ctx, const io::Query& q, RunInputs& inputs, const LoadedWeights& weights,
                     RunResult& r)
{
    if (!q.layer.empty()) {
        r.footprints = inputs.layer(q.layer); // shared: it may be a comparison layer too
        r.footprints_from = "`" + q.layer + "`";
        return;
    }
    FootprintRequest request{query_layer(q, q.blocks),
                             q.groups.empty() ? "" : query_file(q, q.groups, ctx.data_dir),
                             q.by.empty() ? "" : query_layer(q, q.by),
                             q.rest.empty() ? "" : query_layer(q, q.rest),
                             0.99,
                             {},
                             {},
                             {}};
    BuiltFootprints built = build_footprints(ctx, request, weights);
    r.footprints_from = "built from whole `" + q.blocks + "`" + (q.by.empty() ? "" : " by `" + q.by + "`") +
                        (q.rest.empty() ? "" : ", the rest by `" + q.rest + "`") +
                        (q.groups.empty() ? "" : " with groups `" + q.groups + "`");
    for (const FootprintSpec& spec : built.specs) {
        std::vector<std::string> codes;
        for (std::size_t b : spec.blocks)
            codes.push_back(built.blocks.features[b].code);
        std::sort(codes.begin(), codes.end());
        r.members.push_back(join(codes, ";"));
    }
    r.footprints = std::make_shared<const Layer>(std::move(built.footprints));
}

/// Maps one [[data]] table onto the footprints.
std::vector<MappedVariable> map_dataset(const Context& ctx, const io::QueryData& d, const io::Query& q,
                                        RunInputs& inputs, const LoadedWeights& weights, const Layer& fp,
                                        const std::vector<std::size_t>& fp_of_point)
{
    io::DataRequest request;
    request.path = query_file(q, d.data, ctx.data_dir);
    request.variables = d.var;
    request.period = d.period;
    request.value_columns = d.value_column;
    request.code_column = d.code_column;
    request.lat_column = d.lat;
    request.lon_column = d.lon;
    // Every declared variable must be in the file (a typo is an error, never a dropped column).
    for (const auto* names : {&d.extensive, &d.intensive})
        for (const auto& v : *names)
            request.declared.emplace_back(v, std::string(names == &d.extensive ? "'extensive'" : "'intensive'") +
                                                 " in " + q.path);
    const Declarations decl{d.extensive, d.intensive, d.money, d.count, d.population};
    if (d.points) {
        const io::PointValues pv = io::read_point_values(request);
        const auto where = locate_points(fp, project_points(pv), ctx.threads);
        return map_point_values(pv, d.data, where, fp.features.size(), decl);
    }
    const io::AreaValues values = io::read_area_values(request);
    const auto source = inputs.layer(d.from);
    const Transfer transfer = centroid_transfer(inputs.located(d.from), fp_of_point, weights.weights.values,
                                                source->features.size(), fp.features.size());
    return map_area_values(values, d.data, *source, transfer, decl);
}

/// Per-head figures and coverage flags of the mapped variables.
void add_per_head(const io::Query& q, RunResult& r, std::vector<std::pair<const io::QueryData*, MappedVariable>> mapped)
{
    const std::size_t n = r.footprints->features.size();
    std::map<std::string, const std::vector<double>*> values{{"residents", &r.population}};
    for (const auto& [d, m] : mapped)
        values.emplace(m.name, &m.result.values);
    std::vector<RunVariable> out;
    for (const auto& [d, m] : mapped) {
        RunVariable v;
        const bool per_head = m.measure == Measure::money || m.measure == Measure::count;
        if (per_head) {
            v.denominator = d->per;
            const auto found = values.find(d->per);
            if (found == values.end())
                throw UsageError(q.path + ": per = '" + d->per + "' (for " + m.name +
                                 ") is neither residents nor a mapped variable");
            const std::vector<double>& den = *found->second;
            v.per_head.assign(n, nan);
            for (std::size_t i = 0; i < n; ++i)
                if (den[i] > 0 && !std::isnan(m.result.values[i])) v.per_head[i] = m.result.values[i] / den[i];
        }
        if (m.kind == Kind::intensive) {
            v.low_coverage.assign(n, false);
            for (std::size_t i = 0; i < n; ++i)
                v.low_coverage[i] = !std::isnan(m.result.coverage[i]) && m.result.coverage[i] < q.min_coverage;
        }
        out.push_back(std::move(v));
    }
    // Moved only now: a later variable's denominator may be an earlier variable.
    for (std::size_t k = 0; k < out.size(); ++k) {
        out[k].mapped = std::move(mapped[k].second);
        r.variables.push_back(std::move(out[k]));
    }
}

} // namespace

namespace {

/// Everything after the footprints are known: people, data, comparisons, map geometry.
void analyse(const Context& ctx, const io::Query& q, RunInputs& inputs, const LoadedWeights& weights, double simplify,
             RunResult& r)
{
    r.weights_label = weights.label;
    const Layer& fp = *r.footprints;
    const std::size_t n = fp.features.size();
    const std::vector<std::size_t> fp_of_point = inputs.locate(fp);
    r.population.assign(n, 0.0);
    for (std::size_t w = 0; w < fp_of_point.size(); ++w) {
        if (fp_of_point[w] != no_feature)
            r.population[fp_of_point[w]] += weights.weights.values[w];
        else
            r.outside += weights.weights.values[w];
    }

    std::vector<std::pair<const io::QueryData*, MappedVariable>> mapped;
    for (std::size_t k = 0; k < q.data.size(); ++k) {
        report_progress(ctx.progress, "apportion", k, q.data.size());
        for (auto& m : map_dataset(ctx, q.data[k], q, inputs, weights, fp, fp_of_point))
            mapped.emplace_back(&q.data[k], std::move(m));
        report_progress(ctx.progress, "apportion", k + 1, q.data.size());
    }
    add_per_head(q, r, std::move(mapped));

    const RuleRequest request{q.tolerance, q.min_people, q.uncertain, true};
    for (const auto& spec_l : q.compare) {
        report_progress(ctx.progress, "compare", r.comparisons.size(), q.compare.size());
        Comparison c;
        c.spec = spec_l;
        c.layer = inputs.layer(spec_l);
        c.rule = choose_rule(fp, *c.layer, request, ctx.threads);
        const Transfer t =
            centroid_transfer(fp_of_point, inputs.located(spec_l), weights.weights.values, n, c.layer->features.size());
        std::vector<ScoreCell> cells;
        double covered = 0, a_weight = 0, b_weight = 0;
        for (const auto& p : t.pieces)
            cells.push_back({p.source, p.target, p.weight}), covered += p.weight;
        for (double w : t.source_weight)
            a_weight += w;
        for (double w : t.target_weight)
            b_weight += w;
        settle_coverage(c.rule, a_weight, b_weight, covered);
        c.scores = score_matrix(cells, t.source_weight, t.target_weight, c.rule.options, true);
        r.comparisons.push_back(std::move(c));
        report_progress(ctx.progress, "compare", r.comparisons.size(), q.compare.size());
    }
    report_progress(ctx.progress, "simplify", 0, 1);
    r.map_geometry = map_geometries(fp, simplify, r.simplified);
    report_progress(ctx.progress, "simplify", 1, 1);
}

} // namespace

RunResult run_query(const Context& ctx, const RunOptions& options)
{
    RunResult r;
    r.query = io::read_query(options.query);
    const io::Query& q = r.query;
    const WeightsSpec spec{q.weights.empty() ? "" : query_layer(q, q.weights),
                           q.weights_data.empty() ? "" : query_file(q, q.weights_data, ctx.data_dir), q.weights_var};
    const auto weights = load_weights(ctx, spec);
    RunInputs inputs(ctx, q, *weights);
    make_footprints(ctx, q, inputs, *weights, r);
    analyse(ctx, q, inputs, *weights, options.simplify >= 0 ? options.simplify : q.simplify, r);
    return r;
}

std::vector<RunResult> run_given_footprints(const Context& ctx, const io::Query& query, const LoadedWeights& weights,
                                            const std::vector<GivenFootprints>& sets, double simplify)
{
    RunInputs inputs(ctx, query, weights); // comparison layers loaded and located once
    std::vector<RunResult> out;
    for (const GivenFootprints& set : sets) {
        RunResult r;
        r.query = query;
        r.query.name = set.name;
        r.query.title = set.title;
        r.footprints = set.footprints;
        r.footprints_from = set.from;
        r.members = set.members;
        analyse(ctx, query, inputs, weights, simplify, r);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace coterm::analysis
