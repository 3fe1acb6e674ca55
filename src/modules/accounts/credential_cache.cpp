#include "modules/accounts/credential_cache.hpp"

#include <algorithm>

namespace jingkai::accounts {

std::optional<Actor> CredentialCache::find(const std::string& token_hash, EpochMs now) const {
  if (ttl_ms_ <= 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end() || it->second.valid_until <= now) return std::nullopt;
  return it->second.actor;
}

void CredentialCache::remember(const std::string& token_hash, const Actor& actor,
                               EpochMs credential_expiry, EpochMs now) {
  if (ttl_ms_ <= 0) return;
  std::lock_guard lock(mutex_);
  // A full cache starts over rather than tracking which entry is oldest.
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_.insert_or_assign(token_hash, Entry{actor, std::min(now + ttl_ms_, credential_expiry)});
}

void CredentialCache::forget(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  entries_.erase(token_hash);
}

void CredentialCache::forget_all() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace jingkai::accounts
