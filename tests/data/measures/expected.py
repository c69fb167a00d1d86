#!/usr/bin/env python3
"""expected.py — the expected association measures of tests/test-measures.c,
worked out from the formulas of doc/DESIGN.md §4 (not from src/lib/measures.c) with
exact fractions for the counts and the 2×2 table and 60-digit decimals for
the logarithms and square roots. Prints the C table of cases; paste it into
tests/test-measures.c (between `cases[] = {` and `};`) when the cases change,
then run clang-format on the file.

Usage: python3 tests/data/measures/expected.py

The contract. O11 co-occurrences, f1 node frequency, f2 collocate frequency,
N tokens, S window span (slots per node occurrence).

  E11     = f1·f2·S / N
  MI      = log2 (O11 / E11)
  MI3     = log2 (O11³ / E11)
  T       = (O11 − E11) / √O11
  z       = (O11 − E11) / √E11
  Dice    = 2·O11 / (f1 + f2)
  logDice = 14 + log2 (Dice)

  2×2 table, R1 = f1·S:
            collocate       not collocate         row total
    node    O11             O12 = R1 − O11        R1
    other   O21 = f2 − O11  O22 = N − R1 − f2 + O11   N − R1
    total   f2              N − f2                N
  Eij = (row total i)·(column total j) / N; G² = 2 Σ Oij ln (Oij / Eij),
  0·ln 0 = 0; negative when O11 < E11.

  Degenerate rule: a cell that comes out negative (O11 > f2 makes O21 < 0;
  R1 + f2 − O11 > N makes O22 < 0) is taken as 0, and the Eij of G² are the
  row total times the column total over the grand total of the table so
  mended. The sign still follows O11 < E11 with E11 = f1·f2·S/N.

A case worked by hand (the first one, "ordinary"): O11 = 10, f1 = 100,
f2 = 50, N = 100000, S = 10.

  E11  = 100·50·10 / 100000 = 50000 / 100000 = 0.5
  MI   = log2 (10 / 0.5) = log2 20 = 2 + log2 5 = 2 + 2.321928094887362
       = 4.321928094887362
  MI3  = log2 (1000 / 0.5) = log2 2000 = 1 + 3·log2 10 = 1 + 3·3.321928094887362
       = 10.965784284662087
  T    = (10 − 0.5) / √10 = 9.5 / 3.1622776601683795 = 3.0041637771599605
  z    = 9.5 / √0.5 = 9.5 · 1.4142135623730951 = 13.435028842544403
  Dice = 20 / 150 = 0.13333333333333333
  logDice = 14 + log2 (2/15) = 14 + 1 − log2 15 = 15 − 3.9068905956085187
          = 11.093109404391481
  Table: R1 = 1000; O12 = 1000 − 10 = 990; O21 = 50 − 10 = 40;
         O22 = 100000 − 1000 − 50 + 10 = 98960 (all ≥ 0, not degenerate).
  Expected: E11 = 1000·50/100000     = 0.5
            E12 = 1000·99950/100000  = 999.5
            E21 = 99000·50/100000    = 49.5
            E22 = 99000·99950/100000 = 98950.5
  Terms Oij·ln (Oij/Eij), each ratio written 1 + x so that ln (1 + x) keeps
  its digits when x is small (9.5 is O11 − E11, which every cell is off by):
    10    · ln 20                     = 10    ·  2.995732273553991  =  29.957322735539910
    990   · ln (1 − 9.5/999.5)        = 990   · −0.009550210811819  =  −9.454708703700952
    40    · ln (1 − 9.5/49.5)         = 40    · −0.213093215460708  =  −8.523728618428333
    98960 · ln (1 + 9.5/98950.5)      = 98960 ·  0.0000960029913248 =   9.500456021505247
  Sum = 21.479341434915872, G² = 2 · Sum = 42.958682869831744; O11 > E11,
  so ll = +42.95868286983 (the script's 60-digit value: 42.958682869831748).
  Taking ln (98960/98950.5) of the rounded quotient instead gives 9.5004560215160
  for the last term and 42.95868286985 for G²: off by 5e-13 relative, well
  inside the test's 1e-9.
"""

from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 60

LN2 = Decimal(2).ln()


def dec(q):
    """A Fraction as a 60-digit Decimal."""
    q = Fraction(q)
    return Decimal(q.numerator) / Decimal(q.denominator)


def ln(q):
    return dec(q).ln()


def log2(q):
    return ln(q) / LN2


def sqrt(q):
    return dec(q).sqrt()


def measures(o11, f1, f2, n, s):
    o11, f1, f2, n, s = (Fraction(x) for x in (o11, f1, f2, n, s))
    e11 = f1 * f2 * s / n
    r1 = f1 * s
    cells = [o11, r1 - o11, f2 - o11, n - r1 - f2 + o11]
    degenerate = any(c < 0 for c in cells)
    cells = [c if c > 0 else Fraction(0) for c in cells]
    row = [cells[0] + cells[1], cells[2] + cells[3]]
    col = [cells[0] + cells[2], cells[1] + cells[3]]
    total = sum(cells)
    if not degenerate:
        # The margins of an unmended table are the contract's: R1, N − R1,
        # f2, N − f2 and N.
        assert row == [r1, n - r1] and col == [f2, n - f2] and total == n
    g2 = Decimal(0)
    for i in range(2):
        for j in range(2):
            o = cells[2 * i + j]
            if o == 0:
                continue  # 0·ln 0 = 0
            e = row[i] * col[j] / total
            g2 += dec(o) * ln(o / e)
    g2 *= 2
    if o11 < e11:
        g2 = -g2
    dice = 2 * o11 / (f1 + f2)
    return {
        "expected": dec(e11),
        "mi": log2(o11 / e11),
        "mi3": log2(o11 ** 3 / e11),
        "t": dec(o11 - e11) / sqrt(o11),
        "z": dec(o11 - e11) / sqrt(e11),
        "ll": g2,
        "dice": dec(dice),
        "logdice": 14 + log2(dice),
        "degenerate": degenerate,
    }


# (group, what the case covers, O11, f1, f2, N, S)
CASES = [
    ("ORDINARY", "ordinary, span 10 (worked by hand in expected.py)",
     10, 100, 50, 100000, 10),
    ("ORDINARY", "adjacent bigrams, S = 1",
     25, 300, 200, 1000000, 1),
    ("ORDINARY", "S = 2",
     7, 40, 90, 20000, 2),
    ("BELOW", "O11 < E11: negative MI, T, z and G²",
     3, 1000, 2000, 500000, 10),
    ("EQUAL", "O11 = E11 exactly: MI, T, z and G² all 0",
     4, 100, 200, 50000, 10),
    ("TINY", "E11 tiny (1e-9): a hapax pair in 10^9 tokens",
     1, 1, 1, 1000000000, 1),
    ("F2_NEAR_N", "f2 = N − 1: O22 = 1",
     10, 10, 999, 1000, 1),
    ("F2_NEAR_N", "f2 = N, O11 = R1: O12 = O22 = 0, O11 = E11",
     40, 10, 1000, 1000, 4),
    ("F2_NEAR_N", "f2 = N, O11 < R1: O22 < 0 mended to 0, negative",
     38, 10, 1000, 1000, 4),
    ("COOC_F1", "O11 = f1: every node occurrence has the collocate",
     20, 20, 300, 50000, 4),
    ("COOC_F1", "O11 = f1 = f2: Dice 1, logDice 14, O12 = O21 = 0",
     20, 20, 20, 10000, 1),
    ("OVERLAP", "O11 > f2 (overlapping windows): O21 < 0 mended to 0",
     8, 50, 5, 10000, 10),
    ("OVERLAP", "O11 > f2 (a frequent node, a rare collocate): O21 mended",
     30, 200, 20, 100000, 10),
    ("R1_ABOVE_N", "R1 = f1·S > N: O22 < 0 mended to 0, O11 < E11",
     35, 150, 40, 1000, 10),
    ("R1_ABOVE_N", "R1 > N and O11 > f2: O21 and O22 both mended, G² 0",
     12, 150, 4, 1000, 10),
    # O11 > f2 and O11 < E11 needs E11 = f2·R1/N > f2, so R1 > N: both
    # cells mended, the second row empty, G² 0 with the sign of O11 < E11.
    ("R1_ABOVE_N", "R1 > N, O11 > f2 and O11 < E11: both mended, G² −0",
     3, 400, 2, 2000, 10),
    ("HUGE", "huge counts: N = 10^9, f1 = 10^6, f2 = 2·10^6",
     30000, 1000000, 2000000, 1000000000, 10),
    ("HUGE", "huge counts, O11 < E11",
     100000, 5000000, 3000000, 1000000000, 8),
    ("HUGE", "huge counts, frequent collocate, adjacent",
     2500000, 30000000, 60000000, 1000000000, 1),
]

FIELDS = ["expected", "mi", "mi3", "t", "z", "ll", "dice", "logdice"]


def c_double(d):
    """A Decimal as a C double literal: the nearest double, 17 significant
    digits (%g drops trailing zeros)."""
    text = "%.17g" % float(d)
    if text == "-0":
        text = "0"
    return text


def c_count(x):
    return "%d.0" % x


def main():
    print("/* Generated by tests/data/measures/expected.py; do not edit. */")
    for group, what, o11, f1, f2, n, s in CASES:
        m = measures(o11, f1, f2, n, s)
        comment = what + (" [degenerate]" if m["degenerate"] else "")
        print("  /* %s */" % comment)
        print("  { CASE_%s, { %s, %s, %s, %s, %s }," % (
            group, c_count(o11), c_count(f1), c_count(f2), c_count(n), c_count(s)))
        values = [c_double(m[f]) for f in FIELDS]
        print("    { %s, %s, %s, %s," % tuple(values[:4]))
        print("      %s, %s, %s, %s } }," % tuple(values[4:]))


if __name__ == "__main__":
    main()
