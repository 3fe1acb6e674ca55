#include "app/cli_catalogue.hpp"

#include <fmt/format.h>

#include "app/cli_support.hpp"
#include "modules/approvals/catalogue.hpp"
#include "tabular/sheet_file.hpp"

namespace jingkai::app {
namespace {

struct State {
  DataOptions data;
  std::string zone;
  std::string file;
  std::string encoding;
  std::string format = "csv";
  std::string output;
};

// `catalogue import FILE`: the guide from a sheet, all rows or none.
void add_import_command(CLI::App* catalogue, const std::shared_ptr<State>& state,
                        const Console& c) {
  auto* import = catalogue->add_subcommand(
      "import", "import a catalogue from CSV (UTF-8 or GBK) or XLSX; all rows or none");
  state->data.add_to(import);
  import->add_option("--zone", state->zone, "the zone's code")->required();
  import->add_option("file", state->file, "CSV or XLSX file")->required();
  import->add_option("--encoding", state->encoding, "CSV encoding: utf-8 or gbk");
  import->callback(reporting(c.err, c.status, [state, c]() -> Status {
    std::optional<tabular::Encoding> encoding;
  if (!state->encoding.empty()) encoding = TRY(tabular::parse_encoding(state->encoding));
  auto bytes = TRY(read_file(state->file));
  auto app = TRY(open_app(state->data, c.clock));
  const auto actor = TRY(console_actor_in(*app, state->zone));
  const std::string name = state->file.substr(state->file.find_last_of('/') + 1);
  const auto outcome = TRY(app->catalogue().import(actor, std::move(bytes), encoding, name));
  if (outcome.problem_count > 0) {
    for (const auto& p : outcome.problems) {
      c.err << fmt::format("row {}, column {} \"{}\": {}\n", p.row, p.column, p.value, p.message);
    }
    c.err << fmt::format("jingkai: {} problems in {} rows; nothing imported\n",
                         outcome.problem_count, outcome.rows);
    c.status = kBadInput;
    return {};
  }
  c.out << fmt::format("{} items imported: {} new, {} updated\n", outcome.rows, outcome.inserted,
                       outcome.updated);
  return {};
}));
}  // namespace

// `catalogue export`: the whole guide, published or not, as a sheet that imports back.
void add_export_command(CLI::App* catalogue, const std::shared_ptr<State>& state,
                        const Console& c) {
  auto* export_command = catalogue->add_subcommand("export", "the whole catalogue as CSV or XLSX");
  state->data.add_to(export_command);
  export_command->add_option("--zone", state->zone, "the zone's code")->required();
  export_command->add_option("--format", state->format, "csv or xlsx")->capture_default_str();
  export_command->add_option("-o,--output", state->output, "file to write (default: stdout)");
  export_command->callback(reporting(c.err, c.status, [state, c]() -> Status {
    const auto format = TRY(tabular::parse_sheet_format(state->format));
    auto app = TRY(open_app(state->data, c.clock));
    const auto actor = TRY(console_actor_in(*app, state->zone));
    approvals::CatalogueFilter filter;
    filter.published_only = false;
    const auto items = TRY(all_pages<approvals::ServiceItem>(
        [&](PageRequest page) { return app->catalogue().list(actor, filter, page); }));
    const auto file = TRY(approvals::export_catalogue(items, format));
    return write_output(state->output, file, c.out);
  }));
}

}  // namespace jingkai::app

void add_catalogue_commands(CLI::App& cli, const Console& console) {
  auto state = std::make_shared<State>();
  auto* catalogue = cli.add_subcommand("catalogue", "the service-item catalogue (办事指南)");
  catalogue->require_subcommand(1);
  add_import_command(catalogue, state, console);
  add_export_command(catalogue, state, console);
}

}  // namespace jingkai::app
