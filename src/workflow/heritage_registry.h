// The heritage registry (红色资源, procedure.md «Heritage sites»): sites (烈士墓, 烈士纪念设施,
// 革命遗址, 文物保护单位) entered by hand or taken from heritage_site dataset rows; inspections
// with their condition, issues and photos (attachments checked by content, stored with SHA-256);
// the cases and suggestions on each site; and rectification outcomes — rooms repaired, area in m²,
// funds in 元 — summed into the figures a procuratorate reports ("修缮房屋20余间、1000余平方米、
// 投入资金300余万元"), so they come from records.
//
// Values are judged by the heritage_site and heritage_inspection schemas (schemas/*.yaml) through
// data::NormalizeValue, the same rules as an import. Sites belong to a procuratorate's registry:
// its people (and the city procuratorate's) see them; the roles of procedure.yaml heritage.roles
// enter them. Every change is audited.
//
// Thread safety: safe for concurrent use; each call runs its own transaction.
#ifndef SHUJIAN_WORKFLOW_HERITAGE_REGISTRY_H_
#define SHUJIAN_WORKFLOW_HERITAGE_REGISTRY_H_

#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "workflow/attachments.h"
#include "workflow/case_views.h"
#include "workflow/workflow_context.h"

namespace shujian::workflow {

// A site as a person or a dataset row gives it: canonical column names of
// schemas/heritage_site.yaml.
using SiteRow = std::map<std::string, std::string>;

struct InspectionInput {
  std::string site_no;
  Date inspected_on;
  std::string condition;  // 完好 / 一般损坏 / 严重损毁 / 灭失
  std::string issues;
  std::string inspector;
  std::vector<Upload> photos;
};

struct InspectionView {
  store::HeritageInspection inspection;
  std::vector<store::Attachment> photos;
};

struct SiteView {
  store::HeritageSite site;  // caretaker masked for the viewer
  std::string org_name;
  std::vector<InspectionView> inspections;
  std::vector<MatterSummary> matters;
  std::vector<store::HeritageOutcome> outcomes;
  store::HeritageTotals totals;
};

struct HeritageTotalsView {
  store::HeritageTotals totals;
  std::string text;  // 修缮房屋22间、1010.5平方米、投入资金305万元
};

class HeritageRegistry {
 public:
  explicit HeritageRegistry(const WorkflowContext& context) : context_(context) {}

  // Enters (or updates) a site in the actor's procuratorate's registry. `from_dataset` marks rows
  // taken from the heritage_site dataset. Errors: InvalidArgument naming the column and the
  // accepted values; PermissionDenied.
  Result<store::HeritageSite> AddSite(const std::string& actor, const SiteRow& row,
                                      bool from_dataset) const;
  // Enters every row of the heritage_site dataset given (one transaction; the first bad row stops
  // it, naming its position). Returns how many sites were new.
  Result<int> AddSitesFromDataset(const std::string& actor, const std::vector<SiteRow>& rows) const;
  // Enters every current row of the imported heritage_site dataset (AddSitesFromDataset), so a
  // registry follows what the agencies uploaded. Returns how many sites were new.
  Result<int> SyncFromImportedSites(const std::string& actor) const;
  Result<InspectionView> Inspect(const std::string& actor, const InspectionInput& input) const;
  // Links a case or suggestion to a site (cases from a lead about a site are linked on filing).
  Status Link(const std::string& actor, const std::string& site_no,
              const std::string& matter_id) const;
  Result<SiteView> Show(const std::string& actor, const std::string& site_no) const;
  Result<std::vector<store::HeritageSite>> List(const std::string& actor) const;
  // The outcomes of `org` (the actor's scope when empty) recorded between from and to (ISO,
  // inclusive, empty: unbounded).
  Result<HeritageTotalsView> Totals(const std::string& actor, const std::string& org,
                                    const std::string& from, const std::string& to) const;

 private:
  const WorkflowContext& context_;
};

// "修缮房屋22间、1010.5平方米、投入资金305万元".
std::string HeritageTotalsText(const store::HeritageTotals& totals);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_HERITAGE_REGISTRY_H_
