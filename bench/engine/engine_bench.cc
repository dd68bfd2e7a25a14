// The model engine benchmark (bench/README.md, "Model engine"): two questions of the
// supervision models over seeded generated data at the import benchmark's sizes, asked of
// shujian's engine (the model files q1_anti_join.yaml and q2_employer_year.yaml), of DuckDB (C
// API) and of SQLite, each in its own child process on the same machine in the same run, twice:
//   1. in memory: times measured from data already in memory (each contender's own in-memory
//      form, loaded from the CSV files before the clock starts);
//   2. from the store: times measured from opening the database to the answer — shujian opening
//      its own store (imported with `shujian import`) and reading it into columns through
//      workflow::StoreDatasetSource, DuckDB opening its own database file (tables created from
//      the same CSV files). Both files are made once per data directory, untimed.
// Peak memory is the child's whole peak, loading included. All answers must be equal, or the
// benchmark fails.
//
// Usage: engine_bench [--data DIR] [--scale F] [--threads N] [--only NAME] [--question N]
//   --data     where the generated CSV files and the two databases are kept (made once; default
//              bench/.cache/engine-data)
//   --scale    multiply every size (0.01 for a quick look; default 1)
//   --threads  DuckDB's threads (default: all cores, DuckDB's own default)
//   --only     run one contender (shujian, duckdb, sqlite, shujian-store or duckdb-file), e.g.
//              under a profiler
//   --question run one question (1 or 2)
#include <duckdb.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/uscc.h"
#include "data/dataset_schema.h"
#include "engine/engine.h"
#include "engine/input/dataset_source.h"
#include "engine/model_library.h"
#include "measure.h"
#include "random.h"
#include "store/store.h"
#include "workflow/store_dataset_source.h"

namespace shujian::bench {
namespace {

struct Sizes {
  long admin = 2000000;       // admin_case rows
  long criminal = 200000;     // criminal_case rows
  long insurance = 5000000;   // social_insurance rows
  long disabled = 60000;      // disabled_person rows
  long persons = 1000000;     // distinct parties of admin cases
  long employees = 420000;    // distinct insured persons
  long employers = 20000;     // distinct employers
};

// A valid 居民身份证号 for person `index` (unique for index < 18,000,000).
std::string IdNumber(uint64_t index) {
  Date birth = Date::FromYmd(1950, 1, 1)->AddDays(static_cast<int32_t>(index % 18000));
  char body[18];
  std::snprintf(body, sizeof body, "420304%04d%02d%02d%03d", birth.year(), birth.month(), birth.day(),
                static_cast<int>(index / 18000 % 1000));
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int position = 0; position < 17; ++position) sum += (body[position] - '0') * kWeights[position];
  return std::string(body, 17) + "10X98765432"[sum % 11];
}

// A valid 统一社会信用代码 (both check characters right, so that `shujian import` accepts it) for
// organisation `index` (unique for index < 1,000,000); `kind` is its first two characters.
std::string Uscc(uint64_t index, const char* kind = "91") {
  char subject[16];
  std::snprintf(subject, sizeof subject, "MA%06llu", static_cast<unsigned long long>(index % 1000000));
  std::string first17 = std::string(kind) + "420300" + subject + OrganizationCodeCheckCharacter(subject);
  return first17 + UsccCheckCharacter(first17);
}

std::string Iso(Date date) { return date.ToIso(); }

void Generate(const std::filesystem::path& dir, const Sizes& sizes) {
  std::filesystem::create_directories(dir);
  Random random(20231231);
  Date start = *Date::FromYmd(2020, 1, 1);
  {
    std::ofstream out(dir / "admin_case.csv");
    out << "case_no,party_id,decided_on,transferred,fine\n";
    for (long row = 0; row < sizes.admin; ++row) {
      out << 'A' << row << ',' << IdNumber(random.Below(sizes.persons)) << ','
          << Iso(start.AddDays(static_cast<int32_t>(random.Below(1461)))) << ','
          << (random.Below(10) == 0 ? "是" : "否") << ',' << (row % 100000) << '\n';
    }
  }
  {
    std::ofstream out(dir / "criminal_case.csv");
    out << "case_no,suspect_id,filed_on\n";
    for (long row = 0; row < sizes.criminal; ++row) {
      out << 'K' << row << ',' << IdNumber(random.Below(sizes.persons)) << ','
          << Iso(start.AddDays(static_cast<int32_t>(random.Below(1827)))) << '\n';
    }
  }
  {
    std::ofstream out(dir / "social_insurance.csv");
    out << "employer_uscc,person_id,period\n";
    long rows = 0;
    for (long person = 0; rows < sizes.insurance; person = (person + 1) % sizes.employees) {
      for (int year : {2022, 2023}) {
        std::string employer = Uscc(random.Below(sizes.employers));
        int first = 1, last = 12;
        if (random.Below(5) == 0) {  // a fifth of person-years are partial
          first = 1 + static_cast<int>(random.Below(12));
          last = first + static_cast<int>(random.Below(13 - first));
        }
        std::string id = IdNumber(static_cast<uint64_t>(person));
        for (int month = first; month <= last && rows < sizes.insurance; ++month, ++rows) {
          char period[8];
          std::snprintf(period, sizeof period, "%d-%02d", year, month);
          out << employer << ',' << id << ',' << period << '\n';
        }
      }
    }
  }
  {
    std::ofstream out(dir / "disabled_person.csv");
    out << "person_id,status\n";
    std::map<uint64_t, bool> chosen;
    while (static_cast<long>(chosen.size()) < sizes.disabled) {
      // Three in four disabled persons are insured employees.
      uint64_t person = random.Below(4) != 0 ? random.Below(sizes.employees)
                                            : sizes.employees + random.Below(sizes.persons - sizes.employees);
      chosen[person] = random.Below(10) != 0;
    }
    for (const auto& [person, valid] : chosen) out << IdNumber(person) << ',' << (valid ? "有效" : "注销") << '\n';
  }
}

// A DatasetSource over the generated CSV files, loaded into memory once, before any timing.
class CsvDatasetSource : public engine::DatasetSource {
 public:
  CsvDatasetSource(const std::filesystem::path& dir, const std::vector<std::string>& datasets) {
    for (const std::string& name : datasets) {
      const data::DatasetSchema* schema = data::SchemaRegistry::Shipped().Find(name);
      std::ifstream in(dir / (name + ".csv"));
      std::string line;
      std::getline(in, line);
      std::vector<std::string> columns;
      std::stringstream header(line);
      for (std::string column; std::getline(header, column, ',');) columns.push_back(column);
      engine::DatasetBuilder builder(*schema, columns, &pool_);  // the CSV holds the key columns
      std::vector<std::optional<std::string_view>> values(columns.size());
      std::vector<std::string_view> fields;
      while (std::getline(in, line)) {
        fields.clear();
        size_t start = 0;
        while (true) {
          size_t comma = line.find(',', start);
          fields.emplace_back(line.data() + start, (comma == std::string::npos ? line.size() : comma) - start);
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
        for (size_t index = 0; index < columns.size(); ++index) values[index] = fields[index];
        Status appended = builder.AppendRow("bench", values);
        if (!appended.ok()) std::abort();
      }
      datasets_.emplace(name, builder.Finish());
    }
  }

  Result<engine::LoadedDataset> Load(const data::DatasetSchema& schema, const std::vector<std::string>& columns,
                                     bool keys, engine::StringPool* pool) override {
    if (pool != &pool_) return Status::Internal("基准数据源只能用自己的字符串池");
    const engine::LoadedDataset& all = datasets_.at(schema.name);
    engine::LoadedDataset view;
    view.schema = all.schema;
    view.rows = all.rows;
    view.batch_starts = all.batch_starts;
    view.batch_codes = all.batch_codes;
    std::vector<std::string> wanted = columns;
    for (const std::string& key : keys ? schema.key : std::vector<std::string>()) {
      if (std::find(wanted.begin(), wanted.end(), key) == wanted.end()) wanted.push_back(key);
    }
    for (const std::string& column : wanted) {
      int index = all.Find(column);
      if (index < 0) return Status::NotFound("基准数据没有列 " + column);
      view.column_names.push_back(column);
      view.columns.push_back(all.columns[index]);
    }
    for (const std::string& key : keys ? schema.key : std::vector<std::string>()) {
      view.key_columns.push_back(view.Find(key));
    }
    return view;
  }
  std::optional<size_t> CountRows(std::string_view dataset) override {
    auto it = datasets_.find(std::string(dataset));
    return it == datasets_.end() ? std::nullopt : std::optional<size_t>(it->second.rows);
  }
  engine::StringPool* pool() { return &pool_; }

 private:
  engine::StringPool pool_;
  std::map<std::string, engine::LoadedDataset> datasets_;
};

// The answers, normalised so that all contenders print them alike.
std::string Answer(const std::vector<std::string>& values, int decimals_of_second) {
  std::string answer;
  for (size_t index = 0; index < values.size(); ++index) {
    char buffer[64];
    double value = std::atof(values[index].c_str());
    if (index == 1 && decimals_of_second > 0) {
      std::snprintf(buffer, sizeof buffer, "%.*f", decimals_of_second, value);
    } else {
      std::snprintf(buffer, sizeof buffer, "%.0f", std::round(value));
    }
    answer += (answer.empty() ? "" : " ") + std::string(buffer);
  }
  return answer;
}

struct Question {
  std::string title;
  std::string model_file;
  std::vector<std::string> datasets;
  std::string duckdb_load;
  std::string duckdb_sql;
  std::string sqlite_load;  // statements run after the rows are inserted (indexes)
  std::string sqlite_sql;
  int decimals;             // of the second answer value
  long rows;                // input rows, for rows/s
};

int RunShujian(Reporter& reporter, const std::filesystem::path& dir, const Question& question,
               const std::string& model_dir) {
  double load_start = NowSeconds();
  CsvDatasetSource source(dir, question.datasets);
  double loaded = NowSeconds() - load_start;
  Result<std::string> text = engine::ReadTextFile(model_dir + "/" + question.model_file);
  if (!text.ok()) return 2;
  auto model = engine::CompiledModel::Compile(*text, question.model_file, data::SchemaRegistry::Shipped(),
                                              engine::TableLibrary::Shipped());
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
    return 2;
  }
  engine::RunOptions options;
  options.as_of = *Date::FromYmd(2024, 12, 31);
  options.pool = source.pool();
  double start = NowSeconds();
  Result<engine::RunResult> result = engine::RunModel(**model, &source, options);
  reporter.Seconds(NowSeconds() - start);
  if (!result.ok() || result->outputs.empty() || result->outputs[0].rows.empty()) return 3;
  if (std::getenv("SHUJIAN_BENCH_EXPLAIN") != nullptr) {
    engine::Plan plan = engine::PlanModel(**model, &source, options.plan);
    std::fputs(engine::ExplainText(**model, plan, &*result).c_str(), stderr);
  }
  char note[96];
  std::snprintf(note, sizeof note, " (load %.1f s)", loaded);
  reporter.Note(Answer(result->outputs[0].rows[0], question.decimals) + note);
  return 0;
}

bool DuckExec(duckdb_connection connection, const std::string& sql, std::vector<std::string>* values) {
  duckdb_result result;
  if (duckdb_query(connection, sql.c_str(), &result) != DuckDBSuccess) {
    std::fprintf(stderr, "duckdb: %s\n", duckdb_result_error(&result));
    duckdb_destroy_result(&result);
    return false;
  }
  if (values != nullptr && duckdb_row_count(&result) > 0) {
    for (idx_t column = 0; column < duckdb_column_count(&result); ++column) {
      char* text = duckdb_value_varchar(&result, column, 0);
      values->push_back(text == nullptr ? "0" : text);
      duckdb_free(text);
    }
  }
  duckdb_destroy_result(&result);
  return true;
}

int RunDuckDb(Reporter& reporter, const std::filesystem::path& dir, const Question& question, int threads) {
  duckdb_database database;
  duckdb_connection connection;
  if (duckdb_open(nullptr, &database) != DuckDBSuccess || duckdb_connect(database, &connection) != DuckDBSuccess) {
    return 2;
  }
  if (threads > 0 && !DuckExec(connection, "SET threads = " + std::to_string(threads), nullptr)) return 2;
  double load_start = NowSeconds();
  std::string load = question.duckdb_load;
  for (size_t at; (at = load.find("$DIR")) != std::string::npos;) load.replace(at, 4, dir.string());
  if (!DuckExec(connection, load, nullptr)) return 2;
  double loaded = NowSeconds() - load_start;
  std::vector<std::string> values;
  double start = NowSeconds();
  bool ok = DuckExec(connection, question.duckdb_sql, &values);
  reporter.Seconds(NowSeconds() - start);
  if (!ok) return 3;
  char note[96];
  std::snprintf(note, sizeof note, " (load %.1f s)", loaded);
  reporter.Note(Answer(values, question.decimals) + note);
  duckdb_disconnect(&connection);
  duckdb_close(&database);
  return 0;
}

bool SqliteExec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n", error);
    sqlite3_free(error);
    return false;
  }
  return true;
}

int RunSqlite(Reporter& reporter, const std::filesystem::path& dir, const Question& question) {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 2;
  double load_start = NowSeconds();
  SqliteExec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
  for (const std::string& name : question.datasets) {
    std::ifstream in(dir / (name + ".csv"));
    std::string header;
    std::getline(in, header);
    size_t columns = std::count(header.begin(), header.end(), ',') + 1;
    if (!SqliteExec(db, "CREATE TABLE " + name + " (" + header + ")")) return 2;
    std::string placeholders;
    for (size_t column = 0; column < columns; ++column) placeholders += column == 0 ? "?" : ", ?";
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, ("INSERT INTO " + name + " VALUES (" + placeholders + ")").c_str(), -1, &insert, nullptr);
    SqliteExec(db, "BEGIN");
    std::string line;
    while (std::getline(in, line)) {
      size_t start = 0;
      for (size_t column = 0; column < columns; ++column) {
        size_t comma = line.find(',', start);
        size_t end = comma == std::string::npos ? line.size() : comma;
        sqlite3_bind_text(insert, static_cast<int>(column + 1), line.data() + start, static_cast<int>(end - start),
                          SQLITE_TRANSIENT);
        start = end + 1;
      }
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    SqliteExec(db, "COMMIT");
    sqlite3_finalize(insert);
  }
  if (!SqliteExec(db, question.sqlite_load)) return 2;
  double loaded = NowSeconds() - load_start;
  double start = NowSeconds();
  sqlite3_stmt* query = nullptr;
  if (sqlite3_prepare_v2(db, question.sqlite_sql.c_str(), -1, &query, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
    return 3;
  }
  std::vector<std::string> values;
  if (sqlite3_step(query) == SQLITE_ROW) {
    for (int column = 0; column < sqlite3_column_count(query); ++column) {
      const unsigned char* text = sqlite3_column_text(query, column);
      values.push_back(text == nullptr ? "0" : reinterpret_cast<const char*>(text));
    }
  }
  sqlite3_finalize(query);
  reporter.Seconds(NowSeconds() - start);
  char note[96];
  std::snprintf(note, sizeof note, " (load %.1f s)", loaded);
  reporter.Note(Answer(values, question.decimals) + note);
  sqlite3_close(db);
  return 0;
}

// ---- From the store: each contender's own database file, made once per data directory. ----

// The columns the import requires that the generated CSV files leave out, with a constant value
// for every row (the models do not read them), so that `shujian import` stores every row.
struct ImportExtras {
  const char* dataset;
  const char* header;  // appended to the CSV header
  const char* values;  // appended to every row
};

bool WriteImportCsv(const std::filesystem::path& from, const std::filesystem::path& to, const std::string& dataset,
                    long* rows) {
  static const ImportExtras kExtras[] = {
      {"admin_case", "agency_name,agency_code,party_type,party_name,violation_type", nullptr},
      {"criminal_case", "suspect_name,charge", "某某,非法捕捞水产品罪"},
      {"social_insurance", "name", "某某"},
      {"disabled_person", "name,category,grade", "某某,肢体,二级"},
  };
  const ImportExtras* extras = nullptr;
  for (const ImportExtras& candidate : kExtras) {
    if (dataset == candidate.dataset) extras = &candidate;
  }
  if (extras == nullptr) return false;
  std::ifstream in(from);
  std::ofstream out(to);
  std::string line;
  if (!std::getline(in, line)) return false;
  const bool admin = dataset == "admin_case";
  // admin_case: a transferred case needs its 移送日期 (required_when); the decision day will do.
  out << line << ',' << extras->header << (admin ? ",transferred_on" : "") << '\n';
  const std::string agency = "某某局," + Uscc(1, "11") + ",个人,某某,非法捕捞水产品";
  *rows = 0;
  while (std::getline(in, line)) {
    out << line << ',';
    if (admin) {
      // case_no,party_id,decided_on,transferred,fine
      size_t first = line.find(','), second = line.find(',', first + 1), third = line.find(',', second + 1);
      std::string_view transferred(line.data() + third + 1, line.find(',', third + 1) - third - 1);
      out << agency << ',' << (transferred == "是" ? line.substr(second + 1, third - second - 1) : "");
    } else {
      out << extras->values;
    }
    out << '\n';
    ++*rows;
  }
  return static_cast<bool>(out.flush());
}

void RemoveFiles(const std::filesystem::path& path) {
  for (const char* suffix : {"", "-wal", "-shm", ".wal"}) std::filesystem::remove(path.string() + suffix);
}

// Imports the four generated CSV files into a new shujian store at `store_path` with
// `shujian import DATASET FILE --source 基准` and checks that every row was stored.
bool MakeShujianStore(const std::filesystem::path& dir, const std::filesystem::path& store_path) {
  RemoveFiles(store_path);
  const std::string shujian = SHUJIAN_BINARY;
  std::string init = "'" + shujian + "' --db '" + store_path.string() + "' init >/dev/null";
  if (std::system(init.c_str()) != 0) {
    std::fprintf(stderr, "shujian init 失败：%s\n", init.c_str());
    return false;
  }
  std::map<std::string, long> expected;
  for (const char* dataset : {"admin_case", "criminal_case", "social_insurance", "disabled_person"}) {
    std::filesystem::path csv = dir / (std::string(dataset) + ".import.csv");
    if (!WriteImportCsv(dir / (std::string(dataset) + ".csv"), csv, dataset, &expected[dataset])) {
      std::fprintf(stderr, "写不出 %s\n", csv.c_str());
      return false;
    }
    double start = NowSeconds();
    std::string import = "'" + shujian + "' --db '" + store_path.string() + "' import " + dataset + " '" +
                         csv.string() + "' --source 基准 >/dev/null";
    int code = std::system(import.c_str());
    std::filesystem::remove(csv);
    if (code != 0) {  // 1 would mean some rows were rejected: the store would not hold the same data
      std::fprintf(stderr, "shujian import %s 失败（%d）：%s\n", dataset, code, import.c_str());
      return false;
    }
    std::fprintf(stderr, "  shujian import %s: %ld rows, %.1f s\n", dataset, expected[dataset], NowSeconds() - start);
  }
  store::StoreOptions options;
  options.location = store_path.string();
  options.create_if_missing = false;
  auto opened = store::OpenStore(options);
  if (!opened.ok()) return false;
  auto transaction = (*opened)->Begin(store::TransactionMode::kRead);
  if (!transaction.ok()) return false;
  auto summaries = (*transaction)->datasets().Summaries();
  if (!summaries.ok()) return false;
  for (const store::DatasetSummary& summary : *summaries) {
    auto it = expected.find(summary.dataset);
    if (it != expected.end() && summary.current_rows == it->second) expected.erase(it);
  }
  for (const auto& [dataset, rows] : expected) {
    std::fprintf(stderr, "存储库中「%s」的当前行数不是 %ld\n", dataset.c_str(), rows);
  }
  return expected.empty();
}

// Creates DuckDB's database file at `path` with the four tables, made by the same statements the
// in-memory DuckDB contender runs.
bool MakeDuckDbFile(const std::filesystem::path& dir, const std::filesystem::path& path,
                    const std::vector<std::string>& loads) {
  RemoveFiles(path);
  duckdb_database database;
  duckdb_connection connection;
  if (duckdb_open(path.c_str(), &database) != DuckDBSuccess || duckdb_connect(database, &connection) != DuckDBSuccess) {
    return false;
  }
  bool ok = true;
  for (std::string load : loads) {
    for (size_t at; (at = load.find("$DIR")) != std::string::npos;) load.replace(at, 4, dir.string());
    ok = ok && DuckExec(connection, load, nullptr);
  }
  ok = ok && DuckExec(connection, "CHECKPOINT", nullptr);
  duckdb_disconnect(&connection);
  duckdb_close(&database);
  return ok;
}

// shujian from its store: open the store, read the model's datasets into columns
// (StoreDatasetSource over DatasetRepository::ScanCurrentRows) and run the model — all timed.
int RunShujianFromStore(Reporter& reporter, const std::filesystem::path& store_path, const Question& question,
                        const std::string& model_dir) {
  Result<std::string> text = engine::ReadTextFile(model_dir + "/" + question.model_file);
  if (!text.ok()) return 2;
  auto model = engine::CompiledModel::Compile(*text, question.model_file, data::SchemaRegistry::Shipped(),
                                              engine::TableLibrary::Shipped());
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
    return 2;
  }
  double start = NowSeconds();
  store::StoreOptions store_options;
  store_options.location = store_path.string();
  store_options.create_if_missing = false;
  auto opened = store::OpenStore(store_options);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
    return 2;
  }
  auto transaction = (*opened)->Begin(store::TransactionMode::kRead);
  if (!transaction.ok()) return 2;
  workflow::StoreDatasetSource source(transaction->get());
  engine::RunOptions options;
  options.as_of = *Date::FromYmd(2024, 12, 31);
  Result<engine::RunResult> result = engine::RunModel(**model, &source, options);
  reporter.Seconds(NowSeconds() - start);
  if (!result.ok()) {
    std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
    return 3;
  }
  if (result->outputs.empty() || result->outputs[0].rows.empty()) return 3;
  char note[96];
  std::snprintf(note, sizeof note, " (load %.1f s, run %.1f s)", result->load_seconds, result->run_seconds);
  reporter.Note(Answer(result->outputs[0].rows[0], question.decimals) + note);
  return 0;
}

// DuckDB from its database file: open it (read only) and run the SQL — all timed.
int RunDuckDbFromFile(Reporter& reporter, const std::filesystem::path& path, const Question& question, int threads) {
  double start = NowSeconds();
  duckdb_config config;
  if (duckdb_create_config(&config) != DuckDBSuccess) return 2;
  duckdb_set_config(config, "access_mode", "READ_ONLY");
  if (threads > 0) duckdb_set_config(config, "threads", std::to_string(threads).c_str());
  duckdb_database database;
  duckdb_connection connection;
  char* error = nullptr;
  if (duckdb_open_ext(path.c_str(), &database, config, &error) != DuckDBSuccess) {
    std::fprintf(stderr, "duckdb: %s\n", error == nullptr ? "open failed" : error);
    return 2;
  }
  duckdb_destroy_config(&config);
  if (duckdb_connect(database, &connection) != DuckDBSuccess) return 2;
  std::vector<std::string> values;
  bool ok = DuckExec(connection, question.duckdb_sql, &values);
  reporter.Seconds(NowSeconds() - start);
  if (!ok) return 3;
  reporter.Note(Answer(values, question.decimals));
  duckdb_disconnect(&connection);
  duckdb_close(&database);
  return 0;
}

std::string AnswerOf(const Measurement& measurement) {
  return measurement.note.substr(0, measurement.note.find(" (load"));
}

}  // namespace
}  // namespace shujian::bench

int main(int argc, char** argv) {
  using namespace shujian::bench;
  std::filesystem::path source_dir = SHUJIAN_SOURCE_DIR;
  std::filesystem::path dir = source_dir / "bench" / ".cache" / "engine-data";
  double scale = 1;
  int threads = 0;
  std::string only;
  int only_question = 0;
  for (int index = 1; index + 1 < argc; index += 2) {
    std::string flag = argv[index];
    if (flag == "--data") dir = argv[index + 1];
    if (flag == "--scale") scale = std::atof(argv[index + 1]);
    if (flag == "--threads") threads = std::atoi(argv[index + 1]);
    if (flag == "--only") only = argv[index + 1];
    if (flag == "--question") only_question = std::atoi(argv[index + 1]);
  }
  Sizes sizes;
  for (long* size : {&sizes.admin, &sizes.criminal, &sizes.insurance, &sizes.disabled, &sizes.persons,
                     &sizes.employees, &sizes.employers}) {
    *size = std::max(10L, static_cast<long>(*size * scale));
  }
  if (scale != 1) dir += "-" + std::to_string(scale);
  std::string stamp = std::to_string(sizes.admin) + " " + std::to_string(sizes.criminal) + " " +
                      std::to_string(sizes.insurance) + " " + std::to_string(sizes.disabled) + " v2";
  std::string existing;
  {
    std::ifstream in(dir / "SIZES");
    std::getline(in, existing);
  }
  if (existing != stamp) {
    std::fprintf(stderr, "生成基准数据到 %s …\n", dir.c_str());
    double start = NowSeconds();
    Generate(dir, sizes);
    std::ofstream(dir / "SIZES") << stamp << "\n";
    std::fprintf(stderr, "生成用时 %.1f 秒\n", NowSeconds() - start);
  }
  std::string model_dir = (source_dir / "bench" / "engine").string();

  std::vector<Question> questions = {
      {"Q1 anti join with a 365-day window (admin cases not transferred, no criminal case of the party within 365 days)",
       "q1_anti_join.yaml",
       {"admin_case", "criminal_case"},
       "CREATE TABLE admin_case AS SELECT * FROM read_csv('$DIR/admin_case.csv', header = true, columns = "
       "{'case_no': 'VARCHAR', 'party_id': 'VARCHAR', 'decided_on': 'DATE', 'transferred': 'VARCHAR', "
       "'fine': 'BIGINT'}); "
       "CREATE TABLE criminal_case AS SELECT * FROM read_csv('$DIR/criminal_case.csv', header = true, columns = "
       "{'case_no': 'VARCHAR', 'suspect_id': 'VARCHAR', 'filed_on': 'DATE'})",
       "SELECT count(*), coalesce(sum(fine), 0) FROM admin_case a WHERE a.transferred = '否' AND NOT EXISTS ("
       "SELECT 1 FROM criminal_case c WHERE c.suspect_id = a.party_id AND c.filed_on >= a.decided_on "
       "AND c.filed_on <= a.decided_on + 365)",
       "CREATE INDEX criminal_by_suspect ON criminal_case (suspect_id, filed_on)",
       "SELECT count(*), coalesce(sum(fine), 0) FROM admin_case a WHERE a.transferred = '否' AND NOT EXISTS ("
       "SELECT 1 FROM criminal_case c WHERE c.suspect_id = a.party_id AND c.filed_on BETWEEN a.decided_on "
       "AND date(a.decided_on, '+365 days'))",
       0,
       sizes.admin + sizes.criminal},
      {"Q2 per employer and year: average insured staff, disabled employees insured all 12 months",
       "q2_employer_year.yaml",
       {"social_insurance", "disabled_person"},
       "CREATE TABLE social_insurance AS SELECT employer_uscc, person_id, strptime(period || '-01', '%Y-%m-%d')::DATE "
       "AS period FROM read_csv('$DIR/social_insurance.csv', header = true, columns = {'employer_uscc': 'VARCHAR', "
       "'person_id': 'VARCHAR', 'period': 'VARCHAR'}); "
       "CREATE TABLE disabled_person AS SELECT * FROM read_csv('$DIR/disabled_person.csv', header = true, columns = "
       "{'person_id': 'VARCHAR', 'status': 'VARCHAR'})",
       "WITH staff AS (SELECT employer_uscc, year(period) AS y, count(*) / 12.0 AS avg_staff FROM social_insurance "
       "GROUP BY ALL), months AS (SELECT s.employer_uscc, year(s.period) AS y, s.person_id FROM social_insurance s "
       "JOIN disabled_person d ON s.person_id = d.person_id WHERE d.status = '有效' GROUP BY ALL "
       "HAVING count(DISTINCT s.period) = 12), full_year AS (SELECT employer_uscc, y, count(*) AS n FROM months "
       "GROUP BY ALL) SELECT count(*), sum(avg_staff), coalesce(sum(coalesce(n, 0)), 0) FROM staff "
       "LEFT JOIN full_year USING (employer_uscc, y)",
       "CREATE INDEX disabled_by_person ON disabled_person (person_id)",
       "WITH staff AS (SELECT employer_uscc, CAST(substr(period, 1, 4) AS INTEGER) AS y, count(*) / 12.0 AS avg_staff "
       "FROM social_insurance GROUP BY 1, 2), months AS (SELECT s.employer_uscc, CAST(substr(s.period, 1, 4) AS "
       "INTEGER) AS y, s.person_id FROM social_insurance s JOIN disabled_person d ON s.person_id = d.person_id "
       "WHERE d.status = '有效' GROUP BY 1, 2, 3 HAVING count(DISTINCT s.period) = 12), full_year AS (SELECT "
       "employer_uscc, y, count(*) AS n FROM months GROUP BY 1, 2) SELECT count(*), sum(avg_staff), "
       "coalesce(sum(coalesce(n, 0)), 0) FROM staff LEFT JOIN full_year ON staff.employer_uscc = "
       "full_year.employer_uscc AND staff.y = full_year.y",
       2,
       sizes.insurance + sizes.disabled},
  };

  // The databases of the measurement from the store, made once per data directory (untimed).
  const std::filesystem::path store_path = dir / "shujian.db";
  const std::filesystem::path duckdb_path = dir / "engine.duckdb";
  const bool from_store = only.empty() || only == "shujian-store" || only == "duckdb-file";
  if (from_store) {
    std::string made;
    {
      std::ifstream in(dir / "DATABASES");
      std::getline(in, made);
    }
    if (made != stamp || !std::filesystem::exists(store_path) || !std::filesystem::exists(duckdb_path)) {
      std::filesystem::remove(dir / "DATABASES");
      std::fprintf(stderr, "导入 shujian 存储库并建 DuckDB 数据库文件 …\n");
      double start = NowSeconds();
      std::vector<std::string> loads;
      for (const Question& question : questions) loads.push_back(question.duckdb_load);
      if (!MakeShujianStore(dir, store_path) || !MakeDuckDbFile(dir, duckdb_path, loads)) {
        std::fprintf(stderr, "建库失败\n");
        return 1;
      }
      std::ofstream(dir / "DATABASES") << stamp << "\n";
      std::fprintf(stderr, "建库用时 %.1f 秒（shujian 存储库 %.0f MB，DuckDB 文件 %.0f MB）\n", NowSeconds() - start,
                   std::filesystem::file_size(store_path) / 1e6, std::filesystem::file_size(duckdb_path) / 1e6);
    }
  }

  bool agree = true;
  for (size_t number = 1; number <= questions.size(); ++number) {
    const Question& question = questions[number - 1];
    if (only_question != 0 && only_question != static_cast<int>(number)) continue;
    std::vector<Measurement> results;
    if (only.empty() || only == "duckdb") {
      results.push_back(MeasureInChild("duckdb", [&](Reporter& reporter) { return RunDuckDb(reporter, dir, question, threads); }));
    }
    if (only.empty() || only == "shujian") {
      results.push_back(MeasureInChild("shujian", [&](Reporter& reporter) { return RunShujian(reporter, dir, question, model_dir); }));
    }
    if (only.empty() || only == "sqlite") {
      results.push_back(MeasureInChild("sqlite", [&](Reporter& reporter) { return RunSqlite(reporter, dir, question); }));
    }
    if (!results.empty()) PrintComparison(question.title + " — in memory", results, question.rows);
    std::vector<Measurement> stored;
    if (only.empty() || only == "duckdb-file") {
      stored.push_back(MeasureInChild("duckdb from file", [&](Reporter& reporter) {
        return RunDuckDbFromFile(reporter, duckdb_path, question, threads);
      }));
    }
    if (only.empty() || only == "shujian-store") {
      stored.push_back(MeasureInChild("shujian from store", [&](Reporter& reporter) {
        return RunShujianFromStore(reporter, store_path, question, model_dir);
      }));
    }
    if (!stored.empty()) {
      PrintComparison(question.title + " — from the store (open the database, load, answer)", stored, question.rows);
    }
    results.insert(results.end(), stored.begin(), stored.end());
    for (const Measurement& result : results) {
      if (result.exit_code != 0 || AnswerOf(result) != AnswerOf(results[0])) agree = false;
    }
  }
  std::printf("\n%s\n", agree ? "All contenders returned the same answers." : "ANSWERS DIFFER: the benchmark failed.");
  return agree ? 0 : 1;
}
