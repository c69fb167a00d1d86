/* test-source.c — expanding PATH arguments: recursion, glob, order, hidden
 * entries, symlink loops, missing paths, stdin. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "source.h"
#include "tests.h"

static void
count_errors (DlDiagLevel level, const char *file, guint64 line, const char *message,
              gpointer user_data)
{
  (void) file, (void) line, (void) message;
  if (level == DL_DIAG_ERROR)
    (*(int *) user_data)++;
}

static char *
make_tree (void)
{
  char *root = g_dir_make_tmp ("derlem-src-XXXXXX", NULL);
  const char *files[] = { "b.txt",         "a.txt",     "notes.md", "sub/z.txt", "sub/deeper/c.txt",
                          ".hidden/x.txt", "sub/.y.txt" };
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (root, files[i], NULL);
      g_autofree char *dir = g_path_get_dirname (path);
      g_mkdir_with_parents (dir, 0755);
      g_file_set_contents (path, "x\n", -1, NULL);
    }
  g_autofree char *loop = g_build_filename (root, "sub", "loop", NULL);
  CU_ASSERT (symlink ("..", loop) == 0);
  return root;
}

static void
remove_tree (const char *root)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", root);
  CU_ASSERT (system (cmd) == 0);
}

static char *
joined (GPtrArray *inputs, const char *root)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; i < inputs->len; i++)
    {
      const DlInput *in = inputs->pdata[i];
      const char *p = in->path;
      if (g_str_has_prefix (p, root))
        p += strlen (root) + 1;
      g_string_append_printf (s, "%s%s", i ? " " : "", p);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_directory_walk_sorted_recursive_txt (void)
{
  g_autofree char *root = make_tree ();
  int errors = 0;
  g_autoptr (DlDiag) diag = dl_diag_new (count_errors, &errors);
  const char *paths[] = { root, NULL };
  g_autoptr (GPtrArray) inputs = dl_source_expand (paths, NULL, diag);
  g_autofree char *got = joined (inputs, root);
  /* The loop sub/loop -> .. is entered once at most: its files are not
     listed twice (they are reached through the real directories). */
  CU_ASSERT_STRING_EQUAL (got, "a.txt b.txt sub/deeper/c.txt sub/z.txt");
  CU_ASSERT_EQUAL (errors, 0);
  remove_tree (root);
}

static void
test_glob_and_explicit_files (void)
{
  g_autofree char *root = make_tree ();
  g_autofree char *md = g_build_filename (root, "notes.md", NULL);
  g_autofree char *missing = g_build_filename (root, "missing.txt", NULL);
  int errors = 0;
  g_autoptr (DlDiag) diag = dl_diag_new (count_errors, &errors);

  const char *by_glob[] = { root, NULL };
  g_autoptr (GPtrArray) a = dl_source_expand (by_glob, "*.md", diag);
  g_autofree char *got_a = joined (a, root);
  CU_ASSERT_STRING_EQUAL (got_a, "notes.md");

  /* A file named explicitly is read whatever its name; a missing one is
     reported and the rest still come. */
  const char *explicit[] = { missing, md, "-", NULL };
  g_autoptr (GPtrArray) b = dl_source_expand (explicit, NULL, diag);
  g_autofree char *got_b = joined (b, root);
  CU_ASSERT_STRING_EQUAL (got_b, "notes.md -");
  CU_ASSERT_EQUAL (errors, 1);
  CU_ASSERT_TRUE (((DlInput *) b->pdata[1])->is_stdin);
  remove_tree (root);
}

static void
count_notes (DlDiagLevel level, const char *file, guint64 line, const char *message,
             gpointer user_data)
{
  (void) file, (void) line;
  if (level == DL_DIAG_NOTE && strstr (message, "read once") != NULL)
    (*(int *) user_data)++;
}

/* A symlink to a directory walked already (latest -> 2024), a chain of
 * them, a hard link and a file named twice are each read once (a chain of
 * linked directories once read a file 2^depth times); a FIFO named *.txt
 * under a directory is skipped, not opened (the walk hung on it). */
static void
test_same_file_read_once (void)
{
  g_autofree char *root = g_dir_make_tmp ("derlem-src-XXXXXX", NULL);
  g_autofree char *year = g_build_filename (root, "2024", NULL);
  g_mkdir (year, 0755);
  g_autofree char *a = g_build_filename (year, "a.txt", NULL);
  g_file_set_contents (a, "x\n", -1, NULL);
  g_autofree char *hard = g_build_filename (year, "b.txt", NULL);
  CU_ASSERT_FATAL (link (a, hard) == 0);
  g_autofree char *latest = g_build_filename (root, "latest", NULL);
  CU_ASSERT_FATAL (symlink ("2024", latest) == 0);
  /* d1 -> 2024, d1/../d2 -> d1 ... : each level two names of one directory. */
  for (int i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/d%02d", root, i);
      g_autofree char *target = i == 1 ? g_strdup ("2024") : g_strdup_printf ("d%02d", i - 1);
      CU_ASSERT_FATAL (symlink (target, name) == 0);
    }
  g_autofree char *fifo = g_build_filename (root, "pipe.txt", NULL);
  CU_ASSERT_FATAL (mkfifo (fifo, 0600) == 0);

  int notes = 0;
  g_autoptr (DlDiag) diag = dl_diag_new (count_notes, &notes);
  const char *paths[] = { root, a, NULL };
  g_autoptr (GPtrArray) inputs = dl_source_expand (paths, NULL, diag);
  g_autofree char *got = joined (inputs, root);
  CU_ASSERT_STRING_EQUAL (got, "2024/a.txt");
  /* b.txt, twelve links and latest, and a named again. */
  CU_ASSERT_EQUAL (notes, 15);
  remove_tree (root);
}

static void
test_common_root_of_inputs (void)
{
  /* Paths, '|'-separated, and the directory they share. */
  static const struct {
    const char *paths, *root;
  } cases[] = {
    { "/home/u/corpus/a/x.txt|/home/u/corpus/b/y.txt", "/home/u/corpus/" },
    { "corpus/a/x.txt|corpus/a/y.txt", "corpus/a/" },
    { "corpus/x.txt", "corpus/" },
    { "/x.txt", "/" },
    { "x.txt", "" },
    { "a/bc/x.txt|a/bd/y.txt", "a/" }, /* not "a/b" */
    { "abc/x.txt|abd/y.txt", "" },     /* not "ab" */
    { "corpus/x.txt|corpus/x.txt2", "corpus/" },
    { "corpus/x.txt|/abs/corpus/x.txt", "" },
    { "corpus/x.txt|-", "" },
    { "./a/x.txt|./b/y.txt", "./" },
    { "", "" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (GStrv) paths = g_strsplit (cases[i].paths, "|", -1);
      g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; paths[j] != NULL && paths[j][0] != '\0'; j++)
        {
          DlInput *in = g_new0 (DlInput, 1);
          in->path = paths[j];
          in->is_stdin = strcmp (paths[j], "-") == 0;
          g_ptr_array_add (inputs, in);
        }
      g_autofree char *root = dl_source_common_root (inputs);
      DL_ASSERT_STR_EQ_FOR (cases[i].paths, root, cases[i].root);
    }
}

void
test_source_suite (void)
{
  CU_pSuite s = CU_add_suite ("source", NULL, NULL);
  CU_add_test (s, "directory_walk_sorted_recursive_txt", test_directory_walk_sorted_recursive_txt);
  CU_add_test (s, "glob_and_explicit_files", test_glob_and_explicit_files);
  CU_add_test (s, "common_root_of_inputs", test_common_root_of_inputs);
  CU_add_test (s, "same_file_read_once", test_same_file_read_once);
}
