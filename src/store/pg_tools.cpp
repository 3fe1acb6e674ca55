#include "store/pg_tools.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/url.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/digest.hpp"

extern char** environ;

namespace jingkai::store {

namespace {

namespace fs = std::filesystem;

bool is_program(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

// The version folders' numbers, highest first: a newer pg_dump reads older servers, not
// the other way round.
std::vector<fs::path> version_folders() {
  std::vector<std::pair<int, fs::path>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos) {
      found.emplace_back(std::stoi(name), entry.path() / "bin");
    }
  }
  std::ranges::sort(found, std::greater{});
  std::vector<fs::path> folders;
  for (auto& [version, folder] : found) folders.push_back(std::move(folder));
  return folders;
}

std::string tail_of(const fs::path& log) {
  std::ifstream in(log);
  std::ostringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  constexpr std::size_t kShown = 2000;
  if (all.size() > kShown) all = "…" + all.substr(all.size() - kShown);
  while (!all.empty() && (all.back() == '\n' || all.back() == ' ')) all.pop_back();
  return all;
}

struct Connection {
  std::string url;  // without the password
  std::string password;
};

Result<Connection> split_password(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) {
    return std::unexpected(Error::invalid("db_url", "无效的 PostgreSQL 地址: " + url, "db"));
  }
  boost::urls::url without(*parsed);
  Connection connection{"", std::string(parsed->password())};
  without.remove_password();
  connection.url = std::string(without.buffer());
  return connection;
}

}  // namespace

Result<fs::path> PgTools::find(std::string_view program) const {
  std::vector<fs::path> folders;
  if (!bindir_.empty()) {
    folders.push_back(bindir_);
  } else {
    folders = version_folders();
    const char* path = std::getenv("PATH");
    std::istringstream entries(path ? path : "");
    for (std::string folder; std::getline(entries, folder, ':');) {
      if (!folder.empty()) folders.emplace_back(folder);
    }
  }
  for (const fs::path& folder : folders) {
    if (is_program(folder / program)) return folder / program;
  }
  const std::string where =
      bindir_.empty() ? "PATH or /usr/lib/postgresql/*/bin" : bindir_.string();
  return std::unexpected(
      Error{ErrorKind::unavailable,
            "pg_tools_missing",
            std::string("找不到 ") + std::string(program) + " (not found in " + where +
                "; install postgresql-client, or name its folder with --pg-bindir)",
            {}});
}

Status PgTools::run(std::string_view program, std::vector<std::string> args, const std::string& url,
                    const fs::path& log) const {
  const fs::path path = TRY(find(program));
  const Connection connection = TRY(split_password(url));
  args.insert(args.begin(), path.string());
  args.push_back("--dbname=" + connection.url);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::vector<std::string> variables;
  for (char** variable = environ; *variable; ++variable) {
    if (!std::string_view(*variable).starts_with("PGPASSWORD=")) variables.emplace_back(*variable);
  }
  if (!connection.password.empty()) variables.push_back("PGPASSWORD=" + connection.password);
  std::vector<char*> envp;
  for (std::string& variable : variables) envp.push_back(variable.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, path.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return std::unexpected(
        Error{ErrorKind::unavailable,
              "pg_tools_failed",
              "cannot run " + path.string() + ": " + std::generic_category().message(spawned),
              {}});
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  return std::unexpected(Error{ErrorKind::unavailable,
                               "pg_tools_failed",
                               std::string(program) + " 失败 (failed): " + tail_of(log),
                               {}});
}

Status PgTools::dump(const std::string& url, const fs::path& archive) const {
  const fs::path log = archive.string() + ".log";
  Status done = run("pg_dump", {"--format=custom", "--file=" + archive.string()}, url, log);
  std::error_code ignored;
  fs::remove(log, ignored);
  return done;
}

Status PgTools::restore(const fs::path& archive, const std::string& url) const {
  const fs::path log = fs::temp_directory_path() / ("jingkai-pg-restore-" + random_token_hex(6));
  Status done = run("pg_restore",
                    {"--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                     archive.string()},
                    url, log);
  std::error_code ignored;
  fs::remove(log, ignored);
  return done;
}

}  // namespace jingkai::store
