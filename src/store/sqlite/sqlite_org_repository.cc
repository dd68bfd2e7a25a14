#include "store/sqlite/sqlite_org_repository.h"

#include "store/sqlite/sqlite_ids.h"

namespace shujian::store {

Result<std::vector<Organisation>> SqliteOrgRepository::QueryOrganisations(
    std::string_view where, std::string_view argument) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(
                          "SELECT code, name, short_name, kind, coalesce(parent_code, ''), region, "
                          "active, created_at FROM organisations " +
                          std::string(where) + " ORDER BY code"));
  if (!where.empty()) statement.Bind(1, argument);
  return CollectRows<Organisation>(statement, [](const SqliteStatement& row) {
    return Organisation{row.Text(0), row.Text(1), row.Text(2),     row.Text(3),
                        row.Text(4), row.Text(5), row.Int(6) != 0, row.Text(7)};
  });
}

Status SqliteOrgRepository::AddOrganisation(const Organisation& organisation) {
  SJ_ASSIGN_OR_RETURN(int64_t taken,
                      QueryInt(connection_, "SELECT count(*) FROM organisations WHERE code = ?1",
                               organisation.code));
  if (taken > 0) return Status::AlreadyExists("组织编码「" + organisation.code + "」已被使用");
  SJ_ASSIGN_OR_RETURN(taken,
                      QueryInt(connection_, "SELECT count(*) FROM organisations WHERE name = ?1",
                               organisation.name));
  if (taken > 0) return Status::AlreadyExists("组织「" + organisation.name + "」已存在");
  if (!organisation.parent_code.empty()) {
    SJ_ASSIGN_OR_RETURN(int64_t parent,
                        QueryInt(connection_, "SELECT count(*) FROM organisations WHERE code = ?1",
                                 organisation.parent_code));
    if (parent == 0) {
      return Status::NotFound("上级组织「" + organisation.parent_code + "」不存在");
    }
  }
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO organisations (code, name, short_name, kind, parent_code, "
                           "region, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, organisation.code)
      .Bind(2, organisation.name)
      .Bind(3, organisation.short_name)
      .Bind(4, organisation.kind)
      .Bind(6, organisation.region)
      .Bind(7, static_cast<int64_t>(organisation.active ? 1 : 0))
      .Bind(8, organisation.created_at);
  if (organisation.parent_code.empty()) {
    insert.BindNull(5);
  } else {
    insert.Bind(5, organisation.parent_code);
  }
  return insert.Run();
}

Result<std::optional<Organisation>> SqliteOrgRepository::GetOrganisation(std::string_view code) {
  SJ_ASSIGN_OR_RETURN(std::vector<Organisation> found, QueryOrganisations("WHERE code = ?", code));
  if (found.empty()) return std::optional<Organisation>();
  return std::optional<Organisation>(std::move(found.front()));
}

Result<std::vector<Organisation>> SqliteOrgRepository::ListOrganisations() {
  return QueryOrganisations("", "");
}

Status SqliteOrgRepository::AddDepartment(const Department& department) {
  SJ_ASSIGN_OR_RETURN(std::optional<Department> existing,
                      GetDepartment(department.org_code, department.code));
  if (existing) {
    return Status::AlreadyExists("部门「" + department.org_code + "/" + department.code +
                                 "」已存在");
  }
  SJ_ASSIGN_OR_RETURN(SqliteStatement insert,
                      connection_->Prepare("INSERT INTO departments (org_code, code, name, "
                                           "short_name) VALUES (?, ?, ?, ?)"));
  return insert.Bind(1, department.org_code)
      .Bind(2, department.code)
      .Bind(3, department.name)
      .Bind(4, department.short_name)
      .Run();
}

Result<std::optional<Department>> SqliteOrgRepository::GetDepartment(std::string_view org_code,
                                                                     std::string_view code) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare("SELECT org_code, code, name, short_name FROM "
                                           "departments WHERE org_code = ? AND code = ?"));
  statement.Bind(1, org_code).Bind(2, code);
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<Department>();
  return std::optional<Department>(
      Department{statement.Text(0), statement.Text(1), statement.Text(2), statement.Text(3)});
}

Result<std::vector<Department>> SqliteOrgRepository::ListDepartments(std::string_view org_code) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare("SELECT org_code, code, name, short_name FROM "
                                           "departments WHERE ?1 = '' OR org_code = ?1 "
                                           "ORDER BY org_code, code"));
  statement.Bind(1, org_code);
  return CollectRows<Department>(statement, [](const SqliteStatement& row) {
    return Department{row.Text(0), row.Text(1), row.Text(2), row.Text(3)};
  });
}

Status SqliteOrgRepository::AddUser(const User& user) {
  SJ_ASSIGN_OR_RETURN(
      int64_t taken,
      QueryInt(connection_, "SELECT count(*) FROM users WHERE login = ?1", user.login));
  if (taken > 0) return Status::AlreadyExists("登录名「" + user.login + "」已被使用");
  SJ_ASSIGN_OR_RETURN(SqliteStatement insert,
                      connection_->Prepare("INSERT INTO users (login, name, org_code, dept_code, "
                                           "active, created_at, created_by) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  return insert.Bind(1, user.login)
      .Bind(2, user.name)
      .Bind(3, user.org_code)
      .Bind(4, user.dept_code)
      .Bind(5, static_cast<int64_t>(user.active ? 1 : 0))
      .Bind(6, user.created_at)
      .Bind(7, user.created_by)
      .Run();
}

Result<std::vector<User>> SqliteOrgRepository::QueryUsers(std::string_view where,
                                                          std::string_view argument) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare("SELECT u.login, u.name, u.org_code, u.dept_code, u.active, "
                           "u.created_at, u.created_by, coalesce(r.role, '') FROM users u "
                           "LEFT JOIN user_roles r ON r.login = u.login " +
                           std::string(where) + " ORDER BY u.login, r.role"));
  if (!where.empty()) statement.Bind(1, argument);
  std::vector<User> users;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    if (users.empty() || users.back().login != statement.Text(0)) {
      users.push_back({statement.Text(0),
                       statement.Text(1),
                       statement.Text(2),
                       statement.Text(3),
                       statement.Int(4) != 0,
                       statement.Text(5),
                       statement.Text(6),
                       {}});
    }
    std::string role = statement.Text(7);
    if (!role.empty()) users.back().roles.push_back(std::move(role));
  }
  return users;
}

Result<std::optional<User>> SqliteOrgRepository::GetUser(std::string_view login) {
  SJ_ASSIGN_OR_RETURN(std::vector<User> found, QueryUsers("WHERE u.login = ?", login));
  if (found.empty()) return std::optional<User>();
  return std::optional<User>(std::move(found.front()));
}

Result<std::vector<User>> SqliteOrgRepository::ListUsers(std::string_view org_code) {
  if (org_code.empty()) return QueryUsers("", "");
  return QueryUsers("WHERE u.org_code = ?", org_code);
}

Status SqliteOrgRepository::SetUserActive(std::string_view login, bool active) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement update,
                      connection_->Prepare("UPDATE users SET active = ? WHERE login = ?"));
  SJ_RETURN_IF_ERROR(update.Bind(1, static_cast<int64_t>(active ? 1 : 0)).Bind(2, login).Run());
  return RequireOneChange(connection_, "用户「" + std::string(login) + "」不存在");
}

Status SqliteOrgRepository::GrantRole(std::string_view login, std::string_view role,
                                      std::string_view granted_by, std::string_view granted_at) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement exists,
                      connection_->Prepare("SELECT count(*) FROM user_roles WHERE login = ? AND "
                                           "role = ?"));
  exists.Bind(1, login).Bind(2, role);
  SJ_ASSIGN_OR_RETURN(bool has_row, exists.Step());
  if (has_row && exists.Int(0) > 0) {
    return Status::AlreadyExists("用户「" + std::string(login) + "」已有角色「" +
                                 std::string(role) + "」");
  }
  SJ_ASSIGN_OR_RETURN(SqliteStatement insert,
                      connection_->Prepare("INSERT INTO user_roles (login, role, granted_by, "
                                           "granted_at) VALUES (?, ?, ?, ?)"));
  return insert.Bind(1, login).Bind(2, role).Bind(3, granted_by).Bind(4, granted_at).Run();
}

Status SqliteOrgRepository::RevokeRole(std::string_view login, std::string_view role) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement remove,
                      connection_->Prepare("DELETE FROM user_roles WHERE login = ? AND role = ?"));
  SJ_RETURN_IF_ERROR(remove.Bind(1, login).Bind(2, role).Run());
  return RequireOneChange(
      connection_, "用户「" + std::string(login) + "」没有角色「" + std::string(role) + "」");
}

}  // namespace shujian::store
