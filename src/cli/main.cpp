#include "cli/app.hpp"

#include <iostream>

int main(int argc, char** argv) { return tg::cli::run(argc, argv, std::cout, std::cerr); }
