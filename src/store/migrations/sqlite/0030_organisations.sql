-- 0030: organisations (市院, 基层院 and their departments, the agencies, police, discipline
-- commission, people's congress and courts they deal with) and users with roles. The workflow
-- authorises every action against these rows.
CREATE TABLE organisations (
  code         TEXT PRIMARY KEY,                 -- chosen by the administrator, e.g. "YYJC"
  name         TEXT NOT NULL,                    -- 十堰市郧阳区人民检察院
  short_name   TEXT NOT NULL DEFAULT '',         -- 院简称 in document numbers, e.g. 郧
  kind         TEXT NOT NULL CHECK (kind IN
                 ('市院', '基层院', '执法机关', '公安', '纪委监委', '人大', '法院')),
  parent_code  TEXT REFERENCES organisations (code),
  region       TEXT NOT NULL DEFAULT '',         -- GB/T 2260 code, e.g. 420304
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX organisations_by_name ON organisations (name);

-- Departments of a procuratorate (第五检察部 / 行政检察部 ...): their short name (部门简称, e.g. 行)
-- goes into document numbers, which are counted per procuratorate, department and year.
CREATE TABLE departments (
  org_code    TEXT NOT NULL REFERENCES organisations (code),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL,
  PRIMARY KEY (org_code, code)
) STRICT, WITHOUT ROWID;

CREATE TABLE users (
  login       TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  org_code    TEXT NOT NULL REFERENCES organisations (code),
  dept_code   TEXT NOT NULL DEFAULT '',           -- '' when the user belongs to no department
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
) STRICT;
CREATE INDEX users_by_org ON users (org_code, dept_code);

CREATE TABLE user_roles (
  login       TEXT NOT NULL REFERENCES users (login),
  role        TEXT NOT NULL CHECK (role IN ('检察官', '检察官助理', '部门负责人', '检察长', '数据分析员',
                 '执法机关联络员', '系统管理员', '安全管理员', '审计管理员')),
  granted_by  TEXT NOT NULL,
  granted_at  TEXT NOT NULL,
  PRIMARY KEY (login, role)
) STRICT, WITHOUT ROWID;
