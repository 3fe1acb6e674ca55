// CalendarService: the working-day calendar in force — the one the product ships in data/,
// with the years an administrator has imported laid over it.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/work_calendar.hpp"
#include "modules/calendar/repo.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"

namespace jingkai::calendar {

class CalendarService {
 public:
  // `shipped_text` is the content of data/holidays-cn.txt (empty: none shipped).
  CalendarService(store::Database& db, const CalendarRepo& repo, const store::AuditLog& audit,
                  const Clock& clock, std::string shipped_text);

  // The calendar in force. Loaded on first use and after each import through this process.
  Result<std::shared_ptr<const WorkCalendar>> current();

  // Imports a file of calendar years (the text form of data/holidays-cn.txt); the years it
  // declares replace earlier ones. All or nothing: a file with one bad line changes nothing.
  Result<std::vector<int>> import(const Actor& actor, const std::string& text);

 private:
  Result<std::shared_ptr<const WorkCalendar>> load();

  store::Database& db_;
  const CalendarRepo& repo_;
  const store::AuditLog& audit_;
  const Clock& clock_;
  std::string shipped_text_;
  std::mutex mutex_;
  std::shared_ptr<const WorkCalendar> current_;
};

}  // namespace jingkai::calendar
