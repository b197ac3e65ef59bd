// SPDX-License-Identifier: MIT
#include "core/reproject.hpp"

#include "core/errors.hpp"

#include <proj.h>

#include <cmath>
#include <map>
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

Reprojector::Reprojector(const std::string& source, const std::string& target)
    : proj_(std::make_unique<Proj>())
{
    PJ_CONTEXT* ctx = proj_->ctx;
    PJ* source_crs = proj_create(ctx, source.c_str());
    if (!source_crs)
        throw DataError("PROJ cannot read the CRS '" + short_definition(source) + "'" + proj_->reason());
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
        for (std::size_t i = 0; i < ring.count; ++i) read_point(ring, i, xs[i], ys[i]);
        transform(xs, ys);
        for (std::size_t i = 0; i < ring.count; ++i) write_point(ring, i, xs[i], ys[i]);
    });
}

std::string proj_version()
{
    return proj_info().version;
}

} // namespace coterm

namespace coterm {

const Reprojector& thread_reprojector(const std::string& source, const std::string& target)
{
    thread_local std::map<std::pair<std::string, std::string>, std::unique_ptr<Reprojector>> cache;
    auto& slot = cache[{source, target}];
    if (!slot) slot = std::make_unique<Reprojector>(source, target);
    return *slot;
}

} // namespace coterm
