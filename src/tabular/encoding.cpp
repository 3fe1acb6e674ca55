#include "tabular/encoding.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

namespace jingkai::tabular {
namespace {

// iconv_t closed on every path out.
class Converter {
 public:
  Converter(const char* to, const char* from) : handle_(iconv_open(to, from)) {}
  ~Converter() {
    if (ok()) iconv_close(handle_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool ok() const { return handle_ != reinterpret_cast<iconv_t>(-1); }

  // Converts all of `in`; on a bad or truncated sequence returns its offset in `in`.
  std::size_t convert(std::string_view in, std::string& out) {
    iconv(handle_, nullptr, nullptr, nullptr, nullptr);  // a fresh start after an error
    // Two-byte GBK becomes three-byte UTF-8 and the reverse shrinks, so 3/2 of the input plus
    // a little always fits; the loop below still grows the buffer if a converter disagrees.
    out.resize(in.size() + in.size() / 2 + 16);
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    std::size_t written = 0;
    while (src_left > 0) {
      char* dst = out.data() + written;
      std::size_t dst_left = out.size() - written;
      const std::size_t r = iconv(handle_, &src, &src_left, &dst, &dst_left);
      written = out.size() - dst_left;
      if (r != static_cast<std::size_t>(-1)) break;
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      out.resize(written);
      return in.size() - src_left;  // EILSEQ or EINVAL: the offset of the bad sequence
    }
    out.resize(written);
    return std::string_view::npos;
  }

 private:
  iconv_t handle_;
};

// Below this size iconv decodes the whole file; above it, building the table of two-byte codes
// (a few milliseconds) pays for itself.
constexpr std::size_t kGbkTableThreshold = 256 * 1024;
constexpr unsigned kLeadFirst = 0x81, kLeadLast = 0xFE, kTrailFirst = 0x40, kTrailLast = 0xFE;
constexpr unsigned kTrails = kTrailLast - kTrailFirst + 1;

// The UTF-8 of a two-byte GB18030 code; length 0 where the pair does not decode. Most are in
// the BMP, but GB18030-2022 moved a few (FE51, …) to ideographs beyond it: four bytes.
struct Utf8Code {
  std::uint8_t length = 0;
  char bytes[4] = {};
};

// Every two-byte code, each asked of iconv once.
std::vector<Utf8Code> two_byte_table(Converter& converter) {
  std::vector<Utf8Code> table((kLeadLast - kLeadFirst + 1) * kTrails);
  std::string out;
  for (unsigned lead = kLeadFirst; lead <= kLeadLast; ++lead) {
    for (unsigned trail = kTrailFirst; trail <= kTrailLast; ++trail) {
      const char pair[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      if (converter.convert(std::string_view(pair, 2), out) != std::string_view::npos) continue;
      if (out.empty() || out.size() > 4) continue;
      Utf8Code& code = table[(lead - kLeadFirst) * kTrails + (trail - kTrailFirst)];
      code.length = static_cast<std::uint8_t>(out.size());
      std::memcpy(code.bytes, out.data(), out.size());
    }
  }
  return table;
}

// GB18030 through the two-byte table: ASCII copied eight bytes at a time, the rare four-byte
// codes handed to iconv one by one. Gives what iconv gives, several times faster.
std::size_t decode_gbk_by_table(std::string_view bytes, std::string& out, Converter& converter) {
  const std::vector<Utf8Code> table = two_byte_table(converter);
  // Two bytes become at most four here, so the bound is twice the input, not 3/2.
  out.resize(2 * bytes.size() + 16);
  char* dst = out.data();
  const auto* const begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* const end = begin + bytes.size();
  const auto* p = begin;
  std::string four;
  while (p < end) {
    if (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        std::memcpy(dst, p, 8);
        dst += 8;
        p += 8;
        continue;
      }
    }
    const unsigned c = *p;
    if (c < 0x80) {
      *dst++ = static_cast<char>(c);
      ++p;
      continue;
    }
    const auto bad = static_cast<std::size_t>(p - begin);
    if (c < kLeadFirst || c > kLeadLast || end - p < 2) {
      out.resize(static_cast<std::size_t>(dst - out.data()));
      return bad;
    }
    const unsigned t = p[1];
    if (t >= '0' && t <= '9') {
      const std::size_t length = std::min<std::size_t>(4, static_cast<std::size_t>(end - p));
      if (converter.convert(std::string_view(reinterpret_cast<const char*>(p), length), four) !=
          std::string_view::npos) {
        out.resize(static_cast<std::size_t>(dst - out.data()));
        return bad;
      }
      std::memcpy(dst, four.data(), four.size());
      dst += four.size();
      p += 4;
      continue;
    }
    const Utf8Code* code = t >= kTrailFirst && t <= kTrailLast
                               ? &table[(c - kLeadFirst) * kTrails + (t - kTrailFirst)]
                               : nullptr;
    if (code == nullptr || code->length == 0) {
      out.resize(static_cast<std::size_t>(dst - out.data()));
      return bad;
    }
    std::memcpy(dst, code->bytes, 4);  // the buffer has room; only `length` bytes count
    dst += code->length;
    p += 2;
  }
  out.resize(static_cast<std::size_t>(dst - out.data()));
  return std::string_view::npos;
}

}  // namespace

std::size_t valid_utf8_prefix(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most CSV text is digits, commas and Latin letters.
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra;
    unsigned cp;
    unsigned min;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return i;
    }
    if (i + extra >= n) return i;
    for (std::size_t k = 1; k <= extra; ++k) {
      const unsigned d = p[i + k];
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += extra + 1;
  }
  return n;
}

std::string_view binary_kind(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return "旧版 Excel 文件 (legacy .xls)";
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) return "UTF-16 文本 (UTF-16 text)";
  if (starts("\x89PNG")) return "PNG 图片 (PNG image)";
  if (starts("\xFF\xD8\xFF")) return "JPEG 图片 (JPEG image)";
  if (starts("%PDF")) return "PDF 文件 (PDF document)";
  if (starts("\x7F"
             "ELF")) {
    return "可执行程序 (ELF executable)";
  }
  if (starts("\x1F\x8B")) return "gzip 压缩文件 (gzip archive)";
  if (starts("Rar!") || starts("7z\xBC\xAF")) return "压缩文件 (archive)";
  // Text has no NUL and hardly any control characters; a sample is enough to tell.
  const std::string_view sample = bytes.substr(0, 64 * 1024);
  std::size_t controls = 0;
  for (const char ch : sample) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return "二进制文件 (binary file)";
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) ++controls;
  }
  if (controls * 100 > sample.size()) return "二进制文件 (binary file)";
  return {};
}

Error encoding_error(std::string_view bytes, std::size_t offset, std::string_view encoding_name) {
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
  return Error::invalid("table_encoding",
                        fmt::format("文件不是有效的 {0} 编码：第 {1} 行，字节偏移 {2} "
                                    "(not valid {0}: line {1}, byte offset {2})",
                                    encoding_name, line, offset),
                        "file");
}

std::size_t decode_gbk(std::string_view bytes, std::string& out) {
  Converter converter("UTF-8", "GB18030");
  // glibc always has GB18030; without it nothing decodes, which the caller reports as such.
  if (!converter.ok()) return 0;
  if (bytes.size() >= kGbkTableThreshold) return decode_gbk_by_table(bytes, out, converter);
  return converter.convert(bytes, out);
}

Result<std::string> gbk_to_utf8(std::string_view bytes) {
  std::string out;
  const std::size_t bad = decode_gbk(bytes, out);
  if (bad != std::string_view::npos) return std::unexpected(encoding_error(bytes, bad, "GBK"));
  return out;
}

Result<std::string> utf8_to_gbk(std::string_view text) {
  Converter converter("GBK", "UTF-8");
  if (!converter.ok()) return std::unexpected(Error::internal("iconv: no GBK converter"));
  std::string out;
  const std::size_t bad = converter.convert(text, out);
  if (bad != std::string_view::npos) {
    return std::unexpected(Error::invalid(
        "table_encoding",
        fmt::format("第 {0} 字节处的字符无法用 GBK 表示 (the character at byte offset {0} has no "
                    "GBK encoding)",
                    bad),
        "file"));
  }
  return out;
}

}  // namespace jingkai::tabular
