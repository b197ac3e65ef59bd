// SPDX-License-Identifier: MIT
// The covered side of the exact covers test (covers_exact.cpp), indexed: its vertices
// by exact coordinates, with every passage of a ring through each, and its edges in a
// uniform grid. Built per covered feature into storage reused by the thread.
#pragma once
#include "core/intersection_area.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace coterm {

/// A polygonal geometry's vertices and edges, indexed for the exact covers test.
struct CoveredRings {
    static constexpr std::uint32_t none = 0xffffffffu;
    /// One passage of a ring through a vertex: its neighbours along the ring, in the
    /// direction that has the polygon's interior on the left.
    struct Passage {
        double prev_x, prev_y, next_x, next_y;
        std::uint32_t part; ///< the polygon the ring belongs to
        std::uint32_t more; ///< the next passage through the same vertex, or `none`
    };
    const PolygonRings* rings = nullptr;
    std::vector<Passage> passages;

    /// Indexes `r` (kept by pointer: it must outlive the use). False when it is too
    /// large for 32-bit indexes.
    bool build(const PolygonRings& r);
    /// The first passage through the vertex at exactly (x, y), or `none`.
    std::uint32_t find(double x, double y) const;
    /// Calls `visit(edge)` (an edge by the index of its first point) for every edge in
    /// a grid cell that `box` meets: at least every edge whose box meets `box`, some
    /// more than once. Stops, returning false, when `visit` returns false.
    template <class Visit> bool for_edges_near(const Box& box, Visit visit) const
    {
        const int x0 = cell_x(box.min_x), x1 = cell_x(box.max_x), y0 = cell_y(box.min_y), y1 = cell_y(box.max_y);
        for (int cy = y0; cy <= y1; ++cy)
            for (int cx = x0; cx <= x1; ++cx) {
                const std::size_t c = static_cast<std::size_t>(cy) * static_cast<std::size_t>(nx_) + cx;
                for (std::uint32_t k = cell_start_[c]; k < cell_start_[c + 1]; ++k)
                    if (!visit(cell_edges_[k])) return false;
            }
        return true;
    }

private:
    struct Slot {
        double x, y;
        std::uint32_t passage; ///< first passage, `none` for an empty slot
    };
    std::vector<Slot> slots_; ///< open addressing, linear probing, size a power of two
    std::size_t mask_ = 0;
    int nx_ = 1, ny_ = 1;
    double min_x_ = 0, min_y_ = 0, per_x_ = 0, per_y_ = 0; ///< cells per metre
    std::vector<std::uint32_t> cell_start_, cell_edges_, fill_;

    std::size_t slot_of(double x, double y) const;
    void add_passage(double x, double y, const Passage& p);
    void build_grid();
    // Monotone in x (a subtraction, a product by a positive constant and a clamp), so
    // an edge's cells and a box's cells share a cell wherever the two boxes meet.
    int cell_x(double x) const
    {
        const double c = (x - min_x_) * per_x_;
        return !(c > 0) ? 0 : c >= nx_ ? nx_ - 1 : static_cast<int>(c);
    }
    int cell_y(double y) const
    {
        const double c = (y - min_y_) * per_y_;
        return !(c > 0) ? 0 : c >= ny_ ? ny_ - 1 : static_cast<int>(c);
    }
};

} // namespace coterm
