#include "store/audit_log.hpp"

#include <fmt/format.h>

#include "core/digest.hpp"

namespace jingkai::store {

std::string AuditLog::chain_hash(const AuditRecord& r) {
  // Length-prefixed fields, so that no shift of characters between fields keeps the hash.
  std::string text;
  auto field = [&text](std::string_view value) {
    fmt::format_to(std::back_inserter(text), "{}:{};", value.size(), value);
  };
  field(std::to_string(r.seq));
  field(std::to_string(r.at));
  field(std::to_string(r.zone_id));
  field(r.actor);
  field(r.action);
  field(r.entity);
  field(r.entity_id);
  field(r.before);
  field(r.after);
  field(r.prev_hash);
  return sha256_hex(text);
}

void AuditLog::append(Tx& tx, const Actor& actor, const AuditEvent& event) const {
  AuditRecord record;
  long long seq = 0;
  tx.sql() << "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash",
      soci::into(seq), soci::into(record.prev_hash);
  record.seq = seq;
  record.at = clock_.now_ms();
  record.zone_id = actor.zone_id;
  record.actor = actor.user_name;
  record.action = event.action;
  record.entity = event.entity;
  record.entity_id = event.entity_id;
  record.before = event.before;
  record.after = event.after;
  record.hash = chain_hash(record);

  const long long at = record.at, zone = record.zone_id;
  tx.sql() << "INSERT INTO audit_log (seq, at, zone_id, actor, action, entity, entity_id,"
              " before_json, after_json, prev_hash, hash) VALUES"
              " (:seq, :at, :zone, :actor, :action, :entity, :entity_id, :before, :after,"
              " :prev_hash, :hash)",
      soci::use(seq), soci::use(at), soci::use(zone), soci::use(record.actor),
      soci::use(record.action), soci::use(record.entity), soci::use(record.entity_id),
      soci::use(record.before), soci::use(record.after), soci::use(record.prev_hash),
      soci::use(record.hash);
  tx.sql() << "UPDATE audit_head SET hash = :hash WHERE id = 1", soci::use(record.hash);
}

namespace {

// Columns in the order read_record expects them.
constexpr std::string_view kColumns =
    "seq, at, zone_id, actor, action, entity, entity_id, before_json, after_json, prev_hash, "
    "hash";

struct RecordReader {
  long long seq = 0, at = 0, zone = 0;
  AuditRecord record;

  void bind(soci::details::prepare_temp_type& query) {
    query, soci::into(seq), soci::into(at), soci::into(zone), soci::into(record.actor),
        soci::into(record.action), soci::into(record.entity), soci::into(record.entity_id),
        soci::into(record.before), soci::into(record.after), soci::into(record.prev_hash),
        soci::into(record.hash);
  }
  AuditRecord take() {
    record.seq = seq;
    record.at = at;
    record.zone_id = zone;
    return record;
  }
};

}  // namespace

Page<AuditRecord> AuditLog::list(Tx& tx, ZoneId zone, PageRequest request) const {
  Page<AuditRecord> page;
  page.page = request.page;
  page.page_size = request.page_size;
  const long long zone_id = zone;
  long long total = 0;
  tx.sql() << "SELECT COUNT(*) FROM audit_log WHERE zone_id = :zone", soci::use(zone_id),
      soci::into(total);
  page.total = total;

  RecordReader reader;
  const long long limit = request.page_size, offset = request.offset();
  soci::details::prepare_temp_type query =
      (tx.sql().prepare << fmt::format("SELECT {} FROM audit_log WHERE zone_id = :zone"
                                       " ORDER BY seq DESC LIMIT :limit OFFSET :offset",
                                       kColumns));
  reader.bind(query);
  query, soci::use(zone_id), soci::use(limit), soci::use(offset);
  soci::statement st(query);
  st.execute();
  while (st.fetch()) page.items.push_back(reader.take());
  return page;
}

Page<AuditRecord> AuditLog::list_entity(Tx& tx, ZoneId zone, std::string_view entity,
                                        std::string_view entity_id, PageRequest request) const {
  Page<AuditRecord> page;
  page.page = request.page;
  page.page_size = request.page_size;
  const long long zone_id = zone;
  const std::string wanted_entity(entity), wanted_id(entity_id);
  long long total = 0;
  tx.sql() << "SELECT COUNT(*) FROM audit_log WHERE zone_id = :zone AND entity = :entity"
              " AND entity_id = :id",
      soci::use(zone_id), soci::use(wanted_entity), soci::use(wanted_id), soci::into(total);
  page.total = total;

  RecordReader reader;
  const long long limit = request.page_size, offset = request.offset();
  soci::details::prepare_temp_type query =
      (tx.sql().prepare << fmt::format("SELECT {} FROM audit_log WHERE zone_id = :zone AND"
                                       " entity = :entity AND entity_id = :id"
                                       " ORDER BY seq DESC LIMIT :limit OFFSET :offset",
                                       kColumns));
  reader.bind(query);
  query, soci::use(zone_id), soci::use(wanted_entity), soci::use(wanted_id), soci::use(limit),
      soci::use(offset);
  soci::statement st(query);
  st.execute();
  while (st.fetch()) page.items.push_back(reader.take());
  return page;
}

AuditVerification AuditLog::verify(Tx& tx) const {
  AuditVerification result;
  RecordReader reader;
  soci::details::prepare_temp_type query =
      (tx.sql().prepare << fmt::format("SELECT {} FROM audit_log ORDER BY seq", kColumns));
  reader.bind(query);
  soci::statement st(query);
  st.execute();
  std::string prev_hash;
  std::int64_t expected_seq = 1;
  auto fail = [&result](std::int64_t seq, std::string reason) {
    result.ok = false;
    result.first_bad_seq = seq;
    result.reason = std::move(reason);
  };
  while (st.fetch()) {
    const AuditRecord record = reader.take();
    ++result.rows;
    if (record.seq != expected_seq) {
      fail(expected_seq,
           fmt::format("记录 {} 缺失 (record {} is missing)", expected_seq, expected_seq));
      return result;
    }
    if (record.prev_hash != prev_hash) {
      fail(record.seq, fmt::format("记录 {} 的前序哈希不符 (record {} does not link to its "
                                   "predecessor)",
                                   record.seq, record.seq));
      return result;
    }
    if (chain_hash(record) != record.hash) {
      fail(record.seq,
           fmt::format("记录 {} 已被改动 (record {} was altered)", record.seq, record.seq));
      return result;
    }
    prev_hash = record.hash;
    ++expected_seq;
  }
  long long head_seq = 0;
  std::string head_hash;
  tx.sql() << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(head_seq),
      soci::into(head_hash);
  if (head_seq != expected_seq - 1 || head_hash != prev_hash) {
    fail(expected_seq, fmt::format("日志末尾的记录 {} 起缺失 (records from {} on are missing)",
                                   expected_seq, expected_seq));
  }
  return result;
}

}  // namespace jingkai::store
