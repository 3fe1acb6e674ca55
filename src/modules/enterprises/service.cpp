#include "modules/enterprises/service.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/admin_division.hpp"
#include "core/text.hpp"
#include "core/uscc.hpp"
#include "modules/enterprises/json.hpp"

namespace jingkai::enterprises {
namespace {

std::string trim_text(std::string_view text) { return std::string(trim_blanks(text)); }

Status check_text(std::string_view text, std::string_view field, std::string_view label,
                  std::size_t min_chars, std::size_t max_chars) {
  if (!is_valid_utf8(text)) {
    return std::unexpected(Error::invalid(
        "bad_text", fmt::format("{}不是有效的 UTF-8 文本 ({} is not UTF-8)", label, field),
        std::string(field)));
  }
  const std::size_t length = utf8_length(text);
  if (length < min_chars) {
    return std::unexpected(Error::invalid("missing_field",
                                          fmt::format("请填写{} ({} is required)", label, field),
                                          std::string(field)));
  }
  if (length > max_chars) {
    return std::unexpected(Error::invalid("too_long",
                                          fmt::format("{}不能超过 {} 个字符 ({} is longer than {})",
                                                      label, max_chars, field, max_chars),
                                          std::string(field)));
  }
  return {};
}

// Exchanges an enterprise may be listed on.
constexpr std::string_view kExchanges[] = {"SSE",  "SZSE", "BSE", "HKEX", "NASDAQ",
                                           "NYSE", "LSE",  "SGX", "TSE",  "NEEQ"};

std::string enterprise_json(const Enterprise& e) { return boost::json::serialize(to_json(e)); }

Error not_found() {
  return Error::not_found("enterprise_not_found", "企业不存在 (no such enterprise in this zone)");
}

}  // namespace

EnterpriseService::EnterpriseService(store::Database& db, const EnterpriseRepo& repo,
                                     const store::AuditLog& audit, const Clock& clock,
                                     const IndustryCatalog& industries, NameInitials initials)
    : db_(db),
      repo_(repo),
      audit_(audit),
      clock_(clock),
      industries_(industries),
      initials_(std::move(initials)) {}

Date EnterpriseService::today() const { return china_date(clock_.now_ms()); }

Result<std::vector<Chain>> EnterpriseService::chains(const Actor& actor) {
  return db_.read([&](store::Tx& tx) -> Result<std::vector<Chain>> {
    return repo_.list_chains(tx, actor.zone_id);
  });
}

namespace {

Status check_chain(const Chain& chain) {
  if (chain.code.empty() || chain.code.size() > 40 ||
      chain.code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
    return std::unexpected(
        Error::invalid("bad_chain_code",
                       "产业链代码须为 1-40 位小写字母、数字或连字符 (code: a-z, 0-9, -)", "code"));
  }
  return check_text(chain.name, "name", "产业链名称", 1, 40);
}

}  // namespace

Result<Chain> EnterpriseService::add_chain(const Actor& actor, const Chain& input) {
  Chain chain{0, trim_text(input.code), trim_text(input.name)};
  TRY(check_chain(chain));
  return db_.write([&](store::Tx& tx) -> Result<Chain> {
    for (const Chain& other : repo_.list_chains(tx, actor.zone_id)) {
      if (other.code == chain.code || other.name == chain.name) {
        return std::unexpected(Error::conflict(
            "chain_exists", "产业链已存在: " + chain.name + " (chain exists)", "name"));
      }
    }
    chain.id = repo_.insert_chain(tx, actor.zone_id, chain);
    audit_.append(tx, actor,
                  {"chain.create", "chain", std::to_string(chain.id), "",
                   boost::json::serialize(to_json(chain))});
    repo_.bump_version(tx, actor.zone_id);
    return chain;
  });
}

Result<Chain> EnterpriseService::update_chain(const Actor& actor, const Chain& input) {
  Chain chain{input.id, trim_text(input.code), trim_text(input.name)};
  TRY(check_chain(chain));
  return db_.write([&](store::Tx& tx) -> Result<Chain> {
    auto before = repo_.find_chain(tx, actor.zone_id, chain.id);
    if (!before) return std::unexpected(Error::not_found("chain_not_found", "产业链不存在"));
    for (const Chain& other : repo_.list_chains(tx, actor.zone_id)) {
      if (other.id != chain.id && (other.code == chain.code || other.name == chain.name)) {
        return std::unexpected(Error::conflict(
            "chain_exists", "产业链已存在: " + chain.name + " (chain exists)", "name"));
      }
    }
    repo_.update_chain(tx, actor.zone_id, chain);
    audit_.append(
        tx, actor,
        {"chain.update", "chain", std::to_string(chain.id),
         boost::json::serialize(to_json(*before)), boost::json::serialize(to_json(chain))});
    repo_.bump_version(tx, actor.zone_id);
    return chain;
  });
}

Result<EnterpriseDraft> EnterpriseService::checked(store::Tx& tx, ZoneId zone,
                                                   const EnterpriseDraft& input) const {
  EnterpriseDraft draft = input;
  auto uscc = TRY(Uscc::parse(draft.uscc));
  draft.uscc = uscc.text();
  draft.name = trim_text(draft.name);
  draft.legal_representative = trim_text(draft.legal_representative);
  draft.address = trim_text(draft.address);
  draft.division_code = trim_text(draft.division_code);
  draft.industry_code = trim_text(draft.industry_code);
  draft.high_tech_certificate = trim_text(draft.high_tech_certificate);
  draft.listed_exchange = trim_text(draft.listed_exchange);
  draft.listed_ticker = trim_text(draft.listed_ticker);
  draft.global500_group = trim_text(draft.global500_group);
  for (char& c : draft.listed_exchange) {
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  }
  TRY(check_text(draft.name, "name", "企业名称", 2, 100));
  TRY(check_text(draft.legal_representative, "legal_representative", "法定代表人", 1, 50));
  TRY(check_text(draft.address, "address", "注册地址", 0, 200));
  TRY(validate_division_code(draft.division_code, "division_code"));
  TRY(industries_.validate(draft.industry_code));
  if (draft.chain_id && !repo_.find_chain(tx, zone, *draft.chain_id)) {
    return std::unexpected(
        Error::invalid("chain_unknown", "产业链不存在 (no such industrial chain)", "chain_id"));
  }
  TRY(check_text(draft.high_tech_certificate, "high_tech_certificate", "高新技术企业证书编号", 0,
                 40));
  if (!draft.high_tech_certificate.empty() && !draft.high_tech_expires_on) {
    return std::unexpected(Error::invalid(
        "missing_field", "请填写高新技术企业证书有效期 (certificate expiry is required)",
        "high_tech_expires_on"));
  }
  if (draft.high_tech_certificate.empty() && draft.high_tech_expires_on) {
    return std::unexpected(
        Error::invalid("missing_field", "有效期须与证书编号一同填写 (expiry without a certificate)",
                       "high_tech_certificate"));
  }
  if (!draft.listed_exchange.empty()) {
    bool known = false;
    for (std::string_view exchange : kExchanges) known = known || exchange == draft.listed_exchange;
    if (!known) {
      return std::unexpected(
          Error::invalid("exchange_unknown",
                         "未知的交易所: " + draft.listed_exchange +
                             " (use SSE, SZSE, BSE, HKEX, NASDAQ, NYSE, LSE, SGX, TSE or NEEQ)",
                         "listed_exchange"));
    }
    TRY(check_text(draft.listed_ticker, "listed_ticker", "股票代码", 1, 12));
  } else if (!draft.listed_ticker.empty()) {
    return std::unexpected(Error::invalid(
        "missing_field", "请填写上市交易所 (a ticker needs its exchange)", "listed_exchange"));
  }
  TRY(check_text(draft.global500_group, "global500_group", "世界500强集团名称", 0, 100));
  // 10 million mu is more land than Zhejiang province has.
  if (draft.land_area_centimu < 0 || draft.land_area_centimu > 1'000'000'000) {
    return std::unexpected(
        Error::invalid("bad_quantity", "用地面积须在 0 到 1000 万亩之间 (land area out of range)",
                       "land_area_mu"));
  }
  if (draft.founded_on && *draft.founded_on > today()) {
    return std::unexpected(Error::invalid(
        "date_in_future", "成立日期不能晚于今天 (founding date is in the future)", "founded_on"));
  }
  return draft;
}

Result<Enterprise> EnterpriseService::create_in(store::Tx& tx, const Actor& actor,
                                                const EnterpriseDraft& input) {
  auto draft = TRY(checked(tx, actor.zone_id, input));
  if (repo_.find_by_uscc(tx, actor.zone_id, draft.uscc)) {
    return std::unexpected(Error::conflict(
        "uscc_duplicate",
        "该统一社会信用代码的企业已登记 (an enterprise with this credit code exists): " +
            draft.uscc,
        "uscc"));
  }
  Enterprise enterprise;
  static_cast<EnterpriseDraft&>(enterprise) = draft;
  enterprise.zone_id = actor.zone_id;
  enterprise.name_initials = initials_(enterprise.name);
  enterprise.created_at = enterprise.updated_at = clock_.now_ms();
  enterprise.id = repo_.insert(tx, actor.zone_id, enterprise);
  auto stored = repo_.find(tx, actor.zone_id, enterprise.id, today());
  audit_.append(tx, actor,
                {"enterprise.create", "enterprise", std::to_string(enterprise.id), "",
                 enterprise_json(*stored)});
  return *stored;
}

Result<Enterprise> EnterpriseService::create(const Actor& actor, const EnterpriseDraft& input) {
  return db_.write([&](store::Tx& tx) -> Result<Enterprise> {
    auto created = create_in(tx, actor, input);
    if (created) repo_.bump_version(tx, actor.zone_id);
    return created;
  });
}

Result<std::int64_t> EnterpriseService::create_all(const Actor& actor,
                                                   const std::vector<EnterpriseDraft>& drafts) {
  return db_.write([&](store::Tx& tx) -> Result<std::int64_t> {
    for (std::size_t i = 0; i < drafts.size(); ++i) {
      auto created = create_in(tx, actor, drafts[i]);
      if (!created) {
        Error error = created.error();
        error.message =
            fmt::format("第 {} 家企业 (enterprise #{}): {}", i + 1, i + 1, error.message);
        return std::unexpected(error);
      }
    }
    repo_.bump_version(tx, actor.zone_id);
    return std::int64_t(drafts.size());
  });
}

Result<Enterprise> EnterpriseService::update(const Actor& actor, EnterpriseId id,
                                             const EnterpriseDraft& input) {
  return db_.write([&](store::Tx& tx) -> Result<Enterprise> {
    auto before = repo_.find(tx, actor.zone_id, id, today());
    if (!before) return std::unexpected(not_found());
    auto draft = TRY(checked(tx, actor.zone_id, input));
    if (auto other = repo_.find_by_uscc(tx, actor.zone_id, draft.uscc); other && *other != id) {
      return std::unexpected(Error::conflict(
          "uscc_duplicate",
          "该统一社会信用代码的企业已登记 (an enterprise with this credit code exists): " +
              draft.uscc,
          "uscc"));
    }
    Enterprise enterprise = *before;
    static_cast<EnterpriseDraft&>(enterprise) = draft;
    enterprise.name_initials = initials_(enterprise.name);
    enterprise.updated_at = clock_.now_ms();
    repo_.update(tx, actor.zone_id, enterprise);
    auto after = repo_.find(tx, actor.zone_id, id, today());
    // A manual above-scale decision is an act of the statistics office of its own: it gets
    // its own record, so that the history shows who overrode the rule and when.
    const std::string_view action = before->above_scale_override != after->above_scale_override
                                        ? "enterprise.above_scale_override"
                                        : "enterprise.update";
    audit_.append(tx, actor,
                  {action, "enterprise", std::to_string(id), enterprise_json(*before),
                   enterprise_json(*after)});
    repo_.bump_version(tx, actor.zone_id);
    return *after;
  });
}

Result<Enterprise> EnterpriseService::get(const Actor& actor, EnterpriseId id) {
  return db_.read([&](store::Tx& tx) -> Result<Enterprise> {
    auto found = repo_.find(tx, actor.zone_id, id, today());
    if (!found) return std::unexpected(not_found());
    return *found;
  });
}

Result<Page<Enterprise>> EnterpriseService::list(const Actor& actor, const EnterpriseFilter& filter,
                                                 PageRequest page) {
  if (!is_sort_key(filter.sort)) {
    return std::unexpected(
        Error::invalid("bad_sort", "不支持的排序: " + filter.sort + " (unknown sort key)", "sort"));
  }
  if (!filter.industry_prefix.empty() &&
      (filter.industry_prefix.size() > 4 ||
       filter.industry_prefix.find_first_not_of("0123456789") != std::string::npos)) {
    return std::unexpected(Error::invalid("bad_industry_prefix",
                                          "行业代码前缀须为 1-4 位数字 (1-4 digits)", "industry"));
  }
  if (filter.query.size() > 100 || !is_valid_utf8(filter.query)) {
    return std::unexpected(Error::invalid("bad_query", "搜索词过长或无效 (bad search text)", "q"));
  }
  const Date day = today();
  const auto flag = [](const std::optional<bool>& value) {
    return value ? (*value ? '1' : '0') : '-';
  };
  const std::string key = fmt::format(
      "{}|{}|{}|{}|{}{}{}{}|{}|{}|{}", actor.zone_id, format_date(day),
      filter.chain_id ? std::to_string(*filter.chain_id) : "-", filter.without_chain ? 1 : 0,
      flag(filter.above_scale), flag(filter.high_tech), flag(filter.listed), flag(filter.global500),
      filter.status ? to_string(*filter.status) : "-", filter.industry_prefix, filter.query);
  return db_.read([&](store::Tx& tx) -> Result<Page<Enterprise>> {
    const std::int64_t version = repo_.version(tx, actor.zone_id);
    std::optional<std::int64_t> known;
    {
      std::lock_guard lock(counts_mutex_);
      if (auto it = counts_.find(key); it != counts_.end() && it->second.version == version) {
        known = it->second.total;
      }
    }
    auto result = repo_.list(tx, actor.zone_id, filter, page, day, known);
    if (!known) {
      std::lock_guard lock(counts_mutex_);
      // Bounded: filters are many (a search text is part of the key); start over when full.
      if (counts_.size() >= 4096) counts_.clear();
      counts_[key] = {version, result.total};
    }
    return result;
  });
}

Result<Page<store::AuditRecord>> EnterpriseService::history(const Actor& actor, EnterpriseId id,
                                                            PageRequest page) {
  return db_.read([&](store::Tx& tx) -> Result<Page<store::AuditRecord>> {
    if (!repo_.find(tx, actor.zone_id, id, today())) {
      return std::unexpected(not_found());
    }
    return audit_.list_entity(tx, actor.zone_id, "enterprise", std::to_string(id), page);
  });
}

Status EnterpriseService::check_period(Period period) const {
  const Period current = period_of(today());
  if (period > current) {
    return std::unexpected(Error::invalid(
        "period_in_future",
        fmt::format("统计期 {} 尚未到来 (period {} is in the future; the latest is {})",
                    format_period(period), format_period(period), format_period(current)),
        "period"));
  }
  return {};
}

Status EnterpriseService::check_figures(const MonthlyFigures& f) {
  struct Check {
    std::int64_t value;
    std::string_view field;
    std::string_view label;
    std::int64_t max;  // core/money.hpp says why these bounds keep every sum in range
    bool may_be_negative = false;
  };
  const Check checks[] = {{f.output_fen, "output", "工业总产值", kMaxMonthlyFen},
                          {f.value_added_fen, "value_added", "工业增加值", kMaxMonthlyFen},
                          {f.revenue_fen, "revenue", "主营业务收入", kMaxMonthlyFen},
                          {f.profit_fen, "profit", "利润总额", kMaxMonthlyFen, true},
                          {f.tax_fen, "tax", "实缴税金", kMaxMonthlyFen},
                          {f.employees, "employees", "从业人员", kMaxEmployees},
                          {f.energy_kgce, "energy_tce", "综合能耗", kMaxEnergyKgce}};
  for (const Check& check : checks) {
    if (check.value < 0 && !check.may_be_negative) {
      return std::unexpected(Error::invalid(
          "negative_value",
          fmt::format("{}不能为负数 ({} must not be negative)", check.label, check.field),
          std::string(check.field)));
    }
    if (check.value > check.max || check.value < -check.max) {
      return std::unexpected(
          Error::invalid("out_of_range",
                         fmt::format("{}超出上限 {} ({} is out of range: at most {})", check.label,
                                     check.max, check.field, check.max),
                         std::string(check.field)));
    }
  }
  return {};
}

Result<MonthlyReport> EnterpriseService::save_report(const Actor& actor, EnterpriseId id,
                                                     Period period, const MonthlyFigures& figures) {
  TRY(check_period(period));
  TRY(check_figures(figures));
  return db_.write([&](store::Tx& tx) -> Result<MonthlyReport> {
    if (!repo_.find(tx, actor.zone_id, id, today())) return std::unexpected(not_found());
    auto before = repo_.find_report(tx, actor.zone_id, id, period);
    repo_.upsert_report(tx, actor.zone_id, {id, period, figures, 0, {}, {}}, clock_.now_ms());
    repo_.refresh_years(tx, actor.zone_id, id, {period.year});
    auto after = repo_.find_report(tx, actor.zone_id, id, period);
    audit_.append(tx, actor,
                  {"report.save", "enterprise", std::to_string(id),
                   before ? boost::json::serialize(to_json(*before)) : std::string(),
                   boost::json::serialize(to_json(*after))});
    repo_.bump_version(tx, actor.zone_id);
    return *after;
  });
}

Result<Page<MonthlyReport>> EnterpriseService::reports(const Actor& actor, EnterpriseId id,
                                                       Period from, Period to, const Scope& scope,
                                                       PageRequest page) {
  if (to < from) {
    return std::unexpected(
        Error::invalid("bad_range", "结束统计期早于开始统计期 (to is before from)", "to"));
  }
  return db_.read([&](store::Tx& tx) -> Result<Page<MonthlyReport>> {
    if (id != 0 && !repo_.find(tx, actor.zone_id, id, today())) return std::unexpected(not_found());
    return repo_.list_reports(tx, actor.zone_id, id, from, to, scope, page);
  });
}

Result<std::unordered_map<std::string, EnterpriseId>> EnterpriseService::directory(
    const Actor& actor) {
  return db_.read([&](store::Tx& tx) -> Result<std::unordered_map<std::string, EnterpriseId>> {
    return repo_.directory(tx, actor.zone_id);
  });
}

Result<SavedReports> EnterpriseService::save_reports(const Actor& actor,
                                                     const std::vector<ReportLine>& lines,
                                                     std::string_view source,
                                                     const std::function<void(double)>& progress) {
  return db_.write([&](store::Tx& tx) -> Result<SavedReports> {
    const auto ids = repo_.directory(tx, actor.zone_id);
    SavedReports saved;
    if (lines.empty()) return saved;
    Period first = lines.front().period, last = first;
    for (const ReportLine& line : lines) {
      first = std::min(first, line.period);
      last = std::max(last, line.period);
    }
    const auto existing = repo_.report_keys(tx, actor.zone_id, first, last);
    const EpochMs now = clock_.now_ms();
    std::set<int> years;
    // Written a batch at a time (EnterpriseRepo::upsert_reports), progress after each.
    // A pair twice in one statement is an error in PostgreSQL: the batch is written first.
    std::vector<MonthlyReport> batch;
    std::unordered_set<std::uint64_t> in_batch;
    batch.reserve(EnterpriseRepo::kUpsertBatch * 32);
    std::size_t done = 0;
    for (const ReportLine& line : lines) {
      auto id = ids.find(line.uscc);
      if (id == ids.end()) {
        return std::unexpected(Error::invalid(
            "enterprise_not_registered",
            "企业未登记 (no enterprise with this credit code): " + line.uscc, "uscc"));
      }
      if (!in_batch.insert(report_key(id->second, line.period)).second) {
        repo_.upsert_reports(tx, actor.zone_id, batch, now);
        done += batch.size();
        batch.clear();
        in_batch = {report_key(id->second, line.period)};
      }
      MonthlyReport& report = batch.emplace_back();
      report.enterprise_id = id->second;
      report.period = line.period;
      report.figures = line.figures;
      const bool was_there = existing.contains(report_key(id->second, line.period));
      ++(was_there ? saved.updated : saved.inserted);
      if (saved.periods.empty() || *saved.periods.rbegin() != line.period) {
        saved.periods.insert(line.period);
        years.insert(line.period.year);
      }
      if (batch.size() == batch.capacity()) {
        repo_.upsert_reports(tx, actor.zone_id, batch, now);
        done += batch.size();
        batch.clear();
        in_batch.clear();
        if (progress) progress(double(done) / double(lines.size()));
      }
    }
    repo_.upsert_reports(tx, actor.zone_id, batch, now);
    repo_.refresh_years(tx, actor.zone_id, 0, years);
    boost::json::array periods;
    for (Period period : saved.periods) periods.emplace_back(format_period(period));
    boost::json::object after{{"source", source},
                              {"rows", lines.size()},
                              {"inserted", saved.inserted},
                              {"updated", saved.updated},
                              {"periods", std::move(periods)}};
    audit_.append(
        tx, actor,
        {"report.import", "report_import", std::string(source), "", boost::json::serialize(after)});
    repo_.bump_version(tx, actor.zone_id);
    if (progress) progress(1.0);
    return saved;
  });
}

Result<std::int64_t> EnterpriseService::statistics_version(ZoneId zone) {
  return db_.read([&](store::Tx& tx) -> Result<std::int64_t> { return repo_.version(tx, zone); });
}

// Every figure that check_figures() let in is bounded so that no sum can overflow
// (core/money.hpp). A database written before the bounds may hold larger ones, and then the
// database's sum fails: SQLite raises "integer overflow", PostgreSQL's SUM(bigint) gives a
// numeric that does not fit. That is bad data, not an outage: rather than 503 on every request
// until someone reads the logs, the answer (409) names the report to correct. Widening the sums
// instead (REAL, numeric) would only move the overflow into the C++ figures or lose fen.
Error EnterpriseService::explain_failed_sum(const Actor& actor, Error failure) {
  if (failure.kind != ErrorKind::unavailable && failure.code != "sum_out_of_range") return failure;
  auto found = db_.read([&](store::Tx& tx) -> Result<std::optional<OutOfBoundsReport>> {
    return repo_.first_out_of_bounds(tx, actor.zone_id);
  });
  if (!found || !*found) return failure;
  const OutOfBoundsReport& report = **found;
  return Error::conflict(
      "figures_out_of_range",
      fmt::format("{}（{}）{} 月报的 {} 超出上限，无法汇总，请更正该月报 (the {} of {} for {} is "
                  "past its bound, so sums cannot be computed: correct that report)",
                  report.name, report.uscc, format_period(report.period), report.field,
                  report.field, report.uscc, format_period(report.period)),
      report.field);
}

Result<std::vector<PeriodTotal>> EnterpriseService::period_totals(const Actor& actor, Period from,
                                                                  Period to, const Scope& scope) {
  return summing(actor, db_.read([&](store::Tx& tx) -> Result<std::vector<PeriodTotal>> {
    return repo_.period_totals(tx, actor.zone_id, from, to, scope);
  }));
}

Result<std::vector<GroupCount>> EnterpriseService::count_by_chain(const Actor& actor) {
  return db_.read([&](store::Tx& tx) -> Result<std::vector<GroupCount>> {
    return repo_.count_by_chain(tx, actor.zone_id, today());
  });
}

Result<std::vector<GroupCount>> EnterpriseService::count_by_flag(const Actor& actor) {
  return db_.read([&](store::Tx& tx) -> Result<std::vector<GroupCount>> {
    return repo_.count_by_flag(tx, actor.zone_id, today());
  });
}

Result<std::vector<std::pair<GroupCount, PeriodTotal>>> EnterpriseService::chain_totals(
    const Actor& actor, Period from, Period to, bool above_scale_only) {
  return summing(
      actor,
      db_.read([&](store::Tx& tx) -> Result<std::vector<std::pair<GroupCount, PeriodTotal>>> {
        return repo_.chain_totals(tx, actor.zone_id, from, to, above_scale_only);
      }));
}

Result<EnterpriseService::Ranking> EnterpriseService::ranking(const Actor& actor, Period from,
                                                              Period to, std::string_view order,
                                                              int limit, Fen min_output) {
  static constexpr std::string_view kOrders[] = {"output", "value_added", "tax", "tax_per_mu",
                                                 "value_added_per_mu"};
  if (std::find(std::begin(kOrders), std::end(kOrders), order) == std::end(kOrders)) {
    return std::unexpected(Error::invalid(
        "bad_order",
        "排名依据须为 output, value_added, tax, tax_per_mu 或 value_added_per_mu (unknown order)",
        "order"));
  }
  if (limit < 1 || limit > kMaxRankingLimit) {
    return std::unexpected(
        Error::invalid("bad_limit", "limit 须在 1 到 500 之间 (limit: 1-500)", "limit"));
  }
  auto ranking = TRY(summing(actor, db_.read([&](store::Tx& tx) -> Result<Ranking> {
    Ranking ranking;
    ranking.items =
        repo_.ranking(tx, actor.zone_id, from, to, order, limit, min_output, ranking.total);
    return ranking;
  })));
  // The per-mu figures that the routes show must be computable: a firm past the bounds of
  // core/money.hpp is an error here, not a wrapped number there.
  for (const EnterpriseTotal& firm : ranking.items) {
    if (firm.land_area_centimu <= 0) continue;
    for (const Fen amount : {firm.tax_fen, firm.value_added_fen}) {
      if (auto ratio = per_mu(amount, firm.land_area_centimu, firm.name); !ratio) {
        return std::unexpected(explain_failed_sum(actor, std::move(ratio.error())));
      }
    }
  }
  return ranking;
}

Result<std::optional<Period>> EnterpriseService::latest_period(const Actor& actor) {
  return db_.read([&](store::Tx& tx) -> Result<std::optional<Period>> {
    return repo_.latest_period(tx, actor.zone_id);
  });
}

}  // namespace jingkai::enterprises
