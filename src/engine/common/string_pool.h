// StringPool: every distinct string of a model run, stored once and named by a 32-bit code.
//
// Columns hold codes, never strings, so a join or a group-by on names, ID numbers or case
// numbers works on integers. The pool is shared by all datasets of a run: the same ID number in
// admin_case and criminal_case has the same code, and equality of codes is equality of strings.
// Equality "as the law matches them" (a case number on its normalised form, a name on its
// matching form) goes through MatchCode, which maps a code to the code of its matching form
// once per distinct string. Other per-string derived values (pinyin, company-name form) are
// memoised the same way through Memo.
//
// The pool never forgets a string during a run; its memory is the run's distinct text.
//
// Thread safety: not thread-safe; one run uses its pool from one thread at a time (Hash is a
// pure function and may be called from any thread).
#ifndef SHUJIAN_ENGINE_COMMON_STRING_POOL_H_
#define SHUJIAN_ENGINE_COMMON_STRING_POOL_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/value_type.h"

namespace shujian::engine {

class StringPool {
 public:
  // Marks an entry of a memo table that has not been computed yet.
  static constexpr uint32_t kUnset = 0xFFFFFFFFu;

  StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  // The code of `text`, adding it if new.
  uint32_t Intern(std::string_view text);
  // codes[i] = Intern(texts[i]) for every i, faster for many strings: the hashes are computed
  // first and each string's slot is fetched from memory while earlier strings are interned.
  void InternBatch(std::span<const std::string_view> texts, uint32_t* codes);
  // The same with hashes[i] == Hash(texts[i]) computed beforehand (e.g. on another thread).
  void InternBatch(std::span<const std::string_view> texts, const uint32_t* hashes, uint32_t* codes);
  // The hash the pool files `text` under. A pure function: safe on any thread.
  static uint32_t Hash(std::string_view text);
  // The code of `text` if present.
  bool Find(std::string_view text, uint32_t* code) const;
  // The string of `code`. REQUIRES: code < size(). The view lives as long as the pool.
  std::string_view Get(uint32_t code) const {
    uint64_t entry = entries_[code];
    return std::string_view(blocks_[entry >> 44].get() + ((entry >> 24) & 0xFFFFF), entry & 0xFFFFFF);
  }
  size_t size() const { return entries_.size(); }

  // The code of the matching form of `code` under `kind` (itself for kExact).
  uint32_t MatchCode(uint32_t code, MatchKind kind);

  // A memo table for a derived string function, indexed by code, entries kUnset until
  // computed. `slot` names the function (see function/string_functions.h). The table grows
  // with the pool; callers resize it with EnsureMemoSize before indexing.
  std::vector<uint32_t>& Memo(int slot);
  void EnsureMemoSize(std::vector<uint32_t>* memo) const {
    if (memo->size() < entries_.size()) memo->resize(entries_.size(), kUnset);
  }

  // Bytes held (strings, index and memo tables), for explain and benchmarks.
  size_t MemoryBytes() const;

 private:
  void Grow();
  // Copies `text` into the blocks; returns its entry: block (20 bits), offset (20), length (24).
  uint64_t Store(std::string_view text);

  std::vector<uint64_t> entries_;              // code → where its bytes are in blocks_
  // Open addressing: (hash << 32) | (code + 1), 0 = empty. The hash beside the code lets a
  // probe reject other strings without touching their entries or bytes.
  std::vector<uint64_t> slots_;
  std::vector<std::unique_ptr<char[]>> blocks_;  // string storage, never moved
  size_t block_used_ = 0;
  size_t block_size_ = 0;
  size_t stored_bytes_ = 0;
  std::vector<std::vector<uint32_t>> memos_;   // slot → memo table
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_COMMON_STRING_POOL_H_
