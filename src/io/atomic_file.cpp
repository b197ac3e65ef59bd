// SPDX-License-Identifier: MIT
#include "io/atomic_file.hpp"

#include "core/errors.hpp"
#include "io/temp_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <mutex>
#include <vector>

namespace coterm::io {
namespace {

namespace fs = std::filesystem;

std::mutex inputs_mutex;
std::vector<std::string> inputs; // guarded by inputs_mutex

std::vector<std::string> inputs_so_far()
{
    std::lock_guard lock(inputs_mutex);
    return inputs;
}

/// Writes all of `content` to `fd`; false (errno set) on failure.
bool write_all(int fd, std::string_view content)
{
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string errno_text()
{
    return errno == EFBIG ? "file too large (file size limit reached)" : std::strerror(errno);
}

void write_stream(const std::string& path, const fs::path& real, std::string_view content)
{
    const int fd = ::open(real.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw DataError("cannot write '" + path + "': " + errno_text());
    const bool ok = write_all(fd, content);
    const std::string why = ok ? "" : errno_text();
    ::close(fd);
    if (!ok) throw DataError("cannot write '" + path + "': " + why);
}

} // namespace

void note_input(const std::string& path)
{
    std::lock_guard lock(inputs_mutex);
    inputs.push_back(path);
}

bool is_input(const fs::path& path)
{
    for (const auto& input : inputs_so_far()) {
        std::error_code ec;
        if (fs::equivalent(path, input, ec) && !ec) return true;
    }
    return false;
}

bool holds_input(const fs::path& folder)
{
    std::error_code ec;
    const fs::path base = fs::canonical(folder, ec);
    if (ec) return false;
    for (const auto& input : inputs_so_far()) {
        if (!fs::exists(input, ec)) continue; // a connection string or URL is in no folder
        const fs::path p = fs::weakly_canonical(input, ec);
        if (ec) continue;
        if (std::mismatch(base.begin(), base.end(), p.begin(), p.end()).first == base.end()) return true;
    }
    return false;
}

fs::path resolve_output_path(const fs::path& path)
{
    fs::path p = path;
    for (int depth = 0; depth < 40; ++depth) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(p, ec))) return p;
        const fs::path target = fs::read_symlink(p, ec);
        if (ec) throw DataError("cannot write '" + path.string() + "': " + ec.message());
        p = target.is_absolute() ? target : folder_of(p) / target;
    }
    throw DataError("cannot write '" + path.string() + "': too many levels of symbolic links");
}

OutputKind check_output(const std::string& path, const OutputPolicy& policy)
{
    if (path.empty() || path == "-") return OutputKind::standard_output;
    const fs::path real = resolve_output_path(path);
    std::error_code ec;
    const fs::file_status status = fs::status(real, ec);
    if (fs::exists(status) && is_input(real))
        throw UsageError("'" + path + "' is one of this command's inputs; choose another output file");
    switch (status.type()) {
    case fs::file_type::not_found:
        if (!fs::is_directory(folder_of(real)))
            throw DataError("cannot write '" + path + "': folder " + folder_of(real).string() + " does not exist");
        return OutputKind::new_file;
    case fs::file_type::regular:
        if (!policy.overwrite)
            throw UsageError("'" + path + "' exists; give --overwrite to replace it, or choose another output file");
        return OutputKind::existing_file;
    case fs::file_type::character:
    case fs::file_type::fifo:
        return OutputKind::stream;
    case fs::file_type::directory:
        throw UsageError("'" + path + "' is a folder; give a file name for the output");
    default:
        throw UsageError("'" + path + "' is not a regular file, a character device or a FIFO; choose another output");
    }
}

void write_output(const std::string& path, std::string_view content, const OutputPolicy& policy)
{
    const OutputKind kind = check_output(path, policy);
    if (kind == OutputKind::standard_output) {
        std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
        std::cout.flush();
        if (!std::cout) throw DataError("cannot write to standard output");
        return;
    }
    const fs::path real = resolve_output_path(path);
    if (kind == OutputKind::stream) return write_stream(path, real, content);

    const fs::path folder = folder_of(real);
    TempFile temp = reserve_output_temp(folder, real.filename().string());
    auto fail = [&](const std::string& why) {
        if (temp.fd >= 0) ::close(temp.fd);
        remove_temp(temp.path);
        throw DataError("cannot write '" + path + "': " + why);
    };
    if (!write_all(temp.fd, content)) fail(errno_text());
    struct stat old {};
    if (kind == OutputKind::existing_file && ::stat(real.c_str(), &old) == 0) {
        // The replacement keeps the permissions (and, when allowed, the owner) of the
        // file it replaces, as editing the file in place would.
        if (::fchmod(temp.fd, old.st_mode & 07777) != 0) fail(errno_text());
        if (old.st_uid != ::geteuid() || old.st_gid != ::getegid()) {
            const int not_permitted = ::fchown(temp.fd, old.st_uid, old.st_gid); // then the file is ours
            (void)not_permitted;
        }
    }
    if (::fsync(temp.fd) != 0 && errno != EINVAL) fail(errno_text());
    const int fd = temp.fd;
    temp.fd = -1;
    if (::close(fd) != 0) fail(errno_text());
    try {
        move_into_place(temp.path, real, kind == OutputKind::existing_file);
    } catch (...) {
        remove_temp(temp.path);
        throw;
    }
}

void copy_output(const std::string& from, const std::string& to, const OutputPolicy& policy)
{
    const OutputKind kind = check_output(to, policy);
    if (kind == OutputKind::standard_output || kind == OutputKind::stream)
        throw UsageError("'" + to + "': a copy goes to a file");
    const fs::path real = resolve_output_path(to);
    const fs::path folder = folder_of(real);
    TempFile temp = reserve_output_temp(folder, real.filename().string());
    ::close(temp.fd);
    std::error_code ec;
    fs::copy_file(from, temp.path, fs::copy_options::overwrite_existing, ec);
    if (!ec) {
        try {
            move_into_place(temp.path, real, kind == OutputKind::existing_file);
            return;
        } catch (...) {
            remove_temp(temp.path);
            throw;
        }
    }
    remove_temp(temp.path);
    throw DataError("cannot copy '" + from + "' to '" + to + "': " + ec.message());
}

} // namespace coterm::io
