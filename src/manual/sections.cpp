// The fixed sections of mockcoach(1), in roff: what the command tree cannot say about itself.
#include "manual/sections.hpp"

namespace mockcoach::manual {

std::string_view description_section() {
    return R"(.PP
A session shows the question, its category and the category's framework, then runs the
interview as timed phases, each with its checklist on screen; at the end you score yourself
against the rubric's criteria, write a short reflection, and the session is saved as a
transcript: a plain TOML file you can read, edit and keep.
.PP
mockcoach plays the interviewer: the question stays on screen in every phase; the question's
follow-ups are raised mid-phase at moments drawn from the session's seed (within the middle half
of the phase's budget, at least 90 seconds apart, never in overtime) and shown, with the bell,
as the interviewer's question; the digit keys (scripted:
.BI check " N" )
tick the phase's prompts as you cover them; and before the scores you check your answer against
the question's key points, each covered, partly or missed
.RB ( y ,
.BR p ,
.BR n ;
scripted:
.BI point " N covered|partly|missed" ).
Scripted mode prints each follow-up as
.B interviewer (PHASE, MM:SS): TEXT
at its time.
With
.B \-\-voice
the interviewer speaks through
.BR espeak\-ng (1)
or the settings'
.BR voice_command .
.B stats
and
.B report
show the key points and prompts you keep missing.
.PP
To practise with a partner who plays the interviewer,
.B mockcoach packet
writes the interviewer's packet of a question: one self\-contained HTML page (or
.BR "\-\-format markdown" )
that says how to run the interview and holds the question, the phases with their budgets and
prompts, the follow\-ups and when to ask them, the key points a strong answer covers, each
criterion with its anchors, and a score sheet; it prints on paper with no table cut across
pages.
With
.BI \-\-seed " N"
(and no question) it is the question
.BI "start \-\-seed" " N"
draws, and each follow\-up's time is the second that session raises it; without a seed the
packet gives each follow\-up's window (the middle half of its phase).
The packet names the
.BI "start \-\-question" " RUBRIC/ID " \-\-seed " N"
line that runs its question with its follow\-up times.
.B start \-\-partner
writes the packet of its session beside it, as
.IR SESSIONS/ID.packet.html ,
and prints
.B interviewer's packet: PATH
before the plan (the live plan screen shows it too); a session cancelled before its clock starts
removes it again.
.PP
With
.B \-\-scratch
(or
.B scratch = true
in the settings),
.B start
and
.B star
create an empty scratchpad,
.IR SESSIONS/ID.scratch.txt ,
and show its path on the plan screen (scripted:
.BR "scratch: PATH" ),
for code, a schema or estimates written in your own editor in another terminal; mockcoach never
opens an editor.
At the end of each phase and of the session its text is read and, when it changed, journalled,
so
.B kill \-9
keeps the last snapshot and
.B recover
puts it in the transcript.
The transcript keeps the last text and when each snapshot was taken;
.B show
prints it.
At most its first 256 KiB are kept (a line says so when the file is larger); control
characters and invalid UTF\-8 are kept as U+FFFD.
The file itself is never changed; it stays after the session, unless nothing was ever written
in it (an empty pad is removed).
.PP
.B mockcoach score
.I SESSION
.BI \-\-by " NAME"
records the partner's scores for a finished session as a review: asked criterion by criterion
at a terminal, or given as
.BI \-\-criterion " ID=VALUE"
(1 to 5),
.BI \-\-key\-point " N=covered|partly|missed"
and
.BI \-\-comment " TEXT" .
.I SESSION
is
.BR latest ,
a transcript file, a session id, or a part of one that matches no other session (a write never
guesses between several).
Each review is a
.B [[review]]
table appended to the session's transcript (format 3), written through a temporary file and a
rename (the file keeps its permissions, and a symbolic link is written through), never touching
the candidate's own scores; several are kept, in order.
.B show
lists each reviewer's scores in a column beside yours;
.B stats
and
.B report
compare them: per criterion and per category, your mean self\-score against your reviewers'
mean for the same sessions, and the difference (positive when you score yourself higher).
.PP
.B mockcoach star
rehearses a behavioral answer in STAR form (Situation, Task, Action, Result) and keeps it in
your story bank.
.BR history ,
.BR show ,
.B stats
and
.B export
read the transcripts back; the adaptive draw leans toward what they say you need.
Every scored session is also a review of its question for spaced repetition (FSRS\-5, as
Anki schedules cards):
.B mockcoach due
lists the questions due for review, the most likely forgotten first, and
.B start \-\-due
(or
.BR "star \-\-due" )
runs that one.
The desired recall when a question comes due is the setting
.B retention
(default 0.9).
.PP
.B mockcoach loop
runs a whole onsite day from a profile with rounds (default
.BR ml\-engineer\-onsite ):
the day's questions are drawn at once from its seed, each question is a session of its own
(its phases scaled to its share of the round, its transcript naming the
.BR loop ,
.B round
and
.BR rounds ),
and a break with a countdown follows each round but the last (Enter or
.B s
skips it,
.B q
stops the day; scripted:
.BR skip ,
.BI wait " SECONDS"
or
.BR quit ).
Killed or stopped, the day goes on with
.BR "mockcoach loop \-\-resume" :
a question interrupted mid-round is asked again from the start (its interrupted transcript is
kept), finished rounds are never touched.
.B history \-\-loop
groups the sessions by day, and
.B show
\fILOOP_ID\fR prints the day's summary.
.PP
Run with no command, it prints its help.
When standard input is not a terminal (or with
.BR \-\-script ),
.BR start ,
.B star
and
.B loop
read one command per line instead of keys, and print plain lines.
Options may come before or after the command's name; global options
.RB ( \-\-rubrics )
also after the command.
)";
}

std::string_view trailing_sections() {
    return R"(.SH FILES
.TP
.I rubrics/*.toml
The 18 shipped rubrics (interview categories with their phases, criteria and questions) are
compiled into the binary; no data file is needed.
Copies are installed as examples in
.I share/doc/mockcoach/examples/rubrics/
under the install prefix
.RI ( /usr
for the Debian package).
.TP
.I $XDG_CONFIG_HOME/mockcoach/rubrics/*.toml
Your rubrics and question files (default
.IR ~/.config/mockcoach/rubrics ).
A rubric with the id of a shipped one replaces it; a file with
.B rubric = \(dqID\(dq
and
.B [[question]]
tables adds questions to that rubric.
Files given with
.B \-\-rubrics
\fIPATH\fR are loaded last and win.
Check them with
.BR "mockcoach rubrics validate" .
.TP
.I $XDG_CONFIG_HOME/mockcoach/profiles/NAME.toml
Your draw profiles (default
.IR ~/.config/mockcoach/profiles ):
.B [weights]
(a weight per category),
.B [tag_weights]
(question weights multiplied by tag) and
.B [[round]]
sections (a whole interview day); one named as a shipped profile replaces it.
Use one with
.BR "\-\-profile NAME" ;
list them with
.BR "mockcoach profiles" ,
check them with
.BR "mockcoach profiles validate" .
.TP
.I $XDG_CONFIG_HOME/mockcoach/config.toml
Settings (default
.IR ~/.config/mockcoach/config.toml ):
top-level keys
.B sessions
(a folder; a leading ~/ is your home, and a relative one is read from the settings file's
folder),
.BR bell ,
.BR auto_advance ,
.B adaptive
(true or false),
.B adaptive_strength
(0 to 3, default 1: how far the adaptive draw leans; 0 is the plain draw),
.B retention
(0.70 to 0.99, default 0.9: the chance of recall a question should still have when spaced
repetition brings it due),
.B colour
(auto, always or never),
.B star_seconds
(20 to 3600, the STAR answer's total as given),
.B star_typing_wpm
(10 to 150, default 40: a typed STAR answer gets the rubric's spoken budgets
\(mu 150 / this, since they are for speaking at about 150 words a minute) and
.B categories
(rubric ids),
.B followups
(true or false, default true: the interviewer's follow-ups mid-phase),
.B voice
(true or false, default false),
.B voice_command
(the command that speaks, default
.BR "espeak\-ng \-\-stdin" ;
run by
.B /bin/sh \-c
with the text on its standard input; a missing one is refused before the clock starts) and
.B scratch
(true or false, default false: a scratchpad beside each session), and
commands to run under
.BR [hooks] :
.B phase_end
(a phase's budget runs out),
.B overtime
(the phase goes on past its budget, without
.BR \-\-auto\-advance ),
.B session_end
(the transcript is saved), and
.B timeout
(seconds, default 10, after which a hook is killed).
A hook runs in the background with the session's details in its environment (see
.BR ENVIRONMENT )
and its output appended to
.IR $XDG_CACHE_HOME/mockcoach/hooks.log ;
a failing hook is reported once, after the session.
Options win over the environment, the environment over this file.
.B mockcoach config
shows each setting in force and where it came from.
Mistakes are reported as
.I FILE:LINE:COLUMN
and stop every command (exit status 2).
.TP
.I sessions folder
Transcripts (one
.I *.toml
file per session, never overwritten) and the journals of running sessions
.RI ( ID.journal ,
removed once the transcript is saved), the interviewer's packets of
.B start \-\-partner
.RI ( ID.packet.html ),
and the scratchpads of
.B \-\-scratch
.RI ( ID.scratch.txt ,
yours: never changed or removed once they hold text).
It is
.B \-\-sessions\-dir
\fIDIR\fR, else
.BR $MOCKCOACH_SESSIONS ,
else
.B sessions
in the settings, else
.I $XDG_DATA_HOME/mockcoach/sessions
(default
.IR ~/.local/share/mockcoach/sessions ).
.TP
.I SESSIONS/loops/LOOP_ID.toml
An onsite day's plan and progress, saved after every change so that
.B loop \-\-resume
goes on where it stopped; the rounds' transcripts are the record.
.TP
.I SESSIONS/stories/*.toml
The story bank: one file per story, holding its name and themes; its text and rehearsals are
the transcripts that name it.
.TP
.I $XDG_DATA_HOME/mockcoach/reports/report\-DATE.html
What
.B mockcoach report
writes without
.B \-\-out
(default
.IR ~/.local/share/mockcoach/reports );
an existing report is never overwritten: a second one that day gets a number.
.TP
.I $XDG_CACHE_HOME/mockcoach/index/sessions\-HASH.toml
The history index (default under
.IR ~/.cache/mockcoach ):
a summary of each transcript, one file per sessions folder, so that
.BR history ,
.BR stats ,
.B due
and the adaptive draw need not read every transcript each time.
It is a cache: safe to delete, rebuilt when missing or stale.
.SH ENVIRONMENT
.TP
.B MOCKCOACH_SESSIONS
The sessions folder, when
.B \-\-sessions\-dir
is not given (it wins over the settings file).
.TP
.B MOCKCOACH_ADAPTIVE
When
.BR 1 ,
.B start
and
.B draw
use the adaptive draw by default
.RB ( \-\-no\-adaptive
overrides it); when
.BR 0 ,
they do not, whatever the settings file says.
Any other value is an error (exit status 2).
.TP
.BR XDG_CONFIG_HOME ", " XDG_DATA_HOME ", " XDG_CACHE_HOME
Where your rubrics and settings, your sessions, and the history index live (defaults
.IR ~/.config ,
.IR ~/.local/share ,
.IR ~/.cache ;
relative values are ignored).
.TP
.B HOME
The base of those defaults.
.TP
.B NO_COLOR
When set to anything but the empty string, no colour is used.
Otherwise colour is used on a terminal whose
.B TERM
is not
.BR dumb ,
or everywhere with
.B colour = \(dqalways\(dq
in the settings file.
.TP
.B TERM
A
.B dumb
terminal gets no colour.
.PP
Hooks (see
.BR FILES )
receive these variables:
.TP
.B MOCKCOACH_EVENT
.BR phase_end ,
.B overtime
or
.BR session_end .
.TP
.B MOCKCOACH_RUBRIC
The rubric's id, such as
.BR system\-design .
.TP
.B MOCKCOACH_QUESTION_ID
The question's id.
.TP
.B MOCKCOACH_PHASE
The phase's name.
.TP
.B MOCKCOACH_PHASE_INDEX
The phase's place in the session, from 1.
.TP
.B MOCKCOACH_BUDGET_SECONDS
The phase's budget, in seconds.
.TP
.B MOCKCOACH_USED_SECONDS
The time used in the phase so far, in seconds.
.TP
.B MOCKCOACH_TRANSCRIPT
The transcript's path (for
.BR session_end ).
.SH EXIT STATUS
.TP
.B 0
Success, including an empty sessions folder and a session cut short with
.BR q .
.TP
.B 1
A runtime failure, such as a sessions folder that cannot be written or another I/O error,
printed as
.IR "mockcoach: error: MESSAGE" .
A line
.I mockcoach: MESSAGE
without
.I error:
is a note on a command that goes on.
.TP
.B 2
Bad usage or invalid input: an unknown option, command or id, a number out of its range, an
unreadable date, a bad line in a script, rubric files with errors for
.BR "rubrics validate" ,
files that are not transcripts with
.BR \-\-strict .
The reason is printed as one line,
.IR "mockcoach: error: MESSAGE" ,
or as
.I FILE:LINE:COLUMN: error: MESSAGE
for each problem in a file.
.TP
.B 128+N
After signal
.I N
(SIGTERM, SIGHUP, or SIGINT in scripted mode), once the interrupted session's transcript is
saved.
.SH EXAMPLES
.TP
.B mockcoach start
A mock interview, the question drawn by weight.
.TP
.B mockcoach start \-\-category system\-design \-\-auto\-advance
A system design interview that moves on when each phase's budget runs out.
.TP
.B mockcoach star \-\-story \(dqchurn model\(dq
Rehearse a saved story again.
.TP
.B mockcoach draw \-\-count 5 \-\-adaptive
Five questions to think about, leaning toward your weak spots.
.TP
.B mockcoach stats \-\-since 4w
What to practise next, from the last four weeks.
.TP
.B mockcoach loop
A whole ML engineer onsite: four rounds with breaks, then the day's summary.
.TP
.B mockcoach loop \-\-resume
Go on with the day where a kill or a signal stopped it.
.TP
.B mockcoach due \-\-days 14
The questions due for review now and in the next two weeks.
.TP
.B mockcoach start \-\-due
The question you are most likely to have forgotten, as an interview.
.TP
.B mockcoach show latest \-\-format markdown > notes.md
The last session's transcript, for a partner.
.TP
.B mockcoach rubrics validate ~/.config/mockcoach/rubrics
Check your own rubric and question files.
.TP
.B printf \(aqnote clarify scale\enwait 300\ennext\en\(aq | mockcoach start \-\-question url\-shortener \-\-clock virtual
A scripted session: instant with the virtual clock.
.TP
.B source <(mockcoach completion bash)
Tab completion in the current bash (installed packages set it up for bash, zsh and fish).
.SH SEE ALSO
The README in
.I share/doc/mockcoach/
under the install prefix
.RI ( /usr/share/doc/mockcoach/
from the Debian package), with the rubric and transcript formats in full.
)";
}

} // namespace mockcoach::manual
