// Writes the XLSX fuzz target's seed workbooks into the folder given, with the project's own
// XlsxWriter: small sheets of the shapes imports read (Chinese headings, numbers, empty cells,
// long text), so that no binary seed is committed.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "tabular/table_writer.hpp"

namespace {

using jingkai::tabular::Cell;
using jingkai::tabular::XlsxWriter;

bool write(const std::string& path, const std::vector<std::string>& header,
           const std::vector<std::vector<Cell>>& rows) {
  XlsxWriter writer("Sheet1");
  if (!header.empty() && !writer.header(header)) return false;
  for (const auto& row : rows) {
    if (!writer.row(row)) return false;
  }
  auto bytes = writer.finish();
  if (!bytes) return false;
  std::ofstream(path, std::ios::binary) << *bytes;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: xlsx_seeds DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  bool ok = write(dir + "/report.xlsx", {"统一社会信用代码", "企业名称", "期间", "营业收入"},
                  {{Cell{std::string("91330681MA2BCDEF1X")}, Cell{std::string("诸暨袜业")},
                    Cell{std::string("2025-03")}, Cell{1234.5}},
                   {Cell{std::string("")}, Cell{std::int64_t{42}}, Cell{-0.25}}});
  ok = write(dir + "/plain.xlsx", {}, {{Cell{std::string("a")}, Cell{std::string("b")}}}) && ok;
  ok = write(dir + "/long.xlsx", {"备注"},
             {{Cell{std::string(300, 'x')}}, {Cell{std::string("=1+1")}, Cell{1e300}}}) &&
       ok;
  ok = write(dir + "/empty.xlsx", {}, {}) && ok;
  if (!ok) std::fprintf(stderr, "xlsx_seeds: a workbook could not be written\n");
  return ok ? 0 : 1;
}
