// SPDX-License-Identifier: MIT
#pragma once
#include <cmath>

namespace coterm {

/// Neumaier's compensated sum: keeps the low-order bits that plain `+=` drops, so a
/// total of millions of amounts (e.g. £1.12e15 of payments) is exact to the last
/// unit in the last place whatever the order, and conservation lines do not report
/// rounding as money lost.
class CompensatedSum {
public:
    /// Adds `x` (finite) to the sum.
    void add(double x)
    {
        const double t = sum_ + x;
        // Whichever operand is larger keeps its bits in t; recover the other's lost bits.
        compensation_ += std::abs(sum_) >= std::abs(x) ? (sum_ - t) + x : (x - t) + sum_;
        sum_ = t;
    }
    CompensatedSum& operator+=(double x)
    {
        add(x);
        return *this;
    }
    /// The sum, rounded once.
    double value() const { return sum_ + compensation_; }

private:
    double sum_ = 0;
    double compensation_ = 0;
};

/// `difference` (a − b of two totals near `scale`), or 0 when it is below the rounding
/// of totals that size: |difference| ≤ 1e-12 · |scale|. Doubles carry ~16 digits, so a
/// smaller residue is arithmetic, not a leak (docs/methods.md, conservation).
inline double drop_rounding(double difference, double scale)
{
    return std::abs(difference) <= 1e-12 * std::abs(scale) ? 0.0 : difference;
}

} // namespace coterm
