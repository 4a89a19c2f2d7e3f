# bash completion for cycle(1). Installed as
# share/bash-completion/completions/cycle; bash-completion loads it on the
# first TAB after `cycle`.
#
# Every candidate comes from the tool itself (`cycle complete`, hidden):
# its subcommands, their options, the values an option accepts, and the
# audience and event ids of the calendar given with --calendar (or of the
# built-in wheel). New subcommands and options complete without editing
# this file.
_cycle() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local candidates line
    local -a words=()
    [ "$COMP_CWORD" -gt 1 ] && words=("${COMP_WORDS[@]:1:COMP_CWORD-1}")
    candidates=$("${COMP_WORDS[0]}" complete --current "$cur" -- "${words[@]}" 2>/dev/null) || return 0
    COMPREPLY=()
    local -a fixed=()
    while IFS= read -r line; do
        case $line in
            @files) compopt -o filenames 2>/dev/null
                    while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -f -- "$cur") ;;
            @dirs) compopt -o filenames 2>/dev/null
                   while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -d -- "$cur") ;;
            '') ;;
            *) fixed+=("$line") ;;
        esac
    done <<< "$candidates"
    local c
    for c in "${fixed[@]}"; do
        [[ $c == "$cur"* ]] && COMPREPLY+=("$c")
    done
    return 0
}
complete -F _cycle cycle
