#include "core/work_calendar.hpp"

#include <fmt/format.h>

#include <set>
#include <sstream>

namespace jingkai {
namespace {

using std::chrono::days;
using std::chrono::year_month_day;

Date first_of(int year) {
  return Date(year_month_day{std::chrono::year(year), std::chrono::January, std::chrono::day(1)});
}

bool is_weekend(Date day) {
  const std::chrono::weekday weekday{day};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

// Splits a line into whitespace-separated words; the last word keeps its inner spaces.
std::vector<std::string_view> words(std::string_view line, std::size_t max_words) {
  std::vector<std::string_view> result;
  std::size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    if (at >= line.size()) break;
    if (result.size() + 1 == max_words) {
      std::string_view rest = line.substr(at);
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
      result.push_back(rest);
      break;
    }
    std::size_t end = at;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    result.push_back(line.substr(at, end - at));
    at = end;
  }
  return result;
}

Error line_error(int line, std::string message) {
  return Error::invalid("calendar_syntax", fmt::format("第 {} 行: {}", line, message), "calendar");
}

}  // namespace

Result<WorkCalendar::CompiledYear> WorkCalendar::compile(Year year) {
  CompiledYear compiled{std::move(year), {}};
  const Date start = first_of(compiled.declared.year);
  const Date end = first_of(compiled.declared.year + 1);
  for (Date day = start; day < end; day += days(1)) {
    compiled.working[(day - start).count()] = !is_weekend(day);
  }
  std::set<Date> seen;
  for (const Exception& e : compiled.declared.exceptions) {
    for (Date day = e.first; day <= e.last; day += days(1)) {
      if (!seen.insert(day).second) {
        return std::unexpected(Error::invalid(
            "calendar_duplicate", fmt::format("{} 列出了两次 (listed twice)", format_date(day)),
            "calendar"));
      }
      compiled.working[(day - start).count()] = e.working;
    }
  }
  return compiled;
}

Result<WorkCalendar> WorkCalendar::parse(std::string_view text) {
  std::map<int, Year> declared;
  std::vector<std::pair<int, Exception>> pending;  // line number, exception
  std::istringstream in{std::string(text)};
  std::string raw;
  int line_number = 0;
  while (std::getline(in, raw)) {
    ++line_number;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (const auto hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const auto parts = words(line, 3);
    if (parts.empty()) continue;
    const std::string_view keyword = parts[0];
    if (keyword == "year") {
      int year = 0;
      if (parts.size() < 2 || parts[1].size() != 4 ||
          parts[1].find_first_not_of("0123456789") != std::string_view::npos) {
        return std::unexpected(line_error(line_number, "year 后须为四位年份 (year YYYY SOURCE)"));
      }
      year = std::stoi(std::string(parts[1]));
      if (declared.contains(year)) {
        return std::unexpected(
            line_error(line_number, fmt::format("{} 年重复声明 (year declared twice)", year)));
      }
      declared[year] = Year{year, parts.size() > 2 ? std::string(parts[2]) : std::string(), {}};
    } else if (keyword == "off" || keyword == "work") {
      if (parts.size() < 3) {
        return std::unexpected(
            line_error(line_number, "须为 off|work 日期 名称 (off|work DATE NAME)"));
      }
      Exception exception;
      exception.working = keyword == "work";
      exception.name = std::string(parts[2]);
      const std::string_view dates = parts[1];
      const auto dots = dates.find("..");
      auto first = parse_date(dates.substr(0, dots));
      auto last = dots == std::string_view::npos ? first : parse_date(dates.substr(dots + 2));
      if (!first || !last) {
        return std::unexpected(
            line_error(line_number, (!first ? first.error() : last.error()).message));
      }
      if (*last < *first) {
        return std::unexpected(
            line_error(line_number, "区间结束早于开始 (range ends before it starts)"));
      }
      if (year_of(*first) != year_of(*last)) {
        return std::unexpected(line_error(line_number, "区间不能跨年 (a range stays in one year)"));
      }
      if (exception.working && *first != *last) {
        return std::unexpected(
            line_error(line_number, "调休上班须逐日列出 (work days one by one)"));
      }
      for (Date day = *first; day <= *last; day += days(1)) {
        if (exception.working && !is_weekend(day)) {
          return std::unexpected(line_error(
              line_number, fmt::format("{} 本就是工作日, 不是调休 (a weekday is a working day "
                                       "already)",
                                       format_date(day))));
        }
      }
      if (!exception.working && is_weekend(*first) && *first == *last) {
        return std::unexpected(line_error(
            line_number,
            fmt::format("{} 本就是周末 (a weekend day is off already)", format_date(*first))));
      }
      exception.first = *first;
      exception.last = *last;
      pending.emplace_back(line_number, std::move(exception));
    } else {
      return std::unexpected(line_error(
          line_number, fmt::format("未知关键字 \"{}\" (expected year, off or work)", keyword)));
    }
  }
  for (auto& [line, exception] : pending) {
    auto it = declared.find(year_of(exception.first));
    if (it == declared.end()) {
      return std::unexpected(
          line_error(line, fmt::format("{} 年未声明 (year {} is not declared)",
                                       year_of(exception.first), year_of(exception.first))));
    }
    it->second.exceptions.push_back(std::move(exception));
  }
  WorkCalendar calendar;
  for (auto& [year, content] : declared) {
    auto compiled = TRY(compile(std::move(content)));
    calendar.years_.emplace(year, std::move(compiled));
  }
  calendar.build_index();
  return calendar;
}

std::string WorkCalendar::year_text(int year) const {
  auto it = years_.find(year);
  if (it == years_.end()) return {};
  const Year& declared = it->second.declared;
  std::string text = fmt::format("year {} {}\n", year, declared.source);
  for (const Exception& e : declared.exceptions) {
    const std::string dates = e.first == e.last ? format_date(e.first)
                                                : format_date(e.first) + ".." + format_date(e.last);
    fmt::format_to(std::back_inserter(text), "{:<4} {:<22} {}\n", e.working ? "work" : "off", dates,
                   e.name);
  }
  return text;
}

std::string WorkCalendar::to_text() const {
  std::string text;
  for (const auto& entry : years_) {
    if (!text.empty()) text += '\n';
    text += year_text(entry.first);
  }
  return text;
}

void WorkCalendar::merge(const WorkCalendar& other) {
  for (const auto& [year, compiled] : other.years_) years_.insert_or_assign(year, compiled);
  build_index();
}

std::vector<int> WorkCalendar::years() const {
  std::vector<int> result;
  for (const auto& entry : years_) result.push_back(entry.first);
  return result;
}

Error WorkCalendar::missing_year(int year) const {
  std::string covered;
  for (int y : years()) covered += (covered.empty() ? "" : ", ") + std::to_string(y);
  return Error::invalid(
      "calendar_year_missing",
      fmt::format(
          "工作日历中没有 {} 年的数据, 请管理员导入国务院当年的放假安排 (the calendar has no "
          "data for {}; it covers {}: an administrator imports the year's holiday notice)",
          year, year, covered.empty() ? "no year" : covered));
}

void WorkCalendar::build_index() {
  index_.clear();
  first_indexed_year_ = 0;
  if (years_.empty()) return;
  first_indexed_year_ = years_.begin()->first;
  index_.resize(static_cast<std::size_t>(years_.rbegin()->first - first_indexed_year_ + 1));
  for (const auto& [year, compiled] : years_) {
    YearIndex& index = index_[static_cast<std::size_t>(year - first_indexed_year_)];
    index.declared = true;
    index.first = first_of(year);
    index.length = (first_of(year + 1) - index.first).count();
    int count = 0;
    for (int day = 0; day < index.length; ++day) {
      index.before[day] = static_cast<std::uint16_t>(count);
      if (compiled.working[day]) index.nth[count++] = static_cast<std::uint16_t>(day);
    }
    index.before[index.length] = static_cast<std::uint16_t>(count);
  }
}

Result<bool> WorkCalendar::is_working_day(Date day) const {
  const int year = year_of(day);
  const YearIndex* index = index_of(year);
  if (!index) return std::unexpected(missing_year(year));
  const auto at = (day - index->first).count();
  return index->before[at + 1] != index->before[at];
}

// Both walk a year at a time from the day after `from`, as stepping one day at a time
// would, so that they fail on the same undeclared year that stepping would reach first.
Result<Date> WorkCalendar::add_working_days(Date from, int count) const {
  if (count < 0) {
    return std::unexpected(Error::invalid("negative_days", "工作日数不能为负", "days"));
  }
  if (count == 0) return from;
  Date day = from + days(1);
  for (int left = count;;) {
    const int year = year_of(day);
    const YearIndex* index = index_of(year);
    if (!index) return std::unexpected(missing_year(year));
    const int done = index->before[(day - index->first).count()];
    const int available = index->before[index->length] - done;
    if (left <= available) return index->first + days(index->nth[done + left - 1]);
    left -= available;
    day = index->first + days(index->length);
  }
}

Result<int> WorkCalendar::working_days_between(Date from, Date to) const {
  int count = 0;
  for (Date day = from + days(1); day <= to;) {
    const int year = year_of(day);
    const YearIndex* index = index_of(year);
    if (!index) return std::unexpected(missing_year(year));
    const int done = index->before[(day - index->first).count()];
    const Date next_year = index->first + days(index->length);
    if (to < next_year) return count + index->before[(to - index->first).count() + 1] - done;
    count += index->before[index->length] - done;
    day = next_year;
  }
  return count;
}

}  // namespace jingkai
