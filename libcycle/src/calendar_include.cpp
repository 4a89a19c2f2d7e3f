// [[include]]: a calendar on top of others (calendar_include.hpp).
#include "calendar_include.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "cycle/read_file.hpp"
#include "suggest.hpp"
#include "toml_reader.hpp"

namespace cycle {

std::string calendar::resolve_alias(std::string_view event_id) const {
    for (const auto& [alias, prefix] : include_aliases)
        if (event_id.size() > alias.size() && event_id.substr(0, alias.size()) == alias &&
            event_id[alias.size()] == ':')
            return prefix + std::string(event_id.substr(alias.size()));
    return std::string(event_id);
}

const included_calendar* calendar::included_of(std::string_view event_id) const {
    const included_calendar* best = nullptr;
    for (const auto& inc : includes) {
        const std::string_view p = inc.prefix;
        if (event_id.size() > p.size() && event_id.substr(0, p.size()) == p &&
            event_id[p.size()] == ':' && (!best || p.size() > best->prefix.size()))
            best = &inc;
    }
    return best;
}

std::string calendar::uid_of(const occurrence_id& o) const {
    const included_calendar* inc = included_of(o.event);
    if (!inc) return o.uid(id);
    occurrence_id own = o;
    own.event = o.event.substr(inc->prefix.size() + 1);
    return own.uid(inc->calendar_id);
}

event_reference split_reference(std::string_view reference) {
    const auto slash = reference.find('/');
    if (slash == std::string_view::npos) return {reference, {}};
    return {reference.substr(0, slash), reference.substr(slash + 1)};
}

namespace detail {
namespace {

constexpr std::string_view built_in_prefix = "<built-in>/";
constexpr std::string_view built_in_id = "nya-perspektiv-2025-2028";

std::string identity_of_path(const std::filesystem::path& p) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(p, ec);
    return ec ? p.lexically_normal().string() : canonical.string();
}

// A path when it looks like one; else a built-in calendar's id.
bool names_a_file(std::string_view text) {
    return text.find('/') != std::string_view::npos || text.ends_with(".toml");
}

std::string prefixed(std::string_view prefix, std::string_view id) {
    return fmt::format("{}:{}", prefix, id);
}

// The cycle years of `cal` an included event occurs in: the calendar years
// its own cycle selects, counted in `cal`'s cycle.
year_selection translated(const year_selection& years, const calendar& from, const calendar& to) {
    if (from.first_year == to.first_year && from.last_year == to.last_year) return years;
    year_selection out;
    out.every = false;
    bool all = true;
    for (int n = 1; n <= to.cycle_length(); ++n) {
        const int own = to.first_year + n - 1 - from.first_year + 1;
        if (years.selects(own, from.cycle_length()))
            out.cycle_years.push_back(n);
        else
            all = false;
    }
    out.after_cycle = years.selects(to.last_year + 1 - from.first_year + 1, from.cycle_length());
    if (all) {
        out.every = true;
        out.cycle_years.clear();
    }
    return out;
}

class composer {
public:
    composer(calendar& cal, errors& out) : cal_(cal), out_(out) {}

    void run(std::vector<pending_include> includes) {
        std::vector<source_document> sources;
        std::vector<body> bodies;
        std::vector<event_template> events;
        std::vector<closure> closures;
        std::vector<check_setting> checks = cal_.checks;
        std::vector<included_calendar> nested;
        for (const auto& inc : includes) direct_.try_emplace(inc.cal.id, inc.prefix);
        for (auto& inc : includes) {
            check_settings_agree(inc);
            nested.push_back({inc.prefix, inc.cal.id, inc.cal.where.file, inc.where});
            std::vector<std::string> duplicate_files;
            for (auto n : inc.cal.includes) {
                n.prefix = prefixed(inc.prefix, n.prefix);
                if (aliased(n.prefix)) continue;  // inside a calendar already here
                if (const std::string* first = first_prefix(n.calendar_id, nested);
                    first && *first != n.prefix) {
                    aliases_.emplace_back(n.prefix, *first);
                    duplicate_files.push_back(n.file);
                    continue;
                }
                nested.push_back(std::move(n));
            }
            for (auto s : inc.cal.sources) {
                s.id = prefixed(inc.prefix, s.id);
                if (!aliased(s.id)) sources.push_back(std::move(s));
            }
            for (auto& b : inc.cal.bodies) add_body(b, bodies);
            for (auto e : inc.cal.events)
                if (!aliased(prefixed(inc.prefix, e.id)))
                    events.push_back(prefix_event(std::move(e), inc));
            for (auto& c : inc.cal.closures)
                if (std::find(duplicate_files.begin(), duplicate_files.end(), c.where.file) ==
                    duplicate_files.end())
                    closures.push_back(c);
            for (auto& c : inc.cal.checks)
                if (std::none_of(checks.begin(), checks.end(),
                                 [&](const check_setting& k) { return k.rule == c.rule; }))
                    checks.push_back(c);
        }
        for (auto& b : cal_.bodies) add_body(b, bodies);
        append(sources, std::move(cal_.sources));
        append(events, std::move(cal_.events));
        append(closures, std::move(cal_.closures));
        std::stable_sort(
            checks.begin(), checks.end(),
            [](const check_setting& a, const check_setting& b) { return a.rule < b.rule; });
        cal_.sources = std::move(sources);
        cal_.bodies = std::move(bodies);
        cal_.events = std::move(events);
        cal_.closures = std::move(closures);
        cal_.checks = std::move(checks);
        cal_.includes = std::move(nested);
        cal_.include_aliases = std::move(aliases_);
    }

private:
    template <class T>
    static void append(std::vector<T>& to, std::vector<T>&& from) {
        to.insert(to.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
    }

    // What a composed calendar cannot hold twice: one time zone and one set
    // of holidays for every event.
    void check_settings_agree(const pending_include& inc) {
        if (inc.cal.time_zone != cal_.time_zone)
            out_.push_back(
                {fmt::format("the calendar included as '{}' ({}) is in time zone '{}', "
                             "this one in '{}': a composed wheel has one time zone",
                             inc.prefix, inc.cal.where.file, inc.cal.time_zone, cal_.time_zone),
                 inc.where});
        if (inc.cal.holidays != cal_.holidays)
            out_.push_back(
                {fmt::format("the calendar included as '{}' ({}) uses holidays '{}', "
                             "this one '{}': a composed wheel has one set of holidays",
                             inc.prefix, inc.cal.where.file, inc.cal.holidays, cal_.holidays),
                 inc.where});
    }

    // Bodies are shared: the same id is the same organisation, and must be
    // defined with the same members wherever it is defined.
    void add_body(const body& b, std::vector<body>& bodies) {
        auto [it, added] = body_at_.try_emplace(b.id, bodies.size());
        if (added) {
            bodies.push_back(b);
            return;
        }
        body& first = bodies[it->second];
        if (first.members == b.members) {
            add_terms(b, first);
            return;
        }
        auto list = [](const body& x) {
            std::string text;
            for (const auto& m : x.members) text += (text.empty() ? "" : ", ") + m;
            return text.empty() ? std::string("none") : text;
        };
        out_.push_back({fmt::format("[[body]] '{}' is defined twice with different members: here "
                                    "(members: {}) and at {} (members: {}); a body is shared by "
                                    "the calendars that include each other, so define it once",
                                    b.id, list(b), first.where.to_string(), list(first)),
                        b.where});
    }

    // Terms of office of a shared body: given in one of the files, or the
    // same days in each.
    void add_terms(const body& b, body& first) {
        if (b.terms.empty()) return;
        if (first.terms.empty()) {
            first.terms = b.terms;
            return;
        }
        auto same_days = [](const body_term& x, const body_term& y) {
            return x.first == y.first && x.last == y.last;
        };
        if (!std::equal(b.terms.begin(), b.terms.end(), first.terms.begin(), first.terms.end(),
                        same_days))
            out_.push_back({fmt::format("[[body]] '{}' is defined twice with different terms: "
                                        "here and at {}; give its [[body.term]] tables in one of "
                                        "the files",
                                        b.id, first.where.to_string()),
                            b.where});
    }

    // A calendar reached twice (Eda's wheel and Arvika's both include the
    // county wheel) is here once: under the prefix it is included by
    // directly, else the first it is reached by. Its other prefixes are
    // aliases: "arvika:np:local-dialogue" is "eda:np:local-dialogue".
    const std::string* first_prefix(const std::string& calendar_id,
                                    const std::vector<included_calendar>& nested) const {
        if (auto it = direct_.find(calendar_id); it != direct_.end()) return &it->second;
        for (const auto& n : nested)
            if (n.calendar_id == calendar_id) return &n.prefix;
        return nullptr;
    }
    // The alias `id` starts with, or nullptr.
    const std::pair<std::string, std::string>* alias_of(std::string_view id) const {
        for (const auto& a : aliases_)
            if (id.size() > a.first.size() && id.substr(0, a.first.size()) == a.first &&
                id[a.first.size()] == ':')
                return &a;
        return nullptr;
    }
    bool aliased(std::string_view id) const { return alias_of(id) != nullptr; }
    std::string resolved(std::string id) const {
        if (const auto* a = alias_of(id)) return a->second + id.substr(a->first.size());
        return id;
    }

    event_template prefix_event(event_template e, const pending_include& inc) {
        auto ref = [&](std::string& id) {
            if (!id.empty()) id = resolved(prefixed(inc.prefix, id));
        };
        ref(e.id);
        for (auto& a : e.after) ref(a);
        if (auto* rel = std::get_if<relative_rule>(&e.timing.form)) ref(rel->anchor);
        ref(e.source.document);
        if (cal_.first_year && cal_.last_year >= cal_.first_year)
            e.years = translated(e.years, inc.cal, cal_);
        return e;
    }

    calendar& cal_;
    errors& out_;
    std::unordered_map<std::string, std::size_t> body_at_;
    std::unordered_map<std::string, std::string>
        direct_;  // calendar id -> its direct include's prefix
    std::vector<std::pair<std::string, std::string>> aliases_;  // prefix -> the prefix it is
};

result<std::string> built_in_text(std::string_view id) {
    if (id == built_in_id) return std::string(default_calendar_toml());
    return error{fmt::format("no built-in calendar '{}'{}; a path to a file ends in .toml or "
                             "contains '/'",
                             id, did_you_mean(std::string(id), {std::string(built_in_id)})),
                 {}};
}

}  // namespace

include_chain chain_of(const std::string& file) {
    include_chain chain;
    if (std::string_view(file).starts_with(built_in_prefix))
        chain.identities.push_back("built-in:" + file.substr(built_in_prefix.size()));
    else
        chain.identities.push_back(identity_of_path(file));
    chain.files.push_back(file);
    return chain;
}

std::vector<pending_include> read_includes(const toml::table& root, const std::string& file,
                                           const include_chain& chain, errors& out) {
    std::vector<pending_include> loaded;
    for_each_table(root, "include", file, out, [&](const toml::table& t) {
        table_reader r(t, "[[include]]", file, out, {"calendar", "as"});
        auto what = r.string("calendar", true);
        auto prefix = r.id("as", true);
        const source_region where = r.where();
        r.finish();
        if (!what || !prefix) return;
        for (const auto& other : loaded)
            if (other.prefix == *prefix) {
                r.error_at_key("as",
                               fmt::format("[[include]]: the namespace '{}' is already "
                                           "taken by {} (included at {}); give each "
                                           "calendar its own 'as'",
                                           *prefix, other.cal.where.file, other.where.to_string()));
                return;
            }
        if (chain.files.size() >= max_include_depth ||
            ++*chain.calendars_read > max_calendars_read) {
            r.error_at_key("calendar",
                           fmt::format("[[include]]: includes nest deeper than {} or read more "
                                       "than {} calendars in all (docs/limits.md)",
                                       max_include_depth, max_calendars_read));
            return;
        }
        std::string shown, identity;
        result<std::string> text = std::string{};
        if (names_a_file(*what)) {
            const auto base = std::string_view(file).starts_with(built_in_prefix)
                                  ? std::filesystem::path{}
                                  : std::filesystem::path(file).parent_path();
            const auto path = base / *what;
            shown = path.lexically_normal().string();
            identity = identity_of_path(path);
            std::error_code ec;
            if (!std::filesystem::exists(path, ec)) {
                r.error_at_key("calendar", fmt::format("[[include]]: the calendar '{}' does not "
                                                       "exist (looked for {}; a path is relative "
                                                       "to {})",
                                                       *what, shown, file));
                return;
            }
            text = read_file(path, "calendar", max_toml_bytes);
        } else {
            shown = std::string(built_in_prefix) + *what + ".toml";
            identity = "built-in:" + *what + ".toml";
            text = built_in_text(*what);
        }
        if (!text) {
            for (auto e : text.errors()) {
                if (e.where.file.empty())
                    e.where = r.where("calendar");
                else
                    e.message += fmt::format(" (included from {})", where.to_string());
                out.push_back(std::move(e));
            }
            return;
        }
        if (auto at = std::find(chain.identities.begin(), chain.identities.end(), identity);
            at != chain.identities.end()) {
            std::string path;
            for (auto i = static_cast<std::size_t>(at - chain.identities.begin());
                 i < chain.files.size(); ++i)
                path += chain.files[i] + " -> ";
            r.error_at_key("calendar",
                           fmt::format("[[include]]: include cycle: {}{}", path, shown));
            return;
        }
        for (const auto& other : loaded)
            if (other.identity == identity) {
                r.error_at_key("calendar",
                               fmt::format("[[include]]: {} is already included as "
                                           "'{}' (at {}); include a calendar once",
                                           shown, other.prefix, other.where.to_string()));
                return;
            }
        include_chain inner = chain;
        inner.identities.push_back(identity);
        inner.files.push_back(shown);
        auto cal = load_included_calendar(*text, shown, inner);
        if (!cal) {
            out.insert(out.end(), cal.errors().begin(), cal.errors().end());
            out.push_back(
                {fmt::format("[[include]]: the calendar {} has errors (above)", shown), where});
            return;
        }
        loaded.push_back({*prefix, identity, where, std::move(cal).value()});
    });
    return loaded;
}

void compose(calendar& cal, std::vector<pending_include> includes, errors& out) {
    if (includes.empty()) return;
    composer(cal, out).run(std::move(includes));
}

std::string include_note(const calendar& cal, std::string_view reference) {
    const auto colon = reference.rfind(':');
    if (colon == std::string_view::npos) return {};
    const std::string_view prefix = reference.substr(0, colon);
    for (const auto& inc : cal.includes)
        if (inc.prefix == prefix)
            return fmt::format(" ('{}' is {}, included at {})", prefix, inc.file,
                               inc.where.to_string());
    return fmt::format(" (no calendar is included as '{}')", prefix);
}

}  // namespace detail
}  // namespace cycle
