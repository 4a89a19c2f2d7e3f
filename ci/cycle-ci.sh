#!/bin/bash
# The CI steps of a plan repository, shared by the GitHub Action (action.yml)
# and the GitLab CI template (ci/gitlab/cycle.gitlab-ci.yml); installed with
# the package as /usr/share/cycle/ci/cycle-ci.sh. docs/install.md.
#
#   cycle-ci.sh install [--version V] [--url URL]
#       Installs libcycle from its released .deb (URL, default: the release
#       of version V), unless that version is already installed.
#   cycle-ci.sh check [--base REF] [--format text|github] [--junit FILE] PATTERN...
#       With --base: `cycle diff` of every plan file against branch REF
#       (what moved). Then `cycle check` of the plan files PATTERN matches
#       (globs, quoted, e.g. 'plans/*.toml'): a JUnit report to FILE and
#       the findings in the --format; the exit status is cycle check's
#       (0 clean or warnings only, 1 errors, 2 unreadable input).
#
# CYCLE (default: cycle) is the program run.
set -uo pipefail

cycle=${CYCLE:-cycle}
release_url='https://github.com/example/libcycle/releases/download/v%s/libcycle_%s_amd64.deb'

die() {
  echo "cycle-ci: $*" >&2
  exit 2
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_step() {
  local version="" url=""
  while [ $# -gt 0 ]; do
    case $1 in
      --version) version=${2-}; shift 2 ;;
      --url) url=${2-}; shift 2 ;;
      *) die "install: unknown argument '$1'" ;;
    esac
  done
  [ -n "$url" ] || [ -n "$version" ] || die "install: give --version or --url"
  # shellcheck disable=SC2059
  [ -n "$url" ] || url=$(printf "$release_url" "$version" "$version")
  local work
  work=$(mktemp -d) || die "install: no temporary directory"
  trap 'rm -rf "$work"' EXIT
  local deb="$work/libcycle.deb"
  echo "cycle-ci: downloading $url"
  curl -fsSL --retry 3 -o "$deb" "$url" || die "install: cannot download $url"
  local package deb_version
  package=$(dpkg-deb -f "$deb" Package 2>/dev/null) || die "install: $url is not a Debian package"
  [ "$package" = libcycle ] || die "install: $url is package '$package', not libcycle"
  deb_version=$(dpkg-deb -f "$deb" Version)
  [ -z "$version" ] || [ "$deb_version" = "$version" ] ||
    die "install: $url is libcycle $deb_version, not $version"
  local installed
  installed=$(dpkg-query -W -f='${Status} ${Version}' libcycle 2>/dev/null)
  if [ "$installed" = "install ok installed $deb_version" ]; then
    echo "cycle-ci: libcycle $deb_version is already installed"
    return 0
  fi
  as_root apt-get update -qq || die "install: apt-get update failed"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$deb" ||
    die "install: apt-get install failed"
  "$cycle" --version
}

# The plan files the patterns match, in order, each once.
expand_plans() {
  local pattern file
  shopt -s nullglob
  for pattern in "$@"; do
    # shellcheck disable=SC2206
    local matches=($pattern)
    [ ${#matches[@]} -gt 0 ] || { echo "cycle-ci: no plan file matches '$pattern'" >&2; continue; }
    for file in "${matches[@]}"; do printf '%s\n' "$file"; done
  done | awk '!seen[$0]++'
  shopt -u nullglob
}

# The commit of branch REF: origin/REF, REF, or fetched from origin.
base_commit() {
  local ref=$1 candidate
  for candidate in "origin/$ref" "$ref"; do
    if git rev-parse -q --verify "$candidate^{commit}" >/dev/null; then
      git rev-parse "$candidate^{commit}"
      return 0
    fi
  done
  git fetch -q --depth=1 origin "$ref" 2>/dev/null && git rev-parse FETCH_HEAD
}

diff_step() {
  local base=$1
  shift
  local commit plan
  commit=$(base_commit "$base") || { echo "cycle-ci: base branch '$base' not found; no diff" >&2; return 0; }
  echo "== What changed since $base =="
  for plan in "$@"; do
    if git cat-file -e "$commit:$plan" 2>/dev/null; then
      echo "-- $plan"
      git show "$commit:$plan" | "$cycle" diff - "$plan"
    else
      echo "-- $plan: new"
    fi
  done
  return 0
}

check_step() {
  local base="" format=text junit=""
  local -a patterns=()
  while [ $# -gt 0 ]; do
    case $1 in
      --base) base=${2-}; shift 2 ;;
      --format) format=${2-}; shift 2 ;;
      --junit) junit=${2-}; shift 2 ;;
      --) shift; patterns+=("$@"); break ;;
      -*) die "check: unknown option '$1'" ;;
      *) patterns+=("$1"); shift ;;
    esac
  done
  [ ${#patterns[@]} -gt 0 ] || patterns=('plans/*.toml')
  local -a plans=()
  mapfile -t plans < <(expand_plans "${patterns[@]}")
  [ ${#plans[@]} -gt 0 ] || die "check: no plan files (patterns: ${patterns[*]})"
  [ -z "$base" ] || diff_step "$base" "${plans[@]}"
  if [ -n "$junit" ]; then
    "$cycle" check --format junit "${plans[@]}" > "$junit.tmp"
    local junit_status=$?
    if [ $junit_status -le 1 ]; then mv "$junit.tmp" "$junit"; else rm -f "$junit.tmp"; fi
  fi
  echo "== cycle check ${plans[*]} =="
  "$cycle" check --format "$format" "${plans[@]}"
}

case ${1-} in
  install) shift; install_step "$@" ;;
  check) shift; check_step "$@" ;;
  *) die "usage: cycle-ci.sh install [--version V] [--url URL] | check [--base REF] [--format F] [--junit FILE] PATTERN..." ;;
esac
