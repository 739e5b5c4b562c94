// Loading the catalog from its three places and resolving ids the user typed.
#include "cli/context.hpp"
#include "cli/enum_option.hpp"

#include "tomlfile/tomlfile.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"
#include "util/suggest.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

namespace mockcoach::cli {

rubric::Layer read_layer(const std::string& origin, const std::string& path, bool must_exist) {
    rubric::Layer layer{origin, {}, {}};
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) {
        if (must_exist) throw UsageError(fmt::format("no such file or folder: {}", path));
        return layer;
    }
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(status))
        files = list_files(path, ".toml", &layer.read_problems);
    else
        files.push_back(path);
    for (const auto& file : files) {
        if (auto bytes = read_file(file, tomlfile::max_file_bytes, layer.read_problems))
            layer.files.push_back({file.string(), std::move(*bytes)});
    }
    return layer;
}

std::vector<rubric::Layer> Context::layers(const std::vector<std::string>& extra) const {
    std::vector<rubric::Layer> result;
    result.push_back(rubric::embedded_layer());
    result.push_back(read_layer("user", (config_home() / "rubrics").string(), false));
    for (const std::string& path : rubric_paths) result.push_back(read_layer(path, path, true));
    for (const std::string& path : extra) result.push_back(read_layer(path, path, true));
    return result;
}

const settings::Settings& Context::settings() {
    if (settings_) return *settings_;
    Diagnostics problems;
    settings::Settings loaded = settings::load_settings(settings::settings_path(), problems);
    if (std::any_of(problems.begin(), problems.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }))
        throw InvalidInput(std::move(problems));
    for (const Diagnostic& d : problems) fmt::print(err, "{}\n", format_diagnostic(d));
    settings_ = std::move(loaded);
    return *settings_;
}

std::filesystem::path Context::sessions_folder(const std::optional<std::string>& option) {
    return settings::sessions_folder(settings(), option, settings::process_environment).value;
}

Colour Context::colour(std::FILE* stream) {
    switch (settings::colour(settings(), settings::process_environment).value) {
    case settings::ColourChoice::never:
        return Colour::plain;
    case settings::ColourChoice::always:
        return Colour::on;
    case settings::ColourChoice::automatic:
        break;
    }
    return colour_for(stream);
}

const profile::ProfileSet& Context::profiles() {
    if (profiles_) return *profiles_;
    const std::vector<rubric::SourceFile> shipped = profile::shipped_profile_files();
    const rubric::Layer user = read_layer("user", (config_home() / "profiles").string(), false);
    profiles_ = profile::build_profiles(shipped, user.files, &catalog());
    profiles_->diagnostics.insert(profiles_->diagnostics.begin(), user.read_problems.begin(),
                                  user.read_problems.end());
    for (const Diagnostic& d : profiles_->diagnostics)
        fmt::print(err, "{}\n", format_diagnostic(d));
    return *profiles_;
}

const profile::Profile& Context::profile(std::string_view id) {
    const profile::ProfileSet& set = profiles();
    const profile::Profile* found = set.find(id);
    // Its errors, unknown categories included, were printed when the profiles were read.
    if (!found && set.is_broken(id))
        throw UsageError(fmt::format("profile \"{}\" has errors (above)", id));
    if (!found)
        throw UsageError(with_suggestion(fmt::format("unknown profile \"{}\"", id), id, set.ids(),
                                         "; see `mockcoach profiles`"));
    return *found;
}

const rubric::Catalog& Context::catalog() {
    if (catalog_) return *catalog_;
    catalog_ = rubric::build_catalog(layers());
    std::size_t errors = 0;
    for (const Diagnostic& d : catalog_->diagnostics) {
        fmt::print(err, "{}\n", format_diagnostic(d));
        errors += d.severity == Severity::error;
    }
    if (errors > 0) {
        fmt::print(err,
                   "mockcoach: {} problem{} in rubric files; those files were skipped "
                   "(see `mockcoach rubrics validate`)\n",
                   errors, errors == 1 ? "" : "s");
    }
    return *catalog_;
}

transcript::CriterionNames criterion_names(const rubric::Catalog& catalog,
                                           std::string_view rubric_id) {
    transcript::CriterionNames names;
    if (const rubric::Rubric* rubric = catalog.find(rubric_id))
        for (const rubric::Criterion& criterion : rubric->criteria)
            names.push_back({criterion.id, criterion.name});
    return names;
}

void unknown_id(std::string_view what, std::string_view id, const std::vector<std::string>& known) {
    throw UsageError(with_suggestion(fmt::format("unknown {} \"{}\"", what, id), id, known));
}

void unknown_rubric(std::string_view what, std::string_view id,
                    const std::vector<std::string>& known) {
    // In name order, to be scanned for the one meant (the catalog's is by weight).
    std::vector<std::string_view> names(known.begin(), known.end());
    std::sort(names.begin(), names.end());
    throw UsageError(with_suggestion(fmt::format("unknown {} \"{}\"", what, id), id, known,
                                     "; use " + or_list(names)));
}

std::vector<const rubric::Rubric*> Context::select_default(const std::vector<std::string>& option) {
    const auto chosen = settings::categories(settings(), option);
    if (chosen.source == settings::Source::file) {
        const auto known = catalog().ids();
        Diagnostics problems;
        for (const std::string& id : chosen.value) {
            if (catalog().find(id)) continue;
            Diagnostic d = settings().categories.place;
            d.message = with_suggestion(fmt::format("unknown rubric \"{}\" in \"categories\"", id),
                                        id, known);
            problems.push_back(std::move(d));
        }
        if (!problems.empty()) throw InvalidInput(std::move(problems));
    }
    return select(chosen.value);
}

std::vector<const rubric::Rubric*> Context::select(const std::vector<std::string>& categories) {
    const rubric::Catalog& all = catalog();
    std::vector<const rubric::Rubric*> chosen;
    if (categories.empty()) {
        for (const rubric::Rubric& rubric : all.rubrics) chosen.push_back(&rubric);
        return chosen;
    }
    for (const std::string& id : categories) {
        const rubric::Rubric* rubric = all.find(id);
        if (!rubric) unknown_rubric("category", id, all.ids());
        if (std::find(chosen.begin(), chosen.end(), rubric) == chosen.end())
            chosen.push_back(rubric);
    }
    return chosen;
}

bank::Drawn find_question(const rubric::Catalog& catalog, std::string_view reference) {
    const auto slash = reference.find('/');
    if (slash != std::string_view::npos) {
        const std::string_view rubric_id = reference.substr(0, slash);
        const rubric::Rubric* rubric = catalog.find(rubric_id);
        if (!rubric) unknown_rubric("category", rubric_id, catalog.ids());
        const std::string_view question_id = reference.substr(slash + 1);
        if (const rubric::Question* question = rubric->find_question(question_id))
            return {rubric, question};
        std::vector<std::string> ids;
        for (const auto& q : rubric->questions) ids.push_back(q.id);
        unknown_id(fmt::format("question in {}", rubric->id), question_id, ids);
    }
    std::vector<bank::Drawn> matches;
    std::vector<std::string> all_ids;
    for (const rubric::Rubric& rubric : catalog.rubrics) {
        for (const rubric::Question& question : rubric.questions) {
            all_ids.push_back(question.id);
            if (question.id == reference) matches.push_back({&rubric, &question});
        }
    }
    if (matches.size() == 1) return matches.front();
    if (matches.empty()) unknown_id("question", reference, all_ids);
    std::string names;
    for (const auto& match : matches) names += fmt::format(" {}/{}", match.rubric->id, reference);
    throw UsageError(
        fmt::format("question \"{}\" is in several rubrics; name one of:{}", reference, names));
}

} // namespace mockcoach::cli
