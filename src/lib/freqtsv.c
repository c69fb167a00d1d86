/* freqtsv.c — reading back a `derlem freq --format tsv` list, a line at a
 * time: memory grows with the list's items, not with the file. */
#include "config.h"

#include "freqtsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "i18n.h"

/* The columns read, by header name. */
enum { C_LANG, C_ITEM, C_FREQ, C_RANGE, C_UNIT, C_TOTAL, N_C };
static const char *const column_names[N_C]
    = { "lang", "item", "freq", "range", "unit", "total_tokens" };
#define N_REQUIRED C_UNIT /* lang item freq range */

struct _DlFreqTsv {
  int column[N_C]; /* the cell of each column, or -1 */
  guint n_cells;   /* cells in the header, so in every row */
  GArray *items[DL_LANG_COUNT];
  guint64 tokens[DL_LANG_COUNT];   /* total_tokens, or the sum of freq */
  GHashTable *seen[DL_LANG_COUNT]; /* match key → line first listed */
  GStringChunk *strings;
};

/* What a reading needs: the list, where it comes from, scratch. */
typedef struct {
  DlFreqTsv *t;
  const char *path;
  guint64 line;
  const DlDiag *diag;
  GPtrArray *cells; /* of char *, into the line */
  GString *cell;    /* a cell unescaped */
  GString *key;
} Reading;

/* Splits @line (NUL-terminated, no line end) at its tabs into @cells. */
static void
split (char *line, GPtrArray *cells)
{
  g_ptr_array_set_size (cells, 0);
  for (char *p = line;;)
    {
      g_ptr_array_add (cells, p);
      char *tab = strchr (p, '\t');
      if (tab == NULL)
        return;
      *tab = '\0';
      p = tab + 1;
    }
}

/* Sets @out to @cell with the TSV writer's escapes undone: FALSE for a
 * backslash before anything else than t, n, r or a backslash. */
static gboolean
unescape (const char *cell, GString *out)
{
  g_string_truncate (out, 0);
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      static const char from[] = "tnr\\", to[] = "\t\n\r\\";
      const char *e = p[1] != '\0' ? strchr (from, p[1]) : NULL;
      if (e == NULL)
        return FALSE;
      g_string_append_c (out, to[e - from]);
      p++;
    }
  return TRUE;
}

/* Parses @cell as a whole number from 1 to G_MAXUINT64 / 2 (so that sums
 * stay far from overflow). */
static gboolean
parse_count (const char *cell, guint64 *value)
{
  if (!g_ascii_isdigit (cell[0]))
    return FALSE;
  char *end;
  errno = 0;
  guint64 v = g_ascii_strtoull (cell, &end, 10);
  if (errno != 0 || *end != '\0' || v == 0 || v > G_MAXUINT64 / 2)
    return FALSE;
  *value = v;
  return TRUE;
}

/* Reads the header in @line: FALSE with @error if a column is missing. */
static gboolean
read_header (Reading *rd, char *line, GError **error)
{
  DlFreqTsv *t = rd->t;
  split (line, rd->cells);
  t->n_cells = rd->cells->len;
  for (int c = 0; c < N_C; c++)
    t->column[c] = -1;
  for (guint i = 0; i < rd->cells->len; i++)
    for (int c = 0; c < N_C; c++)
      if (t->column[c] < 0 && strcmp (rd->cells->pdata[i], column_names[c]) == 0)
        t->column[c] = (int) i;
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

/* The unescaped text of column @c of the row in rd->cells, in rd->cell,
 * or NULL (said why) if it is badly escaped or empty. */
static const char *
cell_text (Reading *rd, int c)
{
  const char *raw = rd->cells->pdata[rd->t->column[c]];
  if (!unescape (raw, rd->cell) || rd->cell->len == 0)
    {
      dl_diag_report (rd->diag, DL_DIAG_WARNING, rd->path, rd->line,
                      rd->cell->len == 0 && raw[0] == '\0' ? _ ("empty %s: row left out")
                                                           : _ ("bad escape in %s: row left out"),
                      column_names[c]);
      return NULL;
    }
  return rd->cell->str;
}

/* The count in column @c, or FALSE (said why). */
static gboolean
cell_count (Reading *rd, int c, guint64 *value)
{
  const char *raw = rd->cells->pdata[rd->t->column[c]];
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
  const char *code = rd->cells->pdata[rd->t->column[C_LANG]];
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
                      (const char *) rd->cells->pdata[rd->t->column[C_TOTAL]], dl_lang_code (lang));
      return FALSE;
    }
  return TRUE;
}

/* Reads the row in rd->cells: an item, or a warning. */
static void
read_row (Reading *rd)
{
  DlFreqTsv *t = rd->t;
  if (rd->cells->len != t->n_cells)
    {
      dl_diag_report (rd->diag, DL_DIAG_WARNING, rd->path, rd->line,
                      _ ("%u cells where the header has %u: row left out"), rd->cells->len,
                      t->n_cells);
      return;
    }
  DlLang lang;
  DlFreqItem it = { NULL, 0, 0, 0, NULL, NULL };
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
  if (!g_utf8_validate (item, -1, NULL)
      || (it.unit != NULL && !g_utf8_validate (it.unit, -1, NULL)))
    {
      dl_diag_report (rd->diag, DL_DIAG_WARNING, rd->path, rd->line,
                      _ ("not valid UTF-8: row left out"));
      return;
    }
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

/* Reads the lines of @fp into rd->t. FALSE with @error for a bad header or
 * a read error. */
static gboolean
read_lines (Reading *rd, FILE *fp, GError **error)
{
  g_autofree char *line = NULL;
  size_t room = 0;
  ssize_t len;
  while ((len = getline (&line, &room, fp)) >= 0)
    {
      rd->line++;
      /* The line end; a CR before it is a CRLF file's (the writer escapes
         a CR in a cell). */
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if (rd->line == 1)
        {
          if (!read_header (rd, line, error))
            return FALSE;
          continue;
        }
      if (len == 0)
        continue;
      split (line, rd->cells);
      read_row (rd);
    }
  if (ferror (fp) || rd->line == 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   ferror (fp) ? _ ("cannot read %s: %s") : _ ("%s: an empty file, no list"),
                   rd->path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
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
  FILE *fp = fopen (path, "r");
  if (fp == NULL)
    {
      int e = errno;
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("cannot read %s: %s"), path, g_strerror (e));
      return NULL;
    }
  g_autoptr (DlFreqTsv) t = freqtsv_new ();
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  g_autoptr (GString) cell = g_string_new (NULL);
  g_autoptr (GString) key = g_string_new (NULL);
  Reading rd = { t, path, 0, diag, cells, cell, key };
  gboolean ok = read_lines (&rd, fp, error);
  fclose (fp);
  return ok ? g_steal_pointer (&t) : NULL;
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
