// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include "core/reproject.hpp"
#include "core/versions.hpp"
#include "io/gdal_version.hpp"

namespace coterm::cli {

std::unique_ptr<Command> make_overlap_command();
std::unique_ptr<Command> make_apportion_command();
std::unique_ptr<Command> make_score_command();
std::unique_ptr<Command> make_layers_command();
std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_data_command();
std::unique_ptr<Command> make_footprint_command();
std::unique_ptr<Command> make_run_command();
std::unique_ptr<Command> make_map_command();
std::unique_ptr<Command> make_propose_command();
std::unique_ptr<Command> make_compare_command();
std::unique_ptr<Command> make_diff_command();
std::unique_ptr<Command> make_help_command();

std::vector<std::unique_ptr<Command>> make_commands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(make_overlap_command());
    commands.push_back(make_apportion_command());
    commands.push_back(make_footprint_command());
    commands.push_back(make_run_command());
    commands.push_back(make_map_command());
    commands.push_back(make_propose_command());
    commands.push_back(make_compare_command());
    commands.push_back(make_diff_command());
    commands.push_back(make_score_command());
    commands.push_back(make_layers_command());
    commands.push_back(make_validate_command());
    commands.push_back(make_data_command());
    commands.push_back(make_help_command());
    return commands;
}

std::string version_text()
{
    return "coterm " + coterm_version() + "\nGDAL " + io::gdal_version() + ", GEOS " + geos_version() + ", PROJ " +
           proj_version();
}

} // namespace coterm::cli
