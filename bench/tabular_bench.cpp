// CSV reading speed in MB/s: open_table + next over a generated file of 1,000,000 rows of 10
// columns (a monthly enterprise report: USCC, Chinese names, periods, amounts, a quoted field
// in one row of ten), UTF-8 and GBK, against a baseline in the same run that only splits the
// bytes into lines with memchr. Prints each rate's ratio to the baseline after Google
// Benchmark's table, and XLSX reading in rows per second for scale.
//
//   tabular_bench [benchmark flags]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "tabular/csv_reader.hpp"
#include "tabular/encoding.hpp"
#include "tabular/table_reader.hpp"
#include "tabular/table_writer.hpp"

namespace {

using namespace jingkai::tabular;

constexpr int kRows = 1'000'000;

const std::string& utf8_file() {
  static const std::string text = [] {
    const char* const kNames[] = {"诸暨市袜业有限公司", "浙江珍珠养殖股份有限公司",
                                  "Zhuji Auto Parts Co.", "诸暨经开区智能装备产业园",
                                  "暨阳环保科技"};
    const char* const kIndustries[] = {"C1762", "C3670", "C3821", "I6510", "M7320"};
    std::mt19937_64 random(4754);
    std::string out =
        "序号,统一社会信用代码,企业名称,行业代码,期间,营业收入,利润总额,从业人数,"
        "用电量,备注\r\n";
    char line[512];
    for (int i = 1; i <= kRows; ++i) {
      const int n = std::snprintf(
          line, sizeof line, "%d,91330681MA2B%06dX,%s,%s,2025-%02d,%.1f,%.2f,%d,%.3f,%s\r\n", i,
          i % 1000000, kNames[random() % 5], kIndustries[random() % 5], 1 + i % 12,
          static_cast<double>(random() % 10000000) / 10.0,
          static_cast<double>(random() % 1000000) / 100.0 - 2000.0,
          static_cast<int>(random() % 5000), static_cast<double>(random() % 1000000) / 1000.0,
          i % 10 == 0 ? "\"含逗号,和\"\"引号\"\"的备注\"" : "");
      out.append(line, static_cast<std::size_t>(n));
    }
    return out;
  }();
  return text;
}

// The same rows as Excel on Chinese Windows saves them.
const std::string& gbk_file() {
  static const std::string text = utf8_to_gbk(utf8_file()).value();
  return text;
}

void read_all(benchmark::State& state, const std::string& file, std::optional<Encoding> encoding) {
  std::vector<std::string> cells;
  std::int64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string copy = file;  // open_table takes the bytes: the copy is not the reader's cost
    state.ResumeTiming();
    auto reader = open_table(std::move(copy), encoding);
    if (!reader) {
      state.SkipWithError(reader.error().message.c_str());
      return;
    }
    rows = 0;
    while ((*reader)->next(cells).value_or(false)) ++rows;
    benchmark::DoNotOptimize(cells.data());
  }
  if (rows != kRows + 1) state.SkipWithError("wrong row count");
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(file.size()));
}

// The baseline: lines found with memchr and nothing else.
void BM_MemchrLines(benchmark::State& state) {
  const std::string& file = utf8_file();
  std::int64_t lines = 0;
  for (auto _ : state) {
    lines = 0;
    const char* p = file.data();
    const char* const end = p + file.size();
    while (const auto* newline = static_cast<const char*>(std::memchr(p, '\n', end - p))) {
      ++lines;
      p = newline + 1;
    }
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(file.size()));
}

// Splitting cells only, on text already known to be UTF-8.
void BM_CsvCellsOnly(benchmark::State& state) {
  const std::string& file = utf8_file();
  std::vector<std::string> cells;
  for (auto _ : state) {
    state.PauseTiming();
    std::string copy = file;
    state.ResumeTiming();
    auto reader = open_csv(std::move(copy));
    while (reader->next(cells).value_or(false)) {
    }
    benchmark::DoNotOptimize(cells.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(file.size()));
}

void BM_CsvUtf8Detected(benchmark::State& state) { read_all(state, utf8_file(), std::nullopt); }

// Bytes processed count the GBK file's own (smaller) size.
void BM_CsvGbkDetected(benchmark::State& state) { read_all(state, gbk_file(), std::nullopt); }

// XLSX for scale: the first 100,000 rows as XlsxWriter writes them (inline strings, deflated),
// counted in rows per second, since the compressed size says little.
constexpr int kXlsxRows = 100'000;

void BM_XlsxRows(benchmark::State& state) {
  static const std::string file = [] {
    XlsxWriter writer("Sheet1");
    std::vector<std::string> cells;
    auto reader = open_csv(utf8_file());
    std::vector<Cell> row;
    for (int i = 0; i <= kXlsxRows && reader->next(cells).value_or(false); ++i) {
      row.clear();
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const bool number = i > 0 && (c == 0 || (c >= 5 && c <= 8));
        row.push_back(number ? Cell{std::stod(cells[c])} : Cell{cells[c]});
      }
      (void)writer.row(row);
    }
    return writer.finish().value();
  }();
  std::vector<std::string> cells;
  std::int64_t rows = 0;
  for (auto _ : state) {
    auto reader = open_table(file);
    rows = 0;
    while ((*reader)->next(cells).value_or(false)) ++rows;
  }
  if (rows != kXlsxRows + 1) state.SkipWithError("wrong row count");
  state.SetItemsProcessed(state.iterations() * rows);
}

BENCHMARK(BM_MemchrLines)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CsvCellsOnly)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CsvUtf8Detected)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CsvGbkDetected)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_XlsxRows)->Unit(benchmark::kMillisecond)->UseRealTime();

class RateReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      auto it = run.counters.find("bytes_per_second");
      if (it != run.counters.end()) rates[run.benchmark_name()] = it->second.value;
      auto items = run.counters.find("items_per_second");
      if (items != run.counters.end()) row_rates[run.benchmark_name()] = items->second.value;
    }
  }
  std::map<std::string, double> rates;
  std::map<std::string, double> row_rates;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RateReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const double baseline = reporter.rates["BM_MemchrLines/real_time"];
  std::printf("\n%d rows x 10 columns, %.1f MB UTF-8\n", kRows, utf8_file().size() / 1e6);
  for (const auto& [name, rate] : reporter.rates) {
    std::printf("%-32s %9.1f MB/s  ratio to memchr lines %.3f\n", name.c_str(), rate / 1e6,
                baseline > 0 ? rate / baseline : 0.0);
  }
  for (const auto& [name, rate] : reporter.row_rates) {
    std::printf("%-32s %9.0f rows/s (10 columns)\n", name.c_str(), rate);
  }
  benchmark::Shutdown();
  return 0;
}
