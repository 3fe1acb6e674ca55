// Properties over many generated element sets (fixed seed): whatever valid values an OMM
// holds, each encoding writes text that reads back to the same values, and the Tle
// conversion loses nothing. Also every number form the readers accept or refuse.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "omm_samples.hpp"
#include "orbit/omm.hpp"

namespace jingkai::orbit {
namespace {

using testing::only;

constexpr int kSamples = 500;

class OmmGenerator {
 public:
  explicit OmmGenerator(std::uint64_t seed) : random_(seed) {}

  Omm next() {
    Omm omm;
    omm.version = pick({"2.0", "3.0"});
    omm.creation_date =
        fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", integer(1990, 2030), integer(1, 12),
                    integer(1, 28), integer(0, 23), integer(0, 59), integer(0, 59));
    omm.originator = text(1, 20);
    for (int i = integer(0, 3); i > 0; --i) omm.comments.push_back(text(0, 40));
    omm.object_name = text(0, 24);
    omm.object_id = integer(0, 5) == 0
                        ? ""
                        : fmt::format("{:04}-{:03}{}", integer(1957, 2056), integer(1, 999),
                                      std::string(static_cast<std::size_t>(integer(1, 3)),
                                                  static_cast<char>('A' + integer(0, 25))));
    const int year = integer(1957, 2056);
    const auto microseconds = static_cast<double>(random_() % 86'400'000'000);
    omm.epoch = JulianDate{julian_day_at_midnight(year, 1, 1) + integer(0, days_in_year(year) - 1),
                           microseconds / 86400e6};
    omm.mean_motion = uniform(0.0, 20.0);
    if (omm.mean_motion == 0.0) omm.mean_motion = 1.0;
    omm.eccentricity = integer(0, 9) == 0 ? 0.0 : uniform(0.0, 0.999);
    omm.inclination_deg = uniform(0.0, 180.0);
    omm.ra_of_asc_node_deg = uniform(0.0, 360.0);
    omm.arg_of_pericenter_deg = uniform(0.0, 360.0);
    omm.mean_anomaly_deg = uniform(0.0, 360.0);
    omm.ephemeris_type = integer(0, 9);
    omm.classification_type = pick({"U", "C", "S"})[0];
    omm.norad_cat_id = integer(0, 999999999);
    omm.element_set_no = integer(0, 9999);
    omm.rev_at_epoch = integer(0, 999999);
    omm.bstar = scaled();
    omm.mean_motion_dot = scaled();
    omm.mean_motion_ddot = scaled();
    return omm;
  }

 private:
  int integer(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  double uniform(double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(random_);
  }
  // Signed, over many orders of magnitude, sometimes zero: what drag terms look like.
  double scaled() {
    if (integer(0, 7) == 0) return 0.0;
    return (integer(0, 1) == 0 ? -1.0 : 1.0) * uniform(1.0, 10.0) * std::pow(10.0, integer(-14, 3));
  }
  std::string pick(std::initializer_list<const char*> options) {
    return *(options.begin() + integer(0, static_cast<int>(options.size()) - 1));
  }
  // Printable ASCII with the characters each encoding must escape or quote, no blanks at the
  // ends (every reader drops those).
  std::string text(int min_length, int max_length) {
    static constexpr std::string_view kAlphabet = "ABCZ az09 ()-_/.,;:\"'&<>[]{}=\\#*+%!?@|~^`$";
    std::string result;
    for (int n = integer(min_length, max_length); n > 0; --n) {
      result +=
          kAlphabet[static_cast<std::size_t>(integer(0, static_cast<int>(kAlphabet.size()) - 1))];
    }
    while (!result.empty() && result.front() == ' ') result.erase(0, 1);
    while (!result.empty() && result.back() == ' ') result.pop_back();
    if (static_cast<int>(result.size()) < min_length) result.append(min_length, 'X');
    return result;
  }

  std::mt19937_64 random_;
};

// What JSON and CSV carry: everything but the header and the comments.
Omm without_header(Omm omm) {
  const Omm defaults;
  omm.version = defaults.version;
  omm.creation_date.clear();
  omm.originator.clear();
  omm.comments.clear();
  return omm;
}

void expect_round_trips(OmmEncoding encoding, std::uint64_t seed) {
  OmmGenerator generator(seed);
  std::vector<Omm> omms;
  for (int i = 0; i < kSamples; ++i) omms.push_back(generator.next());
  auto text = format_omm(omms, encoding);
  ASSERT_TRUE(text) << text.error().to_string();
  auto back = parse_omm(*text, encoding);
  ASSERT_TRUE(back) << back.error().to_string();
  ASSERT_EQ(back->size(), omms.size());
  const bool keeps_header = encoding == OmmEncoding::kKvn || encoding == OmmEncoding::kXml;
  for (std::size_t i = 0; i < omms.size(); ++i) {
    ASSERT_EQ((*back)[i], keeps_header ? omms[i] : without_header(omms[i])) << "OMM " << i;
  }
}

TEST(OmmProperty, KvnReadsBackEveryGeneratedMessage) { expect_round_trips(OmmEncoding::kKvn, 1); }

TEST(OmmProperty, XmlReadsBackEveryGeneratedMessage) { expect_round_trips(OmmEncoding::kXml, 2); }

TEST(OmmProperty, JsonReadsBackEveryGeneratedMessage) { expect_round_trips(OmmEncoding::kJson, 3); }

TEST(OmmProperty, CsvReadsBackEveryGeneratedMessage) { expect_round_trips(OmmEncoding::kCsv, 4); }

TEST(OmmProperty, TleConversionLosesNothing) {
  OmmGenerator generator(5);
  for (int i = 0; i < kSamples; ++i) {
    const Omm omm = generator.next();
    auto tle = tle_from_omm(omm);
    ASSERT_TRUE(tle) << tle.error().to_string();
    auto back = omm_from_tle(
        *tle,
        {.creation_date = omm.creation_date, .originator = omm.originator, .version = omm.version});
    ASSERT_TRUE(back) << back.error().to_string();
    back->comments = omm.comments;
    ASSERT_EQ(*back, omm) << "OMM " << i;
  }
}

TEST(OmmProperty, EveryEncodingReadsTheSameValuesFromTheSameMessages) {
  OmmGenerator generator(6);
  std::vector<Omm> omms;
  for (int i = 0; i < 50; ++i) omms.push_back(without_header(generator.next()));
  for (OmmEncoding encoding :
       {OmmEncoding::kKvn, OmmEncoding::kXml, OmmEncoding::kJson, OmmEncoding::kCsv}) {
    std::vector<Omm> with_header = omms;
    for (Omm& omm : with_header) {
      omm.creation_date = "2024-01-01T00:00:00";
      omm.originator = "X";
    }
    auto text = format_omm(with_header, encoding);
    ASSERT_TRUE(text);
    auto back = parse_omm(*text, encoding);
    ASSERT_TRUE(back);
    for (std::size_t i = 0; i < omms.size(); ++i) {
      EXPECT_EQ(without_header((*back)[i]), omms[i]);
    }
  }
}

// ---- number forms ----

// ECCENTRICITY's value in the KVN sample replaced by `text`.
std::expected<std::vector<Omm>, ParseError> with_eccentricity(std::string_view text) {
  return parse_omm_kvn(
      testing::replaced(testing::kIssKvn, "= .0006703", fmt::format("= {}", text)));
}

TEST(OmmNumbers, ReadsEveryDecimalFormTheCataloguesWrite) {
  const std::pair<std::string_view, double> forms[] = {{"0.5", 0.5},
                                                       {".5", 0.5},
                                                       {"5.E-1", 0.5},
                                                       {"+.5", 0.5},
                                                       {"0.5e0", 0.5},
                                                       {"5e-1", 0.5},
                                                       {"50E-2", 0.5},
                                                       {"0", 0.0},
                                                       {"-0", 0.0},
                                                       {"0.", 0.0},
                                                       {"1e-300", 1e-300},
                                                       {"0.0006703", 0.0006703},
                                                       {".6703E-3", 0.0006703}};
  for (const auto& [text, value] : forms) {
    auto omms = with_eccentricity(text);
    ASSERT_TRUE(omms) << text << ": " << omms.error().to_string();
    EXPECT_EQ(omms->front().eccentricity, value) << text;
  }
}

TEST(OmmNumbers, RefusesEveryOtherFormAtTheCharacterAtFault) {
  // value, 1-based offset of the character at fault
  const std::pair<std::string_view, int> forms[] = {
      {".", 1},   {"-", 2},      {"e5", 1},       {"1e", 3},  {"1e+", 4},   {"1.2.3", 4},
      {"1,5", 2}, {"0x1p-3", 2}, {"1_0", 2},      {"--1", 2}, {"+-1", 2},   {"1 5", 2},
      {"5%", 2},  {"0.5d0", 4},  {"infinity", 1}, {"NaN", 1}, {"1e5e5", 4}, {"٥", 1}};
  for (const auto& [text, offset] : forms) {
    auto omms = with_eccentricity(text);
    ASSERT_FALSE(omms) << text;
    const int value_column = 16;
    if (omms.error().code == "omm_kvn") continue;  // bytes outside ASCII stop the line first
    EXPECT_EQ(omms.error().code, "omm_number") << text;
    EXPECT_EQ(omms.error().line, 13) << text;
    EXPECT_EQ(omms.error().column, value_column + offset - 1)
        << text << ": " << omms.error().message;
  }
}

TEST(OmmNumbers, NamesTheKeywordOfEveryMalformedNumber) {
  for (std::string_view key :
       {"MEAN_MOTION", "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE", "ARG_OF_PERICENTER",
        "MEAN_ANOMALY", "BSTAR", "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT", "EPHEMERIS_TYPE",
        "NORAD_CAT_ID", "ELEMENT_SET_NO", "REV_AT_EPOCH"}) {
    std::string text(testing::kIssKvn);
    const auto at = text.find("\n" + std::string(key) + " = ") + key.size() + 4;
    text.replace(at, text.find('\n', at) - at, "12x");
    auto omms = parse_omm_kvn(text);
    ASSERT_FALSE(omms) << key;
    EXPECT_TRUE(omms.error().code == "omm_number" || omms.error().code == "omm_integer") << key;
    EXPECT_NE(omms.error().message.find(key), std::string::npos) << omms.error().message;
    EXPECT_EQ(omms.error().column, static_cast<int>(key.size()) + 6) << key;
  }
}

TEST(OmmNumbers, ReadsTheDoubleNearestToTheText) {
  // Shortest round-trip text of a double reads back to that double, bit for bit.
  std::mt19937_64 random(7);
  for (int i = 0; i < 2000; ++i) {
    const double value = std::uniform_real_distribution<double>(0.0, 1.0)(random);
    auto omms = with_eccentricity(fmt::format("{}", value));
    ASSERT_TRUE(omms);
    ASSERT_EQ(omms->front().eccentricity, value);
  }
}

TEST(OmmNumbers, ReadsAnIntegerWithAPlusSignButNoFraction) {
  EXPECT_EQ(
      only(parse_omm_kvn(testing::replaced(testing::kIssKvn, "= 292", "= +292"))).element_set_no,
      292);
  EXPECT_FALSE(parse_omm_kvn(testing::replaced(testing::kIssKvn, "= 292", "= 292.")));
  EXPECT_FALSE(parse_omm_kvn(testing::replaced(testing::kIssKvn, "= 292", "= 2.92e2")));
  EXPECT_FALSE(parse_omm_kvn(testing::replaced(testing::kIssKvn, "= 292", "= +")));
}

TEST(OmmNumbers, RefusesAnIntegerBeyondSixtyFourBits) {
  auto omms =
      parse_omm_kvn(testing::replaced(testing::kIssKvn, "= 25544", "= 99999999999999999999999"));
  ASSERT_FALSE(omms);
  EXPECT_EQ(omms.error().code, "omm_range");
}

}  // namespace
}  // namespace jingkai::orbit
