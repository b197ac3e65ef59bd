// SPDX-License-Identifier: MIT
#include "cli/progress.hpp"

#include "core/time_left.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <streambuf>

namespace coterm::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct PhaseState {
    Clock::time_point started;
    int last_step = -1; ///< last percent drawn (terminal) or tenth printed (log)
};

/// The one progress line of the process. Phases may report from several threads at
/// once (A and B load side by side), so each keeps its own clock and all draw under
/// one lock.
struct Display {
    std::mutex mutex;
    MessageSettings settings;
    bool tty = ::isatty(STDERR_FILENO) != 0;
    bool drawn = false;
    Clock::time_point last_draw;
    std::map<std::string, PhaseState, std::less<>> phases;
};

Display& display()
{
    static Display d;
    return d;
}

void clear_locked(Display& d)
{
    if (d.drawn) std::fputs("\r\033[K", stderr);
    d.drawn = false;
}

void report(std::string_view phase, std::size_t done, std::size_t total)
{
    if (!progress_shown() || total == 0) return;
    Display& d = display();
    std::lock_guard lock(d.mutex);
    const auto now = Clock::now();
    auto it = d.phases.find(phase);
    if (it == d.phases.end()) it = d.phases.emplace(std::string(phase), PhaseState{now}).first;
    PhaseState& p = it->second;
    done = std::min(done, total);
    const int percent = static_cast<int>(100 * done / total);
    const bool finished = done == total;
    // A terminal is redrawn when the percentage moves (or every quarter second, so the
    // estimate stays fresh); a log gets a line every tenth, and the last one.
    const int step = d.tty ? percent : percent / 10;
    if (step == p.last_step && !(d.tty && now - d.last_draw > std::chrono::milliseconds(250))) return;
    if (finished && p.last_step == (d.tty ? 100 : 10)) return;
    p.last_step = step;
    const double elapsed = std::chrono::duration<double>(now - p.started).count();
    std::string line = "coterm: " + std::string(phase) + " " + std::to_string(percent) + "% (" + std::to_string(done) +
                       "/" + std::to_string(total) + ")";
    if (!finished) {
        const std::string left = time_left_text(elapsed, done, total);
        if (!left.empty()) line += ", " + left;
    }
    if (d.tty) {
        // A finished phase leaves no line behind, so whatever is printed next starts clean.
        if (finished)
            clear_locked(d);
        else {
            std::fprintf(stderr, "\r\033[K%s", line.c_str());
            d.drawn = true;
        }
    } else {
        std::fprintf(stderr, "%s\n", line.c_str());
    }
    std::fflush(stderr);
    d.last_draw = now;
}

/// Swallows what a quiet warning writes.
class NullBuffer : public std::streambuf {
protected:
    int overflow(int c) override { return c; }
};

} // namespace

void configure_messages(const MessageSettings& settings)
{
    std::lock_guard lock(display().mutex);
    display().settings = settings;
}

bool quiet()
{
    return display().settings.quiet;
}

bool progress_shown()
{
    const Display& d = display();
    return d.settings.force_progress || (d.tty && !d.settings.quiet);
}

std::ostream& warning()
{
    static NullBuffer null_buffer;
    static std::ostream null_stream(&null_buffer);
    if (quiet()) return null_stream;
    clear_progress();
    return std::cerr << "coterm: warning: ";
}

void clear_progress()
{
    Display& d = display();
    std::lock_guard lock(d.mutex);
    clear_locked(d);
    std::fflush(stderr);
}

ProgressFn progress_callback()
{
    if (!progress_shown()) return {};
    return [](std::string_view phase, std::size_t done, std::size_t total) { report(phase, done, total); };
}

// --progress wins over a command's own quiet flag, as it does for every other phase.
Progress::Progress(std::string what, bool enabled)
    : what_(std::move(what)), enabled_(progress_shown() && (enabled || display().settings.force_progress))
{
}

Progress::~Progress()
{
    finish();
}

void Progress::finish()
{
    if (enabled_) clear_progress();
}

void Progress::update(std::size_t done, std::size_t total)
{
    if (enabled_) report(what_, done, total);
}

} // namespace coterm::cli
