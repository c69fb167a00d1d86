/* source.c — expands PATH arguments into an ordered list of inputs. */
#include "config.h"

#include "source.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

void
dl_input_free (DlInput *input)
{
  if (input == NULL)
    return;
  g_free (input->path);
  g_free (input);
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
  if (fstat (STDIN_FILENO, &st) != 0)
    return FALSE;
  return S_ISFIFO (st.st_mode) || S_ISSOCK (st.st_mode) || S_ISREG (st.st_mode);
}
