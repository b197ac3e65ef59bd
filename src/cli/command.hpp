// SPDX-License-Identifier: MIT
#pragma once
#include <CLI/CLI.hpp>

#include <memory>
#include <vector>

namespace coterm::cli {

/// One subcommand: declares its options on setup (opening no files), works on run.
class Command {
public:
    virtual ~Command() = default;
    /// Adds the subcommand and its options to `app`; returns the subcommand.
    virtual CLI::App* setup(CLI::App& app) = 0;
    /// Does the work. Throws UsageError (exit 2) or DataError (exit 1).
    virtual void run() = 0;
};

/// The subcommands, in the order `coterm --help` lists them.
std::vector<std::unique_ptr<Command>> make_commands();

/// The text printed by `coterm --version`.
std::string version_text();

} // namespace coterm::cli
