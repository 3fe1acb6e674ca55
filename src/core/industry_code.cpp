#include "core/industry_code.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.hpp"

namespace jingkai {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) { return std::all_of(text.begin(), text.end(), is_digit); }

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

Error line_error(std::size_t line, std::string message) {
  return Error::invalid("industry_syntax", fmt::format("第 {} 行: {}", line, message),
                        "industry_catalog");
}

// Shows what the user typed in a message without breaking it: invalid UTF-8 becomes "?".
std::string shown(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  for (char c : text) out.push_back(static_cast<unsigned char>(c) < 0x80 ? c : '?');
  return out;
}

}  // namespace

Result<IndustryCatalog> IndustryCatalog::parse(std::string_view text) {
  IndustryCatalog catalog;
  char section = '\0';
  std::size_t line_number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;

    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return std::unexpected(
          line_error(line_number, "应为 代码<TAB>名称 (expected CODE<TAB>name)"));
    }
    const std::string_view code = line.substr(0, tab);
    const std::string_view name = trim(line.substr(tab + 1));
    if (name.empty()) {
      return std::unexpected(line_error(
          line_number, fmt::format("{} 没有名称 ({} has no name)", shown(code), shown(code))));
    }
    if (!is_valid_utf8(name)) {
      return std::unexpected(line_error(line_number, "名称不是有效的 UTF-8 (not valid UTF-8)"));
    }

    const bool is_section = code.size() == 1 && code[0] >= 'A' && code[0] <= 'Z';
    if (!is_section && !(code.size() >= 2 && code.size() <= 4 && all_digits(code))) {
      return std::unexpected(line_error(
          line_number, fmt::format("代码 {} 应为一个大写字母或 2-4 位数字 (code {} must be a "
                                   "capital letter or 2-4 digits)",
                                   shown(code), shown(code))));
    }
    if (catalog.by_code_.contains(std::string(code))) {
      return std::unexpected(
          line_error(line_number, fmt::format("代码 {} 重复 (code {} listed twice)", code, code)));
    }
    if (is_section) {
      section = code[0];
    } else if (section == '\0') {
      return std::unexpected(line_error(
          line_number, fmt::format("{} 之前没有门类 (no section before {})", code, code)));
    } else if (code.size() > 2 &&
               !catalog.by_code_.contains(std::string(code.substr(0, code.size() - 1)))) {
      const std::string_view parent = code.substr(0, code.size() - 1);
      return std::unexpected(line_error(
          line_number, fmt::format("{} 的上级 {} 未列出 (the parent {} of {} is not listed)", code,
                                   parent, parent, code)));
    }
    catalog.by_code_.emplace(std::string(code), catalog.entries_.size());
    catalog.entries_.push_back({std::string(code), std::string(name), section});
  }
  return catalog;
}

const IndustryEntry* IndustryCatalog::find(std::string_view code) const {
  const auto at = by_code_.find(std::string(code));
  return at == by_code_.end() ? nullptr : &entries_[at->second];
}

Result<const IndustryEntry*> IndustryCatalog::validate(std::string_view code) const {
  code = trim(code);
  if (code.size() < 2 || code.size() > 4 || !all_digits(code)) {
    return std::unexpected(Error::invalid(
        "industry_format",
        fmt::format("行业代码应为 2 至 4 位数字, 实为 \"{}\" (an industry code has 2 to 4 digits, "
                    "found \"{}\")",
                    shown(code), shown(code)),
        "industry_code"));
  }
  if (const IndustryEntry* entry = find(code)) return entry;

  // Name the deepest level above that exists, so that a typo in the last digit reads as one.
  for (std::size_t length = code.size() - 1; length >= 2; --length) {
    if (const IndustryEntry* parent = find(code.substr(0, length))) {
      return std::unexpected(Error::invalid(
          "industry_unknown",
          fmt::format("行业代码 {} 不在 GB/T 4754-2017 中, {} {} 之下没有此代码 (industry code {} "
                      "is not in GB/T 4754-2017; {} {} has no such entry)",
                      code, parent->code, parent->name, code, parent->code, parent->name),
          "industry_code"));
    }
  }
  return std::unexpected(
      Error::invalid("industry_unknown",
                     fmt::format("行业代码 {} 不在 GB/T 4754-2017 中 (industry code {} is not in "
                                 "GB/T 4754-2017)",
                                 code, code),
                     "industry_code"));
}

const IndustryEntry* IndustryCatalog::division_of(std::string_view code) const {
  if (code.size() < 2 || !find(code)) return nullptr;
  return find(code.substr(0, 2));
}

const IndustryEntry* IndustryCatalog::section_of(std::string_view code) const {
  const IndustryEntry* entry = find(code);
  return entry ? find(std::string_view(&entry->section, 1)) : nullptr;
}

}  // namespace jingkai
