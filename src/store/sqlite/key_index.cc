#include "store/sqlite/key_index.h"

namespace shujian::store {

void KeyIndex::Reserve(size_t entries) {
  size_t capacity = entries + entries / 4 + 16;
  if (capacity > slots_.size()) Rehash(capacity);
}

void KeyIndex::Insert(uint64_t hash, uint64_t ordinal) {
  if ((size_ + 1) * 5 > slots_.size() * 4) Rehash(slots_.size() < 1024 ? 2048 : slots_.size() * 2);
  for (size_t pos = Home(hash);; pos = pos + 1 == slots_.size() ? 0 : pos + 1) {
    Slot& slot = slots_[pos];
    if (slot.ordinal_plus_one == 0) {
      slot.hash_low = static_cast<uint32_t>(hash);
      slot.hash_high = static_cast<uint32_t>(hash >> 32);
      slot.ordinal_plus_one = static_cast<uint32_t>(ordinal + 1);
      ++size_;
      return;
    }
  }
}

void KeyIndex::Rehash(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  size_ = 0;
  for (const Slot& slot : old) {
    if (slot.ordinal_plus_one != 0) Insert(slot.Hash(), slot.ordinal_plus_one - 1);
  }
}

}  // namespace shujian::store
