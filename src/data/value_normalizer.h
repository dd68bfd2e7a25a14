// Turns one raw value, as a user wrote it, into the stored form of its logical type, or into
// the reason it cannot be stored. This is the single place where a dataset value is judged:
// the importer calls it for every cell, and the same rules answer `shujian check`.
//
// Enum values are judged against a list the caller passes (the schema's); party_id is judged as
// an id_card or a uscc by the caller, who knows the row's party type.
//
// Thread safety: safe for concurrent use.
#ifndef SHUJIAN_DATA_VALUE_NORMALIZER_H_
#define SHUJIAN_DATA_VALUE_NORMALIZER_H_

#include <map>
#include <span>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "data/logical_type.h"

namespace shujian::data {

struct NormalizedValue {
  std::string stored;                 // the canonical form kept in the store
  std::string match_key;              // the key for matching (names, case numbers); else empty
  std::vector<std::string> warnings;  // accepted, but worth telling the user
};

struct NormalizeContext {
  Date today;                                  // bounds birth dates in ID numbers
  std::span<const std::string> enum_values;    // the allowed values of a kEnum column
  // kEnum: other accepted spellings → stored value (e.g. "1" → 一级); may be null.
  const std::map<std::string, std::string>* value_aliases = nullptr;
};

// REQUIRES: the raw value is not empty after trimming (emptiness is the caller's rule:
// required or not). kPartyId is judged as an id_card; the caller passes kUscc instead when
// the row's party is an organisation.
// Returns InvalidArgument whose message is the reason in plain Chinese.
Result<NormalizedValue> NormalizeValue(LogicalType type, std::string_view raw,
                                       const NormalizeContext& context);

// A masked ID number as published (4203**********1234): 15 or 18 characters of digits, X and
// at least one '*'. Returns the folded, upper-cased form, or nullopt.
std::optional<std::string> MaskedIdNumber(std::string_view raw);

// Parses 是/否, Y/N, true/false, 1/0 (any case). Returns InvalidArgument otherwise.
Result<bool> ParseBool(std::string_view raw);

}  // namespace shujian::data

#endif  // SHUJIAN_DATA_VALUE_NORMALIZER_H_
