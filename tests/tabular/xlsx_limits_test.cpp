// Decompression bombs: an XLSX is a ZIP, and deflate packs a run of one byte about 1000:1. A
// 154 KB upload once inflated to 1.5 GB of memory, and a 21 KB one answered with a 40 MiB
// error. The reader bounds each part, the parts together, the shared strings and a cell, on
// the bytes it actually inflates, and quotes what it names from the file in a few words.
// The bombs are made here, a chunk at a time, never held whole nor committed.
#include <zip.h>

#include <cstring>

#include "tabular/import_problem.hpp"
#include "tabular/table_reader.hpp"
#include "tabular/tabular_support.hpp"
#include "tabular/xlsx_fixtures.hpp"

namespace jingkai::tabular {
namespace {

using namespace testing;

constexpr std::uint64_t kMiB = 1 << 20;

// A part's text made on demand: `head`, then `unit` `count` times, then `tail`.
struct Repeated {
  std::string head;
  std::string unit;
  std::uint64_t count = 0;
  std::string tail;

  std::uint64_t size() const { return head.size() + unit.size() * count + tail.size(); }
  // Fills `out` with the bytes from `at` on; how many it wrote.
  std::size_t read(std::uint64_t at, char* out, std::size_t length) const {
    const std::uint64_t body_end = head.size() + unit.size() * count;
    std::size_t done = 0;
    while (done < length && at < size()) {
      std::string_view piece;
      if (at < head.size()) {
        piece = std::string_view(head).substr(at);
      } else if (at < body_end) {
        piece = std::string_view(unit).substr((at - head.size()) % unit.size());
      } else {
        piece = std::string_view(tail).substr(at - body_end);
      }
      const std::size_t n = std::min<std::size_t>(piece.size(), length - done);
      std::memcpy(out + done, piece.data(), n);
      done += n;
      at += n;
    }
    return done;
  }
};

// libzip's user source for a Repeated part, so that a 300 MiB part never sits in memory.
struct RepeatedSource {
  Repeated text;
  std::uint64_t at = 0;
  zip_error_t error;
};

zip_int64_t repeated_callback(void* user, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
  auto* source = static_cast<RepeatedSource*>(user);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      source->at = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const std::size_t got = source->text.read(source->at, static_cast<char*>(data), length);
      source->at += got;
      return static_cast<zip_int64_t>(got);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* stat = static_cast<zip_stat_t*>(data);
      zip_stat_init(stat);
      stat->size = source->text.size();
      stat->valid |= ZIP_STAT_SIZE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&source->error, data, length);
    case ZIP_SOURCE_FREE:
      zip_error_fini(&source->error);
      delete source;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&source->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

// A workbook whose parts are those of workbook_parts(), with `big` replacing (or adding) parts
// made on demand; deflated at the best compression, as a bomb would be.
std::string bomb(const Parts& parts, const std::vector<std::pair<std::string, Repeated>>& big) {
  TempPath file;
  int error = 0;
  zip_t* zip = zip_open(file.path().c_str(), ZIP_TRUNCATE, &error);
  if (zip == nullptr) throw std::runtime_error("zip_open");
  auto add = [&](const std::string& name, zip_source_t* source) {
    const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE);
    if (index < 0) throw std::runtime_error("zip_file_add");
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  };
  for (const auto& [name, content] : parts) {
    bool replaced = false;
    for (const auto& [big_name, text] : big) replaced = replaced || big_name == name;
    if (!replaced) add(name, zip_source_buffer(zip, content.data(), content.size(), 0));
  }
  for (const auto& [name, text] : big) {
    auto* user = new RepeatedSource{text, 0, {}};
    zip_error_init(&user->error);
    zip_source_t* source = zip_source_function(zip, repeated_callback, user);
    if (source == nullptr) throw std::runtime_error("zip_source_function");
    add(name, source);
  }
  if (zip_close(zip) != 0) throw std::runtime_error(zip_strerror(zip));
  return file.read();
}

// A sheet of one row, then `padding` bytes of blanks between rows: valid XML that costs
// nothing to hold, only to inflate.
Repeated padded_sheet(std::uint64_t padding) {
  const std::string xml = sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>");
  const std::size_t cut = xml.find("</sheetData>");
  return {xml.substr(0, cut), std::string(4096, ' '), padding / 4096, xml.substr(cut)};
}

std::uint32_t le32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  std::memcpy(&value, bytes.data() + at, 4);
  return value;
}

void put_le32(std::string& bytes, std::size_t at, std::uint32_t value) {
  std::memcpy(bytes.data() + at, &value, 4);
}

// The archive with `part`'s uncompressed size written as `declared` in its local header and in
// the central directory: what a bomb that wants to pass a check of the declared sizes does.
std::string lie_about_size(std::string bytes, const std::string& part, std::uint32_t declared) {
  const std::string central_signature("PK\x01\x02", 4);
  for (std::size_t at = bytes.find(central_signature); at != std::string::npos;
       at = bytes.find(central_signature, at + 4)) {
    const std::size_t name_length = le32(bytes, at + 28) & 0xFFFF;
    if (bytes.compare(at + 46, name_length, part) != 0) continue;
    put_le32(bytes, at + 24, declared);
    const std::size_t local = le32(bytes, at + 42);
    if (le32(bytes, local + 22) != 0) put_le32(bytes, local + 22, declared);
    return bytes;
  }
  throw std::runtime_error("no such part");
}

void expect_too_large(const Error& error, std::string_view mentions) {
  EXPECT_EQ(error.code, "xlsx_too_large") << error.message;
  EXPECT_EQ(error.kind, ErrorKind::payload_too_large);
  EXPECT_EQ(error.field, "file");
  EXPECT_NE(error.message.find(mentions), std::string::npos) << error.message;
  EXPECT_LT(error.message.size(), 400u) << error.message;
}

Error error_of(std::string bytes) {
  auto rows = read_all(std::move(bytes));
  EXPECT_FALSE(rows.has_value()) << "read " << rows->size() << " rows";
  return rows ? Error{} : rows.error();
}

TEST(XlsxCorrupt, ASheetThatInflatesPastItsCapIsRefusedBeforeItIsRead) {
  const std::string file =
      bomb(workbook_parts(sheet_xml("")), {{"xl/worksheets/sheet1.xml", padded_sheet(300 * kMiB)}});
  EXPECT_LT(file.size(), 1 * kMiB);  // the bomb: under 1 MiB on the wire, 300 MiB inflated
  const Error error = error_of(file);
  expect_too_large(error, "xl/worksheets/sheet1.xml");
  EXPECT_NE(error.message.find("256 MiB"), std::string::npos) << error.message;
}

TEST(XlsxCorrupt, APartThatLiesAboutItsSizeIsStoppedByTheBytesItInflates) {
  std::string file =
      bomb(workbook_parts(sheet_xml("")), {{"xl/worksheets/sheet1.xml", padded_sheet(300 * kMiB)}});
  file = lie_about_size(std::move(file), "xl/worksheets/sheet1.xml", 2000);
  const Error error = error_of(file);
  expect_too_large(error, "xl/worksheets/sheet1.xml");
}

TEST(XlsxCorrupt, ASharedStringsPartThatLiesAboutItsSizeIsStoppedToo) {
  Parts parts = workbook_parts(sheet_xml("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
                               shared_strings_xml("<si><t>a</t></si>"));
  const std::string strings = *find_part(parts, "xl/sharedStrings.xml");
  const std::size_t cut = strings.find("</sst>");
  std::string file =
      bomb(parts, {{"xl/sharedStrings.xml", Repeated{strings.substr(0, cut), std::string(4096, ' '),
                                                     (300 * kMiB) / 4096, "</sst>"}}});
  file = lie_about_size(std::move(file), "xl/sharedStrings.xml", static_cast<std::uint32_t>(cut));
  expect_too_large(error_of(file), "xl/sharedStrings.xml");
}

TEST(XlsxCorrupt, PartsUnderTheirCapThatTogetherPassTheArchiveCapAreRefused) {
  Parts parts = workbook_parts(sheet_xml(""), shared_strings_xml("<si><t>a</t></si>"));
  const std::string strings = *find_part(parts, "xl/sharedStrings.xml");
  const std::size_t cut = strings.find("</sst>");
  const std::string file =
      bomb(parts, {{"xl/sharedStrings.xml", Repeated{strings.substr(0, cut), std::string(4096, ' '),
                                                     (250 * kMiB) / 4096, "</sst>"}},
                   {"xl/worksheets/sheet1.xml", padded_sheet(250 * kMiB)},
                   {"xl/workbook.xml", Repeated{*find_part(parts, "xl/workbook.xml"),
                                                std::string(4096, ' '), (20 * kMiB) / 4096, ""}}});
  const Error error = error_of(file);
  expect_too_large(error, "512 MiB");
}

TEST(XlsxCorrupt, SharedStringsPastTheirCapAreRefused) {
  // Strings of 30,000 characters, each one a cell Excel could hold, 70 MiB of them.
  const std::string item = "<si><t>" + std::string(30000, 'x') + "</t></si>";
  Parts parts = workbook_parts(sheet_xml("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
                               shared_strings_xml("<si><t>a</t></si>"));
  const std::string strings = *find_part(parts, "xl/sharedStrings.xml");
  const std::size_t cut = strings.find("</sst>");
  const std::string file =
      bomb(parts, {{"xl/sharedStrings.xml",
                    Repeated{strings.substr(0, cut), item, (70 * kMiB) / 30000, "</sst>"}}});
  expect_too_large(error_of(file), "64 MiB");
}

TEST(XlsxCorrupt, ManyEmptySharedStringsCountAgainstTheCapToo) {
  Parts parts = workbook_parts(sheet_xml("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
                               shared_strings_xml("<si><t>a</t></si>"));
  const std::string strings = *find_part(parts, "xl/sharedStrings.xml");
  const std::size_t cut = strings.find("</sst>");
  // Five bytes each inflated, eight bytes each held: 10 million of them pass 64 MiB.
  const std::string file = bomb(
      parts,
      {{"xl/sharedStrings.xml", Repeated{strings.substr(0, cut), "<si/>", 10'000'000, "</sst>"}}});
  expect_too_large(error_of(file), "64 MiB");
}

TEST(XlsxCorrupt, AHugeInlineCellIsRefusedNamingItsPlaceInAShortMessage) {
  const std::string xml = sheet_xml(
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c>"
      "<c t=\"inlineStr\"><is><t>@</t></is></c></row>");
  const std::size_t at = xml.find('@');
  const std::string file =
      bomb(workbook_parts(sheet_xml("")),
           {{"xl/worksheets/sheet1.xml", Repeated{xml.substr(0, at), std::string(4096, 'A'),
                                                  (20 * kMiB) / 4096, xml.substr(at + 1)}}});
  EXPECT_LT(file.size(), 100 * 1024u);
  const Error error = error_of(file);
  EXPECT_EQ(error.code, "xlsx_corrupt");
  EXPECT_NE(error.message.find("row 1, column 2 is over 32767 characters"), std::string::npos)
      << error.message;
  EXPECT_LT(error.message.size(), 400u);
}

TEST(XlsxCorrupt, AHugeSharedStringIsRefusedInAShortMessage) {
  Parts parts = workbook_parts(sheet_xml("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
                               shared_strings_xml("<si><t>@</t></si>"));
  const std::string strings = *find_part(parts, "xl/sharedStrings.xml");
  const std::size_t at = strings.find('@');
  const std::string file =
      bomb(parts, {{"xl/sharedStrings.xml", Repeated{strings.substr(0, at), std::string(4096, 'A'),
                                                     (20 * kMiB) / 4096, strings.substr(at + 1)}}});
  const Error error = error_of(file);
  EXPECT_EQ(error.code, "xlsx_corrupt");
  EXPECT_NE(error.message.find("shared string 1 is over 32767 characters"), std::string::npos)
      << error.message;
  EXPECT_LT(error.message.size(), 400u);
}

TEST(XlsxReader, ACellOfExcelsLongestTextReadsWhole) {
  std::string longest;
  for (int i = 0; i < 32767; ++i) longest += "😀";  // four bytes each: the most a cell takes
  std::string chinese;
  for (int i = 0; i < 32767; ++i) chinese += "中";
  auto rows = read_all(hand_made_xlsx("<row r=\"1\"><c t=\"inlineStr\"><is><t>" + longest +
                                          "</t></is></c><c t=\"s\"><v>0</v></c></row>",
                                      "<si><t>" + chinese + "</t></si>"));
  ASSERT_TRUE(rows) << rows.error().message;
  EXPECT_EQ(*rows, (Rows{{longest, chinese}}));
}

TEST(XlsxCorrupt, WhatAnErrorQuotesFromTheFileIsShortened) {
  const std::string digits(100000, '9');
  for (const std::string& rows :
       {"<row r=\"1\"><c t=\"s\"><v>" + digits + "</v></c></row>",
        "<row r=\"" + digits + "x\"><c><v>1</v></c></row>",
        "<row r=\"1\"><c r=\"" + std::string(100000, 'A') + "1\"><v>1</v></c></row>"}) {
    const Error error = error_of(hand_made_xlsx(rows, "<si><t>a</t></si>"));
    EXPECT_EQ(error.code, "xlsx_corrupt") << error.message;
    EXPECT_LT(error.message.size(), 500u) << error.message.substr(0, 500);
    EXPECT_NE(error.message.find("…"), std::string::npos) << error.message;
  }
}

TEST(XlsxCorrupt, ALongPartNameIsShortenedWhereAnErrorNamesIt) {
  Parts parts = workbook_parts(sheet_xml(""));
  std::string rels = *find_part(parts, "xl/_rels/workbook.xml.rels");
  const std::string target = "worksheets/" + std::string(50000, 'n') + ".xml";
  rels.replace(rels.find("worksheets/sheet1.xml"), std::strlen("worksheets/sheet1.xml"), target);
  const Error error = error_of(zip_parts(with_part(parts, "xl/_rels/workbook.xml.rels", rels)));
  EXPECT_EQ(error.code, "xlsx_corrupt");
  EXPECT_LT(error.message.size(), 500u);
}

}  // namespace
}  // namespace jingkai::tabular
