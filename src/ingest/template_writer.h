// The import template of a dataset as an XLSX workbook (libxlsxwriter), generated from its
// schema, so the template, the importer and the documentation never disagree:
//  - sheet 数据: the Chinese headers (required ones in red), an example row from the schema's
//    `example` values (grey; to be replaced), identifier columns formatted as text so Excel
//    cannot turn an ID number into 4.20304E+17, dates as dates, drop-down lists for enum and
//    yes/no columns, the header row frozen;
//  - sheet 填写说明: one line per column (header, required or when, type, allowed values,
//    other accepted headers, description, example) under a short paragraph on the dataset,
//    its key and what happens on import.
//
// Thread safety: free function.
#ifndef SHUJIAN_INGEST_TEMPLATE_WRITER_H_
#define SHUJIAN_INGEST_TEMPLATE_WRITER_H_

#include <string>

#include "core/status.h"
#include "data/dataset_schema.h"

namespace shujian::ingest {

// Writes the template of `schema` to `path` (replacing it). IoError when it cannot be written.
Status WriteImportTemplate(const data::DatasetSchema& schema, const std::string& path);

// How the template describes when a column is required: "必填", "当「是否移送公安」为「是」时必填",
// "填写「涉案数量」时必填" or "选填".
std::string RequirementText(const data::DatasetSchema& schema, const data::ColumnSchema& column);

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_TEMPLATE_WRITER_H_
