// Representatives (企业办事人): the users who may act for an enterprise at the service centre
// — apply for items, hand in materials, answer corrections. An administrator grants the
// right; the approvals module asks here before an applicant acts.
#pragma once

#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "modules/accounts/service.hpp"
#include "modules/enterprises/service.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"

namespace jingkai::enterprises {

struct Representative {
  UserId user_id = 0;
  std::string name;
  std::string display_name;
  EpochMs granted_at = 0;
};

// An enterprise as its representative sees it.
struct RepresentedEnterprise {
  EnterpriseId id = 0;
  std::string uscc;
  std::string name;
};

// The only SQL about representatives.
class RepresentativeRepo {
 public:
  std::vector<Representative> list(store::Tx& tx, ZoneId zone, EnterpriseId enterprise) const;
  void insert(store::Tx& tx, ZoneId zone, EnterpriseId enterprise, const Representative& r) const;
  bool remove(store::Tx& tx, ZoneId zone, EnterpriseId enterprise, UserId user) const;
  std::vector<EnterpriseId> enterprises_of(store::Tx& tx, ZoneId zone, UserId user) const;
};

class RepresentativeService {
 public:
  RepresentativeService(store::Database& db, const RepresentativeRepo& repo,
                        const store::AuditLog& audit, const Clock& clock,
                        EnterpriseService& enterprises, accounts::AccountService& accounts);

  Result<std::vector<Representative>> list(const Actor& actor, EnterpriseId enterprise);
  // The user must hold enterprise_user in the zone (not_enterprise_user). Audited.
  Result<std::vector<Representative>> grant(const Actor& actor, EnterpriseId enterprise,
                                            std::string_view user_name);
  Result<std::vector<Representative>> revoke(const Actor& actor, EnterpriseId enterprise,
                                             std::string_view user_name);

  // The enterprises the actor represents in their zone.
  Result<std::vector<EnterpriseId>> enterprise_ids(const Actor& actor);
  Result<std::vector<RepresentedEnterprise>> represented(const Actor& actor);
  // Forbidden (code not_representative) unless the actor represents `enterprise`.
  Status check_represents(const Actor& actor, EnterpriseId enterprise);

 private:
  store::Database& db_;
  const RepresentativeRepo& repo_;
  const store::AuditLog& audit_;
  const Clock& clock_;
  EnterpriseService& enterprises_;
  accounts::AccountService& accounts_;
};

}  // namespace jingkai::enterprises
