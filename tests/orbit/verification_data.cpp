#include "verification_data.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace jingkai::orbit::testing {
namespace {

bool holds_data(const std::filesystem::path& folder) {
  return std::filesystem::exists(folder / "SGP4-VER.TLE") &&
         std::filesystem::exists(folder / "tcppver.out");
}

std::optional<std::filesystem::path> ask_python() {
  FILE* pipe = popen(
      "/usr/bin/python3 -c 'import sgp4, os; print(os.path.dirname(sgp4.__file__))' "
      "2>/dev/null",
      "r");
  if (pipe == nullptr) return std::nullopt;
  std::string output;
  char buffer[512];
  while (fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  pclose(pipe);
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  if (output.empty()) return std::nullopt;
  return std::filesystem::path(output);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

std::optional<std::filesystem::path> find_verification_data() {
  if (const char* env = std::getenv("JINGKAI_SGP4_DATA_DIR"); env != nullptr && *env != '\0') {
    if (holds_data(env)) return std::filesystem::path(env);
    return std::nullopt;
  }
  if (auto folder = ask_python(); folder && holds_data(*folder)) return folder;
  const std::filesystem::path debian = "/usr/lib/python3/dist-packages/sgp4";
  if (holds_data(debian)) return debian;
  return std::nullopt;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<VerificationCase> read_verification_cases(const std::string& tle_ver_text) {
  std::vector<VerificationCase> cases;
  const auto lines = lines_of(tle_ver_text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].starts_with("1 ")) continue;
    if (i + 1 >= lines.size() || !lines[i + 1].starts_with("2 ")) {
      throw std::runtime_error("SGP4-VER.TLE: line 1 without line 2 at line " +
                               std::to_string(i + 1));
    }
    VerificationCase c;
    c.file_line = static_cast<int>(i) + 1;
    c.line1 = lines[i].substr(0, 69);
    c.line2 = lines[i + 1].substr(0, 69);
    std::istringstream times(lines[i + 1].substr(69));
    if (!(times >> c.range.start >> c.range.stop >> c.range.step)) {
      throw std::runtime_error("SGP4-VER.TLE: no start/stop/step after line 2 at line " +
                               std::to_string(i + 2));
    }
    cases.push_back(std::move(c));
    ++i;
  }
  return cases;
}

std::vector<ReferenceSatellite> read_reference_output(const std::string& tcppver_text) {
  std::vector<ReferenceSatellite> satellites;
  for (const std::string& line : lines_of(tcppver_text)) {
    if (line.empty()) continue;
    if (line.ends_with(" xx")) {
      satellites.push_back(ReferenceSatellite{std::stoi(line), {}});
      continue;
    }
    if (satellites.empty()) throw std::runtime_error("tcppver.out: a row before any header");
    ReferenceRow row;
    std::istringstream fields(line);
    if (!(fields >> row.tsince >> row.position_km[0] >> row.position_km[1] >> row.position_km[2] >>
          row.velocity_km_s[0] >> row.velocity_km_s[1] >> row.velocity_km_s[2])) {
      throw std::runtime_error("tcppver.out: unreadable row: " + line);
    }
    row.text = line;
    satellites.back().rows.push_back(std::move(row));
  }
  return satellites;
}

}  // namespace jingkai::orbit::testing
