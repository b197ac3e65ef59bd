// SPDX-License-Identifier: MIT
#pragma once
#include "core/table.hpp"

#include <string>
#include <vector>

namespace coterm::io {

/// One attribute of every feature of a layer.
struct AttributeValues {
    std::string field;
    bool numeric = false;     ///< an integer or real field (else text)
    std::vector<Cell> values; ///< per feature, in the order read_raw_layer reads them:
                              ///< double (real), std::int64_t (integer), string, or missing (null)
};

/// Reads field `field` of every feature of `layer_name` in `source` (empty: the only
/// layer), for colouring a map. Throws DataError for an unreadable source and
/// UsageError naming the candidates when the layer or field is not there.
AttributeValues read_attribute(const std::string& source, const std::string& layer_name, const std::string& field,
                               const std::string& label);

} // namespace coterm::io
