// What an error quotes back of the client's input: valid UTF-8, at most 200 characters and
// "…". Found by the libFuzzer targets (tests/fuzz/libfuzzer): a bad path id was quoted whole
// and as raw bytes ("/api/v1/enterprises/%4F%B8" put the byte 0xB8 into the message), and an
// unknown JSON key was quoted whole, twice, and as the field (a 1 MiB key, 3 MiB back).
#include <gtest/gtest.h>

#include <string>

#include "core/text.hpp"
#include "http/json_body.hpp"
#include "http/router.hpp"

namespace jingkai::http {
namespace {

// 诸 is one character of three bytes: the cut counts characters, not bytes.
std::string characters(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += "诸";
  return text;
}

// text + "…" (not operator+ on a temporary: g++ 12 warns falsely there, -Warray-bounds).
std::string cut(const std::string& text) {
  std::string shown;
  shown.reserve(text.size() + 3);
  shown.append(text).append("…");
  return shown;
}

TEST(EchoExcerpt, TextOf200CharactersIsQuotedWholeAnd201CutTo200AndAnEllipsis) {
  EXPECT_EQ(excerpt(characters(199)), characters(199));
  EXPECT_EQ(excerpt(characters(200)), characters(200));
  EXPECT_EQ(excerpt(characters(201)), cut(characters(200)));
  EXPECT_EQ(excerpt(""), "");
}

TEST(EchoExcerpt, AByteThatIsNotUtf8IsShownAsTheReplacementCharacter) {
  EXPECT_EQ(excerpt("O\xB8"), "O\uFFFD");
  EXPECT_EQ(excerpt("\xE8\xAF"), "\uFFFD\uFFFD");  // a cut sequence, byte by byte
  EXPECT_TRUE(is_valid_utf8(excerpt(std::string("a\xFF\xC0\x80", 4))));
}

TEST(EchoExcerpt, ABadIdIsQuotedAsUtf8AndCutShort) {
  const auto bad_bytes = parse_id("O\xB8", "id");
  ASSERT_FALSE(bad_bytes);
  EXPECT_EQ(bad_bytes.error().code, "bad_id");
  EXPECT_TRUE(is_valid_utf8(bad_bytes.error().message));
  EXPECT_NE(bad_bytes.error().message.find("O\uFFFD"), std::string::npos);

  std::string long_text(5000, '9');
  long_text += 'x';
  const auto long_id = parse_id(long_text, "id");
  ASSERT_FALSE(long_id);
  EXPECT_NE(long_id.error().message.find(cut(std::string(200, '9'))), std::string::npos);
  EXPECT_EQ(long_id.error().message.find(std::string(201, '9')), std::string::npos);
  EXPECT_EQ(long_id.error().field, "id");
}

Result<boost::json::object> body_of(const std::string& text) {
  Request request{Verb::post, "/", 11};
  request.set(beast_http::field::content_type, "application/json");
  request.body() = text;
  return parse_json_object(request);
}

TEST(EchoExcerpt, AnUnknownKeyIsQuotedAndNamedCutShort) {
  const std::string key(100000, 'k');
  const auto body = body_of("{\"name\":\"a\",\"" + key + "\":1}");
  ASSERT_TRUE(body);
  FieldReader fields(*body);
  fields.required_string("name", 64);
  const auto done = fields.finish();
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, "unknown_field");
  EXPECT_EQ(done.error().field, cut(std::string(200, 'k')));
  EXPECT_LT(done.error().message.size(), 500u);
}

TEST(EchoExcerpt, AnUnknownKeyOf200CharactersIsNamedWhole) {
  const auto body = body_of("{\"" + characters(200) + "\":1}");
  ASSERT_TRUE(body);
  const auto done = FieldReader(*body).finish();
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().field, characters(200));
}

}  // namespace
}  // namespace jingkai::http
