#include "engine/lead/notes.h"

namespace shujian::engine {

std::string LookupMissingNote(const std::string& step, const ParamTable& table, size_t missing,
                              const std::set<std::string>& values) {
  std::string list;
  size_t shown = 0;
  for (const std::string& value : values) {
    if (shown++ == 10) {
      list += "……";
      break;
    }
    list += (list.empty() ? "" : "、") + value;
  }
  return "步骤 " + step + "：" + std::to_string(missing) + " 行在参数表「" + table.title + "」（" + table.name +
         "）中找不到对应，未参与判断" + (list.empty() ? "" : "（" + list + "）");
}

std::string MissingSubjectNote(const std::string& rule, size_t rows, const std::string& key_text) {
  return "子规则 " + rule + "：" + std::to_string(rows) + " 行没有线索对象（" + key_text + " 为空），未产生线索";
}

}  // namespace shujian::engine
