-- 0035: the heritage registry (红色资源): sites, their inspections (with photos as attachments),
-- the cases on each site, and rectification outcomes (rooms repaired, area, funds), so that a
-- procuratorate's reported totals come from records.
CREATE TABLE heritage_sites (
  site_no             TEXT PRIMARY KEY,        -- 编号, the heritage_site dataset key
  name                TEXT NOT NULL,
  category            TEXT NOT NULL,           -- 烈士墓 / 烈士纪念设施 / 革命遗址 / 文物保护单位
  level               TEXT NOT NULL,           -- 全国重点 / 省级 / 市级 / 县级 / 未定级
  township            TEXT NOT NULL DEFAULT '',
  lon                 TEXT NOT NULL DEFAULT '', -- decimal degrees as written
  lat                 TEXT NOT NULL DEFAULT '',
  responsible_agency  TEXT NOT NULL,
  caretaker           TEXT NOT NULL DEFAULT '',
  org_code            TEXT NOT NULL REFERENCES organisations (code),  -- whose registry
  source              TEXT NOT NULL CHECK (source IN ('录入', '数据集')),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX heritage_sites_by_org ON heritage_sites (org_code);

CREATE TABLE heritage_inspections (
  site_no       TEXT NOT NULL REFERENCES heritage_sites (site_no),
  inspected_on  TEXT NOT NULL,
  condition     TEXT NOT NULL,                 -- 完好 / 一般损坏 / 严重损毁 / 灭失
  issues        TEXT NOT NULL DEFAULT '',
  inspector     TEXT NOT NULL DEFAULT '',
  recorded_by   TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  PRIMARY KEY (site_no, inspected_on)
) STRICT, WITHOUT ROWID;

CREATE TABLE heritage_site_matters (
  site_no    TEXT NOT NULL REFERENCES heritage_sites (site_no),
  matter_id  TEXT NOT NULL REFERENCES matters (id),
  linked_at  TEXT NOT NULL,
  PRIMARY KEY (site_no, matter_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE heritage_outcomes (
  id           INTEGER PRIMARY KEY,
  site_no      TEXT NOT NULL REFERENCES heritage_sites (site_no),
  matter_id    TEXT NOT NULL REFERENCES matters (id),
  rooms        INTEGER NOT NULL DEFAULT 0,     -- 修缮房屋（间）
  area_milli   INTEGER NOT NULL DEFAULT 0,     -- 面积，千分之一平方米
  funds_fen    INTEGER NOT NULL DEFAULT 0,     -- 投入资金（分）
  recorded_on  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL
) STRICT;
CREATE INDEX heritage_outcomes_by_site ON heritage_outcomes (site_no);
