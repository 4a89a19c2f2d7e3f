#include "cycle/error.hpp"

#include <fmt/format.h>

namespace cycle {

std::string source_region::to_string() const {
    if (line <= 0) return file;
    if (column <= 0) return fmt::format("{}:{}", file, line);
    return fmt::format("{}:{}:{}", file, line, column);
}

std::string error::to_string() const {
    if (where.file.empty()) return fmt::format("error: {}", message);
    return fmt::format("{}: error: {}", where.to_string(), message);
}

}  // namespace cycle
