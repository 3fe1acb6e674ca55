#include "core/pinyin.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "core/text.hpp"

namespace jingkai {
namespace {

// Decodes well-formed UTF-8; a byte that starts no well-formed sequence is skipped, so that
// text pasted from a legacy encoding loses only its broken characters.
std::u32string decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
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
    } else if (lead >= 0x80) {
      ++i;  // a continuation byte without a lead
      continue;
    }
    if (i + length > text.size() || !is_valid_utf8(text.substr(i, length))) {
      ++i;
      continue;
    }
    char32_t point = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(point);
    i += length;
  }
  return out;
}

std::string encode(char32_t point) {
  std::string out;
  if (point < 0x80) {
    out.push_back(static_cast<char>(point));
  } else if (point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (point >> 6)));
    out.push_back(static_cast<char>(0x80 | (point & 0x3F)));
  } else if (point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (point & 0x3F)));
  }
  return out;
}

// ASCII and full-width (全角, as Chinese input methods type them) letters and digits, as the
// upper-case ASCII character they stand for.
std::optional<char> alphanumeric(char32_t point) {
  if (point >= 0xFF10 && point <= 0xFF19) point = point - 0xFF10 + U'0';
  if (point >= 0xFF21 && point <= 0xFF3A) point = point - 0xFF21 + U'A';
  if (point >= 0xFF41 && point <= 0xFF5A) point = point - 0xFF41 + U'a';
  if (point >= U'0' && point <= U'9') return static_cast<char>(point);
  if (point >= U'A' && point <= U'Z') return static_cast<char>(point);
  if (point >= U'a' && point <= U'z') return static_cast<char>(point - U'a' + U'A');
  return std::nullopt;
}

Error line_error(std::size_t line, std::string message) {
  return Error::invalid("pinyin_syntax", fmt::format("第 {} 行: {}", line, message), "pinyin");
}

}  // namespace

Result<PinyinIndex> PinyinIndex::parse(std::string_view text) {
  PinyinIndex index;
  std::unordered_map<char32_t, std::size_t> listed_on;  // character -> line
  std::unordered_map<std::u32string, std::size_t> word_on;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;

    const auto tab = line.find('\t');
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
      return std::unexpected(
          line_error(line_number,
                     "应为 字母<TAB>汉字 或 词<TAB>首字母 (expected LETTER<TAB>characters or "
                     "WORD<TAB>INITIALS)"));
    }
    const std::string_view key = line.substr(0, tab);
    const std::string_view value = line.substr(tab + 1);
    if (!is_valid_utf8(key) || !is_valid_utf8(value)) {
      return std::unexpected(line_error(line_number, "不是有效的 UTF-8 (not valid UTF-8)"));
    }

    if (key.size() == 1) {
      const char letter = key.front();
      if (letter < 'A' || letter > 'Z') {
        return std::unexpected(line_error(
            line_number,
            fmt::format("首字母应为 A-Z, 实为 {} (the initial must be A-Z, found {})", key, key)));
      }
      const std::u32string characters = decode(value);
      if (characters.empty()) {
        return std::unexpected(line_error(line_number, "没有汉字 (no characters)"));
      }
      for (char32_t c : characters) {
        if (c < 0x80) {
          return std::unexpected(line_error(
              line_number, fmt::format("ASCII 字符 '{}' 不能列为汉字 (ASCII character '{}' "
                                       "cannot be listed)",
                                       static_cast<char>(c), static_cast<char>(c))));
        }
        const auto [at, inserted] = listed_on.emplace(c, line_number);
        if (!inserted) {
          return std::unexpected(line_error(
              line_number, fmt::format("{} 已在第 {} 行列出 ({} is listed on line {} already)",
                                       encode(c), at->second, encode(c), at->second)));
        }
        index.letters_.emplace(c, letter);
      }
      continue;
    }

    Word word{decode(key), std::string(value)};
    if (word.text.size() < 2 ||
        std::any_of(word.text.begin(), word.text.end(), [](char32_t c) { return c < 0x80; })) {
      return std::unexpected(line_error(
          line_number,
          fmt::format("{} 应为一个大写字母或两个以上汉字 ({} must be one capital letter or a "
                      "word of two or more characters)",
                      key, key)));
    }
    if (word.letters.size() != word.text.size() ||
        !std::all_of(word.letters.begin(), word.letters.end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return std::unexpected(line_error(
          line_number,
          fmt::format("{} 的首字母应为 {} 个 A-Z 字母, 实为 {} (the initials of {} must be {} "
                      "letters A-Z, found {})",
                      key, word.text.size(), value, key, word.text.size(), value)));
    }
    const auto [at, inserted] = word_on.emplace(word.text, line_number);
    if (!inserted) {
      return std::unexpected(line_error(
          line_number, fmt::format("{} 已在第 {} 行列出 ({} is listed on line {} already)", key,
                                   at->second, key, at->second)));
    }
    index.words_[word.text.front()].push_back(std::move(word));
    ++index.word_count_;
  }
  for (auto& [first, words] : index.words_) {
    std::stable_sort(words.begin(), words.end(),
                     [](const Word& a, const Word& b) { return a.text.size() > b.text.size(); });
  }
  return index;
}

std::string PinyinIndex::initials(std::string_view utf8) const {
  const std::u32string text = decode(utf8);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t c = text[i];
    if (auto ascii = alphanumeric(c)) {
      out.push_back(*ascii);
      ++i;
      continue;
    }
    if (auto words = words_.find(c); words != words_.end()) {
      const auto match = std::find_if(
          words->second.begin(), words->second.end(),
          [&](const Word& word) { return text.compare(i, word.text.size(), word.text) == 0; });
      if (match != words->second.end()) {
        out += match->letters;
        i += match->text.size();
        continue;
      }
    }
    if (auto letter = letters_.find(c); letter != letters_.end()) out.push_back(letter->second);
    ++i;
  }
  return out;
}

}  // namespace jingkai
