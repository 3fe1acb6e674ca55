#include "app/cli_backup.hpp"

#include <memory>
#include <string>

#include "store/backup.hpp"

namespace jingkai::app {
namespace {

struct Place {
  std::string db;
  std::string files;      // empty: default_files_dir(db)
  std::string audit_key;  // empty: default_audit_key_file(db)

  store::Deployment deployment() const {
    return {db, files.empty() ? default_files_dir(db) : files,
            audit_key.empty() ? default_audit_key_file(db) : audit_key};
  }
};

struct State {
  Place source{"jingkai.db"};
  std::string output;
  Place target;
  std::string from;
  std::string pg_bindir;
};

void add_place_options(CLI::App* command, Place& place, const std::string& whose) {
  command->add_option("--files", place.files,
                      whose +
                          " folder of uploaded files (default: <db>.files, or jingkai-files "
                          "for PostgreSQL)");
  command->add_option("--audit-key", place.audit_key,
                      whose +
                          " audit key file (default: <db>.audit-key, or jingkai.audit-key "
                          "for PostgreSQL)");
}

void add_pg_bindir_option(CLI::App* command, std::string& pg_bindir) {
  command->add_option("--pg-bindir", pg_bindir,
                      "folder of pg_dump and pg_restore (default: the newest "
                      "/usr/lib/postgresql/N/bin, then PATH)");
}

std::string described(const store::BackupSummary& summary) {
  return fmt::format("{} database, {} stored files, {} bytes",
                     store::to_string(summary.manifest.dialect), summary.stored_files,
                     summary.bytes);
}

void add_backup_command(CLI::App& cli, const std::shared_ptr<State>& state, const Console& c) {
  auto* backup = cli.add_subcommand(
      "backup", "copy the database, audit key and files into a new folder, while serving");
  backup->add_option("--db", state->source.db, "SQLite file or postgresql:// URL")
      ->capture_default_str();
  add_place_options(backup, state->source, "the");
  backup->add_option("-o,--output", state->output, "the backup's folder (new or empty)")
      ->required();
  add_pg_bindir_option(backup, state->pg_bindir);
  backup->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto summary = TRY(store::back_up(state->source.deployment(), state->output,
                                      store::PgTools(state->pg_bindir)));
    c.out << "backup written to " << state->output << ": " << described(summary) << "\n";
    return {};
  }));
}

void add_restore_command(CLI::App& cli, const std::shared_ptr<State>& state, const Console& c) {
  auto* restore = cli.add_subcommand(
      "restore", "restore a backup into an empty database and new files folder; verify the audit");
  restore->add_option("--from", state->from, "the backup's folder")->required();
  restore->add_option("--db", state->target.db, "SQLite file (new) or postgresql:// URL (empty)")
      ->required();
  add_place_options(restore, state->target, "the new");
  add_pg_bindir_option(restore, state->pg_bindir);
  restore->callback(reporting(c.err, c.status, [state, c]() -> Status {
    const store::Deployment target = state->target.deployment();
    auto summary = TRY(store::restore(state->from, target, store::PgTools(state->pg_bindir)));
    c.out << "restored " << state->from << " into " << target.db << ": " << described(summary)
          << "\n";
    // The restored copy is checked as `audit verify` would check it.
    DataOptions data;
    data.db = target.db;
    data.files = target.files.string();
    data.audit_key = state->target.audit_key;  // the default one is found by the default
    auto app = TRY(open_app(data, c.clock));
    const auto verification = TRY(app->audit().verify());
    if (verification.ok) {
      c.out << "audit log intact: " << verification.rows << " records\n";
    } else {
      c.out << "audit log BROKEN at record " << *verification.first_bad_seq << ": "
            << verification.reason << "\n";
      c.status = kFailed;
    }
    return {};
  }));
}

}  // namespace

void add_backup_commands(CLI::App& cli, const Console& console) {
  auto state = std::make_shared<State>();
  add_backup_command(cli, state, console);
  add_restore_command(cli, state, console);
}

}  // namespace jingkai::app
