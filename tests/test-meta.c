/* test-meta.c — TSV tables (escapes, line ends, bad rows), the metadata
 * table (--meta) and the selection of inputs into parts (--where,
 * --exclude, --by). */
#include "config.h"

#include <string.h>

#include "error.h"
#include "meta.h"
#include "source.h"
#include "tests.h"
#include "tsv.h"

/* Collects diagnostics as "LEVEL FILE:LINE: message" lines. */
static void
collect (DlDiagLevel level, const char *file, guint64 line, const char *message, gpointer user_data)
{
  g_autofree char *base = file != NULL ? g_path_get_basename (file) : g_strdup ("-");
  g_string_append_printf (user_data, "%c %s:%" G_GUINT64_FORMAT ": %s\n", "NWE"[level], base, line,
                          message);
}

static void
test_tsv_rows_and_escapes (void)
{
  /* A BOM, CRLF line ends, a blank line, escapes, a bad row, no final newline. */
  char *path = dl_test_temp_file ("t.tsv",
                                  "\xEF\xBB\xBF"
                                  "file\tnote\r\n"
                                  "a.txt\ttab\\there\\\\x\\n\r\n"
                                  "\n"
                                  "b.txt\n"
                                  "c.txt\t\\q",
                                  -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlTsv) t = dl_tsv_open (path, &error);
  CU_ASSERT_FATAL (t != NULL);
  DL_ASSERT_INT_EQ (dl_tsv_n_columns (t), 2);
  DL_ASSERT_INT_EQ (dl_tsv_column (t, "file"), 0);
  DL_ASSERT_INT_EQ (dl_tsv_column (t, "note"), 1);
  DL_ASSERT_INT_EQ (dl_tsv_column (t, "missing"), -1);

  DL_ASSERT_INT_EQ (dl_tsv_next (t, &error), DL_TSV_ROW);
  DL_ASSERT_INT_EQ (dl_tsv_line (t), 2);
  DL_ASSERT_STR_EQ (dl_tsv_field (t, 0), "a.txt");
  DL_ASSERT_STR_EQ (dl_tsv_field (t, 1), "tab\there\\x\n");

  DL_ASSERT_INT_EQ (dl_tsv_next (t, &error), DL_TSV_BAD);
  DL_ASSERT_INT_EQ (dl_tsv_line (t), 4);
  DL_ASSERT_STR_EQ (error->message, "1 cells where the header has 2: row left out");
  g_clear_error (&error);

  /* A backslash before anything but t, n, r, \\ is no escape the writer
     makes. */
  DL_ASSERT_INT_EQ (dl_tsv_next (t, &error), DL_TSV_BAD);
  DL_ASSERT_STR_EQ (error->message, "bad escape in note: row left out");
  g_clear_error (&error);
  DL_ASSERT_INT_EQ (dl_tsv_next (t, &error), DL_TSV_END);
  CU_ASSERT_PTR_NULL (error);
  dl_test_temp_remove (path);
}

static void
test_tsv_bad_tables (void)
{
  const struct {
    const char *bytes, *message;
  } cases[] = {
    { "", "no header row" },
    { "\n", "no header row" },
    { "file\tx\tfile\n", ":1: column 'file' named twice" },
    { "fi\xFFle\n", ":1: not valid UTF-8" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *path = dl_test_temp_file ("bad.tsv", cases[i].bytes, -1);
      g_autoptr (GError) error = NULL;
      g_autoptr (DlTsv) t = dl_tsv_open (path, &error);
      CU_ASSERT_PTR_NULL (t);
      CU_ASSERT_FATAL (error != NULL);
      DL_ASSERT_STR_CONTAINS_FOR (cases[i].bytes, error->message, cases[i].message);
      dl_test_temp_remove (path);
    }
  g_autoptr (GError) error = NULL;
  CU_ASSERT_PTR_NULL (dl_tsv_open ("/nonexistent/derlem.tsv", &error));
  CU_ASSERT (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  g_clear_error (&error);

  /* A row that is not UTF-8 is bad; the rows after it are read. */
  char *path = dl_test_temp_file ("u.tsv", "file\nx\xC3\n\xC3\xA7.txt\n", -1);
  g_autoptr (DlTsv) t = dl_tsv_open (path, &error);
  CU_ASSERT_FATAL (t != NULL);
  DL_ASSERT_INT_EQ (dl_tsv_next (t, &error), DL_TSV_BAD);
  DL_ASSERT_STR_EQ (error->message, "not valid UTF-8: row left out");
  g_clear_error (&error);
  DL_ASSERT_INT_EQ (dl_tsv_next (t, &error), DL_TSV_ROW);
  DL_ASSERT_STR_EQ (dl_tsv_field (t, 0), "ç.txt");
  dl_test_temp_remove (path);
}

/* The bundled corpus's manifest, with the rows of its five files. */
static DlMeta *
manifest (GString *diags)
{
  g_autoptr (DlDiag) diag = dl_diag_new (collect, diags);
  g_autoptr (GError) error = NULL;
  DlMeta *m = dl_meta_load (TEST_CORPUS ("MANIFEST.tsv"), diag, &error);
  CU_ASSERT_FATAL (m != NULL);
  return m;
}

static void
test_meta_rows_by_path_end (void)
{
  g_autoptr (GString) diags = g_string_new (NULL);
  g_autoptr (DlMeta) m = manifest (diags);
  DL_ASSERT_STR_EQ (diags->str, "");
  gint kind = dl_meta_column (m, "kind");
  CU_ASSERT_FATAL (kind >= 0);
  DL_ASSERT_INT_EQ (dl_meta_column (m, "kinds"), -1);

  /* The row of a file is found by the whole path or its end after a '/'. */
  gint row = dl_meta_row (m, "corpus/commentary-tr-karabag-2023.txt");
  CU_ASSERT_FATAL (row >= 0);
  DL_ASSERT_STR_EQ (dl_meta_value (m, (guint) row, (guint) kind), "commentary");
  DL_ASSERT_INT_EQ (dl_meta_row (m, "commentary-tr-karabag-2023.txt"), row);
  DL_ASSERT_INT_EQ (dl_meta_row (m, "/x/y/commentary-tr-karabag-2023.txt"), row);
  /* Not a part of a name. */
  DL_ASSERT_INT_EQ (dl_meta_row (m, "corpus/xcommentary-tr-karabag-2023.txt"), -1);
  DL_ASSERT_INT_EQ (dl_meta_row (m, "corpus/commentary-tr-karabag-2023"), -1);
}

static void
test_meta_bad_tables (void)
{
  g_autoptr (GString) diags = g_string_new (NULL);
  g_autoptr (DlDiag) diag = dl_diag_new (collect, diags);
  g_autoptr (GError) error = NULL;

  char *path = dl_test_temp_file ("m.tsv", "name\tyear\na.txt\t2020\n", -1);
  CU_ASSERT_PTR_NULL (dl_meta_load (path, diag, &error));
  CU_ASSERT (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
  DL_ASSERT_STR_CONTAINS (error->message, "has no 'file' column");
  dl_test_temp_remove (path);
  g_clear_error (&error);

  /* Rows that are not ones, or say a file again, are reported and left out. */
  path = dl_test_temp_file ("m.tsv",
                            "file\tyear\n"
                            "a.txt\t2020\n"
                            "b.txt\n"
                            "a.txt\t2021\n"
                            "\t2022\n"
                            "sub/a.txt\t2023\n",
                            -1);
  g_autoptr (DlMeta) m = dl_meta_load (path, diag, &error);
  CU_ASSERT_FATAL (m != NULL);
  DL_ASSERT_STR_EQ (diags->str, "W m.tsv:3: 1 cells where the header has 2: row left out\n"
                                "W m.tsv:4: 'a.txt' described before: row left out\n"
                                "W m.tsv:5: no file named: row left out\n");
  /* The longest end that matches. */
  DL_ASSERT_STR_EQ (dl_meta_value (m, (guint) dl_meta_row (m, "x/sub/a.txt"), 1), "2023");
  DL_ASSERT_STR_EQ (dl_meta_value (m, (guint) dl_meta_row (m, "x/a.txt"), 1), "2020");
  dl_test_temp_remove (path);
}

/* Inputs named @paths (|-separated), made by hand: no files needed. */
static GPtrArray *
inputs_of (const char *paths)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_input_free);
  g_auto (GStrv) names = g_strsplit (paths, "|", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      DlInput *input = g_new0 (DlInput, 1);
      input->path = g_strdup (names[i]);
      g_ptr_array_add (inputs, input);
    }
  return inputs;
}

/* The parts of @parts as "VALUE: base base; VALUE: ..." ("*" for no --by). */
static char *
parts_text (GPtrArray *parts)
{
  GString *s = g_string_new (NULL);
  for (guint p = 0; p < parts->len; p++)
    {
      const DlPart *part = parts->pdata[p];
      g_string_append_printf (s, "%s%s:", p > 0 ? "; " : "",
                              part->value != NULL ? part->value : "*");
      for (guint i = 0; i < part->inputs->len; i++)
        {
          g_autofree char *base = g_path_get_basename (((DlInput *) part->inputs->pdata[i])->path);
          g_string_append_printf (s, " %s", base);
        }
    }
  return g_string_free (s, FALSE);
}

/* The parts of the five corpus files (and one the manifest lacks) under
 * @where, @exclude and @by. */
static char *
select_corpus (const char *const *where, const char *const *exclude, const char *by, GString *diags)
{
  g_autoptr (DlMeta) m = manifest (diags);
  g_autoptr (DlDiag) diag = dl_diag_new (collect, diags);
  DlSelect sel = { m, where, exclude, by };
  g_autoptr (GError) error = NULL;
  CU_ASSERT_FATAL (dl_select_check (&sel, &error));
  g_autoptr (GPtrArray) inputs = inputs_of ("corpus/article-tr-karabag-turk-dunyasi.txt|"
                                            "corpus/article-tr-azerbaycan-denge-politikasi.txt|"
                                            "corpus/article-tr-turkiye-azerbaycan-guvenlik.txt|"
                                            "corpus/commentary-en-karabakh-liberation.txt|"
                                            "corpus/commentary-tr-karabag-2023.txt|"
                                            "corpus/extra.txt");
  g_autoptr (GPtrArray) parts = dl_select_parts (&sel, inputs, diag);
  DL_ASSERT_INT_EQ (inputs->len, 0);
  return parts_text (parts);
}

static void
test_select_where_exclude_by (void)
{
  g_autoptr (GString) diags = g_string_new (NULL);
  /* No condition: one part, every input, in order. */
  g_autofree char *all = select_corpus (NULL, NULL, NULL, diags);
  DL_ASSERT_STR_EQ (all, "*: article-tr-karabag-turk-dunyasi.txt "
                         "article-tr-azerbaycan-denge-politikasi.txt "
                         "article-tr-turkiye-azerbaycan-guvenlik.txt "
                         "commentary-en-karabakh-liberation.txt commentary-tr-karabag-2023.txt "
                         "extra.txt");
  DL_ASSERT_STR_EQ (diags->str, "");

  /* Two values of one key: either; a second key: both. A comma list has
     its items. The file without a row is left out, with a note. */
  const char *const where[] = { "kind=commentary", "kind=web page", "languages=en", NULL };
  g_autofree char *got = select_corpus (where, NULL, NULL, diags);
  DL_ASSERT_STR_EQ (got, "*: commentary-en-karabakh-liberation.txt");
  DL_ASSERT_STR_EQ (diags->str,
                    "N extra.txt:0: not described in " TEST_SRCDIR "/corpus/MANIFEST.tsv\n");
  g_string_truncate (diags, 0);

  const char *const lang_az[] = { "languages=az", NULL };
  g_autofree char *az = select_corpus (lang_az, NULL, NULL, diags);
  DL_ASSERT_STR_EQ (az, "*: article-tr-turkiye-azerbaycan-guvenlik.txt");

  /* --exclude: by the path or by the base name. */
  const char *const exclude[] = { "article-*", "*/extra.txt", NULL };
  g_string_truncate (diags, 0);
  g_autofree char *ex = select_corpus (NULL, exclude, NULL, diags);
  DL_ASSERT_STR_EQ (ex, "*: commentary-en-karabakh-liberation.txt commentary-tr-karabag-2023.txt");

  /* --by: a part per value in natural order, each in input order; no row:
     the empty value. */
  g_string_truncate (diags, 0);
  g_autofree char *by = select_corpus (NULL, NULL, "kind", diags);
  DL_ASSERT_STR_EQ (by, ": extra.txt; "
                        "article: article-tr-karabag-turk-dunyasi.txt "
                        "article-tr-azerbaycan-denge-politikasi.txt "
                        "article-tr-turkiye-azerbaycan-guvenlik.txt; "
                        "commentary: commentary-tr-karabag-2023.txt; "
                        "web page: commentary-en-karabakh-liberation.txt");
  DL_ASSERT_STR_CONTAINS (diags->str, "N extra.txt:0: not described in");
}

/* GLib's pattern matching aborts on a string that ends inside a character
 * (found by fuzzing: `--exclude "*2023*$(printf '\342')"` killed derlem;
 * tests/fuzz/fuzz-meta.c). A pattern or file name that is not UTF-8 is
 * matched with U+FFFD for each invalid byte. */
static void
test_select_exclude_not_utf8 (void)
{
  g_autoptr (GString) diags = g_string_new (NULL);
  g_autoptr (DlDiag) diag = dl_diag_new (collect, diags);
  const char *const exclude[] = { "*2023*\xe2", "*.t*t", NULL };
  DlSelect sel = { NULL, NULL, exclude, NULL };
  CU_ASSERT_FATAL (dl_select_check (&sel, NULL));
  g_autoptr (GPtrArray) inputs = inputs_of ("d/2023-x\xe2|d/y\xe2|d/b.txt|d/c.md|d/\xe2\xe2");
  g_autoptr (GPtrArray) parts = dl_select_parts (&sel, inputs, diag);
  g_autofree char *got = parts_text (parts);
  DL_ASSERT_STR_EQ (got, "*: y\xe2 c.md \xe2\xe2");
  DL_ASSERT_STR_EQ (diags->str, "");
}

static void
test_select_without_table (void)
{
  g_autoptr (GString) diags = g_string_new (NULL);
  g_autoptr (DlDiag) diag = dl_diag_new (collect, diags);
  g_autoptr (GError) error = NULL;
  /* Only `file` is a key; parts by file come in natural order (2 < 10). */
  const char *const bad_where[] = { "kind=article", NULL };
  DlSelect sel = { NULL, bad_where, NULL, NULL };
  CU_ASSERT_FALSE (dl_select_check (&sel, &error));
  DL_ASSERT_STR_EQ (error->message, "--where kind: without --meta the only key is 'file'");
  g_clear_error (&error);

  const char *const no_eq[] = { "kind", NULL };
  sel = (DlSelect){ NULL, no_eq, NULL, NULL };
  CU_ASSERT_FALSE (dl_select_check (&sel, &error));
  DL_ASSERT_STR_EQ (error->message, "--where takes KEY=VALUE (got 'kind')");
  g_clear_error (&error);

  const char *const empty[] = { "", NULL };
  sel = (DlSelect){ NULL, NULL, empty, NULL };
  CU_ASSERT_FALSE (dl_select_check (&sel, &error));
  g_clear_error (&error);

  const char *const file_where[] = { "file=d/10.txt", "file=d/2.txt", NULL };
  sel = (DlSelect){ NULL, file_where, NULL, "file" };
  CU_ASSERT_FATAL (dl_select_check (&sel, NULL));
  g_autoptr (GPtrArray) inputs = inputs_of ("d/10.txt|d/2.txt|d/3.txt");
  g_autoptr (GPtrArray) parts = dl_select_parts (&sel, inputs, diag);
  g_autofree char *got = parts_text (parts);
  DL_ASSERT_STR_EQ (got, "d/2.txt: 2.txt; d/10.txt: 10.txt");
  DL_ASSERT_STR_EQ (diags->str, "");
}

void
test_meta_suite (void)
{
  CU_pSuite s = CU_add_suite ("meta", NULL, NULL);
  CU_add_test (s, "tsv_rows_and_escapes", test_tsv_rows_and_escapes);
  CU_add_test (s, "tsv_bad_tables", test_tsv_bad_tables);
  CU_add_test (s, "meta_rows_by_path_end", test_meta_rows_by_path_end);
  CU_add_test (s, "meta_bad_tables", test_meta_bad_tables);
  CU_add_test (s, "select_where_exclude_by", test_select_where_exclude_by);
  CU_add_test (s, "select_without_table", test_select_without_table);
  CU_add_test (s, "select_exclude_not_utf8", test_select_exclude_not_utf8);
}
