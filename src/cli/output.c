/* output.c — result destinations, and numbers written out for them. */
#include "config.h"

#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "i18n.h"
#include "tempfiles.h"

struct _DlOut {
  FILE *fp;
  char *path;     /* the file -o named, or NULL for stdout */
  char *target;   /* the file the temporary one replaces: @path, or where its
                     symlink leads; NULL when @path is written in place */
  char *tmp_path; /* where it is written first, or NULL */
};

static gboolean
out_error (GError **error, const char *path, int errsv)
{
  g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot write %s: %s"), path, g_strerror (errsv));
  return FALSE;
}

/* A device, FIFO or socket @path (a terminal, /dev/null, a pipe a reader
 * waits on): written in place, there being nothing to replace
 * atomically. */
static gboolean
open_in_place (DlOut *out, const char *path, GError **error)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0 || (out->fp = fdopen (fd, "w")) == NULL)
    {
      int errsv = errno;
      if (fd >= 0)
        close (fd);
      return out_error (error, path, errsv);
    }
  return TRUE;
}

/* The file that replacing @path replaces: @path, or the file its
 * symlink leads to, so that the link stays a link. NULL with @error for a
 * link that leads nowhere (a dangling link is refused, as cp refuses to
 * write through one) or in a loop. */
static char *
replaced_file (const char *path, GError **error)
{
  struct stat lst, st;
  if (lstat (path, &lst) != 0 || !S_ISLNK (lst.st_mode))
    return g_strdup (path);
  if (stat (path, &st) != 0)
    {
      int errsv = errno;
      if (errsv == ENOENT)
        g_set_error (error, DL_ERROR, DL_ERROR_IO,
                     _ ("cannot write %s: a symbolic link to a file that does not exist"), path);
      else
        out_error (error, path, errsv);
      return NULL;
    }
  char *target = realpath (path, NULL);
  if (target == NULL)
    out_error (error, path, errno);
  return target;
}

/* Gives the temporary file @fd the mode of @st, the file it replaces, and
 * its owner and group when we may (root, or a group we are in): the
 * result is the same file, not one with the umask's mode. */
static void
keep_attributes (int fd, const struct stat *st)
{
  mode_t mode = st->st_mode & 07777;
  /* Set-id bits only for the same owner and group, as cp -p keeps them. */
  if (fchown (fd, st->st_uid, st->st_gid) != 0)
    mode &= 0777;
  (void) fchmod (fd, mode);
}

/* A temporary file beside @target (in its directory, so that rename
 * replaces it in one step), with @target's mode if @st (its stat) is
 * given, else the umask's. */
static gboolean
open_temporary (DlOut *out, char *target, const struct stat *st, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0600);
  FILE *fp = fd >= 0 ? fdopen (fd, "w") : NULL;
  if (fp == NULL)
    {
      int errsv = errno;
      if (fd >= 0)
        {
          close (fd);
          (void) unlink (tmpl);
        }
      g_free (target);
      return out_error (error, out->path, errsv);
    }
  /* Removed by main.c's handler if a signal ends the run. */
  (void) dl_tempfiles_add (tmpl);
  if (st != NULL)
    keep_attributes (fd, st);
  else
    {
      /* mkstemp makes 0600; a new result is an ordinary file. */
      mode_t mask = umask (0);
      umask (mask);
      (void) fchmod (fd, 0666 & ~mask);
    }
  out->fp = fp;
  out->target = target;
  out->tmp_path = g_steal_pointer (&tmpl);
  return TRUE;
}

DlOut *
dl_out_open (const char *path, GError **error)
{
  g_autoptr (DlOut) out = g_new0 (DlOut, 1);
  if (path == NULL || strcmp (path, "-") == 0)
    {
      out->fp = stdout;
      return g_steal_pointer (&out);
    }
  out->path = g_strdup (path);
  struct stat st;
  gboolean exists = stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      out_error (error, path, EISDIR);
      return NULL;
    }
  if (exists && !S_ISREG (st.st_mode))
    return open_in_place (out, path, error) ? g_steal_pointer (&out) : NULL;
  char *target = replaced_file (path, error);
  if (target == NULL || !open_temporary (out, target, exists ? &st : NULL, error))
    return NULL;
  return g_steal_pointer (&out);
}

FILE *
dl_out_file (DlOut *out)
{
  return out->fp;
}

const char *
dl_out_path (const DlOut *out)
{
  return out->tmp_path != NULL ? out->path : NULL;
}

/* Closes a temporary file: renamed onto its target with @commit when all
 * went well, removed otherwise. FALSE with *@errsv on failure. */
static gboolean
close_temporary (DlOut *out, gboolean ok, gboolean commit, int *errsv)
{
  if (ok && commit && fsync (fileno (out->fp)) != 0)
    ok = FALSE, *errsv = errno;
  if (fclose (out->fp) != 0 && ok)
    ok = FALSE, *errsv = errno;
  if (ok && commit && rename (out->tmp_path, out->target) != 0)
    ok = FALSE, *errsv = errno;
  if (!ok || !commit)
    (void) unlink (out->tmp_path);
  /* After the rename or unlink: a signal before it still finds it. */
  dl_tempfiles_forget (out->tmp_path);
  return ok;
}

gboolean
dl_out_close (DlOut *out, gboolean commit, GError **error)
{
  gboolean ok = TRUE;
  int errsv = 0;
  if (out->fp != NULL && (fflush (out->fp) != 0 || ferror (out->fp)))
    ok = FALSE, errsv = errno;
  if (out->tmp_path != NULL)
    ok = close_temporary (out, ok, commit, &errsv);
  else if (out->path != NULL && out->fp != NULL && fclose (out->fp) != 0 && ok)
    ok = FALSE, errsv = errno;
  if (!ok)
    g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot write %s: %s"),
                 out->path != NULL ? out->path : _ ("standard output"),
                 g_strerror (errsv ? errsv : EIO));
  /* Said by @error: main.c's check at exit is not to say it again. */
  if (!ok && out->fp == stdout)
    clearerr (stdout);
  g_free (out->path);
  g_free (out->target);
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
