// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace coterm::io {

/// One option as given on the command line (docs/formats.md, Provenance).
struct GivenOption {
    std::string name;                ///< "--min-share", or a positional's name ("A")
    std::vector<std::string> values; ///< as typed; a flag gives "true"
};

/// One input as outputs name it.
struct ProvenanceInput {
    std::string path;           ///< as given (catalogue files: relative to the data directory); secrets redacted
    std::string sha256;         ///< of the file's bytes; "" for a database or a stream
    std::int64_t features = -1; ///< feature count of a database or stream layer; -1 for a file
    std::string layer;          ///< catalogue id or layer name read, "" when not a layer
};

/// What produced an output: the command, its options and its inputs.
struct Provenance {
    std::string command; ///< "" until the CLI records one (then no provenance is written)
    std::vector<GivenOption> options;
    std::vector<ProvenanceInput> inputs; ///< sorted by path, then layer: the same whatever the thread order
};

/// Records the command and the options that shape its results; called once by the CLI
/// after parsing. Thread-safe.
void record_invocation(const std::string& command, std::vector<GivenOption> options);

/// Records an input read by this process, named `shown` (made relative to the data
/// directory when inside it; passwords redacted). `file` is the file to hash (hashed once, when
/// an output asks); "" for a database or standard input, when `features` counts it.
/// `sha256`, when known already (a stream read whole), is used as is. Thread-safe; an
/// input recorded twice (same path and layer) is kept once.
void record_input(const std::string& shown, const std::string& file, const std::string& layer,
                  std::int64_t features = -1, const std::string& sha256 = "");

/// Notes the data directory, so inputs inside it are named relative to it
/// ("boundaries/boundaries_ltla24.gpkg"), never by a machine's absolute path.
void note_data_dir(const std::filesystem::path& data_dir);

/// The provenance so far, files hashed (DataError when a recorded file cannot be read).
Provenance current_provenance();

} // namespace coterm::io
