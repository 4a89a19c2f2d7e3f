// calendar_choice.hpp — the calendar a command uses: --calendar FILE; else
// the one the project file (cycle.toml, found by walking up from the current
// directory; docs/project.md) names; else the built-in default wheel.
#pragma once

#include <optional>
#include <string>

#include "cycle/calendar.hpp"
#include "cycle/project.hpp"

namespace cycle::cli {

class calendar_choice {
public:
    // An empty path: the project's calendar, else the built-in default.
    static result<calendar_choice> read(const std::string& path);
    const calendar& get() const { return loaded_ ? *loaded_ : default_calendar(); }
    // The project file found, when no --calendar was given and there is one.
    const std::optional<cycle::project>& project() const { return project_; }

private:
    std::optional<calendar> loaded_;
    std::optional<cycle::project> project_;
};

}  // namespace cycle::cli
