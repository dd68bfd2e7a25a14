// Fuzz target for the value parsers of core: ID numbers, credit codes, plates, dates, months,
// money, decimals and the matching forms. Besides not crashing, each parser must be
// idempotent: what it accepts and normalises, it accepts again and normalises to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/case_number.h"
#include "core/date_parse.h"
#include "core/decimal.h"
#include "core/id_card.h"
#include "core/money.h"
#include "core/name_normalize.h"
#include "core/plate.h"
#include "core/unicode_fold.h"
#include "core/uscc.h"
#include "core/utf8.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shujian;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const Date today = *Date::FromYmd(2026, 11, 30);

  if (Result<IdCard> card = ParseIdCard(text, today); card.ok()) {
    Result<IdCard> again = ParseIdCard(card->normalized, today);
    Require(again.ok() && again->normalized == card->normalized);
    Require(card->normalized.size() == 18);
  }
  if (Result<Uscc> code = ParseUscc(text); code.ok()) {
    Result<Uscc> again = ParseUscc(code->normalized);
    Require(again.ok() && again->normalized == code->normalized);
  }
  if (Result<Plate> plate = ParsePlate(text); plate.ok()) {
    Result<Plate> again = ParsePlate(plate->normalized);
    Require(again.ok() && again->normalized == plate->normalized);
  }
  if (Result<DateTime> time = ParseDateTime(text); time.ok()) {
    Result<DateTime> again = ParseDateTime(time->ToIso());
    Require(again.ok() && *again == *time);
  }
  if (Result<Period> period = ParsePeriod(text); period.ok()) {
    Result<Period> again = ParsePeriod(period->ToIso());
    Require(again.ok() && *again == *period);
  }
  if (Result<Money> money = ParseMoney(text); money.ok()) {
    Result<Money> again = ParseMoney(money->ToString());
    Require(again.ok() && *again == *money);
  }
  if (Result<Decimal> decimal = ParseDecimal(text); decimal.ok()) {
    Result<Decimal> again = ParseDecimal(decimal->ToString());
    Require(again.ok() && *again == *decimal);
  }
  std::string case_number = NormalizeCaseNumber(text);
  Require(NormalizeCaseNumber(case_number) == case_number);
  Require(IsValidUtf8(NormalizeNameForMatching(text)));
  Require(IsValidUtf8(FoldFullWidth(text)));
  Require(IsValidUtf8(TrimSpaces(text)));
  return 0;
}
