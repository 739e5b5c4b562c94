// A small streaming JSON writer: keys stay in the order written, so output is stable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach {

class JsonWriter {
  public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(std::uint64_t number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    JsonWriter& value(const std::vector<std::string>& texts);
    JsonWriter& value(const std::vector<std::string_view>& texts);
    template <typename T> JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }
    template <typename T> JsonWriter& field(std::string_view name, const std::optional<T>& v) {
        key(name);
        return v ? value(*v) : null();
    }

    // The document, pretty-printed with two-space indents and a final newline.
    std::string str() const { return out_ + "\n"; }

  private:
    void before_value();
    void newline();
    void close(char bracket);
    std::string out_;
    std::vector<bool> first_; // per open container: nothing written in it yet
    bool after_key_ = false;
};

// A double-quoted string, its quotes, backslashes and control characters (DEL too) escaped: a JSON
// string and a TOML basic string alike, so the transcript and journal writers use it as well.
std::string json_quote(std::string_view text);

} // namespace mockcoach
