// SPDX-License-Identifier: MIT
#include "core/reproject.hpp"

#include "core/errors.hpp"

#include <geodesic.h>
#include <proj.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <future>
#include <map>
#include <mutex>
#include <system_error>
#include <utility>
#include <vector>

namespace coterm {

struct Reprojector::Proj {
    PJ_CONTEXT* ctx = proj_context_create();
    std::string last_message;
    Proj()
    {
        // PROJ logs to stderr by default; keep its message for our own error instead.
        proj_log_func(ctx, &last_message, [](void* data, int, const char* message) {
            *static_cast<std::string*>(data) = message ? message : "";
        });
    }
    ~Proj() { proj_context_destroy(ctx); }
    Proj(const Proj&) = delete;
    Proj& operator=(const Proj&) = delete;
    std::string reason() const { return last_message.empty() ? std::string() : " (" + last_message + ")"; }
};

namespace {

std::string short_definition(const std::string& definition)
{
    return definition.size() > 60 ? definition.substr(0, 57) + "..." : definition;
}

} // namespace

Reprojector::Reprojector(const std::string& source, const std::string& target) : proj_(std::make_unique<Proj>())
{
    PJ_CONTEXT* ctx = proj_->ctx;
    PJ* source_crs = proj_create(ctx, source.c_str());
    if (!source_crs) throw DataError("PROJ cannot read the CRS '" + short_definition(source) + "'" + proj_->reason());
    PJ* target_crs = proj_create(ctx, target.c_str());
    if (!target_crs) {
        proj_destroy(source_crs);
        throw DataError("PROJ cannot read the CRS '" + short_definition(target) + "'" + proj_->reason());
    }
    const bool same = proj_is_equivalent_to(source_crs, target_crs, PJ_COMP_EQUIVALENT) != 0;
    if (!same) {
        PJ* op = proj_create_crs_to_crs_from_pj(ctx, source_crs, target_crs, nullptr, nullptr);
        PJ* normalised = op ? proj_normalize_for_visualization(ctx, op) : nullptr;
        if (op) proj_destroy(op);
        if (!normalised) {
            proj_destroy(source_crs);
            proj_destroy(target_crs);
            throw DataError("PROJ found no transformation from '" + short_definition(source) + "' to '" +
                            short_definition(target) + "'");
        }
        transform_ = normalised;
    }
    proj_destroy(source_crs);
    proj_destroy(target_crs);
}

Reprojector::Reprojector() : proj_(std::make_unique<Proj>()) {}

std::unique_ptr<Reprojector> Reprojector::clone() const
{
    std::unique_ptr<Reprojector> copy(new Reprojector());
    if (transform_) {
        copy->transform_ = proj_clone(copy->proj_->ctx, static_cast<PJ*>(transform_));
        if (!copy->transform_) throw DataError("PROJ cannot copy a transformation" + proj_->reason());
    }
    return copy;
}

Reprojector::~Reprojector()
{
    if (transform_) proj_destroy(static_cast<PJ*>(transform_));
}

void Reprojector::transform(std::span<double> x, std::span<double> y) const
{
    if (!transform_ || x.empty()) return;
    proj_trans_generic(static_cast<PJ*>(transform_), PJ_FWD, x.data(), sizeof(double), x.size(), y.data(),
                       sizeof(double), y.size(), nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            throw DataError("a coordinate could not be transformed (outside the area of use of the CRS?)");
}

void Reprojector::transform_wkb(std::span<unsigned char> wkb) const
{
    if (!transform_) return;
    // WKB doubles are unaligned, so each ring is copied to aligned arrays, transformed
    // in one PROJ call, and copied back.
    std::vector<double> xs, ys;
    for_each_ring(wkb, [&](std::size_t, std::size_t, WkbRing ring) {
        xs.resize(ring.count);
        ys.resize(ring.count);
        for (std::size_t i = 0; i < ring.count; ++i)
            read_point(ring, i, xs[i], ys[i]);
        transform(xs, ys);
        for (std::size_t i = 0; i < ring.count; ++i)
            write_point(ring, i, xs[i], ys[i]);
    });
}

void Reprojector::transform_wkbs(std::span<Wkb* const> wkbs) const
{
    if (!transform_) return;
    // Every vertex position with its coordinates' bit pattern, sorted so equal
    // coordinates sit together; then one PROJ call for the distinct ones.
    struct Vertex {
        std::uint64_t x_bits, y_bits;
        unsigned char* where;
    };
    std::vector<Vertex> vertices;
    for (Wkb* wkb : wkbs) {
        for_each_ring(*wkb, [&](std::size_t, std::size_t, WkbRing ring) {
            for (std::size_t i = 0; i < ring.count; ++i) {
                Vertex v{0, 0, ring.xy + i * ring.stride};
                std::memcpy(&v.x_bits, v.where, 8);
                std::memcpy(&v.y_bits, v.where + 8, 8);
                vertices.push_back(v);
            }
        });
    }
    std::sort(vertices.begin(), vertices.end(), [](const Vertex& l, const Vertex& r) {
        return l.x_bits != r.x_bits ? l.x_bits < r.x_bits : l.y_bits < r.y_bits;
    });
    std::vector<double> xs, ys;
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        if (i > 0 && vertices[i].x_bits == vertices[i - 1].x_bits && vertices[i].y_bits == vertices[i - 1].y_bits)
            continue;
        double x, y;
        std::memcpy(&x, &vertices[i].x_bits, 8);
        std::memcpy(&y, &vertices[i].y_bits, 8);
        xs.push_back(x);
        ys.push_back(y);
    }
    transform(xs, ys);
    std::size_t k = static_cast<std::size_t>(-1);
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        if (i == 0 || vertices[i].x_bits != vertices[i - 1].x_bits || vertices[i].y_bits != vertices[i - 1].y_bits) ++k;
        std::memcpy(vertices[i].where, &xs[k], 8);
        std::memcpy(vertices[i].where + 8, &ys[k], 8);
    }
}

std::string proj_version()
{
    return proj_info().version;
}

} // namespace coterm

namespace coterm {

namespace {

using CrsPair = std::pair<std::string, std::string>;

// PROJ's geodesic code (GeographicLib's C library) fills its constants on the first
// geod_init, without a lock. Done here, during static initialisation (before main, so
// before any thread), every later call only reads them: otherwise a transformation
// prepared on its own thread (prepare_reprojector) and GDAL making a CRS on another
// both write them, the race helgrind reports (identical values, but still a race).
const bool geodesic_constants_ready = [] {
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    return true;
}();

/// The process's transformations: built ones (prototypes, cloned for each thread) and
/// the ones prepare_reprojector is building.
struct Prototypes {
    std::mutex mutex;
    std::map<CrsPair, std::unique_ptr<Reprojector>> built;
    // Declared last, destroyed first: the destructor of an async future waits for its
    // thread, so a preparation still running at exit ends before the rest goes.
    std::map<CrsPair, std::future<std::unique_ptr<Reprojector>>> preparing;
};

Prototypes& prototypes()
{
    static Prototypes p;
    return p;
}

} // namespace

void prepare_reprojector(const std::string& source, const std::string& target)
{
    Prototypes& p = prototypes();
    const CrsPair key{source, target};
    std::lock_guard lock(p.mutex);
    if (p.built.count(key) || p.preparing.count(key)) return;
    try {
        p.preparing.emplace(key, std::async(std::launch::async, [source, target] {
                                return std::make_unique<Reprojector>(source, target);
                            }));
    } catch (const std::system_error&) {
        // No thread to spare: a hint only, the first use builds it instead.
    }
}

void wait_for_prepared_reprojectors()
{
    Prototypes& p = prototypes();
    std::lock_guard lock(p.mutex);
    for (auto& [key, future] : p.preparing)
        if (future.valid()) future.wait();
}

const Reprojector& thread_reprojector(const std::string& source, const std::string& target)
{
    thread_local std::map<CrsPair, std::unique_ptr<Reprojector>> cache;
    auto& slot = cache[{source, target}];
    if (!slot) {
        // One prototype per CRS pair for the whole process; cloning it is cheap, and
        // cloning reads the prototype, so it happens under the lock.
        Prototypes& p = prototypes();
        const CrsPair key{source, target};
        std::lock_guard lock(p.mutex);
        auto& prototype = p.built[key];
        if (!prototype) {
            if (auto pending = p.preparing.find(key); pending != p.preparing.end()) {
                try {
                    prototype = pending->second.get(); // waits, under the lock, as building here would
                } catch (const std::exception&) {
                    // Built again below, on this thread, to report the error where it belongs.
                }
                p.preparing.erase(pending);
            }
            if (!prototype) prototype = std::make_unique<Reprojector>(source, target);
        }
        slot = prototype->clone();
    }
    return *slot;
}

} // namespace coterm
