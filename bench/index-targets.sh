#!/usr/bin/env bash
# index-targets.sh — derlem's index against a pass over the files: the
# build against freq, the index's size, and each query over the files and
# over the index, in one run on one generated corpus; a Markdown table.
#
#   bench/index-targets.sh [--size 1G] [--runs 1] [--files] [--rare WORD]
#                          [--positions]
#
# The corpus is one file (bench/corpora/SIZE-one/corpus.txt, as many users
# have it) or, with --files, its directory of files; --positions builds
# the index with the blocks' tokens (index build --positions). Each row's two
# commands alternate --runs times (median shown), output to a pipe into
# wc -c; times and peak RSS from bench/runstat. DERLEM (default ./derlem).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DERLEM=${DERLEM:-./derlem}
CC=${CC:-cc}
size=1G
runs=1
files=0
rare=abalka
positions=()
die() { echo "index-targets.sh: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --size) size=${2:?}; shift 2 ;;
        --runs) runs=${2:?}; shift 2 ;;
        --files) files=1; shift ;;
        --rare) rare=${2:?}; shift 2 ;;
        --positions) positions=(--positions); shift ;;
        -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1'" ;;
    esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
[[ -x $BENCH_DIR/runstat && $BENCH_DIR/runstat -nt $BENCH_DIR/runstat.c ]] ||
    "$CC" -O2 -o "$BENCH_DIR/runstat" "$BENCH_DIR/runstat.c"
if [[ $files == 1 ]]; then
    src=$("$BENCH_DIR/corpus.sh" "$size")
else
    src=$("$BENCH_DIR/corpus.sh" --one-file "$size")/corpus.txt
fi
text_bytes=$(find "$src" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s}')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
idx=$work/corpus.dlx

# Runs DERLEM ARGS (INPUT for the input) with stdout into wc -c: sets
# wall, rss_mb and out_bytes.
measure() {
    local input=$1
    shift
    local args=("${@//INPUT/$input}") stat
    stat=$( { "$BENCH_DIR/runstat" "$DERLEM" "${args[@]}" 2>&1 >&3 | tail -n 1; } 3> >(wc -c >"$work/bytes"))
    sleep 0.2 # wc's file
    wall=$(sed -n 's/.*wall=\([0-9.]*\).*/\1/p' <<<"$stat")
    rss_mb=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' <<<"$stat" | awk '{printf "%.0f", $1 / 1024}')
    out_bytes=$(cat "$work/bytes")
}

median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "corpus: $src ($text_bytes bytes); $runs run(s) per command" >&2
# The build, against freq over the same text.
builds=() freqs=() build_rss=0
for ((r = 0; r < runs; r++)); do
    rm -rf "$idx"
    measure "$src" index build "${positions[@]}" -o "$idx" INPUT
    builds+=("$wall")
    ((rss_mb > build_rss)) && build_rss=$rss_mb
    measure "$src" freq --format tsv INPUT
    freqs+=("$wall")
done
build=$(printf '%s\n' "${builds[@]}" | median)
freq=$(printf '%s\n' "${freqs[@]}" | median)
index_bytes=$(du -sb "$idx" | cut -f1)

echo "| row | over the files | over the index | ratio |"
echo "|---|---|---|---|"
awk -v b="$build" -v f="$freq" -v m="$build_rss" 'BEGIN {
    printf "| build (freq over the files) | freq %.2f s | build %.2f s, %d MB peak | %.2f × freq |\n", f, b, m, b / f }'
awk -v i="$index_bytes" -v t="$text_bytes" 'BEGIN {
    printf "| size | %.0f MB of text | %.0f MB | %.2f × the text |\n", t / 1e6, i / 1e6, i / t }'

row() { # LABEL ARGS... (INPUT for the input)
    local label=$1
    shift
    local a=() b=() ab=0 bb=0 am=0 bm=0
    for ((r = 0; r < runs; r++)); do
        measure "$src" "$@"
        a+=("$wall")
        ab=$out_bytes
        ((rss_mb > am)) && am=$rss_mb
        measure "$idx" "$@"
        b+=("$wall")
        bb=$out_bytes
        ((rss_mb > bm)) && bm=$rss_mb
    done
    [[ $ab == "$bb" ]] || echo "index-targets.sh: $label: $ab bytes over the files, $bb over the index" >&2
    local ma mb
    ma=$(printf '%s\n' "${a[@]}" | median)
    mb=$(printf '%s\n' "${b[@]}" | median)
    awk -v l="$label" -v a="$ma" -v b="$mb" -v am="$am" -v bm="$bm" -v o="$bb" 'BEGIN {
        printf "| %s | %.3f s, %d MB | %.3f s, %d MB, %.1f MB/s out | %.2f × faster |\n",
            l, a, am, b, bm, o / 1e6 / (b > 0 ? b : 1e-9), a / (b > 0 ? b : 1e-9) }'
}
row "freq --format tsv" freq --format tsv INPUT
row "kwic $rare (rare)" kwic --format tsv "$rare" INPUT
row "kwic $rare, text" kwic "$rare" INPUT
row "kwic savaş" kwic --format tsv savaş INPUT
row "kwic ve" kwic --format tsv ve INPUT
row "kwic 'Dağlık Karabağ'" kwic --format tsv "Dağlık Karabağ" INPUT
row "kwic '/^ermeni/'" kwic --format tsv /^ermeni/ INPUT
row "kwic --cql dağlık karabağ.*" kwic --format tsv --cql '[fold="dağlık"] [fold="karabağ.*"]' INPUT
row "kwic --cql the ... of within s" kwic --format tsv --cql '"the" [lang="en" & word!="of"]+ "of" within s' INPUT
row "kwic --cql $rare.* (rare)" kwic --format tsv --cql "[fold=\"$rare.*\"]" INPUT
row "kwic '$rare*' (rare)" kwic --format tsv "$rare*" INPUT
row "dispersion $rare (rare)" dispersion --format tsv "$rare" INPUT
row "dispersion savaş" dispersion --format tsv savaş INPUT
row "colloc $rare (rare)" colloc --format tsv "$rare" INPUT
row "colloc savaş" colloc --format tsv savaş INPUT
