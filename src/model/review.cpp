#include "model/review.hpp"

namespace tg {

const char* status_name(ReviewStatus status) {
    switch (status) {
        case ReviewStatus::candidate:
            return "candidate";
        case ReviewStatus::accepted:
            return "accepted";
        case ReviewStatus::rejected:
            return "rejected";
    }
    return "candidate";
}

} // namespace tg
