// AuditLog: the append-only, hash-chained record of every change (who, when, what, before,
// after), written in the same transaction as the change it describes.
//
// The chain is keyed: each record's hash is an HMAC-SHA-256 under an AuditKey kept outside the
// database, so that editing a record and recomputing every later hash needs the key. Records
// written before the key existed (a database older than schema version 10) keep their plain
// SHA-256 hashes and are verified as such; audit_head.keyed_from is the first keyed record.
// What is stored in the database can still be moved as a whole (the boundary raised and the
// whole chain recomputed unkeyed, or the newest records dropped); an anchor kept outside
// (`jingkai audit anchor`) catches that.
#pragma once

#include <sodium.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/page.hpp"
#include "store/audit_key.hpp"
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
  std::string hash;  // HMAC-SHA-256 (or, before keyed_from, SHA-256) over the fields and prev_hash
};

// A record's place in the chain, kept outside the database to show later that the log still
// reaches it unchanged; written "SEQ:HASH". Seq 0 with an empty hash is the empty log.
struct AuditAnchor {
  std::int64_t seq = 0;
  std::string hash;

  static Result<AuditAnchor> parse(std::string_view text);
  std::string to_string() const;
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
  std::int64_t keyed_from = 1;  // records before this one carry unkeyed SHA-256 hashes
  AuditAnchor head;             // the last record that held
};

class AuditLog {
 public:
  // The key is taken once; appends reuse its prepared HMAC state.
  AuditLog(const Clock& clock, const AuditKey& key);

  // Appends within the caller's transaction; the chain's head row serialises writers.
  void append(Tx& tx, const Actor& actor, const AuditEvent& event) const;

  Page<AuditRecord> list(Tx& tx, ZoneId zone, PageRequest page) const;
  // The records about one entity (e.g. "enterprise", "42"), newest first.
  Page<AuditRecord> list_entity(Tx& tx, ZoneId zone, std::string_view entity,
                                std::string_view entity_id, PageRequest page) const;

  // Walks the whole chain and reports the first record whose hash or link does not hold;
  // with `anchor`, also that the chain reaches the anchor's record and that it is unchanged.
  AuditVerification verify(Tx& tx, const std::optional<AuditAnchor>& anchor = {}) const;

  // Whether some record already carries a keyed hash (then a new key cannot be right).
  static bool has_keyed_records(Tx& tx);
  // Refuses a key that did not write the newest keyed record, before it forks the chain.
  Status check_key(Tx& tx) const;

  // The hash a record of the keyed chain must carry given its fields and its predecessor's.
  std::string keyed_hash(const AuditRecord& record) const;
  // The unkeyed hash of records before keyed_from: SHA-256 of the same text.
  static std::string chain_hash(const AuditRecord& record);

 private:
  const Clock& clock_;
  crypto_auth_hmacsha256_state keyed_;  // initialised with the key; copied for each record
};

}  // namespace jingkai::store
