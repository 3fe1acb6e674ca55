// Paging of lists: every GET list takes page/page_size and answers with the total.
#pragma once

#include <cstdint>
#include <vector>

namespace jingkai {

struct PageRequest {
  static constexpr std::int64_t kMaxPageSize = 500;
  std::int64_t page = 1;  // 1-based
  std::int64_t page_size = 20;

  std::int64_t offset() const { return (page - 1) * page_size; }
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t page_size = 20;
};

}  // namespace jingkai
