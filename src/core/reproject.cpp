// SPDX-License-Identifier: MIT
#include "core/reproject.hpp"

#include "core/errors.hpp"
#include "core/proj_candidates.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

namespace coterm {

namespace {

std::string short_definition(const std::string& definition)
{
    return definition.size() > 60 ? definition.substr(0, 57) + "..." : definition;
}

} // namespace

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

    struct Destroy {
        void operator()(PJ* p) const { proj_destroy(p); }
    };
    using Object = std::unique_ptr<PJ, Destroy>;
    /// The CRS `definition` as a PROJ object; DataError naming it when PROJ cannot read it.
    Object crs(const std::string& definition)
    {
        Object made(proj_create(ctx, definition.c_str()));
        if (!made) throw DataError("PROJ cannot read the CRS '" + short_definition(definition) + "'" + reason());
        return made;
    }
};

namespace {

/// proj_info(), copied once: its search path lives in a buffer the next proj_info()
/// call (ours or GDAL's, on any thread) frees.
struct ProjInfo {
    std::string version, search_paths;
    int major = 0, minor = 0;
};

const ProjInfo& proj_library()
{
    static const ProjInfo info = [] {
        const PJ_INFO i = proj_info();
        return ProjInfo{i.version ? i.version : "", i.searchpath ? i.searchpath : "", i.major, i.minor};
    }();
    return info;
}

} // namespace

namespace {

/// How io keeps what PROJ's search found between runs (set_operation_store).
std::mutex& store_mutex()
{
    static std::mutex m;
    return m;
}

OperationStore& store()
{
    static OperationStore s;
    return s;
}

OperationStore current_store()
{
    std::lock_guard lock(store_mutex());
    return store();
}

/// The operation PROJ would use as `op`, as PROJ makes it for its set (normalised so
/// x = longitude), written as a PROJ string; "" when it cannot be written as one.
std::string normalised_definition(PJ_CONTEXT* ctx, PJ* op)
{
    PJ* normalised = proj_normalize_for_visualization(ctx, op);
    if (!normalised) return {};
    const char* text = proj_as_proj_string(ctx, normalised, PJ_PROJ_5, nullptr);
    std::string definition = text ? text : "";
    proj_destroy(normalised);
    return definition.find_first_of("\t\r\n") == std::string::npos ? definition : std::string();
}

/// The operations proj_create_crs_to_crs_from_pj (PROJ 9.1, no options, no area of
/// interest) chooses among, found by the same search with the same settings, with
/// the areas it compares points with. Only for a source CRS equivalent to WGS 84
/// longitude/latitude (EPSG:4326 or OGC:CRS84), where those areas are the operations'
/// areas of use as they stand, and only with PROJ 9.1, whose choice certain_candidate
/// repeats; `full` otherwise.
OperationCandidates search_candidates(PJ_CONTEXT* ctx, PJ* source_crs, PJ* target_crs)
{
    OperationCandidates result; // Kind::full
    if (proj_library().major != 9 || proj_library().minor != 1) return result;
    if (proj_get_type(source_crs) != PJ_TYPE_GEOGRAPHIC_2D_CRS) return result;
    const PJ_TYPE target_type = proj_get_type(target_crs);
    if (target_type == PJ_TYPE_GEOCENTRIC_CRS || target_type == PJ_TYPE_UNKNOWN) return result;
    PJ* wgs84 = proj_create(ctx, "EPSG:4326");
    const bool is_wgs84 =
        wgs84 && proj_is_equivalent_to(source_crs, wgs84, PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS) != 0;
    if (wgs84) proj_destroy(wgs84);
    if (!is_wgs84) return result;

    PJ_OPERATION_FACTORY_CONTEXT* factory = proj_create_operation_factory_context(ctx, nullptr);
    if (!factory) return result;
    proj_operation_factory_context_set_allow_ballpark_transformations(ctx, factory, 1);
    proj_operation_factory_context_set_spatial_criterion(ctx, factory, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION);
    proj_operation_factory_context_set_grid_availability_use(
        ctx, factory,
        proj_context_is_network_enabled(ctx) ? PROJ_GRID_AVAILABILITY_KNOWN_AVAILABLE
                                             : PROJ_GRID_AVAILABILITY_DISCARD_OPERATION_IF_MISSING_GRID);
    PJ_OBJ_LIST* list = proj_create_operations(ctx, source_crs, target_crs, factory);
    proj_operation_factory_context_destroy(factory);
    if (!list) return result;
    const int count = proj_list_get_count(list);
    OperationCandidates found;
    found.kind = OperationCandidates::Kind::candidates;
    found.sole = count == 1;
    for (int i = 0; i < count; ++i) {
        PJ* op = proj_list_get(ctx, list, i);
        if (!op) continue;
        CandidateOperation candidate;
        candidate.definition = normalised_definition(ctx, op);
        if (found.sole) {
            found.ops.push_back(candidate);
            proj_destroy(op);
            break;
        }
        double west = 0, south = 0, east = 0, north = 0;
        const char* area = nullptr;
        // As PROJ: an operation without an area of use is left out; one whose area
        // crosses the antimeridian counts as two, east and west of it.
        if (proj_get_area_of_use(ctx, op, &west, &south, &east, &north, &area)) {
            candidate.offshore = area && std::strstr(area, "- offshore");
            candidate.accuracy = proj_coordoperation_get_accuracy(ctx, op);
            candidate.south = south;
            candidate.north = north;
            if (west <= east) {
                candidate.west = west;
                candidate.east = east;
                found.ops.push_back(candidate);
            } else {
                candidate.west = west;
                candidate.east = 180;
                found.ops.push_back(candidate);
                candidate.west = -180;
                candidate.east = east;
                found.ops.push_back(candidate);
            }
        }
        proj_destroy(op);
    }
    proj_list_destroy(list);
    if (found.ops.empty()) return result;
    return found;
}

} // namespace

void set_operation_store(OperationStore s)
{
    std::lock_guard lock(store_mutex());
    store() = std::move(s);
}

Reprojector::Reprojector(const std::string& source, const std::string& target, bool shortcut)
    : proj_(std::make_unique<Proj>()), source_(source), target_(target)
{
    OperationStore kept = current_store();
    kept.shortcut = kept.shortcut && shortcut;
    if (kept.shortcut && kept.load) {
        if (const auto text = kept.load(source, target)) {
            if (auto stored = parse_operation_candidates(*text)) {
                candidates_ = std::make_shared<const OperationCandidates>(std::move(*stored));
                if (candidates_->kind == OperationCandidates::Kind::full) build_full();
                return;
            }
        }
    }
    const Proj::Object source_crs = proj_->crs(source), target_crs = proj_->crs(target);
    OperationCandidates found;
    if (proj_is_equivalent_to(source_crs.get(), target_crs.get(), PJ_COMP_EQUIVALENT) != 0)
        found.kind = OperationCandidates::Kind::same;
    else if (kept.shortcut)
        found = search_candidates(proj_->ctx, source_crs.get(), target_crs.get());
    candidates_ = std::make_shared<const OperationCandidates>(std::move(found));
    if (candidates_->kind == OperationCandidates::Kind::full) build_full();
    if (kept.shortcut && kept.save) kept.save(source, target, serialise(*candidates_));
}

void Reprojector::build_full() const
{
    if (transform_) return;
    PJ_CONTEXT* ctx = proj_->ctx;
    const Proj::Object source_crs = proj_->crs(source_), target_crs = proj_->crs(target_);
    PJ* op = proj_create_crs_to_crs_from_pj(ctx, source_crs.get(), target_crs.get(), nullptr, nullptr);
    PJ* normalised = op ? proj_normalize_for_visualization(ctx, op) : nullptr;
    if (op) proj_destroy(op);
    if (!normalised)
        throw DataError("PROJ found no transformation from '" + short_definition(source_) + "' to '" +
                        short_definition(target_) + "'");
    transform_ = normalised;
}

Reprojector::Reprojector() : proj_(std::make_unique<Proj>()) {}

std::unique_ptr<Reprojector> Reprojector::clone() const
{
    std::unique_ptr<Reprojector> copy(new Reprojector());
    copy->source_ = source_;
    copy->target_ = target_;
    copy->candidates_ = candidates_;
    if (transform_) {
        copy->transform_ = proj_clone(copy->proj_->ctx, static_cast<PJ*>(transform_));
        if (!copy->transform_) throw DataError("PROJ cannot copy a transformation" + proj_->reason());
    }
    return copy;
}

Reprojector::~Reprojector()
{
    for (void* op : single_)
        if (op) proj_destroy(static_cast<PJ*>(op));
    if (transform_) proj_destroy(static_cast<PJ*>(transform_));
}

bool Reprojector::is_identity() const
{
    return candidates_ && candidates_->kind == OperationCandidates::Kind::same;
}

bool Reprojector::transform_by_one_operation(std::span<double> x, std::span<double> y) const
{
    if (!candidates_ || candidates_->kind != OperationCandidates::Kind::candidates) return false;
    double x0 = x[0], x1 = x[0], y0 = y[0], y1 = y[0];
    for (std::size_t i = 1; i < x.size(); ++i) {
        x0 = std::min(x0, x[i]);
        x1 = std::max(x1, x[i]);
        y0 = std::min(y0, y[i]);
        y1 = std::max(y1, y[i]);
    }
    const int chosen = certain_candidate(*candidates_, x0, y0, x1, y1);
    if (chosen < 0) return false;
    const auto k = static_cast<std::size_t>(chosen);
    if (single_.size() != candidates_->ops.size()) single_.assign(candidates_->ops.size(), nullptr);
    if (!single_[k]) {
        single_[k] = proj_create(proj_->ctx, candidates_->ops[k].definition.c_str());
        if (!single_[k]) return false;
    }
    std::vector<double> tx(x.begin(), x.end()), ty(y.begin(), y.end());
    proj_trans_generic(static_cast<PJ*>(single_[k]), PJ_FWD, tx.data(), sizeof(double), tx.size(), ty.data(),
                       sizeof(double), ty.size(), nullptr, 0, 0, nullptr, 0, 0);
    // PROJ would try another operation for a point this one cannot transform: the
    // whole batch then goes through PROJ's own set instead.
    for (std::size_t i = 0; i < tx.size(); ++i)
        if (!std::isfinite(tx[i]) || !std::isfinite(ty[i])) return false;
    std::copy(tx.begin(), tx.end(), x.begin());
    std::copy(ty.begin(), ty.end(), y.begin());
    last_operation_ = chosen;
    return true;
}

void Reprojector::transform(std::span<double> x, std::span<double> y) const
{
    last_operation_ = -1;
    if (is_identity() || x.empty()) return;
    if (transform_by_one_operation(x, y)) return;
    build_full();
    proj_trans_generic(static_cast<PJ*>(transform_), PJ_FWD, x.data(), sizeof(double), x.size(), y.data(),
                       sizeof(double), y.size(), nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            throw DataError("a coordinate could not be transformed (outside the area of use of the CRS?)");
}

void Reprojector::transform_wkb(std::span<unsigned char> wkb) const
{
    if (is_identity()) return;
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
    if (is_identity()) return;
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
    return proj_library().version;
}

std::string proj_search_paths()
{
    return proj_library().search_paths;
}

} // namespace coterm
