#!/bin/sh
# Writes the manual pages of cycle from its own --help, with Debian's
# help2man: cycle.1 and one cycle-SUBCOMMAND.1 per subcommand the tool lists
# (`cycle complete`), so the pages cannot drift from --help. Compressed
# with gzip -9n, as Debian installs manual pages.
#   make-man-pages.sh CYCLE OUTDIR VERSION
set -eu
cycle=$1 out=$2 version=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out.tmp" && mkdir -p "$out.tmp"

subcommands=$("$cycle" complete --current "")
{
  echo "[SEE ALSO]"
  # \% : no line break inside the name (at its hyphen).
  for s in $subcommands; do printf '.BR \\%%cycle\\-%s (1),\n' "$s"; done
  echo ".PP"
  echo "docs/ in the libcycle sources, installed to /usr/share/doc/libcycle."
} > "$work/see-also.h2m"

help2man --no-info --no-discard-stderr --version-string="$version" \
  --name="multi-year meeting wheels (årshjul) as dated plans, feeds and checks" \
  --include="$work/see-also.h2m" --output="$out.tmp/cycle.1" "$cycle"

for s in $subcommands; do
  wrapper="$work/cycle-$s"
  printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$cycle" "$s" > "$wrapper"
  chmod +x "$wrapper"
  # The subcommand's description: the first line of its --help.
  name=$("$cycle" "$s" --help | head -n 1 | sed 's/\.$//')
  help2man --no-info --no-discard-stderr --version-string="$version" --name="$name" \
    --output="$out.tmp/cycle-$s.1" "$wrapper"
done
gzip -9n "$out.tmp"/*.1
rm -rf "$out" && mv "$out.tmp" "$out"
