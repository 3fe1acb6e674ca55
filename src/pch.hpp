// Precompiled header: the heavy third-party headers, parsed once per build.
#pragma once
#include <fmt/format.h>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <expected>
#include <string>
#include <vector>
