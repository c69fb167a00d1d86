/* cli.h — what the CLI suites (tests/test-cli-*.c) share: running the built
 * ./derlem through /bin/sh and capturing its output and exit status. */
#ifndef DL_TESTS_CLI_H
#define DL_TESTS_CLI_H

#include <glib.h>

/* The built program, as $DERLEM in the command lines given to cli_run;
 * the environment variable DERLEM_TEST_PROGRAM, if set, names another to
 * run in its place (make check-valgrind: a script running it under
 * valgrind). */
#define DERLEM TEST_BUILDDIR "/derlem"

typedef struct {
  int status; /* the exit status; 128 when killed by a signal, -1 if not run */
  char *out;  /* standard output (owned) */
  char *err;  /* standard error (owned) */
} CliRun;

/* Runs @cmdline with /bin/sh in the source tree (so corpus/ and tests/data/
 * are relative paths), standard input /dev/null, with $DERLEM set (see
 * DERLEM), LC_ALL=C.UTF-8, NO_COLOR unset and LANGUAGE=@language (unset when
 * NULL). Free the result with cli_run_clear; a failure to start the shell is
 * a CUnit failure. */
CliRun cli_run (const char *cmdline, const char *language);

void cli_run_clear (CliRun *run);

/* Removes the directory @dir and all it holds (made writable first: a test
 * may have taken permissions away), asserting that it went. */
void cli_remove_dir (const char *dir);

/* Runs @cmdline (as cli_run, LANGUAGE unset) and asserts a usage error:
 * exit status 2, @message in standard error, nothing on standard output.
 * Returns the run for further checks (free it with cli_run_clear). */
CliRun cli_run_usage_error (const char *cmdline, const char *message);

/* Runs @command (with "$DERLEM" on two threads, reading big.txt and
 * big2.txt, which the shell command @make writes to a new directory, its
 * working directory) with files limited to 400 KB and standard output to
 * /dev/null, and asserts that a temporary file could not be written: exit
 * status 1, nothing left but the inputs, and @message in standard error
 * with the reason of the thread that failed ("File too large"). */
void cli_assert_temporary_file_full (const char *make, const char *command, const char *message);

/* A shell command for cli_assert_temporary_file_full's @make: big.txt of
 * @pairs Turkish lines each followed by an English one (every line a
 * language span of its own), and its copy big2.txt. */
char *cli_make_mixed (guint pairs);

#endif /* DL_TESTS_CLI_H */
