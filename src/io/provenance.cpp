// SPDX-License-Identifier: MIT
#include "io/provenance.hpp"

#include "core/strings.hpp"
#include "io/input_cache.hpp"

#include <algorithm>
#include <mutex>
#include <tuple>

namespace coterm::io {
namespace {

struct Recorded {
    ProvenanceInput input;
    std::string file; ///< to hash; "" when not a file
};

struct Registry {
    std::mutex mutex;
    std::string command;
    std::vector<GivenOption> options;
    std::vector<Recorded> inputs;
    std::filesystem::path data_dir; ///< weakly canonical; empty until noted
};

Registry& registry()
{
    static Registry r;
    return r;
}

/// `shown` relative to the data directory when it lies inside it.
std::string relative_to_data(const std::string& shown, const std::filesystem::path& data_dir)
{
    if (data_dir.empty() || shown.empty()) return shown;
    std::error_code ec;
    const auto full = std::filesystem::weakly_canonical(shown, ec);
    if (ec) return shown;
    const auto rel = full.lexically_relative(data_dir);
    if (rel.empty() || *rel.begin() == "..") return shown;
    return rel.generic_string();
}

} // namespace

void note_data_dir(const std::filesystem::path& data_dir)
{
    Registry& r = registry();
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(data_dir, ec);
    std::lock_guard lock(r.mutex);
    r.data_dir = ec ? data_dir : canonical;
}

void record_invocation(const std::string& command, std::vector<GivenOption> options)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    for (auto& option : options) // a connection string given as an option keeps its password out too
        for (auto& value : option.values)
            value = redact_secrets(value);
    r.command = command;
    r.options = std::move(options);
}

void record_input(const std::string& shown, const std::string& file, const std::string& layer, std::int64_t features,
                  const std::string& sha256)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    const std::string path = redact_secrets(relative_to_data(shown, r.data_dir));
    for (const auto& known : r.inputs)
        if (known.input.path == path && known.input.layer == redact_secrets(layer)) return;
    r.inputs.push_back({{path, sha256, file.empty() ? features : -1, redact_secrets(layer)}, file});
}

Provenance current_provenance()
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    Provenance p;
    p.command = r.command;
    p.options = r.options;
    for (auto& rec : r.inputs) {
        // Hashed on first demand and kept: a command writing two outputs reads each input
        // once more at most, and two layers of one file share its hash.
        if (!rec.file.empty() && rec.input.sha256.empty()) {
            for (const auto& other : r.inputs)
                if (other.file == rec.file && !other.input.sha256.empty()) rec.input.sha256 = other.input.sha256;
            if (rec.input.sha256.empty()) rec.input.sha256 = cached_file_sha256(rec.file);
        }
        p.inputs.push_back(rec.input);
    }
    std::sort(p.inputs.begin(), p.inputs.end(), [](const ProvenanceInput& a, const ProvenanceInput& b) {
        return std::tie(a.path, a.layer) < std::tie(b.path, b.layer);
    });
    return p;
}

} // namespace coterm::io
