// Paging of lists: every GET list takes page/page_size and answers with the total.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

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

// Collects every page of a list, for exports and whole-zone computations: `fetch` is called
// with pages 1, 2, … of the largest size until the total is reached. A bound keeps one
// request from holding the server for minutes.
template <typename T, typename Fetch>
Result<std::vector<T>> all_pages(Fetch&& fetch, std::int64_t max_rows = 1'000'000) {
  std::vector<T> items;
  PageRequest request{1, PageRequest::kMaxPageSize};
  for (;;) {
    Page<T> batch = TRY(fetch(request));
    if (items.empty()) items.reserve(std::size_t(std::min(batch.total, max_rows)));
    for (auto& item : batch.items) items.push_back(std::move(item));
    if (std::int64_t(items.size()) >= batch.total || batch.items.empty()) break;
    if (std::int64_t(items.size()) >= max_rows) {
      return std::unexpected(Error::invalid(
          "export_too_large", "导出超过 100 万行, 请缩小筛选范围 (more than 1,000,000 rows)"));
    }
    ++request.page;
  }
  return items;
}

}  // namespace jingkai
