// Writing user files so that nothing is ever half-written or overwritten: a temp file in the
// same folder, fsync, rename into place (without replacing, where asked), fsync of the folder.
// As ccache's AtomicFile; every file mockcoach writes goes through here.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace mockcoach {

// Creates the folder if missing and proves it writable; throws IoError saying why not.
void prepare_folder(const std::filesystem::path& folder);

// Writes `bytes` as folder/name atomically; if that name exists, tries name-2, name-3, ...
// (suffix before the extension). Returns the path written. Throws IoError.
std::filesystem::path write_new_file(const std::filesystem::path& folder, std::string_view stem,
                                     std::string_view extension, std::string_view bytes);

// Writes `bytes` as exactly `path`, atomically, only if nothing has that name: returns false
// (having written nothing) when something has. Throws IoError.
bool write_file_if_new(const std::filesystem::path& path, std::string_view bytes);

// Replaces folder/name atomically (for files mockcoach owns, such as stories). Throws IoError.
void replace_file(const std::filesystem::path& path, std::string_view bytes);

// As replace_file, but asks `unchanged` after the new bytes are safely on disk and just before
// the rename: when it says no (the file was changed by someone else since it was read), the
// temp file is removed, nothing is replaced, and the result is false. Throws IoError.
bool replace_file_if(const std::filesystem::path& path, std::string_view bytes,
                     const std::function<bool()>& unchanged);

void fsync_folder(const std::filesystem::path& folder);

// Renames `temp` to `target` unless `target` exists (a dangling link counts): 0, or the errno
// (EEXIST when taken; `temp` is then left where it was). rename_flag uses renameat2's
// RENAME_NOREPLACE and falls back to reserve_name where the file system lacks it (NFS, SMB,
// some FUSE): the name taken with O_EXCL, then renamed over. Both are here for the tests.
enum class NoReplace { rename_flag, reserve_name };
int move_if_free(const std::filesystem::path& temp, const std::filesystem::path& target,
                 NoReplace how = NoReplace::rename_flag);

} // namespace mockcoach
