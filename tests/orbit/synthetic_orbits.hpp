// Satellites made from mean elements chosen by a test, all at one epoch: the pass tests
// describe the orbits they need instead of finding element sets that happen to fit.
#pragma once

#include <gtest/gtest.h>

#include <numbers>

#include "orbit/sgp4.hpp"
#include "orbit/time_scales.hpp"

namespace jingkai::orbit::synthetic {

inline constexpr double kDegree = std::numbers::pi / 180.0;
inline constexpr double kRevolutionsPerDay = 2.0 * std::numbers::pi / 1440.0;  // in rad/min

inline const JulianDate kEpoch{julian_day_at_midnight(2024, 3, 1), 0.25};

struct Orbit {
  double revolutions_per_day = 15.5;
  double eccentricity = 0.0005;
  double inclination_deg = 51.6;
  double right_ascension_deg = 0.0;
  double argument_of_perigee_deg = 0.0;
  double mean_anomaly_deg = 0.0;
  double bstar = 0.0;
};

inline Sgp4 satellite(const Orbit& orbit) {
  const MeanElements elements{kEpoch,
                              orbit.bstar,
                              orbit.eccentricity,
                              orbit.inclination_deg * kDegree,
                              orbit.right_ascension_deg * kDegree,
                              orbit.argument_of_perigee_deg * kDegree,
                              orbit.mean_anomaly_deg * kDegree,
                              orbit.revolutions_per_day * kRevolutionsPerDay};
  auto sgp4 = Sgp4::create(elements);
  EXPECT_TRUE(sgp4);
  return *sgp4;
}

}  // namespace jingkai::orbit::synthetic
