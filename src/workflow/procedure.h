// The procedure as data: the state machines of rules/procedure/<machine>.yaml (states, the
// transitions between them, who may perform each, what each requires, which deadlines it starts,
// stops, pauses or resumes, and which named effects it has), the deadlines, document numbers,
// fields and attachment limits of rules/procedure/procedure.yaml, and the roles of
// rules/access/roles.yaml. Everything is checked on loading, with file, line and column in the
// message; a machine that names an unknown state, role, field, deadline, effect or guard is
// refused.
//
// This module only describes the procedure; ProcedureRunner (procedure_runner.h) runs it.
//
// Thread safety: immutable after loading; safe for concurrent use.
#ifndef SHUJIAN_WORKFLOW_PROCEDURE_H_
#define SHUJIAN_WORKFLOW_PROCEDURE_H_

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded_file.h"
#include "core/result.h"
#include "workflow/masking.h"
#include "workflow/period.h"

namespace shujian::workflow {

struct DeadlineRule {
  std::string name;
  std::string title;  // 检察建议回复
  std::string todo;   // on the to-do list: 待回复
  PeriodSpec period;
  std::optional<PeriodSpec> urgent_period;  // when the object is marked urgent
  std::string base = "act";                 // act, received, attr:<field>, due:<deadline>
  bool holiday_extends = true;       // a last day on a rest day moves to the next working day
  bool notify_counterparty = false;  // also on the addressee's clerks' to-do list
  bool for_approvers = false;        // on the chief's and department head's list, not the
                                     // handler's (responsible: 审批人)
  std::string source;                // legal source and confidence tag
};

struct DocumentRule {
  std::string type;           // suggestion, opinion, filing_decision ...
  std::string title;          // 检察建议书
  std::string number_format;  // {院}检{部门}建〔{年}〕{号}号
  std::string template_file;  // in templates/documents/; empty: numbered only
  std::string basis;          // the legal basis the document cites by default
  std::string source;
};

enum class FieldType {
  kText,
  kEnum,
  kFile,
  kTextFile,
  kOrg,
  kUser,
  kLead,
  kMatter,
  kDate,
  kFlag,
  kInt,
  kDecimal,
  kMoney
};

struct FieldRule {
  std::string name;
  std::string label;   // 采纳情况
  std::string option;  // --adoption
  FieldType type = FieldType::kText;
};

// A field a transition requires or accepts.
struct Requirement {
  std::string field;
  std::string label;                        // overrides the field's label when not empty
  std::vector<std::string> values;          // allowed values; empty: any
  std::map<std::string, std::string> when;  // required only when these inputs have these values
};

struct DeadlineStart {
  std::string deadline;
  std::map<std::string, std::string> when;  // only when these inputs have these values
  std::vector<std::string> if_kind;         // only for objects of these kinds
};

// Where a transition goes: a state, "$same" (stays), "$resume" (the state saved before an
// objection), or a state chosen by the value of an input field.
struct Target {
  std::string state;
  std::string by_field;
  std::map<std::string, std::string> by_value;
};

struct Transition {
  std::string action;  // sign
  std::string label;   // 签发
  std::vector<std::string> from;
  Target to;
  std::vector<std::string> roles;
  std::vector<Requirement> required;
  std::vector<Requirement> optional;
  std::map<std::string, std::string> fixed;  // inputs set by the transition itself
  std::vector<std::string> effects;          // named effects, "name" or "name:argument"
  std::vector<DeadlineStart> starts;
  std::vector<std::string> stops;
  std::vector<std::string> stops_on_case;  // deadlines of the case the object belongs to
  std::vector<std::string> pauses;
  std::vector<std::string> resumes;
  std::vector<std::string> guards;   // dispositions_final, overdue:<dl>, done:<action>
  std::vector<std::string> if_kind;  // only for objects of these kinds
  std::string automatic;             // performed by the system when this deadline passes
};

struct Creation {
  std::string command;  // draft; empty when only created by an effect
  std::string label;
  std::vector<std::string> roles;
  std::vector<Requirement> required;
  std::vector<Requirement> optional;
  std::string state;
  std::vector<std::string> effects;
  std::vector<DeadlineStart> starts;
  bool unassigned = false;  // created without a handler or department, for someone to accept it
};

struct StateRule {
  std::string name;
  bool final = false;
  std::string description;
};

struct Machine {
  std::string name;               // suggestion
  std::string title;              // 检察建议
  std::string command;            // the CLI command: suggestion
  std::string id_prefix;          // S
  std::string object = "matter";  // matter, or lead for the lead machine
  std::string parent;             // the machine of the parent (case) when created under one
  std::vector<std::string> parent_states;
  std::string parent_to;  // the parent's state once it has this disposition
  std::string document;   // the document type it issues
  std::string counterparty_field = "addressee";
  bool shown_to_counterparty = false;  // the addressee's clerks see and act on it (not a case)
  std::vector<std::string> kinds;
  std::vector<StateRule> states;
  std::optional<Creation> creation;
  std::vector<Transition> transitions;
  std::string file;  // rules/procedure/<name>.yaml

  const StateRule* FindState(std::string_view state) const;
  const Transition* FindTransition(std::string_view action) const;
  bool IsFinal(std::string_view state) const;
};

enum class RoleSide { kProcuratorate, kOutside, kAdmin };
enum class ActScope { kOwnCases, kDepartment, kProcuratorate, kAddressedToOrg, kNone };
enum class ReadScope { kProcuratorate, kLeadsOnly, kAddressedToOrg, kNone };

struct RoleRule {
  std::string name;
  RoleSide side = RoleSide::kProcuratorate;
  ActScope acts_on = ActScope::kNone;
  bool handles = false;  // may be 承办人
  ReadScope reads = ReadScope::kNone;
  PersonalDataView personal_data = PersonalDataView::kNone;
  std::set<std::string>
      admin;  // 管理组织, 创建用户, 停用用户, 授予角色, 撤销角色, 查看审计, 核验审计
};

struct OrgKindRule {
  std::string kind;
  RoleSide side = RoleSide::kOutside;
  bool sees_all = false;  // the city procuratorate reads every procuratorate's matters
};

struct AccessRules {
  std::vector<OrgKindRule> org_kinds;
  std::vector<RoleRule> roles;
  std::set<std::string> exclusive;         // 三员
  std::set<std::string> id_number_fields;  // evidence columns holding ID numbers
  std::set<std::string> name_fields;       // evidence columns holding people's names

  const RoleRule* FindRole(std::string_view name) const;
  const OrgKindRule* FindOrgKind(std::string_view kind) const;
};

struct AttachmentRules {
  int64_t max_bytes = 20 * 1024 * 1024;
  std::vector<std::string> types;
  std::vector<std::string> photo_types;
};

class Procedure {
 public:
  // The procedure of rules/procedure/ and rules/access/ compiled into the binary; empty when the
  // shipped files are broken (ShippedStatus says why; the tests make sure they are not).
  static const Procedure& Shipped();
  static Status ShippedStatus();
  // Loads procedure files (procedure.yaml and one file per machine, paths relative to
  // rules/procedure) and the roles file (rules/access/roles.yaml). Returns InvalidArgument with
  // file:line:column for anything malformed or inconsistent.
  static Result<Procedure> Load(std::span<const EmbeddedFile> procedure_files,
                                std::string_view roles_yaml);

  const Machine* FindMachine(std::string_view name) const;
  const Machine* FindMachineByCommand(std::string_view command) const;
  // The machine whose ids start with `prefix` ("S" for "S-000001").
  const Machine* FindMachineByPrefix(std::string_view prefix) const;
  const DeadlineRule* FindDeadline(std::string_view name) const;
  const DocumentRule* FindDocument(std::string_view type) const;
  const FieldRule* FindField(std::string_view name) const;
  std::vector<const Machine*> machines() const;
  const std::vector<DeadlineRule>& deadlines() const { return deadlines_; }
  const std::vector<FieldRule>& fields() const { return fields_; }

  int warning_days() const { return warning_days_; }
  const AttachmentRules& attachments() const { return attachments_; }
  // The roles that may enter heritage sites, inspections and outcomes.
  const std::vector<std::string>& heritage_roles() const { return heritage_roles_; }
  const AccessRules& access() const { return access_; }

 private:
  // Load, letting yaml-cpp's exceptions through (Load turns them into InvalidArgument).
  static Result<Procedure> LoadOrThrow(std::span<const EmbeddedFile> procedure_files,
                                       std::string_view roles_yaml);

  std::vector<Machine> machines_;
  std::vector<DeadlineRule> deadlines_;
  std::vector<DocumentRule> documents_;
  std::vector<FieldRule> fields_;
  int warning_days_ = 3;
  AttachmentRules attachments_;
  std::vector<std::string> heritage_roles_;
  AccessRules access_;
};

// A requirement as people read it in messages and help:
// "采纳情况（--adoption，可选：采纳、部分采纳、 不采纳）", "回复文书（--document 文件）".
std::string DescribeRequirement(const Procedure& procedure, const Requirement& requirement);

// The effects and guards a machine may name (implemented by ProcedureRunner).
const std::set<std::string>& KnownEffects();
bool IsKnownGuard(std::string_view guard);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_PROCEDURE_H_
