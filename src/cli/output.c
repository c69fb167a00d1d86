/* output.c — result destinations and the TSV/CSV/JSON printers. */
#include "config.h"

#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "i18n.h"

struct _DlOut {
  FILE *fp;
  char *path;     /* the file to create, or NULL for stdout */
  char *tmp_path; /* where it is written first */
};

DlOut *
dl_out_open (const char *path, GError **error)
{
  DlOut *out = g_new0 (DlOut, 1);
  if (path == NULL || strcmp (path, "-") == 0)
    {
      out->fp = stdout;
      return out;
    }
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot write %s: %s"), path,
                   g_strerror (errsv));
      g_free (out);
      return NULL;
    }
  /* mkstemp makes 0600; results are ordinary files: honour the umask. */
  mode_t mask = umask (0);
  umask (mask);
  (void) fchmod (fd, 0666 & ~mask);
  out->fp = fdopen (fd, "w");
  out->path = g_strdup (path);
  out->tmp_path = g_steal_pointer (&tmpl);
  return out;
}

FILE *
dl_out_file (DlOut *out)
{
  return out->fp;
}

gboolean
dl_out_close (DlOut *out, gboolean commit, GError **error)
{
  gboolean ok = TRUE;
  int errsv = 0;
  if (fflush (out->fp) != 0 || ferror (out->fp))
    ok = FALSE, errsv = errno;
  if (out->path != NULL)
    {
      if (ok && commit && fsync (fileno (out->fp)) != 0)
        ok = FALSE, errsv = errno;
      if (fclose (out->fp) != 0 && ok)
        ok = FALSE, errsv = errno;
      if (ok && commit && rename (out->tmp_path, out->path) != 0)
        ok = FALSE, errsv = errno;
      if (!ok || !commit)
        (void) unlink (out->tmp_path);
    }
  if (!ok)
    g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot write %s: %s"),
                 out->path != NULL ? out->path : _ ("standard output"),
                 g_strerror (errsv ? errsv : EIO));
  g_free (out->path);
  g_free (out->tmp_path);
  g_free (out);
  return ok;
}

void
dl_escape_tsv (GString *out, const char *text, gssize len)
{
  const char *p = text, *end = text + (len < 0 ? (gssize) strlen (text) : len);
  const char *run = p; /* bytes not yet appended, none needing escape */
  for (; p < end; p++)
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
  g_string_append_len (out, run, end - run);
}

void
dl_escape_csv (GString *out, const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  gboolean quote = FALSE;
  for (gsize i = 0; i < n && !quote; i++)
    quote = text[i] == ',' || text[i] == '"' || text[i] == '\n' || text[i] == '\r';
  if (!quote)
    {
      g_string_append_len (out, text, n);
      return;
    }
  g_string_append_c (out, '"');
  for (gsize i = 0; i < n; i++)
    {
      if (text[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '"');
}

void
dl_escape_json (GString *out, const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  g_string_append_c (out, '"');
  for (gsize i = 0; i < n; i++)
    {
      guchar c = text[i];
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

void
dl_escape_html (GString *out, const char *text, gssize len)
{
  const char *p = text, *end = text + (len < 0 ? (gssize) strlen (text) : len);
  for (; p < end; p++)
    switch (*p)
      {
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      case '\'':
        g_string_append (out, "&#39;");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

char *
dl_format_u64 (char *buf, guint64 value)
{
  char tmp[21];
  int n = 0;
  do
    tmp[n++] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  for (int i = 0; i < n; i++)
    buf[i] = tmp[n - 1 - i];
  buf[n] = '\0';
  return buf;
}

/* Integer arithmetic: no binary fraction in the way, and fast. */
void
dl_format_per_million (char *buf, gsize size, guint64 freq, guint64 tokens)
{
  g_return_if_fail (size >= 32);
  if (tokens == 0)
    g_strlcpy (buf, "0.00", size);
  else if (freq <= G_MAXUINT64 / 200000000u)
    {
      guint64 hundredths = (freq * 200000000u / tokens + 1) / 2;
      gsize n = strlen (dl_format_u64 (buf, hundredths / 100));
      buf[n] = '.';
      buf[n + 1] = (char) ('0' + hundredths % 100 / 10);
      buf[n + 2] = (char) ('0' + hundredths % 10);
      buf[n + 3] = '\0';
    }
  else
    dl_format_real (buf, size, (double) freq * 1e6 / (double) tokens, 2);
}

void
dl_format_real (char *buf, gsize size, double value, int decimals)
{
  g_return_if_fail (size >= 32 && decimals >= 1 && decimals <= 9 && isfinite (value));
  char format[8];
  /* What fixed decimals would show as zero gets its significant digits. */
  gboolean tiny = value != 0 && fabs (value) < 0.5 * pow (10, -decimals);
  g_snprintf (format, sizeof format, tiny ? "%%.%de" : "%%.%df", tiny ? decimals - 1 : decimals);
  g_ascii_formatd (buf, (int) size, format, value);
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    memmove (buf, buf + 1, strlen (buf));
}

struct _DlTable {
  FILE *fp;
  DlFormat format;
  const DlColumn *columns;
  guint n_columns;
  guint64 rows;
  GString *buf;
};

DlTable *
dl_table_new (FILE *fp, DlFormat format, const DlColumn *columns, guint n_columns)
{
  g_return_val_if_fail (
      format == DL_FORMAT_TSV || format == DL_FORMAT_CSV || format == DL_FORMAT_JSON, NULL);
  DlTable *t = g_new0 (DlTable, 1);
  t->fp = fp;
  t->format = format;
  t->columns = columns;
  t->n_columns = n_columns;
  t->buf = g_string_sized_new (256);
  if (format == DL_FORMAT_JSON)
    fputs ("[", fp);
  else
    {
      for (guint i = 0; i < n_columns; i++)
        {
          if (i > 0)
            fputc (format == DL_FORMAT_TSV ? '\t' : ',', fp);
          fputs (columns[i].name, fp);
        }
      fputc ('\n', fp);
    }
  return t;
}

void
dl_table_row (DlTable *t, const char *const *values)
{
  GString *b = t->buf;
  g_string_truncate (b, 0);
  switch (t->format)
    {
    case DL_FORMAT_TSV:
    case DL_FORMAT_CSV:
      for (guint i = 0; i < t->n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (b, t->format == DL_FORMAT_TSV ? '\t' : ',');
          if (t->format == DL_FORMAT_TSV)
            dl_escape_tsv (b, values[i], -1);
          else
            dl_escape_csv (b, values[i], -1);
        }
      g_string_append_c (b, '\n');
      break;
    case DL_FORMAT_JSON:
      g_string_append (b, t->rows > 0 ? ",\n{" : "\n{");
      for (guint i = 0; i < t->n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (b, ',');
          dl_escape_json (b, t->columns[i].name, -1);
          g_string_append_c (b, ':');
          if (t->columns[i].type == DL_COL_NUMBER)
            g_string_append (b, values[i]);
          else
            dl_escape_json (b, values[i], -1);
        }
      g_string_append_c (b, '}');
      break;
    default:
      g_assert_not_reached ();
    }
  fwrite (b->str, 1, b->len, t->fp);
  t->rows++;
}

void
dl_table_end (DlTable *t)
{
  if (t == NULL)
    return;
  if (t->format == DL_FORMAT_JSON)
    fputs (t->rows > 0 ? "\n]\n" : "]\n", t->fp);
  g_string_free (t->buf, TRUE);
  g_free (t);
}

/* @text cut to @max characters with an ellipsis, or NULL if it fits. */
static char *
cut_text (const char *text, guint max)
{
  if (max == 0 || g_utf8_strlen (text, -1) <= (glong) max)
    return NULL;
  const char *end = g_utf8_offset_to_pointer (text, max - 1);
  g_autofree char *head = g_strndup (text, (gsize) (end - text));
  return g_strconcat (head, "…", NULL);
}

guint
dl_padded_width (const char *text, guint max)
{
  g_autofree char *cut = cut_text (text, max);
  return (guint) dl_display_width (cut != NULL ? cut : text, -1);
}

void
dl_put_padded (FILE *fp, const char *text, guint width, gboolean right, guint max)
{
  g_autofree char *cut = cut_text (text, max);
  if (cut != NULL)
    text = cut;
  gsize n = dl_display_width (text, -1);
  if (right)
    for (gsize i = n; i < width; i++)
      fputc (' ', fp);
  fputs (text, fp);
  if (!right)
    for (gsize i = n; i < width; i++)
      fputc (' ', fp);
}
