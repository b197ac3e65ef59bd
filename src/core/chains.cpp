// SPDX-License-Identifier: MIT
#include "core/chains.hpp"

#include "core/errors.hpp"
#include "core/geos_context.hpp"
#include "core/polygon_rings.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace coterm {
namespace {

struct PointHash {
    std::size_t operator()(const XYPoint& p) const
    {
        // +0.0 folds -0.0 into 0.0 so that equal coordinates hash alike.
        const auto hx = std::bit_cast<std::uint64_t>(p.x + 0.0);
        const auto hy = std::bit_cast<std::uint64_t>(p.y + 0.0);
        return std::hash<std::uint64_t>()(hx * 0x9E3779B97F4A7C15ULL ^ hy);
    }
};

/// A ring of the input as vertex ids, open (the closing point dropped).
struct RingIds {
    std::size_t shape = 0, polygon = 0;
    std::vector<std::size_t> v;
};

using EdgeKey = std::pair<std::size_t, std::size_t>;

EdgeKey edge_key(std::size_t a, std::size_t b)
{
    return a < b ? EdgeKey{a, b} : EdgeKey{b, a};
}

/// The rings of every shape, their vertices numbered by exact coordinates.
std::vector<RingIds> number_rings(const std::vector<const Geometry*>& shapes, std::vector<XYPoint>& coords,
                                  ChainGraph& graph)
{
    std::unordered_map<XYPoint, std::size_t, PointHash> ids;
    std::vector<RingIds> rings;
    graph.shapes.resize(shapes.size());
    std::vector<double> scratch;
    for (std::size_t s = 0; s < shapes.size(); ++s) {
        for_each_polygon_ring(
            *shapes[s],
            [&](std::size_t polygon, std::size_t ring, std::span<const double> xy) {
                auto& polygons = graph.shapes[s];
                if (polygons.size() <= polygon) polygons.resize(polygon + 1);
                polygons[polygon].resize(ring + 1);
                RingIds ids_of{s, polygon, {}};
                ids_of.v.reserve(xy.size() / 2);
                for (std::size_t i = 0; i + 1 < xy.size() / 2; ++i) { // the last point repeats the first
                    const XYPoint p{xy[2 * i], xy[2 * i + 1]};
                    const auto [it, added] = ids.try_emplace(p, coords.size());
                    if (added) coords.push_back(p);
                    if (ids_of.v.empty() || ids_of.v.back() != it->second) ids_of.v.push_back(it->second);
                }
                while (ids_of.v.size() > 1 && ids_of.v.front() == ids_of.v.back())
                    ids_of.v.pop_back();
                if (ids_of.v.size() < 3) throw GeometryError("a ring with fewer than three distinct points");
                rings.push_back(std::move(ids_of));
            },
            scratch);
    }
    return rings;
}

/// Nodes: vertices where the boundary branches (not exactly two neighbours) or where it
/// changes the rings it separates.
std::vector<bool> find_nodes(const std::vector<RingIds>& rings, std::size_t n_vertices)
{
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> owners; // edge -> rings using it
    std::vector<std::vector<std::size_t>> neighbours(n_vertices);
    auto key = [](EdgeKey e) { return (static_cast<std::uint64_t>(e.first) << 32) | e.second; };
    for (std::size_t r = 0; r < rings.size(); ++r) {
        const auto& v = rings[r].v;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::size_t a = v[i], b = v[(i + 1) % v.size()];
            owners[key(edge_key(a, b))].push_back(r);
            neighbours[a].push_back(b);
            neighbours[b].push_back(a);
        }
    }
    std::vector<bool> node(n_vertices, false);
    for (std::size_t p = 0; p < n_vertices; ++p) {
        auto& n = neighbours[p];
        std::sort(n.begin(), n.end());
        n.erase(std::unique(n.begin(), n.end()), n.end());
        if (n.size() != 2) {
            node[p] = true;
            continue;
        }
        auto first = owners[key(edge_key(p, n[0]))], second = owners[key(edge_key(p, n[1]))];
        std::sort(first.begin(), first.end());
        std::sort(second.begin(), second.end());
        node[p] = first != second;
    }
    // A ring with no node (an island, or an enclave shared whole with its neighbour)
    // gets one at its lowest vertex, which every ring sharing it picks alike.
    for (const auto& r : rings) {
        if (std::any_of(r.v.begin(), r.v.end(), [&](std::size_t p) { return node[p]; })) continue;
        node[*std::min_element(r.v.begin(), r.v.end())] = true;
    }
    return node;
}

} // namespace

ChainGraph build_chains(const std::vector<const Geometry*>& shapes)
{
    ChainGraph graph;
    std::vector<XYPoint> coords;
    const std::vector<RingIds> rings = number_rings(shapes, coords, graph);
    const std::vector<bool> node = find_nodes(rings, coords.size());
    std::map<std::vector<std::size_t>, std::size_t> chain_of; // canonical vertex sequence -> chain
    std::vector<std::size_t> ring_in_polygon(rings.size());
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> next_ring; // (shape, polygon) -> rings seen
    for (const auto& r : rings) {
        const std::size_t index = next_ring[{r.shape, r.polygon}]++;
        ChainedRing& out = graph.shapes[r.shape][r.polygon][index];
        const auto& v = r.v;
        const std::size_t start = static_cast<std::size_t>(
            std::find_if(v.begin(), v.end(), [&](std::size_t p) { return node[p]; }) - v.begin());
        std::vector<std::size_t> seq{v[start]};
        for (std::size_t k = 1; k <= v.size(); ++k) {
            const std::size_t p = v[(start + k) % v.size()];
            seq.push_back(p);
            if (!node[p]) continue;
            std::vector<std::size_t> rev(seq.rbegin(), seq.rend());
            const bool reversed = rev < seq;
            const auto [it, added] = chain_of.try_emplace(reversed ? rev : seq, graph.chains.size());
            if (added) {
                Chain c;
                for (std::size_t id : it->first)
                    c.points.push_back(coords[id]);
                graph.chains.push_back(std::move(c));
            }
            out.uses.push_back({it->second, reversed});
            seq = {p};
        }
    }
    return graph;
}

std::vector<XYPoint> assemble_ring(const ChainedRing& ring, const std::vector<std::vector<XYPoint>>& chain_points)
{
    std::vector<XYPoint> out;
    for (const auto& use : ring.uses) {
        const auto& pts = chain_points[use.chain];
        const std::size_t n = pts.size();
        for (std::size_t k = out.empty() ? 0 : 1; k < n; ++k)
            out.push_back(use.reversed ? pts[n - 1 - k] : pts[k]);
    }
    return out;
}

Geometry assemble_shape(const ChainGraph& graph, std::size_t s, const std::vector<std::vector<XYPoint>>& chain_points)
{
    GEOSContextHandle_t ctx = geos_context();
    auto make_ring = [&](const ChainedRing& ring) {
        const std::vector<XYPoint> pts = assemble_ring(ring, chain_points);
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(pts.size()), 2);
        for (std::size_t i = 0; i < pts.size(); ++i)
            GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), pts[i].x, pts[i].y);
        return Geometry(GEOSGeom_createLinearRing_r(ctx, seq));
    };
    std::vector<GEOSGeometry*> polygons;
    try {
        for (const auto& rings : graph.shapes[s]) {
            // An EMPTY member of a MultiPolygon (valid to GEOS) keeps its number but has no ring.
            if (rings.empty()) continue;
            Geometry shell = make_ring(rings.front());
            std::vector<Geometry> holes;
            for (std::size_t h = 1; h < rings.size(); ++h)
                holes.push_back(make_ring(rings[h]));
            std::vector<GEOSGeometry*> raw;
            for (auto& h : holes)
                raw.push_back(h.release());
            polygons.push_back(
                Geometry(GEOSGeom_createPolygon_r(ctx, shell.release(), raw.data(), static_cast<unsigned>(raw.size())))
                    .release());
        }
    } catch (...) {
        for (GEOSGeometry* p : polygons)
            GEOSGeom_destroy_r(ctx, p);
        throw;
    }
    if (polygons.size() == 1) return Geometry(polygons.front());
    return Geometry(
        GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polygons.data(), static_cast<unsigned>(polygons.size())));
}

} // namespace coterm
