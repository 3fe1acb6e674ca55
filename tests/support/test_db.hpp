// TestDatabase: a fresh, empty database for one test — a temporary SQLite file, or a new
// database on a PostgreSQL server, created for the test and dropped afterwards. The same
// tests run on both.
//
// Which one: JINGKAI_TEST_BACKEND says what the run asked for ("sqlite" or "postgresql"; the
// ctest entries set it), and JINGKAI_TEST_PG names the PostgreSQL server
// (postgresql://user@host:port). A run that asks for PostgreSQL without a server fails before
// any test runs, rather than quietly testing SQLite. Without JINGKAI_TEST_BACKEND (a run by
// hand) a server in JINGKAI_TEST_PG means PostgreSQL, no server means SQLite.
#pragma once

#include <filesystem>
#include <string>

namespace jingkai::testing {

enum class Backend { sqlite, postgresql };

struct BackendChoice {
  Backend backend = Backend::sqlite;
  std::string server;  // the PostgreSQL server URL without a database; empty for SQLite
};

// The backend this run tests on, from the environment. Throws std::runtime_error when the
// run asked for an unknown backend, or for PostgreSQL without JINGKAI_TEST_PG.
BackendChoice chosen_backend();

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  bool is_postgresql() const { return !server_.empty(); }
  // For SQLite: the database file; empty for PostgreSQL.
  const std::filesystem::path& file() const { return file_; }

  // Runs one SQL statement directly, outside the product's code: for tests that tamper.
  void execute(const std::string& sql) const;

 private:
  std::string server_;  // PostgreSQL server URL without a database, empty for SQLite
  std::string name_;
  std::string url_;
  std::filesystem::path dir_;
  std::filesystem::path file_;
};

// A folder removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace jingkai::testing
