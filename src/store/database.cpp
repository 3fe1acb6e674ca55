#include "store/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <boost/url.hpp>
#include <filesystem>

namespace jingkai::store {

std::string_view to_string(Dialect dialect) {
  return dialect == Dialect::sqlite ? "sqlite" : "postgresql";
}

namespace {

bool is_postgresql_url(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::unique_ptr<soci::session> connect_sqlite(const std::string& path) {
  // SOCI passes the string after "db=" to sqlite3_open_v2; quoting protects spaces.
  auto sql = std::make_unique<soci::session>(soci::sqlite3, "db=\"" + path + "\" timeout=30");
  // WAL lets readers run beside the one writer; synchronous=FULL makes each commit (and so
  // each audit record) durable before the caller hears of it.
  *sql << "PRAGMA journal_mode=WAL";
  *sql << "PRAGMA synchronous=FULL";
  *sql << "PRAGMA foreign_keys=ON";
  *sql << "PRAGMA busy_timeout=30000";
  return sql;
}

std::string quoted(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

Result<std::string> postgresql_keywords(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) {
    return std::unexpected(Error::invalid("db_url", "无效的 PostgreSQL 地址: " + url, "db"));
  }
  std::string keywords;
  auto add = [&keywords](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    if (!keywords.empty()) keywords += ' ';
    keywords += std::string(key) + "=" + quoted(value);
  };
  add("host", parsed->host());
  add("port", parsed->port());
  add("user", parsed->user());
  add("password", parsed->password());
  std::string dbname = parsed->path();
  if (dbname.starts_with('/')) dbname.erase(0, 1);
  add("dbname", dbname);
  for (const auto& param : parsed->params()) add(param.key, param.value);
  return keywords;
}

Result<std::unique_ptr<Database>> Database::open(const std::string& url, std::size_t connections) {
  if (url.empty()) return std::unexpected(Error::invalid("db_url", "数据库路径为空", "db"));
  if (connections == 0) connections = 1;
  const Dialect dialect = is_postgresql_url(url) ? Dialect::postgresql : Dialect::sqlite;
  if (dialect == Dialect::sqlite) {
    const auto parent = std::filesystem::path(url).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent)) {
      return std::unexpected(
          Error::invalid("db_path", "数据库所在目录不存在: " + parent.string(), "db"));
    }
  }
  std::string pg_keywords;
  if (dialect == Dialect::postgresql) {
    auto keywords = TRY(postgresql_keywords(url));
    pg_keywords = std::move(keywords);
  }
  std::vector<std::unique_ptr<soci::session>> sessions;
  try {
    for (std::size_t i = 0; i < connections; ++i) {
      sessions.push_back(dialect == Dialect::sqlite
                             ? connect_sqlite(url)
                             : std::make_unique<soci::session>(soci::postgresql, pg_keywords));
    }
  } catch (const std::exception& failure) {
    return std::unexpected(Error{ErrorKind::unavailable, "db_connect",
                                 std::string("无法打开数据库: ") + failure.what(), "db"});
  }
  return std::unique_ptr<Database>(new Database(dialect, std::move(sessions)));
}

Query::~Query() {
  if (!statement_) return;
  try {
    while (statement_->fetch()) {
    }
  } catch (...) {
  }
  statement_->bind_clean_up();
}

soci::statement& Tx::kept(const std::string& query) {
  auto it = connection_.statements.find(query);
  if (it == connection_.statements.end()) {
    auto statement = std::make_unique<soci::statement>(*connection_.sql);
    statement->alloc();
    statement->prepare(query);
    it = connection_.statements.emplace(query, std::move(statement)).first;
  }
  return *it->second;
}

Database::Database(Dialect dialect, std::vector<std::unique_ptr<soci::session>> sessions)
    : dialect_(dialect) {
  for (auto& session : sessions) {
    connections_.push_back(std::make_unique<Connection>(Connection{std::move(session), {}}));
    idle_.push_back(connections_.back().get());
  }
}

Database::~Database() = default;

Connection* Database::take() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  Connection* connection = idle_.back();
  idle_.pop_back();
  return connection;
}

void Database::give_back(Connection* connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(connection);
  }
  available_.notify_one();
}

void Database::begin(soci::session& sql, bool writing) {
  if (dialect_ == Dialect::sqlite) {
    // IMMEDIATE takes the write lock at the start, so two writers queue on busy_timeout
    // instead of deadlocking when both try to upgrade a read lock.
    sql << (writing ? "BEGIN IMMEDIATE" : "BEGIN");
  } else {
    sql << (writing ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
}

Error database_error(const std::exception& failure) {
  const std::string_view what = failure.what();
  if (what.find("UNIQUE constraint failed") != std::string_view::npos ||
      what.find("duplicate key value") != std::string_view::npos) {
    return Error::conflict("duplicate", "记录已存在");
  }
  return Error{
      ErrorKind::unavailable, "db_failure", std::string("数据库错误: ") + std::string(what), {}};
}

std::string escape_like(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string numbered_placeholders(std::string_view query) {
  std::string out;
  out.reserve(query.size() + 16);
  bool in_literal = false;
  int number = 0;
  for (char c : query) {
    if (c == '\'') in_literal = !in_literal;
    if (c == '?' && !in_literal) {
      out += ":p";
      out += std::to_string(++number);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace jingkai::store
