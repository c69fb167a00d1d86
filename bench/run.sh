#!/usr/bin/env bash
# bench/run.sh — throughput benchmark of derlem against a baseline command.
#
#   bench/run.sh [--size 10M|100M|1G] [--runs N] [--baseline 'SHELL COMMAND']
#                [--seed N] [--files] [--one-file] [--keep-output FILE]
#                -- DERLEM-ARGS...
#
# Run it from the build directory: the binary is ${DERLEM:-./derlem}.
# The corpus is generated once into bench/corpora/SIZE/ (cached, regenerated
# when bench/gencorpus.c changes) and its directory is appended as the last
# argument of both commands.  See bench/README.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CC=${CC:-cc}
DERLEM=${DERLEM:-./derlem}

size=10M
runs=3
seed=1
baseline='wc -w'
keep_output=
files_mode=0
one_file=0

usage() {
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    cat <<'EOF'

Options:
  --size SIZE         corpus size: 10M, 100M, 1G, ... (binary units; default 10M)
  --runs N            timed runs of each command (default 3)
  --baseline CMD      baseline shell command (default 'wc -w'); it gets the corpus
                      files through  find DIR -name '*.txt' -print0 | xargs -0 CMD
                      unless its last word is DIR, which is replaced by the directory
  --seed N            generator seed (default 1)
  --files             give derlem the corpus files (sorted) instead of the directory
  --one-file          the corpus as one file (its files joined in order, cached in
                      bench/corpora/SIZE-one/corpus.txt), as many users have it
  --keep-output FILE  save derlem's stdout of the last timed run in FILE
Environment: DERLEM (default ./derlem), CC (default cc).
EOF
}

die() { echo "run.sh: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case $1 in
        --size) [[ $# -ge 2 ]] || die "--size needs a value"; size=$2; shift 2 ;;
        --size=*) size=${1#*=}; shift ;;
        --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs=$2; shift 2 ;;
        --runs=*) runs=${1#*=}; shift ;;
        --baseline) [[ $# -ge 2 ]] || die "--baseline needs a value"; baseline=$2; shift 2 ;;
        --baseline=*) baseline=${1#*=}; shift ;;
        --seed) [[ $# -ge 2 ]] || die "--seed needs a value"; seed=$2; shift 2 ;;
        --seed=*) seed=${1#*=}; shift ;;
        --keep-output) [[ $# -ge 2 ]] || die "--keep-output needs a value"; keep_output=$2; shift 2 ;;
        --keep-output=*) keep_output=${1#*=}; shift ;;
        --files) files_mode=1; shift ;;
        --one-file) one_file=1; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; break ;;
        *) die "unknown option '$1' (derlem's arguments go after --)" ;;
    esac
done
derlem_args=("$@")

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
[[ $size =~ ^[0-9]+[KkMmGg]?(i?[Bb])?$ ]] || die "bad --size '$size'"
[[ $seed =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"
[[ -n ${baseline//[[:space:]]/} ]] || die "empty --baseline"

# ---------------------------------------------------------------- tools
build() { # SRC BIN [LINKER ARGS...]
    local src=$1 bin=$2
    shift 2
    if [[ ! -x $bin || $src -nt $bin ]]; then
        echo "run.sh: building $(basename "$bin")" >&2
        "$CC" -O2 -o "$bin" "$src" "$@"
    fi
}
build "$BENCH_DIR/runstat.c" "$BENCH_DIR/runstat" -lm
RUNSTAT=$BENCH_DIR/runstat

# The naive ICU+GLib counter: a baseline whose program is a relative path
# ending in naive-count (bench/naive-count, ./naive-count, ...) or this
# directory's naive-count is built here on demand and run from here, whatever
# the current directory.
baseline=${baseline#"${baseline%%[![:space:]]*}"} # drop leading blanks
base_label=$baseline
read -r -a bwords <<<"$baseline"
if [[ ${bwords[0]} == "$BENCH_DIR/naive-count" ||
      ( ${bwords[0]} != /* && $(basename -- "${bwords[0]}") == naive-count ) ]]; then
    naive_flags=$(pkg-config --cflags --libs icu-uc icu-i18n glib-2.0) ||
        die "bench/naive-count needs pkg-config and the ICU and GLib development files"
    # shellcheck disable=SC2086 # pkg-config output is a list of words
    build "$BENCH_DIR/naive-count.c" "$BENCH_DIR/naive-count" $naive_flags
    baseline="$(printf '%q' "$BENCH_DIR/naive-count")${baseline#"${bwords[0]}"}"
fi

if ! command -v "$DERLEM" >/dev/null 2>&1 && [[ ! -x $DERLEM ]]; then
    die "derlem binary '$DERLEM' not found (run from the build directory or set DERLEM)"
fi

# --------------------------------------------------------------- corpus
corpus_args=(--seed "$seed")
[[ $one_file == 1 ]] && corpus_args+=(--one-file)
corpus=$("$BENCH_DIR/corpus.sh" "${corpus_args[@]}" "$size")
nfiles=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s}')

# ------------------------------------------------------------- commands
# baseline: either "... DIR" (DIR replaced) or fed the file list via xargs
if [[ ${bwords[-1]} == DIR ]]; then
    base_cmd=("bash" "-c" "${baseline% DIR} \"\$1\"" "baseline" "$corpus")
else
    base_cmd=("bash" "-c" "find \"\$1\" -name '*.txt' -print0 | xargs -0 $baseline" "baseline" "$corpus")
    base_label="$base_label (xargs)"
fi
if [[ $files_mode == 1 ]]; then
    mapfile -d '' corpus_files < <(find "$corpus" -name '*.txt' -print0 | sort -z)
    der_cmd=("$DERLEM" "${derlem_args[@]}" "${corpus_files[@]}")
else
    der_cmd=("$DERLEM" "${derlem_args[@]}" "$corpus")
fi
der_label="$(basename "$DERLEM") ${derlem_args[*]}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run LABEL OUT -- CMD...: prints "wall user sys maxrss" or fails loudly
timed() {
    local out=$1; shift
    local status=0
    "$RUNSTAT" "$@" >"$out" 2>"$tmp/err" || status=$?
    local line
    line=$(grep '^wall=' "$tmp/err" | tail -n1 || true)
    if [[ $status -ne 0 || -z $line ]]; then
        echo "run.sh: command failed (status $status): $*" >&2
        grep -v '^wall=' "$tmp/err" | tail -n 20 >&2 || true
        exit 1
    fi
    # wall=.. user=.. sys=.. maxrss_kb=.. status=..
    echo "$line" | sed -E 's/wall=([^ ]*) user=([^ ]*) sys=([^ ]*) maxrss_kb=([^ ]*).*/\1 \2 \3 \4/'
}

echo "corpus: $corpus ($nfiles files, $bytes bytes); runs: $runs"
echo "warm-up (untimed) ..."
timed /dev/null "${base_cmd[@]}" >/dev/null
timed /dev/null "${der_cmd[@]}" >/dev/null

: >"$tmp/base" ; : >"$tmp/der"
for ((i = 1; i <= runs; i++)); do
    r=$(timed /dev/null "${base_cmd[@]}")
    echo "$r" >>"$tmp/base"
    printf 'run %d  baseline: wall=%s user=%s sys=%s maxrss_kb=%s\n' "$i" $r
    out=/dev/null
    if [[ -n $keep_output && $i -eq $runs ]]; then out=$keep_output; fi
    r=$(timed "$out" "${der_cmd[@]}")
    echo "$r" >>"$tmp/der"
    printf 'run %d  derlem:   wall=%s user=%s sys=%s maxrss_kb=%s\n' "$i" $r
done

# median wall, peak rss
summary() { # FILE -> "median_wall peak_rss_kb"
    sort -g -k1,1 "$1" | awk '{w[NR] = $1; if ($4 > m) m = $4}
        END {med = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2; print med, m}'
}
read -r bw brss < <(summary "$tmp/base")
read -r dw drss < <(summary "$tmp/der")
# the throughput ratio of each pair of runs (baseline wall / derlem wall)
paired=$(paste -d' ' "$tmp/base" "$tmp/der" | awk '{print ($5 > 0 ? $1 / $5 : 0)}' | sort -g |
    awk '{r[NR] = $1} END {print (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2}')

echo
awk -v bytes="$bytes" -v bl="$base_label" -v dl="$der_label" \
    -v bw="$bw" -v brss="$brss" -v dw="$dw" -v drss="$drss" 'BEGIN {
    printf "%-50s %12s %10s %12s\n", "command", "median_wall_s", "MB/s", "peak_rss_MB"
    bt = bw > 0 ? bytes / 1e6 / bw : 0; dt = dw > 0 ? bytes / 1e6 / dw : 0
    printf "%-50s %12.3f %10.1f %12.1f\n", substr(bl, 1, 50), bw, bt, brss / 1024
    printf "%-50s %12.3f %10.1f %12.1f\n", substr(dl, 1, 50), dw, dt, drss / 1024
    if (bt > 0) printf "derlem/baseline throughput ratio: %.3f (of the medians)\n", dt / bt
}'
echo "derlem/baseline throughput ratio, median of the $runs paired runs: $paired"
if [[ -n $keep_output ]]; then echo "derlem output of the last run saved in $keep_output"; fi
