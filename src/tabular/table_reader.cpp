#include "tabular/table_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "tabular/csv_reader.hpp"
#include "tabular/encoding.hpp"
#include "tabular/xlsx_reader.hpp"

namespace jingkai::tabular {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A file forced to GBK that is plainly UTF-8 would import as mojibake without any error, since
// GB18030 accepts most byte pairs. A few multibyte characters that are all valid UTF-8 do not
// happen by chance in GBK text.
bool plainly_utf8(std::string_view body) {
  if (valid_utf8_prefix(body) != body.size()) return false;
  const auto leads = std::count_if(body.begin(), body.end(),
                                   [](char c) { return static_cast<unsigned char>(c) >= 0xC0; });
  return leads >= 4;
}

Result<std::unique_ptr<TableReader>> open_utf8(std::string bytes, bool bom) {
  const std::size_t skip = bom ? kUtf8Bom.size() : 0;
  const std::string_view body = std::string_view(bytes).substr(skip);
  const std::size_t valid = valid_utf8_prefix(body);
  if (valid != body.size()) return std::unexpected(encoding_error(bytes, valid + skip, "UTF-8"));
  if (bom) bytes.erase(0, skip);
  return open_csv(std::move(bytes));
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_table(std::string bytes,
                                                std::optional<Encoding> encoding) {
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) {
    return open_xlsx(std::move(bytes));
  }
  const bool bom = bytes.starts_with(kUtf8Bom);
  const std::string_view body = std::string_view(bytes).substr(bom ? kUtf8Bom.size() : 0);
  if (body.find_first_not_of("\r\n") == std::string_view::npos) {
    return std::unexpected(Error::invalid("table_empty", "文件是空的 (the file is empty)", "file"));
  }
  if (const auto kind = binary_kind(body); !kind.empty()) {
    return std::unexpected(Error::invalid(
        "table_not_text",
        fmt::format("文件不是 CSV 或 XLSX 表格，而是{} (neither CSV nor XLSX)", kind), "file"));
  }
  if (encoding == Encoding::utf8) return open_utf8(std::move(bytes), bom);
  if (encoding == Encoding::gbk) {
    if (bom || plainly_utf8(body)) {
      return std::unexpected(Error::invalid(
          "table_encoding", "文件是 UTF-8 编码，不是 GBK (the file is UTF-8, not GBK)", "file"));
    }
    return open_csv(TRY(gbk_to_utf8(body)));
  }
  if (bom) return open_utf8(std::move(bytes), bom);
  const std::size_t utf8_valid = valid_utf8_prefix(body);
  if (utf8_valid == body.size()) return open_csv(std::move(bytes));
  std::string text;
  const std::size_t gbk_valid = decode_gbk(body, text);
  if (gbk_valid == std::string_view::npos) return open_csv(std::move(text));
  // Neither: the encoding that got further is most likely the one meant, so its first bad
  // byte is the one to show.
  return std::unexpected(encoding_error(body, std::max(utf8_valid, gbk_valid), "UTF-8/GBK"));
}

Result<Encoding> parse_encoding(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  if (lower == "gbk" || lower == "gb18030" || lower == "gb2312") return Encoding::gbk;
  return std::unexpected(Error::invalid(
      "table_encoding_name",
      fmt::format(
          "不认识的编码“{0}”，可选 UTF-8 或 GBK (unknown encoding \"{0}\": use UTF-8 or GBK)",
          name),
      "encoding"));
}

}  // namespace jingkai::tabular
