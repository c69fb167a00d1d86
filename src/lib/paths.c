/* paths.c — finds derlem's data whether installed or run from the build tree.
 * Installed: $(pkgdatadir) holds the data files and corpus/. Uninstalled:
 * the source tree's data/ and corpus/. */
#include "config.h"

#include "paths.h"

#include <string.h>

/* TRUE when the running program is one built in the build tree. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    return FALSE;
  g_autofree char *dir = g_path_get_dirname (exe);
  g_autofree char *builddir = g_canonicalize_filename (ABS_TOP_BUILDDIR, NULL);
  gsize n = strlen (builddir);
  return strncmp (dir, builddir, n) == 0 && (dir[n] == '\0' || dir[n] == G_DIR_SEPARATOR);
}

char *
dl_paths_datadir (void)
{
  const char *env = g_getenv ("DERLEM_DATADIR");
  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  if (running_uninstalled ())
    return g_canonicalize_filename (ABS_TOP_SRCDIR "/data", NULL);
  return g_strdup (PKGDATADIR);
}

char *
dl_paths_corpus (void)
{
  const char *env = g_getenv ("DERLEM_DATADIR");
  if ((env == NULL || env[0] == '\0') && running_uninstalled ())
    return g_canonicalize_filename (ABS_TOP_SRCDIR "/corpus", NULL);
  g_autofree char *datadir = dl_paths_datadir ();
  return g_build_filename (datadir, "corpus", NULL);
}

char *
dl_paths_localedir (void)
{
  if (running_uninstalled ())
    return g_build_filename (ABS_TOP_BUILDDIR, "locale", NULL);
  return g_strdup (LOCALEDIR);
}
