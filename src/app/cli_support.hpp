// What the command line's commands share: exit codes, error reports, the console's actor
// and how a command opens the deployment's data.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <string>

#include "app/app.hpp"

namespace jingkai::app {

inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;
inline constexpr int kBadInput = 2;

// Prints the error for people; returns the exit code its kind means.
int report(std::ostream& err, const Error& error);

// The actor for commands run at the server's console, recorded as "cli:$USER".
Actor console_actor();
// The console's actor working in the zone `zone_code`, with every role there.
Result<Actor> console_actor_in(App& app, std::string_view zone_code);

// Options every command that touches data shares.
struct DataOptions {
  std::string db = "jingkai.db";
  void add_to(CLI::App* command) {
    command->add_option("--db", db, "SQLite file or postgresql:// URL")->capture_default_str();
  }
};

Result<std::unique_ptr<App>> open_app(const DataOptions& data, const Clock& clock,
                                      std::size_t connections = 2, std::string web_dir = "");

// A file read whole; the error names it.
Result<std::string> read_file(const std::string& path);

}  // namespace jingkai::app
