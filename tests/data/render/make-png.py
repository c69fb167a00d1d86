#!/usr/bin/env python3
"""Writes the PNG fixtures of tests/test-render.c: rgb.png (colour type 2)
and rgba.png (colour type 6), 16 x 20 pixels of 8 bits, row y filtered with
filter type y % 5 (None, Sub, Up, Average, Paeth), so every filter is used
four times, after a row of each kind. The pixel at (x, y) is

    R = (40x + 7y) % 256,
    G = 60 * ((31x^2 + 17y^2 + 7xy + 13 (x XOR y)) % 5),
    B = 85 * ((3x + 5y^2 + xy) % 4),
    A = (255 - 20x - 5y) % 256 (rgba.png only),

the formula the test checks every pixel against: R wraps around, G and B
take few values, so that Paeth's predictor meets ties that decide its
choice (between b and c, and between a and c; the script counts them).
The filters are the PNG specification's (section 9), written here apart
from the C decoder. When PIL is installed (Debian: python3-pil), the
script also decodes both files with it and checks every pixel against the
formula.

Run from the source tree: python3 tests/data/render/make-png.py
"""
import os
import struct
import zlib

W, H = 16, 20
HERE = os.path.dirname(os.path.abspath(__file__))


def pixel(x, y, alpha):
    p = [(40 * x + 7 * y) % 256,
         60 * ((31 * x * x + 17 * y * y + 7 * x * y + 13 * (x ^ y)) % 5),
         85 * ((3 * x + 5 * y * y + x * y) % 4)]
    return p + [(255 - 20 * x - 5 * y) % 256] if alpha else p


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def paeth_ties(a, b, c):
    """The ties that decide a Paeth prediction (a wrong tie-break in the
    decoder gets those bytes wrong): 'b over c', 'a over c', or None."""
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa == pc and pa <= pb and a != c:
        return "a over c"
    if pb == pc and pb < pa and b != c:
        return "b over c"
    return None


def filtered(ftype, row, prev, bpp, ties):
    out = []
    for i, v in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if ftype == 4 and paeth_ties(a, b, c):
            ties[paeth_ties(a, b, c)] += 1
        pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][ftype]
        out.append((v - pred) % 256)
    return bytes([ftype] + out)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def write(name, alpha):
    bpp = 4 if alpha else 3
    rows = [[v for x in range(W) for v in pixel(x, y, alpha)] for y in range(H)]
    prev = [0] * (W * bpp)
    raw = b""
    ties = {"b over c": 0, "a over c": 0}
    for y, row in enumerate(rows):
        raw += filtered(y % 5, row, prev, bpp, ties)
        prev = row
    print("%s: Paeth ties that decide: %s" % (name, ties))
    assert all(ties.values()), "the fixture must test Paeth's tie-breaks"
    ihdr = struct.pack(">IIBBBBB", W, H, 8, 6 if alpha else 2, 0, 0, 0)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    path = os.path.join(HERE, name)
    with open(path, "wb") as f:
        f.write(png)
    return path


def check_with_pil(path, alpha):
    try:
        from PIL import Image
    except ImportError:
        print("PIL not installed: %s not checked" % path)
        return
    im = Image.open(path)
    assert im.size == (W, H) and im.mode == ("RGBA" if alpha else "RGB")
    for y in range(H):
        for x in range(W):
            assert list(im.getpixel((x, y))) == pixel(x, y, alpha), (path, x, y)
    print("%s: PIL decodes every pixel as the formula says" % path)


if __name__ == "__main__":
    for name, alpha in (("rgb.png", False), ("rgba.png", True)):
        check_with_pil(write(name, alpha), alpha)
