#include "app/cli_approvals.hpp"

#include <fmt/format.h>

#include "app/cli_support.hpp"

namespace jingkai::app {
namespace {

struct State {
  DataOptions data;
  std::string zone;
  std::string from, to, by = "month";
  std::string enterprise;
  std::string user;
};

// The enterprise named by its id or its credit code.
Result<enterprises::EnterpriseId> enterprise_of(App& app, const Actor& actor,
                                                const std::string& text) {
  if (text.size() == 18) {
    auto directory = TRY(app.enterprises().directory(actor));
    auto it = directory.find(text);
    if (it != directory.end()) return it->second;
    return std::unexpected(Error::not_found(
        "enterprise_not_found", "本园区没有此信用代码的企业 (no enterprise with code) " + text));
  }
  return http::parse_id(text, "enterprise");
}

}  // namespace

void add_approvals_commands(CLI::App& cli, const Console& console) {
  const Clock& clock = console.clock;
  std::ostream& out = console.out;
  std::ostream& err = console.err;
  int& status = console.status;
  auto state = std::make_shared<State>();
  auto* approvals = cli.add_subcommand("approvals", "applications at the service centre (办件)");
  approvals->require_subcommand(1);

  auto* sweep = approvals->add_subcommand(
      "sweep", "mark open applications past their promised or statutory deadline (daily job)");
  state->data.add_to(sweep);
  sweep->callback(reporting(err, status, [state, &clock, &out, &err]() -> Status {
    auto app = TRY(open_app(state->data, clock));
    auto outcome = TRY(app->applications().sweep(console_actor()));
    out << fmt::format("{}: {} newly past the promised deadline, {} past the statutory one\n",
                       format_date(outcome.today), outcome.promised_overdue,
                       outcome.statutory_overdue);
    return {};
  }));

  auto* stats = approvals->add_subcommand(
      "statistics",
      "received, finished, on time and working days taken, per month/item/department");
  state->data.add_to(stats);
  stats->add_option("--zone", state->zone, "the zone's code")->required();
  stats->add_option("--from", state->from, "first month, YYYY-MM")->required();
  stats->add_option("--to", state->to, "last month, YYYY-MM")->required();
  stats->add_option("--by", state->by, "month, item or department")->capture_default_str();
  stats->callback(reporting(err, status, [state, &clock, &out, &err]() -> Status {
    auto app = TRY(open_app(state->data, clock));
    auto actor = TRY(console_actor_in(*app, state->zone));
    auto result = TRY(app->applications().statistics(actor, state->from, state->to, state->by));
    out << "key\tlabel\treceived\tfinished\ton_time_promised\ton_time_statutory\t"
           "average_working_days\tin_zone\n";
    auto print = [&out](const approvals::StatisticsRow& row) {
      const auto& c = row.counts;
      out << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{:.2f}\t{}\n", c.key, c.label, c.received,
                         c.finished, c.on_time_promised, c.on_time_statutory,
                         row.average_working_days, c.in_zone);
    };
    for (const auto& row : result.rows) print(row);
    print(result.total);
    return {};
  }));

  auto* representative =
      cli.add_subcommand("representative", "who acts for an enterprise (企业办事人)");
  representative->require_subcommand(1);
  for (const char* verb : {"grant", "revoke", "list"}) {
    auto* command = representative->add_subcommand(
        verb, std::string(verb) == "list" ? "the enterprise's representatives"
                                          : std::string(verb) + " a user the right to act for it");
    state->data.add_to(command);
    command->add_option("--zone", state->zone, "the zone's code")->required();
    command->add_option("--enterprise", state->enterprise, "id or credit code")->required();
    if (std::string(verb) != "list") {
      command->add_option("--user", state->user, "login name")->required();
    }
    command->callback(
        reporting(err, status, [state, verb = std::string(verb), &clock, &out, &err]() -> Status {
          auto app = TRY(open_app(state->data, clock));
          auto actor = TRY(console_actor_in(*app, state->zone));
          auto id = TRY(enterprise_of(*app, actor, state->enterprise));
          auto& service = app->representatives();
          auto list = TRY(verb == "grant"    ? service.grant(actor, id, state->user)
                          : verb == "revoke" ? service.revoke(actor, id, state->user)
                                             : service.list(actor, id));
          for (const auto& r : list) out << r.name << "\t" << r.display_name << "\n";
          return {};
        }));
  }
}

}  // namespace jingkai::app
