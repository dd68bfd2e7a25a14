// ModelSpec: a supervision model file (models/*.yaml) as parsed, before any name is resolved.
//
// The spec mirrors the file: metadata (id, version, title, category, legal basis, addressee,
// subject kinds), parameters with defaults, sub-rules, the pipeline of named steps, and the
// fixtures. Expressions are kept as text with the byte offset of their YAML scalar, so that
// bind/ can report an error inside an expression at its file:line:column (Where, WhereInText).
// The format is documented key by key in docs/reference/model_format.md.
//
// Nothing here checks datasets, columns or types: spec/spec_parser.h checks the shape of the
// file, bind/binder.h everything that needs the schemas.
//
// Thread safety: plain values.
#ifndef SHUJIAN_ENGINE_SPEC_MODEL_SPEC_H_
#define SHUJIAN_ENGINE_SPEC_MODEL_SPEC_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/common/value_type.h"

namespace shujian::engine {

// A scalar of the model file (an expression, a template, a bound) with its position.
struct SpecText {
  std::string text;
  int pos = -1;  // byte offset of the YAML scalar in the file; -1 when made up by the parser
  bool empty() const { return text.empty(); }
};

struct ParameterSpec {
  std::string name;
  ValueType type;                          // the value's type (of each item for a list)
  bool list = false;                       // a list of values (for `x in $name`)
  std::vector<SpecText> default_values;    // one item, or the list's items
  std::string description;                 // what the parameter means, for analysts
  std::string source;                      // where its default comes from (law, notice)
  int pos = -1;
};

struct RuleSpec {
  std::string id;           // e.g. "a", "4a"
  std::string title;        // what the sub-rule finds, e.g. "达到立案追诉标准未移送"
  std::string legal_basis;  // overrides the model's for leads of this rule; may be empty
  std::string addressee;    // overrides the model's; may be empty
  int pos = -1;
};

// "`to` − `from` lies within [lower, upper] `unit`", each end open or closed, either absent.
struct WindowSpec {
  SpecText from;            // expression over the left input (e.g. cases.decided_on)
  SpecText to;              // expression over the right input (or the same row for rolling)
  std::string unit;         // "days", "months" or "years"
  SpecText interval;        // as written, e.g. "[0, 365]", "(0, $days]", "[-2, 0)", "[0, )"
  SpecText lower;           // integer literal or $param; empty: unbounded
  SpecText upper;
  bool lower_inclusive = true;
  bool upper_inclusive = true;
  int pos = -1;
};

struct NamedExpr {
  std::string name;         // output column name
  SpecText expr;
  int pos = -1;             // position of the name
};

struct ComparisonLevelSpec {
  std::string label;        // e.g. "exact", "jw_high"; what leads and match_when call it
  std::string kind;         // exact | levenshtein | jaro_winkler | pinyin | date_within |
                            // masked_id | null | else
  std::string normalize;    // none | name | company | case_no (string kinds)
  SpecText threshold;       // levenshtein: max distance; jaro_winkler: min score;
                            // date_within: max days apart
  int pos = -1;
};

struct ComparisonSpec {
  std::string name;         // the comparison's output column, e.g. "party"
  SpecText left;            // expression over the left input
  SpecText right;           // expression over the right input
  std::vector<ComparisonLevelSpec> levels;  // first level that holds wins; last is "else"
  int pos = -1;
};

struct SubjectSpec {
  std::string kind;         // record | vehicle | person | organisation | site
  std::string of;           // kind record: the read step whose row is the subject
  SpecText key;             // other kinds: the subject's key (plate, ID number, USCC, site no)
  SpecText label;           // template: how people call it (a name); may be empty
  int pos = -1;
};

struct EmitSpec {
  std::string rule;                  // the sub-rule this emit finds (declared in rules)
  SubjectSpec subject;
  SpecText title;                    // template with {expressions}
  std::vector<NamedExpr> facts;      // the values and thresholds compared
  SpecText addressee;                // template; empty: the rule's or the model's
  std::vector<std::string> evidence; // read steps whose rows are evidence; empty: all
  int evidence_limit = 200;          // rows per read step listed in the lead; the rest counted
};

struct OutputSpec {
  std::string title;                 // what the table is, e.g. "执法机关应录未录统计"
  std::vector<NamedExpr> columns;    // empty: every column of the input
};

enum class StepKind {
  kRead, kFilter, kCompute, kJoin, kSemi, kAnti, kLookup, kAggregate, kRolling, kFuzzy,
  kEmit, kOutput,
};

// The operator key of a step kind in the model file ("read", "filter", ...).
const char* StepKindKey(StepKind kind);

struct StepSpec {
  StepKind kind = StepKind::kRead;
  std::string name;                  // unique; emit steps may leave it empty
  int pos = -1;                      // position of the step's mapping
  std::string from;                  // the input step; empty: the previous step
  int from_pos = -1;
  std::string target;                // read: dataset; join/semi/anti/fuzzy: right step;
                                     // lookup: parameter table
  int target_pos = -1;
  std::string alias;                 // lookup: name of the table's columns (default: table)
  SpecText filter;                   // read: its `where` (evaluated while scanning); filter: the predicate
  std::vector<NamedExpr> computes;   // compute
  std::vector<SpecText> on;          // join-like: "left = right" equalities
  std::optional<WindowSpec> window;  // join/semi/anti: time window; rolling: the window
  SpecText where;                    // join-like: extra condition on both sides
  std::string join_type;             // join: inner | left; fuzzy: inner | semi | anti
  std::string missing;               // lookup: drop | keep | note
  std::vector<NamedExpr> group_by;   // aggregate (name defaults to the column's)
  std::vector<NamedExpr> aggregates; // aggregate, rolling
  SpecText having;                   // aggregate, rolling
  std::vector<NamedExpr> partition_by;  // rolling
  SpecText order_by;                 // rolling
  std::vector<std::vector<SpecText>> blocking;  // fuzzy: rules of equalities; any rule suffices
  std::vector<ComparisonSpec> comparisons;      // fuzzy
  SpecText match_when;               // fuzzy: condition over comparison labels
  EmitSpec emit;                     // emit
  OutputSpec output;                 // output
};

// A row of a fixture: column (canonical name or Chinese header) → value as a user writes it.
struct FixtureCell {
  std::string column;
  SpecText value;
  bool null = false;                 // the YAML value was null or absent
};
struct FixtureRow {
  std::vector<FixtureCell> cells;
  int pos = -1;
};
struct FixtureDataset {
  std::string dataset;
  std::vector<FixtureRow> rows;
  int pos = -1;
};
struct FixtureLead {
  std::string subject;               // the subject key
  std::vector<std::string> rules;    // empty: not checked
  std::string title;                 // empty: not checked
  int pos = -1;
};
struct FixtureSpec {
  std::string name;
  SpecText as_of;                    // ISO date
  std::vector<std::pair<std::string, SpecText>> params;  // overrides
  std::vector<FixtureDataset> data;
  std::vector<FixtureLead> expect;   // exactly the leads expected (none: no lead)
  int pos = -1;
};

struct ModelSpec {
  std::string source_name;           // file name in messages, e.g. "models/x.yaml"
  std::string source_text;           // the file, for positions
  std::vector<int> line_starts;      // offsets where each line of source_text starts (IndexLines)

  std::string id;                    // e.g. "penalty-instead-of-prosecution"
  std::string version;               // e.g. "1"; a lead records it
  std::string title;                 // e.g. "以罚代刑：达到追诉标准未移送"
  std::string category;              // e.g. "两法衔接"
  std::string description;
  std::string legal_basis;           // joined with "；" when the file gives a list
  std::string addressee;             // the agency a finding is addressed to (text)
  std::vector<std::string> subject_kinds;
  std::vector<ParameterSpec> parameters;
  std::vector<RuleSpec> rules;
  std::vector<StepSpec> steps;
  std::vector<FixtureSpec> fixtures;
  int id_pos = -1;
  int pipeline_pos = -1;

  // "file:line:column" of byte offset `pos` (column in characters); the file name alone for
  // pos < 0.
  std::string Where(int pos) const;
  // Fills line_starts from source_text (the parser does, once), so Where is a binary search.
  void IndexLines();
  // The byte offset in the file of byte `offset` of `text`'s value (for errors inside
  // expressions and templates); text.pos when the mapping is not exact.
  int PosInText(const SpecText& text, int offset) const;
  std::string WhereInText(const SpecText& text, int offset) const {
    return Where(PosInText(text, offset));
  }
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_SPEC_MODEL_SPEC_H_
