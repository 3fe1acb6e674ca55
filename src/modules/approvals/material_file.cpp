#include "modules/approvals/material_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/text.hpp"

namespace jingkai::approvals {
namespace {

Error bad_name(std::string_view why) {
  return Error::invalid("bad_file_name", fmt::format("文件名不合规: {}", why), "file_name");
}

struct KnownType {
  std::string_view extension;
  std::string_view content_type;
  std::string_view magic;
};

constexpr std::string_view kZipMagic{"PK\x03\x04", 4};
constexpr KnownType kTypes[] = {
    {"pdf", "application/pdf", "%PDF-"},
    {"ofd", "application/ofd", kZipMagic},
    {"png", "image/png", {"\x89PNG\r\n\x1a\n", 8}},
    {"jpg", "image/jpeg", {"\xFF\xD8\xFF", 3}},
    {"jpeg", "image/jpeg", {"\xFF\xD8\xFF", 3}},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kZipMagic},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kZipMagic},
};

}  // namespace

Status check_file_name(std::string_view name) {
  if (name.empty()) return std::unexpected(bad_name("为空 (the name is empty)"));
  if (name.size() > 360) return std::unexpected(bad_name("过长 (longer than 120 characters)"));
  if (!is_valid_utf8(name)) return std::unexpected(bad_name("不是有效的 UTF-8 (not valid UTF-8)"));
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\') {
      return std::unexpected(
          bad_name("不能包含目录分隔符 (a file name may not contain '/' or '\\')"));
    }
    if (byte < 0x20 || byte == 0x7F) {
      return std::unexpected(bad_name("含控制字符 (control characters are not allowed)"));
    }
  }
  if (name.front() == '.') {
    return std::unexpected(bad_name("不能以 '.' 开头 (may not start with '.', nor be '..')"));
  }
  std::size_t characters = 0;
  for (char c : name) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
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
  std::string extension(dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1));
  std::ranges::transform(extension, extension.begin(),
                         [](unsigned char c) { return char(std::tolower(c)); });
  for (const KnownType& type : kTypes) {
    if (type.extension != extension) continue;
    if (!bytes.starts_with(type.magic)) {
      return std::unexpected(Error{
          ErrorKind::unsupported_media_type, "file_type_not_allowed",
          fmt::format("文件内容不是 {} 格式 (the content is not a {} file)", extension, extension),
          "file"});
    }
    return FileType{type.extension, type.content_type};
  }
  return std::unexpected(Error{
      ErrorKind::unsupported_media_type, "file_type_not_allowed",
      fmt::format("不接受「.{}」文件, 请上传 PDF, OFD, PNG, JPG, DOCX 或 XLSX (only PDF, OFD, "
                  "PNG, JPEG, DOCX and XLSX files are taken)",
                  extension),
      "file"});
}

}  // namespace jingkai::approvals
