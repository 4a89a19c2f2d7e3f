#include "cycle/state_store.hpp"

namespace cycle {

// Out of line: the vtable and type_info live in libcycle.
state_store::~state_store() = default;

result<std::optional<std::string>> memory_state_store::load(const std::string& name) const {
    return get(name);
}

result<bool> memory_state_store::save(const std::string& name, const std::string& text) {
    put(name, text);
    return true;
}

std::string memory_state_store::source_name(const std::string& name) const {
    return "<memory>/" + name;
}

std::optional<std::string> memory_state_store::get(const std::string& name) const {
    auto it = texts_.find(name);
    if (it == texts_.end()) return std::nullopt;
    return it->second;
}

void memory_state_store::put(const std::string& name, std::string text) {
    texts_[name] = std::move(text);
}

}  // namespace cycle
