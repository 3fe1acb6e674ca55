// Database: the one store of a deployment, embedded SQLite or a PostgreSQL server.
#pragma once

#include <soci/soci.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace jingkai::store {

enum class Dialect { sqlite, postgresql };

std::string_view to_string(Dialect dialect);

// A transaction in progress. Repositories take one so that a service can group writes and
// the audit record that describes them into one commit.
class Tx {
 public:
  Tx(soci::session& sql, Dialect dialect) : sql_(sql), dialect_(dialect) {}
  soci::session& sql() { return sql_; }
  Dialect dialect() const { return dialect_; }

 private:
  soci::session& sql_;
  Dialect dialect_;
};

class Database {
 public:
  // `url` is a file path (SQLite, created if missing) or a postgresql:// URL (libpq syntax).
  // `connections` bounds how many statements run at once.
  static Result<std::unique_ptr<Database>> open(const std::string& url, std::size_t connections);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return dialect_; }

  // Runs `work(Tx&)` in a transaction that may write. Commits when `work` returns a value,
  // rolls back when it returns an error or throws; database failures become an Error.
  template <typename Work>
  auto write(Work&& work) -> decltype(work(std::declval<Tx&>()));

  // Runs `work(Tx&)` in a read transaction: one consistent snapshot for all its queries.
  template <typename Work>
  auto read(Work&& work) -> decltype(work(std::declval<Tx&>()));

 private:
  class Lease;
  Database(Dialect dialect, std::vector<std::unique_ptr<soci::session>> sessions);
  soci::session* take();
  void give_back(soci::session* session);
  void begin(soci::session& sql, bool writing);

  template <typename Work>
  auto run(bool writing, Work&& work) -> decltype(work(std::declval<Tx&>()));

  Dialect dialect_;
  std::vector<std::unique_ptr<soci::session>> sessions_;
  std::vector<soci::session*> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

// Turns a postgresql://user:password@host:port/dbname?key=value URL into the keyword form
// libpq takes ("host='…' port='…' …"); SOCI would misread the URL form.
Result<std::string> postgresql_keywords(const std::string& url);

// Turns a failure reported by the database into an Error: a violated unique constraint
// becomes a conflict, anything else "unavailable" with the driver's message kept for logs.
Error database_error(const std::exception& failure);

template <typename Work>
auto Database::run(bool writing, Work&& work) -> decltype(work(std::declval<Tx&>())) {
  soci::session* sql = take();
  struct Return {
    Database* db;
    soci::session* sql;
    ~Return() { db->give_back(sql); }
  } on_exit{this, sql};
  bool open = false;
  try {
    begin(*sql, writing);
    open = true;
    Tx tx(*sql, dialect_);
    auto result = work(tx);
    open = false;
    if (result.has_value()) {
      sql->commit();
    } else {
      sql->rollback();
    }
    return result;
  } catch (const soci::soci_error& failure) {
    if (open) {
      try {
        sql->rollback();
      } catch (...) {
      }
    }
    return std::unexpected(database_error(failure));
  } catch (...) {
    if (open) {
      try {
        sql->rollback();
      } catch (...) {
      }
    }
    throw;
  }
}

template <typename Work>
auto Database::write(Work&& work) -> decltype(work(std::declval<Tx&>())) {
  return run(true, std::forward<Work>(work));
}

template <typename Work>
auto Database::read(Work&& work) -> decltype(work(std::declval<Tx&>())) {
  return run(false, std::forward<Work>(work));
}

}  // namespace jingkai::store
