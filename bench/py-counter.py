#!/usr/bin/env python3
"""bench/py-counter.py — the obvious Python word counter, a baseline for
`derlem freq` (bench/run.sh --baseline 'python3 bench/py-counter.py DIR').

    python3 bench/py-counter.py DIR|FILE...

Reads each FILE, or DIR's *.txt files (recursively, sorted by path), as
UTF-8 (undecodable bytes replaced) a line at a time, lower-cases each line
with str.lower(), takes its words with re.findall(r"\\w+"), counts them in one
collections.Counter and prints every word with its count, most frequent
first (ties in code point order), as `word<TAB>count` after a header row:
the whole list, as `derlem freq --format tsv` prints it. No language
identification, Turkish case mapping (str.lower() makes "IŞIK" "işik") or
apostrophe handling: it measures the cost of the obvious approach, not the
same result.
"""

import collections
import os
import re
import sys

WORD = re.compile(r"\w+")


def paths(args):
    for arg in args:
        if os.path.isdir(arg):
            found = []
            for root, _dirs, files in os.walk(arg):
                found.extend(os.path.join(root, f) for f in files if f.endswith(".txt"))
            yield from sorted(found)
        else:
            yield arg


def main(args):
    if not args:
        print("usage: python3 bench/py-counter.py DIR|FILE...", file=sys.stderr)
        return 2
    counts = collections.Counter()
    for path in paths(args):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                counts.update(WORD.findall(line.lower()))
    out = sys.stdout
    out.write("word\tcount\n")
    for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{word}\t{n}\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # the reader went away (head): not an error here
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
