#include "modules/calendar/service.hpp"

#include <boost/json.hpp>

namespace jingkai::calendar {

CalendarService::CalendarService(store::Database& db, const CalendarRepo& repo,
                                 const store::AuditLog& audit, const Clock& clock,
                                 std::string shipped_text)
    : db_(db), repo_(repo), audit_(audit), clock_(clock), shipped_text_(std::move(shipped_text)) {}

Result<std::shared_ptr<const WorkCalendar>> CalendarService::load() {
  auto calendar = WorkCalendar::parse(shipped_text_);
  if (!calendar) {
    return std::unexpected(Error::internal("shipped calendar: " + calendar.error().message));
  }
  auto imported = TRY(db_.read(
      [&](store::Tx& tx) -> Result<std::vector<std::string>> { return repo_.imported(tx); }));
  for (const std::string& text : imported) {
    auto year = WorkCalendar::parse(text);
    if (!year)
      return std::unexpected(Error::internal("imported calendar: " + year.error().message));
    calendar->merge(*year);
  }
  return std::make_shared<const WorkCalendar>(std::move(*calendar));
}

Result<std::shared_ptr<const WorkCalendar>> CalendarService::current() {
  std::lock_guard lock(mutex_);
  if (!current_) {
    auto loaded = TRY(load());
    current_ = std::move(loaded);
  }
  return current_;
}

Result<std::vector<int>> CalendarService::import(const Actor& actor, const std::string& text) {
  auto update = TRY(WorkCalendar::parse(text));
  const std::vector<int> years = update.years();
  if (years.empty()) {
    return std::unexpected(
        Error::invalid("calendar_empty", "文件中没有声明任何年份 (no year declared)", "calendar"));
  }
  TRY(current());
  TRY(db_.write([&](store::Tx& tx) -> Status {
    for (int year : years) {
      // Each year is stored as its own text, so that a later import of one year replaces
      // that year alone.
      const std::string year_text = update.year_text(year);
      repo_.save_year(tx, year, year_text, clock_.now_ms());
      boost::json::object after{{"year", year}};
      audit_.append(tx, actor,
                    {"calendar.import", "calendar_year", std::to_string(year), "",
                     boost::json::serialize(after)});
    }
    return {};
  }));
  std::lock_guard lock(mutex_);
  current_.reset();
  return years;
}

}  // namespace jingkai::calendar
