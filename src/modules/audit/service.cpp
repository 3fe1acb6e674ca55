#include "modules/audit/service.hpp"

namespace jingkai::audit {

Result<Page<store::AuditRecord>> AuditService::list(const Actor& actor, PageRequest page) {
  return db_.read([&](store::Tx& tx) -> Result<Page<store::AuditRecord>> {
    return log_.list(tx, actor.zone_id, page);
  });
}

Result<store::AuditVerification> AuditService::verify(
    const std::optional<store::AuditAnchor>& anchor) {
  return db_.read(
      [&](store::Tx& tx) -> Result<store::AuditVerification> { return log_.verify(tx, anchor); });
}

}  // namespace jingkai::audit
