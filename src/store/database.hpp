// Database: the one store of a deployment, embedded SQLite or a PostgreSQL server.
#pragma once

#include <soci/soci.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace jingkai::store {

enum class Dialect { sqlite, postgresql };

std::string_view to_string(Dialect dialect);

// One pooled connection and the statements prepared on it so far. Parsing and planning a
// statement costs more than running it, so the ones on the hot paths are prepared once per
// connection and kept.
struct Connection {
  std::unique_ptr<soci::session> sql;
  // Destroyed before `sql`, as they must be.
  std::unordered_map<std::string, std::unique_ptr<soci::statement>> statements;
};

// A kept statement bound for one use. Rows are fetched with next(); when the Query goes,
// the rest is drained (so SQLite releases its read snapshot) and the bindings are dropped.
class Query {
 public:
  explicit Query(soci::statement& statement) : statement_(&statement) {}
  Query(Query&& other) noexcept : statement_(std::exchange(other.statement_, nullptr)) {}
  Query& operator=(Query&&) = delete;
  ~Query();

  // Fetches the next row into the bound variables; false when there is none.
  bool next() { return statement_->fetch(); }

 private:
  soci::statement* statement_;
};

// Rewrites each '?' outside string literals as :p1, :p2, … — the placeholder form both of
// SOCI's back ends take.
std::string numbered_placeholders(std::string_view query);

// A transaction in progress. Repositories take one so that a service can group writes and
// the audit record that describes them into one commit.
class Tx {
 public:
  Tx(Connection& connection, Dialect dialect) : connection_(connection), dialect_(dialect) {}
  soci::session& sql() { return *connection_.sql; }
  Dialect dialect() const { return dialect_; }

  // Runs `query` (prepared on first use on this connection, then kept) with `binds`, each a
  // soci::use(…) or soci::into(…). Step through the rows with next().
  template <typename... Binds>
  Query query(const std::string& query, Binds&&... binds) {
    soci::statement& statement = kept(query);
    try {
      (statement.exchange(std::forward<Binds>(binds)), ...);
      statement.define_and_bind();
      statement.execute(false);
    } catch (...) {
      statement.bind_clean_up();  // or the next use would find these bindings still there
      throw;
    }
    return Query(statement);
  }

  // Runs a statement that returns no rows (INSERT, UPDATE, DELETE) with `uses`, each a
  // soci::use(…), prepared on first use and kept; returns the number of rows it changed.
  // (query() would only prepare it: SOCI runs a statement without results on fetch.)
  template <typename... Uses>
  long long exec(const std::string& statement_text, Uses&&... uses) {
    soci::statement& statement = kept(statement_text);
    try {
      (statement.exchange(std::forward<Uses>(uses)), ...);
      statement.define_and_bind();
      statement.execute(true);
    } catch (...) {
      statement.bind_clean_up();
      throw;
    }
    const long long changed = statement.get_affected_rows();
    statement.bind_clean_up();
    return changed;
  }

  // As query(), for statements whose parameters are known only at run time, such as a list
  // with optional filters: `query` marks them with '?' and `params` are bound in that order
  // (they must outlive the Query).
  using Param = std::variant<long long, std::string>;
  template <typename... Intos>
  Query query_with(std::string_view query, std::vector<Param>& params, Intos&&... intos) {
    soci::statement& statement = kept(numbered_placeholders(query));
    try {
      for (Param& param : params) {
        std::visit([&](auto& value) { statement.exchange(soci::use(value)); }, param);
      }
      (statement.exchange(std::forward<Intos>(intos)), ...);
      statement.define_and_bind();
      statement.execute(false);
    } catch (...) {
      statement.bind_clean_up();
      throw;
    }
    return Query(statement);
  }

  // As exec(), with the parameters marked '?' and bound from `params` in order, for
  // statements whose size is known only at run time (a multi-row INSERT); returns the number
  // of rows it changed.
  long long exec_with(std::string_view statement_text, std::vector<Param>& params) {
    soci::statement& statement = kept(numbered_placeholders(statement_text));
    try {
      for (Param& param : params) {
        std::visit([&](auto& value) { statement.exchange(soci::use(value)); }, param);
      }
      statement.define_and_bind();
      statement.execute(true);
    } catch (...) {
      statement.bind_clean_up();
      throw;
    }
    const long long changed = statement.get_affected_rows();
    statement.bind_clean_up();
    return changed;
  }

  // As query(), for statements that give at most one row: whether it gave one.
  template <typename... Binds>
  bool query_one(const std::string& query_text, Binds&&... binds) {
    return query(query_text, std::forward<Binds>(binds)...).next();
  }

 private:
  soci::statement& kept(const std::string& query);

  Connection& connection_;
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
  Database(Dialect dialect, std::vector<std::unique_ptr<soci::session>> sessions);
  Connection* take();
  void give_back(Connection* connection);
  void begin(soci::session& sql, bool writing);

  template <typename Work>
  auto run(bool writing, Work&& work) -> decltype(work(std::declval<Tx&>()));

  Dialect dialect_;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<Connection*> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

// `text` with LIKE's wildcards and the escape character escaped by '\\', for a pattern
// written "… LIKE ? ESCAPE '\\'".
std::string escape_like(std::string_view text);

// Turns a postgresql://user:password@host:port/dbname?key=value URL into the keyword form
// libpq takes ("host='…' port='…' …"); SOCI would misread the URL form.
Result<std::string> postgresql_keywords(const std::string& url);

// Turns a failure reported by the database into an Error: a violated unique constraint
// becomes a conflict, anything else "unavailable" with the driver's message kept for logs.
Error database_error(const std::exception& failure);

template <typename Work>
auto Database::run(bool writing, Work&& work) -> decltype(work(std::declval<Tx&>())) {
  Connection* connection = take();
  soci::session* sql = connection->sql.get();
  struct Return {
    Database* db;
    Connection* connection;
    ~Return() { db->give_back(connection); }
  } on_exit{this, connection};
  bool open = false;
  try {
    begin(*sql, writing);
    open = true;
    Tx tx(*connection, dialect_);
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
