// Which value wins: option, then environment, then the settings file, then the default.
#include "settings/settings.hpp"

#include "util/errors.hpp"
#include "util/files.hpp"

#include <cstdlib>
#include <fmt/format.h>

namespace mockcoach::settings {

namespace fs = std::filesystem;

namespace {

std::string where(const Diagnostic& place) {
    return fmt::format("{}:{}", fs::path(place.path).filename().string(), place.line);
}

template <typename T> Resolved<T> from_file(const Setting<T>& setting) {
    return {*setting, Source::file, where(setting.place)};
}

const char* set(Environment env, const char* name) {
    const char* value = env(name);
    return value && *value ? value : nullptr;
}

} // namespace

const char* process_environment(const char* name) {
    return std::getenv(name);
}

Resolved<fs::path> sessions_folder(const Settings& settings,
                                   const std::optional<std::string>& option, Environment env) {
    if (option && !option->empty()) return {fs::path(*option), Source::option, "--sessions-dir"};
    if (const char* value = set(env, "MOCKCOACH_SESSIONS"))
        return {fs::path(value), Source::environment, "MOCKCOACH_SESSIONS"};
    if (settings.sessions) {
        // A relative folder is read from the settings file's folder, as a file's own paths
        // are: it must not move with the current folder.
        const fs::path written = expand_home(*settings.sessions);
        const fs::path base = fs::path(settings.sessions.place.path).parent_path();
        return {written.is_relative() ? base / written : written, Source::file,
                where(settings.sessions.place)};
    }
    return {data_home() / "sessions", Source::fallback, ""};
}

Resolved<bool> bell(const Settings& settings, std::optional<bool> option) {
    if (option) return {*option, Source::option, *option ? "--bell" : "--no-bell"};
    if (settings.bell) return from_file(settings.bell);
    return {true, Source::fallback, ""};
}

Resolved<bool> auto_advance(const Settings& settings, std::optional<bool> option) {
    if (option) return {*option, Source::option, *option ? "--auto-advance" : "--no-auto-advance"};
    if (settings.auto_advance) return from_file(settings.auto_advance);
    return {false, Source::fallback, ""};
}

Resolved<bool> followups(const Settings& settings, std::optional<bool> option) {
    if (option) return {*option, Source::option, *option ? "--followups" : "--no-followups"};
    if (settings.followups) return from_file(settings.followups);
    return {true, Source::fallback, ""};
}

Resolved<bool> voice(const Settings& settings, std::optional<bool> option) {
    if (option) return {*option, Source::option, *option ? "--voice" : "--no-voice"};
    if (settings.voice) return from_file(settings.voice);
    return {false, Source::fallback, ""};
}

Resolved<std::string> voice_command(const Settings& settings) {
    if (settings.voice_command) return from_file(settings.voice_command);
    return {std::string(default_voice_command), Source::fallback, ""};
}

Resolved<bool> scratch(const Settings& settings, std::optional<bool> option) {
    if (option) return {*option, Source::option, *option ? "--scratch" : "--no-scratch"};
    if (settings.scratch) return from_file(settings.scratch);
    return {false, Source::fallback, ""};
}

Resolved<bool> adaptive(const Settings& settings, std::optional<bool> option, Environment env) {
    if (option) return {*option, Source::option, *option ? "--adaptive" : "--no-adaptive"};
    if (const char* value = set(env, "MOCKCOACH_ADAPTIVE")) {
        const std::string_view text(value);
        // Anything else used to mean off in silence: "true" or "yes" would not do what it says.
        if (text != "1" && text != "0")
            throw UsageError(
                fmt::format("MOCKCOACH_ADAPTIVE is \"{}\"; use 1 (on) or 0 (off)", text));
        return {text == "1", Source::environment, "MOCKCOACH_ADAPTIVE"};
    }
    if (settings.adaptive) return from_file(settings.adaptive);
    return {false, Source::fallback, ""};
}

Resolved<double> retention(const Settings& settings) {
    if (settings.retention) return from_file(settings.retention);
    return {default_retention, Source::fallback, ""};
}

Resolved<ColourChoice> colour(const Settings& settings, Environment env) {
    if (set(env, "NO_COLOR")) return {ColourChoice::never, Source::environment, "NO_COLOR"};
    if (settings.colour) return from_file(settings.colour);
    return {ColourChoice::automatic, Source::fallback, ""};
}

Resolved<std::optional<std::int64_t>> star_seconds(const Settings& settings,
                                                   std::optional<std::int64_t> option) {
    if (option) return {option, Source::option, "--seconds"};
    if (settings.star_seconds)
        return {*settings.star_seconds, Source::file, where(settings.star_seconds.place)};
    return {std::nullopt, Source::fallback, ""};
}

Resolved<double> adaptive_strength(const Settings& settings, std::optional<double> option) {
    if (option) return {*option, Source::option, "--adaptive-strength"};
    if (settings.adaptive_strength) return from_file(settings.adaptive_strength);
    return {default_adaptive_strength, Source::fallback, ""};
}

Resolved<std::int64_t> star_typing_wpm(const Settings& settings) {
    if (settings.star_typing_wpm) return from_file(settings.star_typing_wpm);
    return {default_star_typing_wpm, Source::fallback, ""};
}

Resolved<std::vector<std::string>> categories(const Settings& settings,
                                              const std::vector<std::string>& option) {
    if (!option.empty()) return {option, Source::option, "--category"};
    if (settings.categories) return from_file(settings.categories);
    return {{}, Source::fallback, ""};
}

HookSettings hook_settings(const Settings& settings,
                           const std::optional<std::string>& phase_end_option, bool no_hooks) {
    const auto hook = [&](const Setting<std::string>& setting,
                          std::string_view name) -> Resolved<std::optional<std::string>> {
        if (no_hooks) return {std::nullopt, Source::option, "--no-hooks"};
        if (name == "phase_end" && phase_end_option)
            return {*phase_end_option, Source::option, "--on-phase-end"};
        if (setting) return {*setting, Source::file, where(setting.place)};
        return {std::nullopt, Source::fallback, ""};
    };
    HookSettings hooks{hook(settings.phase_end, "phase_end"),
                       hook(settings.overtime, "overtime"),
                       hook(settings.session_end, "session_end"),
                       {default_hook_timeout, Source::fallback, ""}};
    if (settings.hook_timeout) hooks.timeout_seconds = from_file(settings.hook_timeout);
    return hooks;
}

std::vector<Line> describe(const Settings& settings, const std::optional<std::string>& sessions,
                           Environment env) {
    std::vector<Line> lines;
    const auto add = [&](std::string name, std::string value, Source source, std::string detail) {
        lines.push_back({std::move(name), std::move(value), source, std::move(detail)});
    };
    const auto on_off = [](bool on) { return std::string(on ? "on" : "off"); };
    const auto folder = sessions_folder(settings, sessions, env);
    add("sessions", folder.value.string(), folder.source, folder.detail);
    const auto ring = bell(settings, std::nullopt);
    add("bell", on_off(ring.value), ring.source, ring.detail);
    const auto advance = auto_advance(settings, std::nullopt);
    add("auto_advance", on_off(advance.value), advance.source, advance.detail);
    const auto probes = followups(settings, std::nullopt);
    add("followups", on_off(probes.value), probes.source, probes.detail);
    const auto speak = voice(settings, std::nullopt);
    add("voice", on_off(speak.value), speak.source, speak.detail);
    const auto speaker = voice_command(settings);
    add("voice_command", speaker.value, speaker.source, speaker.detail);
    const auto pad = scratch(settings, std::nullopt);
    add("scratch", on_off(pad.value), pad.source, pad.detail);
    const auto draw = adaptive(settings, std::nullopt, env);
    add("adaptive", on_off(draw.value), draw.source, draw.detail);
    const auto lean = adaptive_strength(settings, std::nullopt);
    add("adaptive_strength", fmt::format("{:g}", lean.value), lean.source, lean.detail);
    const auto recall = retention(settings);
    add("retention", fmt::format("{:.2f} (recall when a question comes due)", recall.value),
        recall.source, recall.detail);
    const auto paint = colour(settings, env);
    add("colour", std::string(colour_name(paint.value)), paint.source, paint.detail);
    const auto star = star_seconds(settings, std::nullopt);
    add("star_seconds", star.value ? std::to_string(*star.value) : "the rubric's own budgets",
        star.source, star.detail);
    const auto typing = star_typing_wpm(settings);
    add("star_typing_wpm", fmt::format("{} words a minute", typing.value), typing.source,
        typing.detail);
    const auto picked = categories(settings, {});
    std::string ids;
    for (const std::string& id : picked.value) ids += (ids.empty() ? "" : ", ") + id;
    add("categories", ids.empty() ? "all" : ids, picked.source, picked.detail);
    const HookSettings hooks = hook_settings(settings, std::nullopt, false);
    for (const auto& [name, hook] : {std::pair{"hooks.phase_end", &hooks.phase_end},
                                     std::pair{"hooks.overtime", &hooks.overtime},
                                     std::pair{"hooks.session_end", &hooks.session_end}})
        add(name, hook->value ? *hook->value : "none", hook->source, hook->detail);
    add("hooks.timeout", fmt::format("{} s", hooks.timeout_seconds.value),
        hooks.timeout_seconds.source, hooks.timeout_seconds.detail);
    return lines;
}

} // namespace mockcoach::settings
