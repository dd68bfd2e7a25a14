// shujian audit verify|log: the audit administrator's tools — recompute the hash chain of the
// audit log (naming the first row changed, removed or reordered; with --anchor, also rows removed
// from the end) and read it.
#include <memory>

#include "cli/command.h"
#include "cli/workflow_support.h"
#include "workflow/audit_reader.h"
#include "workflow/json_views.h"

namespace shujian::cli {
namespace {

struct AuditOptions {
  std::string as;
  std::string anchor;
  int64_t from = 1;
  int limit = 100;
  std::string object;
};

}  // namespace

void RegisterAuditCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<AuditOptions>();
  CLI::App* command = app.add_subcommand("audit", "审计记录：核验哈希链、查看记录（审计管理员）");
  command->require_subcommand(1);

  CLI::App* verify = command->add_subcommand("verify", "核验审计记录的完整性");
  verify
      ->add_option("--anchor", options->anchor,
                   "上次核验输出的锚点「序号:校验值」，用于发现末尾被删除的记录")
      ->type_name("SEQ:MAC");
  AddAsOption(verify, &options->as);
  verify->footer(
      "完整时退出码 0，并打印新的锚点（请保存在数据库之外）；发现篡改时退出码 "
      "1，指出第一条有问题的记录。\n\n示例：\n"
      "  shujian audit verify --as auditadmin --anchor 1234:5f3c…");
  verify->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      std::optional<std::pair<int64_t, std::string>> anchor;
      if (!options->anchor.empty()) {
        size_t colon = options->anchor.find(':');
        char* end = nullptr;
        long long seq =
            colon == std::string::npos ? 0 : std::strtoll(options->anchor.c_str(), &end, 10);
        if (colon == std::string::npos || seq <= 0 || end != options->anchor.c_str() + colon) {
          return Fail(context,
                      Status::InvalidArgument("--anchor 应为「序号:校验值」，如 1234:5f3c…"));
        }
        anchor = std::make_pair(static_cast<int64_t>(seq), options->anchor.substr(colon + 1));
      }
      auto verified = workflow::AuditReader((*environment)->context()).Verify(options->as, anchor);
      if (!verified.ok()) return Fail(context, verified.status());
      if (context.output->json()) {
        context.output->Json(workflow::VerificationJson(*verified));
      } else if (verified->intact) {
        context.output->Line("审计记录完整：共" + std::to_string(verified->rows) + "条");
        context.output->Line("锚点：" + std::to_string(verified->last_seq) + ":" +
                             verified->last_mac);
      } else {
        context.output->Line("审计记录已被篡改：" + verified->problem);
      }
      return verified->intact ? kExitDone : kExitAttention;
    };
  });

  CLI::App* log = command->add_subcommand("log", "查看审计记录（个人信息已脱敏）");
  log->add_option("--from", options->from, "从该序号起（默认1）");
  log->add_option("--limit", options->limit, "最多几条（默认100，0为全部）");
  log->add_option("--object", options->object, "只看关于该对象的记录，如 S-000001");
  AddAsOption(log, &options->as);
  log->footer("示例：\n  shujian audit log --as auditadmin --object S-000001 --json");
  log->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto events = workflow::AuditReader((*environment)->context())
                        .Read(options->as, options->from, options->limit, options->object);
      if (!events.ok()) return Fail(context, events.status());
      if (context.output->json()) {
        workflow::OrderedJson items = workflow::OrderedJson::array();
        for (const store::AuditEvent& event : *events)
          items.push_back(workflow::AuditEventJson(event));
        context.output->Json({{"events", items}});
        return kExitDone;
      }
      for (const store::AuditEvent& event : *events) {
        context.output->Line(std::to_string(event.seq) + "  " + event.at + "  " + event.actor +
                             "  " + event.action + "  " + event.object_id +
                             (event.outcome == "ok" ? "" : "  【拒绝】") + "  " + event.summary);
      }
      return kExitDone;
    };
  });
}

}  // namespace shujian::cli
