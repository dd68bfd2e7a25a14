// RowValidator: judges the rows of one file against a dataset schema. Every value goes
// through data::NormalizeValue (the single place values are judged); this class adds what
// only a row knows:
//  - required columns (`required`), conditions (`required_when`: 移送日期 when 是否移送公安 is
//    是; `required_with`: 计量单位 when 涉案数量 is filled), each reject naming its condition;
//  - party_id judged as an ID number or a credit code by the row's party type;
//  - what came through Excel: number cells shown as Excel shows them, identifiers that a number
//    cell or scientific notation destroyed (a reject that says so, never a wrong ID), error
//    values such as #N/A;
//  - rows whose length does not match the header (CSV), rows the reader could not read;
//  - extra columns kept as a JSON object of header → value.
// A row is valid, rejected (with one reject per bad value: line, column as the user wrote it,
// raw value, reason in Chinese) or blank (every cell empty: skipped, not counted). Values
// accepted with a warning (an abolished county code, a legacy credit code) are recorded too.
// An ID number ending in 000 that passes its check is what one in eleven numbers damaged by
// Excel looks like; its warning is marked needs_excel_evidence, for the import job to show
// only when the same file has damage that was certain.
//
// Results of NormalizeValue are memoised per column for repeated values (agencies, periods,
// employers); the cache turns itself off for columns whose values do not repeat.
//
// Thread safety: a RowValidator is used by one thread at a time (one per worker).
#ifndef SHUJIAN_INGEST_ROW_VALIDATOR_H_
#define SHUJIAN_INGEST_ROW_VALIDATOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "data/dataset_schema.h"
#include "ingest/header_mapping.h"
#include "ingest/record_reader.h"

namespace shujian::ingest {

// The name of the layout column that holds a row's extra attributes (a JSON object).
inline constexpr std::string_view kExtraColumn = "_extra";

// One reject or warning.
struct RowProblem {
  int64_t line = 0;
  std::string column;  // as the user wrote it; "" for the whole row
  std::string value;   // the raw value
  std::string reason;
  bool warning = false;
  bool excel_damage = false;          // a reject: an identifier that Excel turned into a number
  bool needs_excel_evidence = false;  // a warning worth showing only if the same file has
                                      // Excel damage (an ID number ending in 000 that passes)
};

// Records read from a file, copied into one arena so a worker thread can judge them.
struct RecordBlock {
  int file = 0;
  uint64_t sequence = 0;  // position of the block in the file (0, 1, ...)
  int64_t bytes_consumed = 0;  // of the file, after the last record of the block
  struct Row {
    int64_t line;
    uint32_t first_cell;
    uint32_t cells;
    std::string problem;
  };
  std::vector<Row> rows;
  std::string text;                 // every cell's text, concatenated
  std::vector<uint32_t> cell_ends;  // end offset in `text` of each cell
  std::vector<CellKind> cell_kinds;

  void Clear();
  void Add(const Record& record);
  std::string_view cell(uint32_t index) const {
    uint32_t begin = index == 0 ? 0 : cell_ends[index - 1];
    return std::string_view(text).substr(begin, cell_ends[index] - begin);
  }
};

// The judged rows of a RecordBlock.
struct ValidatedBlock {
  int file = 0;
  uint64_t sequence = 0;
  int64_t bytes_consumed = 0;
  struct Row {
    int64_t line;
    bool rejected;
    uint32_t first_span;  // valid rows: layout_size spans (value, match) from here
  };
  std::vector<Row> rows;      // blank rows are left out
  std::string arena;
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // (begin, end) in arena: value, match, ...
  std::vector<RowProblem> problems;                   // in row order
  int64_t warnings = 0;

  void Clear();
  std::string_view span(uint32_t index) const {
    return std::string_view(arena).substr(spans[index].first, spans[index].second - spans[index].first);
  }
};

class RowValidator {
 public:
  struct Options {
    Date today;                 // bounds birth dates in ID numbers
    bool strict_width = false;  // CSV: a row with fewer cells than the header is a reject
  };

  // `schema` and `mapping` must outlive the validator.
  RowValidator(const data::DatasetSchema& schema, const HeaderMapping& mapping, const Options& options);
  ~RowValidator();

  // The layout of validated rows: the schema's columns in order, then kExtraColumn.
  static std::vector<std::string> LayoutColumns(const data::DatasetSchema& schema);

  // Judges every row of `block` into *out (cleared first).
  void Validate(const RecordBlock& block, ValidatedBlock* out);

 private:
  struct Judgement;
  struct ColumnCache;
  // Judges one non-empty value of schema column `column` as `type`.
  const Judgement& Judge(size_t column, data::LogicalType type, std::string_view text, CellKind kind);
  void ValidateRow(const RecordBlock& block, const RecordBlock::Row& row, ValidatedBlock* out);

  const data::DatasetSchema& schema_;
  const HeaderMapping& mapping_;
  Options options_;
  std::vector<std::unique_ptr<ColumnCache>> caches_;  // per schema column
  std::vector<int> party_type_of_;                    // per column: its party type column or -1
  std::vector<int> condition_of_;                     // per column: its required_when column or -1
  std::vector<int> with_of_;                          // per column: its required_with column or -1
  // Per row, reused.
  std::vector<std::string_view> raw_;
  std::vector<CellKind> kinds_;
  std::vector<bool> present_;
  std::vector<int> outcome_;  // per column: 0 empty, 1 valid, 2 invalid
  // Per column: (stored, match) of the row's valid value, viewing the column's cache entry
  // (each column is judged at most once per row, so the entry stays put until the next row).
  std::vector<std::pair<std::string_view, std::string_view>> judged_;
};

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_ROW_VALIDATOR_H_
