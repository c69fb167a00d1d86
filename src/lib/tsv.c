/* tsv.c — tab-separated tables, a row at a time. */
#include "config.h"

#include "tsv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "i18n.h"

struct _DlTsv {
  FILE *fp;
  gboolean own_fp; /* not stdin */
  char *path;
  char *buf; /* the line last read (getline's) */
  size_t cap;
  guint64 line;
  GPtrArray *names;  /* char *, owned */
  GPtrArray *fields; /* char * into @text */
  GString *text;     /* the row's fields, unescaped, NUL after each */
};

/* Reads the next line into @t->buf without its line end: its length, or -1
 * at the end or on a read error (errno). */
static gssize
read_line (DlTsv *t)
{
  errno = 0;
  gssize n = getline (&t->buf, &t->cap, t->fp);
  if (n < 0)
    return -1;
  t->line++;
  if (n > 0 && t->buf[n - 1] == '\n')
    n--;
  if (n > 0 && t->buf[n - 1] == '\r')
    n--;
  t->buf[n] = '\0';
  return n;
}

/* Splits @line (@n bytes) at tabs into @t->fields, unescaped. Returns the
 * first field with a backslash before anything but t, n, r or a backslash
 * (no escape of derlem's TSV writer), or -1. */
static gint
split (DlTsv *t, const char *line, gsize n)
{
  g_string_truncate (t->text, 0);
  g_ptr_array_set_size (t->fields, 0);
  /* Offsets first: the string may move while it grows. */
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize start = 0;
  gint bad = -1;
  g_array_append_val (starts, start);
  for (gsize i = 0; i < n; i++)
    {
      char c = line[i];
      if (c == '\t')
        {
          g_string_append_c (t->text, '\0');
          start = t->text->len;
          g_array_append_val (starts, start);
          continue;
        }
      if (c == '\\')
        {
          const char *e = i + 1 < n ? strchr ("tnr\\", line[i + 1]) : NULL;
          if (e == NULL || *e == '\0')
            {
              if (bad < 0)
                bad = (gint) starts->len - 1;
            }
          else
            {
              i++;
              c = *e == 't' ? '\t' : *e == 'n' ? '\n' : *e == 'r' ? '\r' : '\\';
            }
        }
      g_string_append_c (t->text, c);
    }
  for (guint k = 0; k < starts->len; k++)
    g_ptr_array_add (t->fields, t->text->str + g_array_index (starts, gsize, k));
  return bad;
}

static void
set_read_error (const DlTsv *t, GError **error)
{
  int e = errno;
  g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot read %s: %s"), t->path,
               g_strerror (e != 0 ? e : EIO));
}

DlTsv *
dl_tsv_open (const char *path, GError **error)
{
  g_autoptr (DlTsv) t = g_new0 (DlTsv, 1);
  t->path = g_strdup (path);
  t->names = g_ptr_array_new_with_free_func (g_free);
  t->fields = g_ptr_array_new ();
  t->text = g_string_new (NULL);
  if (strcmp (path, "-") == 0)
    t->fp = stdin;
  else if ((t->fp = fopen (path, "rb")) == NULL)
    {
      set_read_error (t, error);
      return NULL;
    }
  else
    t->own_fp = TRUE;
  gssize n = read_line (t);
  if (n < 0 && ferror (t->fp))
    {
      set_read_error (t, error);
      return NULL;
    }
  const char *line = n >= 0 ? t->buf : "";
  if (n >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0)
    line += 3, n -= 3;
  if (n <= 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO,
                   /* Translators: a table (--meta, --ref-list) with no header row. */
                   _ ("%s: no header row (a TSV table starts with its column names)"), path);
      return NULL;
    }
  if (!g_utf8_validate_len (line, (gsize) n, NULL))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("%s:%u: not valid UTF-8"), path, 1u);
      return NULL;
    }
  split (t, line, (gsize) n);
  for (guint k = 0; k < t->fields->len; k++)
    {
      const char *name = t->fields->pdata[k];
      if (dl_tsv_column (t, name) >= 0)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_IO,
                       /* Translators: a TSV table whose header names a column twice. */
                       _ ("%s:%u: column '%s' named twice"), path, 1u, name);
          return NULL;
        }
      g_ptr_array_add (t->names, g_strdup (name));
    }
  return g_steal_pointer (&t);
}

void
dl_tsv_free (DlTsv *t)
{
  if (t == NULL)
    return;
  if (t->own_fp)
    fclose (t->fp);
  free (t->buf);
  g_free (t->path);
  g_ptr_array_unref (t->names);
  g_ptr_array_unref (t->fields);
  g_string_free (t->text, TRUE);
  g_free (t);
}

guint
dl_tsv_n_columns (const DlTsv *t)
{
  return t->names->len;
}

const char *
dl_tsv_name (const DlTsv *t, guint column)
{
  g_return_val_if_fail (column < t->names->len, NULL);
  return t->names->pdata[column];
}

gint
dl_tsv_column (const DlTsv *t, const char *name)
{
  for (guint k = 0; k < t->names->len; k++)
    if (strcmp (t->names->pdata[k], name) == 0)
      return (gint) k;
  return -1;
}

DlTsvStatus
dl_tsv_next (DlTsv *t, GError **error)
{
  gssize n;
  do
    n = read_line (t);
  while (n == 0);
  if (n < 0)
    {
      if (!ferror (t->fp))
        return DL_TSV_END;
      set_read_error (t, error);
      return DL_TSV_FAIL;
    }
  if (!g_utf8_validate_len (t->buf, (gsize) n, NULL))
    {
      g_set_error_literal (error, DL_ERROR, DL_ERROR_IO, _ ("not valid UTF-8: row left out"));
      return DL_TSV_BAD;
    }
  gint bad = split (t, t->buf, (gsize) n);
  if (t->fields->len != t->names->len)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO,
                   /* Translators: a row of a TSV table (--meta, --ref-list). */
                   _ ("%u cells where the header has %u: row left out"), t->fields->len,
                   t->names->len);
      return DL_TSV_BAD;
    }
  if (bad >= 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO,
                   /* Translators: %s is a column name; a backslash before a letter
                      other than t, n, r. */
                   _ ("bad escape in %s: row left out"), dl_tsv_name (t, (guint) bad));
      return DL_TSV_BAD;
    }
  return DL_TSV_ROW;
}

guint64
dl_tsv_line (const DlTsv *t)
{
  return t->line;
}

const char *
dl_tsv_field (const DlTsv *t, guint column)
{
  g_return_val_if_fail (column < t->fields->len, NULL);
  return t->fields->pdata[column];
}
