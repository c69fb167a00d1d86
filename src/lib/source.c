/* source.c — expands PATH arguments into an ordered list of inputs. */
#include "config.h"

#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "decode.h"
#include "error.h"
#include "i18n.h"
#include "index.h"
#include "partial.h"
#include "tempfiles.h"

void
dl_input_free (DlInput *input)
{
  if (input == NULL)
    return;
  if (input->spool != NULL)
    {
      g_unlink (input->spool);
      dl_tempfiles_forget (input->spool);
    }
  g_free (input->spool);
  g_free (input->path);
  dl_index_unref (input->index);
  dl_partial_unref (input->partial);
  g_free (input);
}

gboolean
dl_input_rereadable (const DlInput *input)
{
  struct stat st;
  return input->spool != NULL || input->index != NULL || input->partial != NULL
         || (!input->is_stdin && stat (input->path, &st) == 0 && S_ISREG (st.st_mode));
}

gint64
dl_input_size (const DlInput *input)
{
  struct stat st;
  if (input->index != NULL)
    return dl_index_input_size (input->index, input->entry);
  /* A partial result's counts are read with its first input. */
  if (input->partial != NULL && input->entry > 0)
    return 0;
  if (input->partial != NULL)
    return stat (dl_partial_path (input->partial), &st) == 0 ? (gint64) st.st_size : -1;
  const char *path = input->spool != NULL ? input->spool : input->path;
  if ((input->is_stdin && input->spool == NULL) || stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return -1;
  return (gint64) st.st_size;
}

char *
dl_source_common_root (GPtrArray *inputs)
{
  if (inputs->len == 0)
    return g_strdup ("");
  const char *first = ((const DlInput *) inputs->pdata[0])->path;
  gsize common = strlen (first);
  for (guint i = 1; i < inputs->len && common > 0; i++)
    {
      const char *path = ((const DlInput *) inputs->pdata[i])->path;
      gsize n = 0;
      while (n < common && path[n] == first[n])
        n++;
      common = n;
    }
  /* Back to the end of a whole directory: "a/bc" and "a/bd" share "a/". */
  while (common > 0 && first[common - 1] != G_DIR_SEPARATOR)
    common--;
  return g_strndup (first, common);
}

#define SPOOL_WINDOW ((guint64) 1 << 20) /* bytes judged binary or not at a time */

/* Is a window of bytes binary data (decode.c's rule)? */
static gboolean
window_is_binary (const DlByteStats *w)
{
  return w->bytes > 0 && (w->nul * 200 > w->bytes || w->ctrl * 20 > w->bytes);
}

/* Copies @fd to @out until its end, or until a window of a megabyte past
 * the first is binary data (text then /dev/zero would be copied for ever):
 * then the copy ends before that window, and @binary_at says where. The
 * first window is the reader's to judge, and UTF-16/32 (NUL bytes in text)
 * is not judged at all. */
static gboolean
copy_fd (int fd, FILE *out, guint64 *binary_at, GError **error)
{
  char buf[64 * 1024];
  guint64 copied = 0, window_start = 0;
  DlByteStats window = DL_BYTE_STATS_INIT;
  gboolean judge = TRUE;
  g_autoptr (GByteArray) held = g_byte_array_new (); /* the window's bytes */
  *binary_at = G_MAXUINT64;
  for (;;)
    {
      ssize_t n = read (fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int e = errno;
          g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s", g_strerror (e));
          return FALSE;
        }
      if (copied == 0 && n > 0)
        {
          DlEncoding e;
          judge = !(dl_decode_sniff ((const guint8 *) buf, (gsize) n, &e)
                    && e.kind == DL_ENCODING_CONVERT);
        }
      gboolean end = n == 0;
      /* Past the first megabyte, bytes are held back until their window is
       * judged. */
      gboolean in_window = judge && window_start >= SPOOL_WINDOW;
      if (n > 0)
        {
          g_byte_array_append (held, (const guint8 *) buf, (guint) n);
          if (in_window)
            dl_decode_scan ((const guint8 *) buf, (gsize) n, TRUE, &window);
          copied += (guint64) n;
        }
      if (!end && in_window && window.bytes < SPOOL_WINDOW)
        continue;
      if (in_window && window_is_binary (&window))
        {
          *binary_at = window_start;
          return TRUE;
        }
      if (held->len > 0 && fwrite (held->data, 1, held->len, out) != held->len)
        {
          int e = errno;
          g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot write a temporary copy: %s"),
                       g_strerror (e));
          return FALSE;
        }
      g_byte_array_set_size (held, 0);
      window = (DlByteStats) DL_BYTE_STATS_INIT;
      window_start = copied;
      if (end)
        return TRUE;
    }
}

gboolean
dl_input_spool (DlInput *input, GError **error)
{
  int in = STDIN_FILENO;
  if (input->index != NULL || input->partial != NULL)
    return TRUE;
  if (!input->is_stdin && (in = open (input->path, O_RDONLY | O_CLOEXEC)) < 0)
    return TRUE;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("derlem-XXXXXX", &path, error);
  /* Removed by the program's signal handler if a signal ends the run. */
  if (fd >= 0)
    (void) dl_tempfiles_add (path);
  FILE *out = fd < 0 ? NULL : fdopen (fd, "wb");
  guint64 binary_at = G_MAXUINT64;
  gboolean ok = out != NULL && copy_fd (in, out, &binary_at, error);
  if (out != NULL && fclose (out) != 0 && ok)
    {
      int e = errno;
      g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot write a temporary copy: %s"),
                   g_strerror (e));
      ok = FALSE;
    }
  else if (out == NULL && fd >= 0)
    close (fd);
  if (in != STDIN_FILENO)
    close (in);
  if (!ok)
    {
      if (path != NULL)
        {
          g_unlink (path);
          dl_tempfiles_forget (path);
        }
      return FALSE;
    }
  input->spool = g_steal_pointer (&path);
  input->spool_binary_at = binary_at;
  return TRUE;
}

static void
add_input (GPtrArray *inputs, const char *path, gboolean is_stdin)
{
  DlInput *input = g_new0 (DlInput, 1);
  input->path = g_strdup (path);
  input->is_stdin = is_stdin;
  g_ptr_array_add (inputs, input);
}

/* The inputs of the index @path, or an error about it. */
static void
add_index (GPtrArray *inputs, const char *path, const DlDiag *diag)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndex) idx = dl_index_open (path, &error);
  if (idx == NULL)
    {
      dl_diag_report (diag, DL_DIAG_ERROR, NULL, 0, "%s", error->message);
      return;
    }
  for (guint i = 0; i < dl_index_n_inputs (idx); i++)
    {
      add_input (inputs, dl_index_input_path (idx, i), FALSE);
      DlInput *input = inputs->pdata[inputs->len - 1];
      input->index = dl_index_ref (idx);
      input->entry = i;
    }
}

/* The inputs of the partial result @path, or an error about it. */
static void
add_partial (GPtrArray *inputs, const char *path, const DlDiag *diag)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlPartial) p = dl_partial_open (path, &error);
  if (p == NULL)
    {
      dl_diag_report (diag, DL_DIAG_ERROR, path, 0, "%s", error->message);
      return;
    }
  dl_partial_replay_paths (p, diag);
  for (guint i = 0; i < dl_partial_n_inputs (p); i++)
    {
      add_input (inputs, dl_partial_input_path (p, i), FALSE);
      DlInput *input = inputs->pdata[inputs->len - 1];
      input->partial = dl_partial_ref (p);
      input->entry = i;
    }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

typedef struct {
  GPtrArray *inputs;
  GPatternSpec *glob;
  const DlDiag *diag;
  GHashTable *dirs;  /* "dev:ino" of every directory walked -> its path */
  GHashTable *files; /* "dev:ino" of every file kept -> its path */
} Walk;

/* Keeps the file @path (stat @st) unless it was kept already under another
 * name (a symlink, a hard link, a file named twice): counted once. */
static void
keep_file (Walk *w, const char *path, const struct stat *st)
{
  char key[64];
  g_snprintf (key, sizeof key, "%ju:%ju", (uintmax_t) st->st_dev, (uintmax_t) st->st_ino);
  const char *seen = g_hash_table_lookup (w->files, key);
  if (seen != NULL)
    {
      dl_diag_report (w->diag, DL_DIAG_NOTE, path, 0, _ ("the same file as %s; read once"), seen);
      return;
    }
  g_hash_table_insert (w->files, g_strdup (key), g_strdup (path));
  add_input (w->inputs, path, FALSE);
}

static void
walk_dir (Walk *w, const char *dir, const struct stat *dst)
{
  /* A directory reached again — a symlink loop, or a link to a directory
   * walked already (latest -> 2024) — is walked once. */
  char key[64];
  g_snprintf (key, sizeof key, "%ju:%ju", (uintmax_t) dst->st_dev, (uintmax_t) dst->st_ino);
  const char *seen = g_hash_table_lookup (w->dirs, key);
  if (seen != NULL)
    {
      gsize n = strlen (seen);
      gboolean loop = strncmp (dir, seen, n) == 0 && (dir[n] == '/' || dir[n] == '\0');
      if (!loop)
        dl_diag_report (w->diag, DL_DIAG_NOTE, dir, 0, _ ("the same directory as %s; read once"),
                        seen);
      return;
    }
  g_hash_table_insert (w->dirs, g_strdup (key), g_strdup (dir));

  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  if (d == NULL)
    {
      dl_diag_report (w->diag, DL_DIAG_ERROR, dir, 0, "%s", error->message);
      return;
    }
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *base = names->pdata[i];
      g_autofree char *path = g_build_filename (dir, base, NULL);
      struct stat st;
      gboolean wanted = g_pattern_spec_match_string (w->glob, base);
      if (stat (path, &st) != 0)
        {
          /* A dangling symlink is noise only if its name would have matched. */
          if (wanted)
            dl_diag_report (w->diag, DL_DIAG_ERROR, path, 0, "%s", g_strerror (errno));
          continue;
        }
      if (S_ISDIR (st.st_mode))
        {
          if (dl_index_is_index (path))
            dl_diag_report (w->diag, DL_DIAG_NOTE, path, 0,
                            /* Translators: an index found in a directory
                               being read; naming it reads it. */
                            _ ("an index; skipped (name it to read it)"));
          else
            walk_dir (w, path, &st);
        }
      else if (!wanted)
        continue;
      else if (!S_ISREG (st.st_mode))
        /* A FIFO would block the walk, a device never end: only files are
         * found under a directory (name one to read it). */
        dl_diag_report (w->diag, DL_DIAG_NOTE, path, 0, _ ("not a regular file; skipped"));
      else
        keep_file (w, path, &st);
    }
}

GPtrArray *
dl_source_expand (const char *const *paths, const char *glob, const DlDiag *diag)
{
  g_return_val_if_fail (paths != NULL, NULL);
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_input_free);
  g_autoptr (GPatternSpec) spec = g_pattern_spec_new (glob ? glob : DL_SOURCE_DEFAULT_GLOB);
  g_autoptr (GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Walk w = { inputs, spec, diag, dirs, files };

  for (const char *const *p = paths; *p != NULL; p++)
    {
      if (strcmp (*p, "-") == 0)
        {
          add_input (inputs, "-", TRUE);
          continue;
        }
      struct stat st;
      if (stat (*p, &st) != 0)
        {
          dl_diag_report (diag, DL_DIAG_ERROR, *p, 0, "%s", g_strerror (errno));
          continue;
        }
      if (S_ISDIR (st.st_mode) && dl_index_is_index (*p))
        add_index (inputs, *p, diag);
      else if (S_ISDIR (st.st_mode))
        walk_dir (&w, *p, &st);
      else if (access (*p, R_OK) != 0)
        dl_diag_report (diag, DL_DIAG_ERROR, *p, 0, "%s", g_strerror (errno));
      else if (S_ISREG (st.st_mode) && dl_partial_is_partial (*p))
        add_partial (inputs, *p, diag);
      else if (S_ISREG (st.st_mode))
        keep_file (&w, *p, &st);
      else
        add_input (inputs, *p, FALSE); /* a pipe or device named: read as a stream */
    }
  return inputs;
}

gboolean
dl_source_stdin_has_data (void)
{
  struct stat st;
  /* A closed standard input has nothing to read; a terminal is a person
     who named no file. */
  return fstat (STDIN_FILENO, &st) == 0 && !isatty (STDIN_FILENO);
}
