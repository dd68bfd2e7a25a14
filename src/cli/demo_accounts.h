// The people and organisations of the demonstration city, entered through the same
// administration service an administrator uses (workflow::OrgAdmin, audited): the city
// procuratorate and its eight basic procuratorates with their departments, the 34 agencies of
// 郧阳 that upload cases, the police, the discipline commission, the people's congress and the
// court; and a few accounts to explore the demo with, one per role.
//
// Thread safety: one seeding at a time.
#ifndef SHUJIAN_CLI_DEMO_ACCOUNTS_H_
#define SHUJIAN_CLI_DEMO_ACCOUNTS_H_

#include <string>
#include <vector>

#include "core/result.h"
#include "workflow/workflow_context.h"

namespace shujian::cli {

struct DemoAccount {
  std::string login;
  std::string name;
  std::string org;    // organisation name
  std::string roles;  // "检察官" ...
};

struct DemoOrganisations {
  int organisations = 0;
  int departments = 0;
  std::vector<DemoAccount> accounts;
  std::string prosecutor;  // login of the 郧阳 prosecutor who registers the heritage sites
};

// Enters the city's organisations, departments and accounts as the local operator.
Result<DemoOrganisations> SeedDemoOrganisations(const workflow::WorkflowContext& context);

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_DEMO_ACCOUNTS_H_
