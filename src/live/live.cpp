// The live loop: waits with ppoll() on the keyboard and the signal pipe until the next whole
// second of the phase, so it wakes once a second and otherwise sleeps.
#include "live/live.hpp"

#include "live/screen.hpp"
#include "live/star_screen.hpp"
#include "star/star.hpp"
#include "util/errors.hpp"

#include <cerrno>
#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

namespace mockcoach::live {
namespace {

using session::EventKind;
using session::Millis;
using session::Stage;

enum class Screen { plan, pick, running, words, checks, points, scoring, reflection, story };

class Loop {
  public:
    Loop(session::Driver& driver, RawTerminal& terminal, SignalWatch& signals, int input_fd,
         const LiveOptions& options)
        : driver_(driver), recorder_(driver.recorder()), engine_(driver.engine()),
          terminal_(terminal), signals_(signals), input_(input_fd), options_(options),
          story_form_(options.themes) {
        screen_ = engine_.plan().blind ? Screen::pick : Screen::plan;
        if (screen_ == Screen::pick) view_.draft = "";
    }

    session::Ended run() {
        for (;;) {
            // A resize needs nothing more: the repaint below reads the new size.
            if (const int signal = signals_.take().ending) return stop(signal);
            apply(recorder_.tick());
            if (engine_.stage() == Stage::done) return driver_.end();
            if (engine_.stage() == Stage::scoring && screen_ == Screen::running) enter_scoring();
            paint();
            if (!wait_for_input()) return stop(SIGHUP); // the terminal went away
            if (done_) return driver_.end();
        }
    }

  private:
    session::Ended stop(int signal) {
        // A STAR line typed but not yet entered is part of the answer: keep it.
        if (star() && screen_ == Screen::running && engine_.stage() == Stage::running) say_line();
        if (screen_ == Screen::words) words_line();
        return driver_.stop(signal);
    }

    // A budget running out rings the bell, and so does the interviewer raising a follow-up,
    // which stays on screen until the next one, the end of its phase, or `x`. The clock runs on.
    void apply(const session::Effects& effects) {
        const bool probe = !effects.probes.empty();
        if ((effects.bell() || probe) && options_.bell) terminal_.write("\a");
        if (effects.bell()) view_.message.clear();
        for (const std::string& notice : recorder_.take_notices()) view_.message = notice;
        if (probe) view_.probe = effects.probes.back();
        if (effects.phase_changed && view_.probe && view_.probe->phase != engine_.phase_index())
            view_.probe.reset();
    }

    // STAR answers show the interviewer's checks before the self-scores, so that they can
    // inform them; a spoken answer first gets its few words per part, which the checks read.
    // A question with key points has them checked first, one at a time.
    void enter_scoring() {
        if (star() && screen_ == Screen::running) {
            view_.help = false;
            view_.message.clear();
            if (aloud()) {
                screen_ = Screen::words;
                words_part_ = 0;
                view_.draft = "";
                return;
            }
            return enter_checks();
        }
        check_points();
    }

    // The question's key points, one at a time, when it has any; then the scores. A STAR
    // answer comes here after the interviewer's checks.
    void check_points() {
        if (!engine_.plan().key_points.empty()) {
            screen_ = Screen::points;
            point_ = engine_.next_unchecked_point().value_or(0);
            view_.draft.reset();
            view_.help = false;
            view_.message.clear();
            return;
        }
        begin_scoring();
    }

    void begin_scoring() {
        screen_ = Screen::scoring;
        view_.draft.reset();
        view_.help = false;
        view_.message.clear();
        if (!engine_.next_unscored()) enter_reflection();
    }

    void enter_reflection() {
        screen_ = Screen::reflection;
        view_.draft = "";
        view_.message.clear();
    }

    // After the reflection, a STAR rehearsal not yet of a story offers to save one.
    void reflection_done() {
        if (star() && !options_.story && driver_.saves_stories())
            screen_ = Screen::story;
        else
            done_ = true;
    }

    bool star() const { return options_.mode == LiveMode::star; }
    bool aloud() const { return star() && options_.delivery == session::Delivery::aloud; }

    void enter_checks() {
        checks_ = star::check_answer(engine_, recorder_.meta());
        screen_ = Screen::checks;
        view_.draft.reset();
    }

    void paint() {
        view_.size = terminal_.size();
        view_.colour = options_.colour;
        view_.scratch = options_.scratch;
        view_.packet = options_.packet;
        view_.place = options_.place;
        Lines lines;
        switch (screen_) {
        case Screen::plan:
            lines = star() ? star_plan_screen(engine_.plan(), options_.story, view_,
                                              {options_.delivery, options_.budget_rule})
                           : plan_screen(engine_.plan(), !engine_.plan().blind || engine_.guess(),
                                         view_);
            break;
        case Screen::pick:
            lines = pick_screen(engine_.plan(), choice_names(), view_);
            break;
        case Screen::running:
            lines = star() ? star_part_screen(engine_, view_, options_.delivery)
                           : phase_screen(engine_, view_);
            break;
        case Screen::words:
            lines = star_words_screen(engine_, words_part_, view_);
            break;
        case Screen::checks:
            lines = star_checks_screen(checks_, view_);
            break;
        case Screen::points:
            lines = key_point_screen(engine_, point_, view_);
            break;
        case Screen::scoring:
            lines = scoring_screen(engine_, view_);
            break;
        case Screen::reflection:
            lines = reflection_screen(engine_, view_);
            break;
        case Screen::story:
            lines = story_screen(story_form_, view_);
            break;
        }
        terminal_.write(compose(lines, view_.size));
    }

    std::vector<std::string> choice_names() const {
        std::vector<std::string> names;
        for (const auto& [id, name] : options_.choices) names.push_back(name);
        return names;
    }

    // Sleeps until a key, a signal, or the next whole second of the running phase (or of a
    // running hook's time).
    bool wait_for_input() {
        pollfd fds[2] = {{input_, POLLIN, 0}, {signals_.fd(), POLLIN, 0}};
        timespec timeout{};
        timespec* timeout_pointer = nullptr;
        if (engine_.stage() == Stage::running && !engine_.paused()) {
            const Millis used = engine_.used(engine_.phase_index());
            const Millis next = engine_.now() + (1000 - used % 1000);
            const auto left =
                recorder_.clock().real_deadline(next) - std::chrono::steady_clock::now();
            const auto nanos = std::max<long long>(
                0, std::chrono::duration_cast<std::chrono::nanoseconds>(left).count());
            timeout.tv_sec = static_cast<time_t>(nanos / 1'000'000'000);
            timeout.tv_nsec = static_cast<long>(nanos % 1'000'000'000);
            timeout_pointer = &timeout;
        } else if (recorder_.observer_busy()) {
            // Paused or scoring, with a hook still running: wake once a second so that its
            // timeout is kept even if no key comes.
            timeout.tv_sec = 1;
            timeout_pointer = &timeout;
        }
        const int ready = ::ppoll(fds, 2, timeout_pointer, nullptr);
        if (ready <= 0) return true; // the deadline, or a signal (handled at the loop's top)
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            char buffer[256];
            const ssize_t got = ::read(input_, buffer, sizeof buffer);
            if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) return false;
            if (got > 0) decoder_.feed(std::string_view(buffer, static_cast<std::size_t>(got)));
            while (auto key = decoder_.next()) on_key(*key);
        }
        return true;
    }

    void submit(EventKind kind, std::string text = {}, std::int64_t number = 0) {
        const auto outcome = recorder_.submit(kind, std::move(text), number);
        if (!outcome.accepted()) view_.message = outcome.error;
        apply(outcome.effects);
    }

    bool edit(const Key& key) { return edit_line(*view_.draft, key); }

    void on_key(const Key& key) {
        switch (screen_) {
        case Screen::plan:
            return on_plan_key(key);
        case Screen::pick:
            return on_pick_key(key);
        case Screen::running:
            return on_running_key(key);
        case Screen::words:
            return on_words_key(key);
        case Screen::checks:
            return on_checks_key(key);
        case Screen::points:
            return on_point_key(key);
        case Screen::scoring:
            return on_scoring_key(key);
        case Screen::reflection:
            return on_reflection_key(key);
        case Screen::story:
            return on_story_key(key);
        }
    }

    void on_plan_key(const Key& key) {
        if (key.type == Key::Type::enter) {
            submit(EventKind::start);
            if (engine_.stage() == Stage::running) {
                screen_ = Screen::running;
                view_.message.clear();
                if (star() && !aloud()) view_.draft = ""; // the editor's line
            }
        } else if (key.type == Key::Type::ctrl_c || key.text == "q") {
            done_ = true;
        }
    }

    void on_pick_key(const Key& key) {
        if (key.type == Key::Type::ctrl_c || key.text == "q") {
            done_ = true;
        } else if (key.type == Key::Type::enter) {
            std::size_t number = 0;
            for (char c : *view_.draft) number = number * 10 + static_cast<std::size_t>(c - '0');
            if (number < 1 || number > options_.choices.size()) {
                view_.message = fmt::format("type a number from 1 to {}", options_.choices.size());
                view_.draft = "";
                return;
            }
            const auto& [id, name] = options_.choices[number - 1];
            submit(EventKind::guess, id);
            // A framework the question also fits is as right as its own (Plan::also).
            const auto& plan = engine_.plan();
            view_.message =
                id == plan.rubric_id ? fmt::format("Right: this is {}.", plan.rubric_name)
                : plan.accepts_guess(id)
                    ? fmt::format("Right: {} fits too; this runs as {}.", name, plan.rubric_name)
                    : fmt::format("You named {}; this is {}.", name, plan.rubric_name);
            view_.draft.reset();
            screen_ = Screen::plan;
        } else if (key.type == Key::Type::character && key.text[0] >= '0' && key.text[0] <= '9' &&
                   view_.draft->size() < 3) {
            *view_.draft += key.text;
        } else if (key.type == Key::Type::backspace && !view_.draft->empty()) {
            view_.draft->pop_back();
        }
    }

    void on_running_key(const Key& key) {
        if (star()) return on_star_key(key);
        if (view_.draft) {
            if (key.type == Key::Type::enter) {
                if (!view_.draft->empty()) {
                    submit(EventKind::note, *view_.draft);
                    view_.message = "note saved";
                }
                view_.draft.reset();
            } else if (key.type == Key::Type::escape || key.type == Key::Type::ctrl_c) {
                view_.draft.reset();
            } else {
                edit(key);
            }
            return;
        }
        view_.message.clear();
        if (key.type == Key::Type::ctrl_c || key.text == "q")
            submit(EventKind::quit);
        else if (key.text == " ")
            submit(engine_.paused() ? EventKind::resume : EventKind::pause);
        else if (key.text == "n")
            submit(EventKind::next);
        else if (key.text == "+")
            submit(EventKind::extend, {}, 60'000);
        else if (key.text == "e")
            view_.draft = "";
        else if (key.type == Key::Type::character && key.text.size() == 1 && key.text[0] >= '1' &&
                 key.text[0] <= '9') // ticks (or unticks) a prompt: its number, from 1
            submit(EventKind::check, {}, key.text[0] - '1');
        else if (key.text == "w")
            view_.whole_question = !view_.whole_question;
        else if (key.text == "x")
            view_.probe.reset();
        else if (key.text == "?")
            view_.help = !view_.help;
        else if (key.type == Key::Type::escape)
            view_.help = false;
        if (engine_.stage() == Stage::scoring) enter_scoring();
    }

    // Star mode: letters type what you would say, so the commands are keys that do not type.
    // Spoken, nothing types: Enter and letters do nothing, the same keys move on.
    void on_star_key(const Key& key) {
        view_.message.clear();
        switch (key.type) {
        case Key::Type::enter:
            if (!aloud()) say_line();
            break;
        case Key::Type::tab:
            say_line();
            submit(EventKind::next);
            break;
        case Key::Type::escape:
        case Key::Type::ctrl_c:
            say_line();
            submit(EventKind::quit);
            break;
        case Key::Type::control:
            if (key.text == "p") submit(engine_.paused() ? EventKind::resume : EventKind::pause);
            if (key.text == "e") submit(EventKind::extend, {}, 60'000);
            break;
        default:
            if (!aloud()) edit(key);
        }
        if (engine_.stage() == Stage::scoring) enter_scoring();
    }

    // A spoken answer's words, part by part, once the clock has stopped.
    void on_words_key(const Key& key) {
        view_.message.clear();
        switch (key.type) {
        case Key::Type::enter:
            return words_line();
        case Key::Type::tab:
            words_line();
            if (++words_part_ >= engine_.plan().phases.size()) enter_checks();
            return;
        case Key::Type::escape:
        case Key::Type::ctrl_c:
            words_line();
            return enter_checks();
        default:
            edit(key);
        }
    }

    void words_line() {
        if (view_.draft && !view_.draft->empty())
            submit(EventKind::words, *view_.draft, static_cast<std::int64_t>(words_part_));
        view_.draft = "";
    }

    void on_checks_key(const Key& key) {
        if (key.type == Key::Type::enter || key.type == Key::Type::escape ||
            key.type == Key::Type::ctrl_c || key.text == "q" || key.text == " ") {
            check_points();
        }
    }

    // The line being typed joins the part's text (journaled, so a kill loses none of it).
    void say_line() {
        if (view_.draft && !view_.draft->empty()) submit(EventKind::say, *view_.draft);
        view_.draft = "";
    }

    void on_story_key(const Key& key) {
        const StoryForm::Outcome outcome = story_form_.key(key);
        if (outcome.kind == StoryForm::Outcome::Kind::skip) {
            done_ = true;
        } else if (outcome.kind == StoryForm::Outcome::Kind::save) {
            // On the terminal a failed write is shown in the form, so the answer can still be
            // saved as a transcript without the story.
            std::string problem;
            try {
                problem = driver_.save_story(outcome.story);
            } catch (const IoError& e) {
                problem = e.what();
            }
            if (!problem.empty()) return story_form_.refused(std::move(problem));
            done_ = true;
        }
    }

    // y, p and n mark the key point and go on to the next; Backspace goes back to the one
    // before (marking it again replaces its mark), Enter goes on leaving it as it is, and q
    // goes to the scores, leaving the rest unchecked.
    void on_point_key(const Key& key) {
        view_.message.clear();
        const std::size_t count = engine_.plan().key_points.size();
        static constexpr std::pair<std::string_view, std::string_view> marks[] = {
            {"y", "covered"}, {"p", "partly"}, {"n", "missed"}};
        for (const auto& [letter, coverage] : marks)
            if (key.text == letter) {
                submit(EventKind::point, std::string(coverage), static_cast<std::int64_t>(point_));
                if (view_.message.empty() && ++point_ >= count) begin_scoring();
                return;
            }
        if (key.type == Key::Type::backspace) {
            if (point_ > 0) --point_;
        } else if (key.type == Key::Type::enter) {
            if (++point_ >= count) begin_scoring();
        } else if (key.text == "q" || key.type == Key::Type::ctrl_c) {
            begin_scoring();
        }
    }

    void on_scoring_key(const Key& key) {
        const session::CriterionPlan* criterion = engine_.next_unscored();
        if (!criterion) return enter_reflection();
        if (key.type == Key::Type::character && key.text[0] >= '1' && key.text[0] <= '5')
            submit(EventKind::score, criterion->id, key.text[0] - '0');
        else if (key.text == "s")
            submit(EventKind::skip, criterion->id);
        else if (key.text == "q" || key.type == Key::Type::ctrl_c)
            return enter_reflection();
        if (!engine_.next_unscored()) enter_reflection();
    }

    void on_reflection_key(const Key& key) {
        if (key.type == Key::Type::enter) {
            if (view_.draft->empty()) return reflection_done();
            submit(EventKind::reflect, *view_.draft);
            view_.draft = "";
        } else if (key.type == Key::Type::ctrl_c || key.type == Key::Type::ctrl_d ||
                   key.type == Key::Type::escape) {
            if (!view_.draft->empty()) submit(EventKind::reflect, *view_.draft);
            reflection_done();
        } else {
            edit(key);
        }
    }

    session::Driver& driver_;
    session::Recorder& recorder_;
    const session::Engine& engine_;
    RawTerminal& terminal_;
    SignalWatch& signals_;
    int input_;
    const LiveOptions& options_;
    Screen screen_;
    View view_;
    KeyDecoder decoder_;
    StoryForm story_form_;
    std::size_t words_part_ = 0;
    std::size_t point_ = 0; // the key point on screen
    std::vector<star::Check> checks_;
    bool done_ = false;
};

} // namespace

session::Ended run_live(session::Driver& driver, RawTerminal& terminal, SignalWatch& signals,
                        int input_fd, const LiveOptions& options) {
    return Loop(driver, terminal, signals, input_fd, options).run();
}

} // namespace mockcoach::live
