#include "app/cli_statistics.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>

#include "app/cli_support.hpp"
#include "core/uscc.hpp"
#include "modules/enterprises/export.hpp"

namespace jingkai::app {
namespace {

// A progress bar on stderr: redrawn in place on a terminal, a line per tenth in a log.
class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& err) : err_(err), terminal_(isatty(STDERR_FILENO) == 1) {}

  void show(std::string_view phase, double fraction) {
    const int percent = int(fraction * 100.0);
    if (terminal_) {
      const int filled = percent / 4;
      err_ << fmt::format("\r{:<6} [{}{}] {:3}%", phase, std::string(filled, '#'),
                          std::string(25 - filled, '.'), percent)
           << std::flush;
      if (percent >= 100) err_ << "\n";
    } else if (phase != phase_ || percent / 10 != last_tenth_) {
      err_ << fmt::format("{} {}%\n", phase, percent);
      last_tenth_ = percent / 10;
    }
    phase_ = std::string(phase);
  }

 private:
  std::ostream& err_;
  bool terminal_;
  std::string phase_;
  int last_tenth_ = -1;
};

struct ZoneOptions {
  DataOptions data;
  std::string zone;
  void add_to(CLI::App* command) {
    data.add_to(command);
    command->add_option("--zone", zone, "the zone's code")->required();
  }
};

struct State {
  ZoneOptions import_zone;
  std::string import_file;
  std::string import_encoding;
  bool dry_run = false;

  ZoneOptions export_zone;
  std::string export_what;
  std::string export_format = "csv";
  std::string export_from, export_to;
  std::string export_output;

  std::string uscc_code;

  ZoneOptions indicators_zone;
  std::string indicators_period;
  TodayOption indicators_today;
};

// The registry or its reports as a sheet in `format`.
Result<std::string> export_sheet(App& app, const Actor& actor, const State& state,
                                 tabular::SheetFormat format) {
  auto& registry = app.enterprises();
  if (state.export_what == "enterprises") {
    const auto all = TRY(all_pages<enterprises::Enterprise>(
        [&](PageRequest page) { return registry.list(actor, {}, page); }));
    return enterprises::export_enterprises(all, format);
  }
  const Period now = period_of(registry.today());
  Period to = now, from = now.plus_months(-11);
  if (!state.export_to.empty()) to = TRY(parse_period(state.export_to, "to"));
  if (!state.export_from.empty()) from = TRY(parse_period(state.export_from, "from"));
  const auto all = TRY(all_pages<enterprises::MonthlyReport>(
      [&](PageRequest page) { return registry.reports(actor, 0, from, to, {}, page); }));
  return enterprises::export_reports(all, format);
}

// `import reports`: monthly reports in, all or nothing.
void add_import_command(CLI::App& cli, const std::shared_ptr<State>& state, const Clock& clock,
                        std::ostream& out, std::ostream& err, int& status) {
  auto* import = cli.add_subcommand("import", "import statistics files");
  import->require_subcommand(1);
  auto* import_reports = import->add_subcommand(
      "reports",
      "import monthly enterprise reports from CSV (UTF-8 or GBK) or XLSX; all or nothing");
  state->import_zone.add_to(import_reports);
  import_reports->add_option("file", state->import_file, "CSV or XLSX file")->required();
  import_reports->add_option("--encoding", state->import_encoding,
                             "CSV encoding: utf-8 or gbk (default: detected)");
  import_reports->add_flag("--dry-run", state->dry_run, "check every row, import nothing");
  import_reports->callback(reporting(err, status, [state, &clock, &out, &err, &status]() -> Status {
    std::optional<tabular::Encoding> encoding;
    if (!state->import_encoding.empty()) {
      auto parsed = TRY(tabular::parse_encoding(state->import_encoding));
      encoding = parsed;
    }
    auto bytes = TRY(read_file(state->import_file));
    auto app = TRY(open_app(state->import_zone.data, clock));
    auto actor = TRY(console_actor_in(*app, state->import_zone.zone));
    ProgressBar bar(err);
    const std::string name = state->import_file.substr(state->import_file.find_last_of('/') + 1);
    auto outcome = TRY(app->report_importer().run(
        actor, std::move(bytes), encoding, name, state->dry_run,
        [&bar](std::string_view phase, double fraction) { bar.show(phase, fraction); }));
    if (outcome.problem_count > 0) {
      for (const auto& p : outcome.problems) {
        err << fmt::format("row {}{}{}: {}\n", p.row, p.column.empty() ? "" : ", column ",
                           p.column.empty() ? "" : p.column + " \"" + p.value + "\"", p.message);
      }
      if (outcome.problem_count > std::int64_t(outcome.problems.size())) {
        err << fmt::format("… and {} more\n",
                           outcome.problem_count - std::int64_t(outcome.problems.size()));
      }
      err << fmt::format("jingkai: {} problems in {} rows; nothing imported\n",
                         outcome.problem_count, outcome.rows);
      status = kBadInput;
      return {};
    }
    out << fmt::format("{} rows {}: {} new, {} updated; periods {}\n", outcome.rows,
                       outcome.imported ? "imported" : "checked (dry run)", outcome.inserted,
                       outcome.updated, fmt::join(outcome.periods, " "));
    return {};
  }));
}

// `export enterprises|reports`: the registry or its reports out.
void add_export_command(CLI::App& cli, const std::shared_ptr<State>& state, const Clock& clock,
                        std::ostream& out, std::ostream& err, int& status) {
  auto* export_command = cli.add_subcommand("export", "export enterprises or reports");
  state->export_zone.add_to(export_command);
  export_command->add_option("what", state->export_what, "enterprises or reports")
      ->required()
      ->check(CLI::IsMember({"enterprises", "reports"}));
  export_command->add_option("--format", state->export_format, "csv or xlsx")
      ->capture_default_str();
  export_command->add_option("--from", state->export_from, "first period, YYYY-MM (reports)");
  export_command->add_option("--to", state->export_to, "last period, YYYY-MM (reports)");
  export_command->add_option("-o,--output", state->export_output,
                             "file to write (default: stdout)");
  export_command->callback(reporting(err, status, [state, &clock, &out]() -> Status {
    auto format = TRY(enterprises::parse_sheet_format(state->export_format));
    auto app = TRY(open_app(state->export_zone.data, clock));
    auto actor = TRY(console_actor_in(*app, state->export_zone.zone));
    auto file = TRY(export_sheet(*app, actor, *state, format));
    return write_output(state->export_output, file, out);
  }));
}

// `uscc check`: a credit code against its standard.
void add_uscc_command(CLI::App& cli, const std::shared_ptr<State>& state, std::ostream& out,
                      std::ostream& err, int& status) {
  auto* uscc = cli.add_subcommand("uscc", "unified social credit codes (统一社会信用代码)");
  uscc->require_subcommand(1);
  auto* uscc_check =
      uscc->add_subcommand("check", "check a code against GB 32100-2015; exit 2 when it is wrong");
  uscc_check->add_option("code", state->uscc_code, "the 18-character code")->required();
  uscc_check->callback(reporting(err, status, [state, &out, &err]() -> Status {
    auto parsed = TRY(Uscc::parse(state->uscc_code));
    out << parsed.text() << " ok\n";
    return {};
  }));
}

// `indicators`: a zone's figures for a period.
void add_indicators_command(CLI::App& cli, const std::shared_ptr<State>& state, std::ostream& out,
                            std::ostream& err, int& status) {
  auto* indicators = cli.add_subcommand("indicators", "a zone's indicators for a period");
  state->indicators_zone.add_to(indicators);
  indicators->add_option("--period", state->indicators_period,
                         "YYYY-MM (default: the latest reported)");
  state->indicators_today.add_to(indicators, "count the firms as on this day");
  indicators->callback(reporting(err, status, [state, &out, &err]() -> Status {
    SettableClock indicators_clock;
    TRY(state->indicators_today.apply_to(indicators_clock));
    auto app = TRY(open_app(state->indicators_zone.data, indicators_clock));
    auto actor = TRY(console_actor_in(*app, state->indicators_zone.zone));
    std::optional<Period> period;
    if (!state->indicators_period.empty()) {
      auto parsed = TRY(parse_period(state->indicators_period, "period"));
      period = parsed;
    }
    auto dashboard = TRY(app->indicators().dashboard(actor, period));
    const indicators::Dashboard& d = dashboard;
    auto percent = [](const std::optional<double>& value) {
      return value ? fmt::format("{:.1f}", *value) : std::string("-");
    };
    out << "period " << format_period(d.period) << "\n";
    for (const auto& count : d.counts) out << fmt::format("{} {}\n", count.key, count.value);
    out << fmt::format("above_scale_output_month_yuan {}\n", format_yuan(d.output.month_fen));
    out << fmt::format("above_scale_output_ytd_yuan {}\n", format_yuan(d.output.ytd_fen));
    out << "above_scale_output_ytd_yoy_pct " << percent(d.output.ytd_yoy_pct) << "\n";
    out << fmt::format("over_100m {}\n", d.over_100m.value);
    out << "city_share_pct " << percent(d.city_share.share_pct) << "\n";
    return {};
  }));
}

}  // namespace

void add_statistics_commands(CLI::App& cli, const Console& console) {
  auto state = std::make_shared<State>();
  const Clock& clock = console.clock;
  add_import_command(cli, state, clock, console.out, console.err, console.status);
  add_export_command(cli, state, clock, console.out, console.err, console.status);
  add_uscc_command(cli, state, console.out, console.err, console.status);
  add_indicators_command(cli, state, console.out, console.err, console.status);
}

}  // namespace jingkai::app
