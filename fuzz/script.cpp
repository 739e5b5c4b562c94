// Fuzzes scripted-mode input: every line parsed, and the commands run through an engine with
// time driven by the script's own waits.
#include "session/script.hpp"
#include "session/engine.hpp"
#include "stories/stories.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mockcoach::session;
    Plan plan;
    plan.rubric_id = "r";
    plan.question_id = "q";
    plan.phases = {{"one", 60'000, {"a"}}, {"two", 30'000, {}}};
    plan.criteria = {{"c", "C", {{1, "a"}, {3, "b"}, {5, "c"}}}};
    plan.blind = size > 0 && data[0] % 2 == 0;
    plan.auto_advance = size > 0 && data[0] % 3 == 0;
    Engine engine(plan);
    Millis now = 0;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    bool started = false;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const auto line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const auto parsed = parse_script_line(line, mockcoach::stories::check_story);
        if (!parsed || !std::holds_alternative<ScriptCommand>(*parsed)) continue;
        const auto& command = std::get<ScriptCommand>(*parsed);
        if (!started) started = engine.apply({EventKind::start, now}).accepted();
        if (const auto* wait = std::get_if<Wait>(&command)) {
            now += wait->duration;
            engine.apply({EventKind::tick, now});
        } else if (const auto* event = std::get_if<ScriptEvent>(&command)) {
            engine.apply({event->kind, now, event->text, event->number});
        } // save-story writes a file: the STAR tests cover it, not this in-memory run
    }
    (void)engine.record({});
    return 0;
}
