// ApplicationService: applications (办件) from the applicant's draft to the officer's result,
// each step checked against the workflow and the caller's rights, audited, and added to
// the application's timeline; the working-day clocks kept with every step.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "modules/approvals/application_repo.hpp"
#include "modules/approvals/deadlines.hpp"
#include "modules/approvals/repo.hpp"
#include "modules/approvals/workflow.hpp"
#include "modules/calendar/service.hpp"
#include "modules/enterprises/representatives.hpp"
#include "modules/enterprises/service.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"

namespace jingkai::approvals {

struct ApplicationSettings {
  // Applications due within this many working days are flagged yellow.
  int warning_days = 2;
};

struct NewApplication {
  std::string item_code;
  std::int64_t enterprise_id = 0;
  std::string contact_name;
  std::string contact_phone;
  std::string note;
};

struct ApplicationPatch {
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::optional<std::string> note;
};

// What an action carries besides its name.
struct ActionInput {
  std::string reason;
  std::vector<std::string> items;  // request_correction: what to correct
  int days = 0;                    // extend
  std::string approver;            // extend
  bool in_zone = true;             // finish
};

struct FileUpload {
  FileKind kind = FileKind::material;
  std::string material;
  std::string file_name;
  std::string bytes;
};

// An application with its clock as it reads today.
struct ApplicationSummary {
  Application application;
  ClockReading clock;
};

// All of one application the caller may see.
struct ApplicationView {
  ApplicationSummary summary;
  std::vector<ApplicationFile> files;
  std::vector<ApplicationEvent> timeline;
  std::vector<Action> actions;  // what the caller may do now
};

struct StatisticsRow {
  ApplicationCounts counts;
  double average_working_days = 0;  // over the finished ones
};
struct ApplicationStatistics {
  std::string from, to, by;
  StatisticsRow total;
  std::vector<StatisticsRow> rows;
};

struct SweepOutcome {
  Date today;
  std::int64_t promised_overdue = 0;
  std::int64_t statutory_overdue = 0;
};

class ApplicationService {
 public:
  ApplicationService(store::Database& db, const ApplicationRepo& repo, const ServiceItemRepo& items,
                     const store::AuditLog& audit, const Clock& clock,
                     calendar::CalendarService& calendar,
                     enterprises::EnterpriseService& enterprises,
                     enterprises::RepresentativeService& representatives,
                     const store::FileStore& files, ApplicationSettings settings);

  Result<ApplicationView> create(const Actor& actor, const NewApplication& input);
  Result<ApplicationView> get(const Actor& actor, ApplicationId id);
  Result<Page<ApplicationSummary>> list(const Actor& actor, ApplicationFilter filter,
                                        PageRequest page);
  Result<ApplicationView> update(const Actor& actor, ApplicationId id,
                                 const ApplicationPatch& patch);
  Result<ApplicationView> act(const Actor& actor, ApplicationId id, Action action,
                              const ActionInput& input);

  Result<ApplicationFile> add_file(const Actor& actor, ApplicationId id, const FileUpload& upload);
  // The file's record and bytes.
  Result<std::pair<ApplicationFile, std::string>> file(const Actor& actor, ApplicationId id,
                                                       ApplicationFileId file_id);
  Result<ApplicationView> remove_file(const Actor& actor, ApplicationId id,
                                      ApplicationFileId file_id);

  // Months YYYY-MM (empty: from January of this year, to this month); `by` month, item or
  // department.
  Result<ApplicationStatistics> statistics(const Actor& actor, std::string_view from,
                                           std::string_view to, std::string_view by);

  // Marks every open application past a deadline, in every zone (the daily job).
  Result<SweepOutcome> sweep(const Actor& actor);

  int warning_days() const { return settings_.warning_days; }
  Date today() const { return china_date(clock_.now_ms()); }

  // One action's working state; public so that the functions for each action can take it.
  struct ActionStep;

 private:
  // Applies `action` to `a`: one function per action, each with the records it needs.
  Status apply(store::Tx& tx, ZoneId zone, Action action, ActionStep& step, Application& a);
  // Whether the actor sees every application of the zone (officers, leaders, admins) or only
  // their enterprises' (applicants).
  bool sees_all(const Actor& actor) const;
  Result<std::shared_ptr<const WorkCalendar>> calendar();
  Result<ApplicationView> view(store::Tx& tx, const Actor& actor, const WorkCalendar& calendar,
                               const Application& application);
  // The application, if the actor may see it.
  Result<Application> visible(store::Tx& tx, const Actor& actor, ApplicationId id, bool for_update);
  Status check_party(const Actor& actor, Party party, const Application& application);
  void record(store::Tx& tx, const Actor& actor, const Application& before,
              const Application& after, ApplicationEvent event);

  store::Database& db_;
  const ApplicationRepo& repo_;
  const ServiceItemRepo& items_;
  const store::AuditLog& audit_;
  const Clock& clock_;
  calendar::CalendarService& calendar_;
  enterprises::EnterpriseService& enterprises_;
  enterprises::RepresentativeService& representatives_;
  const store::FileStore& files_;
  ApplicationSettings settings_;

  // The list's totals, by zone and filter, for the data version they were counted at: a
  // count over a million applications costs more than the page itself.
  struct Count {
    std::int64_t version = 0;
    std::int64_t total = 0;
  };
  std::mutex counts_mutex_;
  std::unordered_map<std::string, Count> counts_;
};

}  // namespace jingkai::approvals
