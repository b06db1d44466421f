#include "dist/exchange.hpp"

#include "core/error.hpp"

#include <limits>

namespace tg::dist {

Exchange::Exchange(MPI_Comm comm) : comm_(comm) {
    MPI_Comm_rank(comm_, &rank_);
    MPI_Comm_size(comm_, &ranks_);
}

std::vector<std::vector<char>> Exchange::all_to_all_bytes(const std::vector<std::vector<char>>& outgoing) {
    const auto n = static_cast<std::size_t>(ranks_);
    std::vector<int> send_counts(n), receive_counts(n), send_at(n), receive_at(n);
    std::size_t total = 0;
    for (std::size_t r = 0; r < n; ++r) {
        if (outgoing[r].size() > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
            total + outgoing[r].size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            throw DataError("a process would send more than 2 GB in one exchange", "run on more processes");
        send_at[r] = static_cast<int>(total);
        send_counts[r] = static_cast<int>(outgoing[r].size());
        total += outgoing[r].size();
        if (static_cast<int>(r) != rank_) bytes_sent_ += outgoing[r].size();
    }
    MPI_Alltoall(send_counts.data(), 1, MPI_INT, receive_counts.data(), 1, MPI_INT, comm_);
    std::size_t received = 0;
    for (std::size_t r = 0; r < n; ++r) {
        receive_at[r] = static_cast<int>(received);
        received += static_cast<std::size_t>(receive_counts[r]);
        if (received > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            throw DataError("a process would receive more than 2 GB in one exchange", "run on more processes");
    }
    std::vector<char> send(total), receive(received);
    for (std::size_t r = 0; r < n; ++r) std::copy(outgoing[r].begin(), outgoing[r].end(), send.begin() + send_at[r]);
    MPI_Alltoallv(send.data(), send_counts.data(), send_at.data(), MPI_CHAR, receive.data(), receive_counts.data(), receive_at.data(),
                  MPI_CHAR, comm_);
    std::vector<std::vector<char>> out(n);
    for (std::size_t r = 0; r < n; ++r) out[r].assign(receive.begin() + receive_at[r], receive.begin() + receive_at[r] + receive_counts[r]);
    return out;
}

std::vector<std::vector<std::string>> Exchange::all_to_all(const std::vector<std::vector<std::string>>& outgoing) {
    std::vector<std::vector<char>> packed(outgoing.size());
    for (std::size_t r = 0; r < outgoing.size(); ++r)
        for (const auto& word : outgoing[r]) {
            packed[r].insert(packed[r].end(), word.begin(), word.end());
            packed[r].push_back('\n');
        }
    const auto received = all_to_all_bytes(packed);
    std::vector<std::vector<std::string>> out(received.size());
    for (std::size_t r = 0; r < received.size(); ++r) {
        std::size_t start = 0;
        for (std::size_t i = 0; i < received[r].size(); ++i)
            if (received[r][i] == '\n') {
                out[r].emplace_back(received[r].data() + start, i - start);
                start = i + 1;
            }
    }
    return out;
}

} // namespace tg::dist
