#include "ingest/row_validator.h"

#include <functional>
#include <nlohmann/json.hpp>

#include "core/unicode_fold.h"
#include "data/value_normalizer.h"
#include "ingest/excel_values.h"

namespace shujian::ingest {
namespace {

using data::LogicalType;

bool IsIdentifierType(LogicalType type) {
  return type == LogicalType::kIdCard || type == LogicalType::kUscc || type == LogicalType::kPartyId ||
         type == LogicalType::kPartyCode;
}

bool IsDateType(LogicalType type) {
  return type == LogicalType::kDate || type == LogicalType::kDateTime || type == LogicalType::kPeriod;
}

// True when `text` holds nothing but spaces of any kind.
bool IsBlank(std::string_view text) {
  bool ascii = true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\v' && c != '\f') return false;
  }
  return ascii || TrimSpaces(text).empty();
}

// The reason a value was refused, as a sentence about its column's type.
std::string Reason(LogicalType type, const std::string& message) {
  std::string_view noun;
  switch (type) {
    case LogicalType::kIdCard: noun = "身份证号"; break;
    case LogicalType::kUscc: noun = "统一社会信用代码"; break;
    case LogicalType::kPlate: noun = "号牌号码"; break;
    default: return message;
  }
  for (std::string_view part : {"出生日期", "地址码", "前17位", "第", "受理地"}) {
    if (std::string_view(message).starts_with(part)) return std::string(noun) + "的" + message;
  }
  return std::string(noun) + message;
}

// 18 digits ending in 000: what Excel leaves of an 18-digit number.
bool EndsLikeExcelNumber(std::string_view text) {
  if (text.size() != 18 || !text.ends_with("000")) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

// The outcome of judging one value.
struct RowValidator::Judgement {
  bool ok = false;
  std::string stored;
  std::string match;  // only when it differs from stored
  std::string reason;
  bool excel_damage = false;  // the reason is an identifier Excel turned into a number
  std::vector<std::string> warnings;
  std::string excel_suspicion;  // a warning that needs evidence of Excel damage in the file
};

// A memo of judgements of one column: the value judged last (runs of one employer, one
// month), then a direct-mapped table of recent values.
struct RowValidator::ColumnCache {
  static constexpr size_t kEntries = 256;
  static constexpr uint64_t kTrial = 8192;  // lookups before deciding whether the table pays
  struct Entry {
    bool used = false;
    LogicalType type = LogicalType::kText;
    CellKind kind = CellKind::kText;
    std::string text;
    Judgement judgement;
    bool Holds(LogicalType wanted_type, CellKind wanted_kind, std::string_view wanted) const {
      return used && type == wanted_type && kind == wanted_kind && text == wanted;
    }
  };
  Entry scratch;                // where values are judged when the table is off
  const Entry* last = nullptr;  // the entry of the value judged last
  std::vector<Entry> entries;   // allocated on first use
  std::vector<uint32_t> tags;   // per entry, bits of its value's hash: most misses end here
  uint64_t lookups = 0;
  uint64_t hits = 0;
  bool enabled = true;
};

void RecordBlock::Clear() {
  rows.clear();
  text.clear();
  cell_ends.clear();
  cell_kinds.clear();
}

void RecordBlock::Add(const Record& record) {
  rows.push_back({record.line, static_cast<uint32_t>(cell_ends.size()),
                  static_cast<uint32_t>(record.cells.size()), record.problem});
  for (const Cell& cell : record.cells) {
    text.append(cell.text);
    cell_ends.push_back(static_cast<uint32_t>(text.size()));
    cell_kinds.push_back(cell.kind);
  }
}

void ValidatedBlock::Clear() {
  rows.clear();
  arena.clear();
  spans.clear();
  problems.clear();
  warnings = 0;
}

RowValidator::RowValidator(const data::DatasetSchema& schema, const HeaderMapping& mapping,
                           const Options& options)
    : schema_(schema), mapping_(mapping), options_(options) {
  const size_t columns = schema.columns.size();
  for (size_t column = 0; column < columns; ++column) caches_.push_back(std::make_unique<ColumnCache>());
  auto index_of = [&](const std::string& name) {
    const data::ColumnSchema* found = schema.FindColumn(name);
    return found == nullptr ? -1 : static_cast<int>(found - schema.columns.data());
  };
  for (const data::ColumnSchema& column : schema.columns) {
    party_type_of_.push_back(column.party_type_column.empty() ? -1 : index_of(column.party_type_column));
    condition_of_.push_back(column.required_when ? index_of(column.required_when->column) : -1);
    with_of_.push_back(column.required_with.empty() ? -1 : index_of(column.required_with));
  }
  raw_.resize(columns);
  kinds_.resize(columns);
  present_.resize(columns);
  outcome_.resize(columns);
  judged_.resize(columns);
}

RowValidator::~RowValidator() = default;

std::vector<std::string> RowValidator::LayoutColumns(const data::DatasetSchema& schema) {
  std::vector<std::string> columns;
  for (const data::ColumnSchema& column : schema.columns) columns.push_back(column.name);
  columns.emplace_back(kExtraColumn);
  return columns;
}

const RowValidator::Judgement& RowValidator::Judge(size_t column, LogicalType type, std::string_view text,
                                                   CellKind kind) {
  ColumnCache& cache = *caches_[column];
  if (cache.last != nullptr && cache.last->Holds(type, kind, text)) return cache.last->judgement;
  ColumnCache::Entry* entry = &cache.scratch;
  if (cache.enabled) {
    if (cache.entries.empty()) {
      cache.entries.resize(ColumnCache::kEntries);
      cache.tags.assign(ColumnCache::kEntries, 0);
    }
    const size_t hash = std::hash<std::string_view>()(text) ^
                        (static_cast<size_t>(type) * 0x9E3779B97F4A7C15ull) ^ static_cast<size_t>(kind);
    const size_t slot = hash % ColumnCache::kEntries;
    const uint32_t tag = static_cast<uint32_t>(hash >> 32) | 1;  // 0: an empty entry
    ++cache.lookups;
    if (cache.tags[slot] == tag && cache.entries[slot].Holds(type, kind, text)) {
      ++cache.hits;
      cache.last = &cache.entries[slot];
      return cache.entries[slot].judgement;
    }
    if (cache.lookups == ColumnCache::kTrial && cache.hits * 10 < cache.lookups) {
      cache.enabled = false;  // the values of this column do not repeat
      cache.entries.clear();
      cache.entries.shrink_to_fit();
      cache.tags.clear();
      cache.tags.shrink_to_fit();
    } else {
      cache.tags[slot] = tag;
      entry = &cache.entries[slot];
    }
  }
  cache.last = entry;
  entry->used = true;
  entry->type = type;
  entry->kind = kind;
  entry->text.assign(text);
  Judgement& judgement = entry->judgement;
  judgement.ok = false;
  judgement.stored.clear();
  judgement.match.clear();
  judgement.reason.clear();
  judgement.excel_damage = false;
  judgement.warnings.clear();
  judgement.excel_suspicion.clear();

  if (kind == CellKind::kError) {
    judgement.reason = "单元格是Excel的错误值「" + std::string(text) + "」（公式出错）；请改正公式或填入值";
    return judgement;
  }
  std::string_view prepared = text;
  std::string shown;  // a number as Excel shows it
  if (IsIdentifierType(type)) {
    if (std::optional<std::string> broken = IdentifierTurnedIntoNumber(text, kind == CellKind::kNumber)) {
      judgement.reason = std::move(*broken);
      judgement.excel_damage = true;
      return judgement;
    }
  } else if (kind == CellKind::kNumber && !IsDateType(type)) {
    shown = ExcelNumberText(text);
    prepared = shown;
  }
  const data::ColumnSchema& spec = schema_.columns[column];
  data::NormalizeContext context;
  context.today = options_.today;
  context.enum_values = spec.enum_values;
  context.value_aliases = &spec.value_aliases;
  Result<data::NormalizedValue> value = data::NormalizeValue(type, prepared, context);
  if (!value.ok()) {
    judgement.reason = Reason(type, value.status().message());
    if (IsIdentifierType(type) && EndsLikeExcelNumber(prepared)) {
      judgement.reason += "；号码末尾是000，很可能是Excel把号码当成数字保存后丢失了末尾几位，请从原系统重新导出";
      judgement.excel_damage = true;
    }
    return judgement;
  }
  judgement.ok = true;
  judgement.stored = std::move(value->stored);
  if (value->match_key != judgement.stored) judgement.match = std::move(value->match_key);
  judgement.warnings = std::move(value->warnings);
  if (IsIdentifierType(type) && EndsLikeExcelNumber(prepared)) {
    judgement.excel_suspicion = "号码末尾是000，而本文件中有被Excel转成数字的号码：这个号码可能也已丢失末尾几位，请核对";
  } else if (IsIdentifierType(type) && kind == CellKind::kNumber && prepared.size() > 15) {
    judgement.warnings.push_back("号码存放在数字格式的单元格中；用Excel打开保存会丢失末尾几位，请把该列设为文本格式");
  }
  return judgement;
}

void RowValidator::Validate(const RecordBlock& block, ValidatedBlock* out) {
  out->Clear();
  out->file = block.file;
  out->sequence = block.sequence;
  out->bytes_consumed = block.bytes_consumed;
  for (const RecordBlock::Row& row : block.rows) ValidateRow(block, row, out);
}

void RowValidator::ValidateRow(const RecordBlock& block, const RecordBlock::Row& row, ValidatedBlock* out) {
  const size_t columns = schema_.columns.size();
  const size_t width = mapping_.source_count();
  bool rejected = false;
  auto reject = [&](std::string column, std::string_view value, std::string reason) {
    out->problems.push_back({row.line, std::move(column), std::string(value), std::move(reason), false});
    rejected = true;
  };

  // Blank rows hold nothing: skipped.
  bool blank = row.problem.empty();
  for (uint32_t cell = 0; cell < row.cells && blank; ++cell) blank = IsBlank(block.cell(row.first_cell + cell));
  if (blank) return;

  if (!row.problem.empty()) {
    reject("", "", row.problem);
  } else if (row.cells > width) {
    for (uint32_t cell = static_cast<uint32_t>(width); cell < row.cells; ++cell) {
      std::string_view text = block.cell(row.first_cell + cell);
      if (IsBlank(text)) continue;
      reject("", text,
             "本行有" + std::to_string(row.cells) + "个值，比表头（" + std::to_string(width) + "列）多；第" +
                 std::to_string(cell + 1) +
                 "个值没有列名。常见原因：某个值里有没加引号的逗号，或引号不配对");
      break;
    }
  } else if (options_.strict_width && row.cells < width) {
    reject("", "",
           "本行只有" + std::to_string(row.cells) + "个值，表头有" + std::to_string(width) +
               "列。常见原因：少了分隔符，或某个值里的换行没有加引号");
  }
  if (rejected) {
    out->rows.push_back({row.line, true, 0});
    return;
  }

  for (size_t column = 0; column < columns; ++column) {
    int source = mapping_.source_of_column(column);
    if (source >= 0 && static_cast<uint32_t>(source) < row.cells) {
      raw_[column] = block.cell(row.first_cell + static_cast<uint32_t>(source));
      kinds_[column] = block.cell_kinds[row.first_cell + static_cast<uint32_t>(source)];
    } else {
      raw_[column] = {};
      kinds_[column] = CellKind::kText;
    }
    present_[column] = !IsBlank(raw_[column]);
    outcome_[column] = 0;
  }

  auto judge = [&](size_t column, LogicalType type, std::string_view suffix) {
    const Judgement& judgement = Judge(column, type, raw_[column], kinds_[column]);
    const std::string& header = mapping_.HeaderOfColumn(column);
    if (!judgement.ok) {
      outcome_[column] = 2;
      reject(header, raw_[column], judgement.reason + std::string(suffix));
      out->problems.back().excel_damage = judgement.excel_damage;
      return;
    }
    outcome_[column] = 1;
    judged_[column].first = judgement.stored;
    judged_[column].second = judgement.match;
    for (const std::string& warning : judgement.warnings) {
      out->problems.push_back({row.line, header, std::string(raw_[column]), warning, true});
      ++out->warnings;
    }
    if (!judgement.excel_suspicion.empty()) {
      out->problems.push_back({row.line, header, std::string(raw_[column]), judgement.excel_suspicion, true});
      out->problems.back().needs_excel_evidence = true;
    }
  };

  // Every column but the party ids, which depend on the party type.
  for (size_t column = 0; column < columns; ++column) {
    const data::ColumnSchema& spec = schema_.columns[column];
    if (!present_[column]) {
      if (spec.required) reject(mapping_.HeaderOfColumn(column), raw_[column], "必填，不能为空");
      continue;
    }
    if (party_type_of_[column] >= 0) continue;
    judge(column, spec.type, "");
  }
  for (size_t column = 0; column < columns; ++column) {
    const int party = party_type_of_[column];
    if (party < 0 || !present_[column]) continue;
    const std::string& party_header = mapping_.HeaderOfColumn(static_cast<size_t>(party));
    if (outcome_[static_cast<size_t>(party)] == 1) {
      const bool organisation = judged_[static_cast<size_t>(party)].first == "单位";
      judge(column, organisation ? LogicalType::kUscc : LogicalType::kIdCard,
            "（" + party_header + "为「" + std::string(judged_[static_cast<size_t>(party)].first) + "」）");
    } else if (outcome_[static_cast<size_t>(party)] == 0 && !schema_.columns[static_cast<size_t>(party)].required) {
      reject(mapping_.HeaderOfColumn(column), raw_[column],
             "「" + party_header + "」为空，无法判断应是身份证号还是统一社会信用代码");
    }
    // An invalid party type is already a reject of this row.
  }

  // Columns required by a condition on another column.
  for (size_t column = 0; column < columns; ++column) {
    if (present_[column]) continue;
    const data::ColumnSchema& spec = schema_.columns[column];
    if (const int condition = condition_of_[column]; condition >= 0 && outcome_[static_cast<size_t>(condition)] == 1) {
      const std::string_view value = judged_[static_cast<size_t>(condition)].first;
      for (const std::string& trigger : spec.required_when->values) {
        if (trigger != value) continue;
        reject(mapping_.HeaderOfColumn(column), "",
               "当「" + mapping_.HeaderOfColumn(static_cast<size_t>(condition)) + "」为「" + std::string(value) +
                   "」时必填");
        break;
      }
    }
    if (const int with = with_of_[column]; with >= 0 && present_[static_cast<size_t>(with)]) {
      reject(mapping_.HeaderOfColumn(column), "",
             "填写了「" + mapping_.HeaderOfColumn(static_cast<size_t>(with)) + "」时必填");
    }
  }
  if (rejected) {
    out->rows.push_back({row.line, true, 0});
    return;
  }

  // The row's values, then its extra attributes.
  out->rows.push_back({row.line, false, static_cast<uint32_t>(out->spans.size())});
  auto add = [&](std::string_view text) {
    const uint32_t begin = static_cast<uint32_t>(out->arena.size());
    out->arena.append(text);
    out->spans.emplace_back(begin, static_cast<uint32_t>(out->arena.size()));
  };
  for (size_t column = 0; column < columns; ++column) {
    if (outcome_[column] == 1) {
      add(judged_[column].first);
      add(judged_[column].second);
    } else {
      add({});
      add({});
    }
  }
  nlohmann::ordered_json extra;
  for (uint32_t cell = 0; cell < row.cells && cell < width; ++cell) {
    if (mapping_.column_of_source(cell) >= 0) continue;
    std::string_view text = block.cell(row.first_cell + cell);
    if (IsBlank(text)) continue;
    extra[mapping_.header(cell)] = std::string(text);
  }
  if (extra.empty()) {
    add({});
  } else {
    add(extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  add({});
}

}  // namespace shujian::ingest
