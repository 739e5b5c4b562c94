// bench/startup's timer: runs each command RUNS times, paired (every round runs all of them,
// starting from a different one each round, so a busy moment hits them alike), and prints each
// command's median CPU time (user + system, from wait4) and wall time, and the median over the
// rounds of its CPU time divided by that of its group's first command in the same round.
//
// Usage: startup_measure RUNS COMMAND ARGS... [::: COMMAND ARGS...]... [:::: COMMAND ARGS...]...
// `:::` adds a command to the group, `::::` starts a new group (whose first command is the one
// its ratios are against). Standard input, output and error are /dev/null; a command that
// fails stops the run.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct Sample {
    double cpu_ms = 0;
    double wall_ms = 0;
};

double ms_of(const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
}

Sample run_once(const std::vector<char*>& argv) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child < 0) {
        fmt::print(stderr, "startup_measure: fork: {}\n", std::strerror(errno));
        std::exit(1);
    }
    if (child == 0) {
        const int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) < 0) {
        fmt::print(stderr, "startup_measure: wait4: {}\n", std::strerror(errno));
        std::exit(1);
    }
    const auto end = std::chrono::steady_clock::now();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fmt::print(stderr, "startup_measure: {} failed (status {:#x}); run it by hand to see why\n",
                   argv[0], status);
        std::exit(1);
    }
    return {ms_of(usage.ru_utime) + ms_of(usage.ru_stime),
            std::chrono::duration<double, std::milli>(end - start).count()};
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3 || std::atoi(argv[1]) < 1) {
        fmt::print(stderr,
                   "usage: startup_measure RUNS COMMAND ARGS... [:::[:] COMMAND ARGS...]...\n");
        return 2;
    }
    const int runs = std::atoi(argv[1]);
    std::vector<std::vector<char*>> commands(1);
    std::vector<std::size_t> reference(1, 0); // each command's group's first command
    for (int i = 2; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == ":::" || word == "::::") {
            reference.push_back(word == ":::" ? reference.back() : commands.size());
            commands.emplace_back();
        } else {
            commands.back().push_back(argv[i]);
        }
    }
    std::vector<std::string> labels; // the program's file name, then its arguments
    for (auto& command : commands) {
        if (command.empty()) {
            fmt::print(stderr, "startup_measure: an empty command\n");
            return 2;
        }
        std::string label = std::string(command[0]).substr(std::string(command[0]).rfind('/') + 1);
        for (std::size_t i = 1; i < command.size(); ++i) label += " " + std::string(command[i]);
        labels.push_back(label);
        command.push_back(nullptr);
    }

    const std::size_t n = commands.size();
    for (std::size_t i = 0; i < n; ++i) run_once(commands[i]); // warm the page cache
    std::vector<std::vector<Sample>> samples(n);
    std::vector<std::vector<double>> ratios(n);
    for (int round = 0; round < runs; ++round) {
        std::vector<Sample> this_round(n);
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = (static_cast<std::size_t>(round) + k) % n;
            this_round[i] = run_once(commands[i]);
        }
        for (std::size_t i = 0; i < n; ++i) {
            samples[i].push_back(this_round[i]);
            ratios[i].push_back(this_round[i].cpu_ms /
                                std::max(this_round[reference[i]].cpu_ms, 1e-3));
        }
    }

    fmt::print("{:>9} {:>9} {:>9}  {}\n", "cpu ms", "wall ms", "ratio",
               "command (medians of " + std::to_string(runs) + " paired runs)");
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && reference[i] == i) fmt::print("\n");
        std::vector<double> cpu, wall;
        for (const Sample& s : samples[i]) cpu.push_back(s.cpu_ms), wall.push_back(s.wall_ms);
        fmt::print("{:9.2f} {:9.2f} {:8.2f}x  {}\n", median(cpu), median(wall), median(ratios[i]),
                   labels[i]);
    }
    return 0;
}
