#include "modules/enterprises/repo.hpp"

#include <fmt/format.h>

#include "modules/enterprises/repo_sql.hpp"

namespace jingkai::enterprises {
namespace {

using sql::kAboveScaleSql;
using sql::kHighTechSql;
using sql::Param;
using sql::year_joins;

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

}  // namespace jingkai::enterprises
