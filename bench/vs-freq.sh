#!/usr/bin/env bash
# bench/vs-freq.sh — the commands that stream like freq (stats, dispersion,
# compare, exercise), each timed against `derlem freq` of the same corpus, paired and
# alternated in one run (bench/run.sh with freq as the baseline).
#
#   bench/vs-freq.sh [--size 100M] [--runs 3] [--threads N] [--files]
#
# Issue 14's targets: stats and dispersion within 1.2x freq's time, compare
# within 2x. exercise (two passes, a third for choice) is measured, with no
# target. A ratio is derlem-command throughput / freq throughput, so 0.83
# means 1.2x the time. Run it from the build directory (./derlem, or DERLEM).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DERLEM=${DERLEM:-./derlem}
size=100M runs=3 threads=2 files=
while [[ $# -gt 0 ]]; do
  case $1 in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --files) files=--files; shift ;;
    *) echo "usage: $0 [--size SIZE] [--runs N] [--threads N] [--files]" >&2; exit 2 ;;
  esac
done
der=$(readlink -f "$DERLEM")
base="$der freq --format tsv --threads $threads DIR"
commands=("stats --format tsv --threads $threads"
          "dispersion --format tsv --threads $threads -e savaş -e war")
if "$der" help compare >/dev/null 2>&1; then
  commands+=("compare --format html --threads $threads")
fi
if "$der" help exercise >/dev/null 2>&1; then
  commands+=("exercise --format tsv --threads $threads savaş"
             "exercise --kind choice --format tsv --threads $threads savaş")
fi
for cmd in "${commands[@]}"; do
  echo "=== $cmd (baseline: freq)"
  # shellcheck disable=SC2086 # the command is a list of words
  DERLEM=$der "$BENCH_DIR/run.sh" --size "$size" --runs "$runs" $files --baseline "$base" -- $cmd |
    tail -n 4
done
