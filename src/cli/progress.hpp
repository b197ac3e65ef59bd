// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>

namespace coterm::cli {

/// "coterm: <what> 40% (120/296)" rewritten in place on stderr, only when stderr is a
/// terminal (batch jobs and tests see nothing). The line is cleared on destruction.
class Progress {
public:
    Progress(std::string what, bool enabled);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    /// Redraws the line when the whole percentage changes.
    void update(std::size_t done, std::size_t total);
    /// Clears the line (before anything else is printed to stderr).
    void finish();
    bool enabled() const { return enabled_; }

private:
    std::string what_;
    bool enabled_;
    bool drawn_ = false;
    int last_percent_ = -1;
};

} // namespace coterm::cli
