// Runs the table fuzz targets (tests/fuzz/fuzz_table_input.cpp) on a seed corpus and on inputs
// mutated from it with a fixed seed, so that a run is repeatable: jingkai_fuzz_table
// [ITERATIONS]. The seeds include XLSX files from XlsxWriter and GBK text from CsvWriter, made
// at start-up. Prints the plain "N passed, N failed" line.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <random>
#include <string>
#include <vector>

#include "tabular/table_writer.hpp"

namespace jingkai::fuzz {
void fuzz_table(const std::uint8_t* data, std::size_t size);
void fuzz_xlsx_parts(const std::uint8_t* data, std::size_t size);
}  // namespace jingkai::fuzz

namespace {

using jingkai::tabular::Cell;

std::vector<std::string> table_seeds() {
  std::vector<std::string> seeds = {
      "统一社会信用代码,企业名称,期间,营业收入\n91330681MA2BCDEF1X,诸暨袜业,2025-03,1234.5\n",
      "\xEF\xBB\xBF\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\r\n",
      "a\r\rb\n\n,,\n\"unterminated\n",
      "one\n",
      "\xD6\xD0\xCE\xC4,\xB1\xE0\xC2\xEB\r\n",  // 中文,编码 in GBK
      std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
      "\xE8\xAF\xB8\xFF,\x81\n",
  };
  jingkai::tabular::CsvWriter csv;
  csv.row({"名称", "备注"});
  csv.row({"开发区", "含,逗号和\"引号\""});
  seeds.push_back(csv.take());
  csv.row({"名称", "代码"});
  csv.row({"诸暨", "330681"});
  if (auto gbk = csv.take_gbk()) seeds.push_back(*gbk);
  jingkai::tabular::XlsxWriter xlsx("Sheet1");
  (void)xlsx.header({"名称", "金额"});
  (void)xlsx.row({Cell{"甲"}, Cell{1.5}});
  (void)xlsx.row({Cell{"_x0041_"}, Cell{std::int64_t{12000000}}});
  if (auto bytes = xlsx.finish()) seeds.push_back(*bytes);
  return seeds;
}

const std::vector<std::string> kPartSeeds = {
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\"><v>1.2E+7</v>"
    "</c></row><row r=\"3\"><c t=\"inlineStr\"><is><r><t>a</t></r><r><t>b</t></r></is></c><c "
    "t=\"b\"><v>1</v></c></row></sheetData></worksheet>" +
        std::string(1, '\0') + "<sst><si><t>诸暨_x000D_</t><rPh><t>x</t></rPh></si></sst>",
    "<worksheet><sheetData><row><c><v>-0.5E-3</v></c><c t=\"e\"><v>#N/A</v></c></row><row "
    "r=\"9\"/></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"XFD1\" t=\"str\"><f>1</f><v>x</v></c></row>"
    "</sheetData></worksheet>",
};

std::string mutate(std::string input, const std::vector<std::string>& corpus,
                   std::mt19937_64& random) {
  const char kInteresting[] = {',', '"',    '\r',   '\n',   '<',    '>',    '/', '&', ';',
                               '=', '\0',   'r',    't',    's',    '9',    '_', 'E', '-',
                               '.', '\xE8', '\xFF', '\x81', '\x80', '\xBF', 'P'};
  const int edits = 1 + static_cast<int>(random() % 6);
  for (int i = 0; i < edits; ++i) {
    const std::size_t at = input.empty() ? 0 : random() % (input.size() + 1);
    switch (random() % 6) {
      case 0:  // flip a byte
        if (at < input.size()) input[at] = static_cast<char>(random());
        break;
      case 1:  // insert an interesting byte
        input.insert(at, 1, kInteresting[random() % sizeof kInteresting]);
        break;
      case 2:  // delete a run
        if (at < input.size()) input.erase(at, 1 + random() % 16);
        break;
      case 3:  // duplicate a run
        if (at < input.size()) input.insert(at, input.substr(at, 1 + random() % 64));
        break;
      case 4: {  // splice in a piece of another seed
        const std::string& other = corpus[random() % corpus.size()];
        if (!other.empty()) {
          const std::size_t from = random() % other.size();
          input.insert(at, other.substr(from, 1 + random() % 64));
        }
        break;
      }
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
  const std::vector<std::string> tables = table_seeds();
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
  for (const auto& seed : tables) run(jingkai::fuzz::fuzz_table, seed);
  for (const auto& seed : kPartSeeds) run(jingkai::fuzz::fuzz_xlsx_parts, seed);
  for (long i = 0; i < iterations; ++i) {
    run(jingkai::fuzz::fuzz_table, mutate(tables[i % tables.size()], tables, random));
    run(jingkai::fuzz::fuzz_xlsx_parts,
        mutate(kPartSeeds[i % kPartSeeds.size()], kPartSeeds, random));
  }
  std::printf("fuzz: %ld inputs\n%ld passed, %ld failed\n", passed + failed, passed, failed);
  return failed == 0 ? 0 : 1;
}
