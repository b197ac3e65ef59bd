// SPDX-License-Identifier: MIT
#include "io/text_file.hpp"

#include "core/errors.hpp"

#include <filesystem>
#include <fstream>
#include <vector>

namespace coterm::io {

std::string read_text_file(const std::string& given)
{
    // "-" is standard input, read whole like any pipe.
    const std::string path = given == "-" ? std::string("/dev/stdin") : given;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw DataError("cannot read '" + path + "': it is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError("cannot open '" + path + "': no such file or not readable");
    // Read in blocks until the end, without asking for the size: a pipe or process
    // substitution (--data <(zcat values.csv.gz)) has none.
    std::string text;
    std::vector<char> block(1 << 16);
    while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0)
        text.append(block.data(), static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw DataError("cannot read '" + path + "': read error");
    return text;
}

} // namespace coterm::io
