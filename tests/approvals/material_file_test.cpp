// What an application takes as a file: plain names that stay in their folder and show as what
// they are, six types confirmed by their structure, nothing empty and nothing over 20 MiB.
#include "modules/approvals/material_file.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "tabular/xlsx_fixtures.hpp"

namespace jingkai::approvals {
namespace {

// The smallest files of each type that pass the structure checks.
const std::string kPdf =
    "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R "
    ">>\n%%EOF\n";
const std::string kPngStart = std::string(
    "\x89PNG\r\n\x1a\n\0\0\0\x0DIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1F\x15\xC4\x89", 33);
const std::string kPngEnd = std::string("\0\0\0\0IEND\xAE\x42\x60\x82", 12);
const std::string kPng = kPngStart + kPngEnd;
const std::string kJpeg =
    std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9", 22);
const std::string kElf = std::string(
    "\x7F"
    "ELF\x02\x01\x01\0",
    8);

std::string docx(tabular::testing::Parts extra = {}) {
  tabular::testing::Parts parts = {{"[Content_Types].xml", "<Types/>"},
                                   {"_rels/.rels", "<Relationships/>"},
                                   {"word/document.xml", "<w:document/>"}};
  parts.insert(parts.end(), extra.begin(), extra.end());
  return tabular::testing::zip_parts(parts);
}
const std::string kDocx = docx();
const std::string kXlsx = tabular::testing::zip_parts(
    {{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
const std::string kOfd =
    tabular::testing::zip_parts({{"OFD.xml", "<ofd:OFD/>"}, {"Doc_0/Document.xml", "<Document/>"}});
const std::string kZip = kDocx;

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

TEST(MaterialFileType, EachTakenTypeIsConfirmedByItsStructure) {
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
      {"a.ofd", kOfd, "application/ofd"},
      {"a.docx", kDocx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"a.xlsx", kXlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
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
  big.insert(kPdf.size() - 6, kMaxFileBytes - kPdf.size(), ' ');  // before the %%EOF
  EXPECT_EQ(code_of("a.pdf", big), "ok");
  big.insert(0, " ");
  auto checked = check_file("a.pdf", big);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, "file_too_large");
  EXPECT_EQ(checked.error().kind, ErrorKind::payload_too_large);
}

TEST(MaterialFileType, TheNameIsCheckedBeforeTheContent) {
  EXPECT_EQ(code_of("../a.pdf", ""), "bad_file_name");
  EXPECT_EQ(code_of("../a.exe", kElf), "bad_file_name");
}

// The code and kind of what check_file says, with the field it names.
void expect_refused(std::string_view name, const std::string& bytes, std::string_view code) {
  auto checked = check_file(name, bytes);
  ASSERT_FALSE(checked) << name << " was taken";
  EXPECT_EQ(checked.error().code, code) << name << ": " << checked.error().message;
  EXPECT_EQ(checked.error().kind, ErrorKind::unsupported_media_type) << name;
  EXPECT_EQ(checked.error().field, "file") << name;
}

TEST(MaterialFileName, BidirectionalControlsAreRefusedNamingTheCharacter) {
  // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf"; each of these reorders text on screen.
  for (const char* control : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                              "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"}) {
    const std::string name = std::string("invoice") + control + "fdp.pdf";
    auto checked = check_file_name(name);
    ASSERT_FALSE(checked) << name;
    EXPECT_EQ(checked.error().code, "bad_file_name");
    EXPECT_EQ(checked.error().field, "file_name");
  }
  auto checked = check_file_name("invoice\u202Efdp.pdf");
  ASSERT_FALSE(checked);
  EXPECT_NE(checked.error().message.find("U+202E"), std::string::npos) << checked.error().message;
}

TEST(MaterialFileName, InvisibleFormatCharactersAndC1ControlsAreRefused) {
  for (const char* hidden : {"\u200B", "\u200C", "\u200D", "\u2060", "\u2064", "\u206F", "\uFEFF",
                             "\u00AD", "\u180E", "\u2028", "\u2029", "\uFFF9", "\uFFFB",
                             "\U000E0001", "\U000E007F", "\u0080", "\u0085", "\u009F"}) {
    const std::string name = std::string("营业") + hidden + "执照.pdf";
    EXPECT_FALSE(check_file_name(name)) << name;
  }
}

TEST(MaterialFileName, VisibleCharactersNextToTheRefusedRangesAreTaken) {
  for (const char* name : {"a\u00A0b.pdf", "a\u00AEb.pdf", "a\u2010b.pdf", "a\u2027b.pdf",
                           "a\u202Fb.pdf", "a\u2070b.pdf", "a\uFFFCb.pdf", "a\U000E0100b.pdf",
                           "مرحبا.pdf", "שלום.pdf", "a\u3000b.pdf", "😀.pdf"}) {
    EXPECT_TRUE(check_file_name(name)) << name;
  }
}

TEST(MaterialFileType, APdfNeedsItsVersionHeader) {
  expect_refused("a.pdf", "%PDF-\n" + kPdf.substr(9), "file_structure");
  expect_refused("a.pdf", "%PDF-3.0\n%%EOF\n", "file_structure");
  EXPECT_EQ(code_of("a.pdf", "%PDF-2.0\n%%EOF\n"), "ok");
  expect_refused("a.pdf", "%PDF-1.x\n%%EOF\n", "file_structure");
  EXPECT_EQ(code_of("a.pdf", "%PDF-1.4\n%%EOF"), "ok");
}

TEST(MaterialFileType, APdfWithoutEofNearItsEndIsIncomplete) {
  expect_refused("a.pdf", "%PDF-1.4\n% jingkai test\n", "file_incomplete");
  expect_refused("a.pdf", kPdf.substr(0, kPdf.size() - 3), "file_incomplete");
  // %%EOF followed by a little trailing data (an incremental tool's newline, a signature
  // pad) is within the last 1024 bytes, as readers allow.
  EXPECT_EQ(code_of("a.pdf", kPdf + std::string(1000, '\n')), "ok");
  expect_refused("a.pdf", kPdf + std::string(1100, '\n'), "file_incomplete");
}

TEST(MaterialFileType, APdfThatIsAWebPageIsRefused) {
  for (const std::string page :
       {"<html><body>x</body></html>", "<script>alert(1)</script>", "<!DOCTYPE html><p>", "<HTML>",
        "<ScRiPt src=x>", "<iframe src=x>", "<BODY onload=x>"}) {
    const std::string bytes = "%PDF-1.4\n" + page + "\n%%EOF\n";
    expect_refused("a.pdf", bytes, "file_active_content");
  }
  auto checked = check_file("a.pdf", "%PDF-1.4\n<script>x</script>\n%%EOF\n");
  EXPECT_NE(checked.error().message.find("<script"), std::string::npos);
  // Deep inside a real PDF a stream may hold anything; only the first KB is looked at.
  EXPECT_EQ(code_of("a.pdf", "%PDF-1.4\n" + std::string(1100, ' ') + "<html>\n%%EOF\n"), "ok");
}

TEST(MaterialFileType, APngNeedsItsHeaderChunkAndEndsWithIend) {
  expect_refused("a.png", kPngStart, "file_incomplete");
  expect_refused("a.png", kPng.substr(0, kPng.size() - 1), "file_incomplete");
  expect_refused("a.png", std::string("\x89PNG\r\n\x1a\n", 8) + kPngEnd, "file_structure");
  // Another file riding after the image (a ZIP, a page) makes it two files in one.
  expect_refused("a.png", kPng + "PK\x03\x04", "file_structure");
  expect_refused("a.png", kPng + "<html>", "file_structure");
}

TEST(MaterialFileType, AJpegEndsWithItsEndOfImageMarker) {
  expect_refused("a.jpg", kJpeg.substr(0, kJpeg.size() - 2), "file_incomplete");
  expect_refused("a.jpeg", kJpeg + "<html>", "file_incomplete");
  EXPECT_EQ(code_of("a.jpg", kJpeg + std::string(16, '\0')), "ok");  // cameras pad with zeros
  expect_refused("a.jpg", "\xFF\xD8\xFF", "file_incomplete");
}

TEST(MaterialFileType, AnOfficeFileMustBeAWholeZip) {
  expect_refused("a.docx", std::string("PK\x03\x04\x14\0\0\0", 8), "file_structure");
  expect_refused("a.docx", kDocx.substr(0, kDocx.size() - 10), "file_structure");
  expect_refused("a.xlsx", kXlsx.substr(0, kXlsx.size() / 2), "file_structure");
  expect_refused("a.ofd", kOfd.substr(0, 30), "file_structure");
}

TEST(MaterialFileType, AnOfficeFileMustHoldThePartsOfItsType) {
  // A .docx with a spreadsheet inside, an .xlsx with a document, an OFD without OFD.xml.
  expect_refused("a.docx", kXlsx, "file_structure");
  expect_refused("a.xlsx", kDocx, "file_structure");
  expect_refused("a.ofd", kDocx, "file_structure");
  expect_refused("a.docx", tabular::testing::zip_parts({{"word/document.xml", "<w:document/>"}}),
                 "file_structure");
  auto checked = check_file("a.xlsx", kDocx);
  EXPECT_NE(checked.error().message.find("xl/workbook.xml"), std::string::npos);
}

TEST(MaterialFileType, AZipWithAProgramInsideIsRefusedWhateverItIsCalled) {
  for (const char* program :
       {"setup.exe", "word/media/x.EXE", "a.dll", "run.bat", "run.cmd", "x.com", "x.js", "x.vbs",
        "x.ps1", "x.msi", "x.scr", "x.jar", "x.hta", "x.lnk", "x.wsf"}) {
    const std::string bytes = docx({{program, "MZ"}});
    expect_refused("a.docx", bytes, "file_executable");
  }
  auto checked = check_file("a.docx", docx({{"payload/setup.exe", "MZ"}}));
  EXPECT_NE(checked.error().message.find("payload/setup.exe"), std::string::npos);
  expect_refused("a.ofd", tabular::testing::zip_parts({{"OFD.xml", "<ofd/>"}, {"x.exe", "MZ"}}),
                 "file_executable");
  // Names that only contain such letters are ordinary parts.
  EXPECT_EQ(code_of("a.docx", docx({{"word/exec.xml", "<x/>"}, {"word/comments.xml", "<x/>"}})),
            "ok");
}

TEST(MaterialFileType, AZipWhoseEntriesLeaveTheirFolderIsRefused) {
  for (const char* path : {"../evil.xml", "word/../../evil.xml", "/etc/cron.d/x", "\\evil.xml",
                           "C:/evil.xml", "word\\..\\..\\evil.xml", ".."}) {
    expect_refused("a.docx", docx({{path, "<x/>"}}), "file_unsafe_entry");
  }
  EXPECT_EQ(code_of("a.docx", docx({{"word/..media/a.png", "x"}, {"word/a..b.xml", "<x/>"}})),
            "ok");
}

TEST(MaterialFileType, AZipThatOnlyLooksLikeADocxIsRefused) {
  // The report's case: a ZIP holding a program, named .docx.
  expect_refused("报告.docx", tabular::testing::zip_parts({{"setup.exe", "MZ"}}),
                 "file_executable");
  expect_refused("报告.docx", tabular::testing::zip_parts({{"readme.txt", "hi"}}),
                 "file_structure");
}

TEST(MaterialFileType, DamagedFilesOfEveryTypeAreTakenOrRefusedNeverACrash) {
  // Random bytes overwritten, cut or inserted in a good file of each type, with a fixed seed:
  // whatever comes out is taken or refused with one of the documented codes.
  const std::set<std::string> codes = {"file_type_not_allowed", "file_structure",
                                       "file_incomplete",       "file_active_content",
                                       "file_unsafe_entry",     "file_executable"};
  std::mt19937 random(32100);
  const std::pair<const char*, const std::string*> files[] = {
      {"a.pdf", &kPdf},   {"a.png", &kPng},   {"a.jpg", &kJpeg},
      {"a.docx", &kDocx}, {"a.xlsx", &kXlsx}, {"a.ofd", &kOfd}};
  int taken = 0;
  int refused = 0;
  for (const auto& [name, good] : files) {
    for (int trial = 0; trial < 2000; ++trial) {
      std::string bytes = *good;
      for (int k = 1 + static_cast<int>(random() % 4); k > 0 && !bytes.empty(); --k) {
        const std::size_t at = random() % bytes.size();
        switch (random() % 3) {
          case 0:
            bytes[at] = static_cast<char>(random());
            break;
          case 1:
            bytes.resize(at);
            break;
          default:
            bytes.insert(at, 1, static_cast<char>(random()));
        }
      }
      auto checked = check_file(name, bytes);
      if (checked) {
        ++taken;
        continue;
      }
      ++refused;
      const Error& error = checked.error();
      if (bytes.empty()) {
        EXPECT_EQ(error.code, "empty_file");
        continue;
      }
      EXPECT_TRUE(codes.contains(error.code)) << name << ": " << error.code;
      EXPECT_EQ(error.field, "file");
      EXPECT_EQ(error.kind, ErrorKind::unsupported_media_type);
    }
  }
  EXPECT_GT(taken, 0);  // harmless damage (inside a PDF's body, a ZIP's stored text) passes
  EXPECT_GT(refused, 6000);
}

}  // namespace
}  // namespace jingkai::approvals
