// Random: splitmix64, the seeded generator both benchmarks make their data with — small, fast
// and the same on every machine (std distributions are not), so a seed gives the same files and
// the same answers everywhere.
#ifndef SHUJIAN_BENCH_COMMON_RANDOM_H_
#define SHUJIAN_BENCH_COMMON_RANDOM_H_

#include <cstdint>
#include <vector>

namespace shujian::bench {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // In [0, bound). REQUIRES: bound > 0.
  uint64_t Below(uint64_t bound) { return Next() % bound; }
  // In [low, high].
  int64_t Between(int64_t low, int64_t high) {
    return low + static_cast<int64_t>(Next() % uint64_t(high - low + 1));
  }
  bool Chance(double probability) {
    return (Next() >> 11) * (1.0 / 9007199254740992.0) < probability;
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Next() % items.size()];
  }

 private:
  uint64_t state_;
};

}  // namespace shujian::bench

#endif  // SHUJIAN_BENCH_COMMON_RANDOM_H_
