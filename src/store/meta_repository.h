// MetaRepository: database-wide settings and identity, as text keys and values (the
// database's id, when and by which version it was created). Not for business data.
//
// Thread safety: used through its Transaction, by one thread at a time.
#ifndef SHUJIAN_STORE_META_REPOSITORY_H_
#define SHUJIAN_STORE_META_REPOSITORY_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace shujian::store {

class MetaRepository {
 public:
  virtual ~MetaRepository() = default;

  // The value stored under `key`, or nullopt when there is none.
  virtual Result<std::optional<std::string>> Get(std::string_view key) = 0;
  // Stores `value` under `key`, replacing any previous value.
  virtual Status Put(std::string_view key, std::string_view value) = 0;
};

// Keys in use.
inline constexpr std::string_view kMetaDatabaseId = "database_id";
inline constexpr std::string_view kMetaCreatedAt = "created_at";
inline constexpr std::string_view kMetaCreatedBy = "created_by";

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_META_REPOSITORY_H_
