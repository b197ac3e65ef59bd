// SPDX-License-Identifier: MIT
// The two examples each --help ends with. Every one is a whole command line that works on
// the shipped catalogue and queries with the ONS data in place (the realdata test
// cli.examples runs each in a temporary folder, with ons-mirror linked to the data).
#include "cli/help.hpp"

#include <map>

namespace coterm::cli {
namespace {

const std::map<std::string, std::vector<std::string>>& example_table()
{
    static const std::map<std::string, std::vector<std::string>> table{
        {"coterm", {"coterm layers", "coterm overlap ltla24 icb24 -o lad_icb.csv"}},
        {"coterm overlap",
         {"coterm overlap ltla24 icb24 --format json -o lad_icb.json",
          "coterm overlap ltla24 icb24 --weight population -o lad_icb_population.csv"}},
        {"coterm apportion",
         {"coterm apportion --data stats/life_expectancy_lad.csv --var life_expectancy_at_birth_female "
          "--period 2021-23 --intensive life_expectancy_at_birth_female --from ltla24 --to icb24 -o le_icb.csv",
          "coterm apportion --data stats/gp_practice_payments_2022_23.csv --points --value-column "
          "total_payments_gbp --to icb24 -o gp_payments_icb.csv"}},
        {"coterm footprint",
         {"coterm footprint --blocks ltla24 --by cauth23 --rest utla23 -o tiers.gpkg",
          "coterm footprint --blocks ltla24 --by cauth23 --format csv -o cauth23_footprints.csv"}},
        {"coterm run",
         {"coterm run queries/police-fire-alignment.toml --out police-fire",
          "coterm run queries/status-quo-icbs.toml --out status-quo"}},
        {"coterm map", {"coterm map icb24 -o icb24.png", "coterm map ltla24 --outline icb24 -o ltla24.svg"}},
        {"coterm propose",
         {"coterm propose --blocks ltla24 --count 39 --split-layers pfa24 -o pfa-footprints",
          "coterm propose --blocks ltla24 --count 50 --nest-in icb24 --split-layers pfa24 --effort 8 -o nested"}},
        {"coterm score",
         {"coterm score ltla24 icb24 --format text -o lad_icb_score.txt",
          "coterm score --scorecard ltla24 utla23 icb24 pfa24 fra24 cauth23 -o scorecard"}},
        {"coterm layers", {"coterm layers icb24", "coterm layers --format csv -o layers.csv"}},
        {"coterm validate",
         {"coterm validate fra24 -o fra24_checks.txt",
          "coterm validate icb24 --against ltla24 --format json -o icb24_checks.json"}},
        {"coterm data",
         {"coterm data fetch ltla24 --mirror ons-mirror --data coterm-data",
          "coterm data fetch icb24 pfa24 --mirror ons-mirror --data coterm-data"}},
        {"coterm help", {"coterm help overlap", "coterm help data fetch"}},
        {"coterm compare",
         {"coterm compare queries/options-health-devolution.toml -o options",
          "coterm compare queries/status-quo-icbs.toml queries/mayoral-areas.toml -o mayoral-vs-icbs"}},
        {"coterm diff",
         {"coterm diff ltla22 ltla24 -o districts-2022-2024",
          "coterm diff ltla22 ltla24 --compare icb24 utla23 -o districts-and-icbs"}},
    };
    return table;
}

} // namespace

void add_all_examples(CLI::App& app)
{
    const auto& table = example_table();
    // A subcommand's subcommand (data fetch) shares its parent's examples.
    auto it = table.find(command_path(app));
    if (it == table.end() && app.get_parent()) it = table.find(command_path(*app.get_parent()));
    if (it != table.end())
        add_examples(app, it->second, !app.get_parent() || app.get_parent()->get_parent() == nullptr);
    for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        add_all_examples(*sub);
}

} // namespace coterm::cli
