#include "engine/common/string_pool.h"

#include <cstring>

#include "core/case_number.h"
#include "core/name_normalize.h"

namespace shujian::engine {
namespace {

constexpr size_t kBlockBytes = 1 << 20;  // offsets in an entry have 20 bits
constexpr int kMatchNameSlot = 0;
constexpr int kMatchCaseNoSlot = 1;
constexpr int kFirstUserSlot = 2;

// FNV-1a over 8 bytes at a time, finished with a multiply-xorshift; good enough for interning
// and fast on the short strings of this domain (IDs, names, case numbers).
uint32_t HashBytes(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ull ^ text.size();
  size_t pos = 0;
  while (pos + 8 <= text.size()) {
    uint64_t word;
    std::memcpy(&word, text.data() + pos, 8);
    hash = (hash ^ word) * 0x100000001b3ull;
    hash ^= hash >> 29;
    pos += 8;
  }
  while (pos < text.size()) {
    hash = (hash ^ static_cast<unsigned char>(text[pos++])) * 0x100000001b3ull;
  }
  hash ^= hash >> 32;
  hash *= 0x9E3779B97F4A7C15ull;
  return static_cast<uint32_t>(hash >> 32);
}

}  // namespace

StringPool::StringPool() : slots_(1024, 0), memos_(kFirstUserSlot) {
  blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
  block_size_ = kBlockBytes;
}

uint64_t StringPool::Store(std::string_view text) {
  // Strings longer than 16 MiB do not occur in datasets; they are cut rather than break the
  // entry layout.
  size_t length = std::min<size_t>(text.size(), 0xFFFFFF);
  if (length == 0) return 0;  // block 0, offset 0, no bytes
  if (block_size_ - block_used_ < length || length > kBlockBytes) {
    size_t size = std::max(kBlockBytes, length);
    blocks_.push_back(std::make_unique<char[]>(size));
    block_size_ = size;
    block_used_ = 0;
  }
  uint64_t block = blocks_.size() - 1;
  uint64_t offset = block_used_;
  if (length > 0) std::memcpy(blocks_.back().get() + block_used_, text.data(), length);
  block_used_ += length;
  stored_bytes_ += length;
  if (length > kBlockBytes) block_used_ = block_size_;  // a block of its own: offset 0, full
  return (block << 44) | (offset << 24) | length;
}

void StringPool::Grow() {
  std::vector<uint64_t> slots(slots_.size() * 2, 0);
  size_t mask = slots.size() - 1;
  for (uint64_t entry : slots_) {
    if (entry == 0) continue;
    size_t slot = (entry >> 32) & mask;
    while (slots[slot] != 0) slot = (slot + 1) & mask;
    slots[slot] = entry;
  }
  slots_.swap(slots);
}

bool StringPool::Find(std::string_view text, uint32_t* code) const {
  uint32_t hash = HashBytes(text);
  size_t mask = slots_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    uint64_t entry = slots_[slot];
    if (entry == 0) return false;
    if ((entry >> 32) == hash && Get(static_cast<uint32_t>(entry) - 1) == text) {
      *code = static_cast<uint32_t>(entry) - 1;
      return true;
    }
  }
}

uint32_t StringPool::Intern(std::string_view text) {
  uint32_t hash = HashBytes(text);
  size_t mask = slots_.size() - 1;
  size_t slot = hash & mask;
  for (;; slot = (slot + 1) & mask) {
    uint64_t entry = slots_[slot];
    if (entry == 0) break;
    if ((entry >> 32) == hash && Get(static_cast<uint32_t>(entry) - 1) == text) {
      return static_cast<uint32_t>(entry) - 1;
    }
  }
  uint32_t code = static_cast<uint32_t>(entries_.size());
  entries_.push_back(Store(text));
  slots_[slot] = (static_cast<uint64_t>(hash) << 32) | (code + 1);
  if (entries_.size() * 2 > slots_.size()) Grow();
  return code;
}

uint32_t StringPool::Hash(std::string_view text) { return HashBytes(text); }

void StringPool::InternBatch(std::span<const std::string_view> texts, uint32_t* codes) {
  std::vector<uint32_t> hashes(texts.size());
  for (size_t index = 0; index < texts.size(); ++index) hashes[index] = HashBytes(texts[index]);
  InternBatch(texts, hashes.data(), codes);
}

void StringPool::InternBatch(std::span<const std::string_view> texts, const uint32_t* hashes,
                             uint32_t* codes) {
  // Three strings' worth of memory in flight per step: the slot of a string 12 ahead, the
  // entry that slot names 8 ahead, and that entry's bytes 4 ahead.
  constexpr size_t kSlotAhead = 12, kEntryAhead = 8, kBytesAhead = 4;
  const size_t count = texts.size();
  auto first_entry = [&](size_t index) { return slots_[hashes[index] & (slots_.size() - 1)]; };
  for (size_t index = 0; index < count; ++index) {
    if (index + kSlotAhead < count) __builtin_prefetch(slots_.data() + (hashes[index + kSlotAhead] & (slots_.size() - 1)));
    if (index + kEntryAhead < count) {
      if (uint64_t entry = first_entry(index + kEntryAhead); entry != 0) {
        __builtin_prefetch(entries_.data() + (static_cast<uint32_t>(entry) - 1));
      }
    }
    if (index + kBytesAhead < count) {
      if (uint64_t entry = first_entry(index + kBytesAhead); entry != 0) {
        uint64_t where = entries_[static_cast<uint32_t>(entry) - 1];
        __builtin_prefetch(blocks_[where >> 44].get() + ((where >> 24) & 0xFFFFF));
      }
    }
    const std::string_view text = texts[index];
    const uint32_t hash = hashes[index];
    const size_t mask = slots_.size() - 1;
    size_t slot = hash & mask;
    uint32_t code = kUnset;
    for (;; slot = (slot + 1) & mask) {
      uint64_t entry = slots_[slot];
      if (entry == 0) break;
      if ((entry >> 32) == hash && Get(static_cast<uint32_t>(entry) - 1) == text) {
        code = static_cast<uint32_t>(entry) - 1;
        break;
      }
    }
    if (code == kUnset) {
      code = static_cast<uint32_t>(entries_.size());
      entries_.push_back(Store(text));
      slots_[slot] = (static_cast<uint64_t>(hash) << 32) | (code + 1);
      if (entries_.size() * 2 > slots_.size()) Grow();
    }
    codes[index] = code;
  }
}

uint32_t StringPool::MatchCode(uint32_t code, MatchKind kind) {
  if (kind == MatchKind::kExact) return code;
  std::vector<uint32_t>& memo = memos_[kind == MatchKind::kName ? kMatchNameSlot : kMatchCaseNoSlot];
  if (memo.size() <= code) memo.resize(entries_.size(), kUnset);
  uint32_t cached = memo[code];
  if (cached != kUnset) return cached;
  std::string form = kind == MatchKind::kName ? NormalizeNameForMatching(Get(code))
                                              : NormalizeCaseNumber(Get(code));
  uint32_t result = Intern(form);
  // Intern may have grown the pool but not the memo; index again through the vector.
  std::vector<uint32_t>& table = memos_[kind == MatchKind::kName ? kMatchNameSlot : kMatchCaseNoSlot];
  if (table.size() <= code) table.resize(entries_.size(), kUnset);
  table[code] = result;
  return result;
}

std::vector<uint32_t>& StringPool::Memo(int slot) {
  size_t index = kFirstUserSlot + static_cast<size_t>(slot);
  if (memos_.size() <= index) memos_.resize(index + 1);
  return memos_[index];
}

size_t StringPool::MemoryBytes() const {
  size_t bytes = blocks_.size() * kBlockBytes + entries_.capacity() * sizeof(uint64_t) +
                 slots_.capacity() * sizeof(uint64_t);
  for (const auto& memo : memos_) bytes += memo.capacity() * 4;
  return bytes;
}

}  // namespace shujian::engine
