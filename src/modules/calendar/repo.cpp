#include "modules/calendar/repo.hpp"

namespace jingkai::calendar {

std::vector<std::string> CalendarRepo::imported(store::Tx& tx) const {
  std::vector<std::string> texts;
  std::string text;
  auto rows =
      tx.query("SELECT text FROM calendar_years ORDER BY imported_at, year", soci::into(text));
  while (rows.next()) texts.push_back(text);
  return texts;
}

void CalendarRepo::save_year(store::Tx& tx, int year, const std::string& text, EpochMs now) const {
  const long long at = now;
  tx.sql() << "DELETE FROM calendar_years WHERE year = :y", soci::use(year);
  tx.sql() << "INSERT INTO calendar_years (year, text, imported_at) VALUES (:y, :t, :a)",
      soci::use(year), soci::use(text), soci::use(at);
}

}  // namespace jingkai::calendar
