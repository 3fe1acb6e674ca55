// CalendarRepo: the only SQL about imported calendar years.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace jingkai::calendar {

class CalendarRepo {
 public:
  // Every imported year's text (the file format of data/holidays-cn.txt), oldest import first.
  std::vector<std::string> imported(store::Tx& tx) const;
  // Stores one year's text, replacing an earlier import of that year.
  void save_year(store::Tx& tx, int year, const std::string& text, EpochMs now) const;
};

}  // namespace jingkai::calendar
