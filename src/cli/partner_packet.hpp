// `start --partner`: the interviewer's packet of the session's question, beside the session.
#pragma once

#include "bank/bank.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace mockcoach::cli {

// Writes folder/SESSION_ID.packet.html (atomically, never over a file; -2, -3, ... if the name
// is taken) with the follow-up times of `seed`, and returns its path. Throws IoError.
std::filesystem::path write_partner_packet(const std::filesystem::path& folder,
                                           const bank::Drawn& drawn, std::uint64_t seed,
                                           const std::string& session_id);

} // namespace mockcoach::cli
