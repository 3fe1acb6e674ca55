// The tests' own layout (tests/README.md): every folder of tests/ mirrors a folder of src/,
// and PURE_SUITE_LIST in tests/CMakeLists.txt names only suites that exist, so that a renamed
// suite cannot leave a stale entry behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace jingkai {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = JINGKAI_SOURCE_DIR;

// The suites listed between `set(PURE_SUITE_LIST` and its closing parenthesis, one a line.
std::set<std::string> pure_suite_list() {
  std::ifstream in(kRoot / "tests" / "CMakeLists.txt");
  EXPECT_TRUE(in.good());
  std::set<std::string> suites;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with("set(PURE_SUITE_LIST")) {
      inside = true;
    } else if (inside) {
      if (line.find(')') != std::string::npos) break;
      line.erase(0, line.find_first_not_of(' '));
      line.erase(line.find_last_not_of(' ') + 1);
      if (!line.empty()) suites.insert(line);
    }
  }
  return suites;
}

TEST(TestLayout, EverySuiteListedAsPureExists) {
  const std::set<std::string> listed = pure_suite_list();
  ASSERT_GT(listed.size(), 10u);
  std::set<std::string> registered;
  const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
  for (int i = 0; i < unit.total_test_suite_count(); ++i) {
    registered.insert(unit.GetTestSuite(i)->name());
  }
  for (const std::string& suite : listed) {
    EXPECT_TRUE(registered.contains(suite))
        << suite << " is in PURE_SUITE_LIST, but no test belongs to a suite of that name";
  }
}

TEST(TestLayout, EveryFolderOfTestsMirrorsAFolderOfSrc) {
  // Shared helpers, fuzz targets and the command line's end-to-end script belong to no one
  // folder of src/.
  const std::set<std::string> outside_src = {"support", "fuzz", "cli"};
  int folders = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(kRoot / "tests")) {
    if (!entry.is_directory()) continue;
    const std::string name = entry.path().filename().string();
    ++folders;
    const bool mirrors = fs::is_directory(kRoot / "src" / name) ||
                         fs::is_directory(kRoot / "src" / "modules" / name);
    EXPECT_TRUE(mirrors || outside_src.contains(name))
        << "tests/" << name << "/ is no folder of src/ or src/modules/ (see tests/README.md)";
  }
  EXPECT_GT(folders, 5);
}

TEST(TestLayout, NoTestSitsAtTheTopOfTests) {
  for (const fs::directory_entry& entry : fs::directory_iterator(kRoot / "tests")) {
    const std::string name = entry.path().filename().string();
    EXPECT_FALSE(entry.is_regular_file() && name.ends_with("_test.cpp"))
        << "tests/" << name << " belongs in the folder of the code it tests";
  }
}

}  // namespace
}  // namespace jingkai
