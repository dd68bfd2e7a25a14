// The to-do list (待办) of one user as of a date: every running deadline they answer for, with its
// due date and a colour — green, yellow (due within the warning days of rules/procedure/
// procedure.yaml, 3 by default), red (overdue) — and the JSON shape of shared/spec/cli.md.
//
// Whose deadline it is: the handling prosecutor's (承办人); for deadlines with no handler (a lead
// not yet assigned, an approval) the procuratorate's chief and the department's head; for a
// reply, decision or feedback the outside party owes (notify_counterparty), also the clerks of
// that party. Paused deadlines (中止审查) are not listed.
//
// Thread safety: safe for concurrent use; each call runs its own transaction.
#ifndef SHUJIAN_WORKFLOW_TODO_LIST_H_
#define SHUJIAN_WORKFLOW_TODO_LIST_H_

#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "workflow/workflow_context.h"

namespace shujian::workflow {

struct TodoItem {
  std::string kind;            // the deadline's name, e.g. suggestion_reply
  std::string ref;             // the lead or matter, e.g. S-000001
  std::string title;           // 郧检行建〔2024〕3号 待回复
  std::string due;             // ISO date
  std::string colour;          // green, yellow, red
  int days_left = 0;           // negative when overdue
  std::string deadline_title;  // 检察建议回复
  std::string machine;         // lead, suggestion ...
  std::string state;           // the object's state
  std::string note;
};

struct TodoReport {
  std::string user;
  Date as_of;
  std::vector<TodoItem> items;  // by due date, then ref
};

class TodoList {
 public:
  explicit TodoList(const WorkflowContext& context) : context_(context) {}

  // The to-do list of `user` as of `as_of`. Viewers: the user, the local operator, and the chief
  // or department head of the user's procuratorate (department). Errors: NotFound for an unknown
  // user, PermissionDenied for anyone else.
  Result<TodoReport> For(const std::string& actor, const std::string& user, Date as_of) const;

 private:
  const WorkflowContext& context_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_TODO_LIST_H_
