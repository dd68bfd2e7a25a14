// The subject of a lead (shared/spec/cli.md): what it is about — a person (ID number), an
// organisation (统一社会信用代码), a vehicle (plate), a heritage site (site number) or one record
// of a dataset — with its key in the normalised form the engine uses, so that one subject is
// found under every lead, whichever model or source raised it.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_WORKFLOW_LEAD_SUBJECT_H_
#define SHUJIAN_WORKFLOW_LEAD_SUBJECT_H_

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "store/lead_repository.h"

namespace shujian::workflow {

// Validates and normalises `key` for `kind` (person, organisation, vehicle, site, record; a record
// needs its dataset). `today` bounds birth dates in ID numbers. Returns InvalidArgument with the
// reason, e.g. an ID number's wrong check character.
Result<store::LeadSubject> NormalizeLeadSubject(std::string_view kind, std::string_view key,
                                                std::string_view dataset, std::string_view label,
                                                Date today);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_LEAD_SUBJECT_H_
