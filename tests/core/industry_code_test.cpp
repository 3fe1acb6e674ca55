// The industrial classification GB/T 4754-2017 (国民经济行业分类), as shipped and as text.
#include "core/industry_code.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace jingkai {
namespace {

std::string shipped_text() {
  std::ifstream in(JINGKAI_SOURCE_DIR "/data/industry-codes-gb4754-2017.txt");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const IndustryCatalog& shipped() {
  static const IndustryCatalog catalog = [] {
    auto parsed = IndustryCatalog::parse(shipped_text());
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *parsed;
  }();
  return catalog;
}

std::string name_of(std::string_view code) {
  const IndustryEntry* entry = shipped().find(code);
  return entry ? entry->name : "(none)";
}

Error parse_failure(std::string_view text) {
  auto parsed = IndustryCatalog::parse(text);
  EXPECT_FALSE(parsed) << text;
  return parsed ? Error{} : parsed.error();
}

Error validate_failure(std::string_view code) {
  auto entry = shipped().validate(code);
  EXPECT_FALSE(entry) << code;
  return entry ? Error{} : entry.error();
}

// --- the shipped file -----------------------------------------------------------------------

TEST(IndustryCatalog, TheShippedFileHoldsEveryLevel) {
  std::map<std::size_t, int> by_length;
  for (const auto& entry : shipped().entries()) ++by_length[entry.code.size()];
  EXPECT_EQ(by_length[1], 20);   // 门类 A-T
  EXPECT_EQ(by_length[2], 97);   // 大类
  EXPECT_EQ(by_length[3], 473);  // 中类
  // The standard counts 1380 classes as published and 1382 as amended in 2019; the shipped
  // transcription holds 1381 (see the file's header).
  EXPECT_EQ(by_length[4], 1381);
  EXPECT_EQ(shipped().size(), 20u + 97 + 473 + 1381);
}

TEST(IndustryCatalog, SectionsRunFromAToT) {
  std::string sections;
  for (const auto& entry : shipped().entries()) {
    if (entry.code.size() == 1) sections += entry.code;
  }
  EXPECT_EQ(sections, "ABCDEFGHIJKLMNOPQRST");
  EXPECT_EQ(name_of("A"), "农、林、牧、渔业");
  EXPECT_EQ(name_of("C"), "制造业");
  EXPECT_EQ(name_of("I"), "信息传输、软件和信息技术服务业");
  EXPECT_EQ(name_of("T"), "国际组织");
}

TEST(IndustryCatalog, DivisionsAreNumberedOneToNinetySevenInTheirSections) {
  // Divisions 01-97 without gaps; manufacturing (C) is 13-43.
  for (int division = 1; division <= 97; ++division) {
    const std::string code = fmt::format("{:02}", division);
    ASSERT_NE(shipped().find(code), nullptr) << code;
  }
  EXPECT_EQ(shipped().find("98"), nullptr);
  EXPECT_EQ(shipped().find("00"), nullptr);
  for (int division = 13; division <= 43; ++division) {
    EXPECT_EQ(shipped().find(fmt::format("{}", division))->section, 'C') << division;
  }
  EXPECT_EQ(shipped().find("12")->section, 'B');
  EXPECT_EQ(shipped().find("44")->section, 'D');
}

TEST(IndustryCatalog, EveryEntryBelongsToTheLevelAboveIt) {
  for (const auto& entry : shipped().entries()) {
    EXPECT_FALSE(entry.name.empty()) << entry.code;
    if (entry.code.size() == 1) {
      EXPECT_EQ(entry.section, entry.code[0]);
      continue;
    }
    if (entry.code.size() > 2) {
      const IndustryEntry* parent = shipped().find(entry.code.substr(0, entry.code.size() - 1));
      ASSERT_NE(parent, nullptr) << entry.code;
      EXPECT_EQ(parent->section, entry.section) << entry.code;
    }
  }
}

TEST(IndustryCatalog, EveryGroupHasAClass) {
  for (const auto& entry : shipped().entries()) {
    if (entry.code.size() != 3) continue;
    int classes = 0;
    for (char digit = '0'; digit <= '9'; ++digit) {
      if (shipped().find(entry.code + digit)) ++classes;
    }
    EXPECT_GE(classes, 1) << entry.code << " " << entry.name;
  }
}

TEST(IndustryCatalog, WellKnownEntriesOfTheZone) {
  // Zhuji's chains: copper and metal products, socks and textiles, new-energy vehicles.
  EXPECT_EQ(name_of("36"), "汽车制造业");
  EXPECT_EQ(name_of("361"), "汽车整车制造");
  EXPECT_EQ(name_of("3611"), "汽柴油车整车制造");
  EXPECT_EQ(name_of("3612"), "新能源车整车制造");
  EXPECT_EQ(name_of("3670"), "汽车零部件及配件制造");
  EXPECT_EQ(name_of("3211"), "铜冶炼");
  EXPECT_EQ(name_of("3251"), "铜压延加工");
  EXPECT_EQ(name_of("1763"), "针织或钩针编织品制造");
  EXPECT_EQ(name_of("3841"), "锂离子电池制造");
  EXPECT_EQ(name_of("3825"), "光伏设备及元器件制造");
  EXPECT_EQ(name_of("3973"), "集成电路制造");
  EXPECT_EQ(name_of("6520"), "集成电路设计");
  EXPECT_EQ(name_of("6513"), "应用软件开发");
  EXPECT_EQ(name_of("3742"), "航天器及运载火箭制造");
  EXPECT_EQ(name_of("7221"), "园区管理服务");
  EXPECT_EQ(name_of("0111"), "稻谷种植");
  EXPECT_EQ(name_of("9700"), "国际组织");
}

TEST(IndustryCatalog, SingleClassGroupsCarryTheClassName) {
  EXPECT_EQ(name_of("019"), "其他农业");
  EXPECT_EQ(name_of("0190"), "其他农业");
  EXPECT_EQ(name_of("362"), "汽车用发动机制造");
  EXPECT_EQ(name_of("3620"), "汽车用发动机制造");
  EXPECT_EQ(name_of("910"), "中国共产党机关");
  EXPECT_EQ(name_of("9100"), "中国共产党机关");
}

TEST(IndustryCatalog, NamesUseFullWidthBracketsAndNoStraySpaces) {
  EXPECT_EQ(name_of("1922"), "皮箱、包（袋）制造");
  EXPECT_EQ(name_of("7517"), "三维（3D）打印技术推广服务");
  for (const auto& entry : shipped().entries()) {
    EXPECT_EQ(entry.name.find_first_of("() ?\t"), std::string::npos) << entry.code;
    EXPECT_EQ(entry.name.find("\u3000"), std::string::npos) << entry.code;
  }
}

TEST(IndustryCatalog, FindTakesExactCodesOfAnyLevel) {
  EXPECT_EQ(shipped().find("C")->section, 'C');
  EXPECT_EQ(shipped().find("3612")->section, 'C');
  EXPECT_EQ(shipped().find("3612")->code, "3612");
  EXPECT_EQ(shipped().find("c"), nullptr);
  EXPECT_EQ(shipped().find("U"), nullptr);
  EXPECT_EQ(shipped().find(""), nullptr);
  EXPECT_EQ(shipped().find("36120"), nullptr);
  EXPECT_EQ(shipped().find(" 3612"), nullptr);
  EXPECT_EQ(shipped().find("C3612"), nullptr);
}

TEST(IndustryCatalog, DivisionAndSectionOfACode) {
  EXPECT_EQ(shipped().division_of("3612")->code, "36");
  EXPECT_EQ(shipped().division_of("361")->code, "36");
  EXPECT_EQ(shipped().division_of("36")->code, "36");
  EXPECT_EQ(shipped().division_of("C"), nullptr);
  EXPECT_EQ(shipped().division_of("3699"), nullptr);  // not a class of the catalogue
  EXPECT_EQ(shipped().section_of("3612")->name, "制造业");
  EXPECT_EQ(shipped().section_of("6513")->code, "I");
  EXPECT_EQ(shipped().section_of("C")->code, "C");
  EXPECT_EQ(shipped().section_of("3699"), nullptr);
}

// --- validating an enterprise's code --------------------------------------------------------

TEST(IndustryCatalog, ValidateAcceptsClassesGroupsAndDivisions) {
  for (const char* code : {"3612", "361", "36", "0111", "01", "9700", " 3612 ", "3612\n"}) {
    auto entry = shipped().validate(code);
    ASSERT_TRUE(entry) << code << ": " << entry.error().message;
    EXPECT_NE(*entry, nullptr);
  }
  EXPECT_EQ((*shipped().validate("3612"))->name, "新能源车整车制造");
  EXPECT_EQ((*shipped().validate("  36"))->code, "36");
}

TEST(IndustryCatalog, ValidateRejectsWhatIsNotTwoToFourDigits) {
  for (const char* code :
       {"", "3", "36120", "C", "C3612", "36a2", "３６１２", "36.12", "-361", "   "}) {
    auto error = validate_failure(code);
    EXPECT_EQ(error.code, "industry_format") << code;
    EXPECT_EQ(error.field, "industry_code");
    EXPECT_EQ(error.kind, ErrorKind::invalid_input);
  }
  EXPECT_EQ(validate_failure("C3612").message,
            "行业代码应为 2 至 4 位数字, 实为 \"C3612\" (an industry code has 2 to 4 digits, "
            "found \"C3612\")");
}

TEST(IndustryCatalog, ValidateFormatMessagesStayUtf8) {
  auto error = validate_failure(std::string("36\xFF"));
  EXPECT_EQ(error.code, "industry_format");
  EXPECT_NE(error.message.find("\"36?\""), std::string::npos) << error.message;
}

TEST(IndustryCatalog, ValidateRejectsCodesTheCatalogueLacks) {
  auto error = validate_failure("3613");
  EXPECT_EQ(error.code, "industry_unknown");
  EXPECT_EQ(error.field, "industry_code");
  EXPECT_EQ(error.message,
            "行业代码 3613 不在 GB/T 4754-2017 中, 361 汽车整车制造 之下没有此代码 (industry code "
            "3613 is not in GB/T 4754-2017; 361 汽车整车制造 has no such entry)");

  EXPECT_NE(validate_failure("3680").message.find("36 汽车制造业"), std::string::npos);
  EXPECT_NE(validate_failure("368").message.find("36 汽车制造业"), std::string::npos);
  EXPECT_EQ(validate_failure("98").message,
            "行业代码 98 不在 GB/T 4754-2017 中 (industry code 98 is not in GB/T 4754-2017)");
  EXPECT_EQ(validate_failure("9876").code, "industry_unknown");
  EXPECT_EQ(validate_failure("00").code, "industry_unknown");
}

TEST(IndustryCatalog, CodesOfTheStandardOf2011AreNotAccepted) {
  // GB/T 4754-2011 had 3610 汽车整车制造; 2017 split it into 3611 and 3612.
  EXPECT_EQ(validate_failure("3610").code, "industry_unknown");
}

// --- the text form --------------------------------------------------------------------------

TEST(IndustryCatalog, ParsesTheTextForm) {
  auto catalog = IndustryCatalog::parse(
      "# header\n"
      "\n"
      "C\t制造业\r\n"
      "36\t汽车制造业\n"
      "361\t汽车整车制造\n"
      "3612\t新能源车整车制造  \n"
      "D\t电力、热力、燃气及水生产和供应业\n"
      "44\t电力、热力生产和供应业");  // no final newline
  ASSERT_TRUE(catalog) << catalog.error().message;
  EXPECT_EQ(catalog->size(), 6u);
  EXPECT_EQ(catalog->find("3612")->name, "新能源车整车制造");  // trailing blanks trimmed
  EXPECT_EQ(catalog->find("44")->section, 'D');
  EXPECT_EQ(catalog->entries().front().code, "C");
  EXPECT_EQ(catalog->entries().back().code, "44");
}

TEST(IndustryCatalog, AnEmptyTextIsAnEmptyCatalogue) {
  auto catalog = IndustryCatalog::parse("# nothing\n\n");
  ASSERT_TRUE(catalog);
  EXPECT_EQ(catalog->size(), 0u);
  EXPECT_EQ(catalog->validate("36").error().code, "industry_unknown");
}

TEST(IndustryCatalog, BadLinesAreNamed) {
  struct Case {
    std::string text;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"C\t制造业\n36 汽车制造业\n", "第 2 行: 应为 代码<TAB>名称"},
           {"C\t\n", "第 1 行: C 没有名称"},
           {"C\t   \n", "第 1 行: C 没有名称"},
           {"c\t制造业\n", "第 1 行: 代码 c 应为一个大写字母或 2-4 位数字"},
           {"C\t制造业\n3\t汽车\n", "第 2 行: 代码 3 应为一个大写字母或 2-4 位数字"},
           {"C\t制造业\n36120\t汽车\n", "第 2 行: 代码 36120 应为"},
           {"C\t制造业\n3a\t汽车\n", "第 2 行: 代码 3a 应为"},
           {"C\t制造业\nCC\t汽车\n", "第 2 行: 代码 CC 应为"},
           {"C\t制造业\n\t汽车\n", "第 2 行: 代码  应为"},
           {"C\t制造业\n36\t汽车制造业\n36\t汽车\n",
            "第 3 行: 代码 36 重复 (code 36 listed twice)"},
           {"C\t制造业\nC\t制造\n", "第 2 行: 代码 C 重复"},
           {"36\t汽车制造业\n", "第 1 行: 36 之前没有门类 (no section before 36)"},
           {"C\t制造业\n361\t汽车整车制造\n", "第 2 行: 361 的上级 36 未列出"},
           {"C\t制造业\n36\t汽车制造业\n3612\t新能源车\n", "第 3 行: 3612 的上级 361 未列出"},
           {std::string("C\t\xFF\xFE\n"), "第 1 行: 名称不是有效的 UTF-8"},
       }) {
    auto error = parse_failure(c.text);
    EXPECT_EQ(error.code, "industry_syntax") << c.text;
    EXPECT_EQ(error.field, "industry_catalog");
    EXPECT_NE(error.message.find(c.message), std::string::npos)
        << c.text << " -> " << error.message;
  }
}

TEST(IndustryCatalog, TheShippedTextWithALineBrokenNamesThatLine) {
  // Damage one class line in the middle of the real file: the error points at it.
  std::string text = shipped_text();
  const auto at = text.find("\n3612\t");
  ASSERT_NE(at, std::string::npos);
  text.replace(at + 1 + 4, 1, " ");  // the tab after 3612 becomes a space
  const std::size_t line = std::count(text.begin(), text.begin() + at + 1, '\n') + 1;
  auto error = parse_failure(text);
  EXPECT_NE(error.message.find(fmt::format("第 {} 行", line)), std::string::npos) << error.message;
}

}  // namespace
}  // namespace jingkai
