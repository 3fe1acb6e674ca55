#include "tabular/xlsx_reader.hpp"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "tabular/import_problem.hpp"

namespace jingkai::tabular {
namespace {

// Expat reports names as "namespace-uri|local-name" with this separator.
constexpr char kNamespaceSeparator = '|';
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxColumns = 16384;  // XFD, the last column Excel has

// A workbook is a ZIP, and deflate packs a run of one byte about 1000:1: a 154 KB upload
// inflated to 1.5 GB. These bound what one upload may cost, counted on the bytes actually
// inflated (the sizes the archive declares are checked first, but they can lie).
constexpr std::uint64_t kMaxPartBytes = 256ull << 20;      // one part, inflated
constexpr std::uint64_t kMaxInflatedBytes = 512ull << 20;  // every part read, together
// The shared strings stay in memory for the whole read: their text, and a word per string.
constexpr std::size_t kMaxSharedStringBytes = 64u << 20;
// Excel holds at most 32,767 characters in a cell; four bytes each at most in UTF-8.
constexpr std::size_t kMaxCellCharacters = 32767;
constexpr std::size_t kMaxCellBytes = 4 * kMaxCellCharacters;

Error corrupt(std::string_view zh, std::string_view en) {
  return Error::invalid("xlsx_corrupt",
                        fmt::format("XLSX 文件已损坏：{} (corrupt XLSX: {})", zh, en), "file");
}

Error too_large(std::string_view zh, std::string_view en) {
  return Error{
      ErrorKind::payload_too_large, "xlsx_too_large",
      fmt::format("XLSX 文件解压后过大：{} (the XLSX is too large once inflated: {})", zh, en),
      "file"};
}

// Text from the file as an error quotes it: a part's name, a row number, a reference.
std::string shown(std::string_view text) { return excerpt(text, 64); }

// The inflated bytes read so far, over every part of one archive.
struct InflateBudget {
  std::uint64_t total = 0;
};

std::string_view local_name(const XML_Char* name) {
  const std::string_view full(name);
  const auto bar = full.rfind(kNamespaceSeparator);
  return bar == std::string_view::npos ? full : full.substr(bar + 1);
}

// The value of the attribute called `local`; with `namespaced`, only one that has a namespace
// (r:id, not id).
std::optional<std::string_view> attribute(const XML_Char** attributes, std::string_view local,
                                          bool namespaced = false) {
  for (; *attributes != nullptr; attributes += 2) {
    const std::string_view full(attributes[0]);
    const auto bar = full.rfind(kNamespaceSeparator);
    if (namespaced && bar == std::string_view::npos) continue;
    if ((bar == std::string_view::npos ? full : full.substr(bar + 1)) == local) {
      return std::string_view(attributes[1]);
    }
  }
  return std::nullopt;
}

// Excel writes characters XML cannot hold (CR, control characters) as _xHHHH_, and a literal
// "_x" as "_x005F_x". Decoded in place: the UTF-8 is never longer than the escape.
void decode_escapes(std::string& text) {
  if (text.find("_x") == std::string::npos) return;
  std::size_t out = 0;
  for (std::size_t in = 0; in < text.size();) {
    unsigned code = 0;
    if (text.size() - in >= 7 && text[in] == '_' && text[in + 1] == 'x' && text[in + 6] == '_' &&
        std::from_chars(text.data() + in + 2, text.data() + in + 6, code, 16).ptr ==
            text.data() + in + 6) {
      if (code < 0x80) {
        text[out++] = static_cast<char>(code);
      } else if (code < 0x800) {
        text[out++] = static_cast<char>(0xC0 | (code >> 6));
        text[out++] = static_cast<char>(0x80 | (code & 0x3F));
      } else if (code < 0xD800 || code > 0xDFFF) {
        text[out++] = static_cast<char>(0xE0 | (code >> 12));
        text[out++] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        text[out++] = static_cast<char>(0x80 | (code & 0x3F));
      } else {
        text[out++] = '?';  // a lone surrogate has no UTF-8 form
      }
      in += 7;
    } else {
      text[out++] = text[in++];
    }
  }
  text.resize(out);
}

// A number as the sheet stores it ("1.2E+7", "-0.50", "1E-3") in plain decimal ("12000000",
// "-0.5", "0.001"). Shifting the decimal point of the stored digits is exact; text that is not
// a number, or whose plain form would be absurdly long, stays as it is.
void canonical_number(std::string& text, std::string& scratch) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  scratch.clear();
  std::size_t int_digits = 0;
  while (i < n && text[i] >= '0' && text[i] <= '9') scratch += text[i++], ++int_digits;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && text[i] >= '0' && text[i] <= '9') scratch += text[i++];
  }
  if (scratch.empty()) return;
  long exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && text[i] == '+') ++i;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + n, exponent);
    if (ec != std::errc{} || end == text.data() + i) return;
    i = static_cast<std::size_t>(end - text.data());
  }
  if (i != n || exponent > 64 || exponent < -64) return;
  // digits d1 d2 … with the decimal point after `point` of them (negative: zeros before).
  long point = static_cast<long>(int_digits) + exponent;
  std::size_t first = scratch.find_first_not_of('0');
  if (first == std::string::npos) {
    text = "0";
    return;
  }
  std::size_t last = scratch.find_last_not_of('0') + 1;
  const std::string_view digits(scratch.data() + first, last - first);
  point -= static_cast<long>(first);
  text.clear();
  if (negative) text += '-';
  if (point <= 0) {
    text += "0.";
    text.append(static_cast<std::size_t>(-point), '0');
    text += digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    text += digits;
    text.append(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    text += digits.substr(0, static_cast<std::size_t>(point));
    text += '.';
    text += digits.substr(static_cast<std::size_t>(point));
  }
}

// The column index (0-based) of a cell reference such as "C5"; nullopt when malformed.
std::optional<std::size_t> column_of(std::string_view reference) {
  std::size_t column = 0;
  std::size_t i = 0;
  while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z' && i < 3) {
    column = column * 26 + static_cast<std::size_t>(reference[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || column > kMaxColumns) return std::nullopt;
  if (i < reference.size() && (reference[i] < '0' || reference[i] > '9')) return std::nullopt;
  return column - 1;
}

// Receives one part's elements from XmlStream. A handler that finds the content wrong sets
// `error` and stops the parser.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XML_Char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}

  void fail(Error error) {
    if (!error_) error_ = std::move(error);
    XML_StopParser(parser_, XML_FALSE);
  }
  void suspend() { XML_StopParser(parser_, XML_TRUE); }

  XML_Parser parser_ = nullptr;
  std::optional<Error> error_;
};

// One part of the archive fed to expat a chunk at a time, straight from zip_fread.
class XmlStream {
 public:
  XmlStream(std::string part, XmlHandler& handler, InflateBudget& budget)
      : part_(std::move(part)), handler_(handler), budget_(budget) {}
  ~XmlStream() {
    if (parser_ != nullptr) XML_ParserFree(parser_);
    if (file_ != nullptr) zip_fclose(file_);
  }
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  Status open(zip_t* zip) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(zip, part_.c_str(), 0, &stat) != 0) {
      return std::unexpected(corrupt(fmt::format("缺少 {}", shown(part_)),
                                     fmt::format("{} is missing", shown(part_))));
    }
    size_ = (stat.valid & ZIP_STAT_SIZE) != 0 ? stat.size : 0;
    if (size_ > kMaxPartBytes) return std::unexpected(part_too_large());
    if (size_ > kMaxInflatedBytes - std::min(budget_.total, kMaxInflatedBytes)) {
      return std::unexpected(archive_too_large());
    }
    file_ = zip_fopen(zip, part_.c_str(), 0);
    if (file_ == nullptr) {
      return std::unexpected(
          corrupt(fmt::format("无法打开 {}", shown(part_)),
                  fmt::format("cannot open {}: {}", shown(part_), zip_strerror(zip))));
    }
    parser_ = XML_ParserCreateNS(nullptr, kNamespaceSeparator);
    if (parser_ == nullptr) throw std::bad_alloc();
    handler_.parser_ = parser_;
    XML_SetUserData(parser_, &handler_);
    XML_SetElementHandler(
        parser_,
        [](void* user, const XML_Char* name, const XML_Char** attributes) {
          static_cast<XmlHandler*>(user)->start(local_name(name), attributes);
        },
        [](void* user, const XML_Char* name) {
          static_cast<XmlHandler*>(user)->end(local_name(name));
        });
    XML_SetCharacterDataHandler(parser_, [](void* user, const XML_Char* text, int length) {
      static_cast<XmlHandler*>(user)->text(
          std::string_view(text, static_cast<std::size_t>(length)));
    });
    // A spreadsheet part never declares a DTD; refusing one shuts out entity expansion tricks.
    XML_SetStartDoctypeDeclHandler(
        parser_, [](void* user, const XML_Char*, const XML_Char*, const XML_Char*, int) {
          static_cast<XmlHandler*>(user)->fail(
              corrupt("XML 中有 DOCTYPE 声明", "a part declares a DOCTYPE"));
        });
    return {};
  }

  // Parses until the handler suspends (true) or the part ends false.
  Result<bool> pump() {
    for (;;) {
      XML_Status status;
      if (suspended_) {
        suspended_ = false;
        status = XML_ResumeParser(parser_);
      } else if (finished_) {
        return false;
      } else {
        void* buffer = XML_GetBuffer(parser_, kChunk);
        if (buffer == nullptr) throw std::bad_alloc();
        const zip_int64_t got = zip_fread(file_, buffer, kChunk);
        if (got < 0) {
          return std::unexpected(corrupt(
              fmt::format("{} 无法解压", shown(part_)),
              fmt::format("{} does not decompress: {}", shown(part_), zip_file_strerror(file_))));
        }
        read_ += static_cast<std::uint64_t>(got);
        budget_.total += static_cast<std::uint64_t>(got);
        if (read_ > kMaxPartBytes) return std::unexpected(part_too_large());
        if (budget_.total > kMaxInflatedBytes) return std::unexpected(archive_too_large());
        finished_ = got == 0;
        status = XML_ParseBuffer(parser_, static_cast<int>(got), finished_ ? XML_TRUE : XML_FALSE);
      }
      if (status == XML_STATUS_SUSPENDED) {
        suspended_ = true;
        return true;
      }
      if (status == XML_STATUS_ERROR) {
        if (handler_.error_) return std::unexpected(*handler_.error_);
        const auto line = XML_GetCurrentLineNumber(parser_);
        const char* what = XML_ErrorString(XML_GetErrorCode(parser_));
        return std::unexpected(
            corrupt(fmt::format("{} 第 {} 行 XML 错误：{}", shown(part_), line, what),
                    fmt::format("{} line {}: bad XML: {}", shown(part_), line, what)));
      }
    }
  }

  // How far into the uncompressed part the parser is, 0..1.
  double position() const {
    if (size_ == 0) return 1.0;
    const auto at = XML_GetCurrentByteIndex(parser_);
    return at < 0 ? 0.0 : std::min(1.0, static_cast<double>(at) / static_cast<double>(size_));
  }

 private:
  Error part_too_large() const {
    return too_large(fmt::format("{} 超过 {} MiB", shown(part_), kMaxPartBytes >> 20),
                     fmt::format("{} is over {} MiB", shown(part_), kMaxPartBytes >> 20));
  }
  static Error archive_too_large() {
    return too_large(fmt::format("各部分合计超过 {} MiB", kMaxInflatedBytes >> 20),
                     fmt::format("its parts come to over {} MiB", kMaxInflatedBytes >> 20));
  }

  std::string part_;
  XmlHandler& handler_;
  InflateBudget& budget_;
  zip_file_t* file_ = nullptr;
  XML_Parser parser_ = nullptr;
  std::uint64_t size_ = 0;
  std::uint64_t read_ = 0;
  bool suspended_ = false;
  bool finished_ = false;
};

Status parse_part(zip_t* zip, std::string part, XmlHandler& handler, InflateBudget& budget) {
  XmlStream stream(std::move(part), handler, budget);
  if (auto opened = stream.open(zip); !opened) return opened;
  for (;;) {
    auto more = TRY(stream.pump());
    if (!more) return {};
  }
}

// xl/workbook.xml: the relationship id of the first <sheet> in <sheets>.
class WorkbookHandler final : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name != "sheet" || first_sheet_) return;
    const auto id = attribute(attributes, "id", true);
    if (!id)
      return fail(corrupt("workbook.xml 的工作表缺少 r:id", "a sheet in workbook.xml has no r:id"));
    first_sheet_ = std::string(*id);
  }
  void end(std::string_view) override {}
  std::optional<std::string> first_sheet_;
};

// xl/_rels/workbook.xml.rels: where the first sheet and the shared strings live.
class RelationshipsHandler final : public XmlHandler {
 public:
  explicit RelationshipsHandler(std::string sheet_id) : sheet_id_(std::move(sheet_id)) {}
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name != "Relationship") return;
    const auto id = attribute(attributes, "Id");
    const auto type = attribute(attributes, "Type");
    const auto target = attribute(attributes, "Target");
    if (!target) return;
    if (id && *id == sheet_id_) sheet_ = part_name(*target);
    if (type && type->ends_with("/sharedStrings")) shared_strings_ = part_name(*target);
  }
  void end(std::string_view) override {}

  std::optional<std::string> sheet_;
  std::optional<std::string> shared_strings_;

 private:
  // Targets are relative to xl/, where workbook.xml is, unless they start at the root.
  static std::string part_name(std::string_view target) {
    if (target.starts_with('/')) return std::string(target.substr(1));
    return "xl/" + std::string(target);
  }
  std::string sheet_id_;
};

// xl/sharedStrings.xml into one buffer: string i is text_[ends_[i-1], ends_[i]). Phonetic
// guides (<rPh>, the furigana Excel keeps for Japanese) are not part of the text.
class SharedStringsHandler final : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      in_item_ = true;
      item_.clear();
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && in_item_ && phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      in_item_ = false;
      decode_escapes(item_);
      if (text_.size() + item_.size() + (ends_.size() + 1) * sizeof(std::size_t) >
          kMaxSharedStringBytes) {
        return fail(too_large(
            fmt::format("共享字符串合计超过 {} MiB", kMaxSharedStringBytes >> 20),
            fmt::format("the shared strings come to over {} MiB", kMaxSharedStringBytes >> 20)));
      }
      text_ += item_;
      ends_.push_back(text_.size());
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "t") {
      in_text_ = false;
    }
  }
  void text(std::string_view text) override {
    if (!in_text_) return;
    if (item_.size() + text.size() > kMaxCellBytes) {
      return fail(corrupt(
          fmt::format("第 {} 个共享字符串超过 {} 个字符", ends_.size() + 1, kMaxCellCharacters),
          fmt::format("shared string {} is over {} characters", ends_.size() + 1,
                      kMaxCellCharacters)));
    }
    item_ += text;
  }

  std::string text_;
  std::vector<std::size_t> ends_;

 private:
  std::string item_;
  bool in_item_ = false;
  bool in_text_ = false;
  int phonetic_ = 0;
};

// The first sheet's rows, one per pump of the stream: a row's end suspends the parser.
class SheetHandler final : public XmlHandler {
 public:
  SheetHandler(const SharedStringsHandler* strings, std::string strings_part)
      : strings_(strings), strings_part_(std::move(strings_part)) {}

  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "row") {
      start_row(attributes);
    } else if (name == "c" && in_row_) {
      start_cell(attributes);
    } else if (cell_ != nullptr) {
      if (name == "v") {
        in_text_ = true;
      } else if (name == "is") {
        in_inline_ = true;
      } else if (name == "rPh") {
        ++phonetic_;
      } else if (name == "t" && in_inline_ && phonetic_ == 0) {
        in_text_ = true;
      }
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_text_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "c" && cell_ != nullptr) {
      finish_cell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      // A row with no cells only carries formatting: nothing to read.
      if (used_ == 0) return;
      cells_->resize(used_);
      row_ready_ = true;
      suspend();
    }
  }

  void text(std::string_view text) override {
    if (!in_text_) return;
    if (cell_->size() + text.size() > kMaxCellBytes) {
      return fail(corrupt(
          fmt::format("第 {} 行第 {} 列超过 {} 个字符", row_, used_, kMaxCellCharacters),
          fmt::format("row {}, column {} is over {} characters", row_, used_, kMaxCellCharacters)));
    }
    cell_->append(text);
  }

  std::vector<std::string>* cells_ = nullptr;  // where the next row goes
  std::int64_t row_ = 0;
  bool row_ready_ = false;

 private:
  void start_row(const XML_Char** attributes) {
    std::int64_t number = row_ + 1;
    if (const auto r = attribute(attributes, "r")) {
      const auto [end, ec] = std::from_chars(r->data(), r->data() + r->size(), number);
      if (ec != std::errc{} || end != r->data() + r->size() || number <= row_) {
        return fail(corrupt(fmt::format("第 {} 行之后的行号“{}”无效", row_, shown(*r)),
                            fmt::format("bad row number \"{}\" after row {}", shown(*r), row_)));
      }
    }
    row_ = number;
    in_row_ = true;
    used_ = 0;
  }

  void start_cell(const XML_Char** attributes) {
    std::size_t column = used_;
    if (const auto r = attribute(attributes, "r")) {
      const auto parsed = column_of(*r);
      if (!parsed || *parsed < used_) {
        return fail(corrupt(
            fmt::format("第 {} 行的单元格引用“{}”无效或顺序颠倒", row_, shown(*r)),
            fmt::format("row {}: bad or out-of-order cell reference \"{}\"", row_, shown(*r))));
      }
      column = *parsed;
    }
    if (column >= kMaxColumns) {
      return fail(corrupt(fmt::format("第 {} 行超过 {} 列", row_, kMaxColumns),
                          fmt::format("row {} has more than {} columns", row_, kMaxColumns)));
    }
    auto& cells = *cells_;
    if (cells.size() < column + 1) cells.resize(column + 1);
    for (; used_ < column; ++used_) cells[used_].clear();
    cell_ = &cells[used_++];
    cell_->clear();
    const auto type = attribute(attributes, "t");
    type_ = type ? *type : std::string_view("n");
    type_ = type_ == "s" ? "s" : type_ == "b" ? "b" : type_ == "n" ? "n" : "other";
  }

  void finish_cell() {
    std::string& cell = *cell_;
    cell_ = nullptr;
    in_text_ = in_inline_ = false;
    phonetic_ = 0;
    if (type_ == "n") {
      canonical_number(cell, scratch_);
    } else if (type_ == "b") {
      if (cell == "1") cell = "TRUE";
      if (cell == "0") cell = "FALSE";
    } else if (type_ == "s") {
      shared_string(cell);
    } else {
      decode_escapes(cell);
    }
  }

  void shared_string(std::string& cell) {
    if (strings_ == nullptr) {
      return fail(corrupt(
          fmt::format("第 {} 行引用共享字符串，但缺少 {}", row_, shown(strings_part_)),
          fmt::format("row {} uses shared strings but {} is missing", row_, shown(strings_part_))));
    }
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), index);
    if (ec != std::errc{} || end != cell.data() + cell.size() || index >= strings_->ends_.size()) {
      return fail(corrupt(fmt::format("第 {} 行的共享字符串编号“{}”不存在", row_, shown(cell)),
                          fmt::format("row {}: no shared string \"{}\"", row_, shown(cell))));
    }
    const std::size_t begin = index == 0 ? 0 : strings_->ends_[index - 1];
    cell.assign(strings_->text_, begin, strings_->ends_[index] - begin);
  }

  const SharedStringsHandler* strings_;
  std::string strings_part_;
  std::string scratch_;
  std::string* cell_ = nullptr;
  std::string_view type_;
  std::size_t used_ = 0;
  bool in_row_ = false;
  bool in_text_ = false;
  bool in_inline_ = false;
  int phonetic_ = 0;
};

class XlsxReader final : public TableReader {
 public:
  explicit XlsxReader(std::string bytes) : bytes_(std::move(bytes)) {}
  ~XlsxReader() override {
    sheet_stream_.reset();  // its zip_file_t before the archive
    if (zip_ != nullptr) zip_discard(zip_);
  }

  Status open() {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    if (source == nullptr) throw std::bad_alloc();
    zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (zip_ == nullptr) {
      zip_source_free(source);
      const std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      return std::unexpected(corrupt("不是完整的 ZIP 压缩包（可能上传不完整）",
                                     fmt::format("not a complete ZIP archive: {}", why)));
    }
    zip_error_fini(&error);

    WorkbookHandler workbook;
    if (auto parsed = parse_part(zip_, "xl/workbook.xml", workbook, budget_); !parsed) {
      return parsed;
    }
    if (!workbook.first_sheet_) {
      return std::unexpected(corrupt("工作簿里没有工作表", "the workbook has no sheet"));
    }
    RelationshipsHandler relationships(*workbook.first_sheet_);
    if (auto parsed = parse_part(zip_, "xl/_rels/workbook.xml.rels", relationships, budget_);
        !parsed) {
      return parsed;
    }
    if (!relationships.sheet_) {
      const std::string sheet = shown(*workbook.first_sheet_);
      return std::unexpected(
          corrupt(fmt::format("workbook.xml.rels 中找不到工作表 {}", sheet),
                  fmt::format("workbook.xml.rels has no target for sheet {}", sheet)));
    }
    std::string strings_part = relationships.shared_strings_.value_or("xl/sharedStrings.xml");
    if (zip_name_locate(zip_, strings_part.c_str(), 0) >= 0) {
      if (auto parsed = parse_part(zip_, strings_part, strings_, budget_); !parsed) return parsed;
      has_strings_ = true;
    } else if (relationships.shared_strings_) {
      return std::unexpected(corrupt(fmt::format("缺少 {}", shown(strings_part)),
                                     fmt::format("{} is missing", shown(strings_part))));
    }
    sheet_ = std::make_unique<SheetHandler>(has_strings_ ? &strings_ : nullptr, strings_part);
    sheet_stream_ = std::make_unique<XmlStream>(*relationships.sheet_, *sheet_, budget_);
    return sheet_stream_->open(zip_);
  }

  Result<bool> next(std::vector<std::string>& cells) override {
    if (done_) return false;
    sheet_->cells_ = &cells;
    sheet_->row_ready_ = false;
    auto more = sheet_stream_->pump();
    if (!more || !*more) {
      done_ = true;
      if (!more) return std::unexpected(more.error());
      return false;
    }
    row_number_ = sheet_->row_;
    return true;
  }

  std::int64_t row_number() const override { return row_number_; }

  double progress() const override { return done_ ? 1.0 : sheet_stream_->position(); }

 private:
  std::string bytes_;  // the archive libzip reads in place
  zip_t* zip_ = nullptr;
  InflateBudget budget_;
  SharedStringsHandler strings_;
  bool has_strings_ = false;
  std::unique_ptr<SheetHandler> sheet_;
  std::unique_ptr<XmlStream> sheet_stream_;
  std::int64_t row_number_ = 0;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<TableReader>> open_xlsx(std::string bytes) {
  auto reader = std::make_unique<XlsxReader>(std::move(bytes));
  TRY(reader->open());
  return reader;
}

}  // namespace jingkai::tabular
