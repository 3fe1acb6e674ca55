// Fuzz targets for the identifier parsers of core/: the unified social credit code, the
// administrative division code, the industry catalogue's text form and pinyin initials.
// Each throws when an invariant of its parser breaks (see tests/fuzz/driver.cpp).
#include <cstddef>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/admin_division.hpp"
#include "core/industry_code.hpp"
#include "core/pinyin.hpp"
#include "core/text.hpp"
#include "core/uscc.hpp"

namespace jingkai::fuzz {
namespace {

void require(bool condition, const char* what) {
  if (!condition) throw std::logic_error(what);
}

void require_error(const Error& error, const std::set<std::string>& codes, std::string_view field) {
  require(codes.contains(error.code), "unexpected error code");
  require(error.field == field, "unexpected error field");
  require(error.kind == ErrorKind::invalid_input, "unexpected error kind");
  require(!error.message.empty() && is_valid_utf8(error.message), "message is not UTF-8");
}

}  // namespace

void fuzz_identifier(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto uscc = Uscc::parse(text)) {
    const std::string& code = uscc->text();
    require(code.size() == 18, "a parsed code has 18 characters");
    require(Uscc::check_character(code.substr(0, 17)) == code[17], "check character holds");
    require(Uscc::organization_check_character(code.substr(8, 8)) == code[16],
            "organization check character holds");
    require(!Uscc::entity_type_name(uscc->registration_authority(), uscc->entity_type()).empty(),
            "entity type is in the table");
    auto again = Uscc::parse(code);
    require(again && *again == *uscc, "a parsed code parses to itself");
  } else {
    require_error(uscc.error(),
                  {"uscc_length", "uscc_charset", "uscc_authority", "uscc_type", "uscc_division",
                   "uscc_org_checksum", "uscc_checksum"},
                  "uscc");
  }

  if (auto division = validate_division_code(text, "division"); division) {
    require(text.size() == 6 && province_name(text).has_value(), "a valid division is 6 digits");
  } else {
    require_error(division.error(), {"division_format", "division_province"}, "division");
  }
}

void fuzz_industry_catalog(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto catalog = IndustryCatalog::parse(text);
  if (!catalog) {
    require_error(catalog.error(), {"industry_syntax"}, "industry_catalog");
    return;
  }
  for (const auto& entry : catalog->entries()) {
    require(catalog->find(entry.code) == &entry, "every entry is found by its code");
    require(is_valid_utf8(entry.name) && !entry.name.empty(), "names are UTF-8");
    if (entry.code.size() > 2) {
      require(catalog->find(entry.code.substr(0, entry.code.size() - 1)) != nullptr,
              "every group and class has its parent");
    }
    if (entry.code.size() >= 2) {
      auto valid = catalog->validate(entry.code);
      require(valid && *valid == &entry, "every division, group and class validates");
    }
  }
  if (auto valid = catalog->validate(text); !valid) {
    require_error(valid.error(), {"industry_format", "industry_unknown"}, "industry_code");
  }
}

void fuzz_pinyin(const std::uint8_t* data, std::size_t size) {
  static const PinyinIndex index =
      *PinyinIndex::parse("Z\t诸浙州\nJ\t暨江\nH\t杭海行\nX\t厦\nL\t亮\n银行\tYH\n厦门\tXM\n");
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string initials = index.initials(text);
  require(initials.size() <= text.size(), "at most one letter per byte");
  for (char c : initials) {
    require((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'), "only A-Z and 0-9 come out");
  }
  if (auto parsed = PinyinIndex::parse(text); !parsed) {
    require_error(parsed.error(), {"pinyin_syntax"}, "pinyin");
  } else {
    parsed->initials(text);
  }
}

}  // namespace jingkai::fuzz
