#!/usr/bin/env bash
# bench/colloc-nltk.sh — `derlem colloc --all --window 0,1` against the NLTK
# way of finding bigram collocations (bench/nltk-bigrams.py: \w+ words of each
# file, BigramCollocationFinder, likelihood_ratio over every pair, top 100),
# timed in the same run by run.sh.
#
#   bench/colloc-nltk.sh [--size 100M] [--runs 3] [--min N] [--one-file]
#                        [-- DERLEM-ARGS...]
#
# --min N (default 5): pairs seen fewer than N times are dropped before
# scoring, by both: NLTK's finder.apply_freq_filter(N), derlem's --min-cooc N
# (with --stoplist none, as NLTK keeps every word). --one-file: the corpus
# as one file (run.sh --one-file).
#
# Run it from the build directory (the binary is ${DERLEM:-./derlem}). Needs a
# python3 with nltk (Debian: apt-get install python3-nltk); the interpreter is
# ${PYTHON:-python3}, or /usr/bin/python3 when that one has no nltk.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
size=100M
runs=3
min=5
one_file=()
extra=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --size) size=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --min) min=$2; shift 2 ;;
        --one-file) one_file=(--one-file); shift ;;
        --) shift; extra=("$@"); break ;;
        *) echo "colloc-nltk.sh: unknown argument '$1' (derlem's arguments go after --)" >&2; exit 2 ;;
    esac
done

# A pyenv or venv python3 first in PATH often lacks the distribution's nltk.
python=${PYTHON:-python3}
if ! "$python" -c 'import nltk' 2>/dev/null; then
    if [[ -z ${PYTHON:-} && -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import nltk' 2>/dev/null; then
        python=/usr/bin/python3
    else
        echo "colloc-nltk.sh: '$python' cannot import nltk (apt-get install python3-nltk, or set PYTHON)" >&2
        exit 2
    fi
fi
nltk_version=$("$python" -c 'import nltk; print(nltk.__version__)')

# The baseline's last word is DIR: run.sh replaces it with the corpus directory.
[[ $min =~ ^[1-9][0-9]*$ ]] || { echo "colloc-nltk.sh: --min must be a positive integer" >&2; exit 2; }
"$BENCH_DIR/run.sh" --size "$size" --runs "$runs" "${one_file[@]}" \
    --baseline "$(printf '%q %q --min-freq %d' "$python" "$BENCH_DIR/nltk-bigrams.py" "$min") DIR" \
    -- colloc --all --window 0,1 --stoplist none --min-cooc "$min" --format tsv "${extra[@]}"

cat <<EOF

baseline: NLTK $nltk_version ($python), bench/nltk-bigrams.py: every file read
  whole, words = re.findall(r"\w+", text.lower()) minus all-digit tokens,
  BigramCollocationFinder.from_documents (pairs never cross files),
  apply_freq_filter($min), every pair left scored with
  BigramAssocMeasures.likelihood_ratio, top 100 printed.
  One thread; its memory is two Python dicts of str/tuple keys (word and pair
  counts), most of it the pairs.
derlem: every adjacent pair per language seen $min times or more, with all its
  measures (mi, mi3, t, z, ll, dice, logdice, ...), not only the top 100 by ll.
The results differ by design: NLTK sees no languages (Turkish and English
words in one table, pairs across a language switch), str.lower() is not
Turkish case mapping (IŞIK -> işik, İstanbul -> i + stanbul: the combining dot
of i̇ is not \w), apostrophes split words (Ankara'da -> ankara da) and
hyphenated line ends stay split; NLTK's log-likelihood is unsigned (pairs
seen less often than expected score high too), derlem's is signed.
EOF
