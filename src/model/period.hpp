#pragma once
// When a relation holds: from and to as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; either may be open.
#include <string>

namespace tg {

struct Period {
    std::string from;
    std::string to;
};

// True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" with a month 01-12 and a day valid for it.
bool is_valid_date(const std::string& date);

// Compares two valid dates, a shorter one standing for its first day ("2018" < "2018-01-02").
int compare_dates(const std::string& a, const std::string& b);

} // namespace tg
