#include "store/audit_log.hpp"

#include <fmt/format.h>

#include <charconv>
#include <stdexcept>

#include "core/digest.hpp"

namespace jingkai::store {

namespace {

// Length-prefixed fields, so that no shift of characters between fields keeps the hash.
std::string chain_text(const AuditRecord& r) {
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
  return text;
}

}  // namespace

Result<AuditAnchor> AuditAnchor::parse(std::string_view text) {
  auto bad = [] {
    return std::unexpected(Error::invalid(
        "audit_anchor_malformed",
        "锚点格式应为 SEQ:HASH (an anchor is SEQ:HASH, as `jingkai audit anchor` prints it)",
        "anchor"));
  };
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return bad();
  AuditAnchor anchor;
  const auto seq_text = text.substr(0, colon);
  const auto [end, ec] =
      std::from_chars(seq_text.data(), seq_text.data() + seq_text.size(), anchor.seq);
  if (ec != std::errc() || end != seq_text.data() + seq_text.size() || anchor.seq < 0) return bad();
  anchor.hash = std::string(text.substr(colon + 1));
  const bool hex = anchor.hash.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!hex || (anchor.seq == 0 ? !anchor.hash.empty() : anchor.hash.size() != 64)) return bad();
  return anchor;
}

std::string AuditAnchor::to_string() const { return fmt::format("{}:{}", seq, hash); }

AuditLog::AuditLog(const Clock& clock, const AuditKey& key) : clock_(clock) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  crypto_auth_hmacsha256_init(&keyed_, key.bytes().data(), key.bytes().size());
}

std::string AuditLog::chain_hash(const AuditRecord& r) { return sha256_hex(chain_text(r)); }

std::string AuditLog::keyed_hash(const AuditRecord& r) const {
  crypto_auth_hmacsha256_state state = keyed_;
  const std::string text = chain_text(r);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                                text.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  std::string hex(crypto_auth_hmacsha256_BYTES * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac, sizeof mac);
  hex.pop_back();
  return hex;
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
  record.hash = keyed_hash(record);

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

bool AuditLog::has_keyed_records(Tx& tx) {
  long long head_seq = 0, keyed_from = 1;
  tx.sql() << "SELECT seq, keyed_from FROM audit_head WHERE id = 1", soci::into(head_seq),
      soci::into(keyed_from);
  return head_seq >= keyed_from;
}

Status AuditLog::check_key(Tx& tx) const {
  if (!has_keyed_records(tx)) return {};
  RecordReader reader;
  soci::details::prepare_temp_type query =
      (tx.sql().prepare << fmt::format(
           "SELECT {} FROM audit_log WHERE seq = (SELECT seq FROM audit_head WHERE id = 1)",
           kColumns));
  reader.bind(query);
  soci::statement st(query);
  st.execute();
  if (st.fetch()) {
    const AuditRecord newest = reader.take();
    if (keyed_hash(newest) == newest.hash) return {};
  }
  return std::unexpected(Error::invalid(
      "audit_key_mismatch",
      "审计密钥与日志不符 (the audit key did not write the newest audit record: a wrong "
      "--audit-key, or the record was altered; `jingkai audit verify` says which)",
      "audit_key"));
}

namespace {

struct ChainHead {
  long long seq = 0, keyed_from = 1;
  std::string hash;
};

ChainHead read_head(Tx& tx) {
  ChainHead head;
  tx.sql() << "SELECT seq, hash, keyed_from FROM audit_head WHERE id = 1", soci::into(head.seq),
      soci::into(head.hash), soci::into(head.keyed_from);
  return head;
}

void fail(AuditVerification& result, std::int64_t seq, std::string reason) {
  result.ok = false;
  result.first_bad_seq = seq;
  result.reason = std::move(reason);
}

// What the walk found past its last record: the head row and the anchor must agree with it.
void check_end(AuditVerification& result, const ChainHead& head,
               const std::optional<AuditAnchor>& anchor) {
  const std::int64_t next = result.head.seq + 1;
  if (head.seq != result.head.seq || head.hash != result.head.hash) {
    fail(result, next,
         fmt::format("日志末尾的记录 {} 起缺失 (records from {} on are missing)", next, next));
  } else if (anchor && anchor->seq > result.head.seq) {
    fail(result, next,
         fmt::format("日志止于记录 {}，锚点为记录 {}：末尾记录被删除 (the log ends at record {} "
                     "but the anchor is record {}: records from {} on were removed)",
                     result.head.seq, anchor->seq, result.head.seq, anchor->seq, next));
  }
}

}  // namespace

AuditVerification AuditLog::verify(Tx& tx, const std::optional<AuditAnchor>& anchor) const {
  AuditVerification result;
  const ChainHead head = read_head(tx);
  result.keyed_from = head.keyed_from;
  if (head.keyed_from < 1 || head.keyed_from > head.seq + 1) {
    fail(result, head.keyed_from,
         fmt::format("密钥链起点 {} 不合理 (the keyed chain cannot start at record {})",
                     head.keyed_from, head.keyed_from));
    return result;
  }
  RecordReader reader;
  soci::details::prepare_temp_type query =
      (tx.sql().prepare << fmt::format("SELECT {} FROM audit_log ORDER BY seq", kColumns));
  reader.bind(query);
  soci::statement st(query);
  st.execute();
  while (st.fetch()) {
    const AuditRecord record = reader.take();
    const std::int64_t expected_seq = result.head.seq + 1;
    if (record.seq != expected_seq) {
      fail(result, expected_seq,
           fmt::format("记录 {} 缺失 (record {} is missing)", expected_seq, expected_seq));
      return result;
    }
    if (record.prev_hash != result.head.hash) {
      fail(result, record.seq,
           fmt::format("记录 {} 的前序哈希不符 (record {} does not link to its predecessor)",
                       record.seq, record.seq));
      return result;
    }
    const std::string expected =
        record.seq < head.keyed_from ? chain_hash(record) : keyed_hash(record);
    if (expected != record.hash) {
      fail(result, record.seq,
           fmt::format("记录 {} 已被改动或密钥不符 (record {} was altered, or the audit key is "
                       "not the one it was written with)",
                       record.seq, record.seq));
      return result;
    }
    if (anchor && anchor->seq == record.seq && anchor->hash != record.hash) {
      fail(result, record.seq,
           fmt::format("记录 {} 与锚点不符 (record {} differs from the anchor: the chain was "
                       "rewritten)",
                       record.seq, record.seq));
      return result;
    }
    ++result.rows;
    result.head = {record.seq, record.hash};
  }
  check_end(result, head, anchor);
  return result;
}

}  // namespace jingkai::store
