// Passes: when satellites are in view of ground stations. One satellite over one station is
// pass_search.hpp (predict_passes); many over many, the search shared, pass_network.hpp
// (predict_network_passes). This header offers both.
#pragma once

#include "orbit/pass_network.hpp"
#include "orbit/pass_search.hpp"
