# SPDX-License-Identifier: MIT
# bash completion for coterm: commands, options, option values, catalogue layer ids and
# files. Installed as share/bash-completion/completions/coterm; or `source` it.
# Commands and options are read from the binary's own --help, so they never go stale;
# only plain bash builtins are used (the bash-completion package is not required).

# Prints the commands listed in the Subcommands section of `$@ --help`.
_coterm_commands()
{
    "$@" --help 2>/dev/null | awk '/^[A-Z][a-z]*:$/ { in_sub = ($0 == "Subcommands:"); next }
                                   in_sub && /^  [a-z]/ { print $1 }'
}

# Prints every option spelling of `$@ --help`.
_coterm_options()
{
    "$@" --help 2>/dev/null | grep -oE '^ +-[-a-zA-Z0-9, ]+' | grep -oE -- '--?[a-zA-Z][-a-zA-Z0-9]*'
}

# Prints the catalogue's layer ids.
_coterm_layer_ids()
{
    "$1" layers --format csv 2>/dev/null | awk -F, 'NR > 1 { print $1 }'
}

_coterm()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local exe=${COMP_WORDS[0]} i word
    local -a path=()
    # The command words typed so far (coterm data fetch …): words that name a subcommand.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        [[ $word == -* ]] && continue
        if _coterm_commands "$exe" "${path[@]}" | grep -qx -- "$word"; then path+=("$word"); fi
    done
    COMPREPLY=()
    if [[ $prev == -* ]]; then
        # An option with a fixed set of values lists them in --help: "--format TEXT:{csv,json}".
        local values
        values=$("$exe" "${path[@]}" --help 2>/dev/null | grep -E -- "^ +(-[a-zA-Z],)?$prev [A-Z]+:\{" |
            sed -E 's/.*:\{([^}]*)\}.*/\1/; s/,/ /g')
        # --format names coterm's own formats, then GDAL's: "Output format: csv, json or a
        # GDAL vector format (gpkg, fgb, …)".
        if [[ -z $values && $prev == --format ]]; then
            values=$("$exe" "${path[@]}" --help 2>/dev/null | grep -E -- "^ +--format .*Output format: " |
                sed -E 's/.*Output format: (.*) or a GDAL vector format \(([^…)]*).*/\1, \2/; s/,/ /g')
        fi
        if [[ -n $values ]]; then
            mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
            return
        fi
    fi
    case $prev in
        --data | --data-dir | --mirror | --out)
            mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
        -o | --output | --groups | --query | --fixed | --adjacency | --weights-data | --values)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
        --a | --b | --from | --to | --blocks | --by | --rest | --against | --weights | --outline | \
            --keep-whole | --nest-in | --split-layers)
            mapfile -t COMPREPLY < <(compgen -W "$(_coterm_layer_ids "$exe")" -- "$cur"; compgen -f -- "$cur")
            return ;;
        --threads | --min-share | --tolerance | --min-people | --uncertain | --count | --simplify | --title | \
            --width | --height | --dpi | --seed | --effort | --period | --var | \
            --where | --sql | --*-where | --*-sql)
            return ;; # a value the user types (a number, a filter, a statement)
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_coterm_options "$exe" "${path[@]}")" -- "$cur")
        return
    fi
    local subcommands
    subcommands=$(_coterm_commands "$exe" "${path[@]}")
    if [[ ${#path[@]} -eq 0 || ${path[0]:-} == help ]]; then
        # `coterm <command>` and `coterm help <command>`
        [[ ${path[0]:-} == help ]] && subcommands=$(_coterm_commands "$exe" "${path[@]:1}")
        mapfile -t COMPREPLY < <(compgen -W "$subcommands" -- "$cur")
        return
    fi
    if [[ -n $subcommands ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$subcommands" -- "$cur")
        return
    fi
    # A positional: a layer (overlap A B, score, validate, map, layers ID, data fetch LAYER…)
    # or a file (run QUERY.toml).
    mapfile -t COMPREPLY < <(compgen -W "$(_coterm_layer_ids "$exe")" -- "$cur"; compgen -f -- "$cur")
}

complete -F _coterm coterm
