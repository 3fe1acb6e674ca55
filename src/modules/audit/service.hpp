// AuditService: what the API and the CLI may see of the audit log.
#pragma once

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
  // Checks the whole chain, every zone's records included: one chain links them all.
  Result<store::AuditVerification> verify();

 private:
  store::Database& db_;
  const store::AuditLog& log_;
};

}  // namespace jingkai::audit
