// calendar_choice.hpp — the calendar a command uses: --calendar FILE, or the
// built-in default wheel when no file is given.
#pragma once

#include <optional>
#include <string>

#include "cycle/calendar.hpp"

namespace cycle::cli {

class calendar_choice {
public:
    // An empty path chooses the built-in default.
    static result<calendar_choice> read(const std::string& path);
    const calendar& get() const { return loaded_ ? *loaded_ : default_calendar(); }

private:
    std::optional<calendar> loaded_;
};

}  // namespace cycle::cli
