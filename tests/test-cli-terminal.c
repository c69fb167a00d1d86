/* test-cli-terminal.c — the built ./derlem on a terminal's terms: the
 * progress line on standard error (its figures, and nothing of it left
 * behind), text fitted to COLUMNS, and file paths for people relative to
 * the inputs' common directory. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

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

void
test_cli_terminal_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-terminal", NULL, NULL);
  CU_add_test (s, "progress_always_shows_and_erases", test_progress_always_shows_and_erases);
  CU_add_test (s, "progress_steps_aside_for_diagnostics",
               test_progress_steps_aside_for_diagnostics);
}
