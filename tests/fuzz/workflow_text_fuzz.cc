// libFuzzer target for the text the workflow parses from people and administrators: the body of a
// document (【起因】…), period specs (2个月), holiday calendar files, machine files of the
// procedure, and the masking of ID numbers in free text. The first byte picks the parser.
// Properties: no crash or sanitizer report; masking is idempotent and never lengthens a digit run;
// a parsed period prints back to itself; a body that parses has a paragraph.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "core/embedded_file.h"
#include "workflow/document_body.h"
#include "workflow/masking.h"
#include "workflow/period.h"
#include "workflow/procedure.h"
#include "workflow/work_calendar.h"

namespace {

// A small procedure around the fuzzed machine file, so each run parses little besides it.
constexpr char kCommon[] = R"(
deadlines:
  - {name: reply, title: 回复, period: 2个月, urgent_period: 15日, source: 测试}
documents:
  - {type: letter, title: 函, number: "{院}检{部门}函〔{年}〕{号}号"}
fields:
  - {name: reason, label: 理由, option: --reason, type: text}
  - {name: adoption, label: 采纳, option: --adoption, type: enum}
  - {name: addressee, label: 主送, option: --to, type: org}
)";
constexpr char kLead[] =
    "machine: lead\ntitle: 线索\ncommand: lead\nobject: lead\nstates: [{name: "
    "待评估}]\ntransitions: []\n";
constexpr char kCase[] =
    "machine: case\ntitle: 案件\ncommand: case\nid_prefix: C\nstates: [{name: 立案}, {name: 结案, "
    "final: true}]\n"
    "transitions: []\n";
constexpr char kRoles[] = R"(
org_kinds: [{kind: 基层院, side: 检察院}]
roles: [{name: 检察官, side: 检察院, acts_on: 本人承办, handles: true, reads: 本院, personal_data: 明文}]
exclusive: []
personal_fields: {id_numbers: [], names: []}
)";

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using namespace shujian;
  using namespace shujian::workflow;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 5) {
    case 0: {
      Result<DocumentBody> body = ParseDocumentBody(text);
      if (body.ok()) {
        size_t paragraphs = 0;
        for (const auto& [name, list] : body->sections) paragraphs += list.size();
        Check(paragraphs > 0);
      }
      break;
    }
    case 1: {
      Result<PeriodSpec> period = ParsePeriodSpec(text);
      if (period.ok()) {
        Result<PeriodSpec> again = ParsePeriodSpec(period->ToString());
        Check(again.ok() && again->amount == period->amount && again->unit == period->unit);
        Date due = ComputeDue(*Date::FromYmd(2024, 1, 31), *period, WorkCalendar::Shipped()).due;
        Check(due > *Date::FromYmd(2024, 1, 31));
      }
      break;
    }
    case 2: {
      EmbeddedFile file{"2024.csv", text};
      Result<WorkCalendar> calendar = WorkCalendar::Parse(std::span(&file, 1));
      if (calendar.ok()) {
        Date date = *Date::FromYmd(2024, 1, 1);
        Check(calendar->OnOrNextWorkingDay(date) >= date);
      }
      break;
    }
    case 3: {
      EmbeddedFile files[] = {{"procedure.yaml", kCommon},
                              {"lead.yaml", kLead},
                              {"case.yaml", kCase},
                              {"fuzz.yaml", text}};
      Result<Procedure> procedure = Procedure::Load(files, kRoles);
      if (procedure.ok()) Check(procedure->FindMachine("case") != nullptr);
      break;
    }
    default: {
      for (PersonalDataView view : {PersonalDataView::kPartial, PersonalDataView::kMasked}) {
        std::string masked = MaskIdNumbersInText(text, view);
        Check(masked.size() == text.size());
        Check(MaskIdNumbersInText(masked, view) == masked);
      }
      break;
    }
  }
  return 0;
}
