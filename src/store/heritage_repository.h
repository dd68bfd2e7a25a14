// HeritageRepository: the registry of heritage sites (红色资源: 烈士墓, 烈士纪念设施, 革命遗址,
// 文物保护单位), their inspections, the matters (cases, suggestions) on each site, and the
// rectification outcomes (rooms repaired, area, funds) the procuratorate reports.
//
// Values arrive judged (the workflow checks categories, levels and numbers against the
// heritage_site schema); the repository stores and sums them.
//
// Thread safety: used through its Transaction, by one thread at a time.
#ifndef SHUJIAN_STORE_HERITAGE_REPOSITORY_H_
#define SHUJIAN_STORE_HERITAGE_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::store {

struct HeritageSite {
  std::string site_no;
  std::string name;
  std::string category;
  std::string level;
  std::string township;
  std::string lon;
  std::string lat;
  std::string responsible_agency;
  std::string caretaker;
  std::string org_code;  // the procuratorate whose registry it is in
  std::string source;    // 录入 or 数据集
  std::string created_at;
  std::string updated_at;
};

struct HeritageInspection {
  std::string site_no;
  std::string inspected_on;  // ISO date
  std::string condition;
  std::string issues;
  std::string inspector;
  std::string recorded_by;
  std::string recorded_at;
};

struct HeritageOutcome {
  int64_t id = 0;
  std::string site_no;
  std::string matter_id;
  int64_t rooms = 0;
  int64_t area_milli = 0;  // thousandths of a square metre
  int64_t funds_fen = 0;   // 分
  std::string recorded_on;
  std::string recorded_by;
};

struct HeritageTotals {
  int64_t sites = 0;
  int64_t rooms = 0;
  int64_t area_milli = 0;
  int64_t funds_fen = 0;
};

class HeritageRepository {
 public:
  virtual ~HeritageRepository() = default;

  // Creates the site or replaces its fields (keeping created_at). Returns true when created.
  virtual Result<bool> UpsertSite(const HeritageSite& site) = 0;
  virtual Result<std::optional<HeritageSite>> GetSite(std::string_view site_no) = 0;
  // Sites of `org_code` (all when empty), by number.
  virtual Result<std::vector<HeritageSite>> ListSites(std::string_view org_code) = 0;

  // Adds an inspection. AlreadyExists for the same site and date.
  virtual Status AddInspection(const HeritageInspection& inspection) = 0;
  // Inspections of a site, oldest first.
  virtual Result<std::vector<HeritageInspection>> ListInspections(std::string_view site_no) = 0;

  // Links a matter to a site (idempotent).
  virtual Status LinkMatter(std::string_view site_no, std::string_view matter_id,
                            std::string_view now) = 0;
  // The matters on a site, by id.
  virtual Result<std::vector<std::string>> ListSiteMatters(std::string_view site_no) = 0;
  // The sites a matter is linked to, by number.
  virtual Result<std::vector<std::string>> ListMatterSites(std::string_view matter_id) = 0;

  virtual Result<int64_t> AddOutcome(const HeritageOutcome& outcome) = 0;
  // Outcomes of a site (all sites when empty), oldest first.
  virtual Result<std::vector<HeritageOutcome>> ListOutcomes(std::string_view site_no) = 0;
  // Sums of outcomes recorded in [from, to] (ISO dates, inclusive; empty: unbounded) on sites of
  // `org_code` (all when empty); `sites` counts the distinct sites with an outcome.
  virtual Result<HeritageTotals> Totals(std::string_view org_code, std::string_view from,
                                        std::string_view to) = 0;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_HERITAGE_REPOSITORY_H_
