#include "app/cli_calendar.hpp"

#include <memory>
#include <string>

#include "core/date.hpp"

namespace jingkai::app {
namespace {

struct State {
  std::string db;  // empty: the calendar shipped in data/
  std::string from, to, import_file;
  int workdays = 0;
  DataOptions import_data;
};

// Without --db, the calendar shipped in data/; with it, that database's imports laid over.
Result<std::shared_ptr<const WorkCalendar>> load_calendar(const std::string& db,
                                                          const Clock& clock) {
  if (db.empty()) {
    auto shipped = TRY(WorkCalendar::parse(read_shipped_calendar(JINGKAI_DEFAULT_DATA_DIR)));
    return std::make_shared<const WorkCalendar>(std::move(shipped));
  }
  auto app = TRY(open_app(DataOptions{db}, clock));
  return app->calendar().current();
}

void add_db_option(CLI::App* command, State& state) {
  command->add_option("--db", state.db, "include the calendar years imported there");
}

void add_workdays_commands(CLI::App* calendar, const std::shared_ptr<State>& state,
                           const Console& c) {
  auto* add_workdays = calendar->add_subcommand(
      "add-workdays", "the date N working days after --from (N = 1: the next working day)");
  add_workdays->add_option("--from", state->from, "YYYY-MM-DD")->required();
  add_workdays->add_option("--days", state->workdays, "N >= 0")->required();
  add_db_option(add_workdays, *state);
  add_workdays->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto from = TRY(parse_date(state->from, "from"));
    auto current = TRY(load_calendar(state->db, c.clock));
    auto date = TRY(current->add_working_days(from, state->workdays));
    c.out << format_date(date) << "\n";
    return {};
  }));
  auto* workdays = calendar->add_subcommand(
      "workdays", "how many working days lie after --from up to and including --to");
  workdays->add_option("--from", state->from, "YYYY-MM-DD")->required();
  workdays->add_option("--to", state->to, "YYYY-MM-DD")->required();
  add_db_option(workdays, *state);
  workdays->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto from = TRY(parse_date(state->from, "from"));
    auto to = TRY(parse_date(state->to, "to"));
    auto current = TRY(load_calendar(state->db, c.clock));
    auto count = TRY(current->working_days_between(from, to));
    c.out << count << "\n";
    return {};
  }));
}

void add_import_export_commands(CLI::App* calendar, const std::shared_ptr<State>& state,
                                const Console& c) {
  auto* calendar_import = calendar->add_subcommand(
      "import", "import calendar years (the form of data/holidays-cn.txt); replaces those years");
  state->import_data.add_to(calendar_import);
  calendar_import->add_option("file", state->import_file, "calendar file")->required();
  calendar_import->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto text = read_text(state->import_file);
    if (!text) {
      c.err << "jingkai: cannot read " << state->import_file << "\n";
      c.status = kBadInput;
      return {};
    }
    auto app = TRY(open_app(state->import_data, c.clock));
    auto years = TRY(app->calendar().import(console_actor(), *text));
    c.out << "imported";
    for (int year : years) c.out << " " << year;
    c.out << "\n";
    return {};
  }));
  auto* calendar_export = calendar->add_subcommand("export", "print the calendar in force");
  add_db_option(calendar_export, *state);
  calendar_export->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto current = TRY(load_calendar(state->db, c.clock));
    c.out << current->to_text();
    return {};
  }));
}

}  // namespace

void add_calendar_commands(CLI::App& cli, const Console& console) {
  auto state = std::make_shared<State>();
  auto* calendar = cli.add_subcommand("calendar", "the working-day calendar (工作日历)");
  calendar->require_subcommand(1);
  add_workdays_commands(calendar, state, console);
  add_import_export_commands(calendar, state, console);
}

}  // namespace jingkai::app
