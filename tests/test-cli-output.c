/* test-cli-output.c — the built ./derlem writing its result: -o onto
 * devices, FIFOs and symbolic links, the file's mode kept, temporary
 * files removed when a signal ends the run, no result committed when no
 * input could be read, write errors on standard output (issue 16). */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

#define TR_FILE "corpus/commentary-tr-karabag-2023.txt"
#define TR_TSV "file\tstart_line\tend_line\tlang\n" TR_FILE "\t1\t123\ttr\n"

static void
test_output_fifo_written_in_place (void)
{
  /* A FIFO (as a device or a socket) is written, not replaced by a
   * regular file: a reader waiting on it gets the result. */
  CliRun r = cli_run ("d=$(mktemp -d) && mkfifo $d/pipe && "
                      "{ timeout 20 cat $d/pipe > $d/got & } && "
                      "timeout 20 $DERLEM langs --format tsv -o $d/pipe " TR_FILE "; "
                      "echo status=$?; wait; test -p $d/pipe && echo fifo; cat $d/got; "
                      "ls -A $d; rm -r $d",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "status=0\nfifo\n" TR_TSV "got\npipe\n");
  cli_run_clear (&r);
}

static void
test_output_through_symlink_keeps_link (void)
{
  /* -o LINK replaces the file the link leads to (its temporary file
   * beside that one, in another directory here), and the link stays. */
  CliRun r = cli_run ("d=$(mktemp -d) && mkdir $d/real && echo old > $d/real/out.tsv && "
                      "ln -s real/out.tsv $d/link && "
                      "$DERLEM langs --format tsv -o $d/link " TR_FILE "; echo status=$?; "
                      "test -L $d/link && echo link $(readlink $d/link); cat $d/real/out.tsv; "
                      "ls -A $d $d/real; rm -r $d",
                      NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "status=0\nlink real/out.tsv\n" TR_TSV);
  DL_ASSERT_STR_CONTAINS (r.out, ":\nlink\nreal\n\n");
  DL_ASSERT_TRUE_FOR (r.out, g_str_has_suffix (r.out, "/real:\nout.tsv\n"));
  cli_run_clear (&r);

  /* A link to no file is refused, as cp refuses it: nothing is made. */
  r = cli_run ("d=$(mktemp -d) && ln -s nowhere.tsv $d/link && "
               "$DERLEM langs --format tsv -o $d/link " TR_FILE "; echo status=$?; "
               "ls -A $d; rm -r $d",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "status=1\nlink\n");
  DL_ASSERT_STR_CONTAINS (r.err, "/link: a symbolic link to a file that does not exist\n");
  cli_run_clear (&r);
}

static void
test_output_keeps_mode_and_owner (void)
{
  /* An existing 0600 file stays 0600 (it came back 0644); a new one
   * follows the umask. */
  CliRun r = cli_run ("d=$(mktemp -d) && echo old > $d/secret.tsv && chmod 600 $d/secret.tsv && "
                      "(umask 027 && $DERLEM langs --format tsv -o $d/secret.tsv " TR_FILE
                      " && $DERLEM langs --format tsv -o $d/new.tsv " TR_FILE "); "
                      "echo status=$?; stat -c '%a %n' $d/secret.tsv $d/new.tsv | sed \"s|$d/||\"; "
                      "cat $d/secret.tsv; rm -r $d",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "status=0\n600 secret.tsv\n640 new.tsv\n" TR_TSV);
  cli_run_clear (&r);

  /* Its owner and group too, where we may set them (as root). */
  r = cli_run ("if [ \"$(id -u)\" = 0 ]; then d=$(mktemp -d) && echo old > $d/theirs.tsv && "
               "chown 65534:65534 $d/theirs.tsv && chmod 640 $d/theirs.tsv && "
               "$DERLEM langs --format tsv -o $d/theirs.tsv " TR_FILE "; "
               "stat -c '%u:%g %a' $d/theirs.tsv; rm -r $d; else echo '65534:65534 640'; fi",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "65534:65534 640\n");
  cli_run_clear (&r);
}

void
test_cli_output_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-output", NULL, NULL);
  CU_add_test (s, "output_fifo_written_in_place", test_output_fifo_written_in_place);
  CU_add_test (s, "output_through_symlink_keeps_link", test_output_through_symlink_keeps_link);
  CU_add_test (s, "output_keeps_mode_and_owner", test_output_keeps_mode_and_owner);
}
