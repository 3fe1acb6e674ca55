#include "modules/enterprises/report_import.hpp"

#include <fmt/format.h>

#include <array>
#include <unordered_set>

#include "core/digest.hpp"
#include "core/text.hpp"
#include "core/uscc.hpp"

namespace jingkai::enterprises {
namespace {

enum Column { kUscc, kPeriod, kOutput, kValueAdded, kRevenue, kProfit, kTax, kEmployees, kEnergy };
constexpr std::size_t kColumnCount = 9;

// A heading names a column by its key, by its Chinese heading, or by that heading without
// the unit in brackets ("工业总产值" for "工业总产值(元)").
std::optional<std::size_t> column_of(std::string_view heading) {
  heading = trim_blanks(heading);
  const auto& columns = report_columns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string_view full = columns[i].heading;
    const std::string_view bare = full.substr(0, full.find('('));
    if (heading == columns[i].key || heading == full || heading == bare) return i;
  }
  return std::nullopt;
}

// Excel stores a date typed into a cell as days since 1899-12-30; a statistics clerk will
// type "2025-03" and get one. Accept it as the period of that day.
std::optional<Period> period_from_serial(std::string_view text) {
  if (text.size() != 5 || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const int serial = std::stoi(std::string(text));
  const Date day =
      Date(std::chrono::sys_days(std::chrono::year(1899) / 12 / 30)) + std::chrono::days(serial);
  return period_of(day);
}

}  // namespace

const std::vector<ReportColumn>& report_columns() {
  static const std::vector<ReportColumn> kColumns = {
      {"uscc", "统一社会信用代码"},
      {"period", "统计期"},
      {"output", "工业总产值(元)"},
      {"value_added", "工业增加值(元)"},
      {"revenue", "主营业务收入(元)"},
      {"profit", "利润总额(元)"},
      {"tax", "实缴税金(元)"},
      {"employees", "从业人员(人)"},
      {"energy_tce", "综合能耗(吨标准煤)"},
  };
  return kColumns;
}

Result<ImportOutcome> ReportImporter::run(const Actor& actor, std::string bytes,
                                          std::optional<tabular::Encoding> encoding,
                                          std::string_view source, bool dry_run,
                                          const ImportProgress& progress) {
  const std::string digest = sha256_hex(bytes);
  auto opened = tabular::open_table(std::move(bytes), encoding);
  if (!opened) return std::unexpected(opened.error());
  tabular::TableReader& table = **opened;

  std::vector<std::string> cells;
  auto header = table.next(cells);
  if (!header) return std::unexpected(header.error());
  if (!*header) {
    return std::unexpected(
        Error::invalid("table_empty", "文件中没有表头 (the file has no header row)", "file"));
  }
  // Where each column is in this file.
  std::array<std::size_t, kColumnCount> at;
  at.fill(SIZE_MAX);
  std::vector<std::string> unknown;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (trim_blanks(cells[i]).empty()) continue;
    auto column = column_of(cells[i]);
    if (!column || at[*column] != SIZE_MAX) {
      unknown.push_back(cells[i]);
      continue;
    }
    at[*column] = i;
  }
  std::vector<std::string> missing;
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    if (at[c] == SIZE_MAX) missing.emplace_back(report_columns()[c].heading);
  }
  if (!missing.empty() || !unknown.empty()) {
    return std::unexpected(Error::invalid(
        "import_header",
        fmt::format("表头不符合模板: 缺少 [{}], 多余或重复 [{}] (the header does not match the "
                    "template: missing [{}], unknown or repeated [{}])",
                    fmt::join(missing, ", "), fmt::join(unknown, ", "), fmt::join(missing, ", "),
                    fmt::join(unknown, ", ")),
        "file"));
  }

  auto directory = enterprises_.directory(actor);
  if (!directory) return std::unexpected(directory.error());

  ImportOutcome outcome;
  auto problem = [&](std::int64_t row, std::string_view column, std::string_view value,
                     const Error& error) {
    ++outcome.problem_count;
    if (outcome.problems.size() < ImportOutcome::kMaxProblems) {
      outcome.problems.push_back(
          {row, std::string(column), std::string(value), error.code, error.message});
    }
  };

  std::vector<ReportLine> lines;
  std::unordered_set<std::uint64_t> seen;  // (enterprise, period) pairs in this file
  ReportLine line;
  for (;;) {
    auto more = table.next(cells);
    if (!more) {
      // A file that breaks off mid-way is refused whole: we cannot know what it held.
      return std::unexpected(more.error());
    }
    if (!*more) break;
    const std::int64_t row = table.row_number();
    bool blank = true;
    for (const std::string& cell : cells) blank = blank && trim_blanks(cell).empty();
    if (blank) continue;
    ++outcome.rows;
    if (progress && outcome.rows % 16384 == 0) progress("read", table.progress());

    const std::int64_t problems_before = outcome.problem_count;
    auto cell = [&](Column c) -> std::string_view {
      return at[c] < cells.size() ? trim_blanks(cells[at[c]]) : std::string_view();
    };
    auto key = [](Column c) { return report_columns()[c].key; };

    EnterpriseId enterprise = 0;
    if (auto uscc = Uscc::parse(cell(kUscc)); !uscc) {
      problem(row, key(kUscc), cell(kUscc), uscc.error());
    } else if (auto id = directory->find(uscc->text()); id == directory->end()) {
      problem(row, key(kUscc), cell(kUscc),
              Error::invalid("enterprise_not_registered",
                             "该代码的企业尚未登记, 请先登记企业 (no enterprise with this code is "
                             "registered in the zone)"));
    } else {
      line.uscc = uscc->text();
      enterprise = id->second;
    }

    auto period = parse_period(cell(kPeriod), "period");
    if (!period) {
      if (auto serial = period_from_serial(cell(kPeriod))) period = *serial;
    }
    if (!period) {
      problem(row, key(kPeriod), cell(kPeriod), period.error());
    } else if (auto ok = enterprises_.check_period(*period); !ok) {
      problem(row, key(kPeriod), cell(kPeriod), ok.error());
    } else {
      line.period = *period;
    }

    struct Amount {
      Column column;
      Fen* into;
      bool may_be_negative;
    };
    const Amount amounts[] = {{kOutput, &line.figures.output_fen, false},
                              {kValueAdded, &line.figures.value_added_fen, false},
                              {kRevenue, &line.figures.revenue_fen, false},
                              {kProfit, &line.figures.profit_fen, true},
                              {kTax, &line.figures.tax_fen, false}};
    for (const Amount& amount : amounts) {
      auto fen = parse_yuan(cell(amount.column), key(amount.column));
      if (!fen) {
        problem(row, key(amount.column), cell(amount.column), fen.error());
      } else if (*fen < 0 && !amount.may_be_negative) {
        problem(row, key(amount.column), cell(amount.column),
                Error::invalid("negative_value", "不能为负数 (must not be negative)"));
      } else {
        *amount.into = *fen;
      }
    }
    if (auto people = parse_decimal(cell(kEmployees), 0, "employees"); !people) {
      problem(row, key(kEmployees), cell(kEmployees), people.error());
    } else {
      line.figures.employees = *people;
    }
    if (auto energy = parse_decimal(cell(kEnergy), 3, "energy_tce"); !energy) {
      problem(row, key(kEnergy), cell(kEnergy), energy.error());
    } else {
      line.figures.energy_kgce = *energy;
    }
    if (outcome.problem_count == problems_before) {
      if (auto ok = EnterpriseService::check_figures(line.figures); !ok) {
        problem(row, ok.error().field, "", ok.error());
      } else if (!seen.insert(report_key(enterprise, line.period)).second) {
        problem(row, "", "",
                Error::invalid("duplicate_row",
                               fmt::format("同一企业同一统计期在文件中出现两次: {} {} (the same "
                                           "enterprise and period appear twice)",
                                           line.uscc, format_period(line.period))));
      } else {
        lines.push_back(line);
      }
    }
  }
  if (progress) progress("read", 1.0);
  if (outcome.rows == 0) {
    return std::unexpected(
        Error::invalid("table_empty", "文件中没有数据行 (the file has no data rows)", "file"));
  }
  if (outcome.problem_count > 0 || dry_run) {
    std::set<Period> periods;
    for (const ReportLine& l : lines) periods.insert(l.period);
    for (Period p : periods) outcome.periods.push_back(format_period(p));
    return outcome;
  }
  auto saved = enterprises_.save_reports(actor, lines, fmt::format("{} sha256:{}", source, digest),
                                         [&](double fraction) {
                                           if (progress) progress("write", fraction);
                                         });
  if (!saved) return std::unexpected(saved.error());
  outcome.imported = true;
  outcome.inserted = saved->inserted;
  outcome.updated = saved->updated;
  for (Period p : saved->periods) outcome.periods.push_back(format_period(p));
  return outcome;
}

}  // namespace jingkai::enterprises
