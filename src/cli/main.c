/* main.c — derlem's entry: the command table, locale and gettext set-up,
 * printing diagnostics, and the exit status (0 ok, 1 data, 2 usage). */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(HAVE_MALLOC_H) && defined(HAVE_MALLOPT)
#include <malloc.h>
#endif

#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "paths.h"
#include "printable.h"
#include "tempfiles.h"

enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

typedef struct {
  const char *name;
  DlCommandFunc run;
  const char *summary; /* N_() */
} Command;

static const Command commands[] = {
  { "langs", dl_cmd_langs, N_ ("the language (tr, en, other) of each span of lines") },
  { "freq", dl_cmd_freq, N_ ("frequency list of words or stems, per language") },
  { "kwic", dl_cmd_kwic, N_ ("keyword in context: a concordance of words, patterns, phrases") },
  { "colloc", dl_cmd_colloc,
    N_ ("collocates of a node, or the word pairs of the corpus, with "
        "association measures") },
  { "ngrams", dl_cmd_ngrams, N_ ("n-gram clusters (lexical bundles), per language") },
  { "stats", dl_cmd_stats,
    N_ ("vocabulary statistics per file and language: TTR, STTR, hapax, MTLD") },
  { "keyness", dl_cmd_keyness,
    N_ ("keywords against a reference or the other parts (LL, Log Ratio)") },
  { "dispersion", dl_cmd_dispersion,
    N_ ("where hits fall: per-file counts, Juilland's D, Gries' DP, a plot") },
  { "profile", dl_cmd_profile,
    N_ ("a text's vocabulary profile: its words by frequency band (1k, 2k, off-list)") },
  { "exercise", dl_cmd_exercise,
    N_ ("printable worksheets from the corpus's sentences: gap fill, choice, order") },
  { "compare", dl_cmd_compare,
    N_ ("a vocabulary report: Turkish vs English, or target vs reference (HTML)") },
  { "export", dl_cmd_export,
    N_ ("the inputs as verticalized text (VRT) for CWB, CQPweb and NoSketch Engine") },
  { "index", dl_cmd_index,
    N_ ("build, describe or check an index (NAME.dlx) that every command can read") },
  { "count", dl_cmd_count,
    N_ ("save the counts (PART.dlc) that freq, keyness, ngrams, colloc --all, stats read") },
  { "merge", dl_cmd_merge, N_ ("join partial results (PART.dlc) into one, exactly") },
};

/* Whether any input went wrong. The program's mutable state is main.c's:
 * this, and what close_stdout needs (print_errno). */
static DlDiagLevel worst = DL_DIAG_NOTE;

/* A diagnostic on stderr, the progress line (@user_data) erased under it.
 * A file's name (any bytes) and the message are escaped, so that neither
 * can forge a line or drive the terminal. */
static void
print_diag (DlDiagLevel level, const char *file, guint64 line, const char *message,
            gpointer user_data)
{
  if (level > worst)
    worst = level;
  g_autofree char *name = file != NULL ? dl_printable_name (file) : NULL;
  g_autofree char *text = dl_printable_message (message);
  fflush (stdout);
  dl_progress_line_hold (user_data);
  if (name != NULL && line > 0)
    fprintf (stderr, "derlem: %s:%" G_GUINT64_FORMAT ": %s\n", name, line, text);
  else if (name != NULL)
    fprintf (stderr, "derlem: %s: %s\n", name, text);
  else
    fprintf (stderr, "derlem: %s\n", text);
  dl_progress_line_release (user_data);
}

/* A message of the run (@message may quote a name) on stderr. */
static void
print_error (const char *message)
{
  g_autofree char *text = dl_printable_message (message);
  fprintf (stderr, "derlem: %s\n", text);
}

static void
print_overview (FILE *fp)
{
  fprintf (fp, "%s\n\n%s\n\n%s\n", _ ("Usage: derlem COMMAND [OPTIONS] [PATH...]"),
           _ ("A concordance and frequency analyzer for Turkish and English text:\n"
              "each language is told apart line by line and analysed by its own rules."),
           _ ("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (fp, "  %-11s %s\n", commands[i].name, _ (commands[i].summary));
  fprintf (fp, "\n%s\n",
           _ ("Run 'derlem help COMMAND' (or 'derlem COMMAND --help') for a command's options.\n"
              "PATH is a file, a directory (read recursively, *.txt by default) or - for\n"
              "standard input. With no PATH derlem reads standard input, or at a terminal\n"
              "the bundled sample corpus.\n"
              "\n"
              "Exit status: 0 success; 1 some input or output failed (the rest is still\n"
              "done); 2 usage error."));
}

static const Command *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static int
usage_error (const char *message, const char *command)
{
  print_error (message);
  if (command != NULL)
    fprintf (stderr, _ ("Try 'derlem help %s'.\n"), command);
  else
    fprintf (stderr, "%s\n", _ ("Try 'derlem --help'."));
  return EXIT_USAGE;
}

/* SIGINT, SIGTERM, SIGHUP or SIGPIPE (the reader of standard output went
 * away, as `| head` does): the run's temporary files (-o's, standard
 * input's copies) removed, then the signal again with its default action,
 * so that the exit status says what ended the run (as sort and gzip do).
 * Async-signal-safe. */
static void
on_fatal_signal (int sig)
{
  dl_tempfiles_remove_all ();
  signal (sig, SIG_DFL);
  raise (sig); /* delivered when the handler returns: it is blocked here */
}

static void
catch_fatal_signals (void)
{
  static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
  struct sigaction sa = { 0 };
  sa.sa_handler = on_fatal_signal;
  sigemptyset (&sa.sa_mask);
  /* One cleanup at a time: the others wait while it runs. */
  for (gsize i = 0; i < G_N_ELEMENTS (sigs); i++)
    sigaddset (&sa.sa_mask, sigs[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (sigs); i++)
    {
      struct sigaction old;
      /* A signal the caller ignores (nohup, a background job) stays so. */
      if (sigaction (sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      sigaction (sigs[i], &sa, NULL);
    }
}

/* Why g_print's last write to standard output failed (0: none did). */
static int print_errno;

/* g_print's output (GOption's --help), as GLib writes it, but the reason
 * of a failure kept for close_stdout: GOption exits right after it. */
static void
print_stdout (const char *text)
{
  if ((fputs (text, stdout) == EOF || fflush (stdout) != 0) && print_errno == 0)
    print_errno = errno;
}

/* At exit, however the program got there (GOption's --help calls exit (0)
 * itself): standard output flushed and closed, and a failure (a full
 * disk, a closed pipe) said and exit status 1, as gnulib's close_stdout
 * does. A failure dl_out_close already reported is not said again: it
 * clears the stream's error, and stdio drops what it could not write. */
static void
close_stdout (void)
{
  errno = 0;
  gboolean failed = fflush (stdout) != 0 || ferror (stdout);
  int errsv = errno != 0 ? errno : print_errno;
  /* A closed descriptor with nothing to write is no failure: nothing is
   * lost (derlem ... >&-). */
  if (fclose (stdout) != 0 && !failed && errno != EBADF)
    failed = TRUE, errsv = errno;
  if (!failed)
    return;
  fprintf (stderr, "derlem: ");
  fprintf (stderr, _ ("cannot write %s: %s"), _ ("standard output"),
           g_strerror (errsv != 0 ? errsv : EIO));
  fputc ('\n', stderr);
  _exit (EXIT_DATA);
}

/* A run grows, frees and makes again arrays of megabytes (the lexicons, a
 * file's counts, the lists). glibc maps each such array apart and unmaps
 * it when freed, so the pages of the next one fault again; arrays below
 * 32 MiB now come from the heap, whose pages are reused (freq on 100 MB:
 * 82,600 page faults -> 66,100). */
static void
tune_malloc (void)
{
#if defined(HAVE_MALLOC_H) && defined(HAVE_MALLOPT) && defined(M_MMAP_THRESHOLD)
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#endif
}

static void
setup_locale (void)
{
  /* gettext ignores LANGUAGE in the C locale; C.UTF-8 honours it and lets
   * messages be UTF-8 as all of derlem's output is. */
  const char *loc = setlocale (LC_ALL, "");
  if (loc == NULL || strcmp (loc, "C") == 0 || strcmp (loc, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  g_autofree char *localedir = dl_paths_localedir ();
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static int
run_command (const Command *cmd, int argc, char **argv)
{
  /* So that the command's --help says "Usage: derlem freq [OPTION…]". */
  g_autofree char *prgname = g_strdup_printf ("derlem %s", cmd->name);
  g_set_prgname (prgname);
  g_autoptr (DlProgressLine) progress_line = dl_progress_line_new (stderr);
  g_autoptr (DlDiag) diag = dl_diag_new (print_diag, progress_line);
  DlEnv env = { .diag = diag, .progress_line = progress_line };
  g_autoptr (GError) error = NULL;
  gboolean ok = cmd->run (&env, argc, argv, &error);
  if (!ok && g_error_matches (error, DL_ERROR, DL_ERROR_USAGE))
    return usage_error (error->message, cmd->name);
  if (!ok)
    {
      fflush (stdout);
      print_error (error->message);
      return EXIT_DATA;
    }
  return worst >= DL_DIAG_WARNING ? EXIT_DATA : EXIT_OK;
}

int
main (int argc, char **argv)
{
  tune_malloc ();
  setup_locale ();
  g_set_prgname ("derlem");
  catch_fatal_signals ();
  g_set_print_handler (print_stdout);
  atexit (close_stdout);

  if (argc < 2)
    {
      print_overview (stderr);
      return EXIT_USAGE;
    }
  const char *first = argv[1];
  if (strcmp (first, "--help") == 0 || strcmp (first, "-h") == 0
      || (strcmp (first, "help") == 0 && argc == 2))
    {
      print_overview (stdout);
      return EXIT_OK; /* close_stdout checks the writes */
    }
  if (strcmp (first, "--version") == 0 || strcmp (first, "-V") == 0)
    {
      printf ("derlem %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (strcmp (first, "help") == 0)
    {
      const Command *cmd = find_command (argv[2]);
      if (cmd == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_ ("unknown command '%s'"), argv[2]);
          return usage_error (msg, NULL);
        }
      char *help_argv[] = { (char *) cmd->name, (char *) "--help", NULL };
      return run_command (cmd, 2, help_argv);
    }
  const Command *cmd = find_command (first);
  if (cmd == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_ ("unknown command '%s'"), first);
      return usage_error (msg, NULL);
    }
  return run_command (cmd, argc - 1, argv + 1);
}
