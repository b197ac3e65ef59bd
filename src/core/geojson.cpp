// SPDX-License-Identifier: MIT
#include "core/geojson.hpp"

#include "core/number_format.hpp"
#include "core/wkb.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace coterm {
namespace {

struct Ring {
    std::vector<double> x, y;
};

/// Twice the signed area (shoelace): positive for counter-clockwise rings.
double signed_area2(const Ring& r)
{
    double s = 0;
    for (std::size_t i = 0; i + 1 < r.x.size(); ++i)
        s += r.x[i] * r.y[i + 1] - r.x[i + 1] * r.y[i];
    return s;
}

Ring rounded_ring(const WkbRing& wkb_ring, double scale)
{
    Ring r;
    for (std::size_t i = 0; i < wkb_ring.count; ++i) {
        double x, y;
        read_point(wkb_ring, i, x, y);
        x = std::round(x * scale) / scale;
        y = std::round(y * scale) / scale;
        if (!r.x.empty() && r.x.back() == x && r.y.back() == y) continue;
        r.x.push_back(x);
        r.y.push_back(y);
    }
    return r;
}

void append_ring(std::string& out, const Ring& r, int decimals)
{
    out += '[';
    for (std::size_t i = 0; i < r.x.size(); ++i) {
        if (i) out += ',';
        out += '[';
        out += format_fixed(r.x[i], decimals);
        out += ',';
        out += format_fixed(r.y[i], decimals);
        out += ']';
    }
    out += ']';
}

} // namespace

std::string geojson_geometry(std::span<unsigned char> wkb_lonlat, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    std::vector<std::vector<Ring>> polygons;
    std::size_t current = static_cast<std::size_t>(-1);
    bool skipping = false;
    for_each_ring(wkb_lonlat, [&](std::size_t polygon, std::size_t ring, WkbRing wkb_ring) {
        if (polygon != current) {
            current = polygon;
            polygons.emplace_back();
            skipping = false;
        }
        if (skipping) return;
        Ring r = rounded_ring(wkb_ring, scale);
        if (r.x.size() < 4) {
            // A collapsed exterior takes its holes with it.
            if (ring == 0) skipping = true;
            return;
        }
        const bool ccw = signed_area2(r) > 0;
        const bool want_ccw = ring == 0;
        if (ccw != want_ccw) {
            std::reverse(r.x.begin(), r.x.end());
            std::reverse(r.y.begin(), r.y.end());
        }
        polygons.back().push_back(std::move(r));
    });
    std::erase_if(polygons, [](const std::vector<Ring>& p) { return p.empty(); });
    if (polygons.empty()) return "null";

    // Always a MultiPolygon, so every feature of a file has one geometry type (a reader
    // such as OGR then types the layer MultiPolygon, not "Unknown").
    std::string out = R"({"type":"MultiPolygon","coordinates":[)";
    for (std::size_t p = 0; p < polygons.size(); ++p) {
        if (p) out += ',';
        out += '[';
        for (std::size_t k = 0; k < polygons[p].size(); ++k) {
            if (k) out += ',';
            append_ring(out, polygons[p][k], decimals);
        }
        out += ']';
    }
    out += "]}";
    return out;
}

} // namespace coterm
