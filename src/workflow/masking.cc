#include "workflow/masking.h"

#include "core/utf8.h"

namespace shujian::workflow {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string MaskIdNumber(std::string_view id, PersonalDataView view) {
  if (view == PersonalDataView::kPlain) return std::string(id);
  if (view == PersonalDataView::kNone) return "";
  if (id.size() < 2) return std::string(id.size(), '*');
  size_t keep_front = 1;
  size_t keep_back = 1;
  if (view == PersonalDataView::kPartial && id.size() >= 15) {
    keep_front = 6;
    keep_back = 4;
  }
  return std::string(id.substr(0, keep_front)) +
         std::string(id.size() - keep_front - keep_back, '*') +
         std::string(id.substr(id.size() - keep_back));
}

std::string MaskName(std::string_view name, PersonalDataView view) {
  if (view == PersonalDataView::kPlain) return std::string(name);
  if (view == PersonalDataView::kNone) return "";
  std::u32string code_points = ToCodePoints(name);
  if (code_points.empty()) return "";
  std::string masked;
  AppendUtf8(code_points[0], &masked);
  masked.append(code_points.size() > 1 ? code_points.size() - 1 : 1, '*');
  return masked;
}

std::string MaskPlate(std::string_view plate, PersonalDataView view) {
  if (view == PersonalDataView::kPlain) return std::string(plate);
  if (view == PersonalDataView::kNone) return "";
  std::u32string code_points = ToCodePoints(plate);
  if (code_points.size() < 5) return std::string(code_points.size(), '*');
  std::string masked;
  AppendUtf8(code_points[0], &masked);
  AppendUtf8(code_points[1], &masked);
  masked.append(code_points.size() - 4, '*');
  AppendUtf8(code_points[code_points.size() - 2], &masked);
  AppendUtf8(code_points.back(), &masked);
  return masked;
}

std::string MaskIdNumbersInText(std::string_view text, PersonalDataView view) {
  if (view == PersonalDataView::kPlain) return std::string(text);
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsDigit(text[pos])) {
      out.push_back(text[pos++]);
      continue;
    }
    size_t end = pos;
    while (end < text.size() && IsDigit(text[end])) ++end;
    size_t run = end - pos;
    if (run == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x')) {
      ++end;
      run = 18;
    }
    std::string_view number = text.substr(pos, end - pos);
    out += (run == 18 || run == 15) ? MaskIdNumber(number, view) : std::string(number);
    pos = end;
  }
  return out;
}

}  // namespace shujian::workflow
