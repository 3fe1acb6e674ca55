// SHA-256 digests and random tokens, in lower-case hex.
#pragma once

#include <string>
#include <string_view>

namespace jingkai {

std::string sha256_hex(std::string_view data);

// A secret of `bytes` random bytes from the operating system's generator, hex-encoded.
std::string random_token_hex(std::size_t bytes = 32);

}  // namespace jingkai
