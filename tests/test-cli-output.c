/* test-cli-output.c — the built ./derlem writing its result: -o onto
 * devices, FIFOs and symbolic links, the file's mode kept, temporary
 * files removed when a signal ends the run, no result committed when no
 * input could be read, write errors on standard output (issue 16). */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

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

/* Starts ./derlem with @args (NULL-terminated, "derlem" first excluded),
 * TMPDIR @tmpdir, its standard input a pipe (*@in: its write end). */
static GPid
spawn_derlem (const char *const *args, const char *tmpdir, int *in)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) DERLEM);
  for (const char *const *a = args; *a != NULL; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);
  g_auto (GStrv) env = g_get_environ ();
  env = g_environ_setenv (env, "TMPDIR", tmpdir, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  GPid pid = 0;
  g_autoptr (GError) error = NULL;
  gboolean ok = g_spawn_async_with_pipes (TEST_SRCDIR, (char **) argv->pdata, env,
                                          G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                          NULL, NULL, &pid, in, NULL, NULL, &error);
  CU_ASSERT_TRUE_FATAL (ok);
  return pid;
}

/* Whether @dir gets an entry starting with @prefix within 20 seconds. */
static gboolean
wait_for_entry (const char *dir, const char *prefix)
{
  for (int tries = 0; tries < 2000; tries++)
    {
      g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;
      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        if (g_str_has_prefix (name, prefix))
          return TRUE;
      g_usleep (10000);
    }
  return FALSE;
}

/* The signal that ended @pid, or -1 if it exited (or had to be killed
 * after 20 seconds). */
static int
wait_signal (GPid pid)
{
  int status = 0;
  for (int tries = 0; tries < 2000; tries++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return WIFSIGNALED (status) ? WTERMSIG (status) : -1;
      g_usleep (10000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  return -1;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names in @dir, sorted, each followed by a space. */
static char *
listing (const char *dir)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (s, "%s ", (const char *) names->pdata[i]);
  return g_string_free (s, FALSE);
}

/* Writes @mb megabytes of generated English lines to @fd. */
static void
write_text (int fd, int mb)
{
  g_autoptr (GString) chunk = g_string_new (NULL);
  for (int i = 0; chunk->len < 1024 * 1024; i++)
    g_string_append_printf (chunk, "the war and the peace of the long years came to an end %d\n",
                            i);
  for (int i = 0; i < mb; i++)
    CU_ASSERT_EQUAL (write (fd, chunk->str, chunk->len), (gssize) chunk->len);
}

/* Interrupts @args (whose -o is DIR/out.tsv, DIR @dir) with @sig once an
 * entry @prefix shows in @watch, after @mb MB of input, the input still
 * open; then checks that the signal ended it, that no temporary file is
 * left in @dir or in TMPDIR (@dir/tmp) and out.tsv is as it was. */
static void
interrupt (const char *dir, const char *const *args, int mb, const char *watch, const char *prefix,
           int sig)
{
  g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
  int in = -1;
  GPid pid = spawn_derlem (args, tmp, &in);
  /* derlem might fail before reading it all: a write then fails, no more. */
  void (*pipe_was) (int) = signal (SIGPIPE, SIG_IGN);
  write_text (in, mb);
  DL_ASSERT_TRUE_FOR (args[0], wait_for_entry (watch, prefix));
  kill (pid, sig);
  DL_ASSERT_INT_EQ_FOR (args[0], wait_signal (pid), sig);
  close (in);
  signal (SIGPIPE, pipe_was);
  g_autofree char *left = listing (dir);
  DL_ASSERT_STR_EQ_FOR (args[0], left, "out.tsv tmp ");
  g_autofree char *left_tmp = listing (tmp);
  DL_ASSERT_STR_EQ_FOR (args[0], left_tmp, "");
  g_autofree char *out = g_build_filename (dir, "out.tsv", NULL);
  g_autofree char *kept = NULL;
  CU_ASSERT_TRUE (g_file_get_contents (out, &kept, NULL, NULL));
  DL_ASSERT_STR_EQ_FOR (args[0], kept, "old\n");
}

static void
test_signals_leave_no_temporary_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-signal-XXXXXX", NULL);
  g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
  g_autofree char *out = g_build_filename (dir, "out.tsv", NULL);
  CU_ASSERT_FATAL (g_mkdir (tmp, 0700) == 0);
  CU_ASSERT_FATAL (g_file_set_contents (out, "old\n", -1, NULL));
  /* -o's .out.tsv.XXXXXX, made before the input is read: SIGTERM with
   * 4 MB of it counted and more to come. */
  const char *const freq[] = { "freq", "--format", "tsv", "-o", out, "-", NULL };
  interrupt (dir, freq, 4, dir, ".out.tsv.", SIGTERM);
  /* Standard input's copy in TMPDIR (--unit stem reads it twice): SIGINT
   * while it is being copied. */
  const char *const kwic[] = { "kwic", "--unit", "stem", "-o", out, "war", "-", NULL };
  interrupt (dir, kwic, 4, tmp, "derlem-", SIGINT);
  /* SIGHUP too, over several threads. */
  const char *const stats[] = { "freq", "--threads", "2", "-o", out, "-", NULL };
  interrupt (dir, stats, 1, dir, ".out.tsv.", SIGHUP);
  /* SIGPIPE: the reader of the output left (`| head`) while standard
   * input's copy was still in use (found left behind in /tmp by this
   * suite's own `| head -n 1`). */
  CliRun r = cli_run ("d=$(mktemp -d) && (cat corpus/*.txt | TMPDIR=$d $DERLEM kwic --unit stem "
                      "--lang tr savaş; echo $? > $d.status) | true; "
                      "cat $d.status; ls -A $d; rm -r $d $d.status",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "141\n");
  cli_run_clear (&r);
  g_unlink (out);
  g_rmdir (tmp);
  g_rmdir (dir);
}

static void
test_no_input_read_leaves_output_alone (void)
{
  /* Every input missing or binary: -o is not replaced by an empty result
   * (issue 16), whichever command runs; said once, exit status 1. */
  static const char *const commands[] = { "freq",
                                          "langs",
                                          "kwic war",
                                          "colloc war",
                                          "ngrams",
                                          "stats",
                                          "keyness --ref missing-ref.txt",
                                          "profile",
                                          "dispersion war",
                                          "exercise war" };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *cmdline = g_strdup_printf (
          "d=$(mktemp -d) && echo old > $d/out.tsv && printf 'a\\0\\0\\0\\0b\\0\\0\\0\\0c' > "
          "$d/bin.txt && "
          "$DERLEM %s -o $d/out.tsv missing.txt $d/bin.txt 2>&1 >/dev/null | sed \"s|$d/||\"; "
          "cat $d/out.tsv; ls -A $d; rm -r $d",
          commands[i]);
      CliRun r = cli_run (cmdline, NULL);
      const char *said = "derlem: no input could be read: out.tsv not written\n";
      DL_ASSERT_TRUE_FOR (commands[i],
                          g_str_has_prefix (r.out, "derlem: missing.txt: No such file"));
      DL_ASSERT_STR_CONTAINS_FOR (commands[i], r.out,
                                  "\nderlem: bin.txt: binary file (control characters), skipped\n");
      /* Once, last, and the file as it was. */
      g_autofree char *end = g_strconcat (said, "old\nbin.txt\nout.tsv\n", NULL);
      DL_ASSERT_TRUE_FOR (commands[i], g_str_has_suffix (r.out, end));
      DL_ASSERT_TRUE_FOR (commands[i],
                          strstr (r.out, said) == r.out + strlen (r.out) - strlen (end));
      cli_run_clear (&r);
    }

  /* A new file is not made; the exit status is 1. */
  CliRun r = cli_run ("d=$(mktemp -d) && $DERLEM freq -o $d/new.tsv missing.txt; echo status=$?; "
                      "ls -A $d; rm -r $d",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "status=1\n");
  DL_ASSERT_STR_CONTAINS (r.err, "/new.tsv not written\n");
  cli_run_clear (&r);

  /* One input read: the result is written (and the run exits 1). */
  r = cli_run ("d=$(mktemp -d) && echo old > $d/out.tsv && $DERLEM langs --format tsv "
               "-o $d/out.tsv missing.txt " TR_FILE "; echo status=$?; cat $d/out.tsv; rm -r $d",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "status=1\n" TR_TSV);
  CU_ASSERT_PTR_NULL (strstr (r.err, "not written"));
  cli_run_clear (&r);

  /* Standard output gets the empty result, as before, and exit 1. */
  r = cli_run ("$DERLEM freq missing.txt", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_EQ (r.out, "tr: 0 tokens, 0 types\n\nen: 0 tokens, 0 types\n");
  DL_ASSERT_STR_EQ (r.err, "derlem: missing.txt: No such file or directory\n");
  cli_run_clear (&r);
}

static void
test_stdout_write_error_said_once (void)
{
  /* A full disk on standard output: said once, exit status 1, whether
   * GOption printed the help and exited (it exited 0 and said nothing),
   * main printed it or a command wrote its result. */
  static const char *const runs[]
      = { "help freq", "freq --help", "kwic -h",       "--version",
          "--help",    "help",        "freq " TR_FILE, "kwic --format json savaş " TR_FILE };
  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *cmdline = g_strdup_printf ("$DERLEM %s > /dev/full", runs[i]);
      CliRun r = cli_run (cmdline, NULL);
      DL_ASSERT_INT_EQ_FOR (runs[i], r.status, 1);
      DL_ASSERT_STR_EQ_FOR (runs[i], r.err,
                            "derlem: cannot write standard output: No space left on device\n");
      cli_run_clear (&r);
    }
  /* In Turkish too; and nothing to say when nothing is written. */
  CliRun r = cli_run ("$DERLEM --version > /dev/full", "tr");
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: standart çıktı yazılamıyor: ");
  cli_run_clear (&r);
  /* (Never -o /dev/null here: as root, a derlem without the fix for
   * devices would replace the machine's /dev/null.) */
  r = cli_run ("d=$(mktemp -d) && $DERLEM langs -o $d/out.tsv " TR_FILE " >&-; echo $? >&2; "
               "rm -r $d",
               NULL);
  DL_ASSERT_STR_EQ (r.err, "0\n");
  cli_run_clear (&r);
}

void
test_cli_output_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-output", NULL, NULL);
  CU_add_test (s, "output_fifo_written_in_place", test_output_fifo_written_in_place);
  CU_add_test (s, "output_through_symlink_keeps_link", test_output_through_symlink_keeps_link);
  CU_add_test (s, "output_keeps_mode_and_owner", test_output_keeps_mode_and_owner);
  CU_add_test (s, "signals_leave_no_temporary_files", test_signals_leave_no_temporary_files);
  CU_add_test (s, "no_input_read_leaves_output_alone", test_no_input_read_leaves_output_alone);
  CU_add_test (s, "stdout_write_error_said_once", test_stdout_write_error_said_once);
}
