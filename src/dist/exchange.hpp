#pragma once
// What processes send each other, through MPI's all-to-all, with the bytes each process sends
// counted, so that a run can say how much crossed the network in each phase.
#include <mpi.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace tg::dist {

class Exchange {
public:
    explicit Exchange(MPI_Comm comm);
    int rank() const { return rank_; }
    int ranks() const { return ranks_; }
    MPI_Comm comm() const { return comm_; }

    // Sends outgoing[r] to process r; returns what each process sent this one. T is a plain type.
    template <typename T>
    std::vector<std::vector<T>> all_to_all(const std::vector<std::vector<T>>& outgoing);
    // Words (without the character `end` in them) as one block of text per process.
    std::vector<std::vector<std::string>> all_to_all(const std::vector<std::vector<std::string>>& outgoing);

    // The bytes this process has sent to the others (to itself not counted), and a phase's share.
    std::uint64_t bytes_sent() const { return bytes_sent_; }
    void count_sent(std::uint64_t bytes) { bytes_sent_ += bytes; }

private:
    std::vector<std::vector<char>> all_to_all_bytes(const std::vector<std::vector<char>>& outgoing);

    MPI_Comm comm_;
    int rank_ = 0, ranks_ = 1;
    std::uint64_t bytes_sent_ = 0;
};

template <typename T>
std::vector<std::vector<T>> Exchange::all_to_all(const std::vector<std::vector<T>>& outgoing) {
    std::vector<std::vector<char>> bytes(outgoing.size());
    for (std::size_t r = 0; r < outgoing.size(); ++r) {
        const auto* data = reinterpret_cast<const char*>(outgoing[r].data());
        bytes[r].assign(data, data + outgoing[r].size() * sizeof(T));
    }
    const auto received = all_to_all_bytes(bytes);
    std::vector<std::vector<T>> out(received.size());
    for (std::size_t r = 0; r < received.size(); ++r) {
        out[r].resize(received[r].size() / sizeof(T));
        if (!out[r].empty()) std::memcpy(out[r].data(), received[r].data(), out[r].size() * sizeof(T));
    }
    return out;
}

} // namespace tg::dist
