#include "calendar_choice.hpp"

namespace cycle::cli {

result<calendar_choice> calendar_choice::read(const std::string& path) {
    calendar_choice choice;
    if (path.empty()) return choice;
    auto loaded = load_calendar_file(path);
    if (!loaded) return loaded.errors();
    choice.loaded_ = std::move(loaded).value();
    return choice;
}

}  // namespace cycle::cli
