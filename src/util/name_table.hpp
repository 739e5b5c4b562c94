// The one way to map an enum to the names a user types and reads ("ended-early", "virtual",
// "json") and back: a constexpr table per enum, so no switch or array is written by hand twice.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace mockcoach {

template <class E, std::size_t N> struct NameTable {
    std::array<std::pair<E, std::string_view>, N> entries;

    // Every value the table is built for has a name; one it was not built for (a cast from a
    // number read elsewhere) gets the first entry's, as the old switches fell back to a default.
    constexpr std::string_view name_of(E value) const {
        for (const auto& [known, name] : entries)
            if (known == value) return name;
        return entries.front().second;
    }

    // Exact names only: suggestions for a near miss are the caller's (util/suggest.hpp), since
    // only it knows what the word was for.
    constexpr std::optional<E> parse(std::string_view name) const {
        for (const auto& [value, known] : entries)
            if (known == name) return value;
        return std::nullopt;
    }

    constexpr std::array<std::string_view, N> names() const {
        std::array<std::string_view, N> all{};
        for (std::size_t i = 0; i < N; ++i) all[i] = entries[i].second;
        return all;
    }

    constexpr std::array<E, N> values() const {
        std::array<E, N> all{};
        for (std::size_t i = 0; i < N; ++i) all[i] = entries[i].first;
        return all;
    }
};

namespace detail {
// Called only when a table repeats a value or a name: not constexpr, so such a table does not
// compile (name_table is consteval) instead of picking one of the two at run time.
inline void name_table_has_a_duplicate() {}
} // namespace detail

// name_table<Status>({{Status::completed, "completed"}, {Status::ended_early, "ended-early"}}):
// the element type is named once and the size counted by the compiler.
template <class E, std::size_t N>
consteval NameTable<E, N> name_table(const std::pair<E, std::string_view> (&entries)[N]) {
    static_assert(N > 0, "a name table needs at least one entry");
    NameTable<E, N> table{};
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (entries[j].first == entries[i].first || entries[j].second == entries[i].second)
                detail::name_table_has_a_duplicate();
        table.entries[i] = entries[i];
    }
    return table;
}

} // namespace mockcoach
