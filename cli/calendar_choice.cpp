#include "calendar_choice.hpp"

#include <filesystem>

namespace cycle::cli {

result<calendar_choice> calendar_choice::read(const std::string& path) {
    calendar_choice choice;
    std::string file = path;
    if (file.empty()) {
        std::error_code ec;
        auto found = find_project(std::filesystem::current_path(ec));
        if (!found) return found.errors();
        choice.project_ = std::move(found).value();
        if (choice.project_ && choice.project_->calendar) {
            file = choice.project_->calendar->string();
            if (!std::filesystem::exists(*choice.project_->calendar, ec))
                return error{"cycle.toml names the calendar '" + file +
                                 "', which does not exist (paths are relative to cycle.toml)",
                             choice.project_->calendar_where};
        }
    }
    if (file.empty()) return choice;
    auto loaded = load_calendar_file(file);
    if (!loaded) return loaded.errors();
    choice.loaded_ = std::move(loaded).value();
    return choice;
}

}  // namespace cycle::cli
