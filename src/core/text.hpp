// Text helpers for UTF-8 strings as users type them.
#pragma once

#include <cstddef>
#include <string_view>

namespace jingkai {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` without the spaces, tabs and line breaks around it.
std::string_view trim_blanks(std::string_view text);

// Number of code points in well-formed UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace jingkai
