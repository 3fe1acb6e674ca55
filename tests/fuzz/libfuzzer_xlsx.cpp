// libFuzzer: any bytes as an uploaded XLSX. The seeds are workbooks from the project's own
// writer (libfuzzer_xlsx_seeds.cpp), so the mutations start inside sound ZIP and XML; bytes
// that do not start as a ZIP are not this target's (the CSV target reads them).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz/libfuzzer_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2 || data[0] != 'P' || data[1] != 'K') return -1;  // not kept in the corpus
  jingkai::fuzz::read_table(std::string(reinterpret_cast<const char*>(data), size), std::nullopt);
  return 0;
}
