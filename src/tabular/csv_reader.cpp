#include "tabular/csv_reader.hpp"

#include <fmt/format.h>

#include <cstring>

#include "tabular/formula_guard.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jingkai::tabular {
namespace {

// The end of an unquoted field: the first comma, LF or CR at or after `p`. Sixteen bytes per
// step where SSE2 is there, since this loop is most of the reader's time.
const char* field_end(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                     _mm_cmpeq_epi8(v, cr));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end && *p != ',' && *p != '\n' && *p != '\r') ++p;
  return p;
}

class CsvReader final : public TableReader {
 public:
  explicit CsvReader(std::string text) : text_(std::move(text)) {}

  Result<bool> next(std::vector<std::string>& cells) override {
    const char* const begin = text_.data();
    const char* const end = begin + text_.size();
    const char* p = begin + pos_;
    if (p == end) return false;
    ++row_;
    std::size_t used = 0;
    if (*p != '\n' && *p != '\r') {
      for (;;) {
        if (used == cells.size()) cells.emplace_back();
        std::string& cell = cells[used++];
        if (*p == '"') {
          cell.clear();
          ++p;
          for (;;) {
            const auto* quote = static_cast<const char*>(std::memchr(p, '"', end - p));
            if (quote == nullptr) {
              return std::unexpected(Error::invalid(
                  "csv_unterminated_quote",
                  fmt::format("第 {0} 行第 {1} 列：引号没有闭合 (row {0}, column {1}: a quoted "
                              "field is never closed)",
                              row_, used),
                  "file"));
            }
            cell.append(p, quote);
            p = quote + 1;
            if (p == end || *p != '"') break;
            cell.push_back('"');
            ++p;
          }
          const char* stop = field_end(p, end);
          cell.append(p, stop);
          p = stop;
        } else {
          const char* stop = field_end(p, end);
          cell.assign(p, stop);
          p = stop;
        }
        if (!cell.empty() && cell.front() == '\'' && needs_formula_guard(cell)) cell.erase(0, 1);
        if (p == end || *p != ',') break;
        ++p;
        if (p == end) {
          // "a,b," at the very end: the comma promises one more, empty, cell.
          if (used == cells.size()) cells.emplace_back();
          cells[used++].clear();
          break;
        }
      }
    }
    // Here p is at the end or at the CR or LF that ends the row.
    if (p != end && *p++ == '\r' && p != end && *p == '\n') ++p;
    cells.resize(used);
    pos_ = static_cast<std::size_t>(p - begin);
    return true;
  }

  std::int64_t row_number() const override { return row_; }

  double progress() const override {
    return text_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(text_.size());
  }

 private:
  std::string text_;
  std::size_t pos_ = 0;
  std::int64_t row_ = 0;
};

}  // namespace

std::unique_ptr<TableReader> open_csv(std::string text) {
  return std::make_unique<CsvReader>(std::move(text));
}

}  // namespace jingkai::tabular
