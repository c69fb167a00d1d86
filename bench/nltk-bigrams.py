#!/usr/bin/env python3
"""bench/nltk-bigrams.py — the NLTK way to find bigram collocations in a
directory, the baseline for `derlem colloc --all --window 0,1`.

    python3 bench/nltk-bigrams.py [--min-freq N] DIR

Reads DIR's *.txt files (recursively, sorted by path; UTF-8, undecodable bytes
replaced), tokenizes each with re.findall(r"\\w+", text.lower()) dropping the
tokens that are all digits, counts adjacent pairs with NLTK's
BigramCollocationFinder, keeps the pairs seen at least N times
(finder.apply_freq_filter(N), default 1: all), scores every pair kept with
BigramAssocMeasures.likelihood_ratio and prints the 100 best as TSV
`first second ll` (header row; ll descending, then the pair).

Pairs do not cross files: the files are given to
BigramCollocationFinder.from_documents, which is from_words over the files'
words with a None after each file; from_words skips every window that starts
with None and every None second word, so no pair spans two files and the
word counts (and N) are those of the real words.  It streams: one file's text
and words are in memory at a time, plus the two FreqDists.

What this baseline does not do, unlike derlem: no language identification
(Turkish and English words share one table and pairs cross language
switches), no Turkish case mapping (str.lower() makes "IŞIK" "işik" and
"İstanbul" "i̇stanbul", whose combining dot U+0307 is not \\w, so it becomes
the two words "i" and "stanbul"), apostrophes split words ("Ankara'da" is
"ankara" "da"), hyphenated line ends are not joined.  NLTK's likelihood ratio
is unsigned (a pair seen less often than expected also scores high) and
guards its logarithm with _SMALL = 1e-20 (obs * ln(obs / (exp + 1e-20) +
1e-20)), which changes nothing measurable here.  It measures the cost of the
obvious NLTK approach, not the same result.
"""

import os
import re
import sys

from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

TOP = 100
WORD = re.compile(r"\w+")


def txt_files(top):
    paths = []
    for root, dirs, files in os.walk(top):
        paths.extend(os.path.join(root, f) for f in files if f.endswith(".txt"))
    return sorted(paths)


def documents(paths):
    """One list of words per file."""
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        yield [w for w in WORD.findall(text.lower()) if not w.isdigit()]


def main(argv):
    min_freq = 1
    if len(argv) == 4 and argv[1] == "--min-freq" and argv[2].isdigit():
        min_freq = int(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print("usage: nltk-bigrams.py [--min-freq N] DIR", file=sys.stderr)
        return 2
    paths = txt_files(argv[1])
    finder = BigramCollocationFinder.from_documents(documents(paths))
    finder.apply_freq_filter(min_freq)
    scored = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)

    out = sys.stdout
    out.reconfigure(encoding="utf-8", errors="replace")
    out.write("first\tsecond\tll\n")
    for (w1, w2), ll in scored[:TOP]:
        out.write("%s\t%s\t%.6f\n" % (w1, w2, ll))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
