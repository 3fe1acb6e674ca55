// Passes of many satellites over many stations: the shared search must give what
// predict_passes gives pair by pair (whose accuracy passes_test.cpp checks against a
// brute-force reference), and keep its guarantee on the shortest pass.
#include "orbit/pass_network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <string_view>
#include <vector>

#include "orbit/earth_orientation.hpp"
#include "orbit/frames.hpp"
#include "orbit/time_scales.hpp"
#include "synthetic_orbits.hpp"

namespace jingkai::orbit {
namespace {

using synthetic::kDegree;
using synthetic::kEpoch;
using synthetic::Orbit;
using synthetic::satellite;
constexpr double kDay = 86400.0;
// Both searches sample the same positions to the bit; both end AOS and LOS on the in-view end
// of a bracket of 0.1 ms around the crossing, and TCA within 10 ms of the culmination (the
// shared one finds its brackets on an interpolated track, then checks them with SGP4).
constexpr double kSameEventS = 1e-4;
constexpr double kSameTcaS = 0.02;

PassSite site(double latitude, double longitude, double height_km, const Horizon& horizon) {
  auto station = Station::create({latitude, longitude, height_km});
  EXPECT_TRUE(station);
  return PassSite{*station, horizon};
}

Horizon flat(double min_elevation_deg) { return *Horizon::flat(min_elevation_deg); }

// LEO of several heights and inclinations, an eccentric LEO, a Molniya, a geostationary
// satellite and one that decays within the interval.
std::vector<Sgp4> mixed_satellites() {
  std::vector<Sgp4> out = {
      satellite({15.50, 0.0005, 51.6, 30.0, 90.0, 10.0}),
      satellite({14.30, 0.0012, 98.6, 200.0, 45.0, 300.0}),
      satellite({15.06, 0.0001, 53.0, 120.0, 0.0, 180.0}),
      satellite({14.00, 0.03, 70.0, 310.0, 200.0, 50.0}),
      satellite({2.006, 0.72, 63.4, 40.0, 270.0, 0.0}),
      satellite({1.00273791, 0.0002, 0.05, 80.0, 0.0, 0.0}),
      satellite({16.2, 0.001, 51.6, 0.0, 0.0, 0.0, 0.03}),
  };
  for (int i = 0; i < 6; ++i) {
    out.push_back(satellite(
        {13.5 + 0.4 * i, 0.002 * i, 20.0 + 15.0 * i, 60.0 * i, 33.0 * i, 47.0 * i, 1e-5 * i}));
  }
  return out;
}

std::vector<PassSite> mixed_sites() {
  auto masked =
      Horizon::masked(3.0, {{0.0, 10.0}, {90.0, 25.0}, {180.0, 5.0}, {270.0, 15.0}, {300.0, 40.0}});
  EXPECT_TRUE(masked);
  return {
      site(40.0663, 116.2274, 0.055, flat(0.0)),
      site(67.8571, 20.9643, 0.402, flat(5.0)),
      site(-25.887, 27.7073, 1.415, *masked),
      site(-33.15, -70.67, 0.723, flat(-2.0)),  // a mountain top looking down
      site(0.0, -150.0, 0.0, flat(10.0)),
      site(89.0, 0.0, 0.0, flat(0.0)),
      site(29.7, 120.25, 0.01, flat(85.0)),  // only the passes right overhead
  };
}

void expect_same_event(const PassEvent& shared, const PassEvent& single, bool clipped) {
  // A clipped end is the interval's end, or the last instant SGP4 works: the same in both.
  EXPECT_NEAR(seconds_between(single.time, shared.time), 0.0, clipped ? 1e-6 : kSameEventS);
  EXPECT_NEAR(shared.azimuth_deg, single.azimuth_deg, clipped ? 1e-9 : 1e-2);
  EXPECT_NEAR(shared.elevation_deg, single.elevation_deg, clipped ? 1e-9 : 1e-3);
}

// Every pair of the network's prediction against predict_passes; returns the passes seen.
std::size_t expect_same_as_pair_by_pair(std::span<const Sgp4> satellites,
                                        std::span<const PassSite> sites,
                                        const PassNetworkPrediction& network,
                                        const JulianDate& start, const JulianDate& stop,
                                        const EarthOrientation& earth_orientation = {}) {
  EXPECT_EQ(network.satellites, satellites.size());
  EXPECT_EQ(network.sites, sites.size());
  std::size_t passes = 0;
  for (std::size_t s = 0; s < satellites.size(); ++s) {
    for (std::size_t i = 0; i < sites.size(); ++i) {
      SCOPED_TRACE(testing::Message() << "satellite " << s << ", site " << i);
      auto single = predict_passes(satellites[s], sites[i].station, sites[i].horizon, start, stop,
                                   earth_orientation);
      EXPECT_TRUE(single);
      if (!single) continue;
      const PassPrediction& shared = network.at(s, i);
      EXPECT_EQ(shared.passes.size(), single->passes.size());
      for (std::size_t p = 0; p < std::min(shared.passes.size(), single->passes.size()); ++p) {
        SCOPED_TRACE(testing::Message() << "pass " << p);
        const Pass& a = shared.passes[p];
        const Pass& b = single->passes[p];
        expect_same_event(a.aos, b.aos, b.aos_clipped);
        expect_same_event(a.los, b.los, b.los_clipped);
        // Seen from the ground a Molniya near apogee or a geostationary satellite culminates
        // so flatly that instants seconds apart are equally high: there the highest elevation
        // is what must agree.
        if (!satellites[s].is_deep_space()) {
          EXPECT_NEAR(seconds_between(b.tca.time, a.tca.time), 0.0, kSameTcaS);
        }
        EXPECT_NEAR(a.max_elevation_deg, b.max_elevation_deg, 1e-4);
        EXPECT_NEAR(a.duration_s, b.duration_s, 2 * kSameEventS);
        EXPECT_EQ(a.aos_clipped, b.aos_clipped);
        EXPECT_EQ(a.los_clipped, b.los_clipped);
      }
      EXPECT_EQ(shared.failure.has_value(), single->failure.has_value());
      if (shared.failure && single->failure) {
        EXPECT_EQ(shared.failure->error, single->failure->error);
        EXPECT_NEAR(seconds_between(single->failure->time, shared.failure->time), 0.0, 1e-6);
      }
      passes += shared.passes.size();
    }
  }
  return passes;
}

TEST(PassNetwork, GivesWhatPredictPassesGivesForEveryPairOfAMixedSet) {
  const auto satellites = mixed_satellites();
  const auto sites = mixed_sites();
  const JulianDate stop = add_seconds(kEpoch, 3 * kDay);
  auto network = predict_network_passes(satellites, sites, kEpoch, stop, {}, {.threads = 2});
  ASSERT_TRUE(network);
  const std::size_t passes = expect_same_as_pair_by_pair(satellites, sites, *network, kEpoch, stop);
  EXPECT_GT(passes, 300u);  // not a comparison of empty lists
  // The decaying satellite stops with an error at every site; the others never do.
  for (std::size_t i = 0; i < sites.size(); ++i) {
    EXPECT_TRUE(network->at(6, i).failure);
    EXPECT_FALSE(network->at(0, i).failure);
  }
}

// The bounds that skip samples (first order on g, second order on the height above the
// horizon plane) are what could lose a pass: random orbits from LEO to Molniya and stations
// from below the horizon (a mountain top) to 30°, all against predict_passes, which skips
// nothing.
TEST(PassNetwork, GivesWhatPredictPassesGivesForRandomOrbitsAndStations) {
  std::mt19937_64 random(20261127);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<Sgp4> satellites;
  for (int i = 0; i < 16; ++i) {
    const double pick = unit(random);
    const double revolutions = pick < 0.6   ? 13.0 + 3.3 * unit(random)  // LEO, some low
                               : pick < 0.8 ? 2.0 + 10.0 * unit(random)  // MEO
                                            : 2.006;                     // Molniya
    const double eccentricity = pick < 0.6   ? 0.05 * unit(random) * unit(random)
                                : pick < 0.8 ? 0.3 * unit(random)
                                             : 0.72;
    satellites.push_back(
        satellite({revolutions, eccentricity, 180.0 * unit(random), 360.0 * unit(random),
                   360.0 * unit(random), 360.0 * unit(random), 1e-4 * unit(random)}));
  }
  std::vector<PassSite> sites;
  for (int i = 0; i < 12; ++i) {
    const double min_elevation = i % 4 == 0 ? -3.0 * unit(random) : 30.0 * unit(random);
    sites.push_back(site(180.0 * std::asin(2.0 * unit(random) - 1.0) / std::numbers::pi,
                         360.0 * unit(random) - 180.0, 3.0 * unit(random), flat(min_elevation)));
  }
  const JulianDate stop = add_seconds(kEpoch, 2 * kDay);
  auto network = predict_network_passes(satellites, sites, kEpoch, stop, {}, {.threads = 2});
  ASSERT_TRUE(network);
  EXPECT_GT(expect_same_as_pair_by_pair(satellites, sites, *network, kEpoch, stop), 300u);
}

// With Earth orientation data, across a leap second (where ΔUT1 steps by a second): the
// shared search interpolates the Earth's angle between its samples and must not be fooled.
TEST(PassNetwork, GivesWhatPredictPassesGivesWithEarthOrientationAcrossALeapSecond) {
  constexpr std::string_view kFinals =
      "161230 57752.00 I  0.071200 0.000091  0.280400 0.000091  I 0.5931000 0.0000144  0.8512 "
      "0.0071\n"
      "161231 57753.00 I  0.072400 0.000091  0.281100 0.000091  I 0.5922000 0.0000144  0.9123 "
      "0.0071\n"
      "17 1 1 57754.00 I  0.073600 0.000091  0.281900 0.000091  I-0.4087000 0.0000144  0.9500 "
      "0.0071\n"
      "17 1 2 57755.00 P  0.074900 0.000091  0.282700 0.000091  P-0.4096000 0.0000144  1.0327 "
      "0.0071\n";
  const auto eop = EarthOrientation::parse_finals(kFinals);
  ASSERT_TRUE(eop);
  const JulianDate start{julian_day_at_midnight(2016, 12, 30), 0.5};
  std::vector<Sgp4> satellites;
  for (int i = 0; i < 6; ++i) {
    const MeanElements elements{start,
                                1e-5,
                                0.001 + 0.002 * i,
                                (30.0 + 12.0 * i) * kDegree,
                                50.0 * i * kDegree,
                                20.0 * i * kDegree,
                                33.0 * i * kDegree,
                                (14.0 + 0.4 * i) * synthetic::kRevolutionsPerDay};
    satellites.push_back(*Sgp4::create(elements));
  }
  const auto sites = mixed_sites();
  const JulianDate stop = add_seconds(start, 2 * kDay);
  auto network = predict_network_passes(satellites, sites, start, stop, *eop, {.threads = 2});
  ASSERT_TRUE(network);
  EXPECT_GT(expect_same_as_pair_by_pair(satellites, sites, *network, start, stop, *eop), 100u);
}

TEST(PassNetwork, GivesWhatPredictPassesGivesWithAnIntervalStartingMidPass) {
  // Started at odd instants, so that passes are clipped at either end.
  const auto satellites = mixed_satellites();
  const auto sites = mixed_sites();
  for (double offset : {1234.5, 40000.25}) {
    SCOPED_TRACE(testing::Message() << "offset " << offset);
    const JulianDate start = add_seconds(kEpoch, offset);
    const JulianDate stop = add_seconds(start, 0.6 * kDay);
    auto network = predict_network_passes(satellites, sites, start, stop, {}, {.threads = 1});
    ASSERT_TRUE(network);
    EXPECT_GT(expect_same_as_pair_by_pair(satellites, sites, *network, start, stop), 40u);
  }
}

TEST(PassNetwork, GivesWhatPredictPassesGivesWithACallersStep) {
  const auto satellites = mixed_satellites();
  const auto sites = mixed_sites();
  const JulianDate stop = add_seconds(kEpoch, kDay);
  PassNetworkOptions options;
  options.search.step_s = 150.0;
  auto network = predict_network_passes(satellites, sites, kEpoch, stop, {}, options);
  ASSERT_TRUE(network);
  std::size_t passes = 0;
  for (std::size_t s = 0; s < satellites.size(); ++s) {
    for (std::size_t i = 0; i < sites.size(); ++i) {
      auto single = predict_passes(satellites[s], sites[i].station, sites[i].horizon, kEpoch, stop,
                                   {}, options.search);
      ASSERT_TRUE(single);
      ASSERT_EQ(network->at(s, i).passes.size(), single->passes.size());
      passes += single->passes.size();
    }
  }
  EXPECT_GT(passes, 50u);
}

TEST(PassNetwork, TheNumberOfThreadsChangesNothing) {
  const auto satellites = mixed_satellites();
  const auto sites = mixed_sites();
  const JulianDate stop = add_seconds(kEpoch, kDay);
  auto one = predict_network_passes(satellites, sites, kEpoch, stop, {}, {.threads = 1});
  auto five = predict_network_passes(satellites, sites, kEpoch, stop, {}, {.threads = 5});
  ASSERT_TRUE(one && five);
  ASSERT_EQ(one->predictions.size(), five->predictions.size());
  for (std::size_t k = 0; k < one->predictions.size(); ++k) {
    ASSERT_EQ(one->predictions[k].passes.size(), five->predictions[k].passes.size());
    for (std::size_t p = 0; p < one->predictions[k].passes.size(); ++p) {
      EXPECT_EQ(one->predictions[k].passes[p].aos.time, five->predictions[k].passes[p].aos.time);
      EXPECT_EQ(one->predictions[k].passes[p].los.time, five->predictions[k].passes[p].los.time);
    }
  }
}

// The ISS-like satellite's highest pass over one station in a day, cut down by raising the
// minimum elevation until it lasts `fraction` of the search step; searched for with the
// interval's start moved through one step in sixteenths, so that the samples fall everywhere.
void expect_found_cut_to(double fraction) {
  const Sgp4 sgp4 = satellite({15.50, 0.0005, 51.6, 30.0, 90.0, 10.0});
  const PassSite open = site(40.0663, 116.2274, 0.055, flat(0.0));
  const double step = pass_search_step_s(sgp4);
  auto day = predict_passes(sgp4, open.station, open.horizon, kEpoch, add_seconds(kEpoch, kDay));
  ASSERT_TRUE(day);
  ASSERT_FALSE(day->passes.empty());
  const Pass* highest = &day->passes[0];
  for (const Pass& pass : day->passes) {
    if (pass.max_elevation_deg > highest->max_elevation_deg) highest = &pass;
  }
  auto elevation_at = [&](const JulianDate& utc) {
    const auto teme = sgp4.propagate(minutes_between(sgp4.epoch(), utc));
    return open.station.look_angles(teme_to_itrf(*teme, utc)).elevation_deg;
  };
  const double wanted = fraction * step;
  const double cut = std::min(elevation_at(add_seconds(highest->tca.time, -wanted / 2)),
                              elevation_at(add_seconds(highest->tca.time, wanted / 2)));
  const std::vector<PassSite> sites = {open, PassSite{open.station, flat(cut)}};
  const std::vector<Sgp4> satellites = {sgp4};
  for (int phase = 0; phase < 16; ++phase) {
    SCOPED_TRACE(testing::Message() << "phase " << phase);
    const JulianDate start = add_seconds(highest->aos.time, -600.0 + phase * step / 16);
    const JulianDate stop = add_seconds(start, 1800.0);
    auto network = predict_network_passes(satellites, sites, start, stop, {}, {.threads = 1});
    ASSERT_TRUE(network);
    ASSERT_EQ(network->at(0, 1).passes.size(), 1u);
    const Pass& pass = network->at(0, 1).passes[0];
    EXPECT_GT(pass.duration_s, 0.95 * wanted);
    EXPECT_LT(pass.duration_s, 1.05 * wanted);
    EXPECT_NEAR(seconds_between(highest->tca.time, pass.tca.time), 0.0, 0.1);
    expect_same_as_pair_by_pair(satellites, sites, *network, start, stop);
  }
}

TEST(PassNetwork, FindsEveryPassJustLongerThanTheGuaranteedShortest) { expect_found_cut_to(1.05); }

TEST(PassNetwork, FindsAPassShorterThanTheGuaranteeWherePredictPassesDoes) {
  expect_found_cut_to(0.25);
}

TEST(PassNetwork, NoSitesOrNoSatellitesGiveAnEmptyTable) {
  const auto satellites = mixed_satellites();
  const JulianDate stop = add_seconds(kEpoch, kDay);
  auto no_sites = predict_network_passes(satellites, {}, kEpoch, stop);
  ASSERT_TRUE(no_sites);
  EXPECT_TRUE(no_sites->predictions.empty());
  const auto sites = mixed_sites();
  auto no_satellites = predict_network_passes({}, sites, kEpoch, stop);
  ASSERT_TRUE(no_satellites);
  EXPECT_TRUE(no_satellites->predictions.empty());
}

TEST(PassNetwork, RefusesWhatPredictPassesRefuses) {
  const auto satellites = mixed_satellites();
  const auto sites = mixed_sites();
  auto backwards = predict_network_passes(satellites, sites, kEpoch, add_seconds(kEpoch, -1.0));
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().code, "pass_interval");
  EXPECT_FALSE(predict_network_passes(satellites, sites, kEpoch, kEpoch));
  PassNetworkOptions negative;
  negative.search.step_s = -5.0;
  auto bad_step =
      predict_network_passes(satellites, sites, kEpoch, add_seconds(kEpoch, kDay), {}, negative);
  ASSERT_FALSE(bad_step);
  EXPECT_EQ(bad_step.error().code, "pass_step");
  const JulianDate not_finite{std::nan(""), 0.0};
  EXPECT_FALSE(predict_network_passes(satellites, sites, not_finite, add_seconds(kEpoch, kDay)));
}

}  // namespace
}  // namespace jingkai::orbit
