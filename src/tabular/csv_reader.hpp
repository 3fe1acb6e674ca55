// The CSV side of open_table.
#pragma once

#include <memory>
#include <string>

#include "tabular/table_reader.hpp"

namespace jingkai::tabular {

// Rows of `text`, UTF-8 already checked or decoded and its BOM removed.
std::unique_ptr<TableReader> open_csv(std::string text);

}  // namespace jingkai::tabular
