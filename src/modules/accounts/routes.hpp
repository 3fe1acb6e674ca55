// HTTP routes of the accounts module: login, logout, the current user, zones and users.
#pragma once

#include "http/router.hpp"
#include "modules/accounts/service.hpp"

namespace jingkai::accounts {

void register_routes(http::Router& router, AccountService& accounts);

}  // namespace jingkai::accounts
