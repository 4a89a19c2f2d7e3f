// plan_edit.hpp — changes to a plan file a person keeps, made by editing the
// lines that change and nothing else: comments, order, blank lines and
// every other entry stay byte for byte (docs/plan-format.md).
//
//   auto text = cycle::read_file("plans/2026.toml", "plan");
//   auto pf = cycle::load_plan_string(*text, "plans/2026.toml", cal);
//   auto edited = cycle::set_status(*text, *pf, id, "held");   // one line
//   auto moved = cycle::move_proposed(*text, *pf, new_plan);   // proposed dates only
//   auto added = cycle::add_proposed(*text, *pf, cal, new_plan, missing);  // new entries
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cycle/error.hpp"
#include "cycle/occurrence_id.hpp"
#include "cycle/plan.hpp"
#include "cycle/plan_file.hpp"

namespace cycle {

struct plan_edit {
    std::string text;                  // the whole file, edited
    std::vector<std::string> changes;  // "plans/2026.toml:47: date 2026-10-12 -> 2026-10-19"
};

// The entries of `pf` (read from `text`) with status = "proposed" take the
// date and end the plan `p` gives their occurrence: their `date` line (and
// `end` line, added after `date` when the occurrence now spans days) is
// edited, and a comment line right above `[[occurrence]]` that ends in the
// week, as `cycle plan --format plan` writes it ("# Title (v. 41)"), gets
// the new week. Nothing else changes.
result<plan_edit> move_proposed(std::string_view text, const plan_file& pf, const plan& p);

// The occurrences `missing` (of the plan `p`, which no entry of `pf` has)
// are added to `pf` (read from `text`) as `cycle plan --format plan` writes
// them, with status = "proposed": each before the first entry of the file
// that comes after it in the plan's order (and above that entry's comment
// lines), else at the end of the file. Nothing else changes.
result<plan_edit> add_proposed(std::string_view text, const plan_file& pf, const calendar& cal,
                               const plan& p, const std::vector<const occurrence*>& missing);

// The entry `id` of `pf` (read from `text`) gets `status = "<status>"`
// (proposed, confirmed, held or cancelled): its status line is edited, or one
// is added after its date line. Errors: no such entry, an unknown status.
result<plan_edit> set_status(std::string_view text, const plan_file& pf, const occurrence_id& id,
                             std::string_view status);

}  // namespace cycle
