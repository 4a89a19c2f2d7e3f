#include "plan_files.hpp"

#include <iostream>
#include <iterator>

namespace cycle::cli {

result<plan_file> read_plan(const std::string& path, const calendar& cal) {
    if (path != "-") return load_plan_file(path, cal);
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    return load_plan_string(text, "<stdin>", cal);
}

result<plan_file> read_plans(const std::vector<std::string>& paths, const calendar& cal) {
    plan_file joined;
    errors errs;
    for (const auto& path : paths) {
        auto one = read_plan(path, cal);
        if (!one) {
            errs.insert(errs.end(), one.errors().begin(), one.errors().end());
            continue;
        }
        if (joined.where.file.empty()) {
            joined.calendar_id = one->calendar_id;
            joined.where = one->where;
        }
        for (auto& entry : one->entries) joined.entries.push_back(std::move(entry));
    }
    if (!errs.empty()) return errs;
    return joined;
}

}  // namespace cycle::cli
