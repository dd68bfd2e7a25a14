#include "workflow/todo_list.h"

#include <algorithm>
#include <set>

#include "core/date_parse.h"
#include "workflow/case_views.h"

namespace shujian::workflow {

Result<TodoReport> TodoList::For(const std::string& actor_login, const std::string& user_login,
                                 Date as_of) const {
  SJ_ASSIGN_OR_RETURN(auto transaction, context_.store->Begin(store::TransactionMode::kRead));
  AccessPolicy policy = context_.policy();
  SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(*transaction, actor_login));
  SJ_ASSIGN_OR_RETURN(Actor user, policy.Resolve(*transaction, user_login));
  if (user.local_operator) return Status::InvalidArgument("请用 --user 写明要查看谁的待办");
  bool allowed = actor.local_operator || actor.login == user.login ||
                 (actor.org.code == user.org.code &&
                  (actor.HasRole("检察长") ||
                   (actor.HasRole("部门负责人") && actor.dept_code == user.dept_code)));
  if (!allowed) {
    return Status::PermissionDenied(actor.Describe() + "不能查看 " + user.login +
                                    " 的待办：只有本人、本院检察长和本部门负责人可以查看");
  }
  bool approver = user.HasRole("检察长") || user.HasRole("部门负责人");
  bool clerk = user.HasRole("执法机关联络员");
  store::DeadlineFilter filter;
  filter.active_only = true;
  filter.handler = user.login;
  if (clerk) filter.counterparty_org = user.org.code;
  if (approver) filter.org_code = user.org.code;
  SJ_ASSIGN_OR_RETURN(std::vector<store::Deadline> deadlines,
                      transaction->matters().ListDeadlines(filter));

  TodoReport report;
  report.user = user.login;
  report.as_of = as_of;
  std::set<int64_t> seen;
  for (const store::Deadline& deadline : deadlines) {
    if (deadline.state != "open" || !seen.insert(deadline.id).second) continue;
    const DeadlineRule* rule = context_.procedure->FindDeadline(deadline.name);
    bool mine = deadline.handler == user.login;
    bool owed_to_clerk = clerk && deadline.counterparty_org == user.org.code && rule != nullptr &&
                         rule->notify_counterparty;
    bool unowned = approver && deadline.handler.empty() && deadline.org_code == user.org.code;
    if (!mine && !owed_to_clerk && !unowned) continue;
    std::string label;
    std::string machine;
    std::string state;
    std::string dept;
    if (deadline.object_id.starts_with("L-")) {
      SJ_ASSIGN_OR_RETURN(std::optional<store::Lead> lead,
                          transaction->leads().GetLead(deadline.object_id));
      if (!lead) continue;
      SJ_ASSIGN_OR_RETURN(std::optional<store::LeadHandling> handling,
                          transaction->lead_handling().GetHandling(deadline.object_id));
      if (handling) dept = handling->dept_code;
      label = "线索 " + lead->id;
      machine = "lead";
      state = lead->status;
    } else {
      SJ_ASSIGN_OR_RETURN(std::optional<store::Matter> matter,
                          transaction->matters().GetMatter(deadline.object_id));
      if (!matter) continue;
      const Machine* rules = context_.procedure->FindMachine(matter->machine);
      label = !matter->doc_number.empty()
                  ? matter->doc_number
                  : (rules ? rules->title : matter->machine) + " " + matter->id;
      machine = matter->machine;
      state = matter->state;
      dept = matter->dept_code;
    }
    // A department head answers for the unowned deadlines of their own department only.
    if (unowned && !mine && !user.HasRole("检察长") && !dept.empty() && dept != user.dept_code)
      continue;
    Result<Date> due = ParseDate(deadline.due_on);
    if (!due.ok()) return Status::Corruption("期限日期无法读取：" + deadline.due_on);
    TodoItem item;
    item.kind = deadline.name;
    item.ref = deadline.object_id;
    item.title = label + " " + (rule != nullptr ? rule->todo : deadline.title);
    item.due = deadline.due_on;
    item.colour = DeadlineColour(*due, as_of, context_.procedure->warning_days());
    item.days_left = due->DaysSince(as_of);
    item.deadline_title = deadline.title;
    item.machine = machine;
    item.state = state;
    item.note = deadline.note;
    report.items.push_back(std::move(item));
  }
  std::sort(report.items.begin(), report.items.end(), [](const TodoItem& a, const TodoItem& b) {
    return a.due != b.due ? a.due < b.due : a.ref != b.ref ? a.ref < b.ref : a.kind < b.kind;
  });
  return report;
}

}  // namespace shujian::workflow
