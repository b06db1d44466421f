#include "support/single_error.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

namespace tg::test {

Diagnostic single_error(const std::function<void()>& f) {
    try {
        f();
    } catch (const DataError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        return e.diagnostics()[0];
    }
    FAIL("expected a DataError");
    return {};
}

} // namespace tg::test
