// The golden test runner (tests/golden/README.md): reads every *.test file under tests/golden,
// executes its commands, runs each model on the native engine under several configurations and
// on the reference evaluator, requires them to agree, and compares with the expected blocks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "core/date_parse.h"
#include "data/dataset_schema.h"
#include "engine/engine.h"
#include "engine/fixture_runner.h"
#include "engine/model_library.h"
#include "engine/input/fixture_source.h"
#include "engine/lead/result_text.h"
#include "engine/reference/reference_evaluator.h"

namespace shujian::engine {
namespace {

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

// The cells of an input line: separated by '|', trimmed (values cannot contain '|').
std::vector<std::string> SplitCells(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    size_t bar = line.find('|', start);
    cells.push_back(Trim(line.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return cells;
}

// A unified-style listing of expected and actual lines.
std::string Diff(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected), b(actual);
  std::string out, line_a, line_b;
  bool more_a = true, more_b = true;
  while (true) {
    more_a = more_a && static_cast<bool>(std::getline(a, line_a));
    more_b = more_b && static_cast<bool>(std::getline(b, line_b));
    if (!more_a && !more_b) break;
    if (more_a && more_b && line_a == line_b) {
      out += "  " + line_a + "\n";
      continue;
    }
    if (more_a) out += "- " + line_a + "\n";
    if (more_b) out += "+ " + line_b + "\n";
  }
  return out;
}

class GoldenFile {
 public:
  explicit GoldenFile(std::string path) : path_(std::move(path)) {
    std::ifstream in(path_);
    std::string line;
    while (std::getline(in, line)) lines_.push_back(line);
    std::filesystem::path relative = std::filesystem::relative(path_, SHUJIAN_SOURCE_DIR);
    name_ = relative.string();
  }

  std::vector<std::string> Run() {
    size_t index = 0;
    while (index < lines_.size()) {
      std::string line = Trim(lines_[index]);
      size_t command_line = index;
      ++index;
      if (line.empty() || line[0] == '#') continue;
      std::istringstream words(line);
      std::string command;
      words >> command;
      if (command == "as_of") {
        std::string date;
        words >> date;
        Result<Date> parsed = ParseDate(date);
        if (!parsed.ok()) {
          Fail(command_line, "as_of 不是日期");
        } else {
          as_of_ = *parsed;
        }
      } else if (command == "param") {
        std::string name, value;
        words >> name;
        std::getline(words, value);
        if (name == "clear") {
          params_.clear();
        } else {
          params_.emplace_back(name, Trim(value));
        }
      } else if (command == "clear") {
        inputs_.clear();
      } else if (command == "model") {
        std::string text = Block(&index);
        model_text_ = std::string(command_line + 1, '\n') + text;
        model_.reset();
        model_status_ = Status::Ok();
        Compile();
      } else if (command == "table") {
        std::string text = std::string(command_line + 1, '\n') + Block(&index);
        Result<std::unique_ptr<ParamTable>> table = ParseParamTable(text, name_);
        if (!table.ok()) {
          Fail(command_line, "参数表无效：" + table.status().message());
        } else {
          Status added = tables_.Add(std::move(table).value(), /*replace=*/true);
          if (!added.ok()) Fail(command_line, added.message());
          if (!model_text_.empty()) Compile();
        }
      } else if (command == "input") {
        FixtureTableInput table;
        words >> table.dataset;
        std::string option;
        while (words >> option) {
          if (option.starts_with("batch=")) table.batch = option.substr(6);
        }
        table.where = name_ + ":" + std::to_string(command_line + 1);
        size_t header_line = index;
        std::vector<std::string> rows = BlockLines(&index);
        if (!rows.empty()) {
          std::vector<std::string> header = SplitCells(rows[0]);
          for (size_t row = 1; row < rows.size(); ++row) {
            std::vector<std::string> cells = SplitCells(rows[row]);
            FixtureRowInput input;
            input.where = name_ + ":" + std::to_string(header_line + row + 1);
            for (size_t cell = 0; cell < header.size(); ++cell) {
              std::string value = cell < cells.size() ? cells[cell] : "";
              input.cells.push_back(FixtureCellInput{header[cell], value.empty() ? std::nullopt : std::optional<std::string>(value),
                                                     input.where});
            }
            table.rows.push_back(std::move(input));
          }
        }
        for (auto it = inputs_.begin(); it != inputs_.end(); ++it) {
          if (it->dataset == table.dataset) {
            inputs_.erase(it);
            break;
          }
        }
        inputs_.push_back(std::move(table));
      } else if (command == "run") {
        std::string detail;
        words >> detail;
        size_t block_start = index;
        std::string expected = Block(&index);
        Expect(command_line, block_start, &index, expected, RunModelText(detail));
      } else if (command == "check") {
        size_t block_start = index;
        std::string expected = Block(&index);
        std::string actual = model_status_.ok() ? "ok\n" : model_status_.message() + "\n";
        Expect(command_line, block_start, &index, expected, actual);
      } else if (command == "explain") {
        size_t block_start = index;
        std::vector<std::string> expected = BlockLines(&index);
        (void)block_start;
        std::string text = ExplainModel();
        size_t pos = 0;
        for (const std::string& want : expected) {
          size_t found = text.find(want, pos);
          if (found == std::string::npos) {
            Fail(command_line, "执行计划中没有「" + want + "」（或顺序不对）：\n" + text);
            break;
          }
          pos = found + want.size();
        }
      } else {
        Fail(command_line, "未知的命令「" + command + "」");
      }
    }
    if (rewrite_ && rewritten_) {
      std::ofstream out(path_);
      for (const std::string& line : lines_) out << line << "\n";
    }
    return failures_;
  }

 private:
  void Fail(size_t line, const std::string& message) {
    failures_.push_back(name_ + ":" + std::to_string(line + 1) + "：" + message);
  }

  std::vector<std::string> BlockLines(size_t* index) {
    std::vector<std::string> block;
    while (*index < lines_.size() && Trim(lines_[*index]) != "end") block.push_back(lines_[(*index)++]);
    if (*index < lines_.size()) ++*index;  // "end"
    return block;
  }

  std::string Block(size_t* index) {
    std::string text;
    for (const std::string& line : BlockLines(index)) text += line + "\n";
    return text;
  }

  void Compile() {
    Result<std::unique_ptr<CompiledModel>> compiled =
        CompiledModel::Compile(model_text_, name_, data::SchemaRegistry::Shipped(), tables_);
    if (compiled.ok()) {
      model_ = std::move(compiled).value();
      model_status_ = Status::Ok();
    } else {
      model_.reset();
      model_status_ = compiled.status();
    }
  }

  // Compares a block [block_start, *index - 1) (the line before *index is its "end").
  void Expect(size_t command_line, size_t block_start, size_t* index, const std::string& expected,
              const std::string& actual) {
    if (expected == actual) return;
    if (rewrite_) {
      size_t block_end = *index - 1;
      std::vector<std::string> replacement;
      std::istringstream lines(actual);
      std::string line;
      while (std::getline(lines, line)) replacement.push_back(line);
      lines_.erase(lines_.begin() + block_start, lines_.begin() + block_end);
      lines_.insert(lines_.begin() + block_start, replacement.begin(), replacement.end());
      *index = block_start + replacement.size() + 1;
      rewritten_ = true;
      failures_.push_back(name_ + ":" + std::to_string(command_line + 1) + "：已改写（SHUJIAN_GOLDEN_REWRITE）");
      return;
    }
    Fail(command_line, "结果与预期不同（- 预期，+ 实际）：\n" + Diff(expected, actual));
  }

  std::string RunModelText(const std::string& detail_name) {
    if (!model_) return "error " + (model_status_.ok() ? std::string("没有模型") : model_status_.message()) + "\n";
    ResultDetail detail = detail_name == "leads" ? ResultDetail::kLeads
                          : detail_name == "full" ? ResultDetail::kFull
                                                  : ResultDetail::kEvidence;
    Result<FixtureSource> source = FixtureSource::Create(data::SchemaRegistry::Shipped(), inputs_, as_of_);
    if (!source.ok()) return "error " + source.status().message() + "\n";
    RunOptions options;
    options.as_of = as_of_;
    options.params = params_;
    Result<RunResult> reference = RunReference(*model_, &*source, options);
    if (!reference.ok()) return "error " + reference.status().message() + "\n";
    std::string reference_text = ResultText(*reference, ResultDetail::kFull);
    struct Config {
      size_t batch;
      bool optimize;
    };
    for (Config config : {Config{2048, true}, Config{1, false}, Config{3, true}, Config{2, false}}) {
      options.batch_size = config.batch;
      options.plan = PlanOptions{config.optimize, config.optimize, config.optimize};
      Result<RunResult> native = RunModel(*model_, &*source, options);
      std::string native_text = native.ok() ? ResultText(*native, ResultDetail::kFull) : "error " + native.status().message();
      if (native_text != reference_text) {
        failures_.push_back(name_ + "：原生引擎（批大小 " + std::to_string(config.batch) + "，优化" +
                            (config.optimize ? "开" : "关") + "）与参考实现不同（- 参考，+ 原生）：\n" +
                            Diff(reference_text, native_text));
      }
    }
    return ResultText(*reference, detail);
  }

  std::string ExplainModel() {
    if (!model_) return "";
    Result<FixtureSource> source = FixtureSource::Create(data::SchemaRegistry::Shipped(), inputs_, as_of_);
    if (!source.ok()) return source.status().message();
    RunOptions options;
    options.as_of = as_of_;
    options.params = params_;
    Plan plan = PlanModel(*model_, &*source, options.plan);
    Result<RunResult> run = RunModel(*model_, &*source, options);
    return ExplainText(*model_, plan, run.ok() ? &*run : nullptr);
  }

  std::string path_;
  std::string name_;
  std::vector<std::string> lines_;
  std::vector<std::string> failures_;
  Date as_of_ = *Date::FromYmd(2023, 12, 31);
  std::vector<std::pair<std::string, std::string>> params_;
  std::vector<FixtureTableInput> inputs_;
  TableLibrary tables_ = TableLibrary::Shipped();
  std::string model_text_;
  std::unique_ptr<CompiledModel> model_;
  Status model_status_;
  bool rewrite_ = std::getenv("SHUJIAN_GOLDEN_REWRITE") != nullptr;
  bool rewritten_ = false;
};

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  std::filesystem::path root = std::filesystem::path(SHUJIAN_SOURCE_DIR) / "tests" / "golden";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".test") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::filesystem::path relative = std::filesystem::relative(info.param, std::filesystem::path(SHUJIAN_SOURCE_DIR) / "tests" / "golden");
  std::string name = relative.replace_extension().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, File) {
  GoldenFile file(GetParam());
  std::vector<std::string> failures = file.Run();
  for (const std::string& failure : failures) ADD_FAILURE() << failure;
}

INSTANTIATE_TEST_SUITE_P(Engine, Golden, ::testing::ValuesIn(GoldenFiles()), TestName);

// Every model file under tests/golden/models and every shipped model (models/): its fixtures
// must pass on both engines (what `shujian model test` checks).
std::vector<std::string> ModelFiles() {
  std::vector<std::string> files;
  for (const char* folder : {"tests/golden/models", "models"}) {
    std::filesystem::path root = std::filesystem::path(SHUJIAN_SOURCE_DIR) / folder;
    if (!std::filesystem::exists(root)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(root)) {
      if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) files.push_back("");  // a suite needs a case; an empty one checks nothing
  return files;
}

class ModelFixtures : public ::testing::TestWithParam<std::string> {};

TEST_P(ModelFixtures, Pass) {
  if (GetParam().empty()) GTEST_SKIP() << "no model files";
  Result<std::unique_ptr<ModelLibrary>> library = ModelLibrary::Load({});
  ASSERT_TRUE(library.ok()) << library.status().ToString();
  std::string name = std::filesystem::relative(GetParam(), SHUJIAN_SOURCE_DIR).string();
  Result<std::string> text = ReadTextFile(GetParam());
  ASSERT_TRUE(text.ok());
  Result<std::unique_ptr<CompiledModel>> model =
      CompiledModel::Compile(*text, name, data::SchemaRegistry::Shipped(), (*library)->tables());
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_FALSE((*model)->spec().fixtures.empty()) << name << "：每个模型都要有测试用例（fixtures）";
  for (const FixtureReport& report : RunFixtures(**model)) {
    for (const std::string& problem : report.problems) ADD_FAILURE() << report.name << "：" << problem;
  }
}

std::string ModelTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.empty() ? "none" : std::filesystem::path(info.param).stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Models, ModelFixtures, ::testing::ValuesIn(ModelFiles()), ModelTestName);

}  // namespace
}  // namespace shujian::engine
