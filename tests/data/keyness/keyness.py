#!/usr/bin/env python3
"""keyness.py — the expected keyness statistics of tests/test-keyness.c,
worked out from the formulas of doc/DESIGN.md §4 (the UCREL log-likelihood
wizard's, https://ucrel.lancs.ac.uk/llwizard.html), not from
src/lib/keyness.c: exact fractions for the counts and expected values,
60-digit decimals for the logarithms. Prints the C tables; paste them into
tests/test-keyness.c when the cases change, then run clang-format.

Usage: python3 tests/data/keyness/keyness.py

  a = freq in target, b = freq in reference, c, d = the corpora's tokens
  E1 = c(a+b)/(c+d)   E2 = d(a+b)/(c+d)
  LL = 2(a ln(a/E1) + b ln(b/E2)), 0·ln 0 = 0, negative when a/c < b/d
  Log Ratio = log2((a/c)/(b/d)), a zero count taken as 0.5 (Hardie 2014)
  %DIFF = 100(a/c − b/d)/(b/d) (Gabrielatos & Marchi 2012); none when b = 0

Critical values of chi-square with one degree of freedom: crit(p) = z²,
z the standard normal quantile at 1 − p/2 (statistics.NormalDist, Wichura's
AS 241, not Acklam's algorithm that the C code uses); with Bonferroni over m
items, at 1 − p/(2m).

A case by hand, a = 10, b = 0, c = d = 1000:
  E1 = 1000·10/2000 = 5, E2 = 5; LL = 2(10 ln 2 + 0) = 20 ln 2 = 13.862943611198906
  Log Ratio = log2((10/1000)/(0.5/1000)) = log2 20 = 4.321928094887363
  %DIFF: b = 0, none.
"""
from decimal import Decimal, getcontext
from fractions import Fraction as F
from statistics import NormalDist

getcontext().prec = 60


def dec(q):
    return Decimal(q.numerator) / Decimal(q.denominator)


def ln(q):
    return dec(q).ln()


def log2(q):
    return dec(q).ln() / Decimal(2).ln()


def scores(a, b, c, d):
    e1 = F(c * (a + b), c + d)
    e2 = F(d * (a + b), c + d)
    s = Decimal(0)
    if a > 0:
        s += a * ln(F(a) / e1)
    if b > 0:
        s += b * ln(F(b) / e2)
    ll = 2 * s
    if F(a, c) < F(b, d):
        ll = -ll
    lr = log2((F(a, c) if a else F(1, 2 * c)) / (F(b, d) if b else F(1, 2 * d)))
    pct = None if b == 0 else dec(100 * (F(a, c) - F(b, d)) / F(b, d))
    return ll, lr, pct


CASES = [
    # (a, b, c, d, what)
    (10, 0, 1000, 1000, "by hand: b = 0"),
    (0, 10, 1000, 1000, "a = 0, the mirror"),
    (20, 20, 5000, 5000, "a = b, c = d: LL 0"),
    (3, 6, 1000, 2000, "a/c = b/d, c != d: LL 0"),
    (150, 10, 10000, 20000, "overuse"),
    (10, 150, 20000, 10000, "underuse"),
    (1, 0, 100, 1000000, "one in a small target"),
    (5, 1, 50000, 1000000, "few"),
    (1200, 800, 1000000, 1000000, "big counts"),
    (7, 3, 12345, 67890, "odd sizes"),
    (100000, 1000000, 10000000, 1000000000, "a large reference"),
    (2, 1, 3, 4, "tiny corpora"),
    # corpus/: article-tr-karabag-turk-dunyasi.txt against the other four
    # files, counts from `derlem freq` of each side (tests/test-cli-keyness.c)
    (99, 34, 6865, 14150, "corpus: tr türk"),
    (7, 0, 535, 4280, "corpus: en turkic"),
    (0, 92, 6865, 14150, "corpus: tr jandarma, negative"),
]


def c_double(x):
    return "%.17g" % float(x)


def main():
    print("/* (a, b, c, d), ll, log_ratio, pct_diff, has_pct_diff */")
    for a, b, c, d, what in CASES:
        ll, lr, pct = scores(a, b, c, d)
        print("{ %d, %d, %d, %d, %s, %s, %s, %s }, /* %s */"
              % (a, b, c, d, c_double(ll), c_double(lr),
                 c_double(pct) if pct is not None else "0",
                 "TRUE" if pct is not None else "FALSE", what))
    nd = NormalDist()
    print("/* normal quantiles: p, z */")
    for p in [0.5, 0.975, 0.995, 0.9995, 0.99995, 0.025, 1e-10, 1e-20, 0.02425, 0.97575,
              0.3, 0.8413447460685429]:
        print("{ %s, %s }," % (c_double(p), c_double(nd.inv_cdf(p))))
    print("/* critical values: p, m (1: no Bonferroni), crit */")
    for p, m in [(0.05, 1), (0.01, 1), (0.001, 1), (0.0001, 1), (0.05, 1000),
                 (0.01, 250000)]:
        z = nd.inv_cdf(p / (2 * m))
        print("{ %s, %d, %s }," % (c_double(p), m, c_double(z * z)))


# The fixture tests/data/keyness/{target,reference}, counted by hand (every
# word of its four lines; see the comment in tests/test-cli-keyness.c):
# item → (freq, range) on each side.
TARGET = {"the": (6, 2), "river": (5, 2), "boat": (3, 2), "a": (2, 1), "on": (2, 1),
          "and": (1, 1), "bank": (1, 1), "by": (1, 1), "fell": (1, 1), "one": (1, 1),
          "ran": (1, 1), "rose": (1, 1), "sea": (1, 1)}
REFERENCE = {"the": (11, 2), "and": (4, 2), "sea": (4, 2), "ship": (2, 1), "shore": (2, 2),
             "bank": (1, 1), "boat": (1, 1), "by": (1, 1), "on": (1, 1), "river": (1, 1)}
C_TOKENS = 26
D_TOKENS = 28


def per_million(f, n):
    q = dec(F(f * 10**6, n)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    return str(q)


def fixture_rows(negative, min_freq, crit):
    rows = []
    for item in set(TARGET) | set(REFERENCE):
        a, ra = TARGET.get(item, (0, 0))
        b, rb = REFERENCE.get(item, (0, 0))
        ll, lr, pct = scores(a, b, C_TOKENS, D_TOKENS)
        if (ll < 0) != negative or ll == 0 or (b if negative else a) < min_freq:
            continue
        if abs(ll) < crit:
            continue
        rows.append((-abs(ll), item, "en\t%s\t%d\t%d\t%.4f\t%.4f\t%s\t%s\t%s\t%d\t%d" % (
            item, a, b, float(ll), float(lr), "" if pct is None else "%.4f" % float(pct),
            per_million(a, C_TOKENS), per_million(b, D_TOKENS), ra, rb)))
    rows.sort()
    return [r[2] for r in rows]


def print_fixture():
    crit05 = NormalDist().inv_cdf(0.025) ** 2
    for title, negative, min_freq, crit in [
            ("--p 1 --min-freq 1", False, 1, 0), ("--negative --p 1 --min-freq 1", True, 1, 0),
            ("defaults (--p 0.05 --min-freq 3)", False, 3, crit05)]:
        print("/* fixture, %s */" % title)
        for r in fixture_rows(negative, min_freq, crit):
            print('"%s\\n"' % r)


if __name__ == "__main__":
    main()
    print_fixture()
