// What the command line's commands share: exit codes, error reports, the console's actor
// and how a command opens the deployment's data.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "app/app.hpp"

namespace jingkai::app {

inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;
inline constexpr int kBadInput = 2;

// What a command works with: the clock, the console's streams, and where its exit code goes.
struct Console {
  const Clock& clock;
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  int& status;
};

// Prints the error for people; returns the exit code its kind means.
int report(std::ostream& err, const Error& error);

// A command's callback made of `work`, which returns a Status: a failure is reported on `err`
// and sets the exit code, so that a command passes its failures up with TRY like the rest of
// the code. What `work` sets `status` to itself (a count of bad rows, say) stands.
template <typename Work>
std::function<void()> reporting(std::ostream& err, int& status, Work work) {
  return [&err, &status, work = std::move(work)] {
    if (Status done = work(); !done) status = report(err, done.error());
  };
}

// The actor for commands run at the server's console, recorded as "cli:$USER".
Actor console_actor();
// The console's actor working in the zone `zone_code`, with every role there.
Result<Actor> console_actor_in(App& app, std::string_view zone_code);

// Options every command that touches data shares.
struct DataOptions {
  std::string db = "jingkai.db";
  std::string files;  // uploaded files; empty: beside the SQLite file
  int warning_days = 2;
  std::string audit_key;        // the audit chain's key file; empty: default_audit_key_file(db)
  bool check_audit_key = true;  // see AppOptions
  void add_to(CLI::App* command) {
    command->add_option("--db", db, "SQLite file or postgresql:// URL")->capture_default_str();
    command->add_option("--audit-key", audit_key,
                        "audit chain key file, mode 0600 (default: <db>.audit-key, or "
                        "jingkai.audit-key for PostgreSQL; made on first use)");
    command->add_option("--files", files,
                        "folder of uploaded files (default: <db>.files, or jingkai-files for "
                        "PostgreSQL)");
    command
        ->add_option("--warning-days", warning_days,
                     "applications due within this many working days are flagged yellow")
        ->capture_default_str()
        ->check(CLI::Range(0, 30));
  }
};

// `--today YYYY-MM-DD`: the day a command takes for today, so that what it builds or counts
// is the same whatever day it runs (the demo, rehearsals, tests). Noon in China that day.
struct TodayOption {
  std::string today;  // empty: the system's date
  CLI::Option* add_to(CLI::App* command, const std::string& help) {
    return command->add_option("--today", today, help + " (YYYY-MM-DD; default: today)");
  }
  // Moves `clock` to that day; leaves it alone without --today.
  Status apply_to(SettableClock& clock) const;
};

// Opens the deployment's data. With `settable_clock` (which must be `clock`), the API may
// set the time (serve --settable-clock).
Result<std::unique_ptr<App>> open_app(const DataOptions& data, const Clock& clock,
                                      std::size_t connections = 2, std::string web_dir = "",
                                      SettableClock* settable_clock = nullptr);

// A file read whole; the error names it.
Result<std::string> read_file(const std::string& path);
// A file read whole; nothing when it cannot be read (the caller says so in its own words).
std::optional<std::string> read_text(const std::string& path);

// What an export made: into the file `path`, or to `out` when `path` is empty (-o).
Status write_output(const std::string& path, const std::string& bytes, std::ostream& out);

}  // namespace jingkai::app
