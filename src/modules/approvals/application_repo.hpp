// ApplicationRepo: the only SQL about applications, their files and their timelines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "modules/approvals/application.hpp"
#include "modules/approvals/deadlines.hpp"
#include "store/database.hpp"

namespace jingkai::approvals {

struct ApplicationFilter {
  std::string query;  // number (prefix), item or enterprise name (part)
  std::vector<ApplicationState> states;
  bool open_only = false;
  std::string item_code;
  std::string department;
  std::string category;
  std::optional<std::int64_t> enterprise_id;
  // Set for applicants: only these enterprises' applications (empty: none at all).
  std::optional<std::vector<std::int64_t>> enterprises_allowed;
  std::optional<DeadlineFlag> flag;
  std::string received_from, received_to;  // months, YYYY-MM, of submission
  std::string finished_from, finished_to;  // months of finishing
  std::string on_time;                     // promised, statutory, late_promised, late_statutory
  std::optional<bool> in_zone;
  std::string sort = "deadline";
};

// The days a flag filter compares deadlines with (see deadlines.hpp).
struct FlagBounds {
  Date today;
  Date horizon;
};

bool is_application_sort(std::string_view sort);

// Counts behind the statistics, per key (a month, an item's code or a department).
struct ApplicationCounts {
  std::string key;
  std::string label;
  std::int64_t received = 0;
  std::int64_t finished = 0;
  std::int64_t on_time_promised = 0;
  std::int64_t on_time_statutory = 0;
  std::int64_t working_days_total = 0;
  std::int64_t in_zone = 0;
};

// An open application whose deadline has passed, for the sweep.
struct OverdueCandidate {
  ZoneId zone_id = 0;
  ApplicationId id = 0;
  bool promised = false;   // newly past the promised deadline
  bool statutory = false;  // newly past the statutory one
};

class ApplicationRepo {
 public:
  // Inserts the application and gives it its id and number (the submission day's date
  // and the id, e.g. 20260928000042).
  void insert(store::Tx& tx, ZoneId zone, Application& application) const;
  // Writes every changeable field back.
  void update(store::Tx& tx, ZoneId zone, const Application& application) const;
  // `for_update` locks the row until the transaction ends (PostgreSQL; SQLite's write
  // transactions are exclusive already).
  std::optional<Application> find(store::Tx& tx, ZoneId zone, ApplicationId id,
                                  bool for_update = false) const;
  Page<Application> list(store::Tx& tx, ZoneId zone, const ApplicationFilter& filter,
                         const FlagBounds& bounds, PageRequest page) const;
  // How many match, for the list's total: counted once per data version by the service.
  std::int64_t count(store::Tx& tx, ZoneId zone, const ApplicationFilter& filter,
                     const FlagBounds& bounds) const;

  void add_file(store::Tx& tx, ZoneId zone, ApplicationFile& file) const;
  std::vector<ApplicationFile> files(store::Tx& tx, ZoneId zone, ApplicationId id) const;
  std::optional<ApplicationFile> file(store::Tx& tx, ZoneId zone, ApplicationId id,
                                      ApplicationFileId file_id) const;
  void remove_file(store::Tx& tx, ZoneId zone, ApplicationFileId file_id) const;

  void add_event(store::Tx& tx, ZoneId zone, ApplicationId id, const ApplicationEvent& event) const;
  std::vector<ApplicationEvent> events(store::Tx& tx, ZoneId zone, ApplicationId id) const;

  // Open applications with a running clock whose deadline lies before `today` and that are
  // not yet marked, in every zone.
  std::vector<OverdueCandidate> overdue(store::Tx& tx, Date today) const;

  // Per key: received (submitted in the months) and the rest (finished in the months).
  // `by` is month, item or department; months YYYY-MM inclusive.
  std::vector<ApplicationCounts> counts(store::Tx& tx, ZoneId zone, std::string_view by,
                                        std::string_view from, std::string_view to) const;

  // Changes with every write to the zone's applications (a cheap key for cached counts).
  std::int64_t version(store::Tx& tx, ZoneId zone) const;
  void bump_version(store::Tx& tx, ZoneId zone) const;
};

}  // namespace jingkai::approvals
