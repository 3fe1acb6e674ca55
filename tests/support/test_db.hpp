// TestDatabase: a fresh, empty database for one test — a temporary SQLite file, or, when
// JINGKAI_TEST_PG names a PostgreSQL server (postgresql://user@host:port), a new database
// created on it and dropped afterwards. The same tests run on both.
#pragma once

#include <filesystem>
#include <string>

namespace jingkai::testing {

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
