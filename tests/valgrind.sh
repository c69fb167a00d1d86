#!/bin/sh
# tests/valgrind.sh — memcheck for `make check-valgrind` (HACKING.md, valgrind).
#
#   tests/valgrind.sh run LOGDIR PROGRAM [ARG...]
#       runs PROGRAM under memcheck, and the programs it executes but system
#       ones (the shells and tools the CLI suites start; their ./derlem is
#       wrapped by tests/derlem-valgrind instead), its report in a new
#       LOGDIR/NAME.XXXXXX.PID.log. Any memory error or definite or indirect
#       leak makes it exit 99 (the test harness's hard error).
#   tests/valgrind.sh report LOGDIR
#       counts the reports, prints those with errors (or empty: valgrind did
#       not start); exit 1 if there is one. The leaks of a process killed by
#       a signal (the tests of SIGINT and SIGTERM) are not errors.
set -eu

run () {
  logdir=$1
  shift
  mkdir -p "$logdir"
  # Named after the program, or the script a shell runs (tests/NAME.suite).
  name=$(basename "$1")
  case $name in sh | bash | dash) name=$(basename "${2:-$1}") ;; esac
  # A name no earlier run has had (pids come round again); a traced child
  # that executes another program writes a report of its own (%p).
  log=$(mktemp "$logdir/$name.XXXXXX")
  rm -f "$log"
  # valgrind keeps files in $TMPDIR, which it takes from the program's own
  # environment: a test of what derlem does without a usable TMPDIR runs
  # it unchecked.
  if [ -n "${TMPDIR:-}" ] && ! { [ -d "$TMPDIR" ] && [ -w "$TMPDIR" ]; }; then
    echo "not run under valgrind: TMPDIR=$TMPDIR is not a writable directory: $*" > "$log.log"
    exec "$@"
  fi
  # GLib's slice allocator would hide blocks from memcheck (GLib < 2.76).
  G_SLICE=always-malloc G_DEBUG=gc-friendly
  export G_SLICE G_DEBUG
  exec ${VALGRIND:-valgrind} --tool=memcheck --leak-check=full \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
    --trace-children=yes --trace-children-skip='/usr/*,/bin/*,/sbin/*,/lib/*' \
    --child-silent-after-fork=yes --num-callers=30 --log-file="$log.%p.log" "$@"
}

report () {
  logdir=$1
  total=$(find "$logdir" -name '*.log' | wc -l)
  # A process a test kills with a signal (SIGINT, SIGTERM: derlem removes
  # its temporary files and dies by it) cannot free what it holds: its
  # leaks are not errors, anything else is.
  bad=
  killed=0
  for f in $(grep -L 'ERROR SUMMARY: 0 errors\|^not run under valgrind' "$logdir"/*.log 2> /dev/null); do
    if grep -q 'Process terminating with default action of signal' "$f" \
      && ! grep -q 'Invalid \(read\|write\|free\)\|uninitialised\|Conditional jump\|Syscall param\|Mismatched free\|overlap\|Jump to the invalid' "$f"; then
      killed=$((killed + 1))
    else
      bad="$bad $f"
    fi
  done
  unchecked=$(grep -l '^not run under valgrind' "$logdir"/*.log 2> /dev/null | wc -l)
  nbad=$(printf '%s' "$bad" | wc -w)
  for f in $bad; do
    echo "== $f"
    # The command, then the errors and leak records (the header skipped).
    grep -v '^==[0-9]*== \(Memcheck\|Copyright\|Using Valgrind\|Parent PID\)' "$f" | head -n 150
  done
  echo "valgrind: $((total - unchecked)) processes, $nbad with errors (or no report), $killed killed" \
    "by a signal with leaks only, $unchecked not run under valgrind (reports in $logdir)"
  [ "$nbad" -eq 0 ]
}

case ${1:-} in
  run)
    shift
    run "$@"
    ;;
  report)
    shift
    report "$@"
    ;;
  *)
    echo "usage: $0 run LOGDIR PROGRAM [ARG...] | report LOGDIR" >&2
    exit 2
    ;;
esac
