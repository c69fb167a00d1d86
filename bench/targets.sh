#!/usr/bin/env bash
# shellcheck disable=SC2016 # the backquotes in printf formats are Markdown
# bench/targets.sh — the speed and memory targets of issue 17, each row timed
# by run.sh against its baseline in the same run (alternated, paired), on the
# generated corpus joined into one file, then a table of every row.
#
#   bench/targets.sh [--size 100M] [--runs 3] [--big 1G] [--old OLD_DERLEM]
#                    [--rows ROW,ROW...]
#
# Rows (all by default; --rows picks some):
#   freq1   freq --threads 1            vs bench/naive-count    >= 2x, RSS <= its
#   freq2   freq --threads 2            vs bench/naive-count    >= 3.5x
#   langs2  langs --threads 2           vs wc -w                >= 1x
#   kwic1   kwic savaş --threads 1      vs grep -c -i -w savaş  >= 0.5x
#   kwicve  kwic ve --threads 1         vs grep -o -i -E '.{0,40}ve.{0,40}' | wc -l  >= 5x
#   colloc  colloc --all --window 0,1 --stoplist none --min-cooc 5 --threads 1
#           vs NLTK (bench/nltk-bigrams.py --min-freq 5)     >= 15x, RSS <= 1/15 of its
#   node    colloc savaş (--threads 1) vs the same command of OLD_DERLEM (--old,
#           the build the issue measured)                      >= 3x
#   big     on the --big corpus: freq, colloc --all, ngrams -n 3 peak RSS < 1 GiB,
#           kwic savaş's peak RSS no larger than on --size ("flat")
# Every derlem command writes TSV to a pipe it is read from (run.sh), as the
# baselines do. Logs go to bench/targets-logs/ROW.log.
#
# Run it from the build directory (the binary is ${DERLEM:-./derlem}); the
# colloc row needs python3-nltk (PYTHON= to pick the interpreter).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DERLEM=${DERLEM:-./derlem}
size=100M
runs=3
big=1G
old=
rows=freq1,freq2,langs2,kwic1,kwicve,colloc,node,big
die() { echo "targets.sh: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --size) [[ $# -ge 2 ]] || die "--size needs a value"; size=$2; shift 2 ;;
        --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs=$2; shift 2 ;;
        --big) [[ $# -ge 2 ]] || die "--big needs a value"; big=$2; shift 2 ;;
        --old) [[ $# -ge 2 ]] || die "--old needs a value"; old=$2; shift 2 ;;
        --rows) [[ $# -ge 2 ]] || die "--rows needs a value"; rows=$2; shift 2 ;;
        -h|--help) sed -n '3,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1'" ;;
    esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
logs=$BENCH_DIR/targets-logs
mkdir -p "$logs"
table=$(mktemp)
trap 'rm -f "$table"' EXIT

wanted() { [[ ,$rows, == *,$1,* ]]; }

# ROW TARGET RSS_RULE BASELINE -- DERLEM-ARGS: one run.sh row, summarized.
# RSS_RULE: "-" (none), "le" (derlem's peak <= the baseline's) or "le/15".
row() {
    local name=$1 target=$2 rss_rule=$3 baseline=$4
    shift 5
    local log=$logs/$name.log
    echo "targets.sh: $name ..." >&2
    "$BENCH_DIR/run.sh" --size "$size" --one-file --runs "$runs" --baseline "$baseline" \
        -- "$@" >"$log" 2>&1 || { echo "| $name | failed: see $log |" >>"$table"; return; }
    # run.sh's summary: the baseline's line, then derlem's, then the ratios.
    local lines bw dw brss drss medians paired
    lines=$(grep -A2 '^command ' "$log" | tail -n 2)
    bw=$(sed -n 1p <<<"$lines" | awk '{print $(NF-2)}')
    brss=$(sed -n 1p <<<"$lines" | awk '{print $NF}')
    dw=$(sed -n 2p <<<"$lines" | awk '{print $(NF-2)}')
    drss=$(sed -n 2p <<<"$lines" | awk '{print $NF}')
    medians=$(sed -n 's/.*throughput ratio: \([0-9.]*\) (of the medians).*/\1/p' "$log")
    paired=$(sed -n 's/.*median of the [0-9]* paired runs: \([0-9.]*\).*/\1/p' "$log")
    paired=$(awk -v p="$paired" 'BEGIN { printf "%.3f", p }')
    local met
    met=$(awk -v p="$paired" -v m="$medians" -v t="$target" -v r="$rss_rule" \
              -v b="$brss" -v d="$drss" 'BEGIN {
        ok = (m + 0 >= t && p + 0 >= t)
        if (r == "le") ok = ok && d + 0 <= b + 0
        if (r == "le/15") ok = ok && d + 0 <= (b + 0) / 15
        print ok ? "yes" : "no" }')
    local rss_target=""
    [[ $rss_rule == le ]] && rss_target=", RSS <= baseline's"
    [[ $rss_rule == le/15 ]] && rss_target=", RSS <= 1/15 baseline's"
    # A | in a cell would end it.
    printf '| %s | `%s` | `%s` | %s s | %s s | %s | %s | %s MB | %s MB | >= %s%s | %s |\n' \
        "$name" "derlem $*" "${baseline//|/\\|}" "$dw" "$bw" "$medians" "$paired" "$drss" \
        "$brss" "$target" "$rss_target" "$met" >>"$table"
}

if wanted freq1; then
    row freq1 2 le 'bench/naive-count DIR' -- freq --threads 1 --format tsv
fi
if wanted freq2; then
    row freq2 3.5 - 'bench/naive-count DIR' -- freq --threads 2 --format tsv
fi
if wanted langs2; then
    row langs2 1 - 'wc -w' -- langs --threads 2 --format tsv
fi
if wanted kwic1; then
    row kwic1 0.5 - 'grep -c -i -w savaş | cat' -- kwic savaş --threads 1 --format tsv
fi
if wanted kwicve; then
    row kwicve 5 - "grep -o -i -E '.{0,40}ve.{0,40}' | wc -l" -- kwic ve --threads 1 --format tsv
fi
if wanted colloc; then
    python=${PYTHON:-python3}
    if ! "$python" -c 'import nltk' 2>/dev/null; then
        echo "| colloc | skipped: '$python' cannot import nltk (apt-get install python3-nltk) |" >>"$table"
    else
        row colloc 15 le/15 "$(printf '%q %q --min-freq 5' "$python" "$BENCH_DIR/nltk-bigrams.py") DIR" \
            -- colloc --all --window 0,1 --stoplist none --min-cooc 5 --threads 1 --format tsv
    fi
fi
if wanted node; then
    if [[ -z $old ]]; then
        echo "| node | skipped: no --old binary to compare with |" >>"$table"
    else
        row node 3 - "$(printf '%q' "$old") colloc savaş --threads 1 --format tsv DIR" \
            -- colloc savaş --threads 1 --format tsv
    fi
fi
if wanted big; then
    file=$("$BENCH_DIR/corpus.sh" --one-file "$big")/corpus.txt
    small=$("$BENCH_DIR/corpus.sh" --one-file "$size")/corpus.txt
    peak() { # prints the peak RSS in MB of DERLEM ARGS... FILE
        "$BENCH_DIR/runstat" "$DERLEM" "$@" 2>&1 >/dev/null | tail -n 1 |
            sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' | awk '{printf "%.0f", $1 / 1024}'
    }
    for args in "freq --format tsv" "colloc --all --format tsv" "ngrams -n 3 --format tsv"; do
        # shellcheck disable=SC2086 # the arguments are words
        mb=$(peak $args "$file")
        met=$(awk -v m="$mb" 'BEGIN { print (m + 0 > 0 && m + 0 < 1024) ? "yes" : "no" }')
        printf '| big | `derlem %s` (%s) | | | | | | %s MB | | < 1024 MB | %s |\n' \
            "$args" "$big" "$mb" "$met" >>"$table"
    done
    a=$(peak kwic savaş --format tsv "$small")
    b=$(peak kwic savaş --format tsv "$file")
    met=$(awk -v a="$a" -v b="$b" 'BEGIN { print (b + 0 <= (a + 0) * 1.1 + 2) ? "yes" : "no" }')
    printf '| big | `derlem kwic savaş` (%s, then %s) | | | | | | %s MB, %s MB | | flat | %s |\n' \
        "$size" "$big" "$a" "$b" "$met" >>"$table"
fi

echo
echo "corpus: bench/corpora/$size-one/corpus.txt (one file); $runs paired runs per row"
echo
echo '| row | derlem | baseline | derlem median | baseline median | speed ratio (medians) | (paired median) | derlem peak RSS | baseline peak RSS | target | met |'
echo '|---|---|---|---|---|---|---|---|---|---|---|'
cat "$table"
