// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace coterm::io {

/// What identifies one state of a regular file without reading it: where it is, its
/// size, its modification and change times (ns) and its inode and device. Any write
/// to the file, a replacement (rename, copy) or `touch` changes at least one of them.
struct FileStamp {
    std::string path; ///< canonical (absolute, links resolved)
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    bool operator==(const FileStamp&) const = default;
};

/// The stamp of a regular file; nullopt for anything else (a folder, a device, a
/// connection string, a missing file).
std::optional<FileStamp> stamp_file(const std::string& path);

/// SHA-256 of the file's bytes (64 lowercase hex digits), as io::file_sha256, but
/// reused from coterm's cache folder (io::resolve_cache_dir, `inputs/`) when the file's
/// stamp equals the one recorded when it was hashed; otherwise hashed and recorded.
/// A hash is recorded only when the file was not modified in the 2 s before it was
/// hashed nor while it was hashed (a file still being written may change within one
/// tick of the file system's clock, with an unchanged stamp). The cache is best effort:
/// an entry that is missing, unreadable or malformed is a miss, and a cache folder that
/// cannot be written never fails the run. Throws DataError when the file cannot be read.
std::string cached_file_sha256(const std::string& path);

/// The CRS definition ("EPSG:n" or WKT) read from layer `layer` ("" = the only layer)
/// of file `path` by an earlier run, while the file's stamp is unchanged; "" when
/// unknown. A hint (io::load_layer prepares the reprojection with it before the file
/// is opened): the CRS used is always the one read from the file.
std::string cached_layer_crs(const std::string& path, const std::string& layer);

/// Records the CRS read from `layer` of file `path` for cached_layer_crs (best effort,
/// as above; written only when it differs from what is recorded).
void remember_layer_crs(const std::string& path, const std::string& layer, const std::string& crs);

} // namespace coterm::io
