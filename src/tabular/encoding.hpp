// Byte-level checks and conversions behind open_table and CsvWriter: UTF-8 validation with
// the place of the first bad byte, GB18030 <-> UTF-8 through iconv, and telling text from
// binary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace jingkai::tabular {

// Length of the longest prefix of `text` that is well-formed UTF-8; text.size() when all is.
std::size_t valid_utf8_prefix(std::string_view text);

// What kind of binary file `bytes` looks like ("PNG image", "legacy Excel (.xls)", …), or an
// empty view when it may be text. Text has no NUL byte and few control characters.
std::string_view binary_kind(std::string_view bytes);

// GB18030 (so GBK and GB2312) into UTF-8 `out` in one pass; std::string_view::npos, or the
// offset of the first byte that does not decode (`out` then holds what came before it). Large
// inputs go through a table of the two-byte codes built from iconv, small ones through iconv
// itself; both give the same text and the same offsets.
std::size_t decode_gbk(std::string_view bytes, std::string& out);

// decode_gbk as a Result. An undecodable byte is table_encoding
// naming its line and byte offset.
Result<std::string> gbk_to_utf8(std::string_view bytes);

// UTF-8 to GBK; a character GBK lacks is table_encoding naming its byte offset.
Result<std::string> utf8_to_gbk(std::string_view text);

// The table_encoding error for a bad byte at `offset` of `bytes` in `encoding_name`.
Error encoding_error(std::string_view bytes, std::size_t offset, std::string_view encoding_name);

}  // namespace jingkai::tabular
