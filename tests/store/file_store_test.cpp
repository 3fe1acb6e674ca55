// The file store: content under its digest, durable before put() returns, and no debris from a
// put() a crash cut short.
#include "store/file_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "core/digest.hpp"

namespace jingkai::store {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the temporary directory, removed afterwards.
class FileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path = (fs::temp_directory_path() / "jingkai-files-XXXXXX").string();
    ASSERT_NE(mkdtemp(path.data()), nullptr);
    root_ = path;
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add, ec);
    for (const auto& entry : fs::recursive_directory_iterator(root_, ec)) {
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(root_, ec);
  }

  static void write(const fs::path& path, std::string_view bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
  }
  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  // Every file under the store's folder, relative to it.
  std::vector<std::string> files() const {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(root_)) {
      if (entry.is_regular_file()) found.push_back(fs::relative(entry.path(), root_).string());
    }
    std::ranges::sort(found);
    return found;
  }
  fs::path at(std::string_view digest) const {
    return root_ / std::string(digest.substr(0, 2)) / std::string(digest.substr(2));
  }

  fs::path root_;
};

TEST_F(FileStoreTest, BytesAreStoredUnderTheirDigestAndReadBack) {
  FileStore store(root_);
  auto digest = store.put("%PDF-1.4 申请书");
  ASSERT_TRUE(digest) << digest.error().message;
  EXPECT_EQ(*digest, sha256_hex("%PDF-1.4 申请书"));
  EXPECT_EQ(read(at(*digest)), "%PDF-1.4 申请书");
  EXPECT_EQ(store.get(*digest).value(), "%PDF-1.4 申请书");
}

TEST_F(FileStoreTest, APutLeavesOnlyTheFileItselfBehind) {
  FileStore store(root_);
  const std::string digest = store.put("one").value();
  ASSERT_TRUE(store.put("one"));  // the same content twice is kept once
  const std::string other = store.put(std::string(3 << 20, 'x')).value();
  std::vector<std::string> expected = {fs::relative(at(digest), root_).string(),
                                       fs::relative(at(other), root_).string()};
  std::ranges::sort(expected);
  EXPECT_EQ(files(), expected);
}

TEST_F(FileStoreTest, EmptyContentIsStoredToo) {
  FileStore store(root_);
  auto digest = store.put("");
  ASSERT_TRUE(digest);
  EXPECT_EQ(store.get(*digest).value(), "");
}

TEST_F(FileStoreTest, AFileCutShortBeforeItWasDurableIsWrittenAgain) {
  FileStore store(root_);
  const std::string bytes = "the whole content of a scanned licence";
  const std::string digest = sha256_hex(bytes);
  write(at(digest), bytes.substr(0, 10));  // what a power cut left of an older put()
  ASSERT_EQ(store.put(bytes).value(), digest);
  EXPECT_EQ(read(at(digest)), bytes);
}

TEST_F(FileStoreTest, OpeningRemovesTemporaryFilesACrashLeftBehind) {
  const std::string digest = sha256_hex("kept");
  write(at(digest), "kept");
  const fs::path old_partial = at(digest).string() + ".partial-0123456789abcdef";
  const fs::path young_partial = at(sha256_hex("young")).string() + ".partial-fedcba9876543210";
  const fs::path stranger = root_ / "ab" / "notes.txt";
  write(old_partial, "half of a fi");
  write(young_partial, "being written by another process now");
  write(stranger, "not the store's");
  fs::last_write_time(old_partial, fs::file_time_type::clock::now() - std::chrono::hours(1));

  const FileStore store(root_);
  EXPECT_FALSE(fs::exists(old_partial));
  // A younger one may be another process's put() in progress: it stays until it is old.
  EXPECT_TRUE(fs::exists(young_partial));
  EXPECT_TRUE(fs::exists(stranger));
  EXPECT_EQ(store.get(digest).value(), "kept");
}

TEST_F(FileStoreTest, OpeningAMissingOrEmptyFolderIsFine) {
  const FileStore missing(root_ / "not-yet");
  EXPECT_FALSE(fs::exists(root_ / "not-yet"));
  auto digest = missing.put("first");
  ASSERT_TRUE(digest) << digest.error().message;
  EXPECT_EQ(missing.get(*digest).value(), "first");
  const FileStore again(root_ / "not-yet");
  EXPECT_EQ(again.get(*digest).value(), "first");
}

TEST_F(FileStoreTest, AFolderThatCannotBeWrittenIsAnErrorAndLeavesNoDebris) {
  if (geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
  FileStore store(root_);
  const std::string digest = sha256_hex("refused");
  fs::create_directories(at(digest).parent_path());
  fs::permissions(at(digest).parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
  auto put = store.put("refused");
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().code, "file_store");
  EXPECT_EQ(put.error().kind, ErrorKind::unavailable);
  EXPECT_NE(put.error().message.find(at(digest).parent_path().string()), std::string::npos)
      << put.error().message;
  fs::permissions(at(digest).parent_path(), fs::perms::owner_all);
  EXPECT_TRUE(files().empty());
}

TEST_F(FileStoreTest, AFolderBlockedByAFileIsAnErrorNotACrash) {
  FileStore store(root_);
  const std::string digest = sha256_hex("blocked");
  write(root_ / digest.substr(0, 2), "a file where the folder goes");
  auto put = store.put("blocked");
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().code, "file_store");
  EXPECT_EQ(put.error().kind, ErrorKind::unavailable);
}

TEST_F(FileStoreTest, AMissingFileIsNotFoundAndAMalformedDigestIsInvalid) {
  FileStore store(root_);
  EXPECT_EQ(store.get(sha256_hex("absent")).error().code, "file_missing");
  EXPECT_EQ(store.get("../../etc/passwd").error().code, "bad_digest");
  EXPECT_EQ(store.get(std::string(64, 'G')).error().code, "bad_digest");
}

}  // namespace
}  // namespace jingkai::store
