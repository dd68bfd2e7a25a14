#include "workflow/lead_subject.h"

#include "core/case_number.h"
#include "core/id_card.h"
#include "core/plate.h"
#include "core/unicode_fold.h"
#include "core/uscc.h"
#include "data/dataset_schema.h"

namespace shujian::workflow {

Result<store::LeadSubject> NormalizeLeadSubject(std::string_view kind, std::string_view key,
                                                std::string_view dataset, std::string_view label,
                                                Date today) {
  store::LeadSubject subject;
  subject.kind = std::string(kind);
  subject.label = TrimSpaces(label);
  std::string trimmed = TrimSpaces(key);
  if (trimmed.empty()) return Status::InvalidArgument("缺少主体标识");
  auto quote = [](std::string_view text) { return "「" + std::string(text) + "」"; };
  if (kind == "person") {
    Result<IdCard> id = ParseIdCard(trimmed, today);
    if (!id.ok())
      return Status::InvalidArgument("身份证号" + quote(trimmed) + "无效：" +
                                     id.status().message());
    subject.key = id->normalized;
  } else if (kind == "organisation") {
    Result<Uscc> uscc = ParseUscc(trimmed);
    if (!uscc.ok()) {
      return Status::InvalidArgument("统一社会信用代码" + quote(trimmed) + "无效：" +
                                     uscc.status().message());
    }
    subject.key = uscc->normalized;
  } else if (kind == "vehicle") {
    Result<Plate> plate = ParsePlate(trimmed);
    if (!plate.ok())
      return Status::InvalidArgument("号牌" + quote(trimmed) + "无效：" + plate.status().message());
    subject.key = plate->normalized;
  } else if (kind == "site") {
    subject.key = FoldFullWidth(trimmed);
  } else if (kind == "record") {
    if (data::SchemaRegistry::Shipped().Find(dataset) == nullptr) {
      return Status::InvalidArgument(
          "主体类型为 record 时须写明标准数据集（如 admin_case），而不是" + quote(dataset));
    }
    subject.dataset = std::string(dataset);
    subject.key = NormalizeCaseNumber(trimmed);
  } else {
    return Status::InvalidArgument("主体类型" + quote(kind) +
                                   "不认识；应为 person、organisation、vehicle、site 或 record");
  }
  return subject;
}

}  // namespace shujian::workflow
