// The product's schema history: every version of the database's structure, in order. The
// store applies it (store::migrate); only the application knows which modules' tables exist.
#pragma once

#include <vector>

#include "store/migrations.hpp"

namespace jingkai::app {

const std::vector<store::Migration>& schema_history();

}  // namespace jingkai::app
