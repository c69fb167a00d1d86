#!/usr/bin/env bash
# slurm-scale.sh — a generated corpus (1G by default) counted in SHARDS
# shards (8) by contrib/slurm/derlem-slurm on a one-node Slurm cluster
# started here (tests/slurm/local-cluster.sh: root, slurm-wlm and munge),
# against one `derlem freq` over the same files in the same run. Prints:
# freq's time and peak RSS; each count task's time, peak RSS and bytes of
# text, and the size of its partial result; each merge job's time and peak
# RSS (one, or with FAN_IN below SHARDS a tree of them); the time from the
# last count task's end to the merged result; the whole sharded run's wall
# time (tasks run as many at once as the node has cores); freq over the
# merged result (its output compared with the direct run's); and the
# projected time for 100 GB on N nodes from the measured per-task
# throughput and the cost of one merge job (bench/RESULTS.md says how).
#
#   bench/slurm-scale.sh [DERLEM] [SIZE] [SHARDS] [FAN_IN]
#
# Times and peaks come from /usr/bin/time (GNU time), around each derlem
# run (a wrapper given to derlem-slurm as --derlem); output goes to a pipe.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$BENCH_DIR")
derlem=$(readlink -f "${1:-$TOP/derlem}"); size=${2:-1G}; shards=${3:-8}; fan_in=${4:-16}
fail() {
  echo "slurm-scale.sh: $*" >&2
  exit 1
}
[[ -x /usr/bin/time ]] || fail "needs GNU time (/usr/bin/time)"
gen=$("$BENCH_DIR/corpus.sh" "$size")
# shellcheck source=tests/slurm/local-cluster.sh
. "$TOP/tests/slurm/local-cluster.sh"
cluster_start
work=$cluster_dir/run
mkdir -p "$work"

# Every derlem run on the nodes: its subcommand, seconds, peak KiB, and
# when it ended (seconds since the epoch).
cat > "$work/derlem-timed" << EOF
#!/bin/sh
/usr/bin/time -a -o "$work/times" -f "\$1 %e %M" "$derlem" "\$@"
status=\$?
date +%s.%N >> "$work/ends.\$1"
exit \$status
EOF
chmod +x "$work/derlem-timed"

text=$(du -sb "$gen" | cut -f1)
/usr/bin/time -o "$work/freq.time" -f "%e %M" "$derlem" freq --format tsv "$gen" \
  | sha256sum > "$work/freq.sum"
read -r freq_s freq_kb < "$work/freq.time"

start=$(date +%s.%N)
"$TOP/contrib/slurm/derlem-slurm" --derlem "$work/derlem-timed" --shards "$shards" \
  --fan-in "$fan_in" -o "$work/all.dlc" "$gen" 2> "$work/driver.err" \
  || fail "derlem-slurm: $(cat "$work/driver.err")"
end=$(date +%s.%N)
wall=$(echo "$end - $start" | bc)
# From the last count task's end to the last merge's.
last_count=$(sort -n "$work/ends.count" | tail -1)
last_merge=$(sort -n "$work/ends.merge" | tail -1)
merging=$(echo "$last_merge - $last_count" | bc)

/usr/bin/time -o "$work/read.time" -f "%e %M" "$derlem" freq --format tsv "$work/all.dlc" \
  | sha256sum > "$work/read.sum"
read -r read_s read_kb < "$work/read.time"
same=$(cmp -s "$work/freq.sum" "$work/read.sum" && echo "the same bytes" || echo "DIFFERENT")

printf 'corpus: %s (%s bytes of text, %s files); %s shards on %s cores\n' "$size" "$text" \
  "$(find "$gen" -name '*.txt' | wc -l)" "$shards" "$(nproc)"
printf 'freq over the files: %.1f s, %d MB peak\n' "$freq_s" $((freq_kb / 1024))
echo "count tasks (seconds, peak MB, MB of text, MB of partial result):"
task_sum=0 task_max=0 n=0
parts=0
for ((k = 0; k < shards; k++)); do
  [[ -f $work/all.dlc.work/shard-$k.list ]] || continue
  bytes=$(xargs -d '\n' stat -L -c %s < "$work/all.dlc.work/shard-$k.list" | paste -sd+ | bc)
  part=$(stat -c %s "$work/all.dlc.work/part-$k.dlc")
  parts=$((parts + part))
  printf '  shard %d: %6.1f MB of text, %6.1f MB result\n' "$k" \
    "$(echo "$bytes / 1048576" | bc -l)" "$(echo "$part / 1048576" | bc -l)"
  n=$((n + 1))
done
grep '^count ' "$work/times" | while read -r _ s kb; do
  printf '  a task: %.1f s, %d MB peak\n' "$s" $((kb / 1024))
done
# The last merge ends last; the one merge job's cost, for the projection.
read -r _ merge_s merge_kb < <(grep '^merge ' "$work/times" | tail -1)
task_sum=$(grep '^count ' "$work/times" | awk '{ s += $2 } END { print s }')
task_max=$(grep '^count ' "$work/times" | awk '$2 > m { m = $2 } END { print m }')
task_kb=$(grep '^count ' "$work/times" | awk '$3 > m { m = $3 } END { print m }')
merges=$(grep -c '^merge ' "$work/times")
if ((merges > 1)); then
  echo "merge jobs, a tree of fan-in $fan_in (seconds, peak MB; the last one last):"
  grep '^merge ' "$work/times" | while read -r _ s kb; do
    printf '  a merge: %.1f s, %d MB peak\n' "$s" $((kb / 1024))
  done
  for f in "$work"/all.dlc.work/merge-*.dlc; do
    printf '  %s: %.1f MB\n' "${f##*/}" "$(echo "$(stat -c %s "$f") / 1048576" | bc -l)"
  done
fi
printf 'last merge job: %.1f s, %d MB peak; %d parts, %.1f MB; result %.1f MB\n' "$merge_s" \
  $((merge_kb / 1024)) "$n" "$(echo "$parts / 1048576" | bc -l)" \
  "$(echo "$(stat -c %s "$work/all.dlc") / 1048576" | bc -l)"
printf 'from the last count task to the merged result: %.1f s\n' "$merging"
printf 'sharded run, submit to merged result: %.1f s (%.2f x freq over the files)\n' "$wall" \
  "$(echo "$wall / $freq_s" | bc -l)"
printf 'freq over the merged result: %.1f s, %d MB peak; %s as over the files\n' "$read_s" \
  $((read_kb / 1024)) "$same"
if ((merges > 1)); then
  echo "(the projection below needs one merge job: run with FAN_IN >= SHARDS)"
  exit 0
fi
# The projection keeps the shards as large as here (the parts' bytes per
# byte of text, and so the merge's work, depend on a shard's size): 100 GB
# in shards of the mean size measured, counted in waves of one task per
# core (each as long as the mean task here), then merged by one job at the
# rate measured here (seconds per MB of partial results), which grows with
# the parts' bytes, not with the nodes.
tput=$(echo "$text / $task_sum" | bc -l)
mean_task=$(echo "$task_sum / $n" | bc -l)
mean_shard=$(echo "$text / $n" | bc -l)
parts_ratio=$(echo "$parts / $text" | bc -l)
merge_rate=$(echo "$merge_s / ($parts / 1048576)" | bc -l)
printf 'a task: %.1f MB/s of text; partial results %.3f x the text; merge %.2f s per MB of them;\n' \
  "$(echo "$tput / 1048576" | bc -l)" "$parts_ratio" "$merge_rate"
printf 'largest task peak %d MB (slowest %.1f s)\n' $((task_kb / 1024)) "$task_max"
big=$((100 * 1073741824))
shards_100=$(echo "($big + $mean_shard - 1) / $mean_shard" | bc)
merge_100=$(echo "$big * $parts_ratio / 1048576 * $merge_rate" | bc -l)
printf 'projected for 100 GB in %d shards of %.0f MB (merge alone: %.0f min):\n' "$shards_100" \
  "$(echo "$mean_shard / 1048576" | bc -l)" "$(echo "$merge_100 / 60" | bc -l)"
for cores in 64 256 1024; do
  waves=$(((shards_100 + cores - 1) / cores))
  t=$(echo "$waves * $mean_task + $merge_100" | bc -l)
  printf '  %4d cores: %3d waves of tasks, %5.0f s in all (%.0f min)\n' "$cores" "$waves" "$t" \
    "$(echo "$t / 60" | bc -l)"
done
printf '(freq over 100 GB on one such core, at a task'"'"'s rate: %.1f h)\n' \
  "$(echo "$big / $tput / 3600" | bc -l)"
