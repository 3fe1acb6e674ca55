#include "app/demo_zone.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "core/uscc.hpp"

namespace jingkai::app {
namespace {

// splitmix64: a small generator whose sequence is the same on every machine and library
// (std:: distributions are not), so the demo zone is the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform(double low, double high) {
    return low + (high - low) * double(next() >> 11) / double(1ULL << 53);
  }
  // Spread evenly on a log scale: firm sizes are.
  double log_uniform(double low, double high) {
    return std::exp(uniform(std::log(low), std::log(high)));
  }
  std::size_t below(std::size_t n) { return std::size_t(next() % n); }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }
  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::uint64_t state_;
};

struct DemoChain {
  std::string_view code;
  std::string_view name;
  std::string_view word;                     // goes into firm names
  std::vector<std::string_view> industries;  // GB/T 4754-2017 classes
};

// The article's strategic chains (smart vision, new materials, life & health, aerospace),
// the digital equipment of its supply-chain park, the environmental equipment of the park
// merged into the zone, and new-energy vehicles from the digital park's list.
const std::vector<DemoChain>& demo_chains() {
  static const std::vector<DemoChain> kChains = {
      {"smart-vision", "智能视觉", "光电", {"3976", "3974", "3973"}},
      {"new-materials", "新材料", "新材料", {"2651", "3240", "3091"}},
      {"life-health", "生命健康", "生物医药", {"2720", "2761", "3581"}},
      {"aerospace", "航空航天", "航空科技", {"3741", "3742", "3744"}},
      {"digital-equipment", "数字装备", "智能装备", {"3491", "3421", "3562"}},
      {"environmental-equipment", "环保装备", "环保设备", {"3591", "3441"}},
      {"new-energy-vehicles", "新能源汽车", "汽车部件", {"3612", "3670"}},
  };
  return kChains;
}

// Firms of the zone's older trades (socks, metal goods, machinery) belong to no chain.
const std::vector<std::string_view> kTraditionalIndustries = {"1761", "3311", "3444"};
const std::vector<std::string_view> kTraditionalWords = {"针织", "五金", "机械", "纺织"};

const std::vector<std::string_view> kBrands = {
    "恒远", "华越", "金诚", "天成", "宏达", "瑞丰", "盛世", "佳利", "永泰", "鼎盛",
    "中誉", "海鸿", "万安", "凯达", "精工", "明辉", "博远", "新宇", "立信", "龙腾",
    "正泰", "嘉禾", "卓越", "东升", "汇通", "锦程", "宇航", "联创", "信达", "华晟",
    "富春", "浣江", "暨阳", "陶朱", "枫桥", "同山", "五泄", "西施", "越城", "兴业",
    "康达", "安和", "晨光", "远景", "启明", "弘毅", "致远", "鸿运", "广源", "振华"};
const std::vector<std::string_view> kKinds = {"科技有限公司", "股份有限公司", "制造有限公司",
                                              "实业有限公司"};
const std::vector<std::string_view> kSurnames = {"张", "王", "李", "赵", "陈", "杨", "周",
                                                 "吴", "徐", "孙", "朱", "马", "胡", "郭",
                                                 "何", "楼", "宣", "斯", "蔡", "俞"};
const std::vector<std::string_view> kGiven = {"建国", "伟",   "芳",   "志强", "海燕", "国良",
                                              "晓东", "丽娟", "永明", "立新", "红",   "俊杰",
                                              "文斌", "雪梅", "国庆", "建华"};

// Share of a year's output each month brings: Spring Festival empties February.
constexpr double kSeason[12] = {0.92, 0.70, 1.02, 1.00, 1.02, 1.05,
                                0.98, 0.99, 1.03, 1.02, 1.07, 1.20};

// A code of the 31-character set for the demo's n-th firm: "MA" and six characters make the
// entity identifier's first eight, as codes issued since 2015 have.
constexpr std::string_view kCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

std::optional<std::string> demo_uscc(std::uint64_t n) {
  std::string code = "91330681MA2";
  std::string tail;
  for (int i = 0; i < 5; ++i) {
    tail.insert(tail.begin(), kCodeChars[n % 31]);
    n /= 31;
  }
  code += tail;
  const char org = Uscc::organization_check_character(code.substr(8, 8));
  if (org == '\0') return std::nullopt;
  code += org;
  const char check = Uscc::check_character(code);
  if (check == '\0') return std::nullopt;
  code += check;
  return code;
}

// An industry code the shipped catalogue holds: the class, or its division if a list above
// names a class the catalogue lacks.
std::string industry_in(const IndustryCatalog& catalog, std::string_view code) {
  if (catalog.find(code)) return std::string(code);
  return std::string(code.substr(0, 2));
}

struct Firm {
  enterprises::EnterpriseDraft draft;
  double annual_revenue_yuan = 0;  // at mid-2025
  double output_ratio = 1;
  double value_added_ratio = 0.25;
  double tax_ratio = 0.04;
  double profit_ratio = 0.06;
  double yuan_per_employee = 1e6;
  double kgce_per_yuan = 0.05;
  double growth = 0.05;  // a year
};

// The zone's firms, drawn: names, codes, industries, sizes and how they grow.
std::vector<Firm> draw_firms(App& app, Random& random, const DemoShape& shape,
                             const std::vector<enterprises::ChainId>& chain_ids) {
  const int total = shape.above_scale + shape.below_scale;
  std::vector<Firm> firms(total);
  std::set<std::string> names;
  std::uint64_t code_number = 1000;
  for (int i = 0; i < total; ++i) {
    Firm& firm = firms[i];
    const bool above = i < shape.above_scale;
    const bool big = i < shape.over_100m;
    // One firm in seven is of the older trades and belongs to no chain.
    const bool chained = random.below(7) != 0;
    const std::size_t chain = random.below(demo_chains().size());
    std::string word(chained ? demo_chains()[chain].word : random.pick(kTraditionalWords));
    std::string name;
    do {
      name = fmt::format("演示{}{}{}", random.pick(kBrands), word, random.pick(kKinds));
    } while (!names.insert(name).second);
    auto& d = firm.draft;
    d.name = name;
    std::optional<std::string> code;
    while (!(code = demo_uscc(code_number++))) {
    }
    d.uscc = *code;
    d.legal_representative = fmt::format("{}{}", random.pick(kSurnames), random.pick(kGiven));
    d.address = fmt::format("浙江省诸暨市经济开发区演示路{}号", 1 + i);
    d.division_code = "330681";
    if (chained) {
      d.chain_id = chain_ids[chain];
      d.industry_code = industry_in(app.industries(), random.pick(demo_chains()[chain].industries));
    } else {
      d.industry_code = industry_in(app.industries(), random.pick(kTraditionalIndustries));
    }
    d.land_area_centimu =
        above ? std::int64_t(random.uniform(10, 300)) * 100 + std::int64_t(random.below(100))
              : (random.below(3) == 0 ? 0 : std::int64_t(random.uniform(2, 30)) * 100);
    d.founded_on = Date(std::chrono::year(1995 + int(random.below(29))) / 1 / 1) +
                   std::chrono::days(random.below(365));
    // Sizes chosen so that the counts of the article hold whatever the noise: firms over 100
    // million stay over it, the others under it, and below-scale firms under 20 million.
    firm.annual_revenue_yuan = big     ? random.log_uniform(1.4e8, 3.0e9)
                               : above ? random.log_uniform(2.8e7, 7.5e7)
                                       : random.log_uniform(2.0e6, 1.5e7);
    firm.output_ratio = random.uniform(0.92, 1.05);
    firm.value_added_ratio = random.uniform(0.20, 0.35);
    firm.tax_ratio = random.uniform(0.02, 0.06);
    firm.profit_ratio = random.uniform(-0.02, 0.12);
    firm.yuan_per_employee = random.uniform(5e5, 1.5e6);
    firm.kgce_per_yuan = random.uniform(0.01, 0.08);
    firm.growth = random.uniform(-0.05, 0.18);
  }
  return firms;
}

// The Fortune Global 500 group's firm, and the listed firms among the large ones.
void mark_large_firms(std::vector<Firm>& firms, Random& random, const DemoShape& shape) {
  // The one Fortune Global 500 group's firm is the largest.
  if (shape.global500 > 0) {
    firms[0].annual_revenue_yuan = 8.0e9;
    firms[0].draft.global500_group = "演示环球控股集团 (Demo Global Holdings)";
  }
  // Listed firms among the large ones, high-tech ones mostly among the above-scale.
  std::vector<int> large(shape.over_100m - 1);
  std::iota(large.begin(), large.end(), 1);
  random.shuffle(large);
  const std::vector<std::pair<std::string_view, std::string_view>> kListings = {
      {"SSE", "603"}, {"SZSE", "002"}, {"SZSE", "300"},
      {"SSE", "688"}, {"HKEX", ""},    {"BSE", "83"}};
  for (int k = 0; k < shape.listed && k < int(large.size()); ++k) {
    auto& d = firms[large[k]].draft;
    const auto& [exchange, prefix] = kListings[k % kListings.size()];
    d.listed_exchange = std::string(exchange);
    d.listed_ticker = exchange == "HKEX"  ? fmt::format("{:04}", 1000 + random.below(8000))
                      : exchange == "BSE" ? fmt::format("{}{:04}", prefix, random.below(10000))
                                          : fmt::format("{}{:03}", prefix, random.below(1000));
  }
}

// High-tech certificates, mostly among the above-scale firms, and some that lapsed.
void certify_high_tech(std::vector<Firm>& firms, Random& random, const DemoShape& shape,
                       Date today) {
  std::vector<int> above_firms(shape.above_scale), below_firms(shape.below_scale);
  std::iota(above_firms.begin(), above_firms.end(), 0);
  std::iota(below_firms.begin(), below_firms.end(), shape.above_scale);
  random.shuffle(above_firms);
  random.shuffle(below_firms);
  const int high_tech_above = shape.high_tech * 7 / 8;
  std::vector<int> high_tech(above_firms.begin(), above_firms.begin() + high_tech_above);
  high_tech.insert(high_tech.end(), below_firms.begin(),
                   below_firms.begin() + (shape.high_tech - high_tech_above));
  const int year = int(std::chrono::year_month_day{today}.year());
  for (int index : high_tech) {
    auto& d = firms[index].draft;
    d.high_tech_certificate =
        fmt::format("GR{}330{:05}", year - 1 - int(random.below(2)), random.below(100000));
    d.high_tech_expires_on = Date(std::chrono::year(year + 1 + int(random.below(2))) / 12 / 1);
  }
  // Certificates that lapsed: on record, but these firms no longer count as high-tech.
  for (int k = 0; k < 12; ++k) {
    auto& d = firms[below_firms[below_firms.size() - 1 - k]].draft;
    d.high_tech_certificate = fmt::format("GR{}330{:05}", year - 4, random.below(100000));
    d.high_tech_expires_on = Date(std::chrono::year(year - 1) / 6 / 30);
  }
}

// Every firm's monthly reports from `first` to `last`.
std::vector<enterprises::ReportLine> draw_reports(const std::vector<Firm>& firms, Random& random,
                                                  Period first, Period last) {
  std::vector<enterprises::ReportLine> lines;
  lines.reserve(firms.size() * std::size_t(last.index() - first.index() + 1));
  const Period middle{2025, 6};
  for (const Firm& firm : firms) {
    for (Period p = first; p <= last; p = p.plus_months(1)) {
      const double years_from_middle = double(p.index() - middle.index()) / 12.0;
      const double revenue = firm.annual_revenue_yuan / 12.0 * kSeason[p.month - 1] *
                             std::pow(1.0 + firm.growth, years_from_middle) *
                             random.uniform(0.97, 1.03);
      const double output = revenue * firm.output_ratio;
      enterprises::MonthlyFigures f;
      f.revenue_fen = std::llround(revenue * 100);
      f.output_fen = std::llround(output * 100);
      f.value_added_fen = std::llround(output * firm.value_added_ratio * 100);
      f.tax_fen = std::llround(revenue * firm.tax_ratio * 100);
      f.profit_fen = std::llround(revenue * firm.profit_ratio * 100);
      f.employees = std::max<std::int64_t>(
          5, std::llround(firm.annual_revenue_yuan / firm.yuan_per_employee));
      f.energy_kgce = std::llround(output * firm.kgce_per_yuan);
      lines.push_back({firm.draft.uscc, p, f});
    }
  }
  return lines;
}

// The city's above-scale output, set so that the zone's share is the article's 74%.
Status set_city_total(App& app, const Actor& actor, const DemoShape& shape, Period last) {
  enterprises::Scope above_scale;
  above_scale.above_scale_only = true;
  auto totals = TRY(app.enterprises().period_totals(actor, last.january(), last, above_scale));
  Fen zone_ytd = 0;
  for (const auto& t : totals) zone_ytd += t.output_fen;
  if (zone_ytd > 0) {
    TRY(app.indicators().save_city_total(actor,
                                         {last, zone_ytd / shape.city_share_permille * 1000, 0}));
  }
  return {};
}

}  // namespace

Result<DemoFigures> build_demo_enterprises(App& app, const Actor& actor, const DemoShape& shape,
                                           const std::function<void(std::string_view)>& progress) {
  auto say = [&](std::string_view what) {
    if (progress) progress(what);
  };
  Random random(20211231);
  const Date today = app.enterprises().today();
  const Period last = period_of(today).plus_months(-1);
  const Period first = last.plus_months(-(shape.months - 1));

  say("industrial chains");
  std::vector<enterprises::ChainId> chain_ids;
  for (const DemoChain& chain : demo_chains()) {
    auto added = TRY(
        app.enterprises().add_chain(actor, {0, std::string(chain.code), std::string(chain.name)}));
    chain_ids.push_back(added.id);
  }

  say("enterprises");
  std::vector<Firm> firms = draw_firms(app, random, shape, chain_ids);
  mark_large_firms(firms, random, shape);
  certify_high_tech(firms, random, shape, today);
  std::vector<enterprises::EnterpriseDraft> drafts;
  drafts.reserve(firms.size());
  for (const Firm& firm : firms) drafts.push_back(firm.draft);
  auto created = TRY(app.enterprises().create_all(actor, drafts));

  say("monthly reports");
  const std::vector<enterprises::ReportLine> lines = draw_reports(firms, random, first, last);
  TRY(app.enterprises().save_reports(actor, lines, "demo zone generator"));

  say("city totals");
  TRY(set_city_total(app, actor, shape, last));
  return DemoFigures{created, std::int64_t(lines.size())};
}

}  // namespace jingkai::app
