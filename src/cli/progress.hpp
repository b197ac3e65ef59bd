// SPDX-License-Identifier: MIT
#pragma once
#include "core/progress.hpp"

#include <cstddef>
#include <ostream>
#include <string>

namespace coterm::cli {

/// How the command run asked coterm to speak on stderr (from its -q/--quiet and
/// --progress flags, read once after parsing).
struct MessageSettings {
    bool quiet = false;          ///< -q: no warnings, summaries or progress; errors only (as GDAL's -q)
    bool force_progress = false; ///< --progress: progress even when stderr is not a terminal
};

/// Sets the process-wide message settings (main, after parsing).
void configure_messages(const MessageSettings& settings);

/// Whether -q was given.
bool quiet();

/// Whether progress is shown: forced by --progress, else on a terminal unless quiet.
bool progress_shown();

/// The stream a warning goes to: stderr after "coterm: warning: " (a progress line is
/// cleared first), or a stream that discards it under -q. End the warning with '\n'.
std::ostream& warning();

/// Clears the progress line, if one is drawn (before an error is printed).
void clear_progress();

/// The receiver of every long phase's progress, for Context::progress and the options of
/// core functions; a no-op when progress is not shown. On a terminal one line
/// "coterm: overlap 42% (240/570), about 12 s left" is rewritten in place and cleared
/// when the phase is done; with --progress elsewhere a line is printed at every 10%.
ProgressFn progress_callback();

/// One named phase reported through progress_callback(): `update(done, total)`.
/// `enabled` false (e.g. the command's own quiet flag) silences it.
class Progress {
public:
    Progress(std::string what, bool enabled);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    /// Reports that `done` of `total` units of work are done.
    void update(std::size_t done, std::size_t total);
    /// Clears the line (before anything else is printed to stderr).
    void finish();
    bool enabled() const { return enabled_; }

private:
    std::string what_;
    bool enabled_;
};

} // namespace coterm::cli
