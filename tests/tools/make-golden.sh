#!/usr/bin/env bash
# Writes the golden outputs tests/golden_test.cpp compares against: the plan of
# every plannable year of each wheel (JSON, plan file, --explain table) and the
# feeds of the built-in wheel's whole cycle. Run it only to accept an intended
# change of output, and say so in the commit:
#   tests/tools/make-golden.sh build/dev/cli/cycle
set -euo pipefail
CYCLE=$(realpath "${1:?usage: make-golden.sh PATH-TO-cycle}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/tests/data/golden
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$ROOT"
declare -A calendars=(
  [nya-perspektiv-2025-2028]=calendars/nya-perspektiv-2025-2028.toml
  [nya-perspektiv-2023]=calendars/nya-perspektiv-2023.toml
  [check-wheel]=tests/data/plans/check-wheel.toml
)
for name in "${!calendars[@]}"; do
  file=${calendars[$name]}
  first=$(sed -n 's/^first_year = //p' "$file")
  last=$(sed -n 's/^last_year = //p' "$file")
  for ((y = first; y <= last + 1; ++y)); do
    "$CYCLE" plan --calendar "$file" --year "$y" --format json >"$OUT/$name-$y.json" 2>/dev/null || { rm -f "$OUT/$name-$y.json"; continue; }
    "$CYCLE" plan --calendar "$file" --year "$y" --format plan >"$OUT/$name-$y.plan.toml"
    "$CYCLE" plan --calendar "$file" --year "$y" --explain >"$OUT/$name-$y.explain.txt"
  done
done
# A plan with fixed dates (the planner fills in around them).
"$CYCLE" plan --calendar tests/data/plans/check-wheel.toml --year 2026 --plan tests/data/plans/good-2026.toml --explain >"$OUT/fixed-2026.explain.txt"
"$CYCLE" plan --calendar tests/data/plans/check-wheel.toml --year 2026 --plan tests/data/plans/good-2026.toml --format json >"$OUT/fixed-2026.json"
# Feeds: UIDs and bytes of every feed of the built-in wheel, whole cycle.
mkdir -p "$OUT/feeds"
SOURCE_DATE_EPOCH=1767225600 "$CYCLE" export ics --cycle --all-audiences --out "$OUT/feeds" >/dev/null
rm -f "$OUT/feeds/feed-state.tsv"
# Keep all.ics whole; of the per-audience feeds keep each one's UIDs, in order.
for f in "$OUT"/feeds/*.ics; do
  [ "$(basename "$f")" = all.ics ] && continue
  grep '^UID:' "$f" | sed "s|^|$(basename "$f") |" | tr -d '\r'
done >"$OUT/feed-uids.txt"
find "$OUT/feeds" -type f ! -name all.ics -delete
ls "$OUT" | wc -l
