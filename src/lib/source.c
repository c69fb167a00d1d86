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

#include "error.h"
#include "i18n.h"
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
  g_free (input);
}

gboolean
dl_input_rereadable (const DlInput *input)
{
  struct stat st;
  return input->spool != NULL
         || (!input->is_stdin && stat (input->path, &st) == 0 && S_ISREG (st.st_mode));
}

gint64
dl_input_size (const DlInput *input)
{
  struct stat st;
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

/* Copies @fd to @out until its end. */
static gboolean
copy_fd (int fd, FILE *out, GError **error)
{
  char buf[64 * 1024];
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
      if (n == 0)
        return TRUE;
      if (fwrite (buf, 1, (size_t) n, out) != (size_t) n)
        {
          int e = errno;
          g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot write a temporary copy: %s"),
                       g_strerror (e));
          return FALSE;
        }
    }
}

gboolean
dl_input_spool (DlInput *input, GError **error)
{
  int in = STDIN_FILENO;
  if (!input->is_stdin && (in = open (input->path, O_RDONLY | O_CLOEXEC)) < 0)
    return TRUE;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("derlem-XXXXXX", &path, error);
  /* Removed by the program's signal handler if a signal ends the run. */
  if (fd >= 0)
    (void) dl_tempfiles_add (path);
  FILE *out = fd < 0 ? NULL : fdopen (fd, "wb");
  gboolean ok = out != NULL && copy_fd (in, out, error);
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

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

typedef struct {
  GPtrArray *inputs;
  GPatternSpec *glob;
  const DlDiag *diag;
  GHashTable *visited; /* "dev:ino" of directories on the current walk */
} Walk;

static void
walk_dir (Walk *w, const char *dir, const struct stat *dst)
{
  char key[64];
  g_snprintf (key, sizeof key, "%ju:%ju", (uintmax_t) dst->st_dev, (uintmax_t) dst->st_ino);
  if (g_hash_table_contains (w->visited, key))
    return; /* a symlink loop */
  g_hash_table_add (w->visited, g_strdup (key));

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
      if (stat (path, &st) != 0)
        {
          /* A dangling symlink is noise only if its name would have matched. */
          if (g_pattern_spec_match_string (w->glob, base))
            dl_diag_report (w->diag, DL_DIAG_ERROR, path, 0, "%s", g_strerror (errno));
          continue;
        }
      if (S_ISDIR (st.st_mode))
        walk_dir (w, path, &st);
      else if (g_pattern_spec_match_string (w->glob, base))
        add_input (w->inputs, path, FALSE);
    }
  g_hash_table_remove (w->visited, key);
}

GPtrArray *
dl_source_expand (const char *const *paths, const char *glob, const DlDiag *diag)
{
  g_return_val_if_fail (paths != NULL, NULL);
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_input_free);
  g_autoptr (GPatternSpec) spec = g_pattern_spec_new (glob ? glob : DL_SOURCE_DEFAULT_GLOB);
  g_autoptr (GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Walk w = { inputs, spec, diag, visited };

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
      if (S_ISDIR (st.st_mode))
        walk_dir (&w, *p, &st);
      else if (access (*p, R_OK) != 0)
        dl_diag_report (diag, DL_DIAG_ERROR, *p, 0, "%s", g_strerror (errno));
      else
        add_input (inputs, *p, FALSE);
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
