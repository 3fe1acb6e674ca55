// SGP4/SDP4 against Vallado's verification set (SGP4-VER.TLE, tcppver.out) from Debian's
// python3-sgp4 package: tcppver.out was written by Vallado's C++ driver with WGS-72 and
// operation mode 'i', so those are the settings here.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "orbit/sgp4.hpp"
#include "orbit/tle.hpp"
#include "orbit/verification_output.hpp"
#include "verification_data.hpp"

namespace jingkai::orbit {
namespace {

using testing::ReferenceSatellite;
using testing::VerificationCase;

constexpr double kPositionToleranceKm = 2e-7;
constexpr double kVelocityToleranceKmS = 1e-9;
constexpr Sgp4Options kReferenceOptions{GravityModel::kWgs72, OperationMode::kImproved};

struct VerificationData {
  std::vector<VerificationCase> cases;
  std::vector<ReferenceSatellite> reference;
  std::string tcppver_text;
};

// Loaded once; nullptr (and the tests fail saying why) when the files are missing.
const VerificationData* verification_data() {
  static const std::optional<VerificationData> data = []() -> std::optional<VerificationData> {
    const auto folder = testing::find_verification_data();
    if (!folder) return std::nullopt;
    VerificationData d;
    d.cases = testing::read_verification_cases(testing::read_file(*folder / "SGP4-VER.TLE"));
    d.tcppver_text = testing::read_file(*folder / "tcppver.out");
    d.reference = testing::read_reference_output(d.tcppver_text);
    return d;
  }();
  return data ? &*data : nullptr;
}

constexpr const char* kMissing =
    "Vallado's verification files (SGP4-VER.TLE, tcppver.out) were not found: install "
    "Debian's python3-sgp4 (the folder of /usr/bin/python3's sgp4 module) or set "
    "JINGKAI_SGP4_DATA_DIR to a folder that holds them";

Sgp4 satellite_of(const VerificationCase& c) {
  // Cases 33333-33335 carry wrong checksums on purpose.
  TleParseOptions options;
  options.checksums = ChecksumPolicy::kIgnore;
  options.first_line_number = c.file_line;
  auto tle = parse_tle(c.line1, c.line2, options);
  if (!tle) throw std::runtime_error("SGP4-VER.TLE: " + tle.error().to_string());
  auto sgp4 = Sgp4::create(*tle, kReferenceOptions);
  if (!sgp4) throw std::runtime_error("SGP4-VER.TLE: SGP4 rejects line " + c.line1);
  return *sgp4;
}

struct Comparison {
  int rows_compared = 0;
  double worst_position_km = 0.0;
  double worst_velocity_km_s = 0.0;
  std::string worst_position_where;
  std::string worst_velocity_where;
  std::vector<PropagationStop> stops;
  std::vector<std::string> failures;
};

// The reference driver prints the previous satellite's last state for an element set that
// fails at epoch (it prints before checking the error): that row is not a state of its own.
bool is_stale_row(const VerificationData& data, std::size_t index) {
  if (index == 0 || data.reference[index].rows.size() != 1) return false;
  const auto& previous = data.reference[index - 1].rows.back();
  const auto& row = data.reference[index].rows.front();
  return row.position_km == previous.position_km && row.velocity_km_s == previous.velocity_km_s;
}

Comparison compare_with_reference(const VerificationData& data) {
  Comparison result;
  for (std::size_t k = 0; k < data.cases.size(); ++k) {
    const VerificationCase& c = data.cases[k];
    const ReferenceSatellite& reference = data.reference[k];
    const Sgp4 sgp4 = satellite_of(c);
    const std::vector<double> times = tsince_times(c.range);
    std::size_t row = 0;
    for (double tsince : times) {
      const auto state = sgp4.propagate(tsince);
      if (!state) {
        result.stops.push_back(PropagationStop{reference.catalog_number, tsince, state.error()});
        break;
      }
      if (row >= reference.rows.size()) {
        result.failures.push_back(fmt::format("{}: a state at {} beyond the reference's rows",
                                              reference.catalog_number, tsince));
        break;
      }
      const auto& expected = reference.rows[row++];
      if (std::fabs(expected.tsince - tsince) > 5e-9) {
        result.failures.push_back(fmt::format("{}: row {} is at {} in the reference, {} here",
                                              reference.catalog_number, row, expected.tsince,
                                              tsince));
      }
      for (int i = 0; i < 3; ++i) {
        const double dr = std::fabs(state->position_km[i] - expected.position_km[i]);
        const double dv = std::fabs(state->velocity_km_s[i] - expected.velocity_km_s[i]);
        if (dr > result.worst_position_km) {
          result.worst_position_km = dr;
          result.worst_position_where =
              fmt::format("{} at {} min", reference.catalog_number, tsince);
        }
        if (dv > result.worst_velocity_km_s) {
          result.worst_velocity_km_s = dv;
          result.worst_velocity_where =
              fmt::format("{} at {} min", reference.catalog_number, tsince);
        }
      }
      ++result.rows_compared;
    }
    const std::size_t expected_rows = is_stale_row(data, k) ? 0 : reference.rows.size();
    if (row != expected_rows) {
      result.failures.push_back(fmt::format("{}: {} states here, {} in the reference",
                                            reference.catalog_number, row, expected_rows));
    }
  }
  return result;
}

const Comparison& comparison() {
  static const Comparison result = compare_with_reference(*verification_data());
  return result;
}

TEST(Sgp4Verification, FindsTheVerificationFilesOfDebiansPython3Sgp4) {
  ASSERT_NE(verification_data(), nullptr) << kMissing;
}

TEST(Sgp4Verification, ReadsThirtyThreeCasesWithOneSatelliteTwice) {
  const VerificationData* data = verification_data();
  ASSERT_NE(data, nullptr) << kMissing;
  ASSERT_EQ(data->cases.size(), 33u);
  ASSERT_EQ(data->reference.size(), 33u);
  int sl12_cases = 0;
  for (std::size_t k = 0; k < data->cases.size(); ++k) {
    const auto tle = parse_tle(data->cases[k].line1, data->cases[k].line2,
                               TleParseOptions{.checksums = ChecksumPolicy::kIgnore});
    ASSERT_TRUE(tle) << tle.error().to_string();
    EXPECT_EQ(tle->catalog_number, data->reference[k].catalog_number) << "case " << k;
    sl12_cases += tle->catalog_number == 20413;
  }
  EXPECT_EQ(sl12_cases, 2);  // SL-12 R/B: near its epoch and again after 1844000 minutes
  EXPECT_EQ(data->cases.back().range.start, 1844000.0);
}

TEST(Sgp4Verification, ReferenceHas667RowsOfWhichOneIsTheDriversStaleCopy) {
  const VerificationData* data = verification_data();
  ASSERT_NE(data, nullptr) << kMissing;
  std::size_t rows = 0;
  std::vector<int> stale;
  for (std::size_t k = 0; k < data->reference.size(); ++k) {
    rows += data->reference[k].rows.size();
    if (is_stale_row(*data, k)) stale.push_back(data->reference[k].catalog_number);
  }
  EXPECT_EQ(rows, 667u);
  EXPECT_EQ(stale, std::vector<int>{33334});
}

TEST(Sgp4Verification, Matches666ReferenceStatesWithin2e7KmAnd1e9KmPerSecond) {
  ASSERT_NE(verification_data(), nullptr) << kMissing;
  const Comparison& result = comparison();
  for (const auto& failure : result.failures) ADD_FAILURE() << failure;
  std::printf(
      "[ verification ] %d states compared; worst position error %.3e km (%s), worst velocity "
      "error %.3e km/s (%s)\n",
      result.rows_compared, result.worst_position_km, result.worst_position_where.c_str(),
      result.worst_velocity_km_s, result.worst_velocity_where.c_str());
  EXPECT_EQ(result.rows_compared, 666);
  EXPECT_LE(result.worst_position_km, kPositionToleranceKm) << result.worst_position_where;
  EXPECT_LE(result.worst_velocity_km_s, kVelocityToleranceKmS) << result.worst_velocity_where;
}

TEST(Sgp4Verification, StopsWithCodes1_1_6_6_4_3_6WhereTheReferenceStops) {
  ASSERT_NE(verification_data(), nullptr) << kMissing;
  const Comparison& result = comparison();
  std::vector<int> codes;
  for (const auto& stop : result.stops) {
    codes.push_back(code(stop.error));
    std::printf("[ verification ] %d stops at %.8f min with code %d (%s)\n", stop.catalog_number,
                stop.tsince, code(stop.error), std::string(describe(stop.error)).c_str());
  }
  EXPECT_EQ(codes, (std::vector<int>{1, 1, 6, 6, 4, 3, 6}));
}

TEST(Sgp4Verification, EachStopIsTheFirstTimeMissingFromTheReference) {
  const VerificationData* data = verification_data();
  ASSERT_NE(data, nullptr) << kMissing;
  const Comparison& result = comparison();
  std::vector<std::pair<int, double>> expected;
  for (std::size_t k = 0; k < data->cases.size(); ++k) {
    const auto times = tsince_times(data->cases[k].range);
    const std::size_t rows = is_stale_row(*data, k) ? 0 : data->reference[k].rows.size();
    if (rows < times.size()) expected.emplace_back(data->reference[k].catalog_number, times[rows]);
  }
  std::vector<std::pair<int, double>> actual;
  for (const auto& stop : result.stops) actual.emplace_back(stop.catalog_number, stop.tsince);
  EXPECT_EQ(actual, expected);
}

TEST(Sgp4Verification, StopsAreTheDocumentedCasesAtTheirTimes) {
  ASSERT_NE(verification_data(), nullptr) << kMissing;
  struct Expected {
    int catalog_number;
    double tsince;
    Sgp4Error error;
  };
  const Expected expected[] = {
      {22312, 494.2028672, Sgp4Error::kMeanElements},   // decayed SL-6 R/B: drag drives e < 0
      {28350, 1560.0, Sgp4Error::kMeanElements},        // COSMOS 2405, perigee 127 km
      {28872, 55.0, Sgp4Error::kDecayed},               // MINOTAUR R/B, "lost in 50 minutes"
      {29141, 440.0, Sgp4Error::kDecayed},              // SL-14 DEB, "lost in under 420 min"
      {33333, 25.0, Sgp4Error::kSemiLatusRectum},       // e = 0.995 test case
      {33334, 0.0, Sgp4Error::kPerturbedEccentricity},  // n = 0.00001 rev/day, at epoch
      {20413, 1844345.0, Sgp4Error::kDecayed},          // SL-12 R/B, 3.5 years on
  };
  const Comparison& result = comparison();
  ASSERT_EQ(result.stops.size(), std::size(expected));
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(result.stops[i].catalog_number, expected[i].catalog_number);
    EXPECT_NEAR(result.stops[i].tsince, expected[i].tsince, 1e-9);
    EXPECT_EQ(result.stops[i].error, expected[i].error) << expected[i].catalog_number;
  }
}

// The CLI-ready listing, fed each case as a 2-line file with its own range, reproduces the
// first seven columns of tcppver.out: the same times, and states within the verification's
// tolerances plus the half unit of the last printed digit that rounding may add.
TEST(Sgp4Verification, ListingReproducesTheFirstSevenColumnsOfTcppver) {
  const VerificationData* data = verification_data();
  ASSERT_NE(data, nullptr) << kMissing;
  StateListingOptions options;
  options.sgp4 = kReferenceOptions;
  options.checksums = ChecksumPolicy::kIgnore;
  options.error_lines = false;
  int rows = 0;
  int identical = 0;
  for (std::size_t k = 0; k < data->cases.size(); ++k) {
    const VerificationCase& c = data->cases[k];
    const auto listing = list_states(c.line1 + "\n" + c.line2 + "\n", c.range, options);
    ASSERT_TRUE(listing) << listing.error().to_string();
    const auto produced = testing::read_reference_output(listing->text);
    ASSERT_EQ(produced.size(), 1u);
    EXPECT_EQ(produced[0].catalog_number, data->reference[k].catalog_number);
    const auto& expected_rows = data->reference[k].rows;
    const std::size_t expected_count = is_stale_row(*data, k) ? 0 : expected_rows.size();
    ASSERT_EQ(produced[0].rows.size(), expected_count) << data->reference[k].catalog_number;
    for (std::size_t i = 0; i < expected_count; ++i) {
      const auto& got = produced[0].rows[i];
      const auto& want = expected_rows[i];
      EXPECT_EQ(got.text.substr(0, 17), want.text.substr(0, 17));
      for (int j = 0; j < 3; ++j) {
        EXPECT_NEAR(got.position_km[j], want.position_km[j], kPositionToleranceKm + 0.5e-8)
            << got.text;
        EXPECT_NEAR(got.velocity_km_s[j], want.velocity_km_s[j], kVelocityToleranceKmS + 0.5e-9)
            << got.text;
      }
      identical += got.text == want.text.substr(0, got.text.size());
      ++rows;
    }
  }
  std::printf("[ verification ] listing: %d rows, %d identical to tcppver.out's text\n", rows,
              identical);
  EXPECT_EQ(rows, 666);
}

}  // namespace
}  // namespace jingkai::orbit
