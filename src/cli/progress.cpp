// SPDX-License-Identifier: MIT
#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace coterm::cli {

Progress::Progress(std::string what, bool enabled)
    : what_(std::move(what)), enabled_(enabled && ::isatty(STDERR_FILENO))
{
}

Progress::~Progress()
{
    finish();
}

void Progress::finish()
{
    if (drawn_) std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
}

void Progress::update(std::size_t done, std::size_t total)
{
    if (!enabled_ || total == 0) return;
    const int percent = static_cast<int>(100 * done / total);
    if (percent == last_percent_) return;
    last_percent_ = percent;
    std::fprintf(stderr, "\rcoterm: %s %d%% (%zu/%zu)", what_.c_str(), percent, done, total);
    std::fflush(stderr);
    drawn_ = true;
}

} // namespace coterm::cli
