// --out FILE [--force]: refused early when FILE exists, and again when the file takes its name.
#include "cli/out_file.hpp"

#include "util/atomic_file.hpp"
#include "util/errors.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

[[noreturn]] void refuse(const std::string& path) {
    throw UsageError(
        fmt::format("{} exists; choose another --out, or add --force to replace it", path));
}

} // namespace

void add_out_options(CLI::App& command, OutFile& out, const std::string& help) {
    auto* option = command.add_option("-o,--out", out.path, help)->type_name("FILE");
    command.add_flag("--force", out.force, "Replace FILE if it exists")->needs(option);
}

void refuse_existing(const OutFile& out) {
    if (out.path && out.path->empty()) throw UsageError("--out needs a file name");
    std::error_code ignored;
    if (out.path && !out.force &&
        std::filesystem::symlink_status(*out.path, ignored).type() !=
            std::filesystem::file_type::not_found)
        refuse(*out.path);
}

void write_out_file(const OutFile& out, std::string_view bytes) {
    if (out.force)
        replace_file(*out.path, bytes);
    else if (!write_file_if_new(*out.path, bytes))
        refuse(*out.path);
}

} // namespace mockcoach::cli
