// AuditService: what the API and the CLI may see of the audit log.
#pragma once

#include <optional>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"

namespace jingkai::audit {

class AuditService {
 public:
  AuditService(store::Database& db, const store::AuditLog& log) : db_(db), log_(log) {}

  // The records of the actor's zone, newest first.
  Result<Page<store::AuditRecord>> list(const Actor& actor, PageRequest page);
  // Checks the whole chain, every zone's records included: one chain links them all; with
  // `anchor` (kept outside, from an earlier verification), also that the chain still reaches it.
  Result<store::AuditVerification> verify(const std::optional<store::AuditAnchor>& anchor = {});

 private:
  store::Database& db_;
  const store::AuditLog& log_;
};

}  // namespace jingkai::audit
