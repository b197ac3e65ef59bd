// SPDX-License-Identifier: MIT
// Which temporaries a later run removes: those of processes that are gone, including
// zombies (killed, never reaped: a container's PID 1 may not reap orphans, as in CI,
// where `timeout -s KILL` kills coterm with its parent).
#include "fixtures.hpp"
#include "io/temp_files.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace coterm;
namespace fs = std::filesystem;

namespace {

fs::path temp_of(const fs::path& folder, pid_t pid)
{
    const fs::path p = folder / (std::string(io::temp_prefix) + std::to_string(pid) + "-0123456789abcdef-out.csv");
    std::ofstream(p) << "partial";
    return p;
}

} // namespace

TEST_CASE("A killed process's temporary is removed, whether reaped or still a zombie; a live one's is kept")
{
    const fs::path folder = fs::path(test::write_temp("stale/keep.txt", "")).parent_path();
    fs::create_directories(folder);

    const pid_t zombie = ::fork();
    REQUIRE(zombie >= 0);
    if (zombie == 0) ::_exit(0);
    // Not reaped yet: a zombie once it has exited.
    for (int i = 0; i < 200 && !fs::exists("/proc/" + std::to_string(zombie) + "/stat"); ++i)
        ::usleep(1000);
    ::usleep(50000);
    const fs::path of_zombie = temp_of(folder, zombie);
    const fs::path of_live = temp_of(folder, ::getppid()); // whoever started the tests: alive
    const fs::path of_self = temp_of(folder, ::getpid());   // this process: never stale

    io::remove_stale_temps(folder, "");
    CHECK_FALSE(fs::exists(of_zombie));
    CHECK(fs::exists(of_live));
    CHECK(fs::exists(of_self));

    int status = 0;
    REQUIRE(::waitpid(zombie, &status, 0) == zombie); // reaped: gone altogether
    const fs::path of_gone = temp_of(folder, zombie);
    io::remove_stale_temps(folder, "");
    CHECK_FALSE(fs::exists(of_gone));
    CHECK(fs::exists(folder / "keep.txt")); // not a temporary: never touched
    fs::remove(of_live);
    fs::remove(of_self);
}
