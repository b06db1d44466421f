// The XML reader under GraphML, event by event to the end of the document.
#include "fuzz_support.hpp"

#include "core/source_text.hpp"
#include "io/xml_reader.hpp"

#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto source = std::make_shared<tg::SourceText>("input.xml", std::string(tg::fuzz::bytes_of(data, size)));
    tg::fuzz::expect_answer_or_user_error([&] {
        tg::XmlReader reader(source);
        for (std::size_t events = 0; events < 10'000'000; ++events)
            if (reader.next().type == tg::XmlEvent::done) break;
    });
    return 0;
}
