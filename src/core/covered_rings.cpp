// SPDX-License-Identifier: MIT
#include "core/covered_rings.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace coterm {

std::size_t CoveredRings::slot_of(double x, double y) const
{
    // + 0.0 turns -0.0 into 0.0, so equal coordinates hash alike.
    const std::uint64_t hx = std::bit_cast<std::uint64_t>(x + 0.0), hy = std::bit_cast<std::uint64_t>(y + 0.0);
    std::uint64_t h = (hx ^ (hy * 0x9e3779b97f4a7c15ull)) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
    return static_cast<std::size_t>(h) & mask_;
}

std::uint32_t CoveredRings::find(double x, double y) const
{
    for (std::size_t s = slot_of(x, y);; s = (s + 1) & mask_) {
        const Slot& slot = slots_[s];
        if (slot.passage == none) return none;
        if (slot.x == x && slot.y == y) return slot.passage;
    }
}

void CoveredRings::add_passage(double x, double y, const Passage& p)
{
    const auto k = static_cast<std::uint32_t>(passages.size());
    passages.push_back(p);
    for (std::size_t s = slot_of(x, y);; s = (s + 1) & mask_) {
        Slot& slot = slots_[s];
        if (slot.passage == none) {
            slot = {x, y, k};
            return;
        }
        if (slot.x == x && slot.y == y) {
            passages.back().more = slot.passage;
            slot.passage = k;
            return;
        }
    }
}

bool CoveredRings::build(const PolygonRings& r)
{
    rings = &r;
    passages.clear();
    const std::size_t points = r.x.size();
    if (points >= none / 4) return false;
    std::size_t size = 16;
    while (size < 2 * points)
        size *= 2;
    slots_.assign(size, Slot{0, 0, none});
    mask_ = size - 1;
    for (std::size_t ring = 0; ring < r.num_rings(); ++ring) {
        const std::size_t first = r.starts[ring], last = r.starts[ring + 1] - 1; // `last` repeats `first`
        const bool forward = r.orientation[ring] > 0;
        const auto part = static_cast<std::uint32_t>(r.part[ring]);
        for (std::size_t k = first; k < last; ++k) {
            const std::size_t before = k == first ? last - 1 : k - 1, after = k + 1;
            const std::size_t prev = forward ? before : after, next = forward ? after : before;
            add_passage(r.x[k], r.y[k], {r.x[prev], r.y[prev], r.x[next], r.y[next], part, none});
        }
    }
    build_grid();
    return true;
}

void CoveredRings::build_grid()
{
    const PolygonRings& r = *rings;
    const double w = r.box.max_x - r.box.min_x, h = r.box.max_y - r.box.min_y;
    const double cells = std::max(1.0, static_cast<double>(r.x.size()) / 2);
    // About two edges a cell, cells roughly square.
    const double side = w > 0 && h > 0 ? std::sqrt(w * h / cells) : 1.0;
    nx_ = w > 0 ? static_cast<int>(std::clamp(std::ceil(w / side), 1.0, 1024.0)) : 1;
    ny_ = h > 0 ? static_cast<int>(std::clamp(std::ceil(h / side), 1.0, 1024.0)) : 1;
    min_x_ = r.box.min_x, min_y_ = r.box.min_y;
    per_x_ = w > 0 ? nx_ / w : 0, per_y_ = h > 0 ? ny_ / h : 0;
    cell_start_.assign(static_cast<std::size_t>(nx_) * ny_ + 1, 0);
    auto each_cell = [&](std::size_t e, auto add) {
        const int x0 = cell_x(std::min(r.x[e], r.x[e + 1])), x1 = cell_x(std::max(r.x[e], r.x[e + 1]));
        const int y0 = cell_y(std::min(r.y[e], r.y[e + 1])), y1 = cell_y(std::max(r.y[e], r.y[e + 1]));
        for (int cy = y0; cy <= y1; ++cy)
            for (int cx = x0; cx <= x1; ++cx)
                add(static_cast<std::size_t>(cy) * static_cast<std::size_t>(nx_) + cx);
    };
    auto each_edge = [&](auto add) {
        for (std::size_t ring = 0; ring < r.num_rings(); ++ring)
            for (std::size_t e = r.starts[ring]; e + 1 < r.starts[ring + 1]; ++e)
                each_cell(e, [&](std::size_t c) { add(c, e); });
    };
    each_edge([&](std::size_t c, std::size_t) { ++cell_start_[c + 1]; });
    for (std::size_t c = 1; c < cell_start_.size(); ++c)
        cell_start_[c] += cell_start_[c - 1];
    cell_edges_.resize(cell_start_.back());
    std::vector<std::uint32_t>& fill = fill_;
    fill.assign(cell_start_.begin(), cell_start_.end() - 1);
    each_edge([&](std::size_t c, std::size_t e) { cell_edges_[fill[c]++] = static_cast<std::uint32_t>(e); });
}

} // namespace coterm
