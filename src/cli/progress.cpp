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
    if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void Progress::update(std::size_t done, std::size_t total)
{
    if (!enabled_) return;
    std::fprintf(stderr, "\rcoterm: %s %zu/%zu", what_.c_str(), done, total);
    std::fflush(stderr);
    drawn_ = true;
}

} // namespace coterm::cli
