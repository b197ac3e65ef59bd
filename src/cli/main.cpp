// SPDX-License-Identifier: MIT
// coterm: boundary and coterminosity analysis. One try: exceptions map to exit codes
// 0 (success, --help), 1 (data could not be processed), 2 (wrong command line).
#include "cli/command.hpp"
#include "cli/help.hpp"
#include "cli/output_target.hpp"
#include "cli/progress.hpp"
#include "core/errors.hpp"
#include "core/reproject.hpp"
#include "core/strings.hpp"
#include "io/operation_cache.hpp"

#include <csignal>
#include <iostream>

namespace {

/// -q and --progress of the command that was run (every command that works long has both).
coterm::cli::MessageSettings message_settings(const CLI::App& app)
{
    const CLI::App& leaf = coterm::cli::parsed_leaf(app);
    auto given = [&](const char* name) {
        const CLI::Option* o = leaf.get_option_no_throw(name);
        return o && o->count() > 0;
    };
    return {given("--quiet"), given("--progress")};
}

} // namespace

static int run_cli(int argc, char** argv)
{
    // Past a file-size limit (ulimit -f) a write fails with EFBIG and is reported like any
    // failed write, its temporary removed, instead of the signal killing the process.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"coterm: how well do boundaries line up? Overlap, scores and footprints for English health and "
                 "care geographies.",
                 "coterm"};
    app.set_version_flag("-V,--version", coterm::cli::version_text());
    app.require_subcommand(1);
    auto commands = coterm::cli::make_commands();
    std::vector<CLI::App*> subcommands;
    for (auto& c : commands)
        subcommands.push_back(c->setup(app));
    coterm::cli::add_all_examples(app);

    try {
        try {
            coterm::cli::check_command_word(app, argc, argv);
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForAllHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForVersion& e) {
            return app.exit(e);
        } catch (const CLI::ParseError& e) {
            throw coterm::UsageError(coterm::cli::explain_parse_error(app, e));
        }
        coterm::cli::record_invocation(app); // the provenance of every output
        coterm::cli::configure_messages(message_settings(app));
        for (std::size_t i = 0; i < commands.size(); ++i)
            if (subcommands[i]->parsed()) commands[i]->run();
        return 0;
    } catch (const coterm::ExitStatus& e) {
        return e.code;
    } catch (const coterm::UsageError& e) {
        coterm::cli::clear_progress();
        std::cerr << "coterm: error: " << coterm::redact_secrets(e.what()) << '\n';
        return 2;
    } catch (const std::exception& e) {
        coterm::cli::clear_progress();
        std::cerr << "coterm: error: " << coterm::redact_secrets(e.what()) << '\n';
        return 1;
    }
}

int main(int argc, char** argv)
{
    // Before any layer is read: reprojections then find PROJ's earlier answers.
    coterm::io::install_operation_cache();
    const int status = run_cli(argc, argv);
    // A transformation still being prepared on its own thread (an early error can end
    // the command first) must finish before exit destroys PROJ's static objects.
    coterm::wait_for_prepared_reprojectors();
    return status;
}
