#include "support/run.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace tg::test {

namespace {

RunResult run_program(const std::vector<std::string>& args, const std::string& working_dir, const std::string& input_file,
                      double interrupt_after) {
    int out_pipe[2], err_pipe[2];
    if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int null_in = open(input_file.empty() ? "/dev/null" : input_file.c_str(), O_RDONLY);
        dup2(null_in, 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        close(out_pipe[0]), close(err_pipe[0]), close(out_pipe[1]), close(err_pipe[1]);
        if (!working_dir.empty() && chdir(working_dir.c_str()) != 0) _exit(127);
        std::vector<char*> argv;
        std::string program = TG_CLI_PATH;
        argv.push_back(program.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    RunResult result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    int open_count = 2;
    char buffer[65536];
    const auto started = std::chrono::steady_clock::now();
    bool interrupted = false;
    while (open_count > 0) {
        int wait_ms = -1;
        if (interrupt_after > 0 && !interrupted) {
            const double left = interrupt_after - std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            if (left <= 0) {
                kill(pid, SIGINT);
                interrupted = true;
            } else {
                wait_ms = static_cast<int>(left * 1000) + 1;
            }
        }
        const int ready = poll(fds, 2, wait_ms);
        if (ready == 0) continue;
        if (ready < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const auto n = read(fds[i].fd, buffer, sizeof buffer);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_count;
            } else {
                (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

} // namespace

RunResult run_cli(const std::vector<std::string>& args, const std::string& working_dir, const std::string& input_file) {
    return run_program(args, working_dir, input_file, 0);
}

RunResult run_cli_interrupted(const std::vector<std::string>& args, double seconds) { return run_program(args, {}, {}, seconds); }

std::vector<std::string> split_arguments(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    bool quoted = false, any = false;
    for (char c : text) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any) out.push_back(current);
            current.clear();
            any = false;
        } else {
            current += c;
            any = true;
        }
    }
    if (any) out.push_back(current);
    return out;
}

} // namespace tg::test
