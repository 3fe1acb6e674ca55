#include "modules/enterprises/report_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <unordered_set>

#include "core/digest.hpp"
#include "core/text.hpp"
#include "core/uscc.hpp"
#include "tabular/import_problem.hpp"

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

// How many unknown headings an error lists.
constexpr std::size_t kMaxListedHeadings = 20;

// Where each column is in this file.
using ColumnPositions = std::array<std::size_t, kColumnCount>;

// The header must name every column once, and nothing else.
Result<ColumnPositions> locate_columns(const std::vector<std::string>& header) {
  ColumnPositions at;
  at.fill(SIZE_MAX);
  std::vector<std::string> unknown;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (trim_blanks(header[i]).empty()) continue;
    auto column = column_of(header[i]);
    if (!column || at[*column] != SIZE_MAX) {
      // Quoted back to the uploader: a cell of any length is shortened, and only so many.
      if (unknown.size() < kMaxListedHeadings) unknown.push_back(tabular::excerpt(header[i]));
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
  return at;
}

// One data row being checked: its cells by column, and where its problems go.
struct RowCheck {
  const ColumnPositions& at;
  const std::vector<std::string>& cells;
  std::int64_t row;
  ImportOutcome& outcome;
  std::int64_t problems_before = outcome.problem_count;

  std::string_view cell(Column c) const {
    return at[c] < cells.size() ? trim_blanks(cells[at[c]]) : std::string_view();
  }
  static std::string_view key(Column c) { return report_columns()[c].key; }

  void problem(std::string_view column, std::string_view value, const Error& error) {
    ++outcome.problem_count;
    if (outcome.problems.size() < ImportOutcome::kMaxProblems) {
      outcome.problems.push_back(
          {row, std::string(column), std::string(value), error.code, error.message});
    }
  }
  void problem(Column c, const Error& error) { problem(key(c), cell(c), error); }
};

// The firm, by its credit code, among those registered in the zone; 0 when it is not.
EnterpriseId read_enterprise(RowCheck& check,
                             const std::unordered_map<std::string, EnterpriseId>& directory,
                             ReportLine& line) {
  auto uscc = Uscc::parse(check.cell(kUscc));
  if (!uscc) {
    check.problem(kUscc, uscc.error());
    return 0;
  }
  const auto id = directory.find(uscc->text());
  if (id == directory.end()) {
    check.problem(kUscc, Error::invalid("enterprise_not_registered",
                                        "该代码的企业尚未登记, 请先登记企业 (no enterprise with "
                                        "this code is registered in the zone)"));
    return 0;
  }
  line.uscc = uscc->text();
  return id->second;
}

void read_period(RowCheck& check, const EnterpriseService& enterprises, ReportLine& line) {
  auto period = parse_period(check.cell(kPeriod), "period");
  if (!period) {
    if (auto serial = period_from_serial(check.cell(kPeriod))) period = *serial;
  }
  if (!period) {
    check.problem(kPeriod, period.error());
  } else if (auto ok = enterprises.check_period(*period); !ok) {
    check.problem(kPeriod, ok.error());
  } else {
    line.period = *period;
  }
}

void read_figures(RowCheck& check, ReportLine& line) {
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
    auto fen = parse_yuan(check.cell(amount.column), RowCheck::key(amount.column));
    if (!fen) {
      check.problem(amount.column, fen.error());
    } else if (*fen < 0 && !amount.may_be_negative) {
      check.problem(amount.column,
                    Error::invalid("negative_value", "不能为负数 (must not be negative)"));
    } else {
      *amount.into = *fen;
    }
  }
  if (auto people = parse_decimal(check.cell(kEmployees), 0, "employees"); !people) {
    check.problem(kEmployees, people.error());
  } else {
    line.figures.employees = *people;
  }
  if (auto energy = parse_decimal(check.cell(kEnergy), 3, "energy_tce"); !energy) {
    check.problem(kEnergy, energy.error());
  } else {
    line.figures.energy_kgce = *energy;
  }
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
  auto opened = TRY(tabular::open_table(std::move(bytes), encoding));
  tabular::TableReader& table = *opened;

  std::vector<std::string> cells;
  if (!TRY(table.next(cells))) {
    return std::unexpected(
        Error::invalid("table_empty", "文件中没有表头 (the file has no header row)", "file"));
  }
  const ColumnPositions at = TRY(locate_columns(cells));
  const auto directory = TRY(enterprises_.directory(actor));

  ImportOutcome outcome;
  std::vector<ReportLine> lines;
  std::unordered_set<std::uint64_t> seen;  // (enterprise, period) pairs in this file
  ReportLine line;
  // A file that breaks off mid-way is refused whole: we cannot know what it held.
  while (TRY(table.next(cells))) {
    if (std::ranges::all_of(cells, [](const auto& cell) { return trim_blanks(cell).empty(); })) {
      continue;
    }
    ++outcome.rows;
    if (progress && outcome.rows % 16384 == 0) progress("read", table.progress());
    RowCheck check{at, cells, table.row_number(), outcome};
    const EnterpriseId enterprise = read_enterprise(check, directory, line);
    read_period(check, enterprises_, line);
    read_figures(check, line);
    if (outcome.problem_count > check.problems_before) continue;
    if (auto ok = EnterpriseService::check_figures(line.figures); !ok) {
      check.problem(ok.error().field, "", ok.error());
    } else if (!seen.insert(report_key(enterprise, line.period)).second) {
      check.problem("", "",
                    Error::invalid("duplicate_row",
                                   fmt::format("同一企业同一统计期在文件中出现两次: {} {} (the "
                                               "same enterprise and period appear twice)",
                                               line.uscc, format_period(line.period))));
    } else {
      lines.push_back(line);
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
  auto saved = TRY(enterprises_.save_reports(
      actor, lines, fmt::format("{} sha256:{}", source, digest), [&](double fraction) {
        if (progress) progress("write", fraction);
      }));
  outcome.imported = true;
  outcome.inserted = saved.inserted;
  outcome.updated = saved.updated;
  for (Period p : saved.periods) outcome.periods.push_back(format_period(p));
  return outcome;
}

}  // namespace jingkai::enterprises
