// SPDX-License-Identifier: MIT
#include "io/temp_files.hpp"

#include "core/errors.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

namespace coterm::io {
namespace {

namespace fs = std::filesystem;

/// `.coterm-tmp-<pid>-<16 hex digits>-<name>`; the random part differs per call.
std::string temp_name(const std::string& name)
{
    static std::atomic<std::uint64_t> counter{std::random_device{}()};
    static const std::uint64_t seed = (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
    std::uint64_t x = seed + 0x9E3779B97F4A7C15ull * ++counter; // splitmix64
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(x));
    // Keep the whole name within NAME_MAX (255) whatever the output's name.
    return std::string(temp_prefix) + std::to_string(::getpid()) + "-" + hex + "-" + name.substr(0, 180);
}

/// The pid in a temporary's name, or 0 when the name is not one of ours.
pid_t pid_of_temp(const std::string& file)
{
    if (!file.starts_with(temp_prefix)) return 0;
    const std::size_t start = std::strlen(temp_prefix), dash = file.find('-', start);
    if (dash == std::string::npos || dash == start || dash - start > 9) return 0;
    pid_t pid = 0;
    for (std::size_t i = start; i < dash; ++i) {
        if (file[i] < '0' || file[i] > '9') return 0;
        pid = pid * 10 + (file[i] - '0');
    }
    return pid;
}

/// True for a zombie: killed, not yet reaped. A process killed together with its parent
/// (`timeout -s KILL` signals its whole group) is reparented to PID 1, and a PID 1 that
/// does not reap (a container's own, as in CI) keeps it a zombie for good; it can write
/// nothing, so its temporaries are stale. Linux: the state after the name in
/// /proc/<pid>/stat.
bool zombie(pid_t pid)
{
    std::FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
    if (!f) return false;
    char buf[512];
    const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    buf[n] = '\0';
    const char* close = std::strrchr(buf, ')'); // the name may hold spaces and ')'
    return close && close[1] == ' ' && (close[2] == 'Z' || close[2] == 'X');
}

bool process_gone(pid_t pid)
{
    if (pid <= 0 || pid == ::getpid()) return false;
    if (::kill(pid, 0) == -1) return errno == ESRCH;
    return zombie(pid);
}

} // namespace

fs::path folder_of(const fs::path& path)
{
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

TempFile create_temp_file(const fs::path& folder, const std::string& name)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path path = folder / temp_name(name);
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) return {path, fd};
        if (errno != EEXIST) throw DataError("cannot write in " + folder.string() + ": " + std::strerror(errno));
    }
    throw DataError("cannot write in " + folder.string() + ": no free temporary name");
}

fs::path create_temp_folder(const fs::path& folder, const std::string& name)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path path = folder / temp_name(name);
        if (::mkdir(path.c_str(), 0777) == 0) return path;
        if (errno != EEXIST) throw DataError("cannot write in " + folder.string() + ": " + std::strerror(errno));
    }
    throw DataError("cannot write in " + folder.string() + ": no free temporary name");
}

TempFile reserve_output_temp(const fs::path& folder, const std::string& name)
{
    remove_stale_temps(folder, "");
    return create_temp_file(folder, name);
}

void remove_stale_temps(const fs::path& folder, const std::string& marker)
{
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        if (!process_gone(pid_of_temp(file))) continue;
        std::error_code ignored;
        const auto status = it->symlink_status(ignored);
        if (fs::is_regular_file(status)) {
            fs::remove(it->path(), ignored);
        } else if (fs::is_directory(status)) {
            // A folder is ours when it carries the run marker (written first) or holds
            // nothing but temporaries (killed before the marker was in place); a folder
            // of anything else is not touched.
            bool ours = !marker.empty() && fs::is_regular_file(it->path() / marker, ignored);
            if (!ours) {
                ours = true;
                for (fs::directory_iterator in(it->path(), ignored), stop; !ignored && in != stop;
                     in.increment(ignored))
                    ours = ours && in->path().filename().string().starts_with(temp_prefix);
                ours = ours && !ignored;
            }
            if (ours) remove_marked_folder(it->path(), marker);
        }
    }
}

void remove_marked_folder(const fs::path& folder, const std::string& marker)
{
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename() != marker) fs::remove_all(it->path(), ec);
    std::error_code ignored;
    fs::remove_all(folder, ignored); // the marker, then the folder
}

void remove_temp(const fs::path& temp)
{
    std::error_code ignored;
    fs::remove_all(temp, ignored);
}

void move_into_place(const fs::path& temp, const fs::path& target, bool replace)
{
    if (replace) {
        if (std::rename(temp.c_str(), target.c_str()) == 0) return;
        throw DataError("cannot write '" + target.string() + "': " + std::strerror(errno));
    }
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) return;
    int err = errno;
    if (err == EINVAL || err == ENOSYS) {
        // File systems without RENAME_NOREPLACE: link() fails on an existing name too.
        // (Folders cannot be linked; they only come here on such file systems.)
        if (::link(temp.c_str(), target.c_str()) == 0) {
            ::unlink(temp.c_str());
            return;
        }
        err = errno;
        if (err == EPERM && fs::is_directory(temp) && !fs::exists(target)) {
            if (std::rename(temp.c_str(), target.c_str()) == 0) return;
            err = errno;
        }
    }
    if (err == EEXIST || err == ENOTEMPTY)
        throw DataError("cannot write '" + target.string() + "': it appeared while coterm was writing; not replaced");
    throw DataError("cannot write '" + target.string() + "': " + std::strerror(err));
}

} // namespace coterm::io
