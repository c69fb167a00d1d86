/* test-tempfiles.c — the table of temporary files a signal handler
 * removes: registered files go, forgotten ones stay, a full table says
 * so. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tempfiles.h"
#include "tests.h"

static void
test_remove_all_unlinks_registered_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-tempfiles-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autofree char *c = g_build_filename (dir, "c", NULL);
  for (const char *const *p = (const char *const[]){ a, b, c, NULL }; *p != NULL; p++)
    {
      CU_ASSERT_TRUE (g_file_set_contents (*p, "x", -1, NULL));
      CU_ASSERT_TRUE (dl_tempfiles_add (*p));
    }
  /* b was renamed or removed by its owner: no longer the table's. */
  dl_tempfiles_forget (b);
  dl_tempfiles_remove_all ();
  CU_ASSERT_FALSE (g_file_test (a, G_FILE_TEST_EXISTS));
  CU_ASSERT_TRUE (g_file_test (b, G_FILE_TEST_EXISTS));
  CU_ASSERT_FALSE (g_file_test (c, G_FILE_TEST_EXISTS));
  /* The slots are free again: b's file stays however often it runs. */
  dl_tempfiles_remove_all ();
  CU_ASSERT_TRUE (g_file_test (b, G_FILE_TEST_EXISTS));
  g_unlink (b);
  g_rmdir (dir);
}

static void
test_full_table_and_long_paths_refused (void)
{
  g_autofree char *long_path = g_malloc (DL_TEMPFILES_PATH_MAX + 1);
  memset (long_path, 'x', DL_TEMPFILES_PATH_MAX);
  long_path[DL_TEMPFILES_PATH_MAX] = '\0';
  CU_ASSERT_FALSE (dl_tempfiles_add (long_path));
  long_path[DL_TEMPFILES_PATH_MAX - 1] = '\0'; /* the longest that fits */
  CU_ASSERT_TRUE (dl_tempfiles_add (long_path));
  dl_tempfiles_forget (long_path);

  char names[DL_TEMPFILES_MAX + 1][32];
  guint added = 0;
  for (guint i = 0; i <= DL_TEMPFILES_MAX; i++)
    {
      g_snprintf (names[i], sizeof names[i], "/nonexistent/derlem-%u", i);
      added += dl_tempfiles_add (names[i]);
    }
  DL_ASSERT_INT_EQ (added, DL_TEMPFILES_MAX);
  for (guint i = 0; i <= DL_TEMPFILES_MAX; i++)
    dl_tempfiles_forget (names[i]);
  CU_ASSERT_TRUE (dl_tempfiles_add (names[0]));
  dl_tempfiles_forget (names[0]);
}

void
test_tempfiles_suite (void)
{
  CU_pSuite s = CU_add_suite ("tempfiles", NULL, NULL);
  CU_add_test (s, "remove_all_unlinks_registered_files", test_remove_all_unlinks_registered_files);
  CU_add_test (s, "full_table_and_long_paths_refused", test_full_table_and_long_paths_refused);
}
