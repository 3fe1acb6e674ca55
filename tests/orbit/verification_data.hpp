// Vallado's SGP4 verification set, as Debian's python3-sgp4 ships it: SGP4-VER.TLE (33
// element sets, each line 2 followed by start, stop and step minutes beyond column 69) and
// tcppver.out (the reference states). Read at run time; nothing of them is committed.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "orbit/verification_output.hpp"

namespace jingkai::orbit::testing {

// The folder holding both files: $JINGKAI_SGP4_DATA_DIR if set, else the folder of the
// `sgp4` module as Debian's python3 reports it, else Debian's standard path. Empty when
// none holds them.
std::optional<std::filesystem::path> find_verification_data();

std::string read_file(const std::filesystem::path& path);

struct VerificationCase {
  std::string line1;  // 69 columns
  std::string line2;  // 69 columns (the times after it removed)
  TsinceRange range;
  int file_line = 0;  // line number of line 1 in SGP4-VER.TLE
};

std::vector<VerificationCase> read_verification_cases(const std::string& tle_ver_text);

struct ReferenceRow {
  double tsince = 0.0;
  std::array<double, 3> position_km{};
  std::array<double, 3> velocity_km_s{};
  std::string text;  // the line as written in tcppver.out
};

struct ReferenceSatellite {
  int catalog_number = 0;
  std::vector<ReferenceRow> rows;
};

std::vector<ReferenceSatellite> read_reference_output(const std::string& tcppver_text);

}  // namespace jingkai::orbit::testing
