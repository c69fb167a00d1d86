/* test-cli-terminal.c — the built ./derlem on a terminal's terms: the
 * progress line on standard error (its figures, and nothing of it left
 * behind), text fitted to COLUMNS, and file paths for people relative to
 * the inputs' common directory. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "terminal.h"
#include "tests.h"
#include "textwidth.h"

/* The lines of @bytes as a terminal shows them: a carriage return takes
 * the cursor back to the line's start, where what follows overwrites what
 * is there (ASCII text only). */
static GPtrArray *
terminal_lines (const char *bytes)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *line = g_string_new (NULL);
  gsize col = 0;
  for (const char *p = bytes; *p != '\0'; p++)
    if (*p == '\n')
      {
        g_ptr_array_add (lines, g_string_free (line, FALSE));
        line = g_string_new (NULL);
        col = 0;
      }
    else if (*p == '\r')
      col = 0;
    else if (col < line->len)
      line->str[col++] = *p;
    else
      {
        g_string_append_c (line, *p);
        col++;
      }
  g_ptr_array_add (lines, g_string_free (line, FALSE));
  return lines;
}

/* Whether the last line a terminal shows is blank: no progress left. */
static gboolean
last_line_blank (const char *err)
{
  g_autoptr (GPtrArray) lines = terminal_lines (err);
  const char *last = lines->pdata[lines->len - 1];
  return strspn (last, " ") == strlen (last);
}

static void
test_progress_always_shows_and_erases (void)
{
  CliRun r = cli_run ("$DERLEM freq --progress always corpus 2>&1 >/dev/null", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  /* The bundled corpus's five files are 236,678 bytes (wc -c). */
  DL_ASSERT_STR_CONTAINS (r.out, "\rderlem: 0 B of 236.7 kB (0%), 0/5 files");
  DL_ASSERT_STR_CONTAINS (r.out, "\rderlem: 236.7 kB of 236.7 kB (100%), 5/5 files");
  /* Erased with spaces between carriage returns: the terminal's last line
   * is blank, and nothing else was written. */
  DL_ASSERT_TRUE_FOR (r.out, g_regex_match_simple ("\r +\r$", r.out, 0, 0));
  DL_ASSERT_TRUE_FOR (r.out, last_line_blank (r.out));
  DL_ASSERT_TRUE_FOR (r.out, strchr (r.out, '\n') == NULL);
  cli_run_clear (&r);

  /* Standard input: bytes, no percentage. */
  r = cli_run ("cat corpus/commentary-tr-karabag-2023.txt "
               "| $DERLEM freq --progress always 2>&1 >/dev/null",
               NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "\rderlem: 0 B, 0/1 files");
  DL_ASSERT_TRUE_FOR (r.out, strchr (r.out, '%') == NULL);
  DL_ASSERT_TRUE_FOR (r.out, last_line_blank (r.out));
  cli_run_clear (&r);

  /* auto on a terminal (script(1) gives one): shown, and erased. */
  r = cli_run ("script -qec '$DERLEM freq corpus > /dev/null' /dev/null", NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "(100%), 5/5 files");
  DL_ASSERT_TRUE_FOR (r.out, last_line_blank (r.out));
  cli_run_clear (&r);

  /* Not a terminal, and never: nothing on standard error. */
  static const char *const quiet[] = { "$DERLEM freq corpus 2>&1 >/dev/null",
                                       "$DERLEM freq --progress never corpus 2>&1 >/dev/null" };
  for (gsize i = 0; i < G_N_ELEMENTS (quiet); i++)
    {
      r = cli_run (quiet[i], NULL);
      DL_ASSERT_STR_EQ_FOR (quiet[i], r.out, "");
      cli_run_clear (&r);
    }
}

static void
test_progress_steps_aside_for_diagnostics (void)
{
  /* An empty file's note comes out on a line of its own, with no progress
   * text before or after it on the terminal. */
  CliRun r = cli_run ("d=$(mktemp -d) && : > $d/empty.txt && "
                      "$DERLEM freq --progress always --threads 1 $d/empty.txt "
                      "corpus/commentary-tr-karabag-2023.txt 2>&1 >/dev/null; rm -r $d",
                      NULL);
  g_autoptr (GPtrArray) lines = terminal_lines (r.out);
  guint notes = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];
      if (strstr (line, "empty file") == NULL)
        continue;
      notes++;
      DL_ASSERT_TRUE_FOR (
          line, g_regex_match_simple ("^derlem: /.*/empty.txt: empty file *$", line, 0, 0));
    }
  DL_ASSERT_INT_EQ (notes, 1);
  DL_ASSERT_TRUE_FOR (r.out, last_line_blank (r.out));
  cli_run_clear (&r);
}

/* The display columns of the widest line of @text. */
static gsize
widest_line (const char *text)
{
  gsize widest = 0;
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    widest = MAX (widest, dl_display_width (lines[i], -1));
  return widest;
}

static void
test_terminal_columns_from_env (void)
{
  /* Standard input of the tests is not a terminal: COLUMNS or 80. */
  static const struct {
    const char *columns;
    guint expected;
  } cases[] = {
    { NULL, 80 }, { "40", 40 },  { "132", 132 }, { "0", 80 },
    { "-5", 80 }, { "abc", 80 }, { "40x", 80 },  { "", 80 },
  };
  g_autofree char *saved = g_strdup (g_getenv ("COLUMNS"));
  int fds[2];
  CU_ASSERT_FATAL (pipe (fds) == 0);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].columns != NULL)
        g_setenv ("COLUMNS", cases[i].columns, TRUE);
      else
        g_unsetenv ("COLUMNS");
      DL_ASSERT_INT_EQ_FOR (cases[i].columns, dl_terminal_columns (fds[1]), cases[i].expected);
    }
  close (fds[0]);
  close (fds[1]);
  if (saved != NULL)
    g_setenv ("COLUMNS", saved, TRUE);
  else
    g_unsetenv ("COLUMNS");
}

static void
test_text_fits_columns (void)
{
  /* Each command's text in 40 or 60 columns (as narrow as its numbers
   * leave room for), and in 80 when not on a terminal without COLUMNS. */
  static const struct {
    const char *args;
    guint narrow;
  } cases[] = {
    { "freq corpus", 40 },
    { "freq --unit stem corpus", 60 },
    { "langs corpus", 40 },
    { "ngrams corpus", 40 },
    { "kwic savaş corpus", 40 },
    { "kwic --sort R1 'savaş*' corpus", 40 },
    /* Its plot too. */
    { "dispersion savaş corpus", 50 },
    /* A D of 1.110e-16 among the numbers. */
    { "freq --dispersion corpus", 80 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint width = cases[i].narrow; width <= 80; width = width < 80 ? 80 : 81)
      {
        g_autofree char *cmd = width < 80
                                   ? g_strdup_printf ("COLUMNS=%u $DERLEM %s", width, cases[i].args)
                                   : g_strdup_printf ("unset COLUMNS; $DERLEM %s", cases[i].args);
        CliRun r = cli_run (cmd, NULL);
        DL_ASSERT_INT_EQ_FOR (cmd, r.status, 0);
        DL_ASSERT_TRUE_FOR (cmd, widest_line (r.out) <= width);
        /* Narrow, some text had to be cut. */
        DL_ASSERT_TRUE_FOR (cmd, width == 80 || strstr (r.out, "…") != NULL);
        cli_run_clear (&r);
      }
  /* TSV keeps every item whole however narrow the terminal: the same
   * bytes as with a wide one. */
  CliRun narrow = cli_run ("COLUMNS=20 $DERLEM freq --format tsv corpus", NULL);
  CliRun wide = cli_run ("COLUMNS=500 $DERLEM freq --format tsv corpus", NULL);
  DL_ASSERT_STR_EQ (narrow.out, wide.out);
  DL_ASSERT_TRUE_FOR (narrow.out, strstr (narrow.out, "…") == NULL);
  cli_run_clear (&narrow);
  cli_run_clear (&wide);
}

static void
test_turkish_headings_aligned (void)
{
  /* Headings with ş, ı, ğ (two bytes, one column): the heading row is as
   * wide as the rows under it (to the first blank line), their last
   * columns aligned right. */
  static const char *const commands[]
      = { "$DERLEM ngrams corpus | sed -n '2,12p'", "$DERLEM freq corpus | sed -n '2,12p'",
          "$DERLEM dispersion savaş corpus | sed -n '2,6p'",
          "$DERLEM stats corpus | sed -n '2,7p'" };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      CliRun r = cli_run (commands[i], "tr");
      g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
      guint n = g_strv_length (lines);
      CU_ASSERT_FATAL (n >= 5);
      DL_ASSERT_TRUE_FOR (lines[0], g_utf8_strlen (lines[0], -1) < (glong) strlen (lines[0]));
      for (guint j = 1; j + 1 < n; j++)
        DL_ASSERT_INT_EQ_FOR (lines[j], dl_display_width (lines[j], -1),
                              dl_display_width (lines[0], -1));
      cli_run_clear (&r);
    }
}

static void
test_paths_relative_to_common_root (void)
{
  /* Two files in nested directories: people see them from the directory
   * the inputs share; TSV keeps the paths as given. */
  static const char *const commands[] = {
    "kwic savaş $d",       "kwic --sort node savaş $d",   "stats $d",
    "dispersion savaş $d", "langs $d/a/x.txt $d/b/y.txt", "keyness --by file $d",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    for (int tsv = 0; tsv <= 1; tsv++)
      {
        g_autofree char *cmd
            = g_strdup_printf ("d=$(mktemp -d) && mkdir -p $d/a $d/b && "
                               "cp corpus/article-tr-karabag-turk-dunyasi.txt $d/a/x.txt && "
                               "cp corpus/article-tr-azerbaycan-denge-politikasi.txt $d/b/y.txt && "
                               "COLUMNS=200 $DERLEM %s%s | sed \"s|$d|DIR|g\"; rm -r $d",
                               commands[i], tsv ? " --format tsv" : "");
        CliRun r = cli_run (cmd, NULL);
        DL_ASSERT_INT_EQ_FOR (cmd, r.status, 0);
        if (tsv)
          {
            DL_ASSERT_STR_CONTAINS_FOR (cmd, r.out, "DIR/a/x.txt");
            DL_ASSERT_STR_CONTAINS_FOR (cmd, r.out, "DIR/b/y.txt");
          }
        else
          {
            DL_ASSERT_TRUE_FOR (cmd, strstr (r.out, "DIR") == NULL);
            DL_ASSERT_TRUE_FOR (
                cmd, g_regex_match_simple ("(^|[ =])a/x\\.txt\\b", r.out, G_REGEX_MULTILINE, 0));
            DL_ASSERT_TRUE_FOR (
                cmd, g_regex_match_simple ("(^|[ =])b/y\\.txt\\b", r.out, G_REGEX_MULTILINE, 0));
          }
        cli_run_clear (&r);
      }

  /* One input: its name alone. */
  CliRun r = cli_run ("$DERLEM langs corpus/article-tr-karabag-turk-dunyasi.txt | head -n 1", NULL);
  DL_ASSERT_STR_EQ (r.out, "article-tr-karabag-turk-dunyasi.txt\n");
  cli_run_clear (&r);
  r = cli_run ("COLUMNS=200 $DERLEM kwic savaş corpus/article-tr-karabag-turk-dunyasi.txt "
               "| head -n 1",
               NULL);
  DL_ASSERT_TRUE_FOR (r.out,
                      g_str_has_suffix (r.out, "  tr article-tr-karabag-turk-dunyasi.txt:25\n"));
  cli_run_clear (&r);
}

void
test_cli_terminal_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-terminal", NULL, NULL);
  CU_add_test (s, "progress_always_shows_and_erases", test_progress_always_shows_and_erases);
  CU_add_test (s, "progress_steps_aside_for_diagnostics",
               test_progress_steps_aside_for_diagnostics);
  CU_add_test (s, "terminal_columns_from_env", test_terminal_columns_from_env);
  CU_add_test (s, "text_fits_columns", test_text_fits_columns);
  CU_add_test (s, "turkish_headings_aligned", test_turkish_headings_aligned);
  CU_add_test (s, "paths_relative_to_common_root", test_paths_relative_to_common_root);
}
