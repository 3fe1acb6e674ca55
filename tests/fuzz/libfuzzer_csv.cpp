// libFuzzer: any bytes as an uploaded CSV, read as the importer's caller may ask: the encoding
// detected, UTF-8 forced and GBK forced (tests/fuzz/libfuzzer runs it).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz/libfuzzer_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using jingkai::tabular::Encoding;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  jingkai::fuzz::read_table(bytes, std::nullopt);
  jingkai::fuzz::read_table(bytes, Encoding::utf8);
  jingkai::fuzz::read_table(bytes, Encoding::gbk);
  return 0;
}
