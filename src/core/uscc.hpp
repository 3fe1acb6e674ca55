// Uscc: the unified social credit code (统一社会信用代码) of GB 32100-2015, the one identifier
// every enterprise, public institution, social organisation and individual business in
// mainland China registers under.
//
// Its 18 characters, from the 31-character set 0-9 A-H J-N P-R T U W-Y (no I, O, Z, S, V):
//   1      registration authority (登记管理部门代码): 9 market regulation, 5 civil affairs, …
//   2      entity type within that authority (机构类别代码): 91 enterprise, 92 individual …
//   3-8    administrative division of the registering office (登记管理机关行政区划码, GB/T 2260)
//   9-17   entity identifier (主体标识码), an organization code of GB 11714 whose own check
//          character is position 17
//   18     check character over positions 1-17
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace jingkai {

class Uscc {
 public:
  // Validates 18 characters: the character set, the registration authority (position 1), an
  // entity type that authority defines (position 2), an administrative division (positions
  // 3-8: six digits naming a known province, or 100000 for the national registry), the
  // GB 11714 check character of the entity identifier (position 17) and the check character
  // (position 18). Lower-case letters are accepted and upper-cased; surrounding spaces
  // (ASCII blanks, tabs, line breaks) are trimmed.
  //
  // Errors are Error::invalid with field "uscc" and one of the codes uscc_length,
  // uscc_charset, uscc_authority, uscc_type, uscc_division, uscc_org_checksum,
  // uscc_checksum. The message names the 1-based position at fault and the character found,
  // and for a check character the one expected. When several positions are wrong, the first
  // check in that order reports.
  static Result<Uscc> parse(std::string_view text);

  // A default-constructed Uscc is empty: text() is "" and the accessors return '\0' or "".
  const std::string& text() const { return text_; }
  char registration_authority() const;
  char entity_type() const;
  std::string_view division() const;           // positions 3-8
  std::string_view organization_code() const;  // positions 9-17

  // The check character (position 18) for 17 leading characters of the 31-character set;
  // '\0' when `first17` is not 17 such characters. Demo data generators use this.
  static char check_character(std::string_view first17);
  // The GB 11714 check character ('0'-'9' or 'X') for the 8 leading characters of an
  // organization code (digits and upper-case letters); '\0' when `first8` is not that.
  static char organization_check_character(std::string_view first8);

  // The name of a registration authority (e.g. '9' -> "市场监管(工商)") and of an entity type
  // within it (e.g. '9', '1' -> "企业"); "" when the standard defines none.
  static std::string_view authority_name(char authority);
  static std::string_view entity_type_name(char authority, char type);

  friend bool operator==(const Uscc&, const Uscc&) = default;

 private:
  std::string text_;
};

}  // namespace jingkai
