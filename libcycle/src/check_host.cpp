// The check host: check policy applied once for every checker (check_host.hpp).
#include "cycle/check_host.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace cycle {
namespace {

class policy {
public:
    policy(const std::vector<rule_info>& rules, const calendar& cal, const plan_file& plan)
        : cal_(cal), plan_(plan) {
        for (const auto& r : rules)
            if (by_id_.try_emplace(r.id, &r).second) known_ += (known_.empty() ? "" : ", ") + r.id;
    }

    findings apply(findings found) {
        // What is broken, by occurrence, only when some waiver asks.
        const bool waivers = std::any_of(plan_.entries.begin(), plan_.entries.end(),
                                         [](const plan_entry& e) { return !e.waivers.empty(); });
        if (waivers)
            for (const auto& f : found) broken_.insert({f.occurrence, f.rule});
        check_settings();
        check_waivers();
        for (auto& f : found) add(std::move(f));
        return std::move(out_);
    }

private:
    // The level the calendar gives a rule; none when it turns the rule off.
    std::optional<severity> level_of(const finding& f) const {
        if (const check_setting* s = cal_.find_check(f.rule)) {
            switch (s->level) {
                case check_level::off:
                    return std::nullopt;
                case check_level::warning:
                    return severity::warning;
                case check_level::error:
                    return severity::error;
            }
        }
        auto it = by_id_.find(f.rule);
        return it != by_id_.end() ? it->second->default_level : f.level;
    }

    // The waiver of the occurrence's plan entries for the finding's rule.
    const waiver* waiver_for(const finding& f) const {
        if (waivers_.empty()) return nullptr;
        auto it = waivers_.find(f.occurrence);
        if (it == waivers_.end()) return nullptr;
        for (const waiver* w : it->second)
            if (w->rule == f.rule) return w;
        return nullptr;
    }

    void add(finding f) {
        auto level = level_of(f);
        if (!level) return;
        f.level = *level;
        if (const waiver* w = waiver_for(f)) {
            f.waived = true;
            f.waiver_reason = w->reason;
        }
        out_.push_back(std::move(f));
    }

    void add_host(const char* rule, std::string message, source_region where,
                  std::string occurrence) {
        finding f;
        f.rule = rule;
        f.message = std::move(message);
        f.where = std::move(where);
        f.occurrence = std::move(occurrence);
        add(std::move(f));
    }

    // [checks] may only name rules some checker (or the host) declares.
    void check_settings() {
        for (const auto& s : cal_.checks)
            if (!by_id_.count(s.rule))
                add_host(
                    "unknown-rule",
                    fmt::format("[checks] names rule '{}', which no loaded checker has (a typo, "
                                "or a checker plugin not loaded?); rules: {}",
                                s.rule, known_),
                    s.where, "");
    }

    // Each waiver names a known rule, and one its occurrence breaks.
    void check_waivers() {
        for (const auto& entry : plan_.entries) {
            if (entry.waivers.empty()) continue;
            const std::string id = entry.to_string();
            for (const auto& w : entry.waivers) {
                waivers_[id].push_back(&w);
                if (!by_id_.count(w.rule))
                    add_host("unknown-rule",
                             fmt::format("waiver for rule '{}', which no loaded checker has (a "
                                         "typo, or a checker plugin not loaded?); rules: {}",
                                         w.rule, known_),
                             w.where, id);
                else if (!broken_.count({id, w.rule}))
                    add_host("unused-waiver",
                             fmt::format("waiver for '{}' is not needed: {} keeps that rule; "
                                         "remove it",
                                         w.rule, id),
                             w.where, id);
            }
        }
    }

    const calendar& cal_;
    const plan_file& plan_;
    std::unordered_map<std::string, const rule_info*> by_id_;
    std::string known_;                                     // every rule id, for messages
    std::set<std::pair<std::string, std::string>> broken_;  // (occurrence, rule) found
    std::unordered_map<std::string, std::vector<const waiver*>> waivers_;  // by occurrence
    findings out_;
};

bool fails(const finding& f, bool strict) {
    if (f.waived) return false;
    return f.level == severity::error || (strict && f.level == severity::warning);
}

}  // namespace

const std::vector<rule_info>& host_rules() {
    static const std::vector<rule_info> rules{
        {"unused-waiver", severity::warning, "a waiver for a rule the occurrence keeps"},
        {"unknown-rule", severity::warning,
         "a rule id in [checks] or a waiver that no loaded checker declares"},
    };
    return rules;
}

check_report apply_check_policy(findings found, const std::vector<rule_info>& rules,
                                const calendar& cal, const plan_file& plan, bool strict) {
    check_report r;
    found = policy(rules, cal, plan).apply(std::move(found));
    // Sorted by place, then rule and message: positions are sorted and each
    // finding moved once (moving the findings themselves at every step of
    // the sort was a tenth of checking a plan with 87,000 findings), and a
    // file is compared as its rank among the files named.
    std::unordered_map<std::string_view, std::uint32_t> file_number;  // in the order met
    std::vector<std::string_view> files;
    std::vector<std::uint32_t> rank(found.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        const std::string_view file = found[i].where.file;
        if (i > 0 && file == found[i - 1].where.file) {
            rank[i] = rank[i - 1];
            continue;
        }
        auto [it, added] = file_number.try_emplace(file, static_cast<std::uint32_t>(files.size()));
        if (added) files.push_back(file);
        rank[i] = it->second;
    }
    std::vector<std::uint32_t> by_name(files.size());  // the file numbers, sorted by name
    std::iota(by_name.begin(), by_name.end(), 0u);
    std::sort(by_name.begin(), by_name.end(),
              [&](std::uint32_t a, std::uint32_t b) { return files[a] < files[b]; });
    std::vector<std::uint32_t> rank_of(files.size());
    for (std::size_t k = 0; k < by_name.size(); ++k)
        rank_of[by_name[k]] = static_cast<std::uint32_t>(k);
    for (auto& x : rank) x = rank_of[x];
    std::vector<std::size_t> order(found.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
        const finding& a = found[i];
        const finding& b = found[j];
        return std::tie(rank[i], a.where.line, a.where.column, a.rule, a.message) <
               std::tie(rank[j], b.where.line, b.where.column, b.rule, b.message);
    });
    r.found.reserve(found.size());
    for (std::size_t i : order) r.found.push_back(std::move(found[i]));
    for (const auto& f : r.found) {
        if (f.waived)
            ++r.waived;
        else if (f.level == severity::error)
            ++r.errors;
        else if (f.level == severity::warning)
            ++r.warnings;
        else
            ++r.notes;
        if (fails(f, strict)) r.exit_code = 1;
    }
    return r;
}

check_report run_checks(const registry& plugins, const calendar& cal, const plan_file& plan,
                        const check_options& options, bool strict) {
    std::vector<rule_info> rules;
    findings found;
    for (const auto& c : plugins.checkers()) {
        // A checker that throws is a plugin_error naming it (plugin.hpp).
        const std::string name = c->name();
        auto declared =
            call_plugin(plugins, plugin_kind::checker, name, [&] { return c->rules(); });
        rules.insert(rules.end(), declared.begin(), declared.end());
        auto more = call_plugin(plugins, plugin_kind::checker, name,
                                [&] { return c->check(cal, plan, options); });
        found.insert(found.end(), std::make_move_iterator(more.begin()),
                     std::make_move_iterator(more.end()));
    }
    rules.insert(rules.end(), host_rules().begin(), host_rules().end());
    return apply_check_policy(std::move(found), rules, cal, plan, strict);
}

std::string format_check_json(const check_report& report, const check_context& context) {
    using json = nlohmann::ordered_json;
    json list = json::array();
    for (const auto& f : report.found) {
        list.push_back({{"severity", to_string(f.level)},
                        {"rule", f.rule},
                        {"message", f.message},
                        {"file", f.where.file},
                        {"line", f.where.line},
                        {"column", f.where.column},
                        {"occurrence", f.occurrence.empty() ? json() : json(f.occurrence)},
                        {"waived", f.waived},
                        {"waiver_reason", f.waived ? json(f.waiver_reason) : json()}});
    }
    json doc{{"schema", "cycle-check/1"},
             {"calendar", context.calendar_id},
             {"plans", context.plans},
             {"today", context.today ? json(*context.today) : json()},
             {"strict", context.strict},
             {"findings", list},
             {"summary",
              {{"occurrences", context.occurrences},
               {"errors", report.errors},
               {"warnings", report.warnings},
               {"notes", report.notes},
               {"waived", report.waived},
               {"exit_code", report.exit_code}}}};
    return doc.dump(2) + '\n';
}

}  // namespace cycle
