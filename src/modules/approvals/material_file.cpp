#include "modules/approvals/material_file.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/text.hpp"
#include "tabular/import_problem.hpp"

namespace jingkai::approvals {
namespace {

Error bad_name(std::string_view why) {
  return Error::invalid("bad_file_name", fmt::format("文件名不合规: {}", why), "file_name");
}

Error refused(std::string_view code, std::string message) {
  return Error{ErrorKind::unsupported_media_type, std::string(code), std::move(message), "file"};
}

enum class Structure { pdf, png, jpeg, docx, xlsx, ofd };

struct KnownType {
  std::string_view extension;
  std::string_view content_type;
  std::string_view magic;
  Structure structure;
};

constexpr std::string_view kZipMagic{"PK\x03\x04", 4};
constexpr std::string_view kPngMagic{"\x89PNG\r\n\x1a\n", 8};
constexpr KnownType kTypes[] = {
    {"pdf", "application/pdf", "%PDF-", Structure::pdf},
    {"ofd", "application/ofd", kZipMagic, Structure::ofd},
    {"png", "image/png", kPngMagic, Structure::png},
    {"jpg", "image/jpeg", {"\xFF\xD8\xFF", 3}, Structure::jpeg},
    {"jpeg", "image/jpeg", {"\xFF\xD8\xFF", 3}, Structure::jpeg},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kZipMagic,
     Structure::docx},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kZipMagic,
     Structure::xlsx},
};

// Characters that do not show, or that change how the rest of the name shows. A right-to-left
// override turns "invoice\u202Efdp.exe" into "invoiceexe.pdf" on screen.
bool hidden_character(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x061C || c == 0x180E ||
         (c >= 0x200B && c <= 0x200F) || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF ||
         (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F);
}

// The code points of well-formed UTF-8 (checked before), one at a time.
char32_t next_code_point(std::string_view text, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t c = length == 1 ? lead : lead & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    c = (c << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
  }
  at += length;
  return c;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

Status check_pdf(std::string_view bytes) {
  constexpr std::size_t kTail = 1024;
  // PDF 1.0-1.7 and ISO 32000-2's PDF 2.0 are the versions there are.
  if (bytes.size() < 8 || !(bytes.starts_with("%PDF-1.") || bytes.starts_with("%PDF-2.")) ||
      !std::isdigit(static_cast<unsigned char>(bytes[7]))) {
    return std::unexpected(refused("file_structure",
                                   "PDF 文件头应为 %PDF-1.x 或 %PDF-2.x (a PDF starts with its "
                                   "version, %PDF-1.x or %PDF-2.x)"));
  }
  const std::string head = lower(bytes.substr(8, kTail));
  for (std::string_view tag : {"<html", "<script", "<!doctype html", "<body", "<iframe"}) {
    if (head.find(tag) != std::string::npos) {
      return std::unexpected(
          refused("file_active_content",
                  fmt::format("PDF 文件中含有网页代码 {} (the PDF holds HTML: {})", tag, tag)));
    }
  }
  const std::size_t tail = bytes.size() > kTail ? bytes.size() - kTail : 0;
  if (bytes.find("%%EOF", tail) == std::string_view::npos) {
    return std::unexpected(refused(
        "file_incomplete",
        "PDF 文件末尾没有 %%EOF, 可能上传不完整 (no %%EOF at the end: the PDF is incomplete)"));
  }
  return {};
}

Status check_png(std::string_view bytes) {
  // After the signature, IHDR's length (13) and type; IEND is an empty chunk with a fixed CRC.
  constexpr std::string_view kIhdr{"\0\0\0\x0DIHDR", 8};
  constexpr std::string_view kIend{"\0\0\0\0IEND\xAE\x42\x60\x82", 12};
  if (bytes.substr(kPngMagic.size()).substr(0, kIhdr.size()) != kIhdr) {
    return std::unexpected(
        refused("file_structure", "PNG 文件缺少 IHDR 头 (the PNG has no IHDR header)"));
  }
  if (!bytes.ends_with(kIend)) {
    const bool trailing = bytes.find(kIend) != std::string_view::npos;
    return std::unexpected(
        trailing
            ? refused("file_structure",
                      "PNG 的 IEND 之后还有数据 (the PNG has data after its IEND chunk)")
            : refused("file_incomplete",
                      "PNG 文件没有 IEND 结尾, 可能上传不完整 (no IEND: the PNG is incomplete)"));
  }
  return {};
}

Status check_jpeg(std::string_view bytes) {
  // Some cameras pad the file with zeros after the end-of-image marker.
  const std::size_t last = bytes.find_last_not_of('\0');
  if (last == std::string_view::npos || last < 4 || bytes.substr(last - 1, 2) != "\xFF\xD9") {
    return std::unexpected(refused("file_incomplete",
                                   "JPEG 文件没有 FFD9 结尾, 可能上传不完整 (no end-of-image "
                                   "marker: the JPEG is incomplete)"));
  }
  return {};
}

// An entry that unpacks outside the folder it is unpacked into.
bool unsafe_entry(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\' ||
      (name.size() >= 2 && name[1] == ':')) {
    return true;
  }
  for (std::size_t from = 0; from <= name.size();) {
    const std::size_t end = std::min(name.find_first_of("/\\", from), name.size());
    if (name.substr(from, end - from) == "..") return true;
    from = end + 1;
  }
  return false;
}

bool executable_entry(std::string_view name) {
  static constexpr std::array<std::string_view, 17> kPrograms = {
      ".exe", ".dll", ".bat", ".cmd", ".com", ".js",  ".jse", ".vbs", ".vbe",
      ".wsf", ".ps1", ".msi", ".scr", ".jar", ".hta", ".lnk", ".sys"};
  const std::string lowered = lower(name);
  return std::ranges::any_of(kPrograms,
                             [&](std::string_view ext) { return lowered.ends_with(ext); });
}

// A DOCX, XLSX or OFD: a whole ZIP whose entries stay in their folder, hold no program, and
// include the parts that make it the type its name says.
Status check_package(std::string_view bytes, std::string_view extension,
                     std::initializer_list<std::string_view> required) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) throw std::bad_alloc();
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    zip_source_free(source);
    return std::unexpected(
        refused("file_structure",
                fmt::format("{0} 不是完整的 ZIP 压缩包 (a .{0} file is a ZIP archive; this one is "
                            "incomplete or damaged)",
                            extension)));
  }
  Status verdict;
  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < entries && verdict; ++i) {
    const char* raw = zip_get_name(zip, static_cast<zip_uint64_t>(i), 0);
    const std::string_view name = raw == nullptr ? std::string_view() : raw;
    if (unsafe_entry(name)) {
      verdict = std::unexpected(refused(
          "file_unsafe_entry", fmt::format("压缩包中的路径“{0}”越出目录 (the entry \"{0}\" would "
                                           "unpack outside its folder)",
                                           tabular::excerpt(name, 120))));
    } else if (executable_entry(name)) {
      verdict = std::unexpected(
          refused("file_executable",
                  fmt::format("压缩包中含有程序“{0}” (the archive holds a program: \"{0}\")",
                              tabular::excerpt(name, 120))));
    }
  }
  for (std::string_view part : required) {
    if (!verdict) break;
    if (zip_name_locate(zip, std::string(part).c_str(), 0) < 0) {
      verdict = std::unexpected(refused(
          "file_structure", fmt::format("{0} 文件缺少 {1} (a .{0} file holds {1}; this one does "
                                        "not)",
                                        extension, part)));
    }
  }
  zip_discard(zip);
  return verdict;
}

Status check_structure(Structure structure, std::string_view bytes) {
  switch (structure) {
    case Structure::pdf:
      return check_pdf(bytes);
    case Structure::png:
      return check_png(bytes);
    case Structure::jpeg:
      return check_jpeg(bytes);
    case Structure::docx:
      return check_package(bytes, "docx", {"[Content_Types].xml", "word/document.xml"});
    case Structure::xlsx:
      return check_package(bytes, "xlsx", {"[Content_Types].xml", "xl/workbook.xml"});
    case Structure::ofd:
      return check_package(bytes, "ofd", {"OFD.xml"});
  }
  return {};
}

}  // namespace

Status check_file_name(std::string_view name) {
  if (name.empty()) return std::unexpected(bad_name("为空 (the name is empty)"));
  if (name.size() > 360) return std::unexpected(bad_name("过长 (longer than 120 characters)"));
  if (!is_valid_utf8(name)) return std::unexpected(bad_name("不是有效的 UTF-8 (not valid UTF-8)"));
  std::size_t characters = 0;
  for (std::size_t at = 0; at < name.size(); ++characters) {
    const char32_t c = next_code_point(name, at);
    if (c == '/' || c == '\\') {
      return std::unexpected(
          bad_name("不能包含目录分隔符 (a file name may not contain '/' or '\\')"));
    }
    if (hidden_character(c)) {
      return std::unexpected(bad_name(fmt::format(
          "含控制字符或不可见的格式字符 U+{0:04X} (control and invisible formatting characters "
          "such as U+{0:04X} are not allowed)",
          static_cast<std::uint32_t>(c))));
    }
  }
  if (name.front() == '.') {
    return std::unexpected(bad_name("不能以 '.' 开头 (may not start with '.', nor be '..')"));
  }
  if (characters > 120) return std::unexpected(bad_name("过长 (longer than 120 characters)"));
  return {};
}

Result<FileType> check_file(std::string_view name, std::string_view bytes) {
  TRY(check_file_name(name));
  if (bytes.empty()) {
    return std::unexpected(Error::invalid("empty_file", "文件为空 (the file is empty)", "file"));
  }
  if (bytes.size() > kMaxFileBytes) {
    return std::unexpected(Error{ErrorKind::payload_too_large, "file_too_large",
                                 fmt::format("文件超过 {} MiB (the file is larger than {} MiB)",
                                             kMaxFileBytes >> 20, kMaxFileBytes >> 20),
                                 "file"});
  }
  const auto dot = name.rfind('.');
  const std::string extension =
      lower(dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1));
  for (const KnownType& type : kTypes) {
    if (type.extension != extension) continue;
    if (!bytes.starts_with(type.magic)) {
      return std::unexpected(
          refused("file_type_not_allowed",
                  fmt::format("文件内容不是 {} 格式 (the content is not a {} file)", extension,
                              extension)));
    }
    TRY(check_structure(type.structure, bytes));
    return FileType{type.extension, type.content_type};
  }
  return std::unexpected(refused(
      "file_type_not_allowed",
      fmt::format("不接受「.{}」文件, 请上传 PDF, OFD, PNG, JPG, DOCX 或 XLSX (only PDF, OFD, "
                  "PNG, JPEG, DOCX and XLSX files are taken)",
                  extension)));
}

}  // namespace jingkai::approvals
