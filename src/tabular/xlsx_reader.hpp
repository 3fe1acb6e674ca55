// The XLSX side of open_table: a streaming reader on libzip and expat that keeps the shared
// strings in memory and parses the first sheet a chunk at a time, never as a whole document.
#pragma once

#include <memory>
#include <string>

#include "tabular/table_reader.hpp"

namespace jingkai::tabular {

// The first sheet of the workbook in `bytes`; xlsx_corrupt (field "file") when the archive or
// a part it needs is missing or broken, or a cell holds over 32,767 characters; xlsx_too_large
// (payload_too_large, field "file") when a part inflates past 256 MiB, the parts read past
// 512 MiB together, or the shared strings past 64 MiB. Errors quote what they name from the
// file in a few dozen characters at most.
Result<std::unique_ptr<TableReader>> open_xlsx(std::string bytes);

}  // namespace jingkai::tabular
