// SPDX-License-Identifier: MIT
// Help that teaches: examples at the end of every --help, did-you-mean for commands and
// options, and `coterm help [COMMAND]` (docs/cli/help.md).
#include "cli/help.hpp"

#include "cli/command.hpp"
#include "core/errors.hpp"
#include "core/strings.hpp"

#include <iostream>

namespace coterm::cli {
namespace {

std::vector<std::string>& example_registry()
{
    static std::vector<std::string> examples;
    return examples;
}

std::vector<std::string> subcommand_names(const CLI::App& app)
{
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    return names;
}

/// Every spelling of every option of `app` ("--threads", "-q", …), help included.
std::vector<std::string> option_names(const CLI::App& app)
{
    std::vector<std::string> names;
    for (const CLI::Option* o : app.get_options()) {
        for (const auto& l : o->get_lnames())
            names.push_back("--" + l);
        for (const auto& s : o->get_snames())
            names.push_back("-" + s);
    }
    return names;
}

} // namespace

void add_examples(CLI::App& cmd, const std::vector<std::string>& examples, bool record)
{
    std::string footer = "\nExamples:\n";
    for (const auto& e : examples) {
        footer += "  " + e + "\n";
        if (record) example_registry().push_back(e);
    }
    cmd.footer(footer);
}

std::string command_path(const CLI::App& app)
{
    return app.get_parent() ? command_path(*app.get_parent()) + " " + app.get_name() : app.get_name();
}

const std::vector<std::string>& all_examples()
{
    return example_registry();
}

const CLI::App& parsed_leaf(const CLI::App& app)
{
    for (const CLI::App* sub : app.get_subcommands())
        return parsed_leaf(*sub);
    return app;
}

void check_command_word(const CLI::App& app, int argc, const char* const* argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.empty() || word[0] == '-') continue; // the main app's options take no values
        const auto names = subcommand_names(app);
        if (std::find(names.begin(), names.end(), word) != names.end()) return;
        const std::string best = closest_match(word, names);
        throw UsageError("unknown command '" + word + "'" +
                         (best.empty() ? " (see coterm --help)" : "; did you mean '" + best + "'?"));
    }
}

std::string explain_parse_error(const CLI::App& app, const CLI::ParseError& error)
{
    const CLI::App& leaf = parsed_leaf(app);
    const std::string where = command_path(leaf);
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
        // CLI11 leaves what it could not place in `remaining`; the first option-like word
        // is the one to explain.
        for (const CLI::App* a = &leaf; a; a = a->get_parent())
            for (const std::string& word : a->remaining()) {
                if (word.size() < 2 || word[0] != '-') continue;
                const std::string name = word.substr(0, word.find('='));
                const std::string best = closest_match(name, option_names(leaf));
                return "unknown option '" + name + "' for '" + where + "'" +
                       (best.empty() ? " (see " + where + " --help)" : "; did you mean '" + best + "'?");
            }
    }
    return std::string(error.what()) + " (see " + where + " --help)";
}

} // namespace coterm::cli
