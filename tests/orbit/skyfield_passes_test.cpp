// Passes against Skyfield's find_events (issue 5, item 5): five LEO satellites over four
// stations across seven days each, zero EOP on both sides. make_passes.py wrote
// skyfield/passes.csv with Skyfield 1.45; this test only reads the file.
//
// Skyfield finds rise and set to about a second, and not always that: the file records the
// altitude Skyfield's own ephemeris gives at each of its events, and some lie 0.05° off the
// horizon asked for, which at a low pass's rate is more than a second. jingkai's events are
// checked to 10 ms against a brute-force search in passes_test.cpp. Here: the same passes;
// rise and set within 1 s plus Skyfield's own miss (its altitude there off the horizon, over
// the elevation rate there); Skyfield's altitudes at its events within 1e-3° of jingkai's
// elevation at those instants (so the events are compared on one geometry); culmination
// within 1 s and its elevation within 0.05° (jingkai's never the lower).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "orbit/frames.hpp"
#include "orbit/iso8601.hpp"
#include "orbit/pass_search.hpp"
#include "orbit/time_scales.hpp"
#include "orbit/tle.hpp"

namespace jingkai::orbit {
namespace {

constexpr double kEventToleranceS = 1.0;
constexpr double kCulminationToleranceS = 1.0;
constexpr double kElevationToleranceDeg = 0.05;

std::filesystem::path test_data_dir() {
#ifdef JINGKAI_ORBIT_TEST_DATA_DIR
  return JINGKAI_ORBIT_TEST_DATA_DIR;
#else
  return std::filesystem::path(__FILE__).parent_path();
#endif
}

struct SkyfieldStation {
  std::string name;
  double latitude_deg = 0, longitude_deg = 0, height_m = 0, min_elevation_deg = 0;
};

struct SkyfieldSatellite {
  std::string catalog;
  JulianDate start, stop;
  std::string line1, line2;
};

struct SkyfieldEvent {
  std::string kind;  // rise, culminate, set
  JulianDate time;
  double elevation_deg = 0;
};

// A pass Skyfield saw whole: a rise, then culminations, then a set.
struct SkyfieldPass {
  SkyfieldEvent rise, culmination, set;
};

struct SkyfieldPasses {
  std::vector<SkyfieldStation> stations;
  std::vector<SkyfieldSatellite> satellites;
  std::map<std::pair<std::string, std::string>, std::vector<SkyfieldEvent>> events;
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  return fields;
}

JulianDate utc(const std::string& text) {
  auto parsed = parse_iso8601_utc(text);
  EXPECT_TRUE(parsed) << text;
  return parsed ? *parsed : JulianDate{};
}

SkyfieldPasses read_passes() {
  SkyfieldPasses data;
  std::ifstream file(test_data_dir() / "skyfield" / "passes.csv");
  EXPECT_TRUE(file) << "cannot open " << (test_data_dir() / "skyfield" / "passes.csv");
  for (std::string line; std::getline(file, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto f = split(line);
    if (f[0] == "station" && f.size() == 6) {
      data.stations.push_back(
          {f[1], std::stod(f[2]), std::stod(f[3]), std::stod(f[4]), std::stod(f[5])});
    } else if (f[0] == "satellite" && f.size() == 6) {
      data.satellites.push_back({f[1], utc(f[2]), utc(f[3]), f[4], f[5]});
    } else if (f[0] == "event" && f.size() == 6) {
      data.events[{f[1], f[2]}].push_back({f[3], utc(f[4]), std::stod(f[5])});
    } else {
      ADD_FAILURE() << "unexpected line: " << line;
    }
  }
  return data;
}

// Whole passes only: events before the first rise (a pass in progress at the start) and a
// rise with no set (one in progress at the stop) are left out, as jingkai's clipped passes are.
std::vector<SkyfieldPass> whole_passes(const std::vector<SkyfieldEvent>& events) {
  std::vector<SkyfieldPass> passes;
  std::optional<SkyfieldPass> pass;
  for (const SkyfieldEvent& event : events) {
    if (event.kind == "rise") {
      pass = SkyfieldPass{event, event, event};
    } else if (event.kind == "culminate" && pass &&
               event.elevation_deg > pass->culmination.elevation_deg) {
      pass->culmination = event;
    } else if (event.kind == "set" && pass) {
      pass->set = event;
      passes.push_back(*pass);
      pass.reset();
    }
  }
  return passes;
}

class SkyfieldPassesTest : public testing::Test {
 protected:
  static void SetUpTestSuite() { data_ = new SkyfieldPasses(read_passes()); }
  static void TearDownTestSuite() {
    delete data_;
    data_ = nullptr;
  }
  static SkyfieldPasses* data_;
};

SkyfieldPasses* SkyfieldPassesTest::data_ = nullptr;

TEST_F(SkyfieldPassesTest, CoversFiveLeoSatellitesOverFourStationsForAWeek) {
  EXPECT_EQ(data_->satellites.size(), 5u);
  EXPECT_EQ(data_->stations.size(), 4u);
  for (const SkyfieldSatellite& satellite : data_->satellites) {
    EXPECT_NEAR(seconds_between(satellite.start, satellite.stop), 7 * 86400.0, 1e-3);
  }
}

TEST_F(SkyfieldPassesTest, SamePassesAsFindEvents) {
  std::size_t compared = 0;
  double worst_event_s = 0, worst_culmination_s = 0, worst_elevation_deg = 0;
  for (const SkyfieldSatellite& satellite : data_->satellites) {
    auto tle = parse_tle(satellite.line1, satellite.line2);
    ASSERT_TRUE(tle) << satellite.catalog;
    auto sgp4 = Sgp4::create(*tle);
    ASSERT_TRUE(sgp4) << satellite.catalog;
    ASSERT_FALSE(sgp4->is_deep_space());
    for (const SkyfieldStation& station : data_->stations) {
      SCOPED_TRACE(testing::Message() << satellite.catalog << " over " << station.name);
      auto site =
          Station::create({station.latitude_deg, station.longitude_deg, station.height_m / 1000.0});
      ASSERT_TRUE(site);
      auto found = predict_passes(*sgp4, *site, *Horizon::flat(station.min_elevation_deg),
                                  satellite.start, satellite.stop);
      ASSERT_TRUE(found);
      EXPECT_FALSE(found->failure);
      std::vector<Pass> whole;
      for (const Pass& pass : found->passes) {
        if (!pass.aos_clipped && !pass.los_clipped) whole.push_back(pass);
      }
      const auto expected = whole_passes(data_->events[{satellite.catalog, station.name}]);
      EXPECT_EQ(whole.size(), expected.size());
      auto elevation_at = [&](const JulianDate& time) {
        const auto teme = sgp4->propagate(minutes_between(sgp4->epoch(), time));
        return site->look_angles(teme_to_itrf(*teme, time)).elevation_deg;
      };
      // Skyfield's own miss at an event: its altitude off the horizon over the rate there.
      auto skyfield_miss_s = [&](const SkyfieldEvent& event) {
        const double rate = elevation_at(add_seconds(event.time, 0.5)) -
                            elevation_at(add_seconds(event.time, -0.5));
        return std::abs(event.elevation_deg - station.min_elevation_deg) /
               std::max(std::abs(rate), 1e-6);
      };
      for (const SkyfieldPass& reference : expected) {
        const std::string when = format_iso8601_utc(reference.rise.time);
        const auto match = std::find_if(whole.begin(), whole.end(), [&](const Pass& pass) {
          return seconds_between(reference.rise.time, pass.los.time) > 0 &&
                 seconds_between(pass.aos.time, reference.set.time) > 0;
        });
        if (match == whole.end()) {
          ADD_FAILURE() << "no pass overlaps Skyfield's rising at " << when;
          continue;
        }
        ++compared;
        for (const SkyfieldEvent* event :
             {&reference.rise, &reference.culmination, &reference.set}) {
          EXPECT_NEAR(elevation_at(event->time), event->elevation_deg, 1e-3) << when;
        }
        const double rise = std::abs(seconds_between(reference.rise.time, match->aos.time));
        const double set = std::abs(seconds_between(reference.set.time, match->los.time));
        EXPECT_LT(rise, kEventToleranceS + skyfield_miss_s(reference.rise)) << when;
        EXPECT_LT(set, kEventToleranceS + skyfield_miss_s(reference.set)) << when;
        const double culmination =
            std::abs(seconds_between(reference.culmination.time, match->tca.time));
        // jingkai's is the highest it found; Skyfield's culmination, a fraction of a second
        // off a sharp peak near the zenith, may lie a little lower, never higher.
        const double elevation = match->max_elevation_deg - reference.culmination.elevation_deg;
        EXPECT_LT(culmination, kCulminationToleranceS) << when;
        EXPECT_GT(elevation, -1e-3) << when;
        EXPECT_LT(elevation, kElevationToleranceDeg) << when;
        worst_event_s = std::max({worst_event_s, rise, set});
        worst_culmination_s = std::max(worst_culmination_s, culmination);
        worst_elevation_deg = std::max(worst_elevation_deg, std::abs(elevation));
      }
    }
  }
  EXPECT_GT(compared, 300u);  // a comparison, not an empty loop
  RecordProperty("passes_compared", static_cast<int>(compared));
  RecordProperty("worst_rise_set_ms", static_cast<int>(std::lround(1e3 * worst_event_s)));
  RecordProperty("worst_culmination_ms", static_cast<int>(std::lround(1e3 * worst_culmination_s)));
  RecordProperty("worst_elevation_udeg", static_cast<int>(std::lround(1e6 * worst_elevation_deg)));
}

}  // namespace
}  // namespace jingkai::orbit
