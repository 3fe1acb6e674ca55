// The rules for a file handed in with an application: a plain name, an allowed type whose
// content matches its name, and a size limit. Pure: the service applies them before storing.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/error.hpp"

namespace jingkai::approvals {

// The largest file an application takes: scanned licences and drawings fit well within it.
inline constexpr std::size_t kMaxFileBytes = 20u << 20;

// A file name alone: 1-120 characters of valid UTF-8, no folder separators ('/' or '\'), no
// "." or "..", not starting with '.', and no control or invisible formatting characters: C0
// and C1 controls, DEL, the bidirectional controls (U+061C, U+200E-U+200F, U+202A-U+202E,
// U+2066-U+2069; "invoice<U+202E>fdp.exe" shows as "invoiceexe.pdf"), zero-width and other
// format characters (U+00AD, U+180E, U+200B-U+200D, U+2060-U+206F, U+FEFF, U+FFF9-U+FFFB,
// the tags U+E0000-U+E007F) and the line and paragraph separators (U+2028, U+2029). Error code
// bad_file_name, field "file_name", naming the character (U+202E): a name that tries to leave its
// folder or to show as another never reaches the disk.
Status check_file_name(std::string_view name);

// The types a service centre takes (PDF, OFD, PNG, JPEG, DOCX, XLSX), told by the name's
// extension and confirmed by the content's structure, not only its first bytes.
struct FileType {
  std::string_view extension;     // lower case, without the dot
  std::string_view content_type;  // what downloads are served as
};

// The name first (check_file_name), then: empty_file (400), file_too_large (413),
// file_type_not_allowed (415) for an extension not taken or content that does not start as
// its name says. Then the structure, each refusal 415 with field "file":
//   PDF  "%PDF-1.x" (or 2.x) first, "%%EOF" in its last 1024 bytes (else file_incomplete), and no
//   HTML
//        (<html, <script, <!doctype html, <body, <iframe) in the first 1024 bytes after the
//        header (file_active_content: a page that a browser would render from the download).
//   PNG  the signature, then an IHDR chunk, and the IEND chunk as its very end
//        (file_incomplete; bytes after it are file_structure).
//   JPEG FF D8 FF first, FF D9 last (trailing zero padding allowed; else file_incomplete).
//   DOCX, XLSX, OFD: a ZIP libzip opens whole (file_structure) holding [Content_Types].xml and
//        word/document.xml (DOCX), xl/workbook.xml (XLSX), or OFD.xml (OFD) (file_structure);
//        no entry whose path is absolute or has a ".." step (file_unsafe_entry), and none with
//        a program's name: .exe .dll .bat .cmd .com .js .jse .vbs .vbe .wsf .ps1 .msi .scr
//        .jar .hta .lnk (file_executable).
Result<FileType> check_file(std::string_view name, std::string_view bytes);

}  // namespace jingkai::approvals
