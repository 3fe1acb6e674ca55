// AuditLog: the append-only, hash-chained record of every change (who, when, what, before,
// after), written in the same transaction as the change it describes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/page.hpp"
#include "store/database.hpp"

namespace jingkai::store {

struct AuditRecord {
  std::int64_t seq = 0;  // 1, 2, 3, … with no gaps
  EpochMs at = 0;
  ZoneId zone_id = 0;  // 0 for changes that belong to no zone
  std::string actor;   // the user's name, or a system actor such as "cli:root"
  std::string action;  // e.g. "user.create", "auth.login"
  std::string entity;  // e.g. "user"
  std::string entity_id;
  std::string before;  // JSON text, empty when the entity did not exist
  std::string after;   // JSON text, empty when the entity was removed
  std::string prev_hash;
  std::string hash;  // sha256 over this record's fields and prev_hash
};

// What a change wants recorded; the log adds sequence, time and hashes.
struct AuditEvent {
  std::string_view action;
  std::string_view entity;
  std::string entity_id;
  std::string before;
  std::string after;
};

struct AuditVerification {
  bool ok = true;
  std::int64_t rows = 0;
  std::optional<std::int64_t> first_bad_seq;  // the first record altered, or where one is missing
  std::string reason;
};

class AuditLog {
 public:
  explicit AuditLog(const Clock& clock) : clock_(clock) {}

  // Appends within the caller's transaction; the chain's head row serialises writers.
  void append(Tx& tx, const Actor& actor, const AuditEvent& event) const;

  Page<AuditRecord> list(Tx& tx, ZoneId zone, PageRequest page) const;
  // The records about one entity (e.g. "enterprise", "42"), newest first.
  Page<AuditRecord> list_entity(Tx& tx, ZoneId zone, std::string_view entity,
                                std::string_view entity_id, PageRequest page) const;

  // Walks the whole chain and reports the first record whose hash or link does not hold.
  AuditVerification verify(Tx& tx) const;

  // The hash a record must carry given its fields and its predecessor's hash.
  static std::string chain_hash(const AuditRecord& record);

 private:
  const Clock& clock_;
};

}  // namespace jingkai::store
