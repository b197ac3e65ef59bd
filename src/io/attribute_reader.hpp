// SPDX-License-Identifier: MIT
#pragma once
#include "core/table.hpp"
#include "io/layer_reader.hpp"

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

/// Reads field `field` of every feature of the layer `options` selects in `source`, for
/// colouring a map: its layer_name (empty: the only layer), sql and where are applied as
/// read_raw_layer applies them, so the values line up with read_raw_layer's features.
/// Throws DataError for an unreadable source and UsageError naming the candidates when
/// the layer or field is not there, or naming the option when the filter is refused.
AttributeValues read_attribute(const std::string& source, const ReadOptions& options, const std::string& field,
                               const std::string& label);

} // namespace coterm::io
