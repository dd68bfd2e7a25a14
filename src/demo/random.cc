#include "demo/random.h"

namespace shujian::demo {

__extension__ typedef unsigned __int128 Uint128;  // GCC and clang; for exact 64x64 products

uint64_t Random::Next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t Random::Below(uint64_t bound) {
  // Lemire's multiply-shift with rejection: unbiased and the same everywhere.
  while (true) {
    Uint128 product = static_cast<Uint128>(Next()) * bound;
    uint64_t low = static_cast<uint64_t>(product);
    if (low >= bound || low >= (0 - bound) % bound) return static_cast<uint64_t>(product >> 64);
  }
}

int64_t Random::Between(int64_t low, int64_t high) {
  return low + static_cast<int64_t>(Below(static_cast<uint64_t>(high - low) + 1));
}

bool Random::Chance(int per_mille) { return Below(1000) < static_cast<uint64_t>(per_mille); }

Random Random::Fork(std::string_view part) const {
  uint64_t hash = 0xCBF29CE484222325ULL;  // FNV-1a of the part's name, mixed with the seed
  for (char c : part) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;
  }
  Random forked(state_ ^ hash);
  forked.Next();
  return forked;
}

}  // namespace shujian::demo
