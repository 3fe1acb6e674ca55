// What an application takes as a file: plain names that stay in their folder, six types
// confirmed by their first bytes, nothing empty and nothing over 20 MiB.
#include "modules/approvals/material_file.hpp"

#include <gtest/gtest.h>

namespace jingkai::approvals {
namespace {

const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string kJpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF";
const std::string kZip = std::string("PK\x03\x04\x14\0\0\0", 8);
const std::string kElf = std::string(
    "\x7F"
    "ELF\x02\x01\x01\0",
    8);

std::string code_of(std::string_view name, std::string_view bytes = kPdf) {
  auto checked = check_file(name, bytes);
  return checked ? std::string("ok") : checked.error().code;
}

TEST(MaterialFileName, PlainNamesInAnyScriptAreTaken) {
  for (const char* name : {"营业执照.pdf", "a.pdf", "Business licence (copy) 2026.pdf",
                           "法定代表人身份证-正反面.pdf", "x..y.pdf", "名称 with spaces .pdf"}) {
    EXPECT_TRUE(check_file_name(name)) << name;
  }
}

TEST(MaterialFileName, NamesThatTryToLeaveTheirFolderAreRefused) {
  for (const char* name :
       {"../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "sub/dir.pdf",
        "C:\\temp\\a.pdf", "..", ".", "./a.pdf", "a/../../b.pdf", "..pdf"}) {
    auto checked = check_file_name(name);
    ASSERT_FALSE(checked) << name;
    EXPECT_EQ(checked.error().code, "bad_file_name") << name;
    EXPECT_EQ(checked.error().field, "file_name");
    EXPECT_EQ(checked.error().kind, ErrorKind::invalid_input);
  }
}

TEST(MaterialFileName, HiddenEmptyControlAndBrokenNamesAreRefused) {
  for (std::string name :
       {std::string(".htaccess"), std::string(""), std::string("a\nb.pdf"), std::string("a\rb.pdf"),
        std::string("tab\t.pdf"), std::string("nul\0.pdf", 8), std::string("del\x7F.pdf"),
        std::string("\xC3\x28.pdf"), std::string("\xE8\x90.pdf"), std::string("\xC0\xAF.pdf")}) {
    auto checked = check_file_name(name);
    ASSERT_FALSE(checked) << name;
    EXPECT_EQ(checked.error().code, "bad_file_name");
  }
}

TEST(MaterialFileName, AtMost120Characters) {
  EXPECT_TRUE(check_file_name(std::string(116, 'a') + ".pdf"));
  EXPECT_FALSE(check_file_name(std::string(117, 'a') + ".pdf"));
  std::string chinese;
  for (int i = 0; i < 116; ++i) chinese += "证";
  EXPECT_TRUE(check_file_name(chinese + ".pdf"));  // 348 bytes, 120 characters
  EXPECT_FALSE(check_file_name(chinese + "证.pdf"));
}

TEST(MaterialFileType, EachTakenTypeIsConfirmedByItsFirstBytes) {
  struct Case {
    const char* name;
    const std::string& bytes;
    std::string_view content_type;
  };
  const Case cases[] = {
      {"a.pdf", kPdf, "application/pdf"},
      {"A.PDF", kPdf, "application/pdf"},
      {"a.png", kPng, "image/png"},
      {"a.jpg", kJpeg, "image/jpeg"},
      {"a.JPEG", kJpeg, "image/jpeg"},
      {"a.ofd", kZip, "application/ofd"},
      {"a.docx", kZip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"a.xlsx", kZip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  };
  for (const Case& c : cases) {
    auto type = check_file(c.name, c.bytes);
    ASSERT_TRUE(type) << c.name << ": " << type.error().message;
    EXPECT_EQ(type->content_type, c.content_type) << c.name;
  }
}

TEST(MaterialFileType, ContentThatDoesNotMatchItsNameIsRefused) {
  EXPECT_EQ(code_of("a.pdf", kPng), "file_type_not_allowed");
  EXPECT_EQ(code_of("a.png", kPdf), "file_type_not_allowed");
  EXPECT_EQ(code_of("a.jpg", kZip), "file_type_not_allowed");
  EXPECT_EQ(code_of("a.docx", kPdf), "file_type_not_allowed");
  // A program renamed to look like a document.
  EXPECT_EQ(code_of("营业执照.pdf", kElf), "file_type_not_allowed");
  auto checked = check_file("a.pdf", kElf);
  EXPECT_EQ(checked.error().kind, ErrorKind::unsupported_media_type);
}

TEST(MaterialFileType, OtherTypesAreRefusedWhateverTheyContain) {
  for (const char* name :
       {"setup.exe", "a.sh", "a.html", "a.svg", "a.doc", "a.zip", "a", "a.pdf.exe", "a.tar.gz"}) {
    EXPECT_EQ(code_of(name, kPdf), "file_type_not_allowed") << name;
  }
  auto checked = check_file("setup.exe", kElf);
  EXPECT_NE(checked.error().message.find(".exe"), std::string::npos);
}

TEST(MaterialFileType, EmptyAndOversizedFilesAreRefused) {
  EXPECT_EQ(code_of("a.pdf", ""), "empty_file");
  std::string big = kPdf;
  big.resize(kMaxFileBytes, ' ');
  EXPECT_EQ(code_of("a.pdf", big), "ok");
  big.push_back(' ');
  auto checked = check_file("a.pdf", big);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, "file_too_large");
  EXPECT_EQ(checked.error().kind, ErrorKind::payload_too_large);
}

TEST(MaterialFileType, TheNameIsCheckedBeforeTheContent) {
  EXPECT_EQ(code_of("../a.pdf", ""), "bad_file_name");
  EXPECT_EQ(code_of("../a.exe", kElf), "bad_file_name");
}

}  // namespace
}  // namespace jingkai::approvals
