// What an import quotes back of a cell: enough to find it, never the megabytes it may hold.
#include "tabular/import_problem.hpp"

#include <gtest/gtest.h>

namespace jingkai::tabular {
namespace {

TEST(ImportProblem, AShortValueIsQuotedWhole) {
  EXPECT_EQ(excerpt(""), "");
  EXPECT_EQ(excerpt("12.5万"), "12.5万");
  EXPECT_EQ(excerpt(std::string(200, 'a')), std::string(200, 'a'));
}

TEST(ImportProblem, ALongValueKeepsItsFirst200CharactersAndAnEllipsis) {
  EXPECT_EQ(excerpt(std::string(201, 'a')), std::string(200, 'a') + "…");
  EXPECT_EQ(excerpt(std::string(20 << 20, 'a')), std::string(200, 'a') + "…");
  EXPECT_EQ(excerpt("abcdef", 3), "abc…");
}

TEST(ImportProblem, TheCutFallsBetweenCharactersNeverInsideOne) {
  std::string chinese;
  for (int i = 0; i < 300; ++i) chinese += "诸";
  std::string expected;
  for (int i = 0; i < 200; ++i) expected += "诸";
  EXPECT_EQ(excerpt(chinese), expected + "…");
  EXPECT_EQ(excerpt("a😀b😀c", 2), "a😀…");
  EXPECT_EQ(excerpt("😀😀😀", 3), "😀😀😀");
}

TEST(ImportProblem, BytesThatAreNotUtf8CountOneEachAndAreNeverSplitFurther) {
  EXPECT_EQ(excerpt("\xFF\xFE\xFD", 2), "\xFF\xFE…");
  // A lead byte whose sequence is cut short by the end of the text, or by a byte that is not a
  // continuation, is one character on its own.
  EXPECT_EQ(excerpt("\xE8\x90", 1), "\xE8…");
  EXPECT_EQ(excerpt("\xE8"
                    "ab",
                    2),
            "\xE8"
            "a…");
}

TEST(ImportProblem, TheValueIsKeptAsItsExcerpt) {
  const std::string huge(1 << 20, '9');
  const ImportProblem problem(7, "output", huge, "bad_amount", "金额无效 (bad amount)");
  EXPECT_EQ(problem.row, 7);
  EXPECT_EQ(problem.column, "output");
  EXPECT_EQ(problem.value, std::string(200, '9') + "…");
  EXPECT_EQ(problem.code, "bad_amount");
  EXPECT_EQ(problem.message, "金额无效 (bad amount)");
}

TEST(ImportProblem, AMessageThatQuotesTheValueQuotesItsExcerptEveryTime) {
  // What a 21 KB XLSX did: a 20 MiB cell, quoted once in the value and twice in the message.
  const std::string huge(20 << 20, '1');
  const std::string message = "金额须为数字: \"" + huge + "\" (amount in yuan: \"" + huge + "\")";
  const ImportProblem problem(2, "output", huge, "bad_amount", message);
  const std::string shown = std::string(200, '1') + "…";
  EXPECT_EQ(problem.message, "金额须为数字: \"" + shown + "\" (amount in yuan: \"" + shown + "\")");
}

TEST(ImportProblem, AnyMessageIsCutAtAThousandCharacters) {
  const ImportProblem problem(2, "name", "short", "bad", std::string(5000, 'm'));
  EXPECT_EQ(problem.value, "short");
  EXPECT_EQ(problem.message, std::string(1000, 'm') + "…");
}

TEST(ImportProblem, ShortValuesAndMessagesAreLeftAlone) {
  const ImportProblem problem(3, "period", "2025-13", "bad_period", "统计期无效: \"2025-13\"");
  EXPECT_EQ(problem.value, "2025-13");
  EXPECT_EQ(problem.message, "统计期无效: \"2025-13\"");
}

}  // namespace
}  // namespace jingkai::tabular
