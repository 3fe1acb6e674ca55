#include "store/backup_manifest.hpp"

#include <fmt/format.h>

#include <charconv>
#include <set>

#include "core/digest.hpp"

namespace jingkai::store {

namespace {

constexpr std::string_view kHeader = "jingkai-backup 1";
constexpr std::string_view kSealPrefix = "end ";

bool is_hex(std::string_view text, std::size_t length) {
  return text.size() == length &&
         text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

Error corrupt(const std::string& why) {
  return Error::invalid("backup_corrupt",
                        "备份清单无效 (the backup's MANIFEST is not valid): " + why, "from");
}

// The next line of `text` from `at`, without its line end; empty at the end.
std::string_view next_line(std::string_view text, std::size_t& at) {
  const std::size_t end = text.find('\n', at);
  if (end == std::string_view::npos) {
    const std::string_view rest = text.substr(at);
    at = text.size();
    return rest;
  }
  const std::string_view line = text.substr(at, end - at);
  at = end + 1;
  return line;
}

Result<BackupEntry> parse_entry(std::string_view line) {
  const std::size_t first = line.find(' ');
  const std::size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos) return std::unexpected(corrupt("malformed line"));
  BackupEntry entry;
  entry.sha256 = std::string(line.substr(0, first));
  const std::string_view size = line.substr(first + 1, second - first - 1);
  entry.path = std::string(line.substr(second + 1));
  const auto [end, failure] = std::from_chars(size.data(), size.data() + size.size(), entry.size);
  if (!is_hex(entry.sha256, 64) || failure != std::errc{} || end != size.data() + size.size()) {
    return std::unexpected(corrupt("malformed line: " + std::string(line)));
  }
  return entry;
}

}  // namespace

std::string database_entry(Dialect dialect) {
  return dialect == Dialect::sqlite ? "database.sqlite" : "database.pgdump";
}

bool is_stored_file_entry(std::string_view path) {
  const std::string prefix = std::string(kFilesFolder) + "/";
  if (!path.starts_with(prefix)) return false;
  path.remove_prefix(prefix.size());
  return path.size() == 65 && path[2] == '/' && is_hex(path.substr(0, 2), 2) &&
         is_hex(path.substr(3), 62);
}

std::string to_text(const BackupManifest& manifest) {
  std::string text = fmt::format("{}\ndialect {}\n", kHeader, to_string(manifest.dialect));
  for (const BackupEntry& entry : manifest.entries) {
    text += fmt::format("{} {} {}\n", entry.sha256, entry.size, entry.path);
  }
  return text + fmt::format("{}{}\n", kSealPrefix, sha256_hex(text));
}

Result<BackupManifest> parse_manifest(std::string_view text) {
  std::size_t at = 0;
  if (next_line(text, at) != kHeader) {
    return std::unexpected(corrupt("not a jingkai backup of a version this program reads"));
  }
  BackupManifest manifest;
  const std::string_view dialect = next_line(text, at);
  if (dialect == "dialect sqlite") {
    manifest.dialect = Dialect::sqlite;
  } else if (dialect == "dialect postgresql") {
    manifest.dialect = Dialect::postgresql;
  } else {
    return std::unexpected(corrupt("unknown dialect"));
  }
  std::set<std::string> seen;
  while (at < text.size()) {
    const std::size_t line_start = at;
    const std::string_view line = next_line(text, at);
    if (line.starts_with(kSealPrefix)) {
      if (sha256_hex(text.substr(0, line_start)) != line.substr(kSealPrefix.size()) ||
          at != text.size() || text.back() != '\n') {
        return std::unexpected(corrupt("its seal does not match its entries (altered)"));
      }
      if (manifest.entries.empty() ||
          manifest.entries.front().path != database_entry(manifest.dialect)) {
        return std::unexpected(corrupt("no database"));
      }
      return manifest;
    }
    BackupEntry entry = TRY(parse_entry(line));
    const bool database =
        manifest.entries.empty() && entry.path == database_entry(manifest.dialect);
    const bool key = manifest.entries.size() == 1 && entry.path == kAuditKeyEntry;
    if (!database && !key && !is_stored_file_entry(entry.path)) {
      return std::unexpected(corrupt("unexpected entry " + entry.path));
    }
    if (!seen.insert(entry.path).second) {
      return std::unexpected(corrupt("repeated entry " + entry.path));
    }
    manifest.entries.push_back(std::move(entry));
  }
  return std::unexpected(corrupt("it ends before its seal (truncated)"));
}

}  // namespace jingkai::store
