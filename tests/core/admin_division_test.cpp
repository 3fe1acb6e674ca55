// Administrative division codes (行政区划代码, GB/T 2260).
#include "core/admin_division.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jingkai {
namespace {

Error failure(std::string_view code, std::string_view field = "division") {
  auto status = validate_division_code(code, field);
  EXPECT_FALSE(status) << code << " accepted";
  return status ? Error{} : status.error();
}

TEST(AdminDivision, ZhejiangExample) {
  // 330681 诸暨市, a county-level city of 330600 绍兴市 in 33 浙江省.
  EXPECT_TRUE(validate_division_code("330681", "division"));
  EXPECT_TRUE(validate_division_code("330600", "division"));
  EXPECT_TRUE(validate_division_code("330000", "division"));
  EXPECT_EQ(province_name("330681"), "浙江省");
}

TEST(AdminDivision, NamesEveryProvinceLevelDivision) {
  const std::vector<std::pair<const char*, const char*>> provinces = {
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
  };
  for (const auto& [code, name] : provinces) {
    EXPECT_EQ(province_name(code), name) << code;
    EXPECT_EQ(province_name(std::string(code) + "0000"), name) << code;
    EXPECT_TRUE(validate_division_code(std::string(code) + "0000", "division")) << code;
  }
}

TEST(AdminDivision, ExactlyThirtyFourTwoDigitPrefixesAreProvinces) {
  std::string known;
  for (int prefix = 0; prefix < 100; ++prefix) {
    const std::string code = fmt::format("{:02}0101", prefix);
    const bool valid = bool(validate_division_code(code, "division"));
    EXPECT_EQ(valid, province_name(code).has_value()) << code;
    if (valid) known += code.substr(0, 2) + " ";
  }
  EXPECT_EQ(known,
            "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 "
            "63 64 65 71 81 82 ");
}

TEST(AdminDivision, ProvinceNameNeedsTwoDigitsOfAKnownProvince) {
  EXPECT_EQ(province_name(""), std::nullopt);
  EXPECT_EQ(province_name("3"), std::nullopt);
  EXPECT_EQ(province_name("10"), std::nullopt);
  EXPECT_EQ(province_name("100000"), std::nullopt);  // the whole country is no province
  EXPECT_EQ(province_name("99"), std::nullopt);
  EXPECT_EQ(province_name("3a"), std::nullopt);
  EXPECT_EQ(province_name("33"), "浙江省");
  EXPECT_EQ(province_name("33xx"), "浙江省");  // only the first two characters are read
}

TEST(AdminDivision, PrefectureAndCountyPartsAreAnyDigits) {
  for (const char* code : {"330000", "339999", "330099", "339900", "110101", "820000"}) {
    EXPECT_TRUE(validate_division_code(code, "division")) << code;
  }
}

TEST(AdminDivision, WrongLengthIsAFormatError) {
  for (const auto& [code, length] : std::vector<std::pair<std::string, int>>{{"", 0},
                                                                             {"3", 1},
                                                                             {"33068", 5},
                                                                             {"3306810", 7},
                                                                             {"33068100", 8},
                                                                             {" 330681", 7},
                                                                             {"诸暨市", 3}}) {
    auto error = failure(code);
    EXPECT_EQ(error.code, "division_format") << code;
    EXPECT_NE(error.message.find(fmt::format("实为 {} 位", length)), std::string::npos)
        << error.message;
    EXPECT_NE(error.message.find(fmt::format("found {})", length)), std::string::npos)
        << error.message;
  }
}

TEST(AdminDivision, ANonDigitIsAFormatErrorAtItsPosition) {
  for (std::size_t position = 1; position <= 6; ++position) {
    std::string code = "330681";
    code[position - 1] = 'x';
    auto error = failure(code);
    EXPECT_EQ(error.code, "division_format") << code;
    EXPECT_EQ(error.message, fmt::format("行政区划代码第 {} 位应为数字 (position {} of an "
                                         "administrative division code must be a digit)",
                                         position, position));
  }
  EXPECT_EQ(failure("33-681").code, "division_format");
  EXPECT_EQ(failure("3306 1").code, "division_format");
}

TEST(AdminDivision, FullWidthDigitsAreSixCharactersButNotDigits) {
  auto error = failure("33０681");
  EXPECT_EQ(error.code, "division_format");
  EXPECT_NE(error.message.find("第 3 位"), std::string::npos) << error.message;
}

TEST(AdminDivision, InvalidUtf8IsCountedByByteAndRejected) {
  EXPECT_EQ(failure(std::string("33068\xFF")).code, "division_format");
  EXPECT_EQ(failure(std::string("3306\xE8\xAF")).code, "division_format");
}

TEST(AdminDivision, UnknownProvinceIsItsOwnError) {
  for (const char* code : {"000000", "100000", "160101", "200000", "240000", "380000", "470000",
                           "550000", "660000", "700000", "720000", "800000", "830000", "990000"}) {
    auto error = failure(code);
    EXPECT_EQ(error.code, "division_province") << code;
    EXPECT_NE(error.message.find(code), std::string::npos) << error.message;
  }
  EXPECT_EQ(failure("990000").message,
            "行政区划代码 990000 的前两位 99 不是省级行政区 (the first two digits 99 of 990000 "
            "name no province-level division)");
}

TEST(AdminDivision, ErrorsCarryTheCallersField) {
  EXPECT_EQ(failure("33068", "registered_division").field, "registered_division");
  EXPECT_EQ(failure("990000", "address.division").field, "address.division");
  EXPECT_EQ(failure("990000").kind, ErrorKind::invalid_input);
}

}  // namespace
}  // namespace jingkai
