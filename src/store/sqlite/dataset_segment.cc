#include "store/sqlite/dataset_segment.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace shujian::store {
namespace {

static_assert(std::endian::native == std::endian::little, "segments are little-endian");

constexpr uint8_t kPlain = 1;
constexpr uint8_t kDictionary = 2;

// --- hashing -------------------------------------------------------------------------------

constexpr uint64_t kP0 = 0xa0761d6478bd642full;
constexpr uint64_t kP1 = 0xe7037ed1a0b428dbull;
constexpr uint64_t kP2 = 0x8ebc6af09c88c6e3ull;

uint64_t Mum(uint64_t a, uint64_t b) {
  __uint128_t product = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

uint64_t Load64(const char* p) {
  uint64_t value;
  std::memcpy(&value, p, 8);
  return value;
}

// The bytes p[0..n) (n < 8) as a little-endian integer, zero-padded.
uint64_t LoadTail(const char* p, size_t n) {
  uint64_t value = 0;
  std::memcpy(&value, p, n);
  return value;
}

uint64_t HashPart(std::string_view part, uint64_t seed) {
  const char* p = part.data();
  size_t n = part.size();
  uint64_t h = Mum(seed ^ kP0, static_cast<uint64_t>(part.size()) ^ kP1);
  while (n >= 16) {
    h = Mum(Load64(p) ^ kP1 ^ h, Load64(p + 8) ^ kP2);
    p += 16;
    n -= 16;
  }
  uint64_t a = 0;
  uint64_t b = 0;
  if (n >= 8) {
    a = Load64(p);
    b = LoadTail(p + 8, n - 8);
  } else {
    a = LoadTail(p, n);
  }
  return Mum(a ^ kP1 ^ h, b ^ kP2);
}

// --- varints -------------------------------------------------------------------------------

void PutVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

uint64_t ZigZag(int64_t value) {
  return (static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63);
}

int64_t UnZigZag(uint64_t value) {
  return static_cast<int64_t>(value >> 1) ^ -static_cast<int64_t>(value & 1);
}

// Reads a BLOB front to back; every read checks bounds, so malformed input is Corruption.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == data_.size(); }

  uint8_t Byte() {
    if (pos_ >= data_.size()) return Fail();
    return static_cast<uint8_t>(data_[pos_++]);
  }
  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) return Fail();
      uint8_t byte = static_cast<uint8_t>(data_[pos_++]);
      value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return Fail();
  }
  std::string_view Bytes(uint64_t size) {
    if (size > data_.size() - pos_) {
      Fail();
      return {};
    }
    std::string_view bytes = data_.substr(pos_, size);
    pos_ += size;
    return bytes;
  }
  // A count that cannot exceed the bytes left (each item takes at least `min_bytes`).
  uint64_t Count(uint64_t min_bytes) {
    uint64_t count = Varint();
    if (min_bytes > 0 && count > (data_.size() - pos_) / min_bytes) return Fail();
    if (count > (uint64_t{1} << 32)) return Fail();
    return count;
  }

 private:
  uint8_t Fail() {
    ok_ = false;
    pos_ = data_.size();
    return 0;
  }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

Status Malformed(std::string_view what) {
  return Status::Corruption("数据集存储段已损坏（" + std::string(what) + "）；请从备份恢复");
}

// Open-addressing set of distinct values used to choose a dictionary encoding.
class DistinctValues {
 public:
  DistinctValues(const std::string& bytes, const std::vector<uint32_t>& ends, size_t limit)
      : bytes_(bytes), ends_(ends), limit_(limit) {
    size_t capacity = 16;
    while (capacity < limit * 2) capacity *= 2;
    slots_.assign(capacity, 0);
  }

  // The code of the value at `slot`, adding it; -1 once more than `limit` values are distinct.
  int64_t Add(size_t slot) {
    std::string_view value = Value(slot);
    const std::string_view parts[] = {value};
    uint64_t hash = RowKeyHash(parts);
    size_t mask = slots_.size() - 1;
    for (size_t pos = hash & mask;; pos = (pos + 1) & mask) {
      uint32_t entry = slots_[pos];
      if (entry == 0) {
        if (first_slots_.size() >= limit_) return -1;
        first_slots_.push_back(static_cast<uint32_t>(slot));
        slots_[pos] = static_cast<uint32_t>(first_slots_.size());
        return static_cast<int64_t>(first_slots_.size() - 1);
      }
      if (Value(first_slots_[entry - 1]) == value) return entry - 1;
    }
  }
  const std::vector<uint32_t>& first_slots() const { return first_slots_; }

 private:
  std::string_view Value(size_t slot) const {
    uint32_t begin = slot == 0 ? 0 : ends_[slot - 1];
    return std::string_view(bytes_).substr(begin, ends_[slot] - begin);
  }
  const std::string& bytes_;
  const std::vector<uint32_t>& ends_;
  size_t limit_;
  std::vector<uint32_t> slots_;        // 0: empty; else 1 + index into first_slots_
  std::vector<uint32_t> first_slots_;  // the slot where each distinct value first occurs
};

size_t VarintSize(uint64_t value) {
  size_t size = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++size;
  }
  return size;
}

}  // namespace

uint64_t RowKeyHash(std::span<const std::string_view> parts) {
  uint64_t hash = kP2 ^ parts.size();
  for (std::string_view part : parts) hash = HashPart(part, hash);
  return hash;
}

// --- ColumnBuilder -------------------------------------------------------------------------

void ColumnBuilder::Append(std::string_view value, std::string_view match) {
  bytes_.append(value);
  ends_.push_back(static_cast<uint32_t>(bytes_.size()));
  if (!match.empty() && match != value) {
    match_bytes_.append(match);
    matches_.emplace_back(static_cast<uint32_t>(ends_.size() - 1),
                          static_cast<uint32_t>(match_bytes_.size()));
  }
}

void ColumnBuilder::Clear() {
  bytes_.clear();
  ends_.clear();
  match_bytes_.clear();
  matches_.clear();
}

std::string_view ColumnBuilder::value(size_t slot) const {
  uint32_t begin = slot == 0 ? 0 : ends_[slot - 1];
  return std::string_view(bytes_).substr(begin, ends_[slot] - begin);
}

std::string_view ColumnBuilder::match_or_value(size_t slot) const {
  auto it = std::lower_bound(matches_.begin(), matches_.end(), std::make_pair(uint32_t(slot), uint32_t{0}));
  if (it == matches_.end() || it->first != slot) return value(slot);
  uint32_t begin = it == matches_.begin() ? 0 : std::prev(it)->second;
  return std::string_view(match_bytes_).substr(begin, it->second - begin);
}

void ColumnBuilder::Encode(std::string* out) const {
  const size_t rows = ends_.size();
  size_t plain_size = bytes_.size();
  for (size_t slot = 0; slot < rows; ++slot) {
    plain_size += VarintSize(ends_[slot] - (slot == 0 ? 0 : ends_[slot - 1]));
  }
  // A dictionary pays when few values repeat often (periods, agencies, employers).
  std::vector<uint16_t> codes;
  size_t dictionary_size = SIZE_MAX;
  const size_t limit = std::min<size_t>(rows / 4 + 1, 65536);
  DistinctValues distinct(bytes_, ends_, limit);
  codes.reserve(rows);
  for (size_t slot = 0; slot < rows; ++slot) {
    int64_t code = distinct.Add(slot);
    if (code < 0) break;
    // Values that are nearly all different (ID numbers) show it early: stop hashing them.
    if (slot == 1023 && distinct.first_slots().size() > 768 && rows > 4096) break;
    codes.push_back(static_cast<uint16_t>(code));
  }
  const size_t entries = distinct.first_slots().size();
  const size_t width = entries <= 256 ? 1 : 2;
  if (codes.size() == rows) {
    dictionary_size = rows * width;
    for (uint32_t slot : distinct.first_slots()) {
      size_t length = value(slot).size();
      dictionary_size += length + VarintSize(length);
    }
  }
  if (dictionary_size < plain_size) {
    out->push_back(static_cast<char>(kDictionary));
    PutVarint(rows, out);
    PutVarint(entries, out);
    for (uint32_t slot : distinct.first_slots()) PutVarint(value(slot).size(), out);
    for (uint32_t slot : distinct.first_slots()) out->append(value(slot));
    out->push_back(static_cast<char>(width));
    for (uint16_t code : codes) {
      out->push_back(static_cast<char>(code & 0xFF));
      if (width == 2) out->push_back(static_cast<char>(code >> 8));
    }
  } else {
    out->push_back(static_cast<char>(kPlain));
    PutVarint(rows, out);
    for (size_t slot = 0; slot < rows; ++slot) {
      PutVarint(ends_[slot] - (slot == 0 ? 0 : ends_[slot - 1]), out);
    }
    out->append(bytes_);
  }
  if (matches_.empty()) {
    out->push_back(0);
    return;
  }
  out->push_back(1);
  PutVarint(matches_.size(), out);
  uint32_t previous_slot = 0;
  uint32_t previous_end = 0;
  for (const auto& [slot, end] : matches_) {
    PutVarint(slot - previous_slot, out);
    PutVarint(end - previous_end, out);
    previous_slot = slot;
    previous_end = end;
  }
  out->append(match_bytes_);
}

// --- DecodedColumn -------------------------------------------------------------------------

Result<DecodedColumn> DecodedColumn::Decode(std::string_view blob) {
  Reader reader(blob);
  DecodedColumn column;
  const uint8_t encoding = reader.Byte();
  const uint64_t rows = reader.Count(1);
  if (!reader.ok()) return Malformed("列头");
  column.values_.resize(rows);
  if (encoding == kPlain) {
    std::vector<uint64_t> lengths(rows);
    for (uint64_t& length : lengths) length = reader.Varint();
    for (size_t slot = 0; slot < rows; ++slot) column.values_[slot] = reader.Bytes(lengths[slot]);
  } else if (encoding == kDictionary) {
    const uint64_t entries = reader.Count(1);
    std::vector<uint64_t> lengths(entries);
    for (uint64_t& length : lengths) length = reader.Varint();
    std::vector<std::string_view> dictionary(entries);
    for (size_t entry = 0; entry < entries; ++entry) dictionary[entry] = reader.Bytes(lengths[entry]);
    const uint8_t width = reader.Byte();
    if (width != 1 && width != 2) return Malformed("字典编码宽度");
    std::string_view codes = reader.Bytes(rows * width);
    if (!reader.ok()) return Malformed("字典");
    for (size_t slot = 0; slot < rows; ++slot) {
      size_t code = static_cast<uint8_t>(codes[slot * width]);
      if (width == 2) code |= static_cast<size_t>(static_cast<uint8_t>(codes[slot * width + 1])) << 8;
      if (code >= entries) return Malformed("字典编码越界");
      column.values_[slot] = dictionary[code];
    }
  } else {
    return Malformed("未知的列编码");
  }
  const uint8_t has_match = reader.Byte();
  if (has_match == 1) {
    const uint64_t count = reader.Count(2);
    std::vector<std::pair<uint64_t, uint64_t>> entries(count);
    uint64_t slot = 0;
    for (size_t index = 0; index < count; ++index) {
      slot += reader.Varint();
      entries[index] = {slot, reader.Varint()};
      if (slot >= rows || (index > 0 && entries[index].first <= entries[index - 1].first)) {
        return Malformed("匹配形式的行号");
      }
    }
    column.matches_.reserve(count);
    for (const auto& [match_slot, length] : entries) {
      column.matches_.emplace_back(static_cast<uint32_t>(match_slot), reader.Bytes(length));
    }
  } else if (has_match != 0) {
    return Malformed("匹配形式标记");
  }
  if (!reader.ok() || !reader.done()) return Malformed("列数据长度");
  return column;
}

DecodedColumn DecodedColumn::Empty(size_t rows) {
  DecodedColumn column;
  column.values_.assign(rows, std::string_view());
  return column;
}

std::string_view DecodedColumn::match_or_value(size_t slot) const {
  if (matches_.empty()) return values_[slot];
  auto it = std::lower_bound(matches_.begin(), matches_.end(), slot,
                             [](const auto& entry, size_t wanted) { return entry.first < wanted; });
  if (it == matches_.end() || it->first != slot) return values_[slot];
  return it->second;
}

// --- key hashes and provenance -------------------------------------------------------------

void EncodeKeyHashes(std::span<const uint64_t> hashes, std::string* out) {
  out->push_back(static_cast<char>(kSegmentFormat));
  PutVarint(hashes.size(), out);
  size_t start = out->size();
  out->resize(start + hashes.size() * 8);
  std::memcpy(out->data() + start, hashes.data(), hashes.size() * 8);
}

Result<std::vector<uint64_t>> DecodeKeyHashes(std::string_view blob) {
  Reader reader(blob);
  if (reader.Byte() != kSegmentFormat) return Malformed("主键散列的格式");
  const uint64_t rows = reader.Count(8);
  std::string_view bytes = reader.Bytes(rows * 8);
  if (!reader.ok() || !reader.done()) return Malformed("主键散列");
  std::vector<uint64_t> hashes(rows);
  if (rows > 0) std::memcpy(hashes.data(), bytes.data(), rows * 8);
  return hashes;
}

void EncodeProvenance(const Provenance& provenance, std::string* out) {
  out->push_back(static_cast<char>(kSegmentFormat));
  const size_t rows = provenance.lines.size();
  PutVarint(rows, out);
  std::vector<std::pair<size_t, int32_t>> runs;
  for (size_t slot = 0; slot < rows; ++slot) {
    if (runs.empty() || runs.back().second != provenance.files[slot]) {
      runs.emplace_back(slot, provenance.files[slot]);
    }
  }
  PutVarint(runs.size(), out);
  for (const auto& [slot, file] : runs) {
    PutVarint(slot, out);
    PutVarint(static_cast<uint64_t>(file), out);
  }
  int64_t previous = 0;
  for (int64_t line : provenance.lines) {
    PutVarint(ZigZag(line - previous), out);
    previous = line;
  }
}

Result<Provenance> DecodeProvenance(std::string_view blob) {
  Reader reader(blob);
  if (reader.Byte() != kSegmentFormat) return Malformed("来源的格式");
  const uint64_t rows = reader.Count(1);
  const uint64_t run_count = reader.Count(2);
  if (!reader.ok()) return Malformed("来源");
  Provenance provenance;
  provenance.files.assign(rows, 0);
  provenance.lines.resize(rows);
  std::vector<std::pair<uint64_t, uint64_t>> runs(run_count);
  for (auto& run : runs) run = {reader.Varint(), reader.Varint()};
  for (size_t index = 0; index < runs.size(); ++index) {
    uint64_t end = index + 1 < runs.size() ? runs[index + 1].first : rows;
    if (runs[index].first > end || end > rows || runs[index].second > INT32_MAX) {
      return Malformed("来源的文件段");
    }
    std::fill(provenance.files.begin() + runs[index].first, provenance.files.begin() + end,
              static_cast<int32_t>(runs[index].second));
  }
  int64_t previous = 0;
  for (int64_t& line : provenance.lines) {
    line = previous + UnZigZag(reader.Varint());
    previous = line;
  }
  if (!reader.ok() || !reader.done()) return Malformed("来源的行号");
  return provenance;
}

}  // namespace shujian::store
