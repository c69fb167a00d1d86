/* temp.c — temporary input files for the suites: one file in a directory
 * of its own, removed with its directory. */
#include "config.h"

#include <glib/gstdio.h>

#include "tests.h"

char *
dl_test_temp_file (const char *name, const char *bytes, gssize len)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-test-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  char *path = g_build_filename (dir, name, NULL);
  CU_ASSERT_FATAL (g_file_set_contents (path, bytes, len, NULL));
  return path;
}

void
dl_test_temp_remove (char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
}
