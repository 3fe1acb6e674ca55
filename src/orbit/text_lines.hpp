// Reading text files line by line, as the orbit library's parsers do.
#pragma once

#include <string_view>

namespace jingkai::orbit {

// Takes the next line off the front of `text` into `line`, without its "\n" or "\r\n";
// false once `text` is used up.
inline bool next_line(std::string_view& text, std::string_view& line) {
  if (text.empty()) return false;
  const std::size_t newline = text.find('\n');
  line = text.substr(0, newline);
  text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return true;
}

}  // namespace jingkai::orbit
