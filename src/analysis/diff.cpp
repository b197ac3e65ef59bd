// SPDX-License-Identifier: MIT
#include "analysis/diff.hpp"

#include "core/errors.hpp"
#include "core/point_locator.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace coterm::analysis {
namespace {

/// Units of A and B as nodes 0..nA-1 and nA..nA+nB-1 of a union-find.
class Components {
public:
    explicit Components(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }
    std::size_t find(std::size_t x)
    {
        while (parent_[x] != x)
            x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    void join(std::size_t x, std::size_t y) { parent_[find(x)] = find(y); }

private:
    std::vector<std::size_t> parent_;
};

std::vector<DiffUnit> make_units(const Layer& layer, const std::vector<std::size_t>& located,
                                 const std::vector<double>& people, const Layer& blocks)
{
    std::vector<DiffUnit> units(layer.features.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        units[u].code = layer.features[u].code;
        units[u].name = layer.features[u].name;
        units[u].event = no_feature;
    }
    for (std::size_t k = 0; k < located.size(); ++k)
        if (located[k] != no_feature) {
            DiffUnit& u = units[located[k]];
            ++u.blocks;
            u.people += people[k];
            u.area_m2 += blocks.features[k].area_m2;
        }
    return units;
}

/// The share of a unit a piece is: by people, or by area when the unit has nobody.
double share_of(const DiffUnit& unit, double people, double area_m2)
{
    if (unit.people > 0) return people / unit.people;
    return unit.area_m2 > 0 ? area_m2 / unit.area_m2 : 1;
}

EventKind classify(const DiffResult& r, const DiffEvent& e)
{
    if (e.b_units.empty()) return EventKind::abolished;
    if (e.a_units.empty()) return EventKind::created;
    if (e.a_units.size() == 1 && e.b_units.size() == 1)
        return r.a_units[e.a_units[0]].code == r.b_units[e.b_units[0]].code ? EventKind::unchanged : EventKind::recoded;
    if (e.b_units.size() == 1) return EventKind::merged;
    if (e.a_units.size() == 1) return EventKind::split;
    return EventKind::reshaped;
}

void find_events(DiffResult& r)
{
    const std::size_t na = r.a_units.size();
    Components c(na + r.b_units.size());
    for (const DiffPair& p : r.pairs)
        if (p.kind == PairKind::kept || p.kind == PairKind::moved) c.join(p.a, na + p.b);
    std::map<std::size_t, DiffEvent> by_root;
    for (std::size_t u = 0; u < na; ++u)
        if (r.a_units[u].blocks > 0) by_root[c.find(u)].a_units.push_back(u);
    for (std::size_t u = 0; u < r.b_units.size(); ++u)
        if (r.b_units[u].blocks > 0) by_root[c.find(na + u)].b_units.push_back(u);
    for (auto& [root, e] : by_root) {
        e.kind = classify(r, e);
        r.events.push_back(std::move(e));
    }
    auto first_code = [&](const DiffEvent& e) {
        return e.a_units.empty() ? r.b_units[e.b_units[0]].code : r.a_units[e.a_units[0]].code;
    };
    std::stable_sort(r.events.begin(), r.events.end(), [&](const DiffEvent& x, const DiffEvent& y) {
        return x.kind != y.kind ? x.kind < y.kind : first_code(x) < first_code(y);
    });
    for (std::size_t e = 0; e < r.events.size(); ++e) {
        for (std::size_t u : r.events[e].a_units)
            r.a_units[u].event = e;
        for (std::size_t u : r.events[e].b_units)
            r.b_units[u].event = e;
    }
    for (DiffPair& p : r.pairs) {
        p.event = p.a != no_feature ? r.a_units[p.a].event : r.b_units[p.b].event;
        DiffEvent& e = r.events[p.event];
        if (p.kind != PairKind::redigitised) e.people += p.people;
        if (p.kind == PairKind::moved) e.people_moved += p.people;
    }
}

/// Units of `layer` split by `by`: the unit and a unit of `by` split each other (their
/// piece is `partial`, §11, by people, under the rule chosen for the two layers).
std::vector<bool> split_units(const Layer& layer, const std::vector<std::size_t>& in_layer, const Layer& by,
                              const std::vector<std::size_t>& in_by, const std::vector<double>& people,
                              const RuleRequest& request, unsigned threads)
{
    const ScoreRule rule = choose_rule(by, layer, request, threads);
    std::map<std::pair<std::size_t, std::size_t>, double> pieces;
    std::vector<double> whole(layer.features.size(), 0), whole_by(by.features.size(), 0);
    for (std::size_t k = 0; k < people.size(); ++k) {
        if (in_layer[k] != no_feature) whole[in_layer[k]] += people[k];
        if (in_by[k] != no_feature) whole_by[in_by[k]] += people[k];
        if (in_layer[k] != no_feature && in_by[k] != no_feature) pieces[{in_layer[k], in_by[k]}] += people[k];
    }
    std::vector<bool> split(layer.features.size(), false);
    for (const auto& [key, m] : pieces)
        if (relate_pair(m, whole[key.first], whole_by[key.second], rule.options) == PairRelation::partial)
            split[key.first] = true;
    return split;
}

} // namespace

const char* pair_kind_name(PairKind kind)
{
    switch (kind) {
    case PairKind::kept:
        return "kept";
    case PairKind::moved:
        return "moved";
    case PairKind::redigitised:
        return "redigitised";
    case PairKind::added:
        return "added";
    case PairKind::removed:
        return "removed";
    }
    return "";
}

const char* event_kind_name(EventKind kind)
{
    switch (kind) {
    case EventKind::unchanged:
        return "unchanged";
    case EventKind::recoded:
        return "recoded";
    case EventKind::merged:
        return "merged";
    case EventKind::split:
        return "split";
    case EventKind::reshaped:
        return "reshaped";
    case EventKind::created:
        return "created";
    case EventKind::abolished:
        return "abolished";
    }
    return "";
}

DiffResult diff_layers(const Context& ctx, const DiffOptions& options)
{
    const bool blocks_filtered = !options.blocks_read.where.empty() || !options.blocks_read.sql.empty();
    if (blocks_filtered && options.blocks.empty()) // before any work
        throw UsageError(options.blocks_read.option_prefix + "-where and " + options.blocks_read.option_prefix +
                         "-sql filter --blocks: give --blocks LAYER too");
    DiffResult r;
    auto weights = load_weights(ctx, options.weights);
    r.weights_label = weights->label;
    const std::vector<XY>& weight_points = weights->points(ctx.threads);
    std::vector<XY> points;
    if (options.blocks.empty() || (options.blocks == weights->layer_id && !blocks_filtered)) {
        r.blocks_id = weights->layer_id;
        points = weight_points;
        r.block_people = weights->weights.values;
        r.blocks = std::shared_ptr<const Layer>(std::move(weights->owned));
    } else { // other blocks hold the people whose small areas' points they hold
        r.blocks_id = options.blocks;
        r.blocks = std::make_shared<const Layer>(load_layer(ctx, options.blocks, options.blocks_read));
        points = points_on_surface(*r.blocks, ctx.threads);
        r.block_people.assign(r.blocks->features.size(), 0);
        const auto holder = locate_points(*r.blocks, weight_points, ctx.threads);
        for (std::size_t k = 0; k < holder.size(); ++k)
            if (holder[k] != no_feature) r.block_people[holder[k]] += weights->weights.values[k];
    }
    r.a = std::make_shared<const Layer>(load_layer(ctx, options.a, options.a_read));
    r.b = std::make_shared<const Layer>(load_layer(ctx, options.b, options.b_read));
    r.block_a = locate_points(*r.a, points, ctx.threads);
    r.block_b = locate_points(*r.b, points, ctx.threads);
    r.rule = choose_rule(*r.a, *r.b, options.rule, ctx.threads);
    r.a_units = make_units(*r.a, r.block_a, r.block_people, *r.blocks);
    r.b_units = make_units(*r.b, r.block_b, r.block_people, *r.blocks);

    std::map<std::pair<std::size_t, std::size_t>, DiffPair> pairs;
    for (std::size_t k = 0; k < points.size(); ++k) {
        const std::size_t a = r.block_a[k], b = r.block_b[k];
        r.people_total += r.block_people[k];
        if (a == no_feature && b == no_feature) {
            ++r.blocks_in_neither;
            continue;
        }
        DiffPair& p = pairs[{a, b}];
        p.a = a;
        p.b = b;
        p.blocks.push_back(k);
        p.people += r.block_people[k];
        p.area_m2 += r.blocks->features[k].area_m2;
    }
    if (std::none_of(pairs.begin(), pairs.end(),
                     [](const auto& kv) { return kv.first.first != no_feature && kv.first.second != no_feature; }))
        throw DataError(r.a->label + " and " + r.b->label + " hold no block of " + r.blocks->label +
                        " in common: do they cover the same area, and is each layer's CRS right?");
    const double band = r.rule.shared ? 0 : r.rule.options.uncertain;
    for (auto& [key, p] : pairs) {
        if (p.a == no_feature)
            p.kind = PairKind::added;
        else if (p.b == no_feature)
            p.kind = PairKind::removed;
        else if (r.a_units[p.a].code == r.b_units[p.b].code)
            p.kind = PairKind::kept;
        else if (share_of(r.a_units[p.a], p.people, p.area_m2) <= band &&
                 share_of(r.b_units[p.b], p.people, p.area_m2) <= band)
            p.kind = PairKind::redigitised;
        else
            p.kind = PairKind::moved;
        switch (p.kind) {
        case PairKind::moved:
            r.people_moved += p.people;
            break;
        case PairKind::added:
            r.people_added += p.people;
            break;
        case PairKind::removed:
            r.people_removed += p.people;
            break;
        case PairKind::redigitised:
            r.people_redigitised += p.people;
            break;
        case PairKind::kept:
            break;
        }
        r.pairs.push_back(std::move(p));
    }
    find_events(r);

    for (const std::string& spec : options.compare) {
        DiffSplits s;
        s.layer = spec;
        s.units = load_layer(ctx, spec);
        const auto in_l = locate_points(s.units, points, ctx.threads);
        const auto by_a = split_units(s.units, in_l, *r.a, r.block_a, r.block_people, options.rule, ctx.threads);
        const auto by_b = split_units(s.units, in_l, *r.b, r.block_b, r.block_people, options.rule, ctx.threads);
        s.people.assign(s.units.features.size(), 0);
        for (std::size_t k = 0; k < in_l.size(); ++k)
            if (in_l[k] != no_feature) s.people[in_l[k]] += r.block_people[k];
        for (std::size_t u = 0; u < by_a.size(); ++u) {
            s.split_by_a += by_a[u];
            s.split_by_b += by_b[u];
            if (by_b[u] && !by_a[u]) s.new_splits.push_back(u);
            if (by_a[u] && !by_b[u]) s.gone_splits.push_back(u);
        }
        r.splits.push_back(std::move(s));
    }
    return r;
}

} // namespace coterm::analysis
