#!/usr/bin/env python3
"""Independent oracle for tests/test-dispersion.c (and the CLI tests): Juilland's D,
Gries' DP and DPnorm from their definitions, in exact fractions where the formula
allows (D needs one square root, taken with 60-digit decimals). Standard library only;
make check does not run it: its printed values are pasted into the C tests.

  DP     = 1/2 * sum |v_i - s_i|, v_i = count_i / freq, s_i = size_i / total size
           (Gries 2008, "Dispersions and adjusted frequencies in corpora", IJCL 13:4)
  DPnorm = DP / (1 - min s_i)                       (Lijffijt & Gries 2012)
  D      = 1 - (sd / mean) / sqrt(n - 1) over r_i = count_i / size_i,
           sd the population standard deviation     (Juilland et al. 1970)
"""
from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 60


def measures(counts, sizes):
    n = len(sizes)
    freq = sum(counts)
    total = sum(sizes)
    if freq == 0:
        return None, None, None
    dp = sum(abs(Fraction(c, freq) - Fraction(s, total)) for c, s in zip(counts, sizes)) / 2
    if n < 2:
        return None, dp, None
    dpn = dp / (1 - Fraction(min(sizes), total))
    r = [Fraction(c, s) for c, s in zip(counts, sizes)]
    mean = sum(r) / n
    var = sum((x - mean) ** 2 for x in r) / n
    sd = Decimal(var.numerator) / Decimal(var.denominator)
    sd = sd.sqrt()
    m = Decimal(mean.numerator) / Decimal(mean.denominator)
    d = 1 - (sd / m) / Decimal(n - 1).sqrt()
    return d, dp, dpn


def show(x):
    if x is None:
        return "-"
    if isinstance(x, Fraction):
        x = Decimal(x.numerator) / Decimal(x.denominator)
    return format(x, ".15f")


CASES = [
    # Gries (2008: 406, 410) / Gries (2020, Analyzing dispersion, p. 3): the corpus
    # "b a m n i b e u p | b a s a t b e w q n | b c a g a b e s t a |
    #  b a g h a b e a a t | b a h a a b e a x a t", parts of 9,10,10,10,11 words.
    ("gries a", [1, 2, 3, 4, 5], [9, 10, 10, 10, 11]),
    ("gries b", [2, 2, 2, 2, 2], [9, 10, 10, 10, 11]),
    ("gries i", [1, 0, 0, 0, 0], [9, 10, 10, 10, 11]),
    ("gries q", [0, 1, 0, 0, 0], [9, 10, 10, 10, 11]),
    ("gries x", [0, 0, 0, 0, 1], [9, 10, 10, 10, 11]),
    # tests/data/dispersion/straddle with --parts 3: 10 tokens in slices of 3, 3, 4.
    ("straddle", [1, 1, 1], [3, 3, 4]),
    # Other vectors.
    ("equal even", [5, 5, 5, 5], [100, 100, 100, 100]),
    ("equal skewed", [10, 0, 3, 1], [50, 50, 50, 50]),
    ("unequal", [7, 1, 0, 12, 3, 2], [1000, 120, 45, 2000, 333, 999]),
    ("two parts", [1, 3], [7, 5]),
    ("one part", [4], [10]),
    ("no hit", [0, 0, 0], [3, 4, 5]),
    ("big", [1000000007, 3, 999999], [10**12, 5 * 10**9, 3 * 10**11]),
]

if __name__ == "__main__":
    for name, counts, sizes in CASES:
        d, dp, dpn = measures(counts, sizes)
        print(f"{name:14} counts={counts} sizes={sizes}")
        print(f"    D={show(d)} DP={show(dp)} DPnorm={show(dpn)}")
