// PinyinIndex: the initial letters of the Mandarin readings (拼音首字母) of Chinese text, as
// registries and search boxes use them: 浙江海亮股份有限公司 -> ZJHLGFYXGS.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"

namespace jingkai {

class PinyinIndex {
 public:
  // Reads the text form of data/pinyin-initials.txt (scripts/gen-pinyin-initials writes it
  // from the Unicode Han database):
  //   LETTER<TAB>characters   every character on the line reads with initial LETTER (A-Z);
  //   WORD<TAB>INITIALS       a word of two or more characters and one letter for each, for
  //                           words whose reading differs from their characters' (银行 YH);
  //   # comment, blank lines.
  // Errors (Error::invalid, code pinyin_syntax, field "pinyin") name the line: no tab, a
  // letter that is not A-Z, ASCII or invalid UTF-8 among the characters, a character or
  // word listed twice, a word whose initials do not match its length.
  static Result<PinyinIndex> parse(std::string_view text);

  // The upper-case initial of each Chinese character the index knows, words first (the
  // longest that matches), ASCII and full-width letters and digits kept and upper-cased;
  // everything else (punctuation, spaces, emoji, characters the index lacks, bytes that are
  // not UTF-8) is dropped. "ABC科技" -> "ABCKJ".
  std::string initials(std::string_view utf8) const;

  // How many characters and words the index holds.
  std::size_t characters() const { return letters_.size(); }
  std::size_t words() const { return word_count_; }

 private:
  struct Word {
    std::u32string text;  // the whole word, its first character included
    std::string letters;
  };

  std::unordered_map<char32_t, char> letters_;
  // Keyed by the first character, longest first.
  std::unordered_map<char32_t, std::vector<Word>> words_;
  std::size_t word_count_ = 0;
};

}  // namespace jingkai
