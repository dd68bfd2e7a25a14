// Tests of dataset storage: the segment format, the key index, and the DatasetRepository of
// the SQLite store (batches, rejects, versioned rows, scans, integrity). Everything but the
// format tests goes through the Store interface, so it will run unchanged on PostgreSQL.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <random>

#include "store/sqlite/dataset_segment.h"
#include "store/sqlite/key_index.h"
#include "store/store.h"

namespace shujian::store {
namespace {

// --- format --------------------------------------------------------------------------------

TEST(DatasetSegmentTest, KeyHashIsStableAndRespectsPartBoundaries) {
  // Persisted in every segment: these values must never change.
  const std::string_view one[] = {"YYNY-2023-0015"};
  const std::string_view three[] = {"91420300MA49ABCD1T", "420304198001012510", "2023-02"};
  EXPECT_EQ(RowKeyHash(one), RowKeyHash(one));
  const std::string_view empty[] = {""};
  EXPECT_NE(RowKeyHash(empty), RowKeyHash(std::span<const std::string_view>()));
  const std::string_view ab_c[] = {"a|b", "c"};
  const std::string_view a_bc[] = {"a", "b|c"};
  EXPECT_NE(RowKeyHash(ab_c), RowKeyHash(a_bc));
  EXPECT_EQ(RowKeyHash(one), 0x36f7c8875def498aull) << std::hex << RowKeyHash(one);
  EXPECT_EQ(RowKeyHash(three), 0xc7b8ba01468ec300ull) << std::hex << RowKeyHash(three);
}

TEST(DatasetSegmentTest, ColumnsRoundTripPlainAndDictionary) {
  ColumnBuilder repetitive;
  ColumnBuilder distinct;
  for (int row = 0; row < 1000; ++row) {
    repetitive.Append(row % 3 == 0 ? "2023-01" : (row % 3 == 1 ? "" : "2023-02"), "");
    std::string name = "name" + std::to_string(row);
    distinct.Append(name, row % 7 == 0 ? "NAME" + std::to_string(row) : "");
  }
  for (ColumnBuilder* builder : {&repetitive, &distinct}) {
    std::string blob;
    builder->Encode(&blob);
    Result<DecodedColumn> decoded = DecodedColumn::Decode(blob);
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    ASSERT_EQ(decoded->rows(), 1000u);
    for (size_t slot = 0; slot < 1000; ++slot) {
      EXPECT_EQ(decoded->value(slot), builder->value(slot));
      EXPECT_EQ(decoded->match_or_value(slot), builder->match_or_value(slot));
    }
  }
  std::string blob;
  repetitive.Encode(&blob);
  EXPECT_EQ(blob[0], 2) << "a column of three values is stored as a dictionary";
  EXPECT_LT(blob.size(), 1100u);
  EXPECT_EQ(distinct.match_or_value(7), "NAME7");
  EXPECT_EQ(distinct.match_or_value(8), "name8");
}

TEST(DatasetSegmentTest, MalformedBlobsAreCorruptionNeverACrash) {
  ColumnBuilder builder;
  for (int row = 0; row < 50; ++row) builder.Append("v" + std::to_string(row % 5), row == 3 ? "m" : "");
  std::string blob;
  builder.Encode(&blob);
  for (size_t size = 0; size < blob.size(); ++size) {
    Result<DecodedColumn> decoded = DecodedColumn::Decode(std::string_view(blob).substr(0, size));
    EXPECT_FALSE(decoded.ok()) << size;
    if (!decoded.ok()) {
      EXPECT_EQ(decoded.status().code(), StatusCode::kCorruption);
    }
  }
  std::mt19937 random(7);
  for (int trial = 0; trial < 2000; ++trial) {
    std::string mutated = blob;
    mutated[random() % mutated.size()] = static_cast<char>(random());
    (void)DecodedColumn::Decode(mutated);
    (void)DecodeKeyHashes(mutated);
    (void)DecodeProvenance(mutated);
  }
}

TEST(DatasetSegmentTest, ProvenanceAndHashesRoundTrip) {
  Provenance provenance;
  for (int row = 0; row < 100; ++row) {
    provenance.files.push_back(row < 40 ? 0 : 1);
    provenance.lines.push_back(row < 40 ? row + 2 : 1000 - row);
  }
  std::string blob;
  EncodeProvenance(provenance, &blob);
  Result<Provenance> decoded = DecodeProvenance(blob);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->files, provenance.files);
  EXPECT_EQ(decoded->lines, provenance.lines);
  std::vector<uint64_t> hashes = {1, 2, ~uint64_t{0}};
  blob.clear();
  EncodeKeyHashes(hashes, &blob);
  EXPECT_EQ(*DecodeKeyHashes(blob), hashes);
}

TEST(KeyIndexTest, FindsEveryOrdinalUnderAHashAndGrows) {
  KeyIndex index;
  for (uint64_t ordinal = 0; ordinal < 100000; ++ordinal) index.Insert(ordinal * 0x9E3779B97F4A7C15ull, ordinal);
  index.Insert(42 * 0x9E3779B97F4A7C15ull, 100000);  // a second ordinal under one hash
  EXPECT_EQ(index.size(), 100001u);
  for (uint64_t ordinal = 0; ordinal < 100000; ordinal += 997) {
    uint64_t seen = UINT64_MAX;
    size_t handle = index.Find(ordinal * 0x9E3779B97F4A7C15ull, [&](uint64_t candidate) {
      seen = candidate;
      return candidate == ordinal;
    });
    ASSERT_NE(handle, KeyIndex::kNotFound);
    EXPECT_EQ(seen, ordinal);
  }
  std::vector<uint64_t> under_42;
  index.Find(42 * 0x9E3779B97F4A7C15ull, [&](uint64_t candidate) {
    under_42.push_back(candidate);
    return false;
  });
  std::sort(under_42.begin(), under_42.end());
  EXPECT_EQ(under_42, (std::vector<uint64_t>{42, 100000}));
  EXPECT_EQ(index.Find(12345, [](uint64_t) { return true; }), KeyIndex::kNotFound);
}

// --- repository ----------------------------------------------------------------------------

class DatasetRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("shujian_dataset_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    StoreOptions options;
    options.location = (directory_ / "test.db").string();
    options.migrate_on_open = true;
    Result<std::unique_ptr<Store>> store = OpenStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  struct Row {
    std::string case_no;
    std::string case_match;  // "" when equal
    std::string party;
    int64_t line;
  };

  // Imports `rows` as one batch of admin-like rows; returns the batch id and the outcomes.
  std::pair<std::string, std::vector<PutResult>> Import(const std::vector<Row>& rows, bool commit = true) {
    auto transaction = store_->Begin().value();
    DatasetRepository& datasets = transaction->datasets();
    BatchManifest manifest;
    manifest.dataset = "cases";
    manifest.source = "农业农村局";
    manifest.imported_by = "tester";
    manifest.imported_at = "2024-01-02T10:00:00";
    std::string id = datasets.CreateBatch(manifest).value();
    auto writer = datasets.OpenRowWriter(id, layout_);
    EXPECT_TRUE(writer.ok()) << writer.status().ToString();
    std::vector<PutResult> outcomes;
    manifest.id = id;
    for (const Row& row : rows) {
      DatasetCell cells[] = {{row.case_no, row.case_match}, {row.party, ""}, {"", ""}};
      Result<PutResult> put = (*writer)->Put(cells, 0, row.line);
      EXPECT_TRUE(put.ok()) << put.status().ToString();
      outcomes.push_back(*put);
      ++manifest.rows;
      switch (put->outcome) {
        case RowOutcome::kNew: ++manifest.accepted; break;
        case RowOutcome::kNewVersion: ++manifest.accepted; ++manifest.new_versions; break;
        case RowOutcome::kUnchanged: ++manifest.unchanged; break;
        case RowOutcome::kConflict: ++manifest.rejected; break;
      }
    }
    EXPECT_TRUE((*writer)->Finish().ok());
    manifest.files.push_back({"cases.csv", std::string(64, 'a'), 100, "csv", "UTF-8", "", manifest.rows,
                              manifest.accepted, manifest.rejected, manifest.unchanged});
    EXPECT_TRUE(datasets.CompleteBatch(manifest).ok());
    writer->reset();
    if (commit) {
      EXPECT_TRUE(transaction->Commit().ok());
    }
    return {id, outcomes};
  }

  // key → (party, batch) of the current rows.
  std::map<std::string, std::pair<std::string, std::string>> Current() {
    auto transaction = store_->Begin(TransactionMode::kRead).value();
    ScanRequest request{"cases", {{"party"}, {"case_no", CellForm::kValue}}, true};
    auto scan = transaction->datasets().ScanCurrentRows(request);
    EXPECT_TRUE(scan.ok()) << scan.status().ToString();
    std::map<std::string, std::pair<std::string, std::string>> rows;
    RowBatch batch;
    while ((*scan)->Next(&batch).value()) {
      EXPECT_EQ(batch.keys.size(), batch.rows);
      EXPECT_EQ(batch.lines.size(), batch.rows);
      for (size_t row = 0; row < batch.rows; ++row) {
        EXPECT_TRUE(rows.emplace(std::string(batch.keys[row]),
                                 std::make_pair(std::string(batch.columns[0][row]), std::string(batch.batch_id)))
                        .second)
            << "a key scanned twice: " << batch.keys[row];
      }
    }
    return rows;
  }

  std::filesystem::path directory_;
  std::unique_ptr<Store> store_;
  DatasetLayout layout_{"cases", {"case_no", "party", "note"}, {"case_no"}};
};

TEST_F(DatasetRepositoryTest, NewRowsThenUnchangedThenNewVersions) {
  auto [first, outcomes] = Import({{"A-1", "", "张三", 2}, {"A 2", "A2", "李四", 3}, {"A-3", "", "王五", 4}});
  EXPECT_EQ(first, "b-000001");
  for (const PutResult& outcome : outcomes) EXPECT_EQ(outcome.outcome, RowOutcome::kNew);
  auto rows = Current();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows["A2"], std::make_pair(std::string("李四"), first)) << "the key is the matching form";

  auto [second, again] = Import({{"A-1", "", "张三", 2}, {"A 2", "A2", "李四", 3}, {"A-3", "", "王五", 4}});
  for (const PutResult& outcome : again) EXPECT_EQ(outcome.outcome, RowOutcome::kUnchanged);
  EXPECT_EQ(Current(), rows) << "re-importing adds nothing";

  auto [third, changed] = Import({{"A-1", "", "张三丰", 2}, {"A-3", "", "王五", 4}, {"A-4", "", "赵六", 5}});
  EXPECT_EQ(changed[0].outcome, RowOutcome::kNewVersion);
  EXPECT_EQ(changed[1].outcome, RowOutcome::kUnchanged);
  EXPECT_EQ(changed[2].outcome, RowOutcome::kNew);
  rows = Current();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows["A-1"], std::make_pair(std::string("张三丰"), third));
  EXPECT_EQ(rows["A-3"].second, first);

  auto transaction = store_->Begin(TransactionMode::kRead).value();
  const std::string key[] = {"A-1"};
  auto versions = transaction->datasets().RowVersions("cases", key).value();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_FALSE(versions[0].current);
  EXPECT_EQ(versions[0].batch_id, first);
  EXPECT_EQ(versions[0].superseded_by, third);
  EXPECT_EQ(versions[0].values[1], std::make_pair(std::string("party"), std::string("张三")));
  EXPECT_TRUE(versions[1].current);
  EXPECT_EQ(versions[1].line, 2);

  auto summaries = transaction->datasets().Summaries().value();
  ASSERT_EQ(summaries.size(), 1u);
  EXPECT_EQ(summaries[0].current_rows, 4);
  EXPECT_EQ(summaries[0].stored_rows, 5);
  EXPECT_EQ(summaries[0].batches, 3);
  EXPECT_EQ(summaries[0].last_batch_id, third);
  transaction.reset();
  EXPECT_TRUE(store_->CheckIntegrity().ok()) << store_->CheckIntegrity().ToString();
}

TEST_F(DatasetRepositoryTest, SameKeyTwiceInOneBatch) {
  auto [batch, outcomes] = Import({{"A-1", "", "张三", 2}, {"A-1", "", "张三", 7}, {"A-1", "", "李四", 9}});
  EXPECT_EQ(outcomes[0].outcome, RowOutcome::kNew);
  EXPECT_EQ(outcomes[1].outcome, RowOutcome::kUnchanged);
  EXPECT_EQ(outcomes[2].outcome, RowOutcome::kConflict);
  EXPECT_EQ(outcomes[2].conflict_line, 2);
  EXPECT_EQ(outcomes[2].conflict_file, 0);
  EXPECT_EQ(Current().at("A-1").first, "张三");
}

TEST_F(DatasetRepositoryTest, ManySegmentsScanAndCompareAcrossSegments) {
  std::vector<Row> rows;
  for (int row = 0; row < 70000; ++row) rows.push_back({"K" + std::to_string(row), "", "p" + std::to_string(row % 100), row + 2});
  Import(rows);
  auto current = Current();
  ASSERT_EQ(current.size(), 70000u);
  EXPECT_EQ(current["K69999"].first, "p99");
  rows[5].party = "changed";
  rows[69000].party = "changed";
  auto [second, outcomes] = Import(rows);
  int unchanged = 0;
  for (const PutResult& outcome : outcomes) unchanged += outcome.outcome == RowOutcome::kUnchanged;
  EXPECT_EQ(unchanged, 69998);
  EXPECT_EQ(outcomes[5].outcome, RowOutcome::kNewVersion);
  EXPECT_EQ(outcomes[69000].outcome, RowOutcome::kNewVersion);
  current = Current();
  EXPECT_EQ(current.size(), 70000u);
  EXPECT_EQ(current["K5"], std::make_pair(std::string("changed"), second));
  EXPECT_TRUE(store_->CheckIntegrity().ok()) << store_->CheckIntegrity().ToString();
}

TEST_F(DatasetRepositoryTest, AnUncommittedBatchLeavesNothing) {
  Import({{"A-1", "", "张三", 2}});
  Import({{"A-1", "", "李四", 2}, {"A-2", "", "王五", 3}}, /*commit=*/false);
  auto transaction = store_->Begin(TransactionMode::kRead).value();
  EXPECT_FALSE(transaction->datasets().GetBatch("b-000002").value().has_value());
  EXPECT_EQ(transaction->datasets().ListBatches("", 0).value().size(), 1u);
  transaction.reset();
  auto rows = Current();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows["A-1"].first, "张三");
  EXPECT_TRUE(store_->CheckIntegrity().ok());
}

TEST_F(DatasetRepositoryTest, TheKeyOfADatasetCannotChange) {
  Import({{"A-1", "", "张三", 2}});
  auto transaction = store_->Begin().value();
  BatchManifest manifest{.dataset = "cases"};
  std::string id = transaction->datasets().CreateBatch(manifest).value();
  DatasetLayout other{"cases", {"case_no", "party"}, {"party"}};
  auto writer = transaction->datasets().OpenRowWriter(id, other);
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.status().code(), StatusCode::kIncompatible);
  DatasetLayout wrong_dataset{"other", {"case_no"}, {"case_no"}};
  EXPECT_FALSE(transaction->datasets().OpenRowWriter(id, wrong_dataset).ok());
  DatasetLayout fine{"cases", {"case_no", "party"}, {"case_no"}};
  auto writer2 = transaction->datasets().OpenRowWriter(id, fine).value();
  DatasetCell empty_key[] = {{"", ""}, {"x", ""}};
  EXPECT_EQ(writer2->Put(empty_key, 0, 2).status().code(), StatusCode::kInvalidArgument);
  DatasetCell short_row[] = {{"A-9", ""}};
  EXPECT_EQ(writer2->Put(short_row, 0, 2).status().code(), StatusCode::kInvalidArgument);
  // A row stored with fewer columns than before is a change only if a dropped column had a value.
  DatasetCell same[] = {{"A-1", ""}, {"张三", ""}};
  EXPECT_EQ(writer2->Put(same, 0, 2).value().outcome, RowOutcome::kUnchanged);
}

TEST_F(DatasetRepositoryTest, RejectsAreListedInOrderWithFileNames) {
  auto [batch, outcomes] = Import({{"A-1", "", "张三", 2}});
  auto transaction = store_->Begin().value();
  std::vector<RejectRecord> rejects = {
      {0, "", 3, "证件号码", "42030419800101123", "身份证号码应为18位", false},
      {0, "", 4, "行政区划代码", "429999", "不在代码表中", true},
      {0, "", 5, "", "", "本行有3列，表头有4列", false}};
  ASSERT_TRUE(transaction->datasets().AddRejects(batch, rejects).ok());
  ASSERT_TRUE(transaction->Commit().ok());
  transaction = store_->Begin(TransactionMode::kRead).value();
  auto listed = transaction->datasets().ListRejects(batch, {}).value();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].file_name, "cases.csv");
  EXPECT_EQ(listed[0].line, 3);
  EXPECT_EQ(listed[0].column, "证件号码");
  EXPECT_EQ(listed[1].line, 5);
  auto warnings = transaction->datasets().ListRejects(batch, {false, true, 0, 0}).value();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(warnings[0].warning);
  auto limited = transaction->datasets().ListRejects(batch, {true, true, 1, 1}).value();
  ASSERT_EQ(limited.size(), 1u);
  EXPECT_EQ(limited[0].line, 4);
  EXPECT_EQ(transaction->datasets().ListRejects("b-999999", {}).status().code(), StatusCode::kNotFound);
  auto manifest = transaction->datasets().GetBatch(batch).value();
  ASSERT_TRUE(manifest.has_value());
  EXPECT_EQ(manifest->source, "农业农村局");
  ASSERT_EQ(manifest->files.size(), 1u);
  EXPECT_EQ(manifest->files[0].rows, 1);
}

TEST_F(DatasetRepositoryTest, ScanOfAnUnknownDatasetOrColumnIsEmpty) {
  Import({{"A-1", "", "张三", 2}});
  auto transaction = store_->Begin(TransactionMode::kRead).value();
  RowBatch batch;
  auto none = transaction->datasets().ScanCurrentRows({"nothing", {{"x"}}}).value();
  EXPECT_FALSE(none->Next(&batch).value());
  auto scan = transaction->datasets().ScanCurrentRows({"cases", {{"never_stored"}, {"note"}}}).value();
  ASSERT_TRUE(scan->Next(&batch).value());
  ASSERT_EQ(batch.rows, 1u);
  EXPECT_EQ(batch.columns[0][0], "");
  EXPECT_EQ(batch.columns[1][0], "");
  EXPECT_FALSE(scan->Next(&batch).value());
}

TEST_F(DatasetRepositoryTest, MultiColumnKeysJoinWithABar) {
  auto transaction = store_->Begin().value();
  DatasetRepository& datasets = transaction->datasets();
  std::string id = datasets.CreateBatch({.dataset = "si"}).value();
  DatasetLayout layout{"si", {"uscc", "person", "period", "wage"}, {"uscc", "person", "period"}};
  auto writer = datasets.OpenRowWriter(id, layout).value();
  DatasetCell a[] = {{"U1", ""}, {"P1", ""}, {"2023-01", ""}, {"4500.00", ""}};
  DatasetCell b[] = {{"U1", ""}, {"P1", ""}, {"2023-02", ""}, {"4500.00", ""}};
  EXPECT_EQ(writer->Put(a, 0, 2).value().outcome, RowOutcome::kNew);
  EXPECT_EQ(writer->Put(b, 0, 3).value().outcome, RowOutcome::kNew);
  EXPECT_EQ(writer->Put(a, 0, 4).value().outcome, RowOutcome::kUnchanged);
  ASSERT_TRUE(writer->Finish().ok());
  writer.reset();
  auto scan = datasets.ScanCurrentRows({"si", {{"wage"}}}).value();
  RowBatch batch;
  ASSERT_TRUE(scan->Next(&batch).value());
  ASSERT_EQ(batch.rows, 2u);
  EXPECT_EQ(batch.keys[0], "U1|P1|2023-01");
  EXPECT_EQ(batch.keys[1], "U1|P1|2023-02");
  EXPECT_EQ(batch.columns[0][1], "4500.00");
  // A reader that rebuilds keys itself asks for none: the same rows and values, no keys.
  ScanRequest without_keys{"si", {{"wage"}, {"period"}}};
  without_keys.keys = false;
  auto keyless = datasets.ScanCurrentRows(without_keys).value();
  ASSERT_TRUE(keyless->Next(&batch).value());
  ASSERT_EQ(batch.rows, 2u);
  EXPECT_TRUE(batch.keys.empty());
  EXPECT_EQ(batch.columns[0][1], "4500.00");
  EXPECT_EQ(batch.columns[1][0], "2023-01");
  EXPECT_FALSE(keyless->Next(&batch).value());
}

TEST_F(DatasetRepositoryTest, IntegrityCheckFindsTamperedCounts) {
  Import({{"A-1", "", "张三", 2}, {"A-2", "", "李四", 3}});
  ASSERT_TRUE(store_->CheckIntegrity().ok());
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((directory_ / "test.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE datasets SET current_rows = 7", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  StoreOptions options;
  options.location = (directory_ / "test.db").string();
  store_ = OpenStore(options).value();
  Status status = store_->CheckIntegrity();
  EXPECT_EQ(status.code(), StatusCode::kCorruption) << status.ToString();
  EXPECT_NE(status.message().find("当前行数"), std::string::npos) << status.message();
}

TEST_F(DatasetRepositoryTest, PutRowsDecidesAsPutDoes) {
  Import({{"A-1", "", "张三", 2}});
  auto transaction = store_->Begin().value();
  std::string id = transaction->datasets().CreateBatch({.dataset = "cases"}).value();
  auto writer = transaction->datasets().OpenRowWriter(id, layout_).value();
  std::vector<DatasetCell> cells = {{"A-1", ""}, {"张三", ""}, {"", ""},   // unchanged
                                    {"A-2", ""}, {"李四", ""}, {"", ""},   // new
                                    {"A-2", ""}, {"王五", ""}, {"", ""},   // conflict with line 3
                                    {"A-1", ""}, {"张三", ""}, {"x", ""}};  // changed: a new version
  std::vector<int64_t> lines = {2, 3, 4, 5};
  std::vector<PutResult> results;
  ASSERT_TRUE(writer->PutRows(cells, 0, lines, &results).ok());
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0].outcome, RowOutcome::kUnchanged);
  EXPECT_EQ(results[1].outcome, RowOutcome::kNew);
  EXPECT_EQ(results[2].outcome, RowOutcome::kConflict);
  EXPECT_EQ(results[2].conflict_line, 3);
  EXPECT_EQ(results[3].outcome, RowOutcome::kNewVersion);
  std::vector<DatasetCell> empty_key = {{"", ""}, {"x", ""}, {"", ""}};
  std::vector<int64_t> one = {6};
  EXPECT_EQ(writer->PutRows(empty_key, 0, one, &results).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(writer->PutRows(empty_key, 0, lines, &results).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace shujian::store
