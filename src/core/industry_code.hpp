// IndustryCatalog: the industrial classification for national economic activities
// (国民经济行业分类, GB/T 4754-2017) that enterprises report their activity under. Four
// levels: section (门类, a letter A-T), division (大类, 2 digits), group (中类, 3 digits) and
// class (小类, 4 digits); each code begins with the code of the level above (3612 is in 361,
// which is in 36, which is in section C).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"

namespace jingkai {

struct IndustryEntry {
  std::string code;     // "C", "36", "361" or "3612"
  std::string name;     // e.g. "新能源车整车制造"
  char section = '\0';  // the section letter the entry is in; its own letter for a section
};

class IndustryCatalog {
 public:
  // Reads the text form of data/industry-codes-gb4754-2017.txt: one entry a line,
  // CODE<TAB>名称, `#` comments and blank lines ignored. A division belongs to the section
  // line above it; a group needs its division and a class its group listed before it.
  // Errors (Error::invalid, code industry_syntax, field "industry_catalog") name the line:
  // no tab, an empty name, a code that is no letter A-Z and not 2-4 digits, a code listed
  // twice, a division before any section, a group or class whose parent is missing.
  static Result<IndustryCatalog> parse(std::string_view text);

  // The entry of any level with exactly this code ("C", "36", "361", "3612"); nullptr if none.
  const IndustryEntry* find(std::string_view code) const;

  // Validates an enterprise's industry code: 2, 3 or 4 digits (registries often know only
  // the division) that the catalogue holds; surrounding blanks are trimmed. Errors are
  // Error::invalid with field "industry_code": industry_format when the code is not 2-4
  // digits, industry_unknown when the catalogue lacks it (the message names the closest
  // level above that it does hold).
  Result<const IndustryEntry*> validate(std::string_view code) const;

  // The division (2 digits) a division, group or class code belongs to, and the section
  // entry of any code; nullptr when the catalogue does not hold the code itself.
  const IndustryEntry* division_of(std::string_view code) const;
  const IndustryEntry* section_of(std::string_view code) const;

  // Every entry in the order of the text, sections first within their block.
  const std::vector<IndustryEntry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

 private:
  std::vector<IndustryEntry> entries_;
  std::unordered_map<std::string, std::size_t> by_code_;  // index into entries_
};

}  // namespace jingkai
