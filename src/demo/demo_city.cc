// GenerateDemoCity and OutputTable: the frame the dataset parts write into.
#include <filesystem>

#include "core/clock.h"
#include "data/dataset_schema.h"
#include "demo/city.h"
#include "demo/vocabulary.h"

namespace shujian::demo {

Result<std::unique_ptr<OutputTable>> OutputTable::Open(
    const DemoOptions& options, GenerationReport* report, const std::string& dataset,
    const std::string& file_stem, FileFormat format, const std::string& source,
    const std::map<std::string, std::string>& header_overrides,
    const WriterOptions& writer_options) {
  const data::DatasetSchema* schema = data::SchemaRegistry::Shipped().Find(dataset);
  if (schema == nullptr) return Status::Internal("演示数据使用了未知的数据集 " + dataset);
  std::unique_ptr<OutputTable> table(new OutputTable());
  std::vector<OutputColumn> columns;
  for (const data::ColumnSchema& column : schema->columns) {
    auto override_it = header_overrides.find(column.name);
    columns.push_back(
        {override_it != header_overrides.end() ? override_it->second : column.header, column.type});
    table->columns_.push_back(column.name);
  }
  std::string path = (std::filesystem::path(options.directory) /
                      (file_stem + std::string(FileFormatExtension(format))))
                         .string();
  WriterOptions stamped = writer_options;
  // Stamped with the data's date, not the clock: the same seed gives the same bytes.
  stamped.created_unix_seconds = BeijingToUnixSeconds(*DateTime::FromParts(options.as_of, 9, 0, 0));
  SJ_ASSIGN_OR_RETURN(table->writer_,
                      TableFileWriter::Open(path, format, std::move(columns), stamped));
  table->report_ = report;
  table->file_index_ = report->files.size();
  report->files.push_back({dataset, path, std::string(FileFormatName(format)), source,
                           format == FileFormat::kXlsx ? writer_options.sheet_name : "", 0, 0,
                           options.as_of});
  return table;
}

Status WriteTableFile(const DemoOptions& options, GenerationReport* report,
                      const std::string& dataset, const std::string& file_stem, FileFormat format,
                      const std::string& source,
                      std::span<const std::map<std::string, std::string>> rows) {
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<OutputTable> table,
                      OutputTable::Open(options, report, dataset, file_stem, format, source));
  for (const std::map<std::string, std::string>& row : rows) SJ_RETURN_IF_ERROR(table->Write(row));
  return table->Close();
}

Status OutputTable::Write(const std::map<std::string, std::string>& values, bool noisy) {
  std::vector<std::string> cells(columns_.size());
  for (size_t index = 0; index < columns_.size(); ++index) {
    auto it = values.find(columns_[index]);
    if (it != values.end()) cells[index] = it->second;
  }
  for (const auto& [name, value] : values) {
    bool known = false;
    for (const std::string& column : columns_) known = known || column == name;
    if (!known) return Status::Internal("演示数据写入了未知的列 " + name);
  }
  GeneratedFile& file = report_->files[file_index_];
  ++file.rows;
  if (noisy) ++file.noisy_rows;
  ++report_->rows_by_dataset[file.dataset];
  return writer_->Write(cells);
}

void OutputTable::SetUploadedOn(Date day) { report_->files[file_index_].uploaded_on = day; }

Status OutputTable::WriteRagged(size_t cells) {
  GeneratedFile& file = report_->files[file_index_];
  ++file.rows;
  ++file.noisy_rows;
  ++report_->rows_by_dataset[file.dataset];
  return writer_->Write(std::vector<std::string>(cells, "x"));
}

Status OutputTable::Close() { return writer_->Close(); }

Result<GenerationReport> GenerateDemoCity(const DemoOptions& options) {
  if (options.scale < 1) return Status::InvalidArgument("--scale 应为正整数");
  std::error_code error;
  std::filesystem::create_directories(options.directory, error);
  if (error) {
    return Status::IoError("无法创建目录「" + options.directory + "」：" + error.message());
  }
  Random root(options.seed);
  IdentityFactory identities(root.Fork("identities"));
  CityRegistry registry;
  for (const Agency& agency : YunyangAgencies()) {
    Organisation organisation = identities.NewAgency(std::string(agency.name), 420304);
    registry.agencies.push_back({organisation.name, organisation.uscc,
                                 std::string(agency.case_prefix), std::string(agency.decision_abbr),
                                 std::string(agency.field), agency.cases_per_year});
  }
  GenerationReport report;
  SJ_RETURN_IF_ERROR(GenerateLinkageData(options, registry, identities, &report));
  SJ_RETURN_IF_ERROR(GenerateTransportData(options, registry, identities, &report));
  SJ_RETURN_IF_ERROR(GenerateEmploymentData(options, identities, &report));
  SJ_RETURN_IF_ERROR(GenerateHeritageData(options, identities, &report));
  return report;
}

}  // namespace shujian::demo
