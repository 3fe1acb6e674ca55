// The run tests the backend it asked for: the store opened on a test database reports the
// dialect that JINGKAI_TEST_BACKEND named (see tests/support/test_db.hpp). Without this, a
// PostgreSQL run whose server was lost would pass on SQLite and prove nothing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "store/database.hpp"
#include "support/test_db.hpp"
#include "support/test_server.hpp"

namespace jingkai::store {
namespace {

using testing::TestDatabase;

// What the run asked for, read from the environment here rather than through the support
// code under test: the backend named, or by hand the one a server implies.
std::string asked_for() {
  const char* backend = std::getenv("JINGKAI_TEST_BACKEND");
  if (backend && *backend) return backend;
  const char* server = std::getenv("JINGKAI_TEST_PG");
  return server && *server ? "postgresql" : "sqlite";
}

TEST(TestBackend, TheStoreRunsOnTheDialectTheRunAskedFor) {
  TestDatabase test_db;
  auto db = Database::open(test_db.url(), 1);
  ASSERT_TRUE(db.has_value()) << db.error().message;
  EXPECT_EQ(std::string(to_string((*db)->dialect())), asked_for());
  EXPECT_EQ(test_db.is_postgresql(), asked_for() == "postgresql");
}

TEST(TestBackend, TheServerUnderTestRunsOnItToo) {
  testing::TestServer server;
  EXPECT_EQ(std::string(to_string(server.app().db().dialect())), asked_for());
  auto health = server.client().get("/api/v1/health");
  ASSERT_EQ(health.status, 200);
  EXPECT_EQ(std::string(health.json().at("db").as_string()), asked_for());
}

// Sets environment variables for one scope and puts back what was there.
class ScopedEnvironment {
 public:
  ~ScopedEnvironment() {
    for (const auto& [name, value] : saved_) {
      value ? setenv(name.c_str(), value->c_str(), 1) : unsetenv(name.c_str());
    }
  }
  void set(const std::string& name, const char* value) {
    if (!saved_.contains(name)) {
      const char* old = std::getenv(name.c_str());
      saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
    }
    value ? setenv(name.c_str(), value, 1) : unsetenv(name.c_str());
  }

 private:
  std::map<std::string, std::optional<std::string>> saved_;
};

TEST(TestBackend, ARunThatAsksForPostgresqlWithoutAServerIsRefused) {
  ScopedEnvironment env;
  env.set("JINGKAI_TEST_BACKEND", "postgresql");
  env.set("JINGKAI_TEST_PG", nullptr);
  EXPECT_THROW(testing::chosen_backend(), std::runtime_error);
  EXPECT_THROW(TestDatabase(), std::runtime_error);
}

TEST(TestBackend, AnUnknownBackendIsRefused) {
  ScopedEnvironment env;
  env.set("JINGKAI_TEST_BACKEND", "mysql");
  EXPECT_THROW(testing::chosen_backend(), std::runtime_error);
}

TEST(TestBackend, ARunThatAsksForSqliteIgnoresAServerInTheEnvironment) {
  ScopedEnvironment env;
  env.set("JINGKAI_TEST_BACKEND", "sqlite");
  env.set("JINGKAI_TEST_PG", "postgresql://postgres@127.0.0.1:1");
  EXPECT_EQ(testing::chosen_backend().backend, testing::Backend::sqlite);
  EXPECT_FALSE(TestDatabase().is_postgresql());
}

TEST(TestBackend, ByHandAServerMeansPostgresqlAndNoServerSqlite) {
  ScopedEnvironment env;
  env.set("JINGKAI_TEST_BACKEND", nullptr);
  env.set("JINGKAI_TEST_PG", "postgresql://postgres@127.0.0.1:1");
  const testing::BackendChoice with_server = testing::chosen_backend();
  EXPECT_EQ(with_server.backend, testing::Backend::postgresql);
  EXPECT_EQ(with_server.server, "postgresql://postgres@127.0.0.1:1");
  env.set("JINGKAI_TEST_PG", nullptr);
  EXPECT_EQ(testing::chosen_backend().backend, testing::Backend::sqlite);
}

}  // namespace
}  // namespace jingkai::store
