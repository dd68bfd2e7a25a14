// The import benchmark: a generated 2,000,000-row admin_case CSV and a 5,000,000-row
// social_insurance CSV, each imported by `shujian import` (judging every value, keying and
// versioning every row, one durable transaction) beside the SQLite command line's `.import`
// of the same file (Debian's sqlite3: text into a table, nothing checked) and DuckDB's
// `read_csv` into a table of a database file (C API), in the same run, each contender in its
// own child process. Prints rows/s, peak memory and the ratios as Markdown.
//
//   import_bench [--dir DIR] [--admin-rows N] [--si-rows N] [--repeat N] [--shujian PATH]
//                [--sqlite3 PATH]
// Each contender runs --repeat times (default 3) and its fastest run is reported, with its CPU
// time (all threads) in the note: on a shared machine, wall time is what the goal is about and
// CPU time what the code costs.
//
// Files are generated (seeded: the same bytes every run) into DIR (bench/.cache/import by
// default) and removed after their dataset's measurements.
#include <duckdb.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "import_data.h"
#include "measure.h"
#include "store/store.h"

namespace shujian::bench {
namespace {

struct Options {
  std::string dir = "bench/.cache/import";
  int64_t admin_rows = 2000000;
  int64_t si_rows = 5000000;
  std::string shujian = SHUJIAN_BINARY;
  std::string sqlite3 = "sqlite3";
  int repeat = 3;  // each contender runs this many times; the fastest run is reported
};

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

// CPU seconds (user + system) of the children reaped so far.
double ChildrenCpuSeconds() {
  struct rusage usage;
  getrusage(RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

// Adds "CPU n s" to the measurement's note: the processor time it used on all its threads,
// which a busy machine inflates less than wall time.
Measurement WithCpu(const std::function<Measurement()>& measure) {
  double before = ChildrenCpuSeconds();
  Measurement measurement = measure();
  char cpu[64];
  std::snprintf(cpu, sizeof cpu, "CPU %.2f s", ChildrenCpuSeconds() - before);
  measurement.note = measurement.note.empty() ? cpu : std::string(cpu) + "; " + measurement.note;
  return measurement;
}

void RemoveDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", ".wal"}) std::filesystem::remove(path + suffix);
}

std::string Machine() {
  std::string cpu = "unknown CPU";
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; std::getline(info, line);) {
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  }
  long pages = sysconf(_SC_PHYS_PAGES);
  long page = sysconf(_SC_PAGE_SIZE);
  struct utsname name;
  uname(&name);
  char text[512];
  std::snprintf(text, sizeof text, "%s, %ld cores, %.0f GiB RAM, %s %s; DuckDB %s", cpu.c_str(),
                sysconf(_SC_NPROCESSORS_ONLN), double(pages) * double(page) / (1 << 30), name.sysname,
                name.release, duckdb_library_version());
  return text;
}

// Runs a command in the measured child with stdout into `output` (the child execs it, so the
// measurement is the command's own).
Measurement Run(const std::string& name, const std::vector<std::string>& argv, const std::string& output) {
  return MeasureInChild(name, [&](Reporter&) {
    FILE* out = std::freopen(output.c_str(), "w", stdout);
    if (out == nullptr) return 127;
    if (std::freopen((output + ".stderr").c_str(), "w", stderr) == nullptr) return 127;
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    return 127;
  });
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

Measurement DuckDbReadCsv(const std::string& csv, const std::string& database) {
  return MeasureInChild("duckdb read_csv", [&](Reporter& reporter) {
    duckdb_database db;
    duckdb_connection connection;
    if (duckdb_open(database.c_str(), &db) == DuckDBError) return 1;
    if (duckdb_connect(db, &connection) == DuckDBError) return 1;
    duckdb_result result;
    std::string sql = "CREATE TABLE t AS SELECT * FROM read_csv('" + csv + "', header = true)";
    if (duckdb_query(connection, sql.c_str(), &result) == DuckDBError) {
      reporter.Note(duckdb_result_error(&result));
      duckdb_destroy_result(&result);
      return 1;
    }
    duckdb_destroy_result(&result);
    if (duckdb_query(connection, "SELECT count(*) FROM t", &result) == DuckDBSuccess) {
      reporter.Note(std::to_string(duckdb_value_int64(&result, 0, 0)) + " rows");
    }
    duckdb_destroy_result(&result);
    duckdb_query(connection, "CHECKPOINT", &result);
    duckdb_destroy_result(&result);
    duckdb_disconnect(&connection);
    duckdb_close(&db);  // durable, as the others are
    return 0;
  });
}

// Reads three columns of every current row back through DatasetRepository::ScanCurrentRows,
// as the model engine will: what loading a dataset costs after its import.
Measurement ScanThreeColumns(const std::string& database, const std::string& dataset) {
  return MeasureInChild("shujian scan of 3 columns", [&](Reporter& reporter) {
    store::StoreOptions options;
    options.location = database;
    options.create_if_missing = false;
    auto store = store::OpenStore(options);
    if (!store.ok()) return 1;
    double started = NowSeconds();
    auto transaction = (*store)->Begin(store::TransactionMode::kRead);
    if (!transaction.ok()) return 1;
    std::vector<store::ScanColumn> columns =
        dataset == "admin_case"
            ? std::vector<store::ScanColumn>{{"party_id"}, {"decided_on"}, {"fine"}}
            : std::vector<store::ScanColumn>{{"person_id"}, {"employer_uscc"}, {"wage"}};
    auto scan = (*transaction)->datasets().ScanCurrentRows({dataset, columns});
    if (!scan.ok()) return 1;
    store::RowBatch batch;
    int64_t rows = 0;
    size_t bytes = 0;
    while (true) {
      auto more = (*scan)->Next(&batch);
      if (!more.ok()) return 1;
      if (!*more) break;
      rows += static_cast<int64_t>(batch.rows);
      for (const auto& column : batch.columns) {
        for (std::string_view value : column) bytes += value.size();
      }
    }
    reporter.Seconds(NowSeconds() - started);
    reporter.Note(std::to_string(rows) + " rows, " + std::to_string(bytes / 1000000) + " MB of values, keys and batch ids");
    return 0;
  });
}

// One run of every contender, in a fixed order.
std::vector<Measurement> RunAll(const Options& options, const std::string& dataset, const GeneratedFile& file) {
  const std::string db = options.dir + "/bench.db";
  const std::string json = options.dir + "/shujian.json";
  std::vector<Measurement> results;

  RemoveDatabase(db);
  std::string init = options.shujian + " --db " + db + " init >/dev/null";
  if (std::system(init.c_str()) != 0) std::fprintf(stderr, "shujian init failed\n");
  // Exit 1 means "imported; some rows were rejected", which the generated noise makes certain.
  Measurement first = WithCpu([&] {
    Measurement run = Run("shujian import", {options.shujian, "--db", db, "import", dataset, file.path, "--json"}, json);
    run.note = ReadFile(json);
    return run;
  });
  if (first.exit_code == 1) first.exit_code = 0;
  results.push_back(first);
  Measurement again = WithCpu([&] {
    Measurement run =
        Run("shujian import, same file again", {options.shujian, "--db", db, "import", dataset, file.path, "--json"}, json);
    run.note = ReadFile(json);
    return run;
  });
  if (again.exit_code == 1) again.exit_code = 0;
  Measurement scan = WithCpu([&] { return ScanThreeColumns(db, dataset); });
  std::error_code error;
  scan.note += "; database " + std::to_string(std::filesystem::file_size(db, error) / 1000000) + " MB";
  RemoveDatabase(db);

  results.push_back(WithCpu([&] {
    return Run("sqlite3 .import", {options.sqlite3, db, "-cmd", ".mode csv", ".import " + file.path + " t"}, "/dev/null");
  }));
  RemoveDatabase(db);

  results.push_back(WithCpu([&] { return DuckDbReadCsv(file.path, db + ".duckdb"); }));
  RemoveDatabase(db + ".duckdb");
  results.push_back(again);
  results.push_back(scan);
  return results;
}

void Compare(const Options& options, const std::string& dataset, const GeneratedFile& file) {
  const std::string load_before = LoadAverage();
  std::vector<Measurement> results;
  for (int round = 0; round < options.repeat; ++round) {
    std::vector<Measurement> run = RunAll(options, dataset, file);
    if (results.empty()) {
      results = run;
      continue;
    }
    for (size_t index = 0; index < run.size(); ++index) {
      if (run[index].exit_code == 0 && run[index].seconds < results[index].seconds) results[index] = run[index];
    }
  }
  char title[512];
  std::snprintf(title, sizeof title,
                "%s: %lld rows, %.0f MB CSV (%lld rows with a value to reject); fastest of %d runs; load average "
                "%s before, %s after",
                dataset.c_str(), static_cast<long long>(file.rows), file.bytes / 1e6,
                static_cast<long long>(file.noisy_rows), options.repeat, load_before.c_str(), LoadAverage().c_str());
  PrintComparison(title, results, static_cast<long>(file.rows));
  if (results[1].seconds > 0 && results[2].seconds > 0) {
    std::printf("\nshujian import ÷ sqlite3 .import: %.2f× the time (goal: below 1); ÷ duckdb read_csv: %.2f× "
                "the time (goal: within 2)\n",
                results[0].seconds / results[1].seconds, results[0].seconds / results[2].seconds);
  }
  std::fflush(stdout);
}

}  // namespace
}  // namespace shujian::bench

int main(int argc, char** argv) {
  using namespace shujian::bench;
  Options options;
  if (argc % 2 == 0) {
    std::fprintf(stderr, "usage: import_bench [--dir DIR] [--admin-rows N] [--si-rows N] [--repeat N] "
                         "[--shujian PATH] [--sqlite3 PATH]\n");
    return 2;
  }
  for (int index = 1; index + 1 < argc; index += 2) {
    std::string flag = argv[index];
    std::string value = argv[index + 1];
    if (flag == "--dir") options.dir = value;
    else if (flag == "--admin-rows") options.admin_rows = std::atoll(value.c_str());
    else if (flag == "--si-rows") options.si_rows = std::atoll(value.c_str());
    else if (flag == "--shujian") options.shujian = value;
    else if (flag == "--sqlite3") options.sqlite3 = value;
    else if (flag == "--repeat") options.repeat = std::max(1, std::atoi(value.c_str()));
    else {
      std::fprintf(stderr, "usage: import_bench [--dir DIR] [--admin-rows N] [--si-rows N] [--repeat N] "
                           "[--shujian PATH] [--sqlite3 PATH]\n");
      return 2;
    }
  }
  std::filesystem::create_directories(options.dir);
  options.dir = std::filesystem::absolute(options.dir).string();
  std::printf("## Import benchmark\n\nMachine: %s\n", Machine().c_str());

  struct Plan {
    const char* dataset;
    int64_t rows;
    uint64_t seed;
    bool (*generate)(const std::string&, int64_t, uint64_t, GeneratedFile*);
  };
  const Plan plans[] = {{"admin_case", options.admin_rows, 20231, GenerateAdminCases},
                        {"social_insurance", options.si_rows, 20232, GenerateSocialInsurance}};
  for (const Plan& plan : plans) {
    if (plan.rows <= 0) continue;
    GeneratedFile file;
    const std::string path = options.dir + "/" + plan.dataset + "_" + std::to_string(plan.rows) + ".csv";
    double started = NowSeconds();
    if (!plan.generate(path, plan.rows, plan.seed, &file)) {
      std::fprintf(stderr, "cannot write %s\n", path.c_str());
      return 1;
    }
    std::fprintf(stderr, "generated %s in %.1f s\n", path.c_str(), NowSeconds() - started);
    Compare(options, plan.dataset, file);
    std::filesystem::remove(path);
  }
  return 0;
}
