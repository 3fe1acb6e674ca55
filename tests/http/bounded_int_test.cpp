// FieldReader's bounded integers: a field is read into 64 bits, checked against its range and
// only then converted; 4294967297 is refused, never narrowed to 1.
#include <gtest/gtest.h>

#include "http/json_body.hpp"

namespace jingkai::http {
namespace {

// Reads `name` from the JSON text `body` within [min, max]; the value, or the error's code.
struct Read {
  std::optional<std::int64_t> value;
  std::string code;
  std::string field;
};

Read read(const std::string& body, std::int64_t min, std::int64_t max,
          std::string_view code = "out_of_range") {
  const boost::json::object object = boost::json::parse(body).as_object();
  FieldReader fields(object);
  Read out;
  out.value = fields.optional_int("days", min, max, code);
  if (auto done = fields.finish(); !done) {
    out.code = done.error().code;
    out.field = done.error().field;
  }
  return out;
}

TEST(BoundedInt, AcceptsBothEndsOfTheRange) {
  EXPECT_EQ(read(R"({"days":1})", 1, 10).value, 1);
  EXPECT_EQ(read(R"({"days":10})", 1, 10).value, 10);
  EXPECT_EQ(read(R"({"days":-5})", -5, 5).value, -5);
  EXPECT_EQ(read(R"({})", 1, 10).value, std::nullopt);
  EXPECT_EQ(read(R"({"days":null})", 1, 10).code, "");
}

TEST(BoundedInt, RefusesJustOutsideTheRangeNamingTheField) {
  for (const char* body : {R"({"days":0})", R"({"days":11})"}) {
    const Read r = read(body, 1, 10);
    EXPECT_EQ(r.value, std::nullopt) << body;
    EXPECT_EQ(r.code, "out_of_range") << body;
    EXPECT_EQ(r.field, "days") << body;
  }
}

TEST(BoundedInt, NeverNarrows) {
  // 2^32 + 1: what int(4294967297) would have made 1.
  EXPECT_EQ(read(R"({"days":4294967297})", 1, 10).code, "out_of_range");
  EXPECT_EQ(read(R"({"days":9223372036854775807})", 1, 10).code, "out_of_range");
  EXPECT_EQ(read(R"({"days":-9223372036854775808})", 1, 10).code, "out_of_range");
  // Past INT64_MAX JSON has only unsigned integers and doubles.
  EXPECT_EQ(read(R"({"days":18446744073709551615})", 1, 10).code, "out_of_range");
  EXPECT_EQ(read(R"({"days":9e18})", 1, 10).code, "out_of_range");
  EXPECT_EQ(read(R"({"days":1e30})", 1, 10).code, "out_of_range");
}

TEST(BoundedInt, TheRouteMayNameItsOwnCode) {
  EXPECT_EQ(read(R"({"days":4294967297})", 0, 10, "bad_extension").code, "bad_extension");
}

TEST(BoundedInt, AFractionOrAStringIsTheWrongType) {
  EXPECT_EQ(read(R"({"days":2.5})", 1, 10).code, "wrong_type");
  EXPECT_EQ(read(R"({"days":"3"})", 1, 10).code, "wrong_type");
  EXPECT_EQ(read(R"({"days":true})", 1, 10).code, "wrong_type");
}

}  // namespace
}  // namespace jingkai::http
