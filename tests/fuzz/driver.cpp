// Runs the fuzz targets on a seed corpus and on inputs mutated from it with a fixed seed, so
// a run is repeatable: jingkai_fuzz [ITERATIONS]. A target signals a broken invariant by
// throwing; a crash ends the process. Prints the plain "N passed, N failed" line.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <random>
#include <string>
#include <vector>

namespace jingkai::fuzz {
void fuzz_request(const std::uint8_t* data, std::size_t size);
void fuzz_json_body(const std::uint8_t* data, std::size_t size);
void fuzz_identifier(const std::uint8_t* data, std::size_t size);
void fuzz_industry_catalog(const std::uint8_t* data, std::size_t size);
void fuzz_pinyin(const std::uint8_t* data, std::size_t size);
}  // namespace jingkai::fuzz

namespace {

const std::vector<std::string> kRequestSeeds = {
    "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET /api/v1/users?page=2&page_size=50 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n",
    "GET /api/v1/users/7 HTTP/1.1\r\nHost: x\r\nCookie: a=b; jingkai_session=t\r\n\r\n",
    "POST /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: "
    "application/json\r\nContent-Length: 15\r\n\r\n{\"name\":\"abc\"}",
    "GET /%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET /assets/../../x?q=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
};

const std::vector<std::string> kJsonSeeds = {
    R"({"name":"admin","display_name":"管理员","roles":["admin"],"days":30})",
    R"({"name":1,"roles":"x"})",
    R"({"name":"a","extra":null})",
    R"({"name":"\ud800"})",
    "[1,2,3]",
    "{\"name\":\"\xE8\xAF\"}",
    R"({"days":18446744073709551615,"name":"x"})",
};

const std::vector<std::string> kIdentifierSeeds = {
    "914403001922038216",
    "9144030071526726XG",
    " 91330681ma2be4r0xa\n",
    "91100000100003962T",
    "330681",
    "990000",
    "９１４４０３００１９２２０３８２１６",
};

const std::vector<std::string> kIndustrySeeds = {
    "# GB/T 4754-2017\nC\t制造业\n36\t汽车制造业\n361\t汽车整车制造\n3612\t新能源车整车制造\n",
    "A\t农、林、牧、渔业\r\n01\t农业\r\n019\t其他农业\r\n0190\t其他农业\r\n",
    "3612",
};

const std::vector<std::string> kPinyinSeeds = {
    "诸暨海亮股份有限公司",
    "ABC科技😀",
    "中国工商银行厦门分行",
    "Z\t诸\n银行\tYH\n",
};

std::string mutate(std::string input, std::mt19937_64& random) {
  const char kInteresting[] = {'\0', '\r', '\n', '%', '.', '/', '"',    '\\',   '{',   '}',
                               ':',  ';',  '=',  '?', '&', ' ', '\xE8', '\xFF', '\x80'};
  const int edits = 1 + static_cast<int>(random() % 8);
  for (int i = 0; i < edits; ++i) {
    const std::size_t at = input.empty() ? 0 : random() % (input.size() + 1);
    switch (random() % 5) {
      case 0:  // flip a byte
        if (at < input.size()) input[at] = static_cast<char>(random());
        break;
      case 1:  // insert an interesting byte
        input.insert(at, 1, kInteresting[random() % sizeof kInteresting]);
        break;
      case 2:  // delete a run
        if (at < input.size()) input.erase(at, 1 + random() % 8);
        break;
      case 3:  // duplicate a run
        if (at < input.size()) input.insert(at, input.substr(at, 1 + random() % 16));
        break;
      default:  // truncate
        input.resize(at);
        break;
    }
  }
  return input;
}

}  // namespace

int main(int argc, char** argv) {
  const long iterations = argc > 1 ? std::atol(argv[1]) : 20000;
  std::mt19937_64 random(20261127);
  long passed = 0, failed = 0;
  auto run = [&](auto target, const std::string& input) {
    try {
      target(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
      ++passed;
    } catch (const std::exception& broken) {
      ++failed;
      std::fprintf(stderr, "invariant broken (%s) by input of %zu bytes\n", broken.what(),
                   input.size());
    }
  };
  for (long i = 0; i < iterations; ++i) {
    run(jingkai::fuzz::fuzz_request, mutate(kRequestSeeds[i % kRequestSeeds.size()], random));
    run(jingkai::fuzz::fuzz_json_body, mutate(kJsonSeeds[i % kJsonSeeds.size()], random));
    run(jingkai::fuzz::fuzz_identifier,
        mutate(kIdentifierSeeds[i % kIdentifierSeeds.size()], random));
    run(jingkai::fuzz::fuzz_industry_catalog,
        mutate(kIndustrySeeds[i % kIndustrySeeds.size()], random));
    run(jingkai::fuzz::fuzz_pinyin, mutate(kPinyinSeeds[i % kPinyinSeeds.size()], random));
  }
  std::printf("fuzz: %ld inputs\n%ld passed, %ld failed\n", passed + failed, passed, failed);
  return failed == 0 ? 0 : 1;
}
