#include "model/period.hpp"

namespace tg {

namespace {
bool digits(const std::string& s, std::size_t from, std::size_t count) {
    if (from + count > s.size()) return false;
    for (std::size_t i = from; i < from + count; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}
int number(const std::string& s, std::size_t from, std::size_t count) { return std::stoi(s.substr(from, count)); }
} // namespace

bool is_valid_date(const std::string& date) {
    if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
    if (!digits(date, 0, 4)) return false;
    if (date.size() == 4) return true;
    if (date[4] != '-' || !digits(date, 5, 2)) return false;
    const int month = number(date, 5, 2);
    if (month < 1 || month > 12) return false;
    if (date.size() == 7) return true;
    if (date[7] != '-' || !digits(date, 8, 2)) return false;
    const int year = number(date, 0, 4), day = number(date, 8, 2);
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day >= 1 && day <= last;
}

int compare_dates(const std::string& a, const std::string& b) {
    const auto padded = [](const std::string& d) {
        if (d.size() == 4) return d + "-01-01";
        if (d.size() == 7) return d + "-01";
        return d;
    };
    const auto x = padded(a), y = padded(b);
    return x < y ? -1 : (x > y ? 1 : 0);
}

} // namespace tg
