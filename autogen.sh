#!/bin/sh
# autogen.sh — generate configure and the Makefiles from a git checkout.
set -e
srcdir=$(dirname "$0")
cd "$srcdir"
autoreconf --force --install --verbose
echo "Now run ./configure && make"
