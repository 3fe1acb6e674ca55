// The indicators as data: the dashboard's figures, each with the records it is made of
// (its drill-down). Nothing here knows HTTP: the routes turn a Drill into an API path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/money.hpp"
#include "core/period.hpp"
#include "modules/enterprises/repo.hpp"

namespace jingkai::indicators {

// The city's above-scale industrial output for January up to `period` (累计), as published
// by the city's statistics bureau.
struct CityTotal {
  Period period;
  Fen above_scale_output_ytd_fen = 0;
  EpochMs updated_at = 0;
};

// Which list holds the records behind a figure.
enum class DrillTarget {
  reports,      // monthly reports, filtered
  enterprises,  // the registry, filtered
  ranking,      // firms ranked by their sums over a range
};

// Where the records behind a figure are listed: a list and its filters, in order.
struct Drill {
  using Value = std::variant<std::string, std::int64_t>;
  DrillTarget target = DrillTarget::reports;
  std::vector<std::pair<std::string, Value>> query;
};

// Above-scale output (规上工业总产值): the month, the year to date, each beside last year's.
struct OutputFigures {
  Fen month_fen = 0;
  Fen month_last_year_fen = 0;
  std::optional<double> month_yoy_pct;  // none without a base
  Fen ytd_fen = 0;
  Fen ytd_last_year_fen = 0;
  std::optional<double> ytd_yoy_pct;
  Drill month_drill, ytd_drill, ytd_last_year_drill;
};

// One month of the chart: this year's (none for months still to come) beside last year's.
struct MonthOutput {
  int month = 1;
  Period period;
  Period last_year_period;
  Fen last_year_output_fen = 0;
  Drill last_year_drill;
  std::optional<Fen> output_fen;
  std::optional<Drill> drill;
};

// How many firms carry a flag (above scale, high-tech, listed, …), or "all".
struct FlagCount {
  std::string key;
  std::string label;
  std::int64_t value = 0;
  Drill drill;
};

// One industrial chain (or the firms on none): its firms and its above-scale output.
struct ChainFigures {
  std::string key;  // the chain's id as text, "" for none
  std::string label;
  std::int64_t enterprises = 0;
  Drill enterprises_drill;
  std::int64_t above_scale_enterprises = 0;
  Fen output_ytd_fen = 0;
  Drill output_drill;
};

// A firm in a ranking, with its reports over the ranking's range.
struct RankedFirm {
  enterprises::EnterpriseTotal firm;
  Drill drill;
};

// Firms whose output over the twelve months up to the period exceeds 100 million CNY.
struct OverHundredMillion {
  std::int64_t value = 0;
  Period from, to;
  Drill drill;
};

// The zone's year-to-date output as a share of the city's, when the city's is entered.
struct CityShare {
  std::optional<Fen> city_ytd_fen;
  std::optional<double> share_pct;
  Drill drill;
};

struct Dashboard {
  Period period;
  std::vector<FlagCount> counts;
  OutputFigures output;
  std::vector<MonthOutput> monthly;
  std::vector<ChainFigures> chains;
  std::vector<RankedFirm> top;
  std::vector<RankedFirm> tax_per_mu;
  std::vector<RankedFirm> value_added_per_mu;
  OverHundredMillion over_100m;
  double computed_ms = 0;
  // Per request, not cached:
  std::int64_t version = 0;  // of the zone's statistics
  bool cached = false;
  CityShare city_share;
};

}  // namespace jingkai::indicators
