#include "modules/enterprises/repo.hpp"

#include <fmt/format.h>

namespace jingkai::enterprises {
namespace {

using Param = store::Tx::Param;

constexpr std::string_view kAboveScaleSql =
    "CASE WHEN e.above_scale_override IS NOT NULL THEN e.above_scale_override"
    " WHEN prev.enterprise_id IS NOT NULL THEN CASE WHEN prev.revenue_fen * 12 >="
    " CAST(2000000000 AS BIGINT) * prev.months THEN 1 ELSE 0 END"
    " WHEN cur.revenue_fen * 12 >= CAST(2000000000 AS BIGINT) * cur.months THEN 1 ELSE 0 END";

// Joins the yearly sums that above_scale_sql() reads; `year` is an SQL expression.
std::string year_joins(std::string_view year) {
  return fmt::format(
      " LEFT JOIN enterprise_years prev ON prev.enterprise_id = e.id AND prev.year = ({}) - 1"
      " LEFT JOIN enterprise_years cur ON cur.enterprise_id = e.id AND cur.year = ({})",
      year, year);
}

// The aggregates over reports keep a report when its enterprise was above scale in the
// report's year. Evaluating the rule per report row (two lookups in enterprise_years each)
// made the dashboard's queries cost seconds at 100,000 firms × 36 months; instead the rule is
// evaluated once per (enterprise, year) of the range, in a CTE `above` that the reports join.
// The CTE takes the zone as its one parameter ('?'), which comes first in the statement.
std::string above_scale_cte(Period from, Period to) {
  std::string years;
  for (int year = from.year; year <= to.year; ++year) {
    years += fmt::format("{}SELECT {} AS year", years.empty() ? "" : " UNION ALL ", year);
  }
  return fmt::format(
      "WITH above AS MATERIALIZED (SELECT e.id AS enterprise_id, y.year AS year"
      " FROM enterprises e CROSS JOIN ({}) y{} WHERE e.zone_id = ? AND ({}) = 1) ",
      years, year_joins("y.year"), kAboveScaleSql);
}

// Joins the reports `r` to `above`.
constexpr std::string_view kAboveJoin =
    " JOIN above a ON a.enterprise_id = r.enterprise_id AND a.year = r.period / 12";

// The row of an enterprise as the queries below select it, with its bindings.
constexpr std::string_view kEnterpriseColumns =
    "e.id, e.uscc, e.name, e.name_initials, e.legal_representative, e.address,"
    " e.division_code, e.industry_code, e.chain_id, COALESCE(c.name, ''),"
    " e.high_tech_certificate, e.high_tech_expires_on, e.listed_exchange, e.listed_ticker,"
    " e.global500_group, e.above_scale_override, e.land_area_centimu, e.founded_on, e.status,"
    " e.created_at, e.updated_at, ";

struct EnterpriseRow {
  long long id = 0, chain_id = 0, above_scale_override = 0, land_area = 0, created_at = 0,
            updated_at = 0, above_scale = 0;
  soci::indicator chain_null = soci::i_ok, override_null = soci::i_ok;
  std::string uscc, name, initials, legal, address, division, industry, chain_name, certificate,
      expires_on, exchange, ticker, global500, founded_on, status;

  template <typename Run>
  auto bind(Run&& run) {
    return run(soci::into(id), soci::into(uscc), soci::into(name), soci::into(initials),
               soci::into(legal), soci::into(address), soci::into(division), soci::into(industry),
               soci::into(chain_id, chain_null), soci::into(chain_name), soci::into(certificate),
               soci::into(expires_on), soci::into(exchange), soci::into(ticker),
               soci::into(global500), soci::into(above_scale_override, override_null),
               soci::into(land_area), soci::into(founded_on), soci::into(status),
               soci::into(created_at), soci::into(updated_at), soci::into(above_scale));
  }

  Enterprise get(ZoneId zone) const {
    Enterprise e;
    e.id = id;
    e.zone_id = zone;
    e.uscc = uscc;
    e.name = name;
    e.name_initials = initials;
    e.legal_representative = legal;
    e.address = address;
    e.division_code = division;
    e.industry_code = industry;
    if (chain_null == soci::i_ok) e.chain_id = chain_id;
    e.chain_name = chain_name;
    e.high_tech_certificate = certificate;
    if (auto date = parse_date(expires_on)) e.high_tech_expires_on = *date;
    e.listed_exchange = exchange;
    e.listed_ticker = ticker;
    e.global500_group = global500;
    if (override_null == soci::i_ok) e.above_scale_override = above_scale_override != 0;
    e.land_area_centimu = land_area;
    if (auto date = parse_date(founded_on)) e.founded_on = *date;
    e.status = parse_status(status).value_or(EnterpriseStatus::active);
    e.created_at = created_at;
    e.updated_at = updated_at;
    e.above_scale = above_scale != 0;
    return e;
  }
};

std::string date_text(const std::optional<Date>& date) {
  return date ? format_date(*date) : std::string();
}

// The writable columns of an enterprise as parameters, in the order of kWritableColumns.
constexpr std::string_view kWritableColumns =
    "uscc, name, name_initials, legal_representative, address, division_code, industry_code,"
    " chain_id, high_tech_certificate, high_tech_expires_on, listed_exchange, listed_ticker,"
    " global500_group, above_scale_override, land_area_centimu, founded_on, status, updated_at";

struct WritableRow {
  std::string uscc, name, initials, legal, address, division, industry, certificate, expires_on,
      exchange, ticker, global500, founded_on, status;
  long long chain_id = 0, above_scale_override = 0, land_area = 0, updated_at = 0;
  soci::indicator chain_null = soci::i_ok, override_null = soci::i_ok;

  explicit WritableRow(const Enterprise& e)
      : uscc(e.uscc),
        name(e.name),
        initials(e.name_initials),
        legal(e.legal_representative),
        address(e.address),
        division(e.division_code),
        industry(e.industry_code),
        certificate(e.high_tech_certificate),
        expires_on(date_text(e.high_tech_expires_on)),
        exchange(e.listed_exchange),
        ticker(e.listed_ticker),
        global500(e.global500_group),
        founded_on(date_text(e.founded_on)),
        status(to_string(e.status)),
        chain_id(e.chain_id.value_or(0)),
        above_scale_override(e.above_scale_override.value_or(false) ? 1 : 0),
        land_area(e.land_area_centimu),
        updated_at(e.updated_at),
        chain_null(e.chain_id ? soci::i_ok : soci::i_null),
        override_null(e.above_scale_override ? soci::i_ok : soci::i_null) {}
};

// Sort keys a list may ask for, and the SQL they mean.
std::optional<std::string_view> order_by(std::string_view sort) {
  if (sort == "name") return "e.name, e.id";
  if (sort == "-name") return "e.name DESC, e.id DESC";
  if (sort == "founded_on") return "e.founded_on, e.id";
  if (sort == "-founded_on") return "e.founded_on DESC, e.id DESC";
  if (sort == "land_area") return "e.land_area_centimu, e.id";
  if (sort == "-land_area") return "e.land_area_centimu DESC, e.id DESC";
  if (sort == "updated_at") return "e.updated_at, e.id";
  if (sort == "-updated_at") return "e.updated_at DESC, e.id DESC";
  if (sort == "uscc") return "e.uscc";
  if (sort == "-uscc") return "e.uscc DESC";
  return std::nullopt;
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  }
  return out;
}

constexpr std::string_view kHighTechSql =
    "(e.high_tech_certificate <> '' AND (e.high_tech_expires_on = '' OR "
    "e.high_tech_expires_on >= ?))";

}  // namespace

std::string_view above_scale_sql() { return kAboveScaleSql; }

std::string_view to_string(EnterpriseStatus status) {
  switch (status) {
    case EnterpriseStatus::active:
      return "active";
    case EnterpriseStatus::moved_out:
      return "moved_out";
    case EnterpriseStatus::deregistered:
      return "deregistered";
  }
  return "active";
}

std::optional<EnterpriseStatus> parse_status(std::string_view text) {
  if (text == "active") return EnterpriseStatus::active;
  if (text == "moved_out") return EnterpriseStatus::moved_out;
  if (text == "deregistered") return EnterpriseStatus::deregistered;
  return std::nullopt;
}

std::vector<std::string_view> EnterpriseRepo::schema() {
  return {
      "CREATE TABLE industrial_chains (id {id}, zone_id BIGINT NOT NULL REFERENCES zones (id),"
      " code TEXT NOT NULL, name TEXT NOT NULL, UNIQUE (zone_id, code), UNIQUE (zone_id, name))",
      "CREATE TABLE enterprises (id {id}, zone_id BIGINT NOT NULL REFERENCES zones (id),"
      " uscc TEXT NOT NULL, name TEXT NOT NULL, name_initials TEXT NOT NULL,"
      " legal_representative TEXT NOT NULL, address TEXT NOT NULL, division_code TEXT NOT NULL,"
      " industry_code TEXT NOT NULL, chain_id BIGINT REFERENCES industrial_chains (id),"
      " high_tech_certificate TEXT NOT NULL, high_tech_expires_on TEXT NOT NULL,"
      " listed_exchange TEXT NOT NULL, listed_ticker TEXT NOT NULL,"
      " global500_group TEXT NOT NULL, above_scale_override INTEGER,"
      " land_area_centimu BIGINT NOT NULL, founded_on TEXT NOT NULL, status TEXT NOT NULL,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (zone_id, uscc))",
      "CREATE INDEX enterprises_zone_name ON enterprises (zone_id, name)",
      "CREATE INDEX enterprises_zone_chain ON enterprises (zone_id, chain_id, name)",
      "CREATE INDEX enterprises_zone_initials ON enterprises (zone_id, name_initials)",
      // Monthly reports (月报); `period` is Period::index().
      "CREATE TABLE enterprise_reports (enterprise_id BIGINT NOT NULL REFERENCES enterprises"
      " (id), period INTEGER NOT NULL, zone_id BIGINT NOT NULL, output_fen BIGINT NOT NULL,"
      " value_added_fen BIGINT NOT NULL, revenue_fen BIGINT NOT NULL, profit_fen BIGINT NOT"
      " NULL, tax_fen BIGINT NOT NULL, employees BIGINT NOT NULL, energy_kgce BIGINT NOT NULL,"
      " updated_at BIGINT NOT NULL, PRIMARY KEY (enterprise_id, period))",
      "CREATE INDEX enterprise_reports_zone_period ON enterprise_reports (zone_id, period)",
      // Yearly sums of the reports, kept in step with them in the same transaction; the
      // above-scale rule reads the year before's revenue from here.
      "CREATE TABLE enterprise_years (enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),"
      " year INTEGER NOT NULL, zone_id BIGINT NOT NULL, output_fen BIGINT NOT NULL,"
      " value_added_fen BIGINT NOT NULL, revenue_fen BIGINT NOT NULL, tax_fen BIGINT NOT NULL,"
      " months INTEGER NOT NULL, PRIMARY KEY (enterprise_id, year))",
      "CREATE INDEX enterprise_years_zone_year ON enterprise_years (zone_id, year)",
      "CREATE TABLE statistics_versions (zone_id BIGINT PRIMARY KEY REFERENCES zones (id),"
      " version BIGINT NOT NULL)",
  };
}

ChainId EnterpriseRepo::insert_chain(store::Tx& tx, ZoneId zone, const Chain& chain) const {
  long long id = 0;
  const long long zone_id = zone;
  tx.sql() << "INSERT INTO industrial_chains (zone_id, code, name) VALUES (:z, :c, :n)"
              " RETURNING id",
      soci::use(zone_id), soci::use(chain.code), soci::use(chain.name), soci::into(id);
  return id;
}

bool EnterpriseRepo::update_chain(store::Tx& tx, ZoneId zone, const Chain& chain) const {
  const long long zone_id = zone, id = chain.id;
  soci::statement statement =
      (tx.sql().prepare << "UPDATE industrial_chains SET code = :c, name = :n"
                           " WHERE zone_id = :z AND id = :id",
       soci::use(chain.code), soci::use(chain.name), soci::use(zone_id), soci::use(id));
  statement.execute(true);
  return statement.get_affected_rows() > 0;
}

std::vector<Chain> EnterpriseRepo::list_chains(store::Tx& tx, ZoneId zone) const {
  std::vector<Chain> chains;
  Chain chain;
  long long id = 0;
  const long long zone_id = zone;
  auto rows =
      tx.query("SELECT id, code, name FROM industrial_chains WHERE zone_id = :z ORDER BY id",
               soci::use(zone_id), soci::into(id), soci::into(chain.code), soci::into(chain.name));
  while (rows.next()) {
    chain.id = id;
    chains.push_back(chain);
  }
  return chains;
}

std::optional<Chain> EnterpriseRepo::find_chain(store::Tx& tx, ZoneId zone, ChainId id) const {
  Chain chain;
  const long long zone_id = zone, wanted = id;
  if (!tx.query_one("SELECT code, name FROM industrial_chains WHERE zone_id = :z AND id = :id",
                    soci::use(zone_id), soci::use(wanted), soci::into(chain.code),
                    soci::into(chain.name))) {
    return std::nullopt;
  }
  chain.id = id;
  return chain;
}

EnterpriseId EnterpriseRepo::insert(store::Tx& tx, ZoneId zone,
                                    const Enterprise& enterprise) const {
  WritableRow row(enterprise);
  long long id = 0;
  const long long zone_id = zone, created = enterprise.created_at;
  tx.query_one(fmt::format("INSERT INTO enterprises ({}, zone_id, created_at) VALUES (:a, :b, :c,"
                           " :d, :e, :f, :g, :h, :i, :j, :k, :l, :m, :n, :o, :p, :q, :r, :s,"
                           " :t) RETURNING id",
                           kWritableColumns),
               soci::use(row.uscc), soci::use(row.name), soci::use(row.initials),
               soci::use(row.legal), soci::use(row.address), soci::use(row.division),
               soci::use(row.industry), soci::use(row.chain_id, row.chain_null),
               soci::use(row.certificate), soci::use(row.expires_on), soci::use(row.exchange),
               soci::use(row.ticker), soci::use(row.global500),
               soci::use(row.above_scale_override, row.override_null), soci::use(row.land_area),
               soci::use(row.founded_on), soci::use(row.status), soci::use(row.updated_at),
               soci::use(zone_id), soci::use(created), soci::into(id));
  return id;
}

void EnterpriseRepo::update(store::Tx& tx, ZoneId zone, const Enterprise& enterprise) const {
  WritableRow row(enterprise);
  const long long zone_id = zone, id = enterprise.id;
  tx.exec(
      "UPDATE enterprises SET uscc = :a, name = :b, name_initials = :c,"
      " legal_representative = :d, address = :e, division_code = :f, industry_code = :g,"
      " chain_id = :h, high_tech_certificate = :i, high_tech_expires_on = :j,"
      " listed_exchange = :k, listed_ticker = :l, global500_group = :m,"
      " above_scale_override = :n, land_area_centimu = :o, founded_on = :p, status = :q,"
      " updated_at = :r WHERE zone_id = :s AND id = :t",
      soci::use(row.uscc), soci::use(row.name), soci::use(row.initials), soci::use(row.legal),
      soci::use(row.address), soci::use(row.division), soci::use(row.industry),
      soci::use(row.chain_id, row.chain_null), soci::use(row.certificate),
      soci::use(row.expires_on), soci::use(row.exchange), soci::use(row.ticker),
      soci::use(row.global500), soci::use(row.above_scale_override, row.override_null),
      soci::use(row.land_area), soci::use(row.founded_on), soci::use(row.status),
      soci::use(row.updated_at), soci::use(zone_id), soci::use(id));
}

std::optional<Enterprise> EnterpriseRepo::find(store::Tx& tx, ZoneId zone, EnterpriseId id,
                                               Date today) const {
  const std::string sql = fmt::format(
      "SELECT {}{} FROM enterprises e LEFT JOIN industrial_chains c ON c.id = e.chain_id{}"
      " WHERE e.zone_id = ? AND e.id = ?",
      kEnterpriseColumns, kAboveScaleSql, year_joins(std::to_string(year_of(today))));
  std::vector<Param> params{Param(static_cast<long long>(zone)), Param(static_cast<long long>(id))};
  EnterpriseRow row;
  bool found = row.bind([&](auto&&... intos) {
    return tx.query_with(sql, params, std::forward<decltype(intos)>(intos)...).next();
  });
  if (!found) return std::nullopt;
  return row.get(zone);
}

std::optional<EnterpriseId> EnterpriseRepo::find_by_uscc(store::Tx& tx, ZoneId zone,
                                                         std::string_view uscc) const {
  long long id = 0;
  const long long zone_id = zone;
  const std::string wanted(uscc);
  if (!tx.query_one("SELECT id FROM enterprises WHERE zone_id = :z AND uscc = :u",
                    soci::use(zone_id), soci::use(wanted), soci::into(id))) {
    return std::nullopt;
  }
  return id;
}

Page<Enterprise> EnterpriseRepo::list(store::Tx& tx, ZoneId zone, const EnterpriseFilter& filter,
                                      PageRequest page, Date today,
                                      std::optional<std::int64_t> known_total) const {
  std::string where = " WHERE e.zone_id = ?";
  std::vector<Param> params{Param(static_cast<long long>(zone))};
  const std::string today_text = format_date(today);
  if (!filter.query.empty()) {
    where +=
        " AND (e.name LIKE ? ESCAPE '\\' OR e.uscc LIKE ? ESCAPE '\\'"
        " OR e.name_initials LIKE ? ESCAPE '\\')";
    const std::string escaped = store::escape_like(filter.query);
    params.emplace_back("%" + escaped + "%");
    params.emplace_back(upper_ascii(escaped) + "%");
    params.emplace_back(upper_ascii(escaped) + "%");
  }
  if (filter.chain_id) {
    where += " AND e.chain_id = ?";
    params.emplace_back(static_cast<long long>(*filter.chain_id));
  }
  if (filter.without_chain) where += " AND e.chain_id IS NULL";
  if (filter.high_tech) {
    where += *filter.high_tech ? fmt::format(" AND {}", kHighTechSql)
                               : fmt::format(" AND NOT {}", kHighTechSql);
    params.emplace_back(today_text);
  }
  if (filter.listed)
    where += *filter.listed ? " AND e.listed_exchange <> ''" : " AND e.listed_exchange = ''";
  if (filter.global500) {
    where += *filter.global500 ? " AND e.global500_group <> ''" : " AND e.global500_group = ''";
  }
  if (filter.status) {
    where += " AND e.status = ?";
    params.emplace_back(std::string(to_string(*filter.status)));
  }
  if (!filter.industry_prefix.empty()) {
    where += " AND e.industry_code LIKE ?";
    params.emplace_back(filter.industry_prefix + "%");
  }
  if (filter.above_scale) {
    where += fmt::format(" AND ({}) = {}", kAboveScaleSql, *filter.above_scale ? 1 : 0);
  }
  const std::string joins = year_joins(std::to_string(year_of(today)));
  const bool needs_years = filter.above_scale.has_value();

  Page<Enterprise> result;
  result.page = page.page;
  result.page_size = page.page_size;
  if (known_total) {
    result.total = *known_total;
  } else {
    long long total = 0;
    tx.query_with(fmt::format("SELECT COUNT(*) FROM enterprises e{}{}",
                              needs_years ? joins : std::string(), where),
                  params, soci::into(total))
        .next();
    result.total = total;
  }
  const std::string sql = fmt::format(
      "SELECT {}{} FROM enterprises e LEFT JOIN industrial_chains c ON c.id = e.chain_id{}{}"
      " ORDER BY {} LIMIT {} OFFSET {}",
      kEnterpriseColumns, kAboveScaleSql, joins, where, *order_by(filter.sort), page.page_size,
      page.offset());
  EnterpriseRow row;
  row.bind([&](auto&&... intos) {
    auto rows = tx.query_with(sql, params, std::forward<decltype(intos)>(intos)...);
    while (rows.next()) result.items.push_back(row.get(zone));
    return 0;
  });
  return result;
}

bool is_sort_key(std::string_view sort) { return order_by(sort).has_value(); }

void EnterpriseRepo::upsert_report(store::Tx& tx, ZoneId zone, const MonthlyReport& report,
                                   EpochMs now) const {
  const long long enterprise = report.enterprise_id, zone_id = zone, period = report.period.index(),
                  updated = now;
  const MonthlyFigures& f = report.figures;
  const long long output = f.output_fen, value_added = f.value_added_fen, revenue = f.revenue_fen,
                  profit = f.profit_fen, tax = f.tax_fen, employees = f.employees,
                  energy = f.energy_kgce;
  tx.exec(
      "INSERT INTO enterprise_reports (enterprise_id, period, zone_id, output_fen,"
      " value_added_fen, revenue_fen, profit_fen, tax_fen, employees, energy_kgce, updated_at)"
      " VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k)"
      " ON CONFLICT (enterprise_id, period) DO UPDATE SET output_fen = excluded.output_fen,"
      " value_added_fen = excluded.value_added_fen, revenue_fen = excluded.revenue_fen,"
      " profit_fen = excluded.profit_fen, tax_fen = excluded.tax_fen,"
      " employees = excluded.employees, energy_kgce = excluded.energy_kgce,"
      " updated_at = excluded.updated_at",
      soci::use(enterprise), soci::use(period), soci::use(zone_id), soci::use(output),
      soci::use(value_added), soci::use(revenue), soci::use(profit), soci::use(tax),
      soci::use(employees), soci::use(energy), soci::use(updated));
}

void EnterpriseRepo::upsert_reports(store::Tx& tx, ZoneId zone,
                                    std::span<const MonthlyReport> reports, EpochMs now) const {
  constexpr std::string_view kUpdate =
      " ON CONFLICT (enterprise_id, period) DO UPDATE SET output_fen = excluded.output_fen,"
      " value_added_fen = excluded.value_added_fen, revenue_fen = excluded.revenue_fen,"
      " profit_fen = excluded.profit_fen, tax_fen = excluded.tax_fen,"
      " employees = excluded.employees, energy_kgce = excluded.energy_kgce,"
      " updated_at = excluded.updated_at";
  if (reports.empty()) return;
  if (tx.dialect() == store::Dialect::sqlite) {
    // SQLite runs in this process: the one-row statement, prepared once, stepped for each row
    // with the columns bound from vectors (SOCI's bulk use) costs the least.
    std::vector<long long> columns[11];
    for (auto& column : columns) column.reserve(reports.size());
    for (const MonthlyReport& r : reports) {
      const MonthlyFigures& f = r.figures;
      columns[0].push_back(r.enterprise_id);
      columns[1].push_back(r.period.index());
      columns[2].push_back(zone);
      columns[3].push_back(f.output_fen);
      columns[4].push_back(f.value_added_fen);
      columns[5].push_back(f.revenue_fen);
      columns[6].push_back(f.profit_fen);
      columns[7].push_back(f.tax_fen);
      columns[8].push_back(f.employees);
      columns[9].push_back(f.energy_kgce);
      columns[10].push_back(now);
    }
    tx.exec(fmt::format("INSERT INTO enterprise_reports (enterprise_id, period, zone_id,"
                        " output_fen, value_added_fen, revenue_fen, profit_fen, tax_fen,"
                        " employees, energy_kgce, updated_at)"
                        " VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k){}",
                        kUpdate),
            soci::use(columns[0]), soci::use(columns[1]), soci::use(columns[2]),
            soci::use(columns[3]), soci::use(columns[4]), soci::use(columns[5]),
            soci::use(columns[6]), soci::use(columns[7]), soci::use(columns[8]),
            soci::use(columns[9]), soci::use(columns[10]));
    return;
  }
  // PostgreSQL: one statement per batch rather than per row, for the round trip each
  // statement costs. Two texts at most (a full batch and the rest), each prepared once per
  // connection.
  constexpr std::string_view kRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  std::vector<Param> params;
  std::string sql;
  for (std::size_t start = 0; start < reports.size(); start += kUpsertBatch) {
    const auto batch = reports.subspan(start, std::min(kUpsertBatch, reports.size() - start));
    sql =
        "INSERT INTO enterprise_reports (enterprise_id, period, zone_id, output_fen,"
        " value_added_fen, revenue_fen, profit_fen, tax_fen, employees, energy_kgce, updated_at)"
        " VALUES ";
    sql.reserve(sql.size() + batch.size() * (kRow.size() + 2) + 400);
    params.clear();
    params.reserve(batch.size() * 11);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const MonthlyReport& r = batch[i];
      const MonthlyFigures& f = r.figures;
      if (i > 0) sql += ", ";
      sql += kRow;
      for (long long value :
           {static_cast<long long>(r.enterprise_id), static_cast<long long>(r.period.index()),
            static_cast<long long>(zone), static_cast<long long>(f.output_fen),
            static_cast<long long>(f.value_added_fen), static_cast<long long>(f.revenue_fen),
            static_cast<long long>(f.profit_fen), static_cast<long long>(f.tax_fen),
            static_cast<long long>(f.employees), static_cast<long long>(f.energy_kgce),
            static_cast<long long>(now)}) {
        params.emplace_back(value);
      }
    }
    sql += kUpdate;
    tx.exec_with(sql, params);
  }
}

namespace {

struct ReportRow {
  long long enterprise = 0, period = 0, output = 0, value_added = 0, revenue = 0, profit = 0,
            tax = 0, employees = 0, energy = 0, updated = 0;
  std::string name, uscc;

  MonthlyReport get() const {
    MonthlyReport report;
    report.enterprise_id = enterprise;
    report.period = Period::from_index(int(period));
    report.figures = {output, value_added, revenue, profit, tax, employees, energy};
    report.updated_at = updated;
    report.enterprise_name = name;
    report.uscc = uscc;
    return report;
  }
};

constexpr std::string_view kReportColumns =
    "r.enterprise_id, r.period, r.output_fen, r.value_added_fen, r.revenue_fen, r.profit_fen,"
    " r.tax_fen, r.employees, r.energy_kgce, r.updated_at, e.name, e.uscc";

}  // namespace

std::optional<MonthlyReport> EnterpriseRepo::find_report(store::Tx& tx, ZoneId zone,
                                                         EnterpriseId enterprise,
                                                         Period period) const {
  ReportRow row;
  const long long zone_id = zone, id = enterprise, index = period.index();
  if (!tx.query_one(fmt::format("SELECT {} FROM enterprise_reports r JOIN enterprises e ON e.id ="
                                " r.enterprise_id WHERE r.zone_id = :z AND r.enterprise_id = :e"
                                " AND r.period = :p",
                                kReportColumns),
                    soci::use(zone_id), soci::use(id), soci::use(index), soci::into(row.enterprise),
                    soci::into(row.period), soci::into(row.output), soci::into(row.value_added),
                    soci::into(row.revenue), soci::into(row.profit), soci::into(row.tax),
                    soci::into(row.employees), soci::into(row.energy), soci::into(row.updated),
                    soci::into(row.name), soci::into(row.uscc))) {
    return std::nullopt;
  }
  return row.get();
}

Page<MonthlyReport> EnterpriseRepo::list_reports(store::Tx& tx, ZoneId zone,
                                                 EnterpriseId enterprise, Period from, Period to,
                                                 const Scope& scope, PageRequest page) const {
  std::string where = " WHERE r.zone_id = ? AND r.period BETWEEN ? AND ?";
  std::vector<Param> params{Param(static_cast<long long>(zone)),
                            Param(static_cast<long long>(from.index())),
                            Param(static_cast<long long>(to.index()))};
  if (enterprise != 0) {
    where += " AND r.enterprise_id = ?";
    params.emplace_back(static_cast<long long>(enterprise));
  }
  if (scope.chain_id) {
    where += " AND e.chain_id = ?";
    params.emplace_back(static_cast<long long>(*scope.chain_id));
  }
  if (scope.without_chain) where += " AND e.chain_id IS NULL";
  std::string joins = " JOIN enterprises e ON e.id = r.enterprise_id";
  std::string with;
  if (scope.above_scale_only) {
    with = above_scale_cte(from, to);
    joins += kAboveJoin;
    params.insert(params.begin(), Param(static_cast<long long>(zone)));
  }
  Page<MonthlyReport> result;
  result.page = page.page;
  result.page_size = page.page_size;
  long long total = 0;
  tx.query_with(fmt::format("{}SELECT COUNT(*) FROM enterprise_reports r{}{}", with, joins, where),
                params, soci::into(total))
      .next();
  result.total = total;
  ReportRow row;
  auto rows = tx.query_with(
      fmt::format("{}SELECT {} FROM enterprise_reports r{}{} ORDER BY r.period DESC, r.output_fen"
                  " DESC, r.enterprise_id LIMIT {} OFFSET {}",
                  with, kReportColumns, joins, where, page.page_size, page.offset()),
      params, soci::into(row.enterprise), soci::into(row.period), soci::into(row.output),
      soci::into(row.value_added), soci::into(row.revenue), soci::into(row.profit),
      soci::into(row.tax), soci::into(row.employees), soci::into(row.energy),
      soci::into(row.updated), soci::into(row.name), soci::into(row.uscc));
  while (rows.next()) result.items.push_back(row.get());
  return result;
}

std::unordered_map<std::string, EnterpriseId> EnterpriseRepo::directory(store::Tx& tx,
                                                                        ZoneId zone) const {
  std::unordered_map<std::string, EnterpriseId> ids;
  const long long zone_id = zone;
  long long id = 0;
  std::string uscc;
  auto rows = tx.query("SELECT id, uscc FROM enterprises WHERE zone_id = :z", soci::use(zone_id),
                       soci::into(id), soci::into(uscc));
  while (rows.next()) ids.emplace(uscc, id);
  return ids;
}

std::unordered_set<std::uint64_t> EnterpriseRepo::report_keys(store::Tx& tx, ZoneId zone,
                                                              Period from, Period to) const {
  std::unordered_set<std::uint64_t> keys;
  const long long zone_id = zone, first = from.index(), last = to.index();
  long long id = 0, period = 0;
  auto rows = tx.query(
      "SELECT enterprise_id, period FROM enterprise_reports WHERE zone_id = :z AND period"
      " BETWEEN :a AND :b",
      soci::use(zone_id), soci::use(first), soci::use(last), soci::into(id), soci::into(period));
  while (rows.next()) keys.insert(report_key(id, Period::from_index(int(period))));
  return keys;
}

void EnterpriseRepo::refresh_years(store::Tx& tx, ZoneId zone, EnterpriseId enterprise,
                                   const std::set<int>& years) const {
  const long long zone_id = zone, id = enterprise;
  const std::string which = enterprise != 0 ? "enterprise_id = :e" : ":e = 0";
  for (int year : years) {
    const long long y = year, first = year * 12, last = year * 12 + 11;
    tx.exec(
        fmt::format("DELETE FROM enterprise_years WHERE zone_id = :z AND year = :y AND {}", which),
        soci::use(zone_id), soci::use(y), soci::use(id));
    tx.exec(fmt::format("INSERT INTO enterprise_years (enterprise_id, year, zone_id, output_fen,"
                        " value_added_fen, revenue_fen, tax_fen, months)"
                        " SELECT enterprise_id, :y, zone_id, SUM(output_fen),"
                        " SUM(value_added_fen), SUM(revenue_fen), SUM(tax_fen), COUNT(*)"
                        " FROM enterprise_reports WHERE zone_id = :z AND period BETWEEN :a AND"
                        " :b AND {} GROUP BY enterprise_id, zone_id",
                        which),
            soci::use(y), soci::use(zone_id), soci::use(first), soci::use(last), soci::use(id));
  }
}

void EnterpriseRepo::bump_version(store::Tx& tx, ZoneId zone) const {
  const long long zone_id = zone;
  tx.exec(
      "INSERT INTO statistics_versions (zone_id, version) VALUES (:z, 1)"
      " ON CONFLICT (zone_id) DO UPDATE SET version = statistics_versions.version + 1",
      soci::use(zone_id));
}

std::int64_t EnterpriseRepo::version(store::Tx& tx, ZoneId zone) const {
  const long long zone_id = zone;
  long long version = 0;
  tx.query_one("SELECT version FROM statistics_versions WHERE zone_id = :z", soci::use(zone_id),
               soci::into(version));
  return version;
}

std::vector<PeriodTotal> EnterpriseRepo::period_totals(store::Tx& tx, ZoneId zone, Period from,
                                                       Period to, const Scope& scope) const {
  std::string joins;
  std::string where = " WHERE r.zone_id = ? AND r.period BETWEEN ? AND ?";
  std::vector<Param> params{Param(static_cast<long long>(zone)),
                            Param(static_cast<long long>(from.index())),
                            Param(static_cast<long long>(to.index()))};
  if (scope.chain_id || scope.without_chain) {
    joins = " JOIN enterprises e ON e.id = r.enterprise_id";
  }
  if (scope.chain_id) {
    where += " AND e.chain_id = ?";
    params.emplace_back(static_cast<long long>(*scope.chain_id));
  }
  if (scope.without_chain) where += " AND e.chain_id IS NULL";
  std::string with;
  if (scope.above_scale_only) {
    with = above_scale_cte(from, to);
    joins += kAboveJoin;
    params.insert(params.begin(), Param(static_cast<long long>(zone)));
  }
  std::vector<PeriodTotal> totals;
  long long period = 0, output = 0, value_added = 0, revenue = 0, tax = 0, reports = 0;
  auto rows = tx.query_with(
      fmt::format("{}SELECT r.period, SUM(r.output_fen), SUM(r.value_added_fen),"
                  " SUM(r.revenue_fen), SUM(r.tax_fen), COUNT(*) FROM enterprise_reports r{}{}"
                  " GROUP BY r.period ORDER BY r.period",
                  with, joins, where),
      params, soci::into(period), soci::into(output), soci::into(value_added), soci::into(revenue),
      soci::into(tax), soci::into(reports));
  while (rows.next()) {
    totals.push_back({Period::from_index(int(period)), output, value_added, revenue, tax, reports});
  }
  return totals;
}

std::vector<GroupCount> EnterpriseRepo::count_by_chain(store::Tx& tx, ZoneId zone,
                                                       Date today) const {
  std::vector<Param> params{Param(static_cast<long long>(zone))};
  std::vector<GroupCount> counts;
  long long chain = 0, count = 0;
  soci::indicator chain_null = soci::i_ok;
  std::string name;
  auto rows = tx.query_with(
      fmt::format("SELECT e.chain_id, COALESCE(MAX(c.name), ''), COUNT(*) FROM enterprises e"
                  " LEFT JOIN industrial_chains c ON c.id = e.chain_id WHERE e.zone_id = ? AND"
                  " e.status = 'active' GROUP BY e.chain_id ORDER BY COUNT(*) DESC"),
      params, soci::into(chain, chain_null), soci::into(name), soci::into(count));
  while (rows.next()) {
    counts.push_back(
        {chain_null == soci::i_ok ? std::to_string(chain) : std::string(), name, count});
  }
  (void)today;
  return counts;
}

std::vector<GroupCount> EnterpriseRepo::count_by_flag(store::Tx& tx, ZoneId zone,
                                                      Date today) const {
  std::vector<Param> params{Param(std::string(format_date(today))),
                            Param(static_cast<long long>(zone))};
  long long all = 0, above = 0, high_tech = 0, listed = 0, global500 = 0;
  tx.query_with(
        fmt::format("SELECT COUNT(*), COALESCE(SUM({}), 0), COALESCE(SUM(CASE WHEN {} THEN 1 ELSE"
                    " 0 END), 0), COALESCE(SUM(CASE WHEN e.listed_exchange <> '' THEN 1 ELSE 0"
                    " END), 0), COALESCE(SUM(CASE WHEN e.global500_group <> '' THEN 1 ELSE 0"
                    " END), 0) FROM enterprises e{} WHERE e.zone_id = ? AND e.status ="
                    " 'active'",
                    kAboveScaleSql, kHighTechSql, year_joins(std::to_string(year_of(today)))),
        params, soci::into(all), soci::into(above), soci::into(high_tech), soci::into(listed),
        soci::into(global500))
      .next();
  return {{"all", "企业总数", all},
          {"above_scale", "规上企业", above},
          {"high_tech", "高新技术企业", high_tech},
          {"listed", "上市企业", listed},
          {"global500", "世界500强企业", global500}};
}

std::vector<std::pair<GroupCount, PeriodTotal>> EnterpriseRepo::chain_totals(
    store::Tx& tx, ZoneId zone, Period from, Period to, bool above_scale_only) const {
  std::vector<Param> params{Param(static_cast<long long>(zone)),
                            Param(static_cast<long long>(from.index())),
                            Param(static_cast<long long>(to.index()))};
  if (above_scale_only) params.insert(params.begin(), Param(static_cast<long long>(zone)));
  std::vector<std::pair<GroupCount, PeriodTotal>> totals;
  long long chain = 0, output = 0, value_added = 0, revenue = 0, tax = 0, reports = 0,
            enterprises = 0;
  soci::indicator chain_null = soci::i_ok;
  std::string name;
  auto rows = tx.query_with(
      fmt::format("{}SELECT e.chain_id, COALESCE(MAX(c.name), ''), COUNT(DISTINCT e.id),"
                  " SUM(r.output_fen), SUM(r.value_added_fen), SUM(r.revenue_fen),"
                  " SUM(r.tax_fen), COUNT(*) FROM enterprise_reports r{}"
                  " JOIN enterprises e ON e.id = r.enterprise_id"
                  " LEFT JOIN industrial_chains c ON c.id = e.chain_id"
                  " WHERE r.zone_id = ? AND r.period BETWEEN ? AND ?"
                  " GROUP BY e.chain_id ORDER BY SUM(r.output_fen) DESC",
                  above_scale_only ? above_scale_cte(from, to) : std::string(),
                  above_scale_only ? kAboveJoin : std::string_view()),
      params, soci::into(chain, chain_null), soci::into(name), soci::into(enterprises),
      soci::into(output), soci::into(value_added), soci::into(revenue), soci::into(tax),
      soci::into(reports));
  while (rows.next()) {
    totals.push_back({GroupCount{chain_null == soci::i_ok ? std::to_string(chain) : std::string(),
                                 name, enterprises},
                      PeriodTotal{from, output, value_added, revenue, tax, reports}});
  }
  return totals;
}

std::vector<EnterpriseTotal> EnterpriseRepo::ranking(store::Tx& tx, ZoneId zone, Period from,
                                                     Period to, std::string_view order, int limit,
                                                     Fen min_output, std::int64_t& total) const {
  std::string_view order_sql = "SUM(r.output_fen)";
  if (order == "value_added") order_sql = "SUM(r.value_added_fen)";
  if (order == "tax") order_sql = "SUM(r.tax_fen)";
  // Per mu (亩均): only firms with land on record can be ranked.
  if (order == "tax_per_mu") order_sql = "SUM(r.tax_fen) * 100 / MAX(e.land_area_centimu)";
  if (order == "value_added_per_mu") {
    order_sql = "SUM(r.value_added_fen) * 100 / MAX(e.land_area_centimu)";
  }
  const bool per_mu = order.ends_with("_per_mu");
  std::vector<Param> params{
      Param(static_cast<long long>(zone)), Param(static_cast<long long>(zone)),
      Param(static_cast<long long>(from.index())), Param(static_cast<long long>(to.index())),
      Param(static_cast<long long>(min_output))};
  // One pass: the page, and how many qualify as a window over all the groups.
  total = 0;
  std::vector<EnterpriseTotal> totals;
  EnterpriseTotal row;
  long long id = 0, land = 0, output = 0, value_added = 0, tax = 0, count = 0;
  auto rows = tx.query_with(
      fmt::format("{}SELECT e.id, MAX(e.name), COALESCE(MAX(c.name), ''), MAX(e.land_area_centimu),"
                  " SUM(r.output_fen), SUM(r.value_added_fen), SUM(r.tax_fen), COUNT(*) OVER ()"
                  " FROM enterprise_reports r{} JOIN enterprises e ON e.id = r.enterprise_id"
                  " LEFT JOIN industrial_chains c ON c.id = e.chain_id"
                  " WHERE r.zone_id = ? AND r.period BETWEEN ? AND ?{}"
                  " GROUP BY e.id HAVING SUM(r.output_fen) > ? ORDER BY {} DESC, e.id LIMIT {}",
                  above_scale_cte(from, to), kAboveJoin,
                  per_mu ? " AND e.land_area_centimu > 0" : "", order_sql, limit),
      params, soci::into(id), soci::into(row.name), soci::into(row.chain_name), soci::into(land),
      soci::into(output), soci::into(value_added), soci::into(tax), soci::into(count));
  while (rows.next()) {
    total = count;
    row.id = id;
    row.land_area_centimu = land;
    row.output_fen = output;
    row.value_added_fen = value_added;
    row.tax_fen = tax;
    totals.push_back(row);
  }
  return totals;
}

std::optional<Period> EnterpriseRepo::latest_period(store::Tx& tx, ZoneId zone) const {
  const long long zone_id = zone;
  long long period = 0;
  soci::indicator null_period = soci::i_ok;
  tx.query_one("SELECT MAX(period) FROM enterprise_reports WHERE zone_id = :z", soci::use(zone_id),
               soci::into(period, null_period));
  if (null_period == soci::i_null) return std::nullopt;
  return Period::from_index(int(period));
}

}  // namespace jingkai::enterprises
