#include "cli/app.hpp"
#include "core/progress.hpp"

#include <csignal>
#include <iostream>

namespace {

// Ctrl-C asks a long computation to stop at its next unit of work (it then exits with a
// message and code 130, having written nothing); a second Ctrl-C ends the process at once.
extern "C" void on_interrupt(int) {
    if (tg::interrupt_requested()) {
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
        return;
    }
    tg::request_interrupt();
}

} // namespace

int main(int argc, char** argv) {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    return tg::cli::run(argc, argv, std::cout, std::cerr);
}
