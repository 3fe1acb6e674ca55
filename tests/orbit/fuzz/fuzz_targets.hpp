// Fuzz targets for the orbit library's parsers. Each takes any bytes, never crashes, and
// throws std::logic_error when an invariant breaks: a parsed element set that is no orbit
// (eccentricity outside [0, 1), mean motion <= 0, a NaN), or text the library wrote that it
// does not read back to the same values.
#pragma once

#include <cstddef>
#include <cstdint>

namespace jingkai::orbit::fuzz {

// TLE files: parse → write → parse gives the same fields; each set survives TLE → OMM (all
// four encodings) → TLE unchanged; SGP4 initialises and propagates without crashing.
void fuzz_tle(const std::uint8_t* data, std::size_t size);

// OMM texts, read in each encoding: parse → write → parse gives the same values; an OMM
// that converts to a Tle converts back to the same OMM; its TLE text reads back.
void fuzz_omm(const std::uint8_t* data, std::size_t size);

}  // namespace jingkai::orbit::fuzz
