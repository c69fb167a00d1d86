/* test-dispersion.c — Juilland's D, Gries' DP and DPnorm against the
 * worked example of Gries (2008) and an independent script, undefined
 * values, and the hits of queries binned into files and equal parts. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dispersion.h"
#include "tests.h"

/* Values printed by tests/data/dispersion/dispersion.py (exact fractions,
 * 60-digit square roots); -1 for undefined. The first five are the corpus
 * of Gries (2008: 406, 410; 2020: 3): parts "b a m n i b e u p", "b a s a t
 * b e w q n", "b c a g a b e s t a", "b a g h a b e a a t", "b a h a a b e
 * a x a t" of 9, 10, 10, 10, 11 words, where DP(a) = 0.18; scattertext's
 * tests give D(b) 0.968, DP(b) 0.02, DPnorm(b) 0.024, DPnorm(i) 1. */
typedef struct {
  const char *name;
  guint n;
  guint64 counts[6], sizes[6];
  double d, dp, dp_norm;
} Case;

static const Case cases[] = {
  { "gries a",
    5,
    { 1, 2, 3, 4, 5 },
    { 9, 10, 10, 10, 11 },
    0.785150453450451,
    0.18,
    0.219512195121951 },
  { "gries b",
    5,
    { 2, 2, 2, 2, 2 },
    { 9, 10, 10, 10, 11 },
    0.968091043204922,
    0.02,
    0.024390243902439 },
  { "gries i", 5, { 1, 0, 0, 0, 0 }, { 9, 10, 10, 10, 11 }, 0, 0.82, 1 },
  { "gries q", 5, { 0, 1, 0, 0, 0 }, { 9, 10, 10, 10, 11 }, 0, 0.8, 0.975609756097561 },
  { "gries x", 5, { 0, 0, 0, 0, 1 }, { 9, 10, 10, 10, 11 }, 0, 0.78, 0.951219512195122 },
  { "equal even", 4, { 5, 5, 5, 5 }, { 100, 100, 100, 100 }, 1, 0, 0 },
  { "equal skewed",
    4,
    { 10, 0, 3, 1 },
    { 50, 50, 50, 50 },
    0.355821463882444,
    0.464285714285714,
    0.619047619047619 },
  { "unequal",
    6,
    { 7, 1, 0, 12, 3, 2 },
    { 1000, 120, 45, 2000, 333, 999 },
    0.726410107601866,
    0.152154769846564,
    0.153692722371968 },
  { "two parts", 2, { 1, 3 }, { 7, 5 }, 0.384615384615385, 0.333333333333333, 0.571428571428571 },
  { "one part", 1, { 4 }, { 10 }, -1, 0, -1 },
  { "no hit", 3, { 0, 0, 0 }, { 3, 4, 5 }, -1, -1, -1 },
  { "big",
    3,
    { 1000000007, 3, 999999 },
    { 1000000000000, 5000000000, 300000000000 },
    0.004980119490875,
    0.232717472107764,
    0.233612539308179 },
};

static void
check_value (const char *label, gboolean has, double got, double expected)
{
  DL_ASSERT_TRUE_FOR (label, has == (expected >= 0));
  DL_ASSERT_TRUE_FOR (label, isfinite (got));
  if (expected >= 0)
    DL_ASSERT_DOUBLE_NEAR_FOR (label, got, expected, 1e-12);
}

static void
test_measures_against_the_script (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      DlDispersion m;
      dl_dispersion_measure (c->counts, c->sizes, c->n, &m);
      g_autofree char *ld = g_strconcat (c->name, " D", NULL);
      g_autofree char *lp = g_strconcat (c->name, " DP", NULL);
      g_autofree char *ln = g_strconcat (c->name, " DPnorm", NULL);
      check_value (ld, m.has_d, m.d, c->d);
      check_value (lp, m.has_dp, m.dp, c->dp);
      check_value (ln, m.has_dp_norm, m.dp_norm, c->dp_norm);
      DL_ASSERT_INT_EQ_FOR (c->name, m.n, c->n);
    }
}

static void
test_range_freq_and_empty_parts (void)
{
  /* A part of size 0 is no part: the same as leaving it out. */
  const guint64 counts[] = { 1, 0, 2, 0, 3 }, sizes[] = { 9, 0, 10, 10, 11 };
  DlDispersion m;
  dl_dispersion_measure (counts, sizes, 5, &m);
  DL_ASSERT_INT_EQ (m.n, 4);
  DL_ASSERT_INT_EQ (m.range, 3);
  DL_ASSERT_INT_EQ (m.freq, 6);
  /* By hand: v = (1/6, 2/6, 0, 3/6), s = (9/40, 10/40, 10/40, 11/40):
   * |v − s| = 7/120, 10/120, 30/120, 27/120; DP = 74/240. */
  DL_ASSERT_DOUBLE_NEAR (m.dp, 74.0 / 240, 1e-12);
  DL_ASSERT_DOUBLE_NEAR (m.dp_norm, (74.0 / 240) / (1 - 9.0 / 40), 1e-12);
  dl_dispersion_measure (counts, sizes, 0, &m);
  DL_ASSERT_INT_EQ (m.n, 0);
  DL_ASSERT_TRUE_FOR ("no parts", !m.has_d && !m.has_dp && !m.has_dp_norm);
}

/* The hits of @query in the files @texts (NULL-terminated), English, the
 * lines of the first @keep of them kept. */
static DlDispersionTotal *
find_keeping (const char *const *texts, const char *query, guint keep)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlQuery) q = dl_query_parse (query, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (q);
  DlQueryOptions qo = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
  DlDispersionOptions o = { { [DL_LANG_TR] = TRUE, [DL_LANG_EN] = TRUE }, FALSE, keep };
  g_autoptr (DlDispersionFinder) f = dl_dispersion_finder_new (&q, 1, &qo, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  DlDispersionTotal *t = dl_dispersion_total_new (1);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      char *path = dl_test_temp_file ("t.txt", texts[i], -1);
      DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
      DlDocumentOptions doc = { NULL, TRUE, DL_LANG_EN, NULL, NULL, NULL, NULL };
      g_autoptr (DlDispersionFile) file = dl_dispersion_file_new (1);
      CU_ASSERT_TRUE (dl_dispersion_finder_input (f, &input, &doc, NULL, file, &error));
      dl_dispersion_total_merge (t, file, i);
      dl_test_temp_remove (path);
    }
  return t;
}

static DlDispersionTotal *
find (const char *const *texts, const char *query)
{
  return find_keeping (texts, query, 0);
}

static char *
parts_text (const DlDispersionParts *p)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < p->n; i++)
    {
      g_string_append_printf (s, "%s%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT ":", i > 0 ? " " : "",
                              p->counts[i], p->sizes[i]);
      for (guint64 h = p->starts[i]; h < p->starts[i + 1]; h++)
        g_string_append_printf (s, "%s%" G_GUINT64_FORMAT, h > p->starts[i] ? "," : "",
                                p->positions[h]);
    }
  return g_string_free (s, FALSE);
}

static void
test_hits_binned_into_files (void)
{
  /* The second file has no token and is no part. */
  const char *const texts[]
      = { "war and peace war\n", "12 34\n", "no hit here\n", "a war\nwar\n", NULL };
  g_autoptr (DlDispersionTotal) t = find (texts, "war");
  DL_ASSERT_INT_EQ (dl_dispersion_total_tokens (t, DL_LANG_EN), 10);
  g_auto (DlDispersionParts) p = { 0 };
  dl_dispersion_total_parts (t, DL_LANG_EN, 0, 0, &p);
  g_autofree char *got = parts_text (&p);
  /* Positions count on across the lines of a file. */
  DL_ASSERT_STR_EQ (got, "2/4:0,3 0/3: 2/3:1,2");
  DL_ASSERT_INT_EQ (p.files[0], 0);
  DL_ASSERT_INT_EQ (p.files[1], 2);
  DL_ASSERT_INT_EQ (p.files[2], 3);
  DL_ASSERT_INT_EQ (p.measures.range, 2);
  DL_ASSERT_INT_EQ (p.measures.freq, 4);
}

static void
test_first_lines_kept (void)
{
  /* Three hits in the first file, two in the third: the first three of
     the corpus keep their lines, with the hit's bytes and corpus place. */
  const char *const texts[] = { "War, war.\nno\nthe WAR\n", "12\n", "a war\nwar\n", NULL };
  g_autoptr (DlDispersionTotal) t = find_keeping (texts, "war", 3);
  guint n;
  const DlDispersionLine *const *lines = dl_dispersion_total_lines (t, DL_LANG_EN, 0, &n);
  DL_ASSERT_INT_EQ (n, 3);
  g_autoptr (GString) got = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (got, "%u:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%.*s|",
                            lines[i]->file, lines[i]->line, lines[i]->position,
                            (int) (lines[i]->end - lines[i]->start),
                            lines[i]->text + lines[i]->start);
  DL_ASSERT_STR_EQ (got->str, "0:1:0:War|0:1:1:war|0:3:4:WAR|");
  /* The line before and the line after are context too. */
  DL_ASSERT_STR_EQ (lines[0]->text, "War, war. no");
  DL_ASSERT_STR_EQ (lines[2]->text, "no the WAR");
  /* Without keep_lines, none. */
  g_autoptr (DlDispersionTotal) none = find (texts, "war");
  dl_dispersion_total_lines (none, DL_LANG_EN, 0, &n);
  DL_ASSERT_INT_EQ (n, 0);
  /* A later file's lines come after the earlier's, and stop at keep. */
  g_autoptr (DlDispersionTotal) all = find_keeping (texts, "war", 9);
  lines = dl_dispersion_total_lines (all, DL_LANG_EN, 0, &n);
  DL_ASSERT_INT_EQ (n, 5);
  DL_ASSERT_INT_EQ (lines[3]->file, 2);
  DL_ASSERT_INT_EQ (lines[3]->position, 6);
  DL_ASSERT_INT_EQ (lines[4]->line, 2);
}

static void
test_hits_binned_into_equal_parts (void)
{
  /* 10 tokens in two files, a phrase that straddles the border of 3 parts
   * (tokens 0-2, 3-5, 6-9): it counts in the part of its first token. */
  const char *const texts[] = { "x x a b x\n", "a\nb x a b\n", NULL };
  g_autoptr (DlDispersionTotal) t = find (texts, "\"a b\"");
  g_auto (DlDispersionParts) p = { 0 };
  dl_dispersion_total_parts (t, DL_LANG_EN, 0, 3, &p);
  g_autofree char *got = parts_text (&p);
  DL_ASSERT_STR_EQ (got, "1/3:2 1/3:2 1/4:2");
  DL_ASSERT_TRUE_FOR ("no files", p.files == NULL);
  g_auto (DlDispersionParts) q = { 0 };
  /* More parts than tokens: empty slices, measured over the others. */
  dl_dispersion_total_parts (t, DL_LANG_EN, 0, 12, &q);
  DL_ASSERT_INT_EQ (q.n, 12);
  DL_ASSERT_INT_EQ (q.measures.n, 10);
  DL_ASSERT_INT_EQ (q.measures.freq, 3);
}

void
test_dispersion_suite (void)
{
  CU_pSuite s = CU_add_suite ("dispersion", NULL, NULL);
  CU_add_test (s, "measures against the script", test_measures_against_the_script);
  CU_add_test (s, "range, freq and empty parts", test_range_freq_and_empty_parts);
  CU_add_test (s, "hits binned into files", test_hits_binned_into_files);
  CU_add_test (s, "hits binned into equal parts", test_hits_binned_into_equal_parts);
  CU_add_test (s, "first lines kept", test_first_lines_kept);
}
