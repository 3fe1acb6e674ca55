#include "core/admin_division.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "core/text.hpp"

namespace jingkai {
namespace {

// GB/T 2260 province-level divisions, by their two-digit code.
constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kProvinces{{
    {"11", "北京市"},           {"12", "天津市"},         {"13", "河北省"},
    {"14", "山西省"},           {"15", "内蒙古自治区"},   {"21", "辽宁省"},
    {"22", "吉林省"},           {"23", "黑龙江省"},       {"31", "上海市"},
    {"32", "江苏省"},           {"33", "浙江省"},         {"34", "安徽省"},
    {"35", "福建省"},           {"36", "江西省"},         {"37", "山东省"},
    {"41", "河南省"},           {"42", "湖北省"},         {"43", "湖南省"},
    {"44", "广东省"},           {"45", "广西壮族自治区"}, {"46", "海南省"},
    {"50", "重庆市"},           {"51", "四川省"},         {"52", "贵州省"},
    {"53", "云南省"},           {"54", "西藏自治区"},     {"61", "陕西省"},
    {"62", "甘肃省"},           {"63", "青海省"},         {"64", "宁夏回族自治区"},
    {"65", "新疆维吾尔自治区"}, {"71", "台湾省"},         {"81", "香港特别行政区"},
    {"82", "澳门特别行政区"},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<std::string_view> province_name(std::string_view code) {
  if (code.size() < 2) return std::nullopt;
  for (const auto& [prefix, name] : kProvinces) {
    if (code.substr(0, 2) == prefix) return name;
  }
  return std::nullopt;
}

Status validate_division_code(std::string_view code, std::string_view field) {
  const std::string field_name(field);
  // Counted in characters, not bytes, so that "33０681" reads as six characters with a
  // wrong one rather than as eight.
  const std::size_t length = is_valid_utf8(code) ? utf8_length(code) : code.size();
  if (length != 6) {
    return std::unexpected(Error::invalid(
        "division_format",
        fmt::format("行政区划代码应为 6 位数字, 实为 {} 位 (an administrative division code has 6 "
                    "digits, found {})",
                    length, length),
        field_name));
  }
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (!is_digit(code[i])) {
      // Characters before this one are ASCII digits, so the byte index is the position.
      return std::unexpected(Error::invalid(
          "division_format",
          fmt::format("行政区划代码第 {} 位应为数字 (position {} of an administrative division "
                      "code must be a digit)",
                      i + 1, i + 1),
          field_name));
    }
  }
  if (!province_name(code)) {
    return std::unexpected(Error::invalid(
        "division_province",
        fmt::format("行政区划代码 {} 的前两位 {} 不是省级行政区 (the first two digits {} of {} "
                    "name no province-level division)",
                    code, code.substr(0, 2), code.substr(0, 2), code),
        field_name));
  }
  return {};
}

}  // namespace jingkai
