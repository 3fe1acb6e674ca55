#include "support/samples.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/uscc.hpp"

namespace jingkai::testing {

namespace {
constexpr std::string_view kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
}

std::string sample_uscc(int n) {
  for (int attempt = n * 7;; ++attempt) {
    std::string code = "91330681MB";
    int rest = attempt;
    std::string tail;
    for (int i = 0; i < 6; ++i) {
      tail.insert(tail.begin(), kChars[rest % 31]);
      rest /= 31;
    }
    code += tail;
    const char org = Uscc::organization_check_character(code.substr(8, 8));
    if (org == '\0') continue;
    code += org;
    code += Uscc::check_character(code);
    return code;
  }
}

std::string with_wrong_check_character(const std::string& uscc) {
  std::string wrong = uscc;
  const auto at = kChars.find(wrong[17]);
  if (at == std::string_view::npos) throw std::logic_error("not a credit code: " + uscc);
  wrong[17] = kChars[(at + 1) % kChars.size()];
  return wrong;
}

const WorkCalendar& shipped_calendar() {
  static const WorkCalendar calendar = [] {
    std::ifstream in(JINGKAI_SOURCE_DIR "/data/holidays-cn.txt");
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = WorkCalendar::parse(text.str());
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *parsed;
  }();
  return calendar;
}

}  // namespace jingkai::testing
