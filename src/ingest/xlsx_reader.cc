#include "ingest/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace shujian::ingest {
namespace {

constexpr char kNamespaceSeparator = '\x01';
constexpr size_t kMaxPartBytes = size_t{64} << 20;  // workbook, relationships, styles
constexpr size_t kMaxCellBytes = size_t{1} << 20;
constexpr int kMaxColumns = 16384;                  // Excel's limit (XFD)
constexpr size_t kChunkBytes = size_t{1} << 16;

// The local part of an element or attribute name ("uri\x01local" or "local").
std::string_view LocalName(const XML_Char* name) {
  std::string_view full(name);
  size_t separator = full.rfind(kNamespaceSeparator);
  return separator == std::string_view::npos ? full : full.substr(separator + 1);
}

const char* Attribute(const XML_Char** attributes, std::string_view local) {
  for (int index = 0; attributes[index] != nullptr; index += 2) {
    if (LocalName(attributes[index]) == local) return attributes[index + 1];
  }
  return nullptr;
}

// Decodes the _xHHHH_ escapes of OOXML strings (e.g. _x000D_ for a carriage return).
void DecodeOoxmlEscapes(std::string* text) {
  if (text->find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(text->size());
  for (size_t index = 0; index < text->size(); ++index) {
    if (index + 6 < text->size() && text->compare(index, 2, "_x") == 0 && (*text)[index + 6] == '_' &&
        std::all_of(text->begin() + index + 2, text->begin() + index + 6,
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
      char32_t code = static_cast<char32_t>(std::stoul(text->substr(index + 2, 4), nullptr, 16));
      if (code < 0x80) {
        out.push_back(static_cast<char>(code));
      } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
      } else if (code < 0xD800 || code > 0xDFFF) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
      } else {
        out.append("\xEF\xBF\xBD");
      }
      index += 6;
      continue;
    }
    out.push_back((*text)[index]);
  }
  *text = std::move(out);
}

// Receives the events of an XmlStream.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view element, const XML_Char** attributes) = 0;
  virtual void End(std::string_view element) = 0;
  virtual void Text(std::string_view text) = 0;
};

// An expat parser with namespaces reduced to local names; refuses DOCTYPEs.
class XmlStream {
 public:
  explicit XmlStream(XmlHandler* handler) : handler_(handler) {
    parser_ = XML_ParserCreateNS(nullptr, kNamespaceSeparator);
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &OnStart, &OnEnd);
    XML_SetCharacterDataHandler(parser_, &OnText);
    XML_SetStartDoctypeDeclHandler(parser_, &OnDoctype);
  }
  ~XmlStream() { XML_ParserFree(parser_); }
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses the next chunk; `what` names the part in messages.
  Status Feed(std::string_view chunk, bool final, const std::string& what) {
    if (XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), final) == XML_STATUS_ERROR) {
      if (doctype_) return Status::InvalidArgument(what + "含有DOCTYPE声明，不是Excel生成的XLSX文件");
      return Status::InvalidArgument(what + "的XML格式错误（第" +
                                     std::to_string(XML_GetCurrentLineNumber(parser_)) + "行：" +
                                     XML_ErrorString(XML_GetErrorCode(parser_)) + "），文件可能已损坏");
    }
    return Status::Ok();
  }

 private:
  static void OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    static_cast<XmlStream*>(data)->handler_->Start(LocalName(name), attributes);
  }
  static void OnEnd(void* data, const XML_Char* name) {
    static_cast<XmlStream*>(data)->handler_->End(LocalName(name));
  }
  static void OnText(void* data, const XML_Char* text, int length) {
    static_cast<XmlStream*>(data)->handler_->Text(std::string_view(text, static_cast<size_t>(length)));
  }
  static void OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* stream = static_cast<XmlStream*>(data);
    stream->doctype_ = true;
    XML_StopParser(stream->parser_, XML_FALSE);
  }

  XML_Parser parser_;
  XmlHandler* handler_;
  bool doctype_ = false;
};

// --- ZIP -----------------------------------------------------------------------------------

zip_t* Archive(void* archive) { return static_cast<zip_t*>(archive); }

// Streams the entry `path` through `stream`. Returns false when the entry does not exist.
Result<bool> StreamEntry(zip_t* archive, const std::string& path, XmlStream* stream,
                         const std::string& file_name) {
  zip_int64_t index = zip_name_locate(archive, path.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return false;
  zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Status::InvalidArgument("文件「" + file_name + "」中的「" + path + "」无法读取：" +
                                   zip_strerror(archive));
  }
  std::string chunk(kChunkBytes, '\0');
  Status status;
  while (true) {
    zip_int64_t got = zip_fread(file, chunk.data(), chunk.size());
    if (got < 0) {
      status = Status::InvalidArgument("文件「" + file_name + "」已损坏（" + path + "：" +
                                       zip_file_strerror(file) + "）");
      break;
    }
    status = stream->Feed(std::string_view(chunk.data(), static_cast<size_t>(got)), got == 0,
                          "文件「" + file_name + "」中的" + path);
    if (!status.ok() || got == 0) break;
  }
  zip_fclose(file);
  if (!status.ok()) return status;
  return true;
}

// The directory of a part ("xl/" for "xl/workbook.xml").
std::string Directory(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

// A relationship target resolved against the directory of its source part.
std::string Resolve(const std::string& directory, const std::string& target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : directory + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string part = joined.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const std::string& part : parts) resolved += (resolved.empty() ? "" : "/") + part;
  return resolved;
}

// --- parts ---------------------------------------------------------------------------------

struct Relationship {
  std::string type;
  std::string target;
};

class RelationshipsHandler final : public XmlHandler {
 public:
  void Start(std::string_view element, const XML_Char** attributes) override {
    if (element != "Relationship") return;
    const char* id = Attribute(attributes, "Id");
    const char* type = Attribute(attributes, "Type");
    const char* target = Attribute(attributes, "Target");
    if (id && target) relationships[id] = {type ? type : "", target};
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
  std::map<std::string, Relationship> relationships;
};

class WorkbookHandler final : public XmlHandler {
 public:
  void Start(std::string_view element, const XML_Char** attributes) override {
    if (element == "sheet") {
      const char* name = Attribute(attributes, "name");
      const char* id = Attribute(attributes, "id");  // r:id
      sheets.emplace_back(name ? name : "", id ? id : "");
    } else if (element == "workbookPr") {
      const char* value = Attribute(attributes, "date1904");
      date1904 = value && (std::string_view(value) == "1" || std::string_view(value) == "true");
    }
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
  std::vector<std::pair<std::string, std::string>> sheets;  // (name, relationship id)
  bool date1904 = false;
};

class StylesHandler final : public XmlHandler {
 public:
  void Start(std::string_view element, const XML_Char** attributes) override {
    if (element == "numFmt") {
      const char* id = Attribute(attributes, "numFmtId");
      const char* code = Attribute(attributes, "formatCode");
      if (id && code) formats[std::atoi(id)] = code;
    } else if (element == "cellXfs") {
      in_cell_xfs = true;
    } else if (element == "xf" && in_cell_xfs) {
      const char* id = Attribute(attributes, "numFmtId");
      xf_formats.push_back(id ? std::atoi(id) : 0);
    }
  }
  void End(std::string_view element) override {
    if (element == "cellXfs") in_cell_xfs = false;
  }
  void Text(std::string_view) override {}

  std::vector<NumberFormatKind> Kinds() const {
    std::vector<NumberFormatKind> kinds;
    for (int id : xf_formats) {
      auto custom = formats.find(id);
      if (custom != formats.end()) {
        kinds.push_back(CustomNumberFormat(custom->second));
      } else {
        kinds.push_back(BuiltInNumberFormat(id).value_or(NumberFormatKind::kGeneral));
      }
    }
    return kinds;
  }

  std::map<int, std::string> formats;
  std::vector<int> xf_formats;
  bool in_cell_xfs = false;
};

class SharedStringsHandler final : public XmlHandler {
 public:
  SharedStringsHandler(std::string* pool, std::vector<uint64_t>* ends, size_t limit)
      : pool_(pool), ends_(ends), limit_(limit) {}
  void Start(std::string_view element, const XML_Char**) override {
    if (element == "si") {
      current_.clear();
      in_item_ = true;
    } else if (element == "rPh") {
      ++phonetic_depth_;
    } else if (element == "t" && in_item_ && phonetic_depth_ == 0) {
      capture_ = true;
    }
  }
  void End(std::string_view element) override {
    if (element == "t") {
      capture_ = false;
    } else if (element == "rPh") {
      --phonetic_depth_;
    } else if (element == "si" && in_item_) {
      in_item_ = false;
      DecodeOoxmlEscapes(&current_);
      if (pool_->size() + current_.size() > limit_) {
        too_large = true;
        return;
      }
      pool_->append(current_);
      ends_->push_back(pool_->size());
    }
  }
  void Text(std::string_view text) override {
    if (capture_ && current_.size() < kMaxCellBytes) current_.append(text);
  }
  bool too_large = false;

 private:
  std::string* pool_;
  std::vector<uint64_t>* ends_;
  size_t limit_;
  std::string current_;
  bool in_item_ = false;
  bool capture_ = false;
  int phonetic_depth_ = 0;
};

int ColumnIndex(const char* reference) {
  int column = 0;
  int letters = 0;
  for (const char* p = reference; *p >= 'A' && *p <= 'Z'; ++p) {
    column = column * 26 + (*p - 'A' + 1);
    if (++letters > 3) return -1;
  }
  return letters == 0 ? -1 : column - 1;
}

}  // namespace

// --- the sheet -----------------------------------------------------------------------------

struct XlsxReader::State final : public XmlHandler {
  struct PendingRow {
    int64_t line = 0;
    std::vector<std::string> texts;
    std::vector<CellKind> kinds;
    std::string problem;
  };

  bool date1904 = false;
  std::vector<NumberFormatKind> styles;
  std::string strings;
  std::vector<uint64_t> string_ends;
  std::unique_ptr<XmlStream> stream;
  std::deque<PendingRow> rows;

  // Within a row and a cell.
  bool in_row = false;
  bool in_cell = false;
  bool capture = false;
  bool in_inline = false;
  int phonetic_depth = 0;
  int64_t last_row = 0;
  int last_column = -1;
  PendingRow row;
  int column = 0;
  std::string type;
  int style = 0;
  std::string text;
  bool has_text = false;

  std::string_view SharedString(size_t index) const {
    uint64_t begin = index == 0 ? 0 : string_ends[index - 1];
    return std::string_view(strings).substr(begin, string_ends[index] - begin);
  }

  void Start(std::string_view element, const XML_Char** attributes) override {
    if (element == "row") {
      in_row = true;
      const char* r = Attribute(attributes, "r");
      int64_t number = r ? std::atoll(r) : 0;
      row = PendingRow();
      row.line = number > last_row ? number : last_row + 1;
      last_column = -1;
    } else if (element == "c" && in_row) {
      in_cell = true;
      const char* r = Attribute(attributes, "r");
      column = r ? ColumnIndex(r) : last_column + 1;
      if (column < 0) column = last_column + 1;
      const char* t = Attribute(attributes, "t");
      type = t ? t : "n";
      const char* s = Attribute(attributes, "s");
      style = s ? std::atoi(s) : 0;
      text.clear();
      has_text = false;
    } else if (in_cell && element == "v") {
      capture = true;
    } else if (in_cell && element == "is") {
      in_inline = true;
    } else if (in_inline && element == "rPh") {
      ++phonetic_depth;
    } else if (in_inline && element == "t" && phonetic_depth == 0) {
      capture = true;
    }
  }

  void End(std::string_view element) override {
    if (element == "v" || element == "t") {
      capture = false;
    } else if (element == "rPh" && in_inline) {
      --phonetic_depth;
    } else if (element == "is") {
      in_inline = false;
    } else if (element == "c" && in_cell) {
      in_cell = false;
      FinishCell();
    } else if (element == "row" && in_row) {
      in_row = false;
      last_row = row.line;
      bool any = !row.problem.empty();
      for (const std::string& cell : row.texts) any = any || !cell.empty();
      if (any) rows.push_back(std::move(row));
    }
  }

  void Text(std::string_view chunk) override {
    if (!capture) return;
    has_text = true;
    if (text.size() + chunk.size() > kMaxCellBytes) {
      if (row.problem.empty()) row.problem = "有一个单元格超过1MB，无法作为一个值导入";
      return;
    }
    text.append(chunk);
  }

  void FinishCell() {
    if (column >= kMaxColumns) {
      if (row.problem.empty()) row.problem = "单元格位置超出Excel的最大列数";
      return;
    }
    last_column = column;
    if (!has_text) return;
    CellKind kind = CellKind::kText;
    std::string value;
    if (type == "s") {
      char* end = nullptr;
      unsigned long long index = std::strtoull(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0' || index >= string_ends.size()) {
        if (row.problem.empty()) row.problem = "单元格引用的共享字符串「" + text + "」不存在（文件已损坏）";
        return;
      }
      value = SharedString(static_cast<size_t>(index));
    } else if (type == "inlineStr" || type == "str") {
      value = std::move(text);
      DecodeOoxmlEscapes(&value);
    } else if (type == "b") {
      kind = CellKind::kBool;
      value = text == "1" || text == "true" ? "TRUE" : "FALSE";
    } else if (type == "e") {
      kind = CellKind::kError;
      value = std::move(text);
    } else if (type == "d") {
      value = std::move(text);  // ISO 8601, which the date parser reads
    } else {
      NumberFormatKind format = style >= 0 && static_cast<size_t>(style) < styles.size()
                                    ? styles[static_cast<size_t>(style)]
                                    : NumberFormatKind::kGeneral;
      kind = CellKind::kNumber;
      value = std::move(text);
      if (format == NumberFormatKind::kDate || format == NumberFormatKind::kDateTime ||
          format == NumberFormatKind::kTime) {
        if (std::optional<std::string> date = ExcelSerialText(value, format, date1904)) {
          kind = format == NumberFormatKind::kDate && date->size() == 10 ? CellKind::kDate
                 : format == NumberFormatKind::kTime && date->size() == 8 ? CellKind::kText
                                                                           : CellKind::kDateTime;
          value = std::move(*date);
        }
      } else if (format == NumberFormatKind::kPercent) {
        char* end = nullptr;
        double number = std::strtod(value.c_str(), &end);
        if (end != value.c_str() && *end == '\0') {
          char buffer[64];
          std::snprintf(buffer, sizeof buffer, "%.15G", number * 100);
          value = buffer;
        }
      }
    }
    if (static_cast<size_t>(column) >= row.texts.size()) {
      row.texts.resize(static_cast<size_t>(column) + 1);
      row.kinds.resize(static_cast<size_t>(column) + 1, CellKind::kText);
    }
    row.texts[static_cast<size_t>(column)] = std::move(value);
    row.kinds[static_cast<size_t>(column)] = kind;
  }
};

XlsxReader::XlsxReader() : state_(std::make_unique<State>()) {}

XlsxReader::~XlsxReader() {
  if (sheet_file_ != nullptr) zip_fclose(static_cast<zip_file_t*>(sheet_file_));
  if (archive_ != nullptr) zip_discard(Archive(archive_));
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::OpenFile(const std::string& path, const Options& options) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) {
    if (error == ZIP_ER_NOENT || error == ZIP_ER_OPEN) {
      zip_error_t zip_error;
      zip_error_init_with_code(&zip_error, error);
      std::string message = zip_error_strerror(&zip_error);
      zip_error_fini(&zip_error);
      if (error == ZIP_ER_NOENT) return Status::NotFound("文件「" + path + "」不存在");
      return Status::IoError("无法打开文件「" + path + "」：" + message);
    }
    return Status::InvalidArgument("文件「" + path +
                                   "」不是有效的XLSX文件（无法按ZIP格式读取）；如果是旧版.xls或加密的工作簿，"
                                   "请在Excel中另存为不加密的.xlsx");
  }
  std::unique_ptr<XlsxReader> reader(new XlsxReader());
  reader->name_ = path;
  SJ_RETURN_IF_ERROR(reader->Open(archive, options));
  return reader;
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::OpenMemory(std::string_view bytes, const std::string& name,
                                                           const Options& options) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    return Status::InvalidArgument("文件「" + name + "」不是有效的XLSX文件（无法按ZIP格式读取）");
  }
  std::unique_ptr<XlsxReader> reader(new XlsxReader());
  reader->name_ = name;
  SJ_RETURN_IF_ERROR(reader->Open(archive, options));
  return reader;
}

Status XlsxReader::Open(void* archive_handle, const Options& options) {
  archive_ = archive_handle;
  zip_t* archive = Archive(archive_);
  auto parse = [&](const std::string& path, XmlHandler* handler) -> Result<bool> {
    zip_int64_t index = zip_name_locate(archive, path.c_str(), ZIP_FL_NOCASE);
    if (index >= 0) {
      zip_stat_t stat;
      if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
          (stat.valid & ZIP_STAT_SIZE) && stat.size > kMaxPartBytes) {
        return Status::InvalidArgument("文件「" + name_ + "」中的「" + path + "」过大，不像Excel生成的XLSX文件");
      }
    }
    XmlStream stream(handler);
    return StreamEntry(archive, path, &stream, name_);
  };

  // The workbook part, from the package relationships.
  std::string workbook_path = "xl/workbook.xml";
  RelationshipsHandler package;
  SJ_ASSIGN_OR_RETURN(bool has_package_rels, parse("_rels/.rels", &package));
  if (has_package_rels) {
    for (const auto& [id, relationship] : package.relationships) {
      if (relationship.type.ends_with("/officeDocument")) workbook_path = Resolve("", relationship.target);
    }
  }
  WorkbookHandler workbook;
  SJ_ASSIGN_OR_RETURN(bool has_workbook, parse(workbook_path, &workbook));
  if (!has_workbook) {
    return Status::InvalidArgument("文件「" + name_ + "」不是Excel工作簿（缺少" + workbook_path + "）");
  }
  if (workbook.sheets.empty()) return Status::InvalidArgument("文件「" + name_ + "」中没有工作表");
  state_->date1904 = workbook.date1904;
  for (const auto& [sheet, id] : workbook.sheets) sheet_names_.push_back(sheet);

  const std::string directory = Directory(workbook_path);
  RelationshipsHandler workbook_rels;
  SJ_ASSIGN_OR_RETURN(bool has_workbook_rels,
                      parse(directory + "_rels/" + workbook_path.substr(directory.size()) + ".rels",
                            &workbook_rels));
  (void)has_workbook_rels;

  // The sheet: named, or the first.
  size_t chosen = 0;
  if (!options.sheet.empty()) {
    chosen = workbook.sheets.size();
    for (size_t index = 0; index < workbook.sheets.size(); ++index) {
      if (workbook.sheets[index].first == options.sheet) chosen = index;
    }
    if (chosen == workbook.sheets.size()) {
      std::string names;
      for (const std::string& sheet : sheet_names_) names += (names.empty() ? "" : "、") + sheet;
      return Status::InvalidArgument("文件「" + name_ + "」中没有名为「" + options.sheet + "」的工作表；有：" + names);
    }
  }
  sheet_name_ = workbook.sheets[chosen].first;
  std::string sheet_path = directory + "worksheets/sheet" + std::to_string(chosen + 1) + ".xml";
  auto found = workbook_rels.relationships.find(workbook.sheets[chosen].second);
  if (found != workbook_rels.relationships.end()) sheet_path = Resolve(directory, found->second.target);

  // Styles (number formats) and shared strings.
  std::string styles_path = directory + "styles.xml";
  std::string strings_path = directory + "sharedStrings.xml";
  for (const auto& [id, relationship] : workbook_rels.relationships) {
    if (relationship.type.ends_with("/styles")) styles_path = Resolve(directory, relationship.target);
    if (relationship.type.ends_with("/sharedStrings")) strings_path = Resolve(directory, relationship.target);
  }
  StylesHandler styles;
  SJ_ASSIGN_OR_RETURN(bool has_styles, parse(styles_path, &styles));
  if (has_styles) state_->styles = styles.Kinds();
  SharedStringsHandler strings(&state_->strings, &state_->string_ends, options.max_shared_string_bytes);
  XmlStream strings_stream(&strings);
  SJ_ASSIGN_OR_RETURN(bool has_strings, StreamEntry(archive, strings_path, &strings_stream, name_));
  (void)has_strings;
  if (strings.too_large) {
    return Status::InvalidArgument("文件「" + name_ + "」的共享字符串表超过" +
                                   std::to_string(options.max_shared_string_bytes >> 20) +
                                   "MB；请把数据分成几个文件，或另存为CSV后导入");
  }

  zip_int64_t index = zip_name_locate(archive, sheet_path.c_str(), ZIP_FL_NOCASE);
  if (index < 0) {
    return Status::InvalidArgument("文件「" + name_ + "」缺少工作表「" + sheet_name_ + "」的数据（" +
                                   sheet_path + "）");
  }
  zip_stat_t stat;
  if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
    sheet_bytes_total_ = static_cast<int64_t>(stat.size);
  }
  sheet_file_ = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
  if (sheet_file_ == nullptr) {
    return Status::InvalidArgument("文件「" + name_ + "」的工作表无法读取：" + zip_strerror(archive));
  }
  state_->stream = std::make_unique<XmlStream>(state_.get());
  return Status::Ok();
}

Status XlsxReader::Feed() {
  std::string chunk(kChunkBytes, '\0');
  auto* file = static_cast<zip_file_t*>(sheet_file_);
  zip_int64_t got = zip_fread(file, chunk.data(), chunk.size());
  if (got < 0) {
    return Status::InvalidArgument("文件「" + name_ + "」的工作表已损坏：" + zip_file_strerror(file));
  }
  sheet_bytes_read_ += got;
  if (got == 0) sheet_done_ = true;
  return state_->stream->Feed(std::string_view(chunk.data(), static_cast<size_t>(got)), got == 0,
                              "文件「" + name_ + "」的工作表「" + sheet_name_ + "」");
}

Result<bool> XlsxReader::Next(Record* record) {
  while (state_->rows.empty()) {
    if (sheet_done_) return false;
    SJ_RETURN_IF_ERROR(Feed());
  }
  State::PendingRow row = std::move(state_->rows.front());
  state_->rows.pop_front();
  current_ = std::move(row.texts);
  record->line = row.line;
  record->problem = std::move(row.problem);
  record->cells.clear();
  record->cells.reserve(current_.size());
  for (size_t index = 0; index < current_.size(); ++index) {
    record->cells.push_back({current_[index], row.kinds[index]});
  }
  return true;
}

}  // namespace shujian::ingest
