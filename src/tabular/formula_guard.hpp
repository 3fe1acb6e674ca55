// CSV injection (OWASP): a spreadsheet that opens a CSV runs a cell that starts with =, +, -
// or @ as a formula (tab and CR are skipped before it looks), so a firm's name such as
// "=HYPERLINK(…)" in an export becomes a link, or a command, on a clerk's machine. CsvWriter
// writes such text after a ' (which makes it text), and the CSV reader takes the ' off again.
#pragma once

#include <string_view>

namespace jingkai::tabular {

// True when `text`, after any ' it already starts with, starts with =, +, -, @, a tab or a CR
// and is not a plain number ("-12.50", "+3", "-1E5" evaluate to themselves and stay numbers).
// CsvWriter writes such text with one more ' in front; a cell read from a CSV that starts
// with ' and is guarded by this rule loses that first '. Together: whatever text is written,
// the same text reads back.
bool needs_formula_guard(std::string_view text);

}  // namespace jingkai::tabular
