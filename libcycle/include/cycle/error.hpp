// error.hpp — errors are values that carry the place they come from.
//
// Every load error, planning error and rule finding names a source_region:
// the file, and the 1-based line and column of the TOML node concerned
// (line 0 when only the file is known). Nothing in libcycle throws across the
// API for bad input: functions return cycle::result<T>, which holds either a
// value or the list of errors found, and only the command-line tool prints.
//
//   auto cal = cycle::load_calendar_file("wheel.toml");
//   if (!cal) for (auto& e : cal.errors()) std::cerr << e.to_string() << '\n';
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace cycle {

struct source_region {
    std::string file;  // path as the user gave it, or "<built-in>/name.toml"
    int line = 0;      // 1-based; 0 = the whole file
    int column = 0;    // 1-based; 0 = the whole line

    // "file:line:col", "file:line" or "file"
    std::string to_string() const;
};

struct error {
    std::string message;
    source_region where;

    // "file:line:col: error: message", as compilers and linters print it
    std::string to_string() const;
};

using errors = std::vector<error>;

// Either a T or at least one error.
template <class T>
class result {
public:
    result(T value) : state_(std::move(value)) {}
    result(error e) : state_(cycle::errors{std::move(e)}) {}
    result(cycle::errors es) : state_(std::move(es)) {}

    explicit operator bool() const { return std::holds_alternative<T>(state_); }
    bool ok() const { return static_cast<bool>(*this); }

    T& value() & { return std::get<T>(state_); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const cycle::errors& errors() const { return std::get<cycle::errors>(state_); }

private:
    std::variant<T, cycle::errors> state_;
};

}  // namespace cycle
