// GB/T 2260 administrative division codes (行政区划代码): the six-digit address code at the
// start of an ID number and the region code of dataset rows.
//
// The shipped table is built from rules/regions/*.csv (compiled into the binary; sources in
// rules/regions/README.md): the codes in force, plus codes found on documents that the
// statistical edition lacks (Taiwan, 港澳台居民居住证 810000/820000/830000, abolished counties).
//
// Thread safety: a RegionTable is immutable after construction; Shipped() is safe to call
// concurrently.
#ifndef SHUJIAN_CORE_REGION_CODES_H_
#define SHUJIAN_CORE_REGION_CODES_H_

#include <map>
#include <unordered_map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace shujian {

enum class RegionStatus {
  kCurrent,     // in force
  kHistorical,  // abolished; still valid on documents issued before
  kPermit,      // used only on 港澳台居民居住证
};

struct RegionEntry {
  int code = 0;          // six digits, e.g. 420304
  std::string name;      // the unit's own name, e.g. "郧阳区"
  RegionStatus status = RegionStatus::kCurrent;
  std::string note;      // e.g. what an abolished code became
};

class RegionTable {
 public:
  // The table shipped with this build.
  static const RegionTable& Shipped();

  // Builds a table from CSV text "code,name[,status,note]" with '#' comment lines and a header
  // line starting "code". Returns InvalidArgument naming the line of a malformed row.
  static Result<RegionTable> Parse(std::string_view csv, std::string_view source_name);
  // Adds the rows of another CSV (same format) to this table; later rows win.
  Status Merge(std::string_view csv, std::string_view source_name);

  // The entry for `code`, or nullptr.
  const RegionEntry* Find(int code) const;
  // True iff the province (first two digits of `code`, e.g. 42 of 420304) exists.
  bool HasProvince(int code) const;
  // "湖北省十堰市郧阳区": province, prefecture (omitting placeholders such as 市辖区) and county.
  // For an unknown county code, the longest known prefix ("湖北省十堰市"); empty when even the
  // province is unknown.
  std::string FullName(int code) const;

  size_t size() const { return entries_.size(); }

 private:
  // Recomputes full_names_ after the entries changed.
  void ComputeFullNames();
  std::string ComposeFullName(int code) const;

  std::unordered_map<int, RegionEntry> entries_;
  std::unordered_map<int, std::string> full_names_;  // FullName of every entry, computed once
};

}  // namespace shujian

#endif  // SHUJIAN_CORE_REGION_CODES_H_
