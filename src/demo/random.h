// A small deterministic random number generator for the demonstration city.
//
// The same seed gives the same city on every machine and compiler: the standard library's
// distributions are implementation-defined, so this uses SplitMix64 and its own bounded
// integers instead.
//
// Thread safety: a Random is used by one thread.
#ifndef SHUJIAN_DEMO_RANDOM_H_
#define SHUJIAN_DEMO_RANDOM_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace shujian::demo {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}

  // The next 64 random bits.
  uint64_t Next();
  // A number in [0, bound). REQUIRES: bound > 0.
  uint64_t Below(uint64_t bound);
  // A number in [low, high]. REQUIRES: low <= high.
  int64_t Between(int64_t low, int64_t high);
  // True with probability per_mille / 1000.
  bool Chance(int per_mille);
  // An element of `items`. REQUIRES: !items.empty().
  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }
  // An independent generator for a named part of the city, so that adding rows to one part
  // does not change another.
  Random Fork(std::string_view part) const;

 private:
  uint64_t state_;
};

}  // namespace shujian::demo

#endif  // SHUJIAN_DEMO_RANDOM_H_
