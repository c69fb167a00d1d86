#!/usr/bin/env bash
# index-same.sh — does every command print the same over an index as over
# its files? Builds indexes of corpus/ (with its MANIFEST.tsv) and of a
# generated corpus (10M by default, as many files and as one file), runs
# each command over the files and over the index, and compares standard
# output and exit status (doc/DESIGN.md §8: the index replays the lines).
#
#   bench/index-same.sh [DERLEM] [SIZE]
#
# INDEX_OPTIONS (say, --positions) are given to each index build.
# Prints "same: N runs" and exits 0, or the runs that differ and exits 1.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$BENCH_DIR")
derlem=$(readlink -f "${1:-$TOP/derlem}"); size=${2:-10M}

gen=$("$BENCH_DIR/corpus.sh" "$size")
one=$("$BENCH_DIR/corpus.sh" --one-file "$size")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$TOP"
# shellcheck disable=SC2086 # options, split
"$derlem" index build ${INDEX_OPTIONS:-} --meta corpus/MANIFEST.tsv -o "$work/corpus.dlx" corpus
# shellcheck disable=SC2086
"$derlem" index build ${INDEX_OPTIONS:-} -o "$work/gen.dlx" "$gen"
# shellcheck disable=SC2086
"$derlem" index build ${INDEX_OPTIONS:-} -o "$work/one.dlx" "$one"

# Each command with PATH for its input; _ joins a phrase's words.
runs='freq PATH
freq --format tsv --unit stem --threads 1 PATH
freq --format tsv --unit lemma --lang en PATH
freq --format json --threads 3 --numbers PATH
freq --format tsv --assume-lang tr PATH
freq --case keep --sort alpha --top 500 PATH
freq --dispersion --format tsv --top 300 PATH
kwic --format tsv savaş PATH
kwic --format tsv ve PATH
kwic --format tsv --width 60 -e bir -e the -e ve PATH
kwic --format tsv --sort R1,L1 --sentence savaş* PATH
kwic --format tsv /^ermeni/ PATH
kwic --format tsv the_war PATH
kwic --format csv --words 5 --unit stem karabağ PATH
kwic --format json --width 90 --lang en abalka PATH
kwic --format tsv --cql "[fold=\"dağlık\"] [fold=\"karabağ.*\"]" PATH
kwic --format tsv --cql "\"the\" [lang=\"en\" & word!=\"of\"]+ \"of\" within s" PATH
kwic --cql "([fold=\"ermeni.*\"] | [stem=\"azerbaycan\"]) []{0,2} \"ve\" within s" PATH
dispersion --format tsv --cql "[word=\"[0-9]+\"] [fold=\"yılında\"]" PATH
colloc --format tsv savaş PATH
colloc --all --top 400 --format tsv PATH
ngrams -n 3 --top 300 --format tsv PATH
ngrams -n 2-4 --unit stem --contains karabağ --format tsv PATH
stats --format tsv PATH
langs --format tsv PATH
export PATH
dispersion --format tsv -e savaş -e war PATH
exercise --seed 3 savaş PATH
compare --format markdown PATH
profile --format tsv PATH'
n=0; bad=0
for pair in "corpus $work/corpus.dlx" "$gen $work/gen.dlx" "$one $work/one.dlx"; do
  read -r src idx <<< "$pair"
  [[ $src == corpus ]] && src="--meta corpus/MANIFEST.tsv corpus"
  while read -r line; do
    a=$(eval "\"$derlem\" ${line//PATH/$src}" 2>/dev/null | sha256sum; echo "${PIPESTATUS[0]}")
    b=$(eval "\"$derlem\" ${line//PATH/$idx}" 2>/dev/null | sha256sum; echo "${PIPESTATUS[0]}")
    n=$((n + 1))
    if [[ $a != "$b" ]]; then
      echo "differs: $line over ${src##*/}"; bad=1
    fi
  done <<< "${runs//the_war/\'the war\'}"
done
[[ $bad == 0 ]] && echo "same: $n runs"
exit $bad
