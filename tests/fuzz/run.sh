#!/bin/sh
# tests/fuzz/run.sh — runs the libFuzzer harnesses (HACKING.md, Fuzzing):
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
# from the build directory of a tree configured with CC=clang
# --enable-fuzzing, after `make fuzz`. Each TARGET (reader langid tokenizer
# query queries meta frames partial; all by default) runs alone for SECONDS (default 60)
# on one core. The corpora grow in the build directory's
# tests/fuzz/corpus/TARGET, seeded afresh each run from corpus/ and
# tests/data (tests/fuzz/seeds.sh); libFuzzer's output is in
# tests/fuzz/logs/TARGET.log, what crashed, leaked, timed out or ran out of
# memory in tests/fuzz/crashes/TARGET/. Prints each target's executions and
# coverage (cov: edges, ft: features); exits 1 if a target failed, naming
# the input to rerun: tests/fuzz/fuzz-TARGET FILE.
set -u
seconds=60
case ${1:-} in
  '' | *[!0-9]*) ;;
  *)
    seconds=$1
    shift
    ;;
esac
targets=${*:-reader langid tokenizer query queries meta frames partial}
here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(cd "$here/../.." && pwd)

for t in $targets; do
  if [ ! -x "tests/fuzz/fuzz-$t" ]; then
    echo "run.sh: no tests/fuzz/fuzz-$t here: run it from the build directory, after" >&2
    echo "        ./configure CC=clang --enable-fuzzing && make fuzz" >&2
    exit 2
  fi
done

sh "$here/seeds.sh" "$srcdir" tests/fuzz/seeds || exit 2
mkdir -p tests/fuzz/logs

# Per target: the dictionary (none for binary frames) and the longest
# input worth mutating (the reader repeats short inputs past its 1 MiB
# chunk by itself).
dict_of () {
  case $1 in
    reader | langid) echo text ;;
    tokenizer) echo text ;;
    query | queries) echo query ;;
    meta) echo meta ;;
    frames | partial) ;; # binary: none
  esac
}
max_len_of () {
  case $1 in
    query) echo 256 ;;
    queries) echo 1024 ;;
    *) echo 4096 ;;
  esac
}

# Leaks are findings (LeakSanitizer, at each input's end); UBSan stops at
# the first report.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

failed=0
for t in $targets; do
  corpus=tests/fuzz/corpus/$t
  crashes=tests/fuzz/crashes/$t
  log=tests/fuzz/logs/$t.log
  dict=$(dict_of "$t")
  mkdir -p "$corpus" "$crashes"
  "tests/fuzz/fuzz-$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=25 \
    -rss_limit_mb=2048 -max_len="$(max_len_of "$t")" ${dict:+-dict="$here/$dict.dict"} \
    -artifact_prefix="$crashes/" "$corpus" "tests/fuzz/seeds/$t" > "$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
  printf '%-10s %10s runs  %s  corpus %s inputs\n' "$t" "${runs:-?}" "${cov:-cov: ? ft: ?}" \
    "$(find "$corpus" -type f | wc -l)"
  if [ "$status" -ne 0 ]; then
    failed=1
    found=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    what=$(grep -m 1 -o 'ERROR: [A-Za-z]*Sanitizer: [a-z-]*\|ERROR: libFuzzer: [a-z-]*\|runtime error: .*\|ERROR:.*' "$log")
    echo "FAILED: $t: ${what:-exit status $status}"
    echo "        input: ${found:-(none written)}; log: $log"
  fi
done
exit $failed
