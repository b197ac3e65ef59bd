// SPDX-License-Identifier: MIT
#pragma once
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace coterm::cli {

/// Ends `cmd`'s --help with `examples`: whole command lines that work on the shipped
/// catalogue and queries (a test runs every one). When `record`, each is also listed by
/// `coterm help --examples`.
void add_examples(CLI::App& cmd, const std::vector<std::string>& examples, bool record = true);

/// Adds the examples of cli/examples.cpp to `app` and to each of its subcommands.
void add_all_examples(CLI::App& app);

/// "coterm data fetch" for a subcommand, "coterm" for the app.
std::string command_path(const CLI::App& app);

/// Every example added so far, in the order the commands were set up.
const std::vector<std::string>& all_examples();

/// The parsed subcommand deepest in the tree (`data fetch` → fetch), or `app` itself.
const CLI::App& parsed_leaf(const CLI::App& app);

/// Throws UsageError "unknown command 'overlab'; did you mean 'overlap'?" when the first
/// word that is not an option names no command of `app`. Called before parsing, so a
/// typo is reported as such, not as "a subcommand is required".
void check_command_word(const CLI::App& app, int argc, const char* const* argv);

/// The one-line message for a parse error: an unknown option is named with the command
/// and the closest option ("unknown option '--treads' for 'coterm overlap'; did you mean
/// '--threads'?"); other errors keep CLI11's text and point to the command's --help.
std::string explain_parse_error(const CLI::App& app, const CLI::ParseError& error);

} // namespace coterm::cli
