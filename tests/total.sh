#!/bin/sh
# total.sh — the end of make check: checks that Makefile.am's UNIT_SUITES
# are the suites of `tests/unit --list`, sums the CUnit run summaries of the
# suites' logs, and prints a last line "N passed, N failed" (test cases).
# Exit status 1 if a suite is missing, a log has no summary, or any failed.
# Usage: total.sh UNIT 'UNIT_SUITES' LOG...
set -u
unit=$1
suites=$2
shift 2

status=0
listed=$("$unit" --list | grep -v '^ ') || { echo "total.sh: $unit --list failed" >&2; exit 1; }
named=$(for s in $suites; do basename "$s" .suite; done)
for s in $listed; do
  case " $(echo $named) " in *" $s "*) ;; *)
    echo "total.sh: suite $s (tests/suites.h) is not in Makefile.am's UNIT_SUITES" >&2
    status=1 ;;
  esac
done
for s in $named; do
  case " $(echo $listed) " in *" $s "*) ;; *)
    echo "total.sh: $s in Makefile.am's UNIT_SUITES is no suite of $unit" >&2
    status=1 ;;
  esac
done

if [ $# -eq 0 ]; then
  echo "0 passed, 0 failed"
  exit $status
fi

# The rows of a CUnit run summary: Type Total Ran Passed Failed Inactive.
awk '
  FNR == 1 { logs++ }
  /^ +suites +[0-9]+ +[0-9]+ +n\/a +[0-9]+ +[0-9]+ *$/ { s_ran += $3; s_fail += $5; seen[FILENAME]++ }
  /^ +tests +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ *$/ {
    t_ran += $3; t_pass += $4; t_fail += $5; t_inactive += $6 }
  /^ +asserts +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +n\/a *$/ { a_ran += $3; a_pass += $4; a_fail += $5 }
  END {
    for (i = 1; i < ARGC; i++)
      if (seen[ARGV[i]] != 1) {
        print "total.sh: " ARGV[i] ": no CUnit run summary (the suite did not finish)" > "/dev/stderr"
        broken++
      }
    printf "\n     CUnit - A unit testing framework for C (%d suites, summed over their logs)\n\n", logs
    printf "Run Summary:    Type  Total    Ran Passed Failed Inactive\n"
    printf "              suites %6d %6d    n/a %6d %8d\n", s_ran, s_ran, s_fail, 0
    printf "               tests %6d %6d %6d %6d %8d\n", t_ran, t_ran, t_pass, t_fail, t_inactive
    printf "             asserts %6d %6d %6d %6d      n/a\n\n", a_ran, a_ran, a_pass, a_fail
    # A suite that did not finish counts as one failed test.
    printf "%d passed, %d failed\n", t_pass, t_fail + broken
    exit (t_fail + broken + a_fail > 0)
  }' "$@" || status=1
exit $status
