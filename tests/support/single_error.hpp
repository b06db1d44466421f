#pragma once
// The one diagnostic a failing call reports: fails the test when f throws no DataError or one
// holding more or fewer than one diagnostic.
#include "core/diagnostic.hpp"

#include <functional>

namespace tg::test {

Diagnostic single_error(const std::function<void()>& f);

} // namespace tg::test
