#include "store/sqlite/sqlite_heritage_repository.h"

#include "store/sqlite/sqlite_ids.h"

namespace shujian::store {
namespace {

constexpr const char* kSiteColumns =
    "site_no, name, category, level, township, lon, lat, responsible_agency, caretaker, org_code, "
    "source, created_at, updated_at";

HeritageSite ReadSite(const SqliteStatement& row) {
  return {row.Text(0),  row.Text(1),  row.Text(2), row.Text(3), row.Text(4),
          row.Text(5),  row.Text(6),  row.Text(7), row.Text(8), row.Text(9),
          row.Text(10), row.Text(11), row.Text(12)};
}

}  // namespace

Result<bool> SqliteHeritageRepository::UpsertSite(const HeritageSite& site) {
  SJ_ASSIGN_OR_RETURN(
      int64_t existing,
      QueryInt(connection_, "SELECT count(*) FROM heritage_sites WHERE site_no = ?1",
               site.site_no));
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement upsert,
      connection_->Prepare(
          "INSERT INTO heritage_sites (site_no, name, category, level, township, lon, lat, "
          "responsible_agency, caretaker, org_code, source, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_no) DO UPDATE SET "
          "name = excluded.name, category = excluded.category, level = excluded.level, "
          "township = excluded.township, lon = excluded.lon, lat = excluded.lat, "
          "responsible_agency = excluded.responsible_agency, caretaker = excluded.caretaker, "
          "org_code = excluded.org_code, source = excluded.source, "
          "updated_at = excluded.updated_at"));
  SJ_RETURN_IF_ERROR(upsert.Bind(1, site.site_no)
                         .Bind(2, site.name)
                         .Bind(3, site.category)
                         .Bind(4, site.level)
                         .Bind(5, site.township)
                         .Bind(6, site.lon)
                         .Bind(7, site.lat)
                         .Bind(8, site.responsible_agency)
                         .Bind(9, site.caretaker)
                         .Bind(10, site.org_code)
                         .Bind(11, site.source)
                         .Bind(12, site.created_at)
                         .Bind(13, site.updated_at)
                         .Run());
  return existing == 0;
}

Result<std::optional<HeritageSite>> SqliteHeritageRepository::GetSite(std::string_view site_no) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(std::string("SELECT ") + kSiteColumns +
                                           " FROM heritage_sites WHERE site_no = ?"));
  statement.Bind(1, site_no);
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<HeritageSite>();
  return std::optional<HeritageSite>(ReadSite(statement));
}

Result<std::vector<HeritageSite>> SqliteHeritageRepository::ListSites(std::string_view org_code) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(std::string("SELECT ") + kSiteColumns +
                                           " FROM heritage_sites WHERE ?1 = '' OR org_code = ?1 "
                                           "ORDER BY site_no"));
  statement.Bind(1, org_code);
  return CollectRows<HeritageSite>(statement,
                                   [](const SqliteStatement& row) { return ReadSite(row); });
}

Status SqliteHeritageRepository::AddInspection(const HeritageInspection& inspection) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement exists,
                      connection_->Prepare("SELECT count(*) FROM heritage_inspections WHERE "
                                           "site_no = ? AND inspected_on = ?"));
  exists.Bind(1, inspection.site_no).Bind(2, inspection.inspected_on);
  SJ_ASSIGN_OR_RETURN(bool has_row, exists.Step());
  if (has_row && exists.Int(0) > 0) {
    return Status::AlreadyExists("点位 " + inspection.site_no + " 在 " + inspection.inspected_on +
                                 " 已有巡查记录");
  }
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO heritage_inspections (site_no, inspected_on, condition, "
                           "issues, inspector, recorded_by, recorded_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  return insert.Bind(1, inspection.site_no)
      .Bind(2, inspection.inspected_on)
      .Bind(3, inspection.condition)
      .Bind(4, inspection.issues)
      .Bind(5, inspection.inspector)
      .Bind(6, inspection.recorded_by)
      .Bind(7, inspection.recorded_at)
      .Run();
}

Result<std::vector<HeritageInspection>> SqliteHeritageRepository::ListInspections(
    std::string_view site_no) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare("SELECT site_no, inspected_on, condition, issues, inspector, "
                           "recorded_by, recorded_at FROM heritage_inspections WHERE site_no = ? "
                           "ORDER BY inspected_on"));
  statement.Bind(1, site_no);
  return CollectRows<HeritageInspection>(statement, [](const SqliteStatement& row) {
    return HeritageInspection{row.Text(0), row.Text(1), row.Text(2), row.Text(3),
                              row.Text(4), row.Text(5), row.Text(6)};
  });
}

Status SqliteHeritageRepository::LinkMatter(std::string_view site_no, std::string_view matter_id,
                                            std::string_view now) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement insert,
                      connection_->Prepare("INSERT INTO heritage_site_matters (site_no, "
                                           "matter_id, linked_at) VALUES (?, ?, ?) "
                                           "ON CONFLICT DO NOTHING"));
  return insert.Bind(1, site_no).Bind(2, matter_id).Bind(3, now).Run();
}

Result<std::vector<std::string>> SqliteHeritageRepository::Strings(std::string_view sql,
                                                                   std::string_view argument) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement, connection_->Prepare(sql));
  statement.Bind(1, argument);
  return CollectRows<std::string>(statement,
                                  [](const SqliteStatement& row) { return row.Text(0); });
}

Result<std::vector<std::string>> SqliteHeritageRepository::ListSiteMatters(
    std::string_view site_no) {
  return Strings(
      "SELECT matter_id FROM heritage_site_matters WHERE site_no = ? ORDER BY "
      "matter_id",
      site_no);
}

Result<std::vector<std::string>> SqliteHeritageRepository::ListMatterSites(
    std::string_view matter_id) {
  return Strings("SELECT site_no FROM heritage_site_matters WHERE matter_id = ? ORDER BY site_no",
                 matter_id);
}

Result<int64_t> SqliteHeritageRepository::AddOutcome(const HeritageOutcome& outcome) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO heritage_outcomes (site_no, matter_id, rooms, area_milli, "
                           "funds_fen, recorded_on, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  SJ_RETURN_IF_ERROR(insert.Bind(1, outcome.site_no)
                         .Bind(2, outcome.matter_id)
                         .Bind(3, outcome.rooms)
                         .Bind(4, outcome.area_milli)
                         .Bind(5, outcome.funds_fen)
                         .Bind(6, outcome.recorded_on)
                         .Bind(7, outcome.recorded_by)
                         .Run());
  return static_cast<int64_t>(sqlite3_last_insert_rowid(connection_->handle()));
}

Result<std::vector<HeritageOutcome>> SqliteHeritageRepository::ListOutcomes(
    std::string_view site_no) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare("SELECT id, site_no, matter_id, rooms, area_milli, funds_fen, "
                           "recorded_on, recorded_by FROM heritage_outcomes "
                           "WHERE ?1 = '' OR site_no = ?1 ORDER BY id"));
  statement.Bind(1, site_no);
  return CollectRows<HeritageOutcome>(statement, [](const SqliteStatement& row) {
    return HeritageOutcome{row.Int(0), row.Text(1), row.Text(2), row.Int(3),
                           row.Int(4), row.Int(5),  row.Text(6), row.Text(7)};
  });
}

Result<HeritageTotals> SqliteHeritageRepository::Totals(std::string_view org_code,
                                                        std::string_view from,
                                                        std::string_view to) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare(
          "SELECT count(DISTINCT o.site_no), coalesce(sum(o.rooms), 0), "
          "coalesce(sum(o.area_milli), 0), coalesce(sum(o.funds_fen), 0) "
          "FROM heritage_outcomes o JOIN heritage_sites s ON s.site_no = o.site_no "
          "WHERE (?1 = '' OR s.org_code = ?1) AND (?2 = '' OR o.recorded_on >= ?2) AND "
          "(?3 = '' OR o.recorded_on <= ?3)"));
  statement.Bind(1, org_code).Bind(2, from).Bind(3, to);
  SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
  if (!has_row) return Status::Internal("汇总没有返回结果");
  return HeritageTotals{statement.Int(0), statement.Int(1), statement.Int(2), statement.Int(3)};
}

}  // namespace shujian::store
