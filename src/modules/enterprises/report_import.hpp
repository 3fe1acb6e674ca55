// ReportImporter: monthly reports from a CSV (UTF-8 or GBK) or XLSX file. Every row is
// checked and every bad row reported (row, column, value, why); only a file without a bad
// row is imported, in one transaction. Re-importing a period replaces its rows.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "modules/enterprises/service.hpp"
#include "tabular/import_problem.hpp"
#include "tabular/table_reader.hpp"

namespace jingkai::enterprises {

using tabular::ImportProblem;

struct ImportOutcome {
  std::int64_t rows = 0;  // data rows read (blank rows skipped)
  bool imported = false;
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::vector<std::string> periods;
  std::int64_t problem_count = 0;
  std::vector<ImportProblem> problems;  // the first kMaxProblems
  static constexpr std::size_t kMaxProblems = tabular::kMaxListedProblems;
};

// Where a long import is: "read" while reading and checking rows, "write" while storing.
using ImportProgress = std::function<void(std::string_view phase, double fraction)>;

// The columns of a report file: the key (English) and the heading a template carries.
struct ReportColumn {
  std::string_view key;
  std::string_view heading;
};
const std::vector<ReportColumn>& report_columns();

class ReportImporter {
 public:
  explicit ReportImporter(EnterpriseService& enterprises) : enterprises_(enterprises) {}

  // `source` names the file in the audit record. With `dry_run` nothing is written.
  // Errors are for a file that cannot be read as a table at all, or whose header is wrong;
  // bad rows are in the outcome.
  Result<ImportOutcome> run(const Actor& actor, std::string bytes,
                            std::optional<tabular::Encoding> encoding, std::string_view source,
                            bool dry_run, const ImportProgress& progress = {});

 private:
  EnterpriseService& enterprises_;
};

}  // namespace jingkai::enterprises
