// Fuzz targets for the spreadsheets people upload: any bytes through open_table (detected and
// forced encodings) and any bytes as the sheet or shared strings XML of an otherwise sound
// XLSX, read to the end. Each is a libFuzzer entry point; tests/fuzz/table_driver.cpp runs
// them under g++ with generated inputs.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "tabular/table_reader.hpp"

namespace jingkai::fuzz {
namespace {

const char* const kKnownCodes[] = {"table_empty",  "table_not_text", "table_encoding",
                                   "xlsx_corrupt", "xlsx_too_large", "csv_unterminated_quote"};

void check_error(const Error& error) {
  bool known = false;
  for (const char* code : kKnownCodes) known = known || error.code == code;
  if (!known) throw std::logic_error("unexpected error code " + error.code);
  if (error.field != "file") throw std::logic_error("error without the field \"file\"");
  if (error.message.empty() || !is_valid_utf8(error.message)) {
    throw std::logic_error("error message empty or not UTF-8");
  }
}

// Reads to the end or to an error; every row well-formed, row numbers increasing, progress
// between 0 and 1 and never going back.
void read_through(std::string bytes, std::optional<tabular::Encoding> encoding) {
  auto reader = tabular::open_table(std::move(bytes), encoding);
  if (!reader) return check_error(reader.error());
  std::vector<std::string> cells;
  std::int64_t last_row = 0;
  double last_progress = 0.0;
  for (;;) {
    auto more = (*reader)->next(cells);
    if (!more) return check_error(more.error());
    const double progress = (*reader)->progress();
    if (progress < last_progress || progress < 0.0 || progress > 1.0) {
      throw std::logic_error("progress out of order");
    }
    last_progress = progress;
    if (!*more) break;
    if ((*reader)->row_number() <= last_row) throw std::logic_error("row numbers not increasing");
    last_row = (*reader)->row_number();
    for (const auto& cell : cells) {
      if (!is_valid_utf8(cell)) throw std::logic_error("a cell that is not UTF-8");
    }
  }
  if ((*reader)->progress() != 1.0) throw std::logic_error("progress below 1 at the end");
  if (auto after = (*reader)->next(cells); !after || *after) {
    throw std::logic_error("the end did not stay the end");
  }
}

// A ZIP of `parts`, stored uncompressed, built in memory.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (zip == nullptr) throw std::runtime_error("zip_open_from_source");
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(zip, name.c_str(), source, 0);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(zip) != 0) throw std::runtime_error("zip_close");
  std::string bytes;
  zip_source_open(buffer);
  char chunk[65536];
  for (zip_int64_t got; (got = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) {
    bytes.append(chunk, static_cast<std::size_t>(got));
  }
  zip_source_close(buffer);
  zip_source_free(buffer);
  return bytes;
}

}  // namespace

// Any bytes as an uploaded file: an error with a known code naming the file, or rows.
void fuzz_table(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  read_through(bytes, std::nullopt);
  if (size > 0 && data[0] == 'P') return;  // a ZIP ignores the encoding
  read_through(bytes, tabular::Encoding::utf8);
  read_through(bytes, tabular::Encoding::gbk);
}

// Any bytes as the XML inside a workbook: up to the first NUL the sheet, after it the shared
// strings.
void fuzz_xlsx_parts(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  const std::string sheet = input.substr(0, split);
  const std::string strings = split == std::string::npos ? "" : input.substr(split + 1);
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml",
       "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships\"><sheets><sheet r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
       "</Relationships>"},
      {"xl/worksheets/sheet1.xml", sheet}};
  if (split != std::string::npos) parts.emplace_back("xl/sharedStrings.xml", strings);
  read_through(stored_zip(parts), std::nullopt);
}

}  // namespace jingkai::fuzz

#ifdef JINGKAI_FUZZ_TARGET_TABLE
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  jingkai::fuzz::fuzz_table(data, size);
  return 0;
}
#endif
