#include "support/test_db.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>

#include "core/digest.hpp"
#include "store/database.hpp"

namespace jingkai::testing {

TempDir::TempDir() {
  path_ = std::filesystem::temp_directory_path() / ("jingkai-test-" + random_token_hex(6));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

TestDatabase::TestDatabase() {
  if (const char* pg = std::getenv("JINGKAI_TEST_PG"); pg && *pg) {
    server_ = pg;
    name_ = "jk_" + random_token_hex(6);
    soci::session admin(soci::postgresql, *store::postgresql_keywords(server_ + "/postgres"));
    admin << "CREATE DATABASE " + name_;
    url_ = server_ + "/" + name_;
  } else {
    dir_ = std::filesystem::temp_directory_path() / ("jingkai-db-" + random_token_hex(6));
    std::filesystem::create_directories(dir_);
    file_ = dir_ / "test.db";
    url_ = file_.string();
  }
}

TestDatabase::~TestDatabase() {
  try {
    if (!server_.empty()) {
      soci::session admin(soci::postgresql, *store::postgresql_keywords(server_ + "/postgres"));
      admin << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    } else {
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
    }
  } catch (...) {
  }
}

void TestDatabase::execute(const std::string& sql) const {
  if (!server_.empty()) {
    soci::session session(soci::postgresql, *store::postgresql_keywords(url_));
    session << sql;
  } else {
    soci::session session(soci::sqlite3, "db=\"" + url_ + "\"");
    session << sql;
  }
}

}  // namespace jingkai::testing
