#!/usr/bin/env python3
"""Reference bigram scores from NLTK for the `derlem colloc` fixture.

Generated with NLTK 3.8 (Debian python3-nltk 3.8-1, Python 3.11):

    python3 nltk-bigrams.py english.txt                   > nltk-bigrams.tsv
    python3 nltk-bigrams.py --window-size 3 english.txt   > nltk-bigrams-w3.tsv

(on hosts where `python3` is not the interpreter that has nltk, use
/usr/bin/python3).

Tokenization is the one derlem applies to this fixture: words are maximal runs
of ASCII letters, lower-cased (re.findall(r"[a-z]+", text.lower())); the
fixture has only letters, spaces, commas and full stops, one English file, so
all its lines are one token stream.

The finder is nltk.collocations.BigramCollocationFinder.from_words(words,
window_size=W).  For every bigram it prints, sorted by (first, second), TSV

    first  second  cooc  pmi  ll

- cooc: the finder's raw pair count, ngram_fd[(first, second)]: the number of
  times `second` occurs within the W-1 tokens after `first` (W=2: adjacent,
  derlem's --window 0,1; W=3: derlem's --window 0,2).
- pmi: BigramAssocMeasures.pmi, log2(n_ii * N / (f1 * f2)).
- ll: BigramAssocMeasures.likelihood_ratio, G^2 = 2 * sum O * ln(O / E) over
  the 2x2 table, always >= 0 (NLTK does not sign it), computed as
  obs * ln(obs / (exp + 1e-20) + 1e-20) (the _SMALL guard; 0 * ln(..) = 0 for
  empty cells).
- N is the number of tokens (word_fd.N(): every token counted once, also the
  last one, which starts no pair), f1/f2 the unigram frequencies.

NLTK's window scaling (BigramCollocationFinder.score_ngram, after Church and
Hanks 1990): before scoring, the pair count is DIVIDED by (window_size - 1):
n_ii = cooc / (W - 1), while f1, f2 and N are left alone.  So for W=3:
- pmi = log2((cooc/2) * N / (f1 * f2)) = log2(cooc / (f1 * f2 * 2 / N)), the
  same as derlem's mi with expected = f1*f2*R/N, R = W - 1 = 2;
- ll is computed on the table (cooc/2, f1 - cooc/2, f2 - cooc/2,
  N - f1 - f2 + cooc/2), NOT derlem's (cooc, f1*R - cooc, f2 - cooc,
  N - f1*R - f2 + cooc), so W=3 ll values are not comparable with derlem's
  ll for --window 0,2 (and are unsigned anyway).  For W=2 the tables agree.

Values are printed with repr(float) (shortest string that round-trips).
"""

import argparse
import re
import sys

import nltk
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--window-size", type=int, default=2,
                    help="NLTK window_size (2 = adjacent pairs)")
    ap.add_argument("file")
    args = ap.parse_args()

    with open(args.file, encoding="ascii") as f:
        text = f.read()
    words = re.findall(r"[a-z]+", text.lower())

    finder = BigramCollocationFinder.from_words(words, window_size=args.window_size)
    m = BigramAssocMeasures
    pmi = dict(finder.score_ngrams(m.pmi))
    ll = dict(finder.score_ngrams(m.likelihood_ratio))

    out = sys.stdout
    out.write("first\tsecond\tcooc\tpmi\tll\n")
    for (w1, w2) in sorted(finder.ngram_fd):
        out.write("%s\t%s\t%d\t%s\t%s\n" % (
            w1, w2, finder.ngram_fd[(w1, w2)],
            repr(pmi[(w1, w2)]), repr(ll[(w1, w2)])))
    print("nltk %s: %d tokens, %d distinct words, %d distinct bigrams "
          "(window_size %d)" % (nltk.__version__, finder.N, len(finder.word_fd),
                                len(finder.ngram_fd), args.window_size),
          file=sys.stderr)


if __name__ == "__main__":
    main()
