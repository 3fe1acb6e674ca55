// The unified social credit code (统一社会信用代码) of GB 32100-2015, against codes that
// companies publish and against every kind of typing mistake.
#include "core/uscc.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jingkai {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Codes printed on business licences and in annual reports, as the national enterprise
// credit information publicity system (国家企业信用信息公示系统) shows them. A code typed
// from memory with one character wrong would pass both of its check characters with a
// chance of 1 in 341, so these also confirm that the checks are computed as the standard says.
struct Published {
  const char* code;
  const char* holder;
};
const std::vector<Published> kPublished = {
    {"914403001922038216", "华为技术有限公司"},
    {"9144030071526726XG", "腾讯科技(深圳)有限公司"},
    {"91330100716105852F", "阿里巴巴(中国)有限公司"},
    {"91110108551385082Q", "小米科技有限责任公司"},
    {"91110000802100433B", "百度在线网络技术(北京)有限公司"},
    {"91440300192317458F", "比亚迪股份有限公司"},
    {"91520000214434146R", "贵州茅台酒股份有限公司"},
    {"91100000100003962T", "中国工商银行股份有限公司"},
    {"911000001000013428", "中国银行股份有限公司"},
};

Error failure(std::string_view text) {
  auto parsed = Uscc::parse(text);
  EXPECT_FALSE(parsed) << text << " parsed";
  return parsed ? Error{} : parsed.error();
}

// 17 leading characters and the check character that makes them a code.
std::string completed(std::string first17) {
  first17.push_back(Uscc::check_character(first17));
  return first17;
}

std::string with(std::string code, std::size_t position, char c) {
  code[position - 1] = c;
  return code;
}

// --- valid codes ----------------------------------------------------------------------------

TEST(Uscc, AcceptsCodesThatCompaniesPublish) {
  for (const auto& published : kPublished) {
    auto parsed = Uscc::parse(published.code);
    ASSERT_TRUE(parsed) << published.holder << ": " << parsed.error().message;
    EXPECT_EQ(parsed->text(), published.code);
  }
}

TEST(Uscc, SplitsTheCodeIntoItsParts) {
  auto huawei = *Uscc::parse("914403001922038216");
  EXPECT_EQ(huawei.registration_authority(), '9');
  EXPECT_EQ(huawei.entity_type(), '1');
  EXPECT_EQ(huawei.division(), "440300");  // 深圳市
  EXPECT_EQ(huawei.organization_code(), "192203821");

  auto tencent = *Uscc::parse("9144030071526726XG");
  EXPECT_EQ(tencent.organization_code(), "71526726X");
  EXPECT_EQ(tencent.division(), "440300");
}

TEST(Uscc, TheNationalRegistryUsesTheDivisionOfTheWholeCountry) {
  auto icbc = *Uscc::parse("91100000100003962T");
  EXPECT_EQ(icbc.division(), "100000");
}

TEST(Uscc, AcceptsLowerCaseAndReturnsUpperCase) {
  auto parsed = Uscc::parse("9144030071526726xg");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->text(), "9144030071526726XG");
  EXPECT_EQ(Uscc::parse("91330681ma2be4r0xa")->text(), "91330681MA2BE4R0XA");
}

TEST(Uscc, TrimsSurroundingWhitespace) {
  for (const char* text : {" 914403001922038216", "914403001922038216 ", "\t914403001922038216\r\n",
                           "   914403001922038216\n\n"}) {
    auto parsed = Uscc::parse(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(parsed->text(), "914403001922038216");
  }
}

TEST(Uscc, ParsedCodesCompareByText) {
  EXPECT_EQ(*Uscc::parse("9144030071526726xg"), *Uscc::parse("9144030071526726XG"));
  EXPECT_NE(*Uscc::parse("914403001922038216"), *Uscc::parse("9144030071526726XG"));
}

TEST(Uscc, DefaultConstructedIsEmpty) {
  Uscc empty;
  EXPECT_EQ(empty.text(), "");
  EXPECT_EQ(empty.registration_authority(), '\0');
  EXPECT_EQ(empty.entity_type(), '\0');
  EXPECT_EQ(empty.division(), "");
  EXPECT_EQ(empty.organization_code(), "");
}

// --- check characters -----------------------------------------------------------------------

// Expected values worked out apart from this code base (a few lines of Python over the
// standard's formulas), for codes of the kinds a development zone registers.
TEST(Uscc, ComputesTheCheckCharacterOfSynthesizedCodes) {
  struct Case {
    const char* first17;
    char check;
  };
  for (const Case& c : std::vector<Case>{
           {"91330681MA2BE4R0X", 'A'},  // 企业 in 诸暨市
           {"92330681MA2C12344", 'G'},  // 个体工商户
           {"52330681MJ1234561", '7'},  // 民办非企业单位
           {"12330681000000000", 'J'},  // 事业单位
           {"N2330681N12345679", '5'},  // 村级集体经济组织
           {"Y1330681123456788", 'Y'},  // 其他
           {"91440300192203821", '6'},  // 华为
       }) {
    EXPECT_EQ(Uscc::check_character(c.first17), c.check) << c.first17;
    auto parsed = Uscc::parse(std::string(c.first17) + c.check);
    EXPECT_TRUE(parsed) << c.first17 << c.check << ": " << parsed.error().message;
  }
}

TEST(Uscc, ComputesTheOrganizationCheckCharacterOfGb11714) {
  EXPECT_EQ(Uscc::organization_check_character("19220382"), '1');  // 华为
  EXPECT_EQ(Uscc::organization_check_character("71526726"), 'X');  // 10 is written X
  EXPECT_EQ(Uscc::organization_check_character("00000000"), '0');  // 11 is written 0
  EXPECT_EQ(Uscc::organization_check_character("MA2BE4R0"), 'X');
  EXPECT_EQ(Uscc::organization_check_character("MA2C1234"), '4');
  EXPECT_EQ(Uscc::organization_check_character("N1234567"), '9');
  // GB 11714 allows every letter in the body, including those GB 32100 leaves out.
  EXPECT_NE(Uscc::organization_check_character("IOZSV123"), '\0');
}

TEST(Uscc, CheckCharacterFunctionsRejectWhatTheyCannotCompute) {
  EXPECT_EQ(Uscc::check_character(""), '\0');
  EXPECT_EQ(Uscc::check_character("9144030019220382"), '\0');    // 16
  EXPECT_EQ(Uscc::check_character("914403001922038211"), '\0');  // 18
  EXPECT_EQ(Uscc::check_character("9144030019220382I"), '\0');   // I is not in the set
  EXPECT_EQ(Uscc::check_character("914403001922038a1"), '\0');   // lower case
  EXPECT_EQ(Uscc::organization_check_character(""), '\0');
  EXPECT_EQ(Uscc::organization_check_character("1922038"), '\0');
  EXPECT_EQ(Uscc::organization_check_character("192203821"), '\0');
  EXPECT_EQ(Uscc::organization_check_character("1922038-"), '\0');
  EXPECT_EQ(Uscc::organization_check_character("1922038a"), '\0');
}

TEST(Uscc, EveryCheckCharacterOfTheSetOccurs) {
  // The 31 possible check characters are all reachable: vary the last body character.
  std::string seen;
  for (char c : kAlphabet) {
    const char check = Uscc::check_character(std::string("9133068100000000") + c);
    ASSERT_NE(check, '\0');
    if (seen.find(check) == std::string::npos) seen.push_back(check);
  }
  EXPECT_EQ(seen.size(), kAlphabet.size());
}

// --- the registration authority and entity type table ---------------------------------------

TEST(Uscc, KnowsTheAuthoritiesOfTheStandard) {
  EXPECT_EQ(Uscc::authority_name('1'), "机构编制");
  EXPECT_EQ(Uscc::authority_name('5'), "民政");
  EXPECT_EQ(Uscc::authority_name('9'), "市场监管(工商)");
  EXPECT_EQ(Uscc::authority_name('A'), "中央军委改革和编制办公室");
  EXPECT_EQ(Uscc::authority_name('N'), "农业");
  EXPECT_EQ(Uscc::authority_name('Y'), "其他");
  std::string authorities;
  for (char c : kAlphabet) {
    if (!Uscc::authority_name(c).empty()) authorities.push_back(c);
  }
  EXPECT_EQ(authorities, "123456789ANY");
}

TEST(Uscc, KnowsTheEntityTypesOfEachAuthority) {
  EXPECT_EQ(Uscc::entity_type_name('9', '1'), "企业");
  EXPECT_EQ(Uscc::entity_type_name('9', '2'), "个体工商户");
  EXPECT_EQ(Uscc::entity_type_name('9', '3'), "农民专业合作社");
  EXPECT_EQ(Uscc::entity_type_name('1', '2'), "事业单位");
  EXPECT_EQ(Uscc::entity_type_name('3', '5'), "仲裁委员会");
  EXPECT_EQ(Uscc::entity_type_name('N', '2'), "村级集体经济组织");
  EXPECT_EQ(Uscc::entity_type_name('9', '9'), "");  // market regulation has no "other"
  EXPECT_EQ(Uscc::entity_type_name('Y', '9'), "");
  EXPECT_EQ(Uscc::entity_type_name('B', '1'), "");

  auto types_of = [](char authority) {
    std::string types;
    for (char c : kAlphabet) {
      if (!Uscc::entity_type_name(authority, c).empty()) types.push_back(c);
    }
    return types;
  };
  EXPECT_EQ(types_of('1'), "1239");
  EXPECT_EQ(types_of('2'), "19");
  EXPECT_EQ(types_of('3'), "123459");
  EXPECT_EQ(types_of('4'), "19");
  EXPECT_EQ(types_of('5'), "1239");
  EXPECT_EQ(types_of('6'), "129");
  EXPECT_EQ(types_of('7'), "129");
  EXPECT_EQ(types_of('8'), "19");
  EXPECT_EQ(types_of('9'), "123");
  EXPECT_EQ(types_of('A'), "19");
  EXPECT_EQ(types_of('N'), "1239");
  EXPECT_EQ(types_of('Y'), "1");
}

TEST(Uscc, EveryAuthorityAndTypePairOfTheTableParses) {
  int valid = 0;
  for (char authority : kAlphabet) {
    for (char type : kAlphabet) {
      const std::string code = completed(with(with("91330681MA2BE4R0X", 1, authority), 2, type));
      const bool in_table = !Uscc::entity_type_name(authority, type).empty();
      auto parsed = Uscc::parse(code);
      EXPECT_EQ(bool(parsed), in_table) << code;
      if (parsed) ++valid;
      if (!parsed) {
        EXPECT_EQ(parsed.error().code,
                  Uscc::authority_name(authority).empty() ? "uscc_authority" : "uscc_type")
            << code;
      }
    }
  }
  EXPECT_EQ(valid, 36);
}

// --- errors, one code at a time -------------------------------------------------------------

TEST(Uscc, EveryErrorNamesTheFieldUscc) {
  for (const char* bad :
       {"", "91440300192203821", "9144030019220382I6", "B14403001922038216", "944403001922038216",
        "91A403001922038216", "914403001922038226", "914403001922038217"}) {
    auto error = failure(bad);
    EXPECT_EQ(error.kind, ErrorKind::invalid_input) << bad;
    EXPECT_EQ(error.field, "uscc") << bad;
  }
}

TEST(Uscc, LengthIsCountedInCharacters) {
  struct Case {
    std::string text;
    std::size_t length;
  };
  for (const Case& c : std::vector<Case>{
           {"", 0},
           {"   ", 0},
           {"9", 1},
           {"91440300192203821", 17},
           {"9144030019220382166", 19},
           {"914403001922038216914403001922038216", 36},
           {"9144 0300 1922 0382 16", 22},  // spaces inside are characters
           {"统一社会信用代码", 8},
       }) {
    auto error = failure(c.text);
    EXPECT_EQ(error.code, "uscc_length") << c.text;
    EXPECT_NE(error.message.find("实为 " + std::to_string(c.length) + " 位"), std::string::npos)
        << error.message;
    EXPECT_NE(error.message.find("found " + std::to_string(c.length) + ")"), std::string::npos)
        << error.message;
  }
}

TEST(Uscc, LengthMessageReadsInBothLanguages) {
  EXPECT_EQ(failure("91440300192203821").message,
            "统一社会信用代码应为 18 位, 实为 17 位 (a unified social credit code has 18 "
            "characters, found 17)");
}

TEST(Uscc, FullWidthDigitsAreTheRightLengthButTheWrongCharacters) {
  // Chinese input methods type full-width digits; each is one character of three bytes.
  auto error = failure("９１４４０３００１９２２０３８２１６");
  EXPECT_EQ(error.code, "uscc_charset");
  EXPECT_NE(error.message.find("第1位 ９"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("position 1 "), std::string::npos) << error.message;
}

TEST(Uscc, EachLetterTheStandardLeavesOutIsACharsetError) {
  for (char letter : std::string("IOZSV")) {
    for (std::size_t position : {1, 2, 9, 12, 16, 17, 18}) {
      auto error = failure(with("914403001922038216", position, letter));
      EXPECT_EQ(error.code, "uscc_charset") << letter << " at " << position;
      EXPECT_NE(error.message.find(fmt::format("第{}位 {} ", position, letter)), std::string::npos)
          << error.message;
      EXPECT_NE(error.message.find(fmt::format("character {} at position {} ", letter, position)),
                std::string::npos)
          << error.message;
    }
  }
}

TEST(Uscc, LowerCaseFormsOfTheLeftOutLettersAreStillCharsetErrors) {
  auto error = failure(with("914403001922038216", 10, 'o'));
  EXPECT_EQ(error.code, "uscc_charset");
  EXPECT_NE(error.message.find("position 10"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("第10位 o "), std::string::npos) << error.message;  // as typed
}

TEST(Uscc, PunctuationAndInnerSpacesAreCharsetErrors) {
  auto dash = failure("91440300-192203821");
  EXPECT_EQ(dash.code, "uscc_charset");
  EXPECT_NE(dash.message.find("第9位 - "), std::string::npos) << dash.message;

  auto space = failure("9144030019 2203821");
  EXPECT_EQ(space.code, "uscc_charset");
  EXPECT_NE(space.message.find("第11位 \\x20 "), std::string::npos) << space.message;
}

TEST(Uscc, ChineseCharactersAreNamedInTheMessage) {
  auto error = failure("91440300192203821码");
  EXPECT_EQ(error.code, "uscc_charset");
  EXPECT_NE(error.message.find("第18位 码 "), std::string::npos) << error.message;
}

TEST(Uscc, InvalidUtf8IsReportedByByteAndTheMessageStaysUtf8) {
  auto error = failure(std::string("91440300192203821") + '\xFF');
  EXPECT_EQ(error.code, "uscc_charset");
  EXPECT_NE(error.message.find("第18位 \\xFF "), std::string::npos) << error.message;

  // A truncated three-byte sequence is one character per byte.
  auto truncated = failure(std::string("9144030019220382") + "\xE7\xA0");
  EXPECT_EQ(truncated.code, "uscc_charset");
  EXPECT_NE(truncated.message.find("第17位 \\xE7 "), std::string::npos) << truncated.message;

  auto nul = failure(std::string("91440300192203821\0", 18));
  EXPECT_EQ(nul.code, "uscc_charset");
  EXPECT_NE(nul.message.find("\\x00"), std::string::npos) << nul.message;
}

TEST(Uscc, UnknownRegistrationAuthority) {
  for (char authority : std::string("0BCDEFGHJKLMPQRTUWX")) {
    auto error = failure(completed(with("91440300192203821", 1, authority)));
    EXPECT_EQ(error.code, "uscc_authority") << authority;
    EXPECT_NE(error.message.find(fmt::format("第1位 {} ", authority)), std::string::npos)
        << error.message;
    EXPECT_NE(error.message.find("position 1"), std::string::npos) << error.message;
  }
}

TEST(Uscc, EntityTypeMustBelongToTheAuthority) {
  auto error = failure("944403001922038216");
  EXPECT_EQ(error.code, "uscc_type");
  EXPECT_EQ(error.message,
            "统一社会信用代码第2位 4 不是登记管理部门 9 (市场监管(工商)) 的机构类别 (character 4 "
            "at position 2 is no entity type of registration authority 9)");
  EXPECT_EQ(failure("Y2330681123456788Y").code, "uscc_type");
  EXPECT_EQ(failure("A3330681123456788Y").code, "uscc_type");
}

TEST(Uscc, DivisionMustBeDigits) {
  for (std::size_t position = 3; position <= 8; ++position) {
    const std::string first17 = with("91440300192203821", position, 'A');
    auto error = failure(completed(first17));
    EXPECT_EQ(error.code, "uscc_division") << position;
    EXPECT_NE(error.message.find(fmt::format("第{}位", position)), std::string::npos)
        << error.message;
    EXPECT_NE(error.message.find(fmt::format("position {} ", position)), std::string::npos)
        << error.message;
  }
}

TEST(Uscc, DivisionMustNameAProvince) {
  for (const char* division :
       {"000000", "100681", "190000", "300681", "390681", "720000", "830000", "990000"}) {
    const std::string first17 = std::string("91") + division + "192203821";
    auto error = failure(completed(first17));
    EXPECT_EQ(error.code, "uscc_division") << division;
    EXPECT_NE(error.message.find(division), std::string::npos) << error.message;
    EXPECT_NE(error.message.find("positions 3-8"), std::string::npos) << error.message;
  }
  for (const char* division : {"110000", "330681", "650100", "710000", "810000", "820000"}) {
    const std::string first17 = std::string("91") + division + "192203821";
    EXPECT_TRUE(Uscc::parse(completed(first17))) << division;
  }
}

TEST(Uscc, OrganizationCheckCharacterNamesExpectedAndFound) {
  // 华为 with position 17 changed from 1 to 2, and position 18 fixed up to match.
  const std::string first17 = "91440300192203822";
  auto error = failure(completed(first17));
  EXPECT_EQ(error.code, "uscc_org_checksum");
  EXPECT_EQ(error.message,
            "统一社会信用代码第17位组织机构代码校验码应为 1, 实为 2 (organization code check "
            "character at position 17 should be 1, found 2)");
}

TEST(Uscc, OrganizationCheckCharacterIsADigitOrX) {
  // Only 0-9 and X can be a GB 11714 check character; any other letter at position 17 fails.
  for (char c : std::string("ABCDEFGHJKLMNPQRTUWY")) {
    const std::string first17 = with("91440300192203821", 17, c);
    EXPECT_EQ(failure(completed(first17)).code, "uscc_org_checksum") << c;
  }
}

TEST(Uscc, CheckCharacterNamesExpectedAndFound) {
  EXPECT_EQ(failure("914403001922038217").message,
            "统一社会信用代码第18位校验码应为 6, 实为 7 (check character at position 18 should be "
            "6, found 7)");
  auto error = failure("9144030071526726XA");
  EXPECT_EQ(error.code, "uscc_checksum");
  EXPECT_NE(error.message.find("应为 G, 实为 A"), std::string::npos) << error.message;
}

TEST(Uscc, TheExpectedCheckCharacterIsReportedUpperCase) {
  auto error = failure("9144030071526726xa");
  EXPECT_NE(error.message.find("应为 G, 实为 A"), std::string::npos) << error.message;
}

// --- typing mistakes ------------------------------------------------------------------------

// Every change of one character into another of the set is caught, and reported as the
// error of the position that was changed or of a check character after it.
TEST(Uscc, EverySingleCharacterChangeIsCaught) {
  int mutations = 0;
  for (const auto& published : kPublished) {
    const std::string code = published.code;
    for (std::size_t position = 1; position <= 18; ++position) {
      for (char c : kAlphabet) {
        if (c == code[position - 1]) continue;
        const std::string mutated = with(code, position, c);
        auto parsed = Uscc::parse(mutated);
        ASSERT_FALSE(parsed) << mutated << " from " << code;
        ++mutations;
        const std::string& error = parsed.error().code;
        if (position == 18) {
          EXPECT_EQ(error, "uscc_checksum") << mutated;
        } else if (position == 17) {
          EXPECT_EQ(error, "uscc_org_checksum") << mutated;
        } else if (position >= 9) {
          // GB 11714's modulus 11 misses changes by 11 (0 <-> B); GB 32100's catches them.
          EXPECT_TRUE(error == "uscc_org_checksum" || error == "uscc_checksum") << mutated;
        } else if (position >= 3) {
          EXPECT_TRUE(error == "uscc_division" || error == "uscc_checksum") << mutated;
        } else if (position == 2) {
          EXPECT_TRUE(error == "uscc_type" || error == "uscc_checksum") << mutated;
        } else {
          EXPECT_TRUE(error == "uscc_authority" || error == "uscc_type" ||
                      error == "uscc_division" || error == "uscc_checksum")
              << mutated;
        }
      }
    }
  }
  EXPECT_EQ(mutations, static_cast<int>(kPublished.size()) * 18 * 30);
}

TEST(Uscc, ChangesOfOneOrganizationCharacterByElevenReachTheFinalCheck) {
  // 华为's organization code 19220382: position 9 is '1'; 'C' is worth 12, eleven more.
  auto error = failure(with("914403001922038216", 9, 'C'));
  EXPECT_EQ(error.code, "uscc_checksum");
}

TEST(Uscc, EverySwapOfTwoNeighbouringCharactersIsCaught) {
  int swaps = 0;
  for (const auto& published : kPublished) {
    const std::string code = published.code;
    for (std::size_t i = 0; i + 1 < code.size(); ++i) {
      if (code[i] == code[i + 1]) continue;
      std::string swapped = code;
      std::swap(swapped[i], swapped[i + 1]);
      EXPECT_FALSE(Uscc::parse(swapped)) << swapped << " from " << code;
      ++swaps;
    }
  }
  EXPECT_GT(swaps, 100);
}

TEST(Uscc, SwapsFarApartWithinTheFirstSeventeenAreCaught) {
  // The weights 3^i mod 31 are all different, so exchanging any two different characters
  // among positions 1-17 changes the sum; the division and organization checks may speak first.
  const std::string code = "91330100716105852F";
  for (std::size_t i = 0; i < 17; ++i) {
    for (std::size_t j = i + 1; j < 17; ++j) {
      if (code[i] == code[j]) continue;
      std::string swapped = code;
      std::swap(swapped[i], swapped[j]);
      EXPECT_FALSE(Uscc::parse(swapped)) << swapped;
    }
  }
}

}  // namespace
}  // namespace jingkai
