// SPDX-License-Identifier: MIT
#include "core/layer_builder.hpp"

#include "core/errors.hpp"
#include "core/parallel.hpp"
#include "core/reproject.hpp"
#include "core/wkb.hpp"

#include <algorithm>
#include <atomic>
#include <numeric>

namespace coterm {

void check_codes(const std::string& label, const std::vector<RawFeature>& raw)
{
    std::vector<std::size_t> order(raw.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t l, std::size_t r) { return raw[l].code < raw[r].code; });
    for (std::size_t k = 0; k < order.size(); ++k) {
        const auto& f = raw[order[k]];
        if (f.code.empty())
            throw DataError(label + ": feature #" + std::to_string(order[k] + 1) + " has an empty code");
        if (k > 0 && raw[order[k - 1]].code == f.code)
            throw DataError(label + ": duplicate code '" + f.code + "' (features #" + std::to_string(order[k - 1] + 1) +
                            " and #" + std::to_string(order[k] + 1) + ")");
    }
}

namespace {

enum class Outcome { ok, repaired, empty };

struct Prepared {
    Geometry geometry;
    double area_m2 = 0;
    Outcome outcome = Outcome::ok;
    std::string reason;       ///< why GEOS found it invalid
    bool far_outside = false; ///< a vertex lies far outside the working CRS's area of use
};

// EPSG:27700's area of use (49.75°N–61.01°N, 9.01°W–2.01°E) projects to about
// x −104 km … 689 km, y −17 km … 1 257 km; with a 100 km margin, anything beyond
// these is not in Great Britain: a wrong CRS, swapped axes or garbage (1e300).
constexpr double bng_min_x = -210'000, bng_max_x = 790'000, bng_min_y = -120'000, bng_max_y = 1'360'000;

/// The WKB's bounds; a non-finite coordinate is a DataError naming the layer and feature.
WkbBounds checked_bounds(RawFeature& f, const std::string& label)
{
    try {
        return finite_bounds(f.wkb);
    } catch (const GeometryError& e) {
        throw DataError(label + ": feature '" + f.code + "': " + e.what());
    }
}

// Features are reprojected in chunks of consecutive features: features sorted by code
// are mostly neighbours (ONS codes run through an area), so a chunk shares many
// boundary vertices, which transform_wkbs transforms once.
constexpr std::size_t chunk_size = 256;

Prepared prepare_one(RawFeature& f, const std::string& label)
{
    Prepared p;
    if (f.wkb.empty()) {
        p.outcome = Outcome::empty;
        return p;
    }
    try {
        Geometry g = Geometry::from_wkb(f.wkb);
        if (!g.is_empty() && !(p.reason = invalid_reason(g)).empty()) {
            g = make_valid_polygonal(g);
            p.outcome = Outcome::repaired;
        }
        if (g.is_empty()) {
            p.outcome = Outcome::empty;
            return p;
        }
        p.area_m2 = g.area();
        g.envelope(); // fill GEOS's cached envelope now, while only this thread sees g
        p.geometry = std::move(g);
    } catch (const DataError& e) {
        throw DataError(label + ": feature '" + f.code + "': " + e.what());
    }
    return p;
}

void prepare_chunk(std::vector<RawFeature>& raw, std::vector<Prepared>& prepared, std::size_t chunk,
                   const std::string& label, const std::string& source_crs)
{
    const std::size_t begin = chunk * chunk_size;
    const std::size_t end = std::min(raw.size(), begin + chunk_size);
    std::vector<Wkb*> wkbs;
    for (std::size_t i = begin; i < end; ++i)
        if (!raw[i].wkb.empty()) {
            checked_bounds(raw[i], label); // NaN/Inf are refused in every CRS, before PROJ sees them
            wkbs.push_back(&raw[i].wkb);
        }
    try {
        thread_reprojector(source_crs, working_crs).transform_wkbs(wkbs);
    } catch (const DataError&) {
        // Find the feature that failed, to name it.
        for (std::size_t i = begin; i < end; ++i) {
            try {
                thread_reprojector(source_crs, working_crs).transform_wkb(raw[i].wkb);
            } catch (const DataError& e) {
                throw DataError(label + ": feature '" + raw[i].code + "': " + e.what());
            }
        }
        throw;
    }
    for (std::size_t i = begin; i < end; ++i) {
        // Checked in the working CRS and before any repair, which could hide the cause.
        const WkbBounds b = raw[i].wkb.empty() ? WkbBounds{} : checked_bounds(raw[i], label);
        const bool far =
            !b.empty && (b.min_x < bng_min_x || b.max_x > bng_max_x || b.min_y < bng_min_y || b.max_y > bng_max_y);
        prepared[i] = prepare_one(raw[i], label);
        prepared[i].far_outside = far;
    }
}

} // namespace

Layer build_layer(const std::string& id, const std::string& label, std::vector<RawFeature> raw,
                  const LayerBuildOptions& options, BuildReport& report)
{
    check_codes(label, raw);
    std::vector<Prepared> prepared(raw.size());
    const std::size_t chunks = (raw.size() + chunk_size - 1) / chunk_size;
    std::atomic<std::size_t> chunks_done{0};
    parallel_for(chunks, resolve_threads(options.threads), [&](std::size_t c) {
        prepare_chunk(raw, prepared, c, label, options.source_crs);
        report_progress(options.progress, "build " + label, ++chunks_done, chunks);
    });

    Layer layer{id, label, {}, {}};
    layer.features.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        auto& p = prepared[i];
        if (p.far_outside) report.far_outside_codes.push_back(raw[i].code);
        if (p.outcome == Outcome::empty) {
            report.empty_codes.push_back(raw[i].code);
            continue;
        }
        if (p.outcome == Outcome::repaired) {
            report.repaired_codes.push_back(raw[i].code);
            report.repaired_reasons.push_back(p.reason);
        }
        layer.features.push_back(
            Feature{std::move(raw[i].code), std::move(raw[i].name), std::move(p.geometry), p.area_m2});
    }
    std::sort(layer.features.begin(), layer.features.end(),
              [](const Feature& l, const Feature& r) { return l.code < r.code; });
    // Repairs are listed in code order (codes and reasons sorted together).
    std::vector<std::size_t> order(report.repaired_codes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t l, std::size_t r) { return report.repaired_codes[l] < report.repaired_codes[r]; });
    BuildReport sorted;
    for (std::size_t k : order) {
        sorted.repaired_codes.push_back(report.repaired_codes[k]);
        sorted.repaired_reasons.push_back(report.repaired_reasons[k]);
    }
    report.repaired_codes = std::move(sorted.repaired_codes);
    report.repaired_reasons = std::move(sorted.repaired_reasons);
    std::sort(report.empty_codes.begin(), report.empty_codes.end());
    std::sort(report.far_outside_codes.begin(), report.far_outside_codes.end());
    return layer;
}

} // namespace coterm
