#!/usr/bin/env bash
# partial-same.sh — do partial results give what the files give? Cuts a
# generated corpus (10M by default) into SHARDS runs of its sorted files,
# counts each (derlem count --save), merges them in two orders and two
# groupings (derlem merge), and checks that every merge is, to the byte,
# what counting all the files at once saves, and that freq, keyness,
# ngrams, colloc --all and stats print over the partial results what they
# print over the files (standard output and exit status). doc/DESIGN.md
# §8, "Partial results".
#
#   bench/partial-same.sh [DERLEM] [SIZE] [SHARDS]
#
# Prints "same: N runs" and exits 0, or what differs and exits 1.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$BENCH_DIR")
derlem=$(readlink -f "${1:-$TOP/derlem}"); size=${2:-10M}; shards=${3:-4}
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "partial-same.sh: bad SHARDS '$shards'" >&2; exit 2; }

gen=$("$BENCH_DIR/corpus.sh" "$size")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find "$gen" -name '*.txt' | LC_ALL=C sort)
(( ${#files[@]} >= shards )) || { echo "partial-same.sh: fewer files than shards" >&2; exit 2; }

# Shard s holds the files from s * n / shards up to (s + 1) * n / shards;
# each keeps what every command below reads.
n=${#files[@]}
keep=(--dispersion --ngrams 2-4 --ngram-files --pairs 1 --stats)
parts=()
for ((s = 0; s < shards; s++)); do
  from=$((s * n / shards)); to=$(((s + 1) * n / shards))
  "$derlem" count "${keep[@]}" "${files[@]:from:to-from}" --save "$work/s$s.dlc"
  parts+=("$work/s$s.dlc")
done
"$derlem" count "${keep[@]}" "${files[@]}" --save "$work/all.dlc"

bad=0
same_bytes() {
  if ! cmp -s "$1" "$work/all.dlc"; then echo "differs: $2"; bad=1; fi
}
"$derlem" merge "${parts[@]}" -o "$work/m-in-order.dlc"
same_bytes "$work/m-in-order.dlc" "merge in order"
mapfile -t reversed < <(printf '%s\n' "${parts[@]}" | tac)
"$derlem" merge "${reversed[@]}" -o "$work/m-reversed.dlc"
same_bytes "$work/m-reversed.dlc" "merge in reverse order"
# Grouped: the first half, the second half, then the two.
half=$((shards / 2))
if ((half > 0 && shards - half > 0)); then
  "$derlem" merge "${parts[@]:0:half}" -o "$work/h1.dlc"
  "$derlem" merge "${parts[@]:half}" -o "$work/h2.dlc"
  "$derlem" merge "$work/h2.dlc" "$work/h1.dlc" -o "$work/m-grouped.dlc"
  same_bytes "$work/m-grouped.dlc" "merge of halves"
fi

runs='freq PATH
freq --format tsv --unit stem --threads 1 PATH
freq --format tsv --unit lemma --lang en PATH
freq --format json --threads 3 PATH
freq --dispersion --format tsv --top 300 PATH
freq --format tsv --stoplist default --sort alpha --min-freq 2 PATH
freq --format tsv --lang tr --bands PATH
ngrams --format tsv PATH
ngrams --format tsv -n 2-4 --unit stem --min-freq 3 --threads 1 PATH
colloc --all --format tsv --top 5000 PATH
colloc --all --format tsv --unit lemma --lang en --sort ll PATH
stats --format tsv PATH'
# Runs derlem with the words of $1, PATH replaced by the other arguments:
# the digest of its output, then its exit status.
run_over() {
  local words=() args=() w
  read -ra words <<< "$1"
  shift
  for w in "${words[@]}"; do
    if [[ $w == PATH ]]; then args+=("$@"); else args+=("$w"); fi
  done
  "$derlem" "${args[@]}" 2>/dev/null | sha256sum
  echo "${PIPESTATUS[0]}"
}
runs_done=0
while read -r line; do
  a=$(run_over "$line" "${files[@]}")
  for over in "$work/m-reversed.dlc" "${parts[*]}"; do
    # shellcheck disable=SC2086 # the parts, split
    b=$(run_over "$line" $over)
    runs_done=$((runs_done + 1))
    [[ $a == "$b" ]] || { echo "differs: $line over ${over##*/}"; bad=1; }
  done
done <<< "$runs"
# keyness: the first shard against the others (--ref names one PATH each).
refs=(); for f in "${files[@]:n/shards}"; do refs+=(--ref "$f"); done
ref_parts=(); for p in "${parts[@]:1}"; do ref_parts+=(--ref "$p"); done
a=$("$derlem" keyness --format tsv "${files[@]:0:n/shards}" "${refs[@]}" | sha256sum)
b=$("$derlem" keyness --format tsv "${parts[0]}" "${ref_parts[@]}" | sha256sum)
runs_done=$((runs_done + 1))
[[ $a == "$b" ]] || { echo "differs: keyness"; bad=1; }
[[ $bad == 0 ]] && echo "same: $runs_done runs, $((shards + 1)) partial results, 3 merges"
exit $bad
