#include "cli/demo_accounts.h"

#include "demo/vocabulary.h"
#include "workflow/org_admin.h"

namespace shujian::cli {
namespace {

struct DepartmentTemplate {
  const char* code;
  const char* name;
  const char* short_name;  // in document numbers: 郧检行建〔2024〕1号
};

constexpr DepartmentTemplate kDepartments[] = {
    {"D1", "第一检察部", "刑"},
    {"D5", "第五检察部", "行"},
    {"D8", "第八检察部", "公"},
};

struct AccountTemplate {
  const char* login;
  const char* name;
  const char* org;
  const char* dept;
  const char* role;
};

constexpr const char* kYunyang = "SYYY";

constexpr AccountTemplate kAccounts[] = {
    {"zhangjian", "张建", kYunyang, "D5", "检察官"},
    {"lixia", "李霞", kYunyang, "D5", "检察官助理"},
    {"wangbo", "王波", kYunyang, "D5", "部门负责人"},
    {"zhoujie", "周洁", kYunyang, "D8", "检察官"},
    {"chenhua", "陈华", kYunyang, "", "检察长"},
    {"liufen", "刘芬", "SY", "", "数据分析员"},
    {"nongye", "农业农村局联络员", "YYNY", "", "执法机关联络员"},
    {"sysadmin", "系统管理员", "SY", "", "系统管理员"},
    {"secadmin", "安全管理员", "SY", "", "安全管理员"},
    {"auditadmin", "审计管理员", "SY", "", "审计管理员"},
};

}  // namespace

Result<DemoOrganisations> SeedDemoOrganisations(const workflow::WorkflowContext& context) {
  const workflow::OrgAdmin admin(context);
  const std::string local_operator;  // every administrative power: how a deployment starts
  DemoOrganisations seeded;
  std::map<std::string, std::string> names;  // code → name
  auto add = [&](const workflow::NewOrganisation& org) -> Status {
    SJ_RETURN_IF_ERROR(admin.AddOrganisation(local_operator, org).status());
    names[org.code] = org.name;
    ++seeded.organisations;
    return Status::Ok();
  };
  bool city = true;
  for (const demo::Procuratorate& procuratorate : demo::Procuratorates()) {
    SJ_RETURN_IF_ERROR(add({std::string(procuratorate.code), std::string(procuratorate.name),
                            std::string(procuratorate.short_name), city ? "市院" : "基层院",
                            city ? "" : "SY", std::to_string(procuratorate.region_code)}));
    for (const DepartmentTemplate& department : kDepartments) {
      SJ_RETURN_IF_ERROR(
          admin
              .AddDepartment(local_operator,
                             store::Department{std::string(procuratorate.code), department.code,
                                               department.name, department.short_name})
              .status());
      ++seeded.departments;
    }
    city = false;
  }
  for (const demo::Agency& agency : demo::YunyangAgencies()) {
    SJ_RETURN_IF_ERROR(add(
        {std::string(agency.case_prefix), std::string(agency.name), "", "执法机关", "", "420304"}));
  }
  SJ_RETURN_IF_ERROR(add({"YYGA", "十堰市公安局郧阳区分局", "", "公安", "", "420304"}));
  SJ_RETURN_IF_ERROR(add({"YYJW", "十堰市郧阳区纪委监委", "", "纪委监委", "", "420304"}));
  SJ_RETURN_IF_ERROR(add({"YYRD", "十堰市郧阳区人大常委会", "", "人大", "", "420304"}));
  SJ_RETURN_IF_ERROR(add({"YYFY", "十堰市郧阳区人民法院", "", "法院", "", "420304"}));

  for (const AccountTemplate& account : kAccounts) {
    workflow::NewUser user{account.login, account.name, account.org, account.dept, {account.role}};
    SJ_RETURN_IF_ERROR(admin.AddUser(local_operator, user).status());
    seeded.accounts.push_back({account.login, account.name, names[account.org], account.role});
  }
  seeded.prosecutor = kAccounts[0].login;
  return seeded;
}

}  // namespace shujian::cli
