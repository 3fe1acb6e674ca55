// CredentialCache: recently resolved sessions and tokens, so that a busy client does not
// cost a database transaction per request just to say who it is.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/actor.hpp"
#include "core/clock.hpp"

namespace jingkai::accounts {

class CredentialCache {
 public:
  // Entries live `ttl_ms` at most (0 turns the cache off), and never past the credential's
  // own expiry. Changes made through this process drop the entries they affect at once;
  // changes made by another process (a CLI grant, a second server on PostgreSQL) are seen
  // within `ttl_ms`.
  explicit CredentialCache(EpochMs ttl_ms) : ttl_ms_(ttl_ms) {}

  std::optional<Actor> find(const std::string& token_hash, EpochMs now) const;
  void remember(const std::string& token_hash, const Actor& actor, EpochMs credential_expiry,
                EpochMs now);
  void forget(const std::string& token_hash);
  void forget_all();

 private:
  static constexpr std::size_t kMaxEntries = 50'000;
  struct Entry {
    Actor actor;
    EpochMs valid_until;
  };
  EpochMs ttl_ms_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace jingkai::accounts
