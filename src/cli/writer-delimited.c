/* writer-delimited.c — TSV (tabs, newlines, CRs and backslashes escaped as
 * \t \n \r \\) and CSV (RFC 4180 quoting; a text cell that a spreadsheet
 * would take for a formula gets a leading '): one header row, then the
 * rows. */
#include "config.h"

#include <string.h>

#include "writer-private.h"

static void
escape_tsv (GString *out, const char *text)
{
  const char *p = text, *run = text; /* run: bytes not yet appended */
  for (; *p != '\0'; p++)
    {
      const char *esc;
      switch (*p)
        {
        case '\t':
          esc = "\\t";
          break;
        case '\n':
          esc = "\\n";
          break;
        case '\r':
          esc = "\\r";
          break;
        case '\\':
          esc = "\\\\";
          break;
        default:
          continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, esc);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
}

/* A text cell starting with = + - @, a tab or a CR is a formula to a
 * spreadsheet (CSV injection, OWASP): it is written quoted, after a '.
 * A lone - (standard input's name) is text to every spreadsheet. */
static gboolean
formula_like (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL && strcmp (text, "-") != 0;
}

static void
escape_csv (GString *out, const char *text, gboolean neutralize)
{
  if (neutralize)
    {
      g_string_append (out, "\"'");
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      return;
    }
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
header (DlWriter *w, char sep)
{
  for (guint j = 0; j < w->n_shown; j++)
    {
      if (j > 0)
        fputc (sep, w->fp);
      fputs (w->columns[w->shown[j]].name, w->fp);
    }
  fputc ('\n', w->fp);
}

static void
row (DlWriter *w, const DlCell *cells, char sep)
{
  GString *b = w->buf;
  g_string_truncate (b, 0);
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      if (j > 0)
        g_string_append_c (b, sep);
      const char *text = dl_writer_cell_text (w, k, &cells[k]);
      if (sep == '\t')
        escape_tsv (b, text);
      else
        escape_csv (b, text, w->columns[k].type == DL_CELL_STRING && formula_like (text));
    }
  g_string_append_c (b, '\n');
  fwrite (b->str, 1, b->len, w->fp);
}

static void
tsv_begin (DlWriter *w)
{
  header (w, '\t');
}

static void
tsv_row (DlWriter *w, DlLang lang, const DlCell *cells)
{
  (void) lang;
  row (w, cells, '\t');
}

static void
csv_begin (DlWriter *w)
{
  header (w, ',');
}

static void
csv_row (DlWriter *w, DlLang lang, const DlCell *cells)
{
  (void) lang;
  row (w, cells, ',');
}

/* Tabs and line breaks are escaped (TSV) or quoted (CSV); other control
 * characters are spaces. */
const DlWriterClass dl_writer_tsv
    = { .name = "tsv", .controls = "\t\n\r", .begin = tsv_begin, .row = tsv_row };
const DlWriterClass dl_writer_csv
    = { .name = "csv", .controls = "\t\n\r", .begin = csv_begin, .row = csv_row };
