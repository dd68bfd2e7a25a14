// KeyIndex: the current rows of one dataset by key hash, in memory, for the duration of one
// import. Built from the persisted key hashes of the dataset's segments when a writer opens,
// so the import decides "new, new version or unchanged" with one probe per row instead of a
// B-tree insert per row. 12 bytes per entry, at most 80% full.
//
// A hash is not a key: Find() returns every ordinal stored under the same 64-bit hash and the
// caller compares the real key, so a collision can never merge two keys.
//
// Thread safety: one thread at a time.
#ifndef SHUJIAN_STORE_SQLITE_KEY_INDEX_H_
#define SHUJIAN_STORE_SQLITE_KEY_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shujian::store {

class KeyIndex {
 public:
  // Makes room for `entries` without growing.
  void Reserve(size_t entries);

  size_t size() const { return size_; }

  // Calls `visit(ordinal)` for each ordinal stored under `hash`, until it returns true; returns
  // a handle for Replace (or kNotFound).
  static constexpr size_t kNotFound = SIZE_MAX;
  template <typename Visit>
  size_t Find(uint64_t hash, Visit&& visit) const {
    if (size_ == 0) return kNotFound;
    for (size_t pos = Home(hash);; pos = pos + 1 == slots_.size() ? 0 : pos + 1) {
      const Slot& slot = slots_[pos];
      if (slot.ordinal_plus_one == 0) return kNotFound;
      if (slot.Hash() == hash && visit(static_cast<uint64_t>(slot.ordinal_plus_one - 1))) return pos;
    }
  }

  // Asks the processor to fetch the memory a Find of `hash` will read first.
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(hash)]);
  }

  // Adds `ordinal` under `hash`. REQUIRES: ordinal < 2^32 - 1.
  void Insert(uint64_t hash, uint64_t ordinal);
  // Points the entry `handle` (from Find) at another ordinal.
  void Replace(size_t handle, uint64_t ordinal) {
    slots_[handle].ordinal_plus_one = static_cast<uint32_t>(ordinal + 1);
  }

 private:
  struct Slot {
    uint32_t hash_low = 0;
    uint32_t hash_high = 0;
    uint32_t ordinal_plus_one = 0;  // 0: empty
    uint64_t Hash() const { return (uint64_t{hash_high} << 32) | hash_low; }
  };
  size_t Home(uint64_t hash) const {
    return static_cast<size_t>((static_cast<__uint128_t>(hash) * slots_.size()) >> 64);
  }
  void Rehash(size_t capacity);

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_KEY_INDEX_H_
