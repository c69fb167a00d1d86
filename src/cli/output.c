/* output.c — result destinations, and numbers written out for them. */
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
dl_out_discard (DlOut *out)
{
  if (out != NULL)
    (void) dl_out_close (out, FALSE, NULL);
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

char
dl_decimal_point (void)
{
  /* Translators: the decimal separator of numbers shown to people (text,
     HTML, Markdown): "," in Turkish. Machine formats always use ".". */
  const char *point = C_ ("decimal separator", ".");
  return point[0] == ',' ? ',' : '.';
}

char *
dl_people_number (char *buf)
{
  char *dot = strchr (buf, '.');
  if (dot != NULL)
    *dot = dl_decimal_point ();
  return buf;
}
