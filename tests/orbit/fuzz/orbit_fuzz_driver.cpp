// Runs the orbit fuzz targets on a seed corpus and on inputs mutated from it with a fixed
// seed, so that a run is repeatable (libFuzzer cannot build this C++23 code base with the
// clang at hand):
//   orbit_fuzz tle|omm|all [ITERATIONS] [SEED]
// A target signals a broken invariant by throwing; a crash ends the process. The last line
// printed is "N passed, N failed"; the exit status is 1 when anything failed.
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_targets.hpp"
#include "orbit/omm.hpp"
#include "orbit/tle.hpp"

namespace {

using jingkai::orbit::Omm;
using jingkai::orbit::OmmEncoding;

const std::vector<std::string> kTleSeeds = {
    // Vanguard 1, 2-line.
    "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753\n"
    "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667\n",
    // The ISS with a name line, CRLF.
    "ISS (ZARYA)\r\n"
    "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927\r\n"
    "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537\r\n",
    // Space-Track's 3LE with "0 " and a deep-space Molniya.
    "0 MOLNIYA 1-36\n"
    "1 09880U 77021A   06176.56157475  .00000421  00000-0  10000-3 0  9814\n"
    "2 09880  64.5968 349.3786 7069051 270.0229  16.3320  2.00813614112380\n",
    // Alpha-5 catalogue number.
    "1 B1234U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2923\n"
    "2 B1234  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563533\n",
    // Two sets, blank lines between.
    "A\n1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753\n"
    "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667\n\n\n"
    "1 04632U 70093B   04031.91070959 -.00000084  00000-0  10000-3 0  9955\n"
    "2 04632  11.4628 273.1101 1450506 207.6000 143.9350  1.20231981 44145\n",
};

// Small texts of the catalogues' forms; more come from writing the TLE seeds as OMMs.
const std::vector<std::string> kOmmSeeds = {
    "CCSDS_OMM_VERS = 2.0\nCOMMENT x\nCREATION_DATE = 2008-09-20T18:00:00\nORIGINATOR = 18 "
    "SPCS\nOBJECT_NAME = ISS (ZARYA)\nOBJECT_ID = 1998-067A\nCENTER_NAME = EARTH\nREF_FRAME = "
    "TEME\nTIME_SYSTEM = UTC\nMEAN_ELEMENT_THEORY = SGP4\nEPOCH = 2008-264T12:25:40.104192\n"
    "MEAN_MOTION = 15.72125391 [rev/day]\nECCENTRICITY = .0006703\nINCLINATION = 51.6416 "
    "[deg]\nRA_OF_ASC_NODE = 247.4627\nARG_OF_PERICENTER = 130.5360\nMEAN_ANOMALY = "
    "325.0288\nGM = 398600.8\nNORAD_CAT_ID = 25544\nELEMENT_SET_NO = 292\nREV_AT_EPOCH = "
    "56353\nBSTAR = -.11606E-4\nMEAN_MOTION_DOT = -.00002182\nMEAN_MOTION_DDOT = 0\n",
    R"j([{"OBJECT_NAME":"ISS (ZARYA)","OBJECT_ID":"1998-067A","EPOCH":"2008-09-20T12:25:40.104192",)j"
    R"j("MEAN_MOTION":15.72125391,"ECCENTRICITY":0.0006703,"INCLINATION":51.6416,)j"
    R"j("RA_OF_ASC_NODE":247.4627,"ARG_OF_PERICENTER":130.536,"MEAN_ANOMALY":325.0288,)j"
    R"j("EPHEMERIS_TYPE":0,"CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":"125544","ELEMENT_SET_NO":292,)j"
    R"j("REV_AT_EPOCH":56353,"BSTAR":-1.1606e-5,"MEAN_MOTION_DOT":-2.182e-5,)j"
    R"j("MEAN_MOTION_DDOT":0,"DECAY_DATE":null,"X":[1,{"y":"\u00e9"}]}])j",
    "<?xml version=\"1.0\"?>\n<ndm><!-- c --><omm id=\"CCSDS_OMM_VERS\" version=\"3.0\"><header>"
    "<CREATION_DATE>2008-09-20T18:00:00</CREATION_DATE><ORIGINATOR>X</ORIGINATOR></header><body>"
    "<segment><metadata><OBJECT_NAME><![CDATA[A&B]]></OBJECT_NAME><OBJECT_ID/><CENTER_NAME>EARTH"
    "</CENTER_NAME><REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM><MEAN_ELEMENT_THEORY>"
    "SGP/SGP4</MEAN_ELEMENT_THEORY></metadata><data><meanElements><EPOCH>2008-09-20T12:25:40Z"
    "</EPOCH><MEAN_MOTION units=\"rev/day\">15.7</MEAN_MOTION><ECCENTRICITY>0</ECCENTRICITY>"
    "<INCLINATION>51.6</INCLINATION><RA_OF_ASC_NODE>0</RA_OF_ASC_NODE><ARG_OF_PERICENTER>0"
    "</ARG_OF_PERICENTER><MEAN_ANOMALY>0</MEAN_ANOMALY></meanElements><tleParameters>"
    "<NORAD_CAT_ID>5</NORAD_CAT_ID><ELEMENT_SET_NO>1</ELEMENT_SET_NO><REV_AT_EPOCH>1"
    "</REV_AT_EPOCH><BSTAR>1e-4</BSTAR><MEAN_MOTION_DOT>0</MEAN_MOTION_DOT><MEAN_MOTION_DDOT>0"
    "</MEAN_MOTION_DDOT></tleParameters></data></segment></body></omm></ndm>\n",
    "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,"
    "ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,"
    "ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT\r\n"
    "\"ISS, \"\"Z\"\"\",1998-067A,2008-09-20T12:25:40.104192,15.72125391,.0006703,51.6416,"
    "247.4627,130.5360,325.0288,0,U,339999,292,56353,-.11606E-4,-.00002182,0\r\n",
};

// Replaces column 69 of every line that looks like a TLE line with its right checksum, so
// that mutations reach the fields beyond the checksum test.
void fix_checksums(std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::size_t length = end - start;
    if (length > 0 && text[start + length - 1] == '\r') --length;
    if (length == 69 && (text[start] == '1' || text[start] == '2') && text[start + 1] == ' ') {
      text[start + 68] = static_cast<char>(
          '0' + jingkai::orbit::tle_checksum(std::string_view(text).substr(start, 68)));
    }
    start = end + 1;
  }
}

// The TLE seeds written in every OMM encoding: seeds with many values that must agree.
std::vector<std::string> omm_seeds() {
  std::vector<std::string> seeds = kOmmSeeds;
  std::vector<Omm> omms;
  for (std::string text : kTleSeeds) {
    fix_checksums(text);
    auto tles = jingkai::orbit::parse_tle_file(text);
    if (!tles) continue;
    for (const auto& tle : *tles) {
      if (auto omm = jingkai::orbit::omm_from_tle(
              tle, {.creation_date = "2024-01-01T00:00:00", .originator = "FUZZ"})) {
        omms.push_back(*omm);
      }
    }
  }
  for (OmmEncoding encoding :
       {OmmEncoding::kKvn, OmmEncoding::kXml, OmmEncoding::kJson, OmmEncoding::kCsv}) {
    if (auto text = jingkai::orbit::format_omm(omms, encoding)) seeds.push_back(*text);
  }
  return seeds;
}

class Mutator {
 public:
  explicit Mutator(std::uint64_t seed) : random_(seed) {}

  std::string mutate(std::string input, bool tle) {
    static constexpr char kBytes[] = {'\0', '\t', '\n', '\r', ' ',    '"',    '&',    '\'',  '+',
                                      ',',  '-',  '.',  '/',  '0',    '9',    ':',    ';',   '<',
                                      '=',  '>',  'A',  'E',  'I',    'O',    'Z',    '[',   '\\',
                                      ']',  'e',  '{',  '}',  '\x7f', '\x80', '\xC3', '\xFF'};
    static constexpr std::string_view kTokens[] = {
        "1e999",  "-0",    "nan",     "inf",       "99999999999", "0.9999999", "1.0",     "-1",
        "<!--",   "-->",   "]]>",     "<![CDATA[", "&amp;",       "&#0;",      "\\u0000", "\"\"",
        "[deg]",  "[rad]", "COMMENT", "SGP4-XP",   "T24:00:00",   "-02-30",    "Z9999",   "I0000",
        "340000", "\r\n",  "{}",      "[]",        "null"};
    const int edits = 1 + static_cast<int>(random_() % 4);
    for (int i = 0; i < edits; ++i) {
      const std::size_t at = input.empty() ? 0 : random_() % (input.size() + 1);
      switch (random_() % 10) {
        case 0:  // flip bits of a byte
          if (at < input.size()) input[at] = static_cast<char>(input[at] ^ (1 << (random_() % 8)));
          break;
        case 1:  // insert an interesting byte
          input.insert(at, 1, kBytes[random_() % sizeof kBytes]);
          break;
        case 2:  // insert an interesting token
          input.insert(at, kTokens[random_() % std::size(kTokens)]);
          break;
        case 3:  // delete a run
          if (at < input.size()) input.erase(at, 1 + random_() % 8);
          break;
        case 4:  // duplicate a run
          if (at < input.size()) input.insert(at, input.substr(at, 1 + random_() % 32));
          break;
        case 5:  // truncate
          if (random_() % 4 == 0) input.resize(at);
          break;
        case 6:  // replace a digit by another digit
          if (at < input.size() && input[at] >= '0' && input[at] <= '9') {
            input[at] = static_cast<char>('0' + random_() % 10);
          }
          break;
        case 7:    // shift a column: a blank in, the line's last character out
        case 8: {  // or a character out, a blank in at the end of the line
          if (at >= input.size()) break;
          std::size_t end = input.find('\n', at);
          if (end == std::string::npos) end = input.size();
          if (end > at && input[end - 1] == '\r') --end;
          if (end <= at) break;
          if (random_() % 2 == 0) {
            input.erase(end - 1, 1);
            input.insert(at, 1, ' ');
          } else {
            input.insert(end, 1, ' ');
            input.erase(at, 1);
          }
          break;
        }
        default:  // swap two lines
        {
          std::vector<std::string> lines;
          std::size_t start = 0;
          while (start <= input.size()) {
            std::size_t end = input.find('\n', start);
            if (end == std::string::npos) end = input.size();
            lines.push_back(input.substr(start, end - start));
            start = end + 1;
          }
          if (lines.size() > 1) {
            std::swap(lines[random_() % lines.size()], lines[random_() % lines.size()]);
            input.clear();
            for (std::size_t k = 0; k < lines.size(); ++k) {
              input += lines[k];
              if (k + 1 < lines.size()) input += '\n';
            }
          }
          break;
        }
      }
    }
    if (tle && random_() % 4 != 0) fix_checksums(input);
    return input;
  }

 private:
  std::mt19937_64 random_;
};

// The input with bytes outside printable ASCII (but line feeds) escaped, for reproducing.
std::string escaped(const std::string& input) {
  std::string out;
  for (char c : input) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n' || (byte >= 0x20 && byte < 0x7f && c != '\\')) {
      out += c;
    } else {
      out += fmt::format("\\x{:02x}", byte);
    }
  }
  return out;
}

struct Tally {
  long passed = 0;
  long failed = 0;
};

void run(void (*target)(const std::uint8_t*, std::size_t), const std::string& input,
         std::string_view name, Tally& tally) {
  try {
    target(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
    ++tally.passed;
  } catch (const std::exception& broken) {
    ++tally.failed;
    if (tally.failed <= 10) {
      std::fprintf(stderr, "%.*s: invariant broken (%s) by input of %zu bytes:\n%s\n---\n",
                   static_cast<int>(name.size()), name.data(), broken.what(), input.size(),
                   escaped(input).c_str());
    }
  }
}

void fuzz(void (*target)(const std::uint8_t*, std::size_t), const std::vector<std::string>& seeds,
          bool tle, long iterations, std::uint64_t seed, std::string_view name, Tally& tally) {
  Mutator mutator(seed);
  for (const std::string& input : seeds) run(target, input, name, tally);
  for (long i = 0; i < iterations; ++i) {
    std::string input = seeds[static_cast<std::size_t>(i) % seeds.size()];
    // Now and then build on an earlier mutation, to reach deeper states.
    input = mutator.mutate(std::move(input), tle);
    if (i % 3 == 0) input = mutator.mutate(std::move(input), tle);
    run(target, input, name, tally);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view which = argc > 1 ? argv[1] : "all";
  const long iterations = argc > 2 ? std::atol(argv[2]) : 10000;
  const std::uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 20261127;
  if ((which != "tle" && which != "omm" && which != "all") || iterations < 0) {
    std::fprintf(stderr, "usage: orbit_fuzz tle|omm|all [ITERATIONS] [SEED]\n");
    return 2;
  }
  Tally tally;
  if (which == "tle" || which == "all") {
    std::vector<std::string> seeds = kTleSeeds;
    for (std::string& text : seeds) fix_checksums(text);
    fuzz(jingkai::orbit::fuzz::fuzz_tle, seeds, true, iterations, seed, "tle", tally);
  }
  if (which == "omm" || which == "all") {
    fuzz(jingkai::orbit::fuzz::fuzz_omm, omm_seeds(), false, iterations, seed, "omm", tally);
  }
  std::printf("orbit fuzz %.*s: %ld inputs, seed %llu\n%ld passed, %ld failed\n",
              static_cast<int>(which.size()), which.data(), tally.passed + tally.failed,
              static_cast<unsigned long long>(seed), tally.passed, tally.failed);
  return tally.failed == 0 ? 0 : 1;
}
