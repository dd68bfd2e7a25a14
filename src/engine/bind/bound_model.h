// BoundModel: a model whose every name is resolved and every expression typed against the
// dataset schemas and parameter tables — what the planner plans and both evaluators run.
//
// Steps keep the order of the model file (each step's inputs come before it). Every step has
// an output schema: columns named (qualifier, name), where the qualifier is the step that made
// the column (a read step for dataset columns, a lookup step for table columns, the step itself
// for computed and aggregated columns). Expressions of a step are bound against the schema
// they see: its input's (filter, compute, emit), the pair of both inputs (join conditions), or
// an aggregate's intermediate columns (see BoundStep).
//
// Thread safety: immutable after binding.
#ifndef SHUJIAN_ENGINE_BIND_BOUND_MODEL_H_
#define SHUJIAN_ENGINE_BIND_BOUND_MODEL_H_

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "data/dataset_schema.h"
#include "engine/bind/bound_expr.h"
#include "engine/spec/model_spec.h"
#include "engine/spec/param_table.h"

namespace shujian::engine {

struct ColumnInfo {
  std::string qualifier;  // the step that made the column
  std::string name;
  ValueType type;
};

struct BoundParameter {
  std::string name;
  ValueType type;
  bool list = false;
  std::vector<Value> defaults;  // one value, or the list
  std::string description;
  std::string source;
};

// An equality between an expression over the left input and one over the right input.
struct KeyPair {
  BoundExpr left;
  BoundExpr right;
  MatchKind match = MatchKind::kExact;  // for strings
};

// "to − from within [lower, upper] unit"; absent bounds are unbounded.
struct BoundWindow {
  BoundExpr from;                   // left input (rolling: the order_by over the input)
  BoundExpr to;                     // right input (rolling: unused)
  std::string unit;                 // days | months | years
  std::optional<BoundExpr> lower;   // integer
  std::optional<BoundExpr> upper;   // integer
  bool lower_inclusive = true;
  bool upper_inclusive = true;
  std::string text;                 // e.g. "crim.filed_on − cases.decided_on ∈ [0, 365] 天"
};

enum class LevelKind { kExact, kLevenshtein, kJaroWinkler, kPinyin, kDateWithin, kMaskedId, kNull, kElse };
enum class Normalization { kNone, kName, kCompany, kCaseNo };

struct BoundLevel {
  std::string label;
  LevelKind kind = LevelKind::kElse;
  Normalization normalize = Normalization::kNone;
  std::optional<BoundExpr> threshold;  // levenshtein: int; jaro_winkler: decimal; date_within: int
};

struct BoundComparison {
  std::string name;
  BoundExpr left;
  BoundExpr right;
  std::vector<BoundLevel> levels;
};

// A title, label or addressee template: literal text and {expressions}.
struct BoundTemplate {
  struct Part {
    std::string literal;              // when expr is absent
    std::optional<BoundExpr> expr;
  };
  std::vector<Part> parts;
};

struct BoundEmit {
  std::string rule;
  int rule_index = 0;                 // in ModelSpec::rules
  std::string subject_kind;
  int subject_step = -1;              // kind record: the read step whose rows are subjects
  std::optional<BoundExpr> subject_key;  // other kinds
  BoundTemplate label;
  BoundTemplate title;
  BoundTemplate addressee;            // empty parts: the rule's or the model's addressee
  std::vector<std::pair<std::string, BoundExpr>> facts;
  std::vector<int> evidence_steps;    // read steps whose rows are listed as evidence
  int evidence_limit = 200;
};

enum class JoinKind { kInner, kLeft, kSemi, kAnti };
enum class MissingPolicy { kDrop, kKeep, kNote };

struct BoundStep {
  StepKind kind = StepKind::kRead;
  std::string name;                   // "" for unnamed emit/output steps
  const StepSpec* spec = nullptr;
  int input = -1;                     // the input step (all but read)
  int other = -1;                     // join/semi/anti/fuzzy: the right step
  std::vector<ColumnInfo> schema;     // the output columns

  // read: the dataset, and for each output column the dataset column it is (-1: _key,
  // -2: _batch, -3: _imported_on).
  const data::DatasetSchema* dataset = nullptr;
  std::vector<int> dataset_columns;
  std::optional<BoundExpr> filter;    // read (scan filter), filter

  std::vector<BoundExpr> computes;    // compute: the new columns, over the input schema

  // join, semi, anti, lookup, fuzzy
  JoinKind join = JoinKind::kInner;
  std::vector<ColumnInfo> pair_schema;  // left input ++ right input (++ fuzzy comparisons)
  std::vector<KeyPair> keys;          // left over the input schema, right over the other's
  std::optional<BoundWindow> window;  // join-like: over left/right; rolling: over the input
  std::optional<BoundExpr> where;     // over pair_schema

  const ParamTable* table = nullptr;  // lookup
  MissingPolicy missing = MissingPolicy::kDrop;

  // aggregate: group keys over the input; rolling: partition keys over the input.
  std::vector<BoundExpr> group_keys;
  std::vector<BoundAggregate> aggregates;  // the aggregate calls, args over the input
  // aggregate: outputs over [keys, outputs, calls]; rolling: over [input, outputs, calls].
  std::vector<BoundExpr> outputs;
  std::optional<BoundExpr> having;    // over the same intermediate layout
  std::optional<BoundExpr> order_by;  // rolling

  std::vector<std::vector<KeyPair>> blocking;  // fuzzy
  std::vector<BoundComparison> comparisons;    // fuzzy
  std::optional<BoundExpr> match_when;         // fuzzy: over pair_schema

  BoundEmit emit;                     // emit
  std::string output_title;           // output
  std::vector<std::string> output_names;
  std::vector<BoundExpr> output_columns;  // over the input schema

  std::vector<int> consumers;         // steps that read this step's output
};

struct BoundModel {
  const ModelSpec* spec = nullptr;    // owned by the CompiledModel
  std::vector<BoundParameter> parameters;  // [0] is the built-in $as_of
  std::vector<BoundStep> steps;
  // The level labels of fuzzy comparisons; comparison columns' types point here (a deque never
  // moves its elements).
  std::deque<std::vector<std::string>> label_sets;

  // The step called `name`, or -1.
  int FindStep(std::string_view name) const;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_BIND_BOUND_MODEL_H_
