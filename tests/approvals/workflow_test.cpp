// The workflow of an application, spelled out: every action from every state, who takes
// it, and what it leads to. A transition missing here is one the product refuses.
#include "modules/approvals/workflow.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace jingkai::approvals {
namespace {

using enum ApplicationState;

constexpr ApplicationState kAllStates[] = {draft,   submitted, accepted, reviewing, correcting,
                                           decided, finished,  refused,  withdrawn};

Application in(ApplicationState state) {
  Application a;
  a.state = state;
  return a;
}

// The whole table of allowed transitions (for an application without a correction or an
// extension so far).
const std::map<std::pair<ApplicationState, Action>, ApplicationState>& allowed() {
  static const std::map<std::pair<ApplicationState, Action>, ApplicationState> table = {
      {{draft, Action::submit}, submitted},
      {{submitted, Action::withdraw}, withdrawn},
      {{accepted, Action::withdraw}, withdrawn},
      {{reviewing, Action::withdraw}, withdrawn},
      {{correcting, Action::withdraw}, withdrawn},
      {{submitted, Action::accept}, accepted},
      {{submitted, Action::refuse}, refused},
      {{accepted, Action::request_correction}, correcting},
      {{reviewing, Action::request_correction}, correcting},
      {{accepted, Action::review}, reviewing},
      {{accepted, Action::extend}, accepted},
      {{reviewing, Action::extend}, reviewing},
      {{correcting, Action::extend}, correcting},
      {{reviewing, Action::approve}, decided},
      {{reviewing, Action::reject}, decided},
      {{decided, Action::finish}, finished},
  };
  return table;
}

TEST(ApplicationWorkflow, EveryActionFromEveryStateFollowsTheTable) {
  for (ApplicationState state : kAllStates) {
    for (Action action : kAllActions) {
      if (action == Action::resubmit) continue;  // needs a correction: below
      const auto next = next_state(in(state), action);
      const auto expected = allowed().find({state, action});
      if (expected == allowed().end()) {
        ASSERT_FALSE(next) << to_string(action) << " from " << to_string(state);
        EXPECT_EQ(next.error().code, "transition_not_allowed");
        EXPECT_EQ(next.error().kind, ErrorKind::conflict);
      } else {
        ASSERT_TRUE(next) << to_string(action) << " from " << to_string(state) << ": "
                          << next.error().message;
        EXPECT_EQ(*next, expected->second) << to_string(action) << " from " << to_string(state);
      }
    }
  }
}

TEST(ApplicationWorkflow, NoApprovingAWithdrawnApplication) {
  auto next = next_state(in(withdrawn), Action::approve);
  ASSERT_FALSE(next);
  EXPECT_EQ(next.error().code, "transition_not_allowed");
  // The message names the state and the action in both languages.
  EXPECT_NE(next.error().message.find("已撤回"), std::string::npos);
  EXPECT_NE(next.error().message.find("approve"), std::string::npos);
  EXPECT_NE(next.error().message.find("withdrawn"), std::string::npos);
}

TEST(ApplicationWorkflow, ClosedApplicationsTakeNoActionAtAll) {
  for (ApplicationState state : {finished, refused, withdrawn}) {
    EXPECT_TRUE(available_actions(in(state), Party::applicant).empty()) << to_string(state);
    EXPECT_TRUE(available_actions(in(state), Party::officer).empty()) << to_string(state);
  }
}

TEST(ApplicationWorkflow, ResubmissionReturnsToTheStateTheCorrectionInterrupted) {
  for (ApplicationState interrupted : {accepted, reviewing}) {
    Application a = in(correcting);
    a.correction = Correction{};
    a.correction->resume_state = interrupted;
    auto next = next_state(a, Action::resubmit);
    ASSERT_TRUE(next);
    EXPECT_EQ(*next, interrupted);
  }
}

TEST(ApplicationWorkflow, ResubmissionNeedsACorrectionUnderWay) {
  for (ApplicationState state : kAllStates) {
    if (state == correcting) continue;
    Application a = in(state);
    a.correction = Correction{};
    EXPECT_FALSE(next_state(a, Action::resubmit)) << to_string(state);
  }
  // A correcting application without its record is refused rather than guessed at.
  EXPECT_FALSE(next_state(in(correcting), Action::resubmit));
}

TEST(ApplicationWorkflow, CorrectionsAreRequestedOnceListingEverything) {
  Application a = in(reviewing);
  a.correction = Correction{};
  a.correction->resubmitted_on = *parse_date("2026-10-09");
  auto again = next_state(a, Action::request_correction);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "correction_already_requested");
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  // Not offered either.
  for (Action action : available_actions(a, Party::officer)) {
    EXPECT_NE(action, Action::request_correction);
  }
}

TEST(ApplicationWorkflow, ATimeLimitIsExtendedOnce) {
  Application a = in(reviewing);
  a.extension = Extension{5, "现场核查", "王主任", *parse_date("2026-10-09")};
  auto again = next_state(a, Action::extend);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "extension_already_granted");
  EXPECT_EQ(kMaxExtensionDays, 10);
}

TEST(ApplicationWorkflow, ApplicantsAndOfficersEachHaveTheirOwnActions) {
  const std::set<Action> applicant = {Action::submit, Action::resubmit, Action::withdraw};
  for (Action action : kAllActions) {
    EXPECT_EQ(party_of(action), applicant.contains(action) ? Party::applicant : Party::officer)
        << to_string(action);
  }
  EXPECT_EQ(available_actions(in(draft), Party::applicant), std::vector{Action::submit});
  EXPECT_TRUE(available_actions(in(draft), Party::officer).empty());
  EXPECT_EQ(available_actions(in(submitted), Party::officer),
            (std::vector{Action::accept, Action::refuse}));
  EXPECT_EQ(available_actions(in(submitted), Party::applicant), std::vector{Action::withdraw});
  EXPECT_EQ(
      available_actions(in(reviewing), Party::officer),
      (std::vector{Action::request_correction, Action::extend, Action::approve, Action::reject}));
  EXPECT_EQ(available_actions(in(decided), Party::officer), std::vector{Action::finish});
  EXPECT_TRUE(available_actions(in(decided), Party::applicant).empty());
}

TEST(ApplicationWorkflow, RefusalsRejectionsWithdrawalsCorrectionsAndExtensionsNeedAReason) {
  const std::set<Action> with_reason = {Action::withdraw, Action::refuse,
                                        Action::request_correction, Action::extend, Action::reject};
  for (Action action : kAllActions) {
    EXPECT_EQ(needs_reason(action), with_reason.contains(action)) << to_string(action);
  }
}

TEST(ApplicationWorkflow, FilesAreTakenOnlyWhileTheyCanStillMatter) {
  for (ApplicationState state : kAllStates) {
    EXPECT_EQ(takes_files(state, FileKind::material), state == draft || state == correcting)
        << to_string(state);
    EXPECT_EQ(takes_files(state, FileKind::result), state == decided) << to_string(state);
  }
}

TEST(ApplicationWorkflow, ActionNamesReadBack) {
  std::set<std::string_view> labels;
  for (Action action : kAllActions) {
    EXPECT_EQ(parse_action(to_string(action)), action);
    EXPECT_TRUE(labels.insert(to_label(action)).second) << to_label(action);
  }
  EXPECT_FALSE(parse_action("approve "));
  EXPECT_FALSE(parse_action("APPROVE"));
  EXPECT_FALSE(parse_action(""));
}

TEST(ApplicationStateNames, ReadBackAndOnlyQueueStatesAreOpen) {
  std::set<std::string_view> labels;
  for (ApplicationState state : kAllStates) {
    EXPECT_EQ(parse_application_state(to_string(state)), state);
    EXPECT_TRUE(labels.insert(to_label(state)).second);
    EXPECT_EQ(is_open(state),
              state == submitted || state == accepted || state == reviewing || state == correcting)
        << to_string(state);
  }
  EXPECT_FALSE(parse_application_state("open"));
  EXPECT_EQ(parse_decision(""), Decision::none);
  EXPECT_EQ(parse_decision("approved"), Decision::approved);
  EXPECT_EQ(parse_decision("rejected"), Decision::rejected);
  EXPECT_FALSE(parse_decision("maybe"));
  EXPECT_EQ(parse_file_kind("result"), FileKind::result);
  EXPECT_FALSE(parse_file_kind("other"));
}

}  // namespace
}  // namespace jingkai::approvals
