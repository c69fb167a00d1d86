#!/usr/bin/env bash
# same-output.sh — do two derlem binaries print the same bytes? Every command
# in every format on corpus/ and on a generated corpus (10M by default), with
# stderr and exit status; for refactors that promise byte-identical output.
#
#   bench/same-output.sh OLD_DERLEM NEW_DERLEM [SIZE]
#
# FORMATS="text tsv" limits the formats (default: all six).
# Prints "same: N runs" and exits 0, or the runs that differ (a diff of each,
# cut) and exits 1. Outputs are kept in bench/same-output/{old,new}/.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$BENCH_DIR")
[[ $# -ge 2 ]] || { echo "usage: $0 OLD_DERLEM NEW_DERLEM [SIZE]" >&2; exit 2; }
old=$(readlink -f "$1"); new=$(readlink -f "$2"); size=${3:-10M}

# The generated corpus, made and cached by corpus.sh.
gen=$("$BENCH_DIR/corpus.sh" "$size")
corpus=$TOP/corpus

# One line per run: a name and derlem's arguments (PATH is the input).
runs () {
  for f in ${FORMATS:-text tsv csv json html markdown}; do
    for src in corpus gen; do
      cat <<RUNS
langs-$src-$f langs --format $f --color never PATH
freq-$src-$f freq --format $f PATH
freqstem-$src-$f freq --unit stem --top 300 --format $f PATH
freqalpha-$src-$f freq --sort alpha --stoplist default --top 500 --numbers --format $f PATH
colloc-$src-$f colloc savaş --format $f PATH
collocall-$src-$f colloc --all --top 400 --format $f PATH
collocstem-$src-$f colloc --unit stem --window 3,3 --sort ll karabağ --format $f PATH
ngrams-$src-$f ngrams -n 3 --top 300 --format $f PATH
ngramsq-$src-$f ngrams -n 2-4 --unit stem --contains karabağ --format $f PATH
kwic-$src-$f kwic savaş --color never --format $f PATH
kwicsort-$src-$f kwic --sort R1,L1 --sentence --color never -e savaş* -e Dağlık_Karabağ --format $f PATH
kwicw-$src-$f kwic --words 5 --sample 50 --seed 3 --color never /^ermeni/ --format $f PATH
RUNS
    done
  done
  echo "kwic-color kwic savaş --color always corpus"
  echo "langs-color langs --color always corpus"
  echo "freq-en freq --lang en --case keep --top 100 corpus"
}

out=$BENCH_DIR/same-output
rm -rf "$out" && mkdir -p "$out/old" "$out/new"
n=0
while read -r name args; do
  src=${name#*-}; src=${src%%-*}
  [[ $src == gen ]] && path=$gen || path=$corpus
  # A phrase query is written with _ above so that read keeps it one word.
  read -r -a argv <<< "${args//PATH/$path}"
  argv=("${argv[@]//Dağlık_Karabağ/\"Dağlık Karabağ\"}")
  for side in old new; do
    bin=$old; [[ $side == new ]] && bin=$new
    status=0
    "$bin" "${argv[@]}" > "$out/$side/$name.out" 2> "$out/$side/$name.err" || status=$?
    echo "exit $status" >> "$out/$side/$name.err"
  done
  n=$((n + 1))
done < <(runs)

if diff -r "$out/old" "$out/new" > "$out/diff"; then
  echo "same: $n runs"
else
  grep '^diff' "$out/diff" | sed 's/^diff -r /differs: /'
  head -n 40 "$out/diff"
  exit 1
fi
