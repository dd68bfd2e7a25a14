// HeritageRepository on SQLite: tables heritage_sites, heritage_inspections,
// heritage_site_matters and heritage_outcomes (migration 0035).
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_HERITAGE_REPOSITORY_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_HERITAGE_REPOSITORY_H_

#include "store/heritage_repository.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

class SqliteHeritageRepository final : public HeritageRepository {
 public:
  // `connection` must outlive the repository and be inside a transaction.
  explicit SqliteHeritageRepository(SqliteConnection* connection) : connection_(connection) {}

  Result<bool> UpsertSite(const HeritageSite& site) override;
  Result<std::optional<HeritageSite>> GetSite(std::string_view site_no) override;
  Result<std::vector<HeritageSite>> ListSites(std::string_view org_code) override;
  Status AddInspection(const HeritageInspection& inspection) override;
  Result<std::vector<HeritageInspection>> ListInspections(std::string_view site_no) override;
  Status LinkMatter(std::string_view site_no, std::string_view matter_id,
                    std::string_view now) override;
  Result<std::vector<std::string>> ListSiteMatters(std::string_view site_no) override;
  Result<std::vector<std::string>> ListMatterSites(std::string_view matter_id) override;
  Result<int64_t> AddOutcome(const HeritageOutcome& outcome) override;
  Result<std::vector<HeritageOutcome>> ListOutcomes(std::string_view site_no) override;
  Result<HeritageTotals> Totals(std::string_view org_code, std::string_view from,
                                std::string_view to) override;

 private:
  Result<std::vector<std::string>> Strings(std::string_view sql, std::string_view argument);
  SqliteConnection* connection_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_HERITAGE_REPOSITORY_H_
