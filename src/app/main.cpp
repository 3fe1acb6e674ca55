#include <iostream>

#include "app/cli.hpp"

int main(int argc, char** argv) {
  return jingkai::app::run_cli(argc, argv, std::cin, std::cout, std::cerr);
}
