// SPDX-License-Identifier: MIT
// `coterm help [COMMAND…]`: the same text as `coterm [COMMAND…] --help` (docs/cli/help.md).
#include "cli/command.hpp"
#include "cli/help.hpp"
#include "core/errors.hpp"
#include "core/strings.hpp"

#include <iostream>

namespace coterm::cli {
namespace {

class HelpCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override
    {
        root_ = &app;
        CLI::App* cmd = app.add_subcommand("help", "Help on coterm or on one command (the same text as --help)");
        cmd->add_option("COMMAND", words_, "The command (and subcommand, e.g. data fetch) to explain");
        cmd->add_flag("--examples", examples_, "List every command's examples, one command line each");
        return cmd;
    }

    void run() override
    {
        if (examples_) {
            for (const auto& e : all_examples())
                std::cout << e << '\n';
            return;
        }
        const CLI::App* app = root_;
        for (const auto& word : words_) {
            std::vector<std::string> names;
            const CLI::App* next = nullptr;
            for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) {
                names.push_back(sub->get_name());
                if (sub->get_name() == word) next = sub;
            }
            if (!next) {
                const std::string best = closest_match(word, names);
                throw UsageError("unknown command '" + word + "'" +
                                 (best.empty() ? " (see coterm help)" : "; did you mean '" + best + "'?"));
            }
            app = next;
        }
        // Not app->help(): for the root, CLI11 would print the help of the parsed
        // subcommand, which is this one.
        std::cout << app->get_formatter()->make_help(app, command_path(*app), CLI::AppFormatMode::Normal);
    }

private:
    CLI::App* root_ = nullptr;
    std::vector<std::string> words_;
    bool examples_ = false;
};

} // namespace

std::unique_ptr<Command> make_help_command()
{
    return std::make_unique<HelpCommand>();
}

} // namespace coterm::cli
