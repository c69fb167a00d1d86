#!/usr/bin/env bash
# bench/kwic-grep.sh — `derlem kwic WORD` against the grep one-liner people use
# for a concordance, grep -o -i -E '.{0,40}WORD.{0,40}', timed in the same run
# by run.sh (both in the C.UTF-8 locale, so that grep folds Ş/ş and counts
# characters), then the hits each finds and where they differ.
#
#   bench/kwic-grep.sh [--size 100M] [--runs 3] [WORD] [-- DERLEM-ARGS...]
#
# Run it from the build directory (the binary is ${DERLEM:-./derlem}).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DERLEM=${DERLEM:-./derlem}
size=100M
runs=3
word=savaş
extra=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --size) size=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        -*) echo "kwic-grep.sh: unknown option '$1'" >&2; exit 2 ;;
        *) word=$1; shift ;;
    esac
done
[[ $word =~ ^[[:alnum:]]+$ ]] || { echo "kwic-grep.sh: WORD must be letters or digits" >&2; exit 2; }
export LC_ALL=C.UTF-8

# grep's output goes to wc: GNU grep stops at the first match when its
# standard output is /dev/null, where run.sh sends it.
"$BENCH_DIR/run.sh" --size "$size" --runs "$runs" \
    --baseline "grep -o -i -E '.{0,40}$word.{0,40}' | wc -l" \
    -- kwic "$word" --format tsv "${extra[@]}"

corpus=$("$BENCH_DIR/corpus.sh" "$size")
files() { find "$corpus" -name '*.txt' -print0 | sort -z; }
grep_hits=$(files | xargs -0 grep -h -o -i -E ".{0,40}$word.{0,40}" | wc -l)
substrings=$(files | xargs -0 grep -h -o -i "$word" | wc -l)
words=$(files | xargs -0 grep -h -o -i -w "$word" | wc -l)
derlem_hits=$("$DERLEM" kwic "$word" --format tsv "${extra[@]}" "$corpus" | tail -n +2 | wc -l)
echo
echo "hits: derlem $derlem_hits; grep -o '.{0,40}$word.{0,40}' $grep_hits"
echo "  grep -o -i '$word' (every occurrence, inside longer words too): $substrings"
echo "  grep -o -i -w '$word' (whole words only, as derlem matches): $words"
echo "  grep's .{0,40} eats the context, so hits closer than 40 characters"
echo "  come out as one match; without -w it also finds $word inside longer words."
