// WorkCalendar: which days are working days (工作日) in mainland China, for time limits
// counted in working days (法定时限, 承诺时限). Weekends are off and weekdays on, except for
// the public holidays and make-up working days (调休) of each declared year.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace jingkai {

class WorkCalendar {
 public:
  // One declared year: where its dates come from and its exceptions to the weekly rhythm.
  struct Exception {
    Date first;
    Date last;  // == first for a single day
    bool working = false;
    std::string name;  // e.g. "春节", "春节调休"
  };
  struct Year {
    int year = 0;
    std::string source;  // e.g. the notice's number
    std::vector<Exception> exceptions;
  };

  // Reads the text form of data/holidays-cn.txt. Every error names the line and its cause:
  // an undeclared year, a date outside its year, an exception on a day of the kind it
  // already is (a holiday on a Sunday), a day listed twice.
  static Result<WorkCalendar> parse(std::string_view text);

  // The text form again, one declared year after another.
  std::string to_text() const;
  // The text form of one declared year alone; empty if the year is not declared.
  std::string year_text(int year) const;

  // The years `other` declares replace those of this calendar; the rest stay.
  void merge(const WorkCalendar& other);

  std::vector<int> years() const;
  bool covers(int year) const { return years_.contains(year); }

  // Errors with code "calendar_year_missing" for a date in a year the calendar lacks.
  Result<bool> is_working_day(Date day) const;

  // The day `days` working days after `from` (from itself not counted): days = 1 is the next
  // working day, days = 0 is `from`. `days` must not be negative.
  Result<Date> add_working_days(Date from, int days) const;

  // How many working days lie after `from` up to and including `to`; 0 when to <= from.
  Result<int> working_days_between(Date from, Date to) const;

 private:
  struct CompiledYear {
    Year declared;
    std::bitset<366> working;  // by day of the year, 0-based
  };
  // What makes add_working_days and working_days_between O(years) rather than O(days): for
  // each year, how many working days come before each of its days (a rank) and on which day
  // each of its working days falls (a select).
  struct YearIndex {
    bool declared = false;
    Date first;                               // 1 January
    int length = 0;                           // days in the year
    std::array<std::uint16_t, 367> before{};  // working days among the year's first d days
    std::array<std::uint16_t, 366> nth{};     // day of the year of working day k, both 0-based
  };
  static Result<CompiledYear> compile(Year year);
  Error missing_year(int year) const;
  // Rebuilds index_ from years_; after every change to years_.
  void build_index();
  // The year's index; null when the year is not declared.
  const YearIndex* index_of(int year) const {
    const auto at = static_cast<std::size_t>(year - first_indexed_year_);
    return at < index_.size() && index_[at].declared ? &index_[at] : nullptr;
  }

  std::map<int, CompiledYear> years_;
  int first_indexed_year_ = 0;
  std::vector<YearIndex> index_;  // one per year from first_indexed_year_ to the last declared
};

}  // namespace jingkai
