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

char *
dl_test_corpus_file (const char *name, gsize size, const char *between)
{
  static const char *const files[]
      = { "article-tr-karabag-turk-dunyasi.txt", "commentary-en-karabakh-liberation.txt",
          "article-tr-turkiye-azerbaycan-guvenlik.txt", "commentary-tr-karabag-2023.txt" };
  g_autoptr (GString) text = g_string_new (NULL);
  while (text->len < size)
    for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *bytes = NULL;
        g_autofree char *file = g_build_filename (TEST_SRCDIR, "corpus", files[i], NULL);
        gsize len;
        CU_ASSERT_TRUE_FATAL (g_file_get_contents (file, &bytes, &len, NULL));
        g_string_append_len (text, bytes, (gssize) len);
        g_string_append (text, between);
      }
  return dl_test_temp_file (name, text->str, (gssize) text->len);
}
