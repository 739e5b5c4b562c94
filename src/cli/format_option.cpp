// --format and its aliases.
#include "cli/format_option.hpp"

#include "cli/enum_option.hpp"

#include <algorithm>

namespace mockcoach::cli {

namespace {

CLI::Option* add_alias(CLI::App& command, OutputFormat& target, OutputFormat format) {
    const std::string name(output_format_names.name_of(format));
    return command.add_flag_callback(
        "--" + name, [&target, format] { target = format; }, "Same as --format " + name);
}

} // namespace

FormatOptions add_format_option(CLI::App& command, OutputFormat& target,
                                std::vector<OutputFormat> offered, const std::string& help,
                                bool aliases) {
    const auto offers = [&](OutputFormat format) {
        return std::find(offered.begin(), offered.end(), format) != offered.end();
    };
    FormatOptions added;
    added.format = add_enum_option(command, "--format", target, output_format_names, offered, help,
                                   "format", "FORMAT");
    if (!aliases) return added;
    if (offers(OutputFormat::json)) {
        added.json = add_alias(command, target, OutputFormat::json);
        added.json->excludes(added.format);
    }
    if (offers(OutputFormat::csv)) {
        added.csv = add_alias(command, target, OutputFormat::csv);
        added.csv->excludes(added.format);
        if (added.json) added.json->excludes(added.csv);
    }
    return added;
}

} // namespace mockcoach::cli
