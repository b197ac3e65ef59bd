// SPDX-License-Identifier: MIT
#include "io/atomic_file.hpp"

#include "core/errors.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace coterm::io {

void write_output(const std::string& path, std::string_view content)
{
    if (path.empty() || path == "-") {
        std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
        std::cout.flush();
        if (!std::cout) throw DataError("cannot write to standard output");
        return;
    }
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder))
        throw DataError("cannot write '" + path + "': folder " + folder.string() + " does not exist");
    const fs::path temp = folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw DataError("cannot write '" + path + "': " + std::strerror(errno));
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            fs::remove(temp, ignored);
            throw DataError("cannot write '" + path + "': write failed (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw DataError("cannot write '" + path + "': " + ec.message());
    }
}

} // namespace coterm::io
