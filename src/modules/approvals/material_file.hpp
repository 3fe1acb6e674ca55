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
// "." or "..", no control characters, not starting with '.'. Error code bad_file_name: a
// name that tries to leave its folder never reaches the disk.
Status check_file_name(std::string_view name);

// The types a service centre takes (PDF, OFD, PNG, JPEG, DOCX, XLSX), told by the name's
// extension and confirmed by the first bytes.
struct FileType {
  std::string_view extension;     // lower case, without the dot
  std::string_view content_type;  // what downloads are served as
};

// Errors: empty_file (400), file_too_large (413), file_type_not_allowed (415) naming the
// extension or the mismatch between name and content.
Result<FileType> check_file(std::string_view name, std::string_view bytes);

}  // namespace jingkai::approvals
