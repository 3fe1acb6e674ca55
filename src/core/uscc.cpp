#include "core/uscc.hpp"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "core/admin_division.hpp"
#include "core/text.hpp"

namespace jingkai {
namespace {

// GB 32100-2015 4.2: the code's character set, in the order of the values 0-30 that the
// check character is computed over.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kModulus = 31;

// GB 32100-2015 appendix A (登记管理部门代码和机构类别代码), with the authorities A and N that
// the standard's later notices added for military institutions and rural collectives.
struct Authority {
  char code;
  std::string_view name;
};
constexpr std::array<Authority, 12> kAuthorities{{
    {'1', "机构编制"},
    {'2', "外交"},
    {'3', "司法行政"},
    {'4', "文化"},
    {'5', "民政"},
    {'6', "旅游"},
    {'7', "宗教"},
    {'8', "工会"},
    {'9', "市场监管(工商)"},
    {'A', "中央军委改革和编制办公室"},
    {'N', "农业"},
    {'Y', "其他"},
}};

struct EntityType {
  char authority;
  char code;
  std::string_view name;
};
constexpr std::array<EntityType, 36> kEntityTypes{{
    {'1', '1', "机关"},
    {'1', '2', "事业单位"},
    {'1', '3', "中央编办直接管理机构编制的群众团体"},
    {'1', '9', "其他"},
    {'2', '1', "外国常驻新闻机构"},
    {'2', '9', "其他"},
    {'3', '1', "律师执业机构"},
    {'3', '2', "公证处"},
    {'3', '3', "基层法律服务所"},
    {'3', '4', "司法鉴定机构"},
    {'3', '5', "仲裁委员会"},
    {'3', '9', "其他"},
    {'4', '1', "外国在华文化中心"},
    {'4', '9', "其他"},
    {'5', '1', "社会团体"},
    {'5', '2', "民办非企业单位"},
    {'5', '3', "基金会"},
    {'5', '9', "其他"},
    {'6', '1', "外国旅游部门常驻代表机构"},
    {'6', '2', "港澳台地区旅游部门常驻内地(大陆)代表机构"},
    {'6', '9', "其他"},
    {'7', '1', "宗教活动场所"},
    {'7', '2', "宗教院校"},
    {'7', '9', "其他"},
    {'8', '1', "基层工会"},
    {'8', '9', "其他"},
    {'9', '1', "企业"},
    {'9', '2', "个体工商户"},
    {'9', '3', "农民专业合作社"},
    {'A', '1', "军队事业单位"},
    {'A', '9', "其他"},
    {'N', '1', "组级集体经济组织"},
    {'N', '2', "村级集体经济组织"},
    {'N', '3', "乡镇级集体经济组织"},
    {'N', '9', "其他"},
    {'Y', '1', "其他"},  // the standard gives Y the one type 1, without a name
}};

// GB 11714-1997: weights of the eight body characters of an organization code.
constexpr std::array<int, 8> kOrganizationWeights{3, 7, 9, 10, 5, 8, 4, 2};

// Weight of position i (0-based) is 3^i mod 31 (GB 32100-2015 5.2).
constexpr std::array<int, 17> make_weights() {
  std::array<int, 17> weights{};
  int w = 1;
  for (int& weight : weights) {
    weight = w;
    w = w * 3 % kModulus;
  }
  return weights;
}
constexpr std::array<int, 17> kWeights = make_weights();

int alphabet_value(char c) {
  const auto at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// Splits text into characters: one well-formed UTF-8 sequence each, or a single byte where
// the text is not UTF-8, so that every input has a length and a character at each position.
std::vector<std::string_view> split_characters(std::string_view text) {
  std::vector<std::string_view> characters;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    if (length > 1 && (i + length > text.size() || !is_valid_utf8(text.substr(i, length)))) {
      length = 1;
    }
    characters.push_back(text.substr(i, length));
    i += length;
  }
  return characters;
}

// How a character found in the input reads in a message: itself when printable, else its
// bytes in hex, so that the message stays valid UTF-8 whatever the input was.
std::string shown(std::string_view character) {
  const auto first = static_cast<unsigned char>(character.front());
  if (character.size() > 1 || (first > 0x20 && first < 0x7F)) return std::string(character);
  return fmt::format("\\x{:02X}", first);
}

Error error(std::string code, std::string message) {
  return Error::invalid(std::move(code), std::move(message), "uscc");
}

const EntityType* find_type(char authority, char type) {
  for (const auto& entry : kEntityTypes) {
    if (entry.authority == authority && entry.code == type) return &entry;
  }
  return nullptr;
}

// Positions 3-8. The national registry (国家市场监督管理总局 and its predecessors) registers
// central enterprises under 100000, the code of the whole country, which names no province.
Status check_division(std::string_view division) {
  for (std::size_t i = 0; i < division.size(); ++i) {
    if (division[i] < '0' || division[i] > '9') {
      return std::unexpected(error(
          "uscc_division",
          fmt::format("统一社会信用代码第{}位应为行政区划代码的数字, 实为 {} (position {} is part "
                      "of the administrative division code and must be a digit, found {})",
                      i + 3, division[i], i + 3, division[i])));
    }
  }
  if (division != "100000" && !province_name(division)) {
    return std::unexpected(
        error("uscc_division",
              fmt::format("统一社会信用代码第3位起的行政区划代码 {} 不属于任何省级行政区 (the "
                          "administrative division {} at positions 3-8 names no province)",
                          division, division)));
  }
  return {};
}

}  // namespace

Result<Uscc> Uscc::parse(std::string_view text) {
  const auto characters = split_characters(trim(text));
  if (characters.size() != 18) {
    return std::unexpected(
        error("uscc_length",
              fmt::format("统一社会信用代码应为 18 位, 实为 {} 位 (a unified social credit code "
                          "has 18 characters, found {})",
                          characters.size(), characters.size())));
  }

  std::string code;
  code.reserve(18);
  for (std::size_t i = 0; i < characters.size(); ++i) {
    char c = characters[i].size() == 1 ? characters[i].front() : '\0';
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == '\0' || alphabet_value(c) < 0) {
      const std::string found = shown(characters[i]);
      return std::unexpected(
          error("uscc_charset",
                fmt::format("统一社会信用代码第{}位 {} 不是允许的字符 (character {} at position {} "
                            "is not allowed: use digits and letters other than I, O, Z, S, V)",
                            i + 1, found, found, i + 1)));
    }
    code.push_back(c);
  }

  const char authority = code[0];
  if (authority_name(authority).empty()) {
    return std::unexpected(error(
        "uscc_authority",
        fmt::format("统一社会信用代码第1位 {} 不是登记管理部门代码 (character {} at position 1 is "
                    "no registration authority of GB 32100)",
                    authority, authority)));
  }
  const char type = code[1];
  if (!find_type(authority, type)) {
    return std::unexpected(error(
        "uscc_type",
        fmt::format("统一社会信用代码第2位 {} 不是登记管理部门 {} ({}) 的机构类别 (character {} "
                    "at position 2 is no entity type of registration authority {})",
                    type, authority, authority_name(authority), type, authority)));
  }
  TRY(check_division(std::string_view(code).substr(2, 6)));

  const char organization_expected = organization_check_character(code.substr(8, 8));
  if (code[16] != organization_expected) {
    return std::unexpected(error(
        "uscc_org_checksum",
        fmt::format("统一社会信用代码第17位组织机构代码校验码应为 {}, 实为 {} (organization code "
                    "check character at position 17 should be {}, found {})",
                    organization_expected, code[16], organization_expected, code[16])));
  }
  const char expected = check_character(code.substr(0, 17));
  if (code[17] != expected) {
    return std::unexpected(
        error("uscc_checksum",
              fmt::format("统一社会信用代码第18位校验码应为 {}, 实为 {} (check character at "
                          "position 18 should be {}, found {})",
                          expected, code[17], expected, code[17])));
  }

  Uscc uscc;
  uscc.text_ = std::move(code);
  return uscc;
}

char Uscc::registration_authority() const { return text_.empty() ? '\0' : text_[0]; }

char Uscc::entity_type() const { return text_.empty() ? '\0' : text_[1]; }

std::string_view Uscc::division() const {
  return text_.empty() ? std::string_view() : std::string_view(text_).substr(2, 6);
}

std::string_view Uscc::organization_code() const {
  return text_.empty() ? std::string_view() : std::string_view(text_).substr(8, 9);
}

char Uscc::check_character(std::string_view first17) {
  if (first17.size() != kWeights.size()) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < first17.size(); ++i) {
    const int value = alphabet_value(first17[i]);
    if (value < 0) return '\0';
    sum += value * kWeights[i];
  }
  return kAlphabet[(kModulus - sum % kModulus) % kModulus];
}

char Uscc::organization_check_character(std::string_view first8) {
  if (first8.size() != kOrganizationWeights.size()) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < first8.size(); ++i) {
    const char c = first8[i];
    int value;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      value = c - 'A' + 10;
    } else {
      return '\0';
    }
    sum += value * kOrganizationWeights[i];
  }
  const int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

std::string_view Uscc::authority_name(char authority) {
  for (const auto& entry : kAuthorities) {
    if (entry.code == authority) return entry.name;
  }
  return {};
}

std::string_view Uscc::entity_type_name(char authority, char type) {
  const EntityType* entry = find_type(authority, type);
  return entry ? entry->name : std::string_view();
}

}  // namespace jingkai
