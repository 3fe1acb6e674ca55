// XLSX test files: hand-made archives (libzip) for the cases no writer produces, and
// libxlsxwriter's own output in both of its string modes.
#pragma once

#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace jingkai::tabular::testing {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A private temporary path, removed when this goes out of scope.
class TempPath {
 public:
  TempPath() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/jingkai-test-XXXXXX";
    const int fd = mkstemp(path_.data());
    if (fd < 0) throw std::runtime_error("mkstemp");
    close(fd);
  }
  ~TempPath() { unlink(path_.c_str()); }
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;
  const std::string& path() const { return path_; }
  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

 private:
  std::string path_;
};

// An archive holding `parts` in order, deflated.
inline std::string zip_parts(const Parts& parts) {
  TempPath file;
  int error = 0;
  zip_t* zip = zip_open(file.path().c_str(), ZIP_TRUNCATE, &error);
  if (zip == nullptr) throw std::runtime_error("zip_open");
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
    if (source == nullptr || zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE) < 0) {
      throw std::runtime_error("zip_file_add");
    }
  }
  if (zip_close(zip) != 0) throw std::runtime_error("zip_close");
  return file.read();
}

// The parts of an archive, in order.
inline Parts unzip_parts(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) throw std::runtime_error("zip_open_from_source");
  Parts parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &stat);
    std::string content(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
    if (zip_fread(file, content.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) {
      throw std::runtime_error("zip_fread");
    }
    zip_fclose(file);
    parts.emplace_back(stat.name, std::move(content));
  }
  zip_discard(zip);
  return parts;
}

inline const std::string* find_part(const Parts& parts, const std::string& name) {
  for (const auto& part : parts) {
    if (part.first == name) return &part.second;
  }
  return nullptr;
}

inline Parts without_part(Parts parts, const std::string& name) {
  std::erase_if(parts, [&](const auto& part) { return part.first == name; });
  return parts;
}

inline Parts with_part(Parts parts, const std::string& name, std::string content) {
  for (auto& part : parts) {
    if (part.first == name) {
      part.second = std::move(content);
      return parts;
    }
  }
  parts.emplace_back(name, std::move(content));
  return parts;
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// `rows` is the inside of <sheetData>.
inline std::string sheet_xml(const std::string& rows) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet "
             "xmlns=\"") +
         kMain + "\" xmlns:r=\"" + kRelNs + "\"><sheetData>" + rows + "</sheetData></worksheet>";
}

// `items` is the inside of <sst>.
inline std::string shared_strings_xml(const std::string& items) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"") + kMain + "\">" +
         items + "</sst>";
}

// The parts of a one-sheet workbook as Excel lays it out; `strings` empty leaves out the
// shared strings part and its relationship.
inline Parts workbook_parts(const std::string& sheet, const std::string& strings = {}) {
  const std::string workbook = std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kMain +
                               "\" xmlns:r=\"" + kRelNs +
                               "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" "
                               "r:id=\"rId1\"/></sheets></workbook>";
  std::string rels =
      "<?xml version=\"1.0\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
      "Target=\"worksheets/sheet1.xml\"/>";
  if (!strings.empty()) {
    rels +=
        "<Relationship Id=\"rId9\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "sharedStrings\" Target=\"sharedStrings.xml\"/>";
  }
  rels += "</Relationships>";
  Parts parts = {{"[Content_Types].xml", "<Types/>"},
                 {"xl/workbook.xml", workbook},
                 {"xl/_rels/workbook.xml.rels", rels},
                 {"xl/worksheets/sheet1.xml", sheet}};
  if (!strings.empty()) parts.emplace_back("xl/sharedStrings.xml", strings);
  return parts;
}

inline std::string hand_made_xlsx(const std::string& rows, const std::string& items = {}) {
  return zip_parts(
      workbook_parts(sheet_xml(rows), items.empty() ? std::string() : shared_strings_xml(items)));
}

// A workbook written by libxlsxwriter directly: `fill` writes the sheets.
inline std::string libxlsxwriter_file(bool constant_memory,
                                      const std::function<void(lxw_workbook*)>& fill) {
  TempPath file;
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(file.path().c_str(), &options);
  fill(workbook);
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("workbook_close");
  return file.read();
}

}  // namespace jingkai::tabular::testing
