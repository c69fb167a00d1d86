/* freqtsv.c — reading back a `derlem freq --format tsv` list, a row at a
 * time (tsv.h): memory grows with the list's items, not with the file. */
#include "config.h"

#include "freqtsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "number.h"
#include "tsv.h"

/* The columns read, by header name. */
enum { C_LANG, C_ITEM, C_FREQ, C_RANGE, C_UNIT, C_TOTAL, N_C };
static const char *const column_names[N_C]
    = { "lang", "item", "freq", "range", "unit", "total_tokens" };
#define N_REQUIRED C_UNIT /* lang item freq range */

struct _DlFreqTsv {
  int column[N_C]; /* the cell of each column, or -1 */
  GArray *items[DL_LANG_COUNT];
  guint64 tokens[DL_LANG_COUNT];   /* total_tokens, or the sum of freq */
  GHashTable *seen[DL_LANG_COUNT]; /* match key → line first listed */
  GStringChunk *strings;
};

/* What a reading needs: the list, the table read, scratch. */
typedef struct {
  DlFreqTsv *t;
  const char *path;
  DlTsv *tsv;
  guint64 line;
  const DlDiag *diag;
  GString *key;
} Reading;

/* Parses @cell as a whole number from 1 to G_MAXUINT64 / 2 (so that sums
 * stay far from overflow). */
static gboolean
parse_count (const char *cell, guint64 *value)
{
  return dl_parse_unsigned (cell, 10, 1, G_MAXUINT64 / 2, value);
}

/* Finds the columns in the header: FALSE with @error if one is missing. */
static gboolean
read_header (Reading *rd, GError **error)
{
  DlFreqTsv *t = rd->t;
  for (int c = 0; c < N_C; c++)
    t->column[c] = dl_tsv_column (rd->tsv, column_names[c]);
  for (int c = 0; c < N_REQUIRED; c++)
    if (t->column[c] < 0)
      {
        g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                     /* Translators: %s:1 is the file's first line; %s after it a
                        column name of `derlem freq --format tsv`. */
                     _ ("%s:1: not a 'derlem freq --format tsv' list: its header has no "
                        "'%s' column"),
                     rd->path, column_names[c]);
        return FALSE;
      }
  return TRUE;
}

/* Column @c of the row read. */
static const char *
cell_of (const Reading *rd, int c)
{
  return dl_tsv_field (rd->tsv, (guint) rd->t->column[c]);
}

/* The text of column @c of the row read, or NULL (said why) if it is
 * empty. */
static const char *
cell_text (Reading *rd, int c)
{
  const char *text = cell_of (rd, c);
  if (text[0] == '\0')
    {
      dl_diag_report (rd->diag, DL_DIAG_WARNING, rd->path, rd->line, _ ("empty %s: row left out"),
                      column_names[c]);
      return NULL;
    }
  return text;
}

/* The count in column @c, or FALSE (said why). */
static gboolean
cell_count (Reading *rd, int c, guint64 *value)
{
  const char *raw = cell_of (rd, c);
  if (parse_count (raw, value))
    return TRUE;
  dl_diag_report (rd->diag, DL_DIAG_WARNING, rd->path, rd->line,
                  /* Translators: %s is a column name (freq, range, total_tokens). */
                  _ ("%s is not a whole number from 1 up ('%s'): row left out"), column_names[c],
                  raw);
  return FALSE;
}

/* The language of the row, or FALSE (said why). */
static gboolean
row_lang (Reading *rd, DlLang *lang)
{
  const char *code = cell_of (rd, C_LANG);
  if (dl_lang_parse (code, lang) && *lang != DL_LANG_OTHER)
    return TRUE;
  dl_diag_report (rd->diag, DL_DIAG_WARNING, rd->path, rd->line,
                  _ ("unknown language '%s' (tr or en): row left out"), code);
  return FALSE;
}

/* Checks the row's total_tokens against the language's first, or takes it
 * as the first; FALSE (said why) if they differ or it is no count. */
static gboolean
row_total (Reading *rd, DlLang lang, gboolean first)
{
  guint64 total;
  if (!cell_count (rd, C_TOTAL, &total))
    return FALSE;
  if (first)
    rd->t->tokens[lang] = total;
  else if (total != rd->t->tokens[lang])
    {
      dl_diag_report (rd->diag, DL_DIAG_WARNING, rd->path, rd->line,
                      _ ("total_tokens %s differs from the %s given before: row left out"),
                      cell_of (rd, C_TOTAL), dl_lang_code (lang));
      return FALSE;
    }
  return TRUE;
}

/* Reads the row read: an item, or a warning. */
static void
read_row (Reading *rd)
{
  DlFreqTsv *t = rd->t;
  DlLang lang;
  DlFreqItem it = { 0 };
  guint64 range;
  if (!row_lang (rd, &lang) || !cell_count (rd, C_FREQ, &it.freq)
      || !cell_count (rd, C_RANGE, &range))
    return;
  it.range = (guint32) MIN (range, G_MAXUINT32);
  if (t->column[C_UNIT] >= 0)
    {
      const char *unit = cell_text (rd, C_UNIT);
      if (unit == NULL)
        return;
      it.unit = g_string_chunk_insert (t->strings, unit);
    }
  const char *item = cell_text (rd, C_ITEM);
  if (item == NULL)
    return;
  it.item = g_string_chunk_insert (t->strings, item);
  const char *key = dl_freqlist_match_key (&it, rd->key);
  guint64 first = GPOINTER_TO_SIZE (g_hash_table_lookup (t->seen[lang], key));
  if (first > 0)
    {
      char line[24];
      g_snprintf (line, sizeof line, "%" G_GUINT64_FORMAT, first);
      dl_diag_report (rd->diag, DL_DIAG_WARNING, rd->path, rd->line,
                      /* Translators: %s an item, %s a line number. */
                      _ ("'%s' is listed twice (first on line %s): row left out"), key, line);
      return;
    }
  gboolean first_row = t->items[lang]->len == 0;
  if (t->column[C_TOTAL] >= 0 && !row_total (rd, lang, first_row))
    return;
  g_hash_table_insert (t->seen[lang], g_string_chunk_insert (t->strings, key),
                       GSIZE_TO_POINTER ((gsize) rd->line));
  g_array_append_val (t->items[lang], it);
  if (t->column[C_TOTAL] < 0)
    t->tokens[lang] += it.freq;
}

/* Reads the rows of rd->tsv into rd->t. FALSE with @error for a read
 * error. */
static gboolean
read_rows (Reading *rd, GError **error)
{
  for (;;)
    {
      g_autoptr (GError) local = NULL;
      DlTsvStatus status = dl_tsv_next (rd->tsv, &local);
      rd->line = dl_tsv_line (rd->tsv);
      if (status == DL_TSV_END)
        return TRUE;
      if (status == DL_TSV_FAIL)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE, "%s", local->message);
          return FALSE;
        }
      if (status == DL_TSV_BAD)
        dl_diag_report (rd->diag, DL_DIAG_WARNING, rd->path, rd->line, "%s", local->message);
      else
        read_row (rd);
    }
}

static DlFreqTsv *
freqtsv_new (void)
{
  DlFreqTsv *t = g_new0 (DlFreqTsv, 1);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      t->items[l] = g_array_new (FALSE, FALSE, sizeof (DlFreqItem));
      t->seen[l] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  t->strings = g_string_chunk_new (4096);
  return t;
}

DlFreqTsv *
dl_freqtsv_read (const char *path, const DlDiag *diag, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (DlTsv) tsv = dl_tsv_open (path, &local);
  if (tsv == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, "%s", local->message);
      return NULL;
    }
  g_autoptr (DlFreqTsv) t = freqtsv_new ();
  g_autoptr (GString) key = g_string_new (NULL);
  Reading rd = { t, path, tsv, 1, diag, key };
  if (!read_header (&rd, error) || !read_rows (&rd, error))
    return NULL;
  return g_steal_pointer (&t);
}

void
dl_freqtsv_free (DlFreqTsv *t)
{
  if (t == NULL)
    return;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_array_unref (t->items[l]);
      g_hash_table_unref (t->seen[l]);
    }
  g_string_chunk_free (t->strings);
  g_free (t);
}

gboolean
dl_freqtsv_has_units (const DlFreqTsv *t)
{
  return t->column[C_UNIT] >= 0;
}

gboolean
dl_freqtsv_has_totals (const DlFreqTsv *t)
{
  return t->column[C_TOTAL] >= 0;
}

const DlFreqItem *
dl_freqtsv_items (const DlFreqTsv *t, DlLang lang, guint *n)
{
  *n = t->items[lang]->len;
  return (const DlFreqItem *) t->items[lang]->data;
}

guint64
dl_freqtsv_tokens (const DlFreqTsv *t, DlLang lang)
{
  return t->tokens[lang];
}
