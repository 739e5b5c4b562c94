// The live screens as text: pure functions from the session's state to the lines of a frame,
// so every screen is testable without a terminal. compose() turns lines into the bytes that
// repaint the terminal in place (home, each line cleared to its end), which does not flicker.
#pragma once

#include "live/layout.hpp"
#include "session/engine.hpp"
#include "term/terminal.hpp"
#include "util/style.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mockcoach::live {

// The terminal primitives the screens are drawn for.
using term::Key;
using term::KeyDecoder;
using term::RawTerminal;
using term::Size;

// What the screen shows besides the engine's state.
struct View {
    Size size;
    Colour colour = Colour::plain;
    bool help = false;
    bool whole_question = false; // `w`: the question whole on a running phase's screen
    // The interviewer's follow-up on show: kept until the next one, the end of its phase, or `x`.
    std::optional<session::RaisedProbe> probe;
    std::optional<std::string> draft; // a note (or reflection line) being typed
    std::string message;              // one line of feedback ("note saved", errors)
    std::string scratch;              // the scratchpad's path for the plan screens; "" for none
    std::string packet;               // the interviewer's packet's path for the plan; "" for none
    std::string place; // where a loop's session stands ("round 2/4 · q 1/2"); "" outside one
};

// " · round 2/4 · q 1/2" for a question in a loop (its question only when its round asks
// several), "" outside one: what the plan and phase screens' first line adds.
std::string place_suffix(const View& view);

// "HEAD: PATH" ("Scratchpad: PATH"), with the start of the path given up ("…/NAME") when it is
// too wide, so that the file's name stays.
std::string path_line(std::string_view head, std::string_view path, std::size_t width);
std::string scratch_line(std::string_view path, std::size_t width);

// "05:00" in a five-row block font, or one line when the terminal is too narrow.
Lines big_text(std::string_view text, std::size_t max_width);

// Before the clock starts: the question, and (unless hidden for --blind) its category, what
// is being tested, the phase plan and the tip.
Lines plan_screen(const session::Plan& plan, bool show_category, const View& view);
// --blind: the question and the frameworks to pick from, numbered from 1.
Lines pick_screen(const session::Plan& plan, const std::vector<std::string>& choices,
                  const View& view);
// A running phase: its clock, the question, the interviewer's follow-up, the prompts (or the key
// help), the notes count and the keys, fitted to the rows in the order written at its code.
Lines phase_screen(const session::Engine& engine, const View& view);
// Where the top of a running screen's parts fall in the screen's give-up order.
struct TopRanks {
    Rank spacer;
    Rank big_clock; // given up, the time left shows on one line
    Rank session_bar;
    Rank phase_bar;
};
// The top of a running phase's screen, shared with the STAR screens: "RUBRIC · phase 2/4"
// (`part_word` names the unit), the phase's name, the time left (in large digits while they
// fit, else on one line with its budget), the phase and session bars.
void add_phase_top(Layout& layout, const session::Engine& engine, const View& view,
                   std::string_view part_word, const TopRanks& ranks);
// The question, wrapped and indented: its first two lines never given up, the rest at `rest`.
TextParts add_question(Layout& layout, const session::Plan& plan, const View& view, Rank rest);
// The interviewer's follow-up on show (view.probe), while its phase runs: "Interviewer: TEXT",
// its first two lines kept always and the rest at `rest`; empty parts when there is none.
TextParts add_probe(Layout& layout, const session::Engine& engine, const View& view, Rank rest);
// After the layout is fitted: marks a cut follow-up and styles it (styled only then: the cut
// measures plain text).
void finish_probe(Layout& layout, const TextParts& probe, const View& view);
// The dimmed key help line: `full` when it fits the width, else `short_form`, cut to fit.
std::string key_help(const View& view, std::string_view full, std::string_view short_form);
// After the phases, when the question has key points: key point `index` (from 0), how many are
// left to check, its mark so far, and the keys y, p and n.
Lines key_point_screen(const session::Engine& engine, std::size_t index, const View& view);
// "Key points: 3 covered · 1 partly · 2 missed" (and how many are not checked, if any).
std::string key_point_tally(const session::Engine& engine);
// The next criterion to score with what its levels mean, and the key-point tally.
Lines scoring_screen(const session::Engine& engine, const View& view);
Lines reflection_screen(const session::Engine& engine, const View& view);

std::string compose(const Lines& lines, Size size);

} // namespace mockcoach::live
