#include "app/cli_catalogue.hpp"

#include <fmt/format.h>

#include <fstream>

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

}  // namespace

void add_catalogue_commands(CLI::App& cli, const Console& console) {
  const Clock& clock = console.clock;
  std::ostream& out = console.out;
  std::ostream& err = console.err;
  int& status = console.status;
  auto state = std::make_shared<State>();
  auto* catalogue = cli.add_subcommand("catalogue", "the service-item catalogue (办事指南)");
  catalogue->require_subcommand(1);

  auto* import = catalogue->add_subcommand(
      "import", "import a catalogue from CSV (UTF-8 or GBK) or XLSX; all rows or none");
  state->data.add_to(import);
  import->add_option("--zone", state->zone, "the zone's code")->required();
  import->add_option("file", state->file, "CSV or XLSX file")->required();
  import->add_option("--encoding", state->encoding, "CSV encoding: utf-8 or gbk");
  import->callback([state, &clock, &out, &err, &status] {
    std::optional<tabular::Encoding> encoding;
  if (!state->encoding.empty()) {
    auto parsed = tabular::parse_encoding(state->encoding);
    if (!parsed) return void(status = report(err, parsed.error()));
    encoding = *parsed;
  }
  auto bytes = read_file(state->file);
  if (!bytes) return void(status = report(err, bytes.error()));
  auto app = open_app(state->data, clock);
  if (!app) return void(status = report(err, app.error()));
  auto actor = console_actor_in(**app, state->zone);
  if (!actor) return void(status = report(err, actor.error()));
  const std::string name = state->file.substr(state->file.find_last_of('/') + 1);
  auto outcome = (*app)->catalogue().import(*actor, std::move(*bytes), encoding, name);
  if (!outcome) return void(status = report(err, outcome.error()));
  if (outcome->problem_count > 0) {
    for (const auto& p : outcome->problems) {
      err << fmt::format("row {}, column {} \"{}\": {}\n", p.row, p.column, p.value, p.message);
    }
    err << fmt::format("jingkai: {} problems in {} rows; nothing imported\n",
                       outcome->problem_count, outcome->rows);
    return void(status = kBadInput);
  }
  out << fmt::format("{} items imported: {} new, {} updated\n", outcome->rows, outcome->inserted,
                     outcome->updated);
});

auto* export_command = catalogue->add_subcommand("export", "the whole catalogue as CSV or XLSX");
state->data.add_to(export_command);
export_command->add_option("--zone", state->zone, "the zone's code")->required();
export_command->add_option("--format", state->format, "csv or xlsx")->capture_default_str();
export_command->add_option("-o,--output", state->output, "file to write (default: stdout)");
export_command->callback([state, &clock, &out, &err, &status] {
  auto format = tabular::parse_sheet_format(state->format);
  if (!format) return void(status = report(err, format.error()));
  auto app = open_app(state->data, clock);
  if (!app) return void(status = report(err, app.error()));
  auto actor = console_actor_in(**app, state->zone);
  if (!actor) return void(status = report(err, actor.error()));
  approvals::CatalogueFilter filter;
  filter.published_only = false;
  std::vector<std::vector<tabular::Cell>> rows;
  for (PageRequest page{1, PageRequest::kMaxPageSize};; ++page.page) {
    auto batch = (*app)->catalogue().list(*actor, filter, page);
    if (!batch) return void(status = report(err, batch.error()));
    for (const auto& item : batch->items) {
      std::vector<tabular::Cell> row;
      for (std::string& text : approvals::item_to_row(item)) row.push_back({std::move(text)});
      rows.push_back(std::move(row));
    }
    if (batch->items.empty() || std::int64_t(rows.size()) >= batch->total) break;
  }
  std::vector<std::string> header;
  for (const auto& column : approvals::catalogue_columns()) header.emplace_back(column.heading);
  auto file = tabular::write_sheet(*format, "办事指南", header, rows);
  if (!file) return void(status = report(err, file.error()));
  if (state->output.empty()) {
    out << *file;
    return;
  }
  std::ofstream output(state->output, std::ios::binary);
  output << *file;
  if (!output) {
    err << "jingkai: cannot write " << state->output << "\n";
    return void(status = kFailed);
  }
});
}  // namespace jingkai::app

}  // namespace jingkai::app
