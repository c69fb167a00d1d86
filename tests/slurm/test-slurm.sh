#!/usr/bin/env bash
# test-slurm.sh — derlem-slurm on a real Slurm: starts a one-node cluster on
# this machine (munged, slurmctld and slurmd, as root, with a slurm.conf of
# its own in a temporary directory), counts corpus/ in 4 shards through
# contrib/slurm/derlem-slurm and checks that the merged partial result
# (merged in a tree of jobs, and by one) is the bytes of one `derlem count
# corpus` and that freq prints the same over it (with the tables, ngrams,
# colloc --all and stats; with --index, every command over the merged
# index); then a corpus with a binary file: the merge jobs must name the
# shard and exit 1, and nothing may be merged. Stops the cluster however it ends.
#
#   tests/slurm/test-slurm.sh [DERLEM]
#
# Needs the Debian packages slurm-wlm and munge (.ci/run installs them) and
# root. Environment: DERLEM_SLURM_PORT (slurmctld's port, default 16817;
# slurmd takes the next). Prints "slurm: ok" and exits 0, or what failed and
# exits 1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$(dirname "$here")")
derlem=$(readlink -f "${1:-$top/derlem}")
fail() {
  echo "slurm: FAIL: $*" >&2
  exit 1
}
[[ -x $derlem ]] || fail "no derlem at $derlem"

# shellcheck source=tests/slurm/local-cluster.sh
. "$here/local-cluster.sh"
cluster_start
dir=$cluster_dir

cd "$top"
driver=$top/contrib/slurm/derlem-slurm
run=$dir/run
mkdir -p "$run"

# corpus/ in 4 shards, merged in a tree (2 and 2, then the two): the bytes
# of one count, and freq's output over it; then by one merge job.
"$driver" --derlem "$derlem" --shards 4 --fan-in 2 -o "$run/all.dlc" corpus 2> "$run/driver.err" \
  || fail "derlem-slurm on corpus/ exited with $?: $(cat "$run/driver.err")"
grep -q "5 files, [0-9]* bytes in 4 shards" "$run/driver.err" \
  || fail "not 4 shards: $(cat "$run/driver.err")"
grep -q "merges of level 1: job array [0-9]* (2 tasks)" "$run/driver.err" \
  || fail "no tree of merges: $(cat "$run/driver.err")"
for k in 0 1 2 3; do
  [[ -s $run/all.dlc.work/part-$k.dlc ]] || fail "no part $k"
done
for g in 0 1; do
  [[ -s $run/all.dlc.work/merge-1-$g.dlc ]] || fail "no merge 1.$g"
done
"$derlem" count corpus --save "$run/single.dlc"
cmp -s "$run/all.dlc" "$run/single.dlc" || fail "the merged result is not one count's bytes"
"$driver" --derlem "$derlem" --shards 4 -o "$run/flat.dlc" corpus 2> "$run/driver.err" \
  || fail "derlem-slurm on corpus/ exited with $?: $(cat "$run/driver.err")"
cmp -s "$run/flat.dlc" "$run/single.dlc" || fail "one merge job's result is not one count's bytes"
"$derlem" freq --format tsv corpus > "$run/want.tsv"
"$derlem" freq --format tsv "$run/all.dlc" > "$run/got.tsv"
cmp -s "$run/want.tsv" "$run/got.tsv" || fail "freq over the merged result differs"
[[ $(wc -l < "$run/want.tsv") -gt 1000 ]] || fail "freq printed too little"

# With --dispersion and the tables passed on to count, in 2 shards: freq
# --dispersion, ngrams, colloc --all and stats too.
"$driver" --derlem "$derlem" --shards 2 -o "$run/disp.dlc" corpus \
  -- --dispersion --ngrams 2-3 --ngram-files --pairs 1 --stats 2> "$run/driver.err" \
  || fail "derlem-slurm -- --dispersion exited with $?: $(cat "$run/driver.err")"
for cmd in "freq --format tsv --dispersion" "ngrams --format tsv -n 2-3 --unit stem" \
  "colloc --all --format tsv" "stats --format tsv"; do
  # shellcheck disable=SC2086 # the command's words
  "$derlem" $cmd corpus > "$run/want.tsv"
  # shellcheck disable=SC2086
  "$derlem" $cmd "$run/disp.dlc" > "$run/got.tsv"
  cmp -s "$run/want.tsv" "$run/got.tsv" || fail "$cmd over the merged result differs"
  [[ $(wc -l < "$run/want.tsv") -gt 10 ]] || fail "$cmd printed too little"
done

# --index: an index per shard, joined by index merge (in a tree: shards 0
# and 1, then that and shard 2); every command reads it as it reads the
# files.
"$driver" --index --derlem "$derlem" --shards 3 --fan-in 2 -o "$run/all.dlx" corpus \
  2> "$run/driver.err" \
  || fail "derlem-slurm --index exited with $?: $(cat "$run/driver.err")"
for cmd in "freq --format tsv" "kwic --format tsv savaş" "colloc --format tsv savaş" \
  "stats --format tsv" "ngrams --format tsv -n 3" "langs --format tsv"; do
  # shellcheck disable=SC2086 # the command's words
  "$derlem" $cmd corpus > "$run/want.tsv"
  # shellcheck disable=SC2086
  "$derlem" $cmd "$run/all.dlx" > "$run/got.tsv"
  cmp -s "$run/want.tsv" "$run/got.tsv" || fail "$cmd over the merged index differs"
done

# A shard with a file that cannot be read as text: named, nothing merged
# (the tree's merge of shards 2 and 3 fails, and the last merge says why).
mkdir "$run/bad"
cp corpus/*.txt "$run/bad/"
head -c 4096 "$derlem" > "$run/bad/commentary-zz-binary.txt"
status=0
"$driver" --derlem "$derlem" --shards 4 --fan-in 2 -o "$run/bad.dlc" "$run/bad" \
  2> "$run/driver.err" || status=$?
((status == 1)) || fail "a failed shard: exit status $status, not 1"
grep -q "shard 3 (2 files, .*): derlem count exited with status 1" "$run/driver.err" \
  || fail "the failed shard is not named: $(cat "$run/driver.err")"
grep -q "commentary-zz-binary.txt: binary file" "$run/driver.err" \
  || fail "derlem's message is not passed on: $(cat "$run/driver.err")"
grep -q "1 of 4 shards failed: nothing merged" "$run/driver.err" || fail "no summary"
[[ ! -e $run/bad.dlc ]] || fail "a result was written from an incomplete set"
[[ -e $run/bad.dlc.work/merge-1-0.dlc && ! -e $run/bad.dlc.work/merge-1-1.dlc ]] \
  || fail "the tree merged shards 2 and 3, or not 0 and 1"

echo "slurm: ok (corpus/ counted in 4 shards, merged in a tree and at once, in 2 with tables, and indexed in 3 on a one-node cluster; a failed shard named)"
