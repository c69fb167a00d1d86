#!/usr/bin/env python3
"""Independent oracle for tests/test-lexstats.c (stdlib only; make check
never runs it). Generates the same word sequences as the C test (a 32-bit
LCG with a quadratic, Zipf-like skew over a vocabulary of V ids) and prints
STTR, Yule's K and MTLD (forward, backward, mean) computed from their
definitions in exact fractions, to paste into the C test's table.

  STTR: mean TTR of the consecutive 1,000-token chunks, the last incomplete
        chunk left out (WordSmith).
  Yule's K = 10^4 (sum_i i^2 V_i - N) / N^2.
  MTLD (McCarthy & Jarvis 2010): a factor ends when the TTR of the running
        segment is <= 0.72; the remainder adds (1 - TTR) / (1 - 0.72)
        (0 if empty); a pass gives N / factors; MTLD the mean of the
        forward pass and the pass over the reversed sequence.

Run: python3 tests/data/stats/stats.py
"""
from collections import Counter
from fractions import Fraction

THRESHOLD = Fraction(72, 100)


def sequence(seed, n, vocab):
    """x <- 1664525 x + 1013904223 (mod 2^32); r = x >> 16; id = V r^2 >> 32."""
    x, out = seed, []
    for _ in range(n):
        x = (1664525 * x + 1013904223) % 2**32
        r = x >> 16
        out.append((vocab * r * r) >> 32)
    return out


def sttr(seq):
    chunks = [seq[i:i + 1000] for i in range(0, len(seq) - 999, 1000)]
    if not chunks:
        return None
    return sum(Fraction(len(set(c)), 1000) for c in chunks) / len(chunks)


def yule_k(seq):
    n = len(seq)
    if n == 0:
        return None
    freq_of_freq = Counter(Counter(seq).values())
    s = sum(i * i * v for i, v in freq_of_freq.items())
    return Fraction(10**4) * (s - n) / (n * n)


def mtld_pass(seq):
    factors, segment = Fraction(0), []
    for t in seq:
        segment.append(t)
        if Fraction(len(set(segment)), len(segment)) <= THRESHOLD:
            factors += 1
            segment = []
    if segment:
        ttr = Fraction(len(set(segment)), len(segment))
        factors += (1 - ttr) / (1 - THRESHOLD)
    return factors


def mtld(seq):
    f, b = mtld_pass(seq), mtld_pass(seq[::-1])
    if f == 0 or b == 0:
        return None
    fw, bw = Fraction(len(seq)) / f, Fraction(len(seq)) / b
    return fw, bw, (fw + bw) / 2


def show(v):
    return "-1" if v is None else "%.15g" % float(v)


CASES = [(1, 3000, 200), (2, 5000, 1000), (3, 2500, 50), (4, 4321, 5000), (5, 999, 300),
         (6, 12000, 20000)]

for seed, n, vocab in CASES:
    seq = sequence(seed, n, vocab)
    m = mtld(seq)
    fw, bw, mean = m if m else (None, None, None)
    print("    { %d, %d, %d, %s, %s, %s, %s, %s }," % (seed, n, vocab, show(sttr(seq)),
                                                   show(yule_k(seq)), show(fw), show(bw),
                                                   show(mean)))
