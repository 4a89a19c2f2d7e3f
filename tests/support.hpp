// Test support, shared by every test file: run a real process and capture
// what it printed, temporary directories, files, and the fixtures the tests
// share (the check wheel and its plans, the test plugins).
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace cycle::test {

struct process_result {
    int exit_code = -1;
    std::string out;  // standard output
    std::string err;  // standard error
};

// Whether `text` contains `part`.
inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A path or word quoted for the shell: 'text' (paths in the tests have no ').
inline std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

#ifdef CYCLE_TEST_DATA
// tests/data/plans/: the small check wheel and plan files that break its rules.
inline const std::string test_plans = std::string(CYCLE_TEST_DATA) + "/plans/";
inline const std::string check_wheel = test_plans + "check-wheel.toml";
#endif

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

// A fresh, empty directory under the system temp dir, removed on destruction.
class temp_dir {
public:
    temp_dir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "cycle-test-XXXXXX").string();
        path_ = ::mkdtemp(tmpl.data());
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Run a shell command line; stdout and stderr are captured separately.
inline process_result run(const std::string& command) {
    temp_dir dir;
    auto out = dir / "stdout";
    auto err = dir / "stderr";
    std::string line = "(" + command + ") >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    int status = std::system(line.c_str());
    process_result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

// The cycle command line tool built alongside the tests.
inline process_result run_cycle(const std::string& args) {
    return run(std::string("'") + CYCLE_CLI + "' " + args);
}

}  // namespace cycle::test
