// TEME → ITRF, geodetic and look angles checked against Skyfield (tests/orbit/skyfield/:
// make_reference.py wrote reference.txt with Skyfield 1.45; this test only reads the file).
// The chain from SGP4 on is the library's own: parse the TLE, propagate, convert, compare.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

#include "orbit/frames.hpp"
#include "orbit/geodetic.hpp"
#include "orbit/iso8601.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/tle.hpp"
#include "orbit/topocentric.hpp"

namespace jingkai::orbit {
namespace {

std::filesystem::path test_data_dir() {
#ifdef JINGKAI_ORBIT_TEST_DATA_DIR
  return JINGKAI_ORBIT_TEST_DATA_DIR;
#else
  return std::filesystem::path(__FILE__).parent_path();
#endif
}

struct ReferenceLook {
  std::string station;
  double azimuth_deg = 0.0;
  double elevation_deg = 0.0;
  double range_km = 0.0;
  double range_rate_km_s = 0.0;
};

struct ReferenceState {
  std::string utc;
  StateVector itrf;
  Geodetic geodetic;
  std::vector<ReferenceLook> looks;
};

struct ReferenceBlock {
  std::string catalog;
  std::string line1;
  std::string line2;
  EarthOrientationParameters eop;
  std::vector<ReferenceState> states;
};

struct Reference {
  std::map<std::string, Geodetic> stations;
  std::vector<ReferenceBlock> blocks;
};

Reference read_reference() {
  Reference reference;
  std::ifstream file(test_data_dir() / "skyfield" / "reference.txt");
  EXPECT_TRUE(file) << "cannot open " << (test_data_dir() / "skyfield" / "reference.txt");
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream in(line);
    std::string kind;
    in >> kind;
    if (kind == "station") {
      std::string name;
      Geodetic g;
      double height_m = 0.0;
      in >> name >> g.latitude_deg >> g.longitude_deg >> height_m;
      g.height_km = height_m / 1000.0;
      reference.stations[name] = g;
    } else if (kind == "satellite") {
      reference.blocks.emplace_back();
      in >> reference.blocks.back().catalog;
    } else if (kind == "line1") {
      reference.blocks.back().line1 = line.substr(6);
    } else if (kind == "line2") {
      reference.blocks.back().line2 = line.substr(6);
    } else if (kind == "eop") {
      EarthOrientationParameters& eop = reference.blocks.back().eop;
      in >> eop.ut1_minus_utc_s >> eop.polar_motion_x_arcsec >> eop.polar_motion_y_arcsec;
    } else if (kind == "state") {
      ReferenceState s;
      in >> s.utc;
      for (double& x : s.itrf.position_km) in >> x;
      for (double& v : s.itrf.velocity_km_s) in >> v;
      in >> s.geodetic.latitude_deg >> s.geodetic.longitude_deg >> s.geodetic.height_km;
      reference.blocks.back().states.push_back(s);
    } else if (kind == "look") {
      ReferenceLook look;
      in >> look.station >> look.azimuth_deg >> look.elevation_deg >> look.range_km >>
          look.range_rate_km_s;
      reference.blocks.back().states.back().looks.push_back(look);
    } else {
      ADD_FAILURE() << "unknown record: " << line;
    }
    EXPECT_FALSE(in.fail()) << line;
  }
  return reference;
}

// Our ITRF state at a reference row's time.
StateVector itrf_of(const ReferenceBlock& block, const ReferenceState& state) {
  auto tle = parse_tle(block.line1, block.line2);
  EXPECT_TRUE(tle) << tle.error().to_string();
  auto sgp4 = Sgp4::create(*tle);
  EXPECT_TRUE(sgp4);
  auto utc = parse_iso8601_utc(state.utc);
  EXPECT_TRUE(utc) << state.utc;
  auto teme = sgp4->propagate(minutes_between(tle->epoch, *utc));
  EXPECT_TRUE(teme) << block.catalog << " " << state.utc;
  return teme_to_itrf(*teme, *utc, block.eop);
}

double distance(const Vector3& a, const Vector3& b) { return norm(a - b); }

// Smallest difference of two angles in degrees, whatever their ranges.
double angle_difference_deg(double a, double b) {
  const double d = std::fmod(std::abs(a - b), 360.0);
  return std::min(d, 360.0 - d);
}

// "without EOP / with EOP" maxima, for the test's XML output.
std::string fmt_pair(const double (&worst)[2]) {
  return fmt::format("{:.3g} / {:.3g}", worst[0], worst[1]);
}

class SkyfieldReference : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { reference_ = new Reference(read_reference()); }
  static void TearDownTestSuite() {
    delete reference_;
    reference_ = nullptr;
  }
  static const Reference& reference() { return *reference_; }

 private:
  static inline Reference* reference_ = nullptr;
};

TEST_F(SkyfieldReference, CoversLeoMolniyaAndGeostationaryWithAndWithoutEop) {
  const Reference& r = reference();
  EXPECT_EQ(r.stations.size(), 4u);
  ASSERT_EQ(r.blocks.size(), 8u);
  int with_eop = 0;
  for (const ReferenceBlock& block : r.blocks) {
    EXPECT_EQ(block.states.size(), 11u) << block.catalog;
    for (const ReferenceState& s : block.states) EXPECT_EQ(s.looks.size(), 4u);
    if (block.eop.ut1_minus_utc_s != 0.0) ++with_eop;
  }
  EXPECT_EQ(with_eop, 3);
}

// Blocks with EOP values (ΔUT1, xp, yp) exercise those terms; Skyfield approximates two
// things there that the zero-EOP blocks show to be the only differences left:
bool has_eop(const ReferenceBlock& block) {
  return block.eop.polar_motion_x_arcsec != 0.0 || block.eop.polar_motion_y_arcsec != 0.0;
}

TEST_F(SkyfieldReference, ItrfPositionsAgreeWithinOneMillimetre) {
  // The goal is 1 m. Both sides turn TEME by GMST 1982 and tilt by polar motion, so without
  // EOP only rounding is left (< 1 µm); with polar motion Skyfield also turns by the TIO
  // locator s′ (~3 µas in 2006), which this library leaves out: ~0.6 mm at GEO.
  double worst_m[2] = {0.0, 0.0};
  for (const ReferenceBlock& block : reference().blocks) {
    const double tolerance_m = has_eop(block) ? 1e-3 : 1e-5;
    for (const ReferenceState& s : block.states) {
      const double error_m = distance(itrf_of(block, s).position_km, s.itrf.position_km) * 1e3;
      EXPECT_LT(error_m, tolerance_m) << block.catalog << " " << s.utc;
      worst_m[has_eop(block)] = std::max(worst_m[has_eop(block)], error_m);
    }
  }
  RecordProperty("worst_itrf_position_error_m", fmt_pair(worst_m));
}

TEST_F(SkyfieldReference, ItrfVelocitiesAgreeWithinHalfAMillimetrePerSecond) {
  // The goal is 1 mm/s. The Earth rates differ: this library's ω = 7.292115146706979e-5
  // rad/s (Vallado's teme2ecef), Skyfield's frame_xyz_and_velocity 7.2921150e-5 (1.5e-12
  // less: 0.06 mm/s at GEO) and its TEME_to_ITRF, used for the EOP blocks, GMST 1982's own
  // rate 7.2921158553e-5 (7.1e-12 more: 0.3 mm/s at GEO).
  double worst_mm_s[2] = {0.0, 0.0};
  for (const ReferenceBlock& block : reference().blocks) {
    const double tolerance_mm_s = has_eop(block) ? 0.5 : 0.1;
    for (const ReferenceState& s : block.states) {
      const double error_mm_s =
          distance(itrf_of(block, s).velocity_km_s, s.itrf.velocity_km_s) * 1e6;
      EXPECT_LT(error_mm_s, tolerance_mm_s) << block.catalog << " " << s.utc;
      worst_mm_s[has_eop(block)] = std::max(worst_mm_s[has_eop(block)], error_mm_s);
    }
  }
  RecordProperty("worst_itrf_velocity_error_mm_s", fmt_pair(worst_mm_s));
}

TEST_F(SkyfieldReference, GeodeticCoordinatesAgreeWithinSkyfieldsOwnConvergence) {
  // Skyfield stops its latitude iteration after three steps, ~2e-8° (2 mm) short of where
  // it converges; this library iterates to the last bits (see geodetic_test.cpp). The
  // longitudes of the EOP blocks differ by s′ (~8e-10°).
  for (const ReferenceBlock& block : reference().blocks) {
    for (const ReferenceState& s : block.states) {
      const Geodetic g = geodetic_from_itrf(itrf_of(block, s).position_km);
      EXPECT_NEAR(g.latitude_deg, s.geodetic.latitude_deg, 3e-8) << block.catalog << " " << s.utc;
      EXPECT_LT(angle_difference_deg(g.longitude_deg, s.geodetic.longitude_deg), 2e-9)
          << block.catalog << " " << s.utc;
      EXPECT_NEAR(g.height_km, s.geodetic.height_km, 2e-6) << block.catalog << " " << s.utc;
    }
  }
}

TEST_F(SkyfieldReference, LookAnglesAgreeWithinAMicrodegree) {
  // Achieved: ~1e-11° without EOP, ~2e-9° with it (s′ again).
  double worst_elevation = 0.0;
  double worst_azimuth = 0.0;
  for (const ReferenceBlock& block : reference().blocks) {
    for (const ReferenceState& s : block.states) {
      const StateVector itrf = itrf_of(block, s);
      for (const ReferenceLook& expected : s.looks) {
        auto station = Station::create(reference().stations.at(expected.station));
        ASSERT_TRUE(station);
        const LookAngles look = station->look_angles(itrf);
        const double elevation_error = std::abs(look.elevation_deg - expected.elevation_deg);
        // Azimuth is a longitude about the zenith: its error grows as 1 / cos(elevation).
        const double azimuth_error = angle_difference_deg(look.azimuth_deg, expected.azimuth_deg) *
                                     std::cos(look.elevation_deg * std::numbers::pi / 180.0);
        EXPECT_LT(elevation_error, 1e-6)
            << block.catalog << " " << s.utc << " " << expected.station;
        EXPECT_LT(azimuth_error, 1e-6) << block.catalog << " " << s.utc << " " << expected.station;
        worst_elevation = std::max(worst_elevation, elevation_error);
        worst_azimuth = std::max(worst_azimuth, azimuth_error);
      }
    }
  }
  RecordProperty("worst_elevation_error_deg", fmt::format("{:.3g}", worst_elevation));
  RecordProperty("worst_azimuth_error_deg", fmt::format("{:.3g}", worst_azimuth));
}

TEST_F(SkyfieldReference, RangeAndRangeRateAgree) {
  // Range rates with polar motion differ by up to ~0.8 mm/s: Skyfield turns the Earth about
  // the ITRS z axis, not the rotation pole 0.37" away (7.3e-5 rad/s × 7000 km × 1.8e-6).
  double worst_range_m = 0.0;
  double worst_rate_mm_s[2] = {0.0, 0.0};
  for (const ReferenceBlock& block : reference().blocks) {
    const double rate_tolerance_mm_s = has_eop(block) ? 1.0 : 0.05;
    for (const ReferenceState& s : block.states) {
      const StateVector itrf = itrf_of(block, s);
      for (const ReferenceLook& expected : s.looks) {
        auto station = Station::create(reference().stations.at(expected.station));
        ASSERT_TRUE(station);
        const LookAngles look = station->look_angles(itrf);
        const double range_m = std::abs(look.range_km - expected.range_km) * 1e3;
        const double rate_mm_s = std::abs(look.range_rate_km_s - expected.range_rate_km_s) * 1e6;
        EXPECT_LT(range_m, 1e-3) << block.catalog << " " << s.utc << " " << expected.station;
        EXPECT_LT(rate_mm_s, rate_tolerance_mm_s)
            << block.catalog << " " << s.utc << " " << expected.station;
        worst_range_m = std::max(worst_range_m, range_m);
        worst_rate_mm_s[has_eop(block)] = std::max(worst_rate_mm_s[has_eop(block)], rate_mm_s);
      }
    }
  }
  RecordProperty("worst_range_error_m", fmt::format("{:.3g}", worst_range_m));
  RecordProperty("worst_range_rate_error_mm_s", fmt_pair(worst_rate_mm_s));
}

}  // namespace
}  // namespace jingkai::orbit
