// A Document as rows of vnie's five output tables (sqlite_schema.sql), shared
// by the SQLite and CSV sinks so both carry the same columns.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace vnie {

using Cell = std::optional<std::string>;  // std::nullopt is SQL NULL / an empty CSV field
using Row = std::vector<Cell>;

struct TableDef {
  std::string_view name;
  std::vector<std::string_view> columns;
};

// documents, dates, money, officials, official_mentions, in that order.
const std::array<TableDef, 5>& OutputTables();

// The rows DOC contributes to each table, indexed like OutputTables().
std::array<std::vector<Row>, 5> TableRows(const Document& doc);

}  // namespace vnie
