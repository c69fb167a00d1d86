/* test-colloc.c — window co-occurrence counted by hand on small texts: left
 * and right sides, overlapping windows (a token counted once, however many
 * windows hold it), phrase nodes, windows that stop at a language switch and at
 * the end of a file, stopwords that keep their places, word pairs, stems,
 * the order of the list and the measures it carries. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "colloc.h"
#include "tests.h"

/* Counts @text (one file per element of @files, NULL-terminated) for
 * @node (NULL: all) with @opts. */
static DlCollocCounts *
count_files (const char *const *files, const char *node, const DlCollocOptions *opts,
             gboolean assume, DlLang lang)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlQuery) q = node != NULL ? dl_query_parse (node, &error) : NULL;
  g_autoptr (DlColloc) c = dl_colloc_new (q, opts, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (c);
  DlCollocCounts *total = dl_colloc_counts_new (opts);
  g_autofree char *dir = g_dir_make_tmp ("derlem-colloc-XXXXXX", NULL);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/f%u.txt", dir, i);
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (path, files[i], -1, NULL));
      DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
      DlDocumentOptions doc = { NULL, assume, lang, NULL, NULL, NULL, NULL };
      g_autoptr (DlCollocCounts) one = dl_colloc_counts_new (opts);
      CU_ASSERT_TRUE (dl_colloc_input (c, &input, &doc, NULL, one, &error));
      dl_colloc_counts_merge (total, one, i);
      g_remove (path);
    }
  g_rmdir (dir);
  return total;
}

static DlCollocOptions
window (guint left, guint right)
{
  DlCollocOptions o
      = { left, right, FALSE, { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD }, { 0 } };
  dl_counter_options_init (&o.counter);
  return o;
}

/* Units of forms of @lang in @counts, for a list. */
static DlUnits *
form_units (const DlCollocCounts *counts, DlLang lang)
{
  DlUnitsOptions uo = { DL_UNIT_FORM, NULL, NULL, NULL, NULL };
  return dl_units_new (dl_colloc_counts_counter (counts), lang, &uo);
}

/* The list of @lang as "collocate cooc=left+right freq" lines, sorted by
 * cooc (then alphabetical). */
static char *
list_text (const DlCollocCounts *counts, DlLang lang, const char *stoplist, DlUnit unit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  g_autoptr (DlStoplist) sl = dl_stoplist_load (stoplist, norm, &error);
  g_autoptr (DlStemmer) st = dl_stemmer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sl);
  DlUnitsOptions uo = { unit, st, NULL, sl, norm };
  g_autoptr (DlUnits) units = dl_units_new (dl_colloc_counts_counter (counts), lang, &uo);
  DlCollocListOptions lo = { units, 1, 1, 0, DL_MEASURE_COOC };
  g_autoptr (DlCollocList) list = dl_colloc_list (counts, lang, &lo, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (list);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < dl_colloc_list_size (list); i++)
    {
      DlCollocRow row;
      const DlCollocRow *r = dl_colloc_list_row (list, i, &row);
      g_string_append_printf (s,
                              "%s %" G_GUINT64_FORMAT "=%" G_GUINT64_FORMAT "+%" G_GUINT64_FORMAT
                              " %" G_GUINT64_FORMAT "\n",
                              r->collocate, r->cooc, r->left, r->right, r->freq);
      CU_ASSERT_TRUE (isfinite (r->scores.ll) && isfinite (r->scores.mi) && isfinite (r->scores.z)
                      && isfinite (r->scores.logdice));
    }
  return g_string_free (s, FALSE);
}

static void
check_list (const DlCollocCounts *counts, DlLang lang, const char *stoplist, DlUnit unit,
            const char *expected)
{
  g_autofree char *got = list_text (counts, lang, stoplist, unit);
  DL_ASSERT_STR_EQ (got, expected);
}

static void
test_overlapping_windows_count_a_token_once (void)
{
  /* a0 b1 n2 c3 n4 d5 e6, window 2,2: n@2 sees a b | c n, n@4 sees n c | d e.
   * c@3 is in both windows: counted once, on the right of n@2, so that no
   * collocate co-occurs more often than it occurs. n@4 is right of n@2 and
   * n@2 left of n@4: two tokens, two co-occurrences. */
  const char *const files[] = { "a b n c n d e\n", NULL };
  DlCollocOptions o = window (2, 2);
  g_autoptr (DlCollocCounts) c = count_files (files, "n", &o, TRUE, DL_LANG_EN);
  CU_ASSERT_EQUAL (dl_colloc_counts_nodes (c, DL_LANG_EN), 2);
  CU_ASSERT_EQUAL (dl_counter_tokens (dl_colloc_counts_counter (c), DL_LANG_EN), 7);
  check_list (c, DL_LANG_EN, "none", DL_UNIT_FORM,
              "n 2=1+1 2\na 1=1+0 1\nb 1=1+0 1\nc 1=0+1 1\nd 1=0+1 1\ne 1=0+1 1\n");
  /* Five nodes in a row, window 1,1: every x is in two windows, once. */
  const char *const dense[] = { "n x n x n x n x n\n", NULL };
  DlCollocOptions d = window (1, 1);
  g_autoptr (DlCollocCounts) c3 = count_files (dense, "n", &d, TRUE, DL_LANG_EN);
  check_list (c3, DL_LANG_EN, "none", DL_UNIT_FORM, "x 4=0+4 4\n");
  /* Right neighbours only. */
  DlCollocOptions r = window (0, 1);
  g_autoptr (DlCollocCounts) c2 = count_files (files, "n", &r, TRUE, DL_LANG_EN);
  check_list (c2, DL_LANG_EN, "none", DL_UNIT_FORM, "c 1=0+1 1\nd 1=0+1 1\n");
}

static void
test_windows_stop_at_file_and_line_language (void)
{
  /* Windows run across line breaks... */
  const char *const lines[] = { "a b\nn c\n", NULL };
  DlCollocOptions o = window (3, 3);
  g_autoptr (DlCollocCounts) c = count_files (lines, "n", &o, TRUE, DL_LANG_EN);
  check_list (c, DL_LANG_EN, "none", DL_UNIT_FORM, "a 1=1+0 1\nb 1=1+0 1\nc 1=0+1 1\n");

  /* ...not across files... */
  const char *const files[] = { "a b n\n", "c d\n", NULL };
  g_autoptr (DlCollocCounts) c2 = count_files (files, "n", &o, TRUE, DL_LANG_EN);
  check_list (c2, DL_LANG_EN, "none", DL_UNIT_FORM, "a 1=1+0 1\nb 1=1+0 1\n");

  /* ...nor across a language switch: the Turkish savaş and the English war
   * never see each other's lines. */
  const char *const mixed[] = { "Bu sabah Ankara'da yapılan büyük toplantıda uzun uzun savaş\n"
                                "The long meeting in Ankara this morning was about the war\n"
                                "ve barış konuşuldu, çünkü bölgedeki halk yorgun düşmüştü\n",
                                NULL };
  DlCollocOptions m = window (0, 4);
  g_autoptr (DlCollocCounts) c3 = count_files (mixed, "savaş", &m, FALSE, DL_LANG_TR);
  CU_ASSERT_EQUAL (dl_colloc_counts_nodes (c3, DL_LANG_TR), 1);
  check_list (c3, DL_LANG_TR, "none", DL_UNIT_FORM, "");
  DlCollocOptions w = window (4, 0);
  g_autoptr (DlCollocCounts) c4 = count_files (mixed, "/^(the|ve)$/", &w, FALSE, DL_LANG_TR);
  /* ve opens its Turkish segment: nothing to its left. */
  CU_ASSERT_EQUAL (dl_colloc_counts_nodes (c4, DL_LANG_TR), 1);
  check_list (c4, DL_LANG_TR, "none", DL_UNIT_FORM, "");
  CU_ASSERT_EQUAL (dl_colloc_counts_nodes (c4, DL_LANG_EN), 2);
  check_list (c4, DL_LANG_EN, "none", DL_UNIT_FORM,
              "about 1=1+0 1\nmorning 1=1+0 1\nthis 1=1+0 1\nwas 1=1+0 1\n");
}

static void
test_phrase_node_and_its_own_tokens (void)
{
  /* The phrase's words are not its collocates; the window is around the
   * whole span. */
  const char *const files[] = { "x Dağlık Karabağ y z\n", NULL };
  DlCollocOptions o = window (1, 1);
  g_autoptr (DlCollocCounts) c = count_files (files, "\"dağlık karabağ\"", &o, TRUE, DL_LANG_TR);
  CU_ASSERT_EQUAL (dl_colloc_counts_nodes (c, DL_LANG_TR), 1);
  check_list (c, DL_LANG_TR, "none", DL_UNIT_FORM, "x 1=1+0 1\ny 1=0+1 1\n");
}

static void
test_stopwords_keep_their_places (void)
{
  const char *const files[] = { "savaş ve barış, savaş ile barış\n", NULL };
  DlCollocOptions o = window (0, 1);
  g_autoptr (DlCollocCounts) c = count_files (files, "savaş", &o, TRUE, DL_LANG_TR);
  /* ve and ile are the right neighbours, and stopwords. */
  check_list (c, DL_LANG_TR, "default", DL_UNIT_FORM, "");
  check_list (c, DL_LANG_TR, "none", DL_UNIT_FORM, "ile 1=0+1 1\nve 1=0+1 1\n");
  DlCollocOptions o2 = window (0, 2);
  g_autoptr (DlCollocCounts) c2 = count_files (files, "savaş", &o2, TRUE, DL_LANG_TR);
  check_list (c2, DL_LANG_TR, "default", DL_UNIT_FORM, "barış 2=0+2 2\n");
}

static void
test_pairs_of_the_whole_text (void)
{
  /* a b a b, pairs within 2 tokens after: (a b) at 1 and 3, (b a) at 2,
   * (a a) and (b b) two apart. */
  const char *const files[] = { "a b a b\n", NULL };
  DlCollocOptions o = window (0, 2);
  o.all = TRUE;
  g_autoptr (DlCollocCounts) c = count_files (files, NULL, &o, TRUE, DL_LANG_EN);
  check_list (c, DL_LANG_EN, "none", DL_UNIT_FORM,
              "a b 2=0+2 2\na a 1=0+1 2\nb a 1=0+1 2\nb b 1=0+1 2\n");

  /* A pair and the node list agree: colloc a --window 0,1 row b is pair
   * "a b" of --all --window 0,1, measures included. */
  const char *const text[] = { "a b c a b d a c b a\n", NULL };
  DlCollocOptions p = window (0, 1);
  p.all = TRUE;
  DlCollocOptions n = window (0, 1);
  g_autoptr (DlCollocCounts) pairs = count_files (text, NULL, &p, TRUE, DL_LANG_EN);
  g_autoptr (DlCollocCounts) node = count_files (text, "a", &n, TRUE, DL_LANG_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlUnits) up = form_units (pairs, DL_LANG_EN);
  g_autoptr (DlUnits) un = form_units (node, DL_LANG_EN);
  DlCollocListOptions lo = { up, 1, 1, 0, DL_MEASURE_LL };
  g_autoptr (DlCollocList) lp = dl_colloc_list (pairs, DL_LANG_EN, &lo, &error);
  lo.units = un;
  g_autoptr (DlCollocList) ln = dl_colloc_list (node, DL_LANG_EN, &lo, &error);
  DlCollocRow row_p, row_n;
  const DlCollocRow *rp = NULL, *rn = NULL;
  for (guint i = 0; i < dl_colloc_list_size (lp) && rp == NULL; i++)
    if (strcmp (dl_colloc_list_row (lp, i, &row_p)->collocate, "a b") == 0)
      rp = &row_p;
  for (guint i = 0; i < dl_colloc_list_size (ln) && rn == NULL; i++)
    if (strcmp (dl_colloc_list_row (ln, i, &row_n)->collocate, "b") == 0)
      rn = &row_n;
  CU_ASSERT_PTR_NOT_NULL_FATAL (rp);
  CU_ASSERT_PTR_NOT_NULL_FATAL (rn);
  CU_ASSERT_STRING_EQUAL (rp->first, "a");
  CU_ASSERT_STRING_EQUAL (rp->second, "b");
  CU_ASSERT_EQUAL (rp->cooc, 2);
  CU_ASSERT_EQUAL (rn->cooc, 2);
  CU_ASSERT_EQUAL (rp->freq, 3);
  CU_ASSERT_DOUBLE_EQUAL (rp->scores.ll, rn->scores.ll, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL (rp->scores.mi, rn->scores.mi, 1e-12);
  /* f1 = 4, f2 = 3, N = 10, S = 1: E11 = 1.2, MI = log2 (2 / 1.2). */
  CU_ASSERT_DOUBLE_EQUAL (rp->scores.expected, 1.2, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL (rp->scores.mi, 0.736965594166206, 1e-12);
}

static void
test_stems_and_apostrophes (void)
{
  /* Karabağ’da and Karabağ'ın share the node's stem; the collocates
   * savaşı and savaşın share theirs (savaş). */
  const char *const files[] = { "Karabağ’da savaşı bitti. Karabağ'ın savaşın sonu\n", NULL };
  DlCollocOptions o = window (0, 1);
  o.query.unit = DL_UNIT_STEM;
  g_autoptr (DlTestUnits) tu = dl_test_units_new (files[0], DL_LANG_TR, DL_UNIT_STEM);
  o.query.units[DL_LANG_TR] = dl_test_units_get (tu);
  g_autoptr (DlCollocCounts) c = count_files (files, "karabağ", &o, TRUE, DL_LANG_TR);
  CU_ASSERT_EQUAL (dl_colloc_counts_nodes (c, DL_LANG_TR), 2);
  check_list (c, DL_LANG_TR, "none", DL_UNIT_STEM, "savaşı 2=0+2 2\n");
  check_list (c, DL_LANG_TR, "none", DL_UNIT_FORM, "savaşı 1=0+1 1\nsavaşın 1=0+1 1\n");
}

static void
test_list_order_thresholds_and_top (void)
{
  const char *const files[] = { "n x n x n y n y n z q q q q\n", NULL };
  DlCollocOptions o = window (0, 1);
  g_autoptr (DlCollocCounts) c = count_files (files, "n", &o, TRUE, DL_LANG_EN);
  g_autoptr (GError) error = NULL;
  DlCollocRow row;
  /* By cooc: x and y (2 each, alphabetical), then z (1). */
  g_autoptr (DlUnits) u = form_units (c, DL_LANG_EN);
  DlCollocListOptions lo = { u, 1, 1, 2, DL_MEASURE_COOC };
  g_autoptr (DlCollocList) l = dl_colloc_list (c, DL_LANG_EN, &lo, &error);
  CU_ASSERT_EQUAL_FATAL (dl_colloc_list_size (l), 2);
  CU_ASSERT_STRING_EQUAL (dl_colloc_list_row (l, 0, &row)->collocate, "x");
  CU_ASSERT_STRING_EQUAL (dl_colloc_list_row (l, 1, &row)->collocate, "y");
  CU_ASSERT_EQUAL (dl_colloc_list_candidates (l), 3);
  /* --min-cooc 2 drops z; --min-freq 3 drops x and y (2 each). */
  lo = (DlCollocListOptions){ u, 1, 2, 0, DL_MEASURE_MI };
  g_autoptr (DlCollocList) l2 = dl_colloc_list (c, DL_LANG_EN, &lo, &error);
  CU_ASSERT_EQUAL (dl_colloc_list_size (l2), 2);
  lo.min_freq = 3;
  g_autoptr (DlCollocList) l3 = dl_colloc_list (c, DL_LANG_EN, &lo, &error);
  CU_ASSERT_EQUAL (dl_colloc_list_size (l3), 0);
  /* By MI all three tie (each always follows n: log2 (N / f1)), so cooc
   * decides. */
  lo = (DlCollocListOptions){ u, 1, 1, 0, DL_MEASURE_MI };
  g_autoptr (DlCollocList) l4 = dl_colloc_list (c, DL_LANG_EN, &lo, &error);
  CU_ASSERT_EQUAL_FATAL (dl_colloc_list_size (l4), 3);
  CU_ASSERT_STRING_EQUAL (dl_colloc_list_row (l4, 2, &row)->collocate, "z");
  CU_ASSERT_DOUBLE_EQUAL (dl_colloc_list_row (l4, 2, &row)->scores.mi, log2 (14.0 / 5), 1e-12);
  CU_ASSERT_DOUBLE_EQUAL (dl_colloc_list_row (l4, 0, &row)->scores.mi, log2 (14.0 / 5), 1e-12);
  /* By logDice x (2·2 / (5 + 2)) before z (2·1 / (5 + 1)). */
  lo.sort = DL_MEASURE_LOGDICE;
  g_autoptr (DlCollocList) l5 = dl_colloc_list (c, DL_LANG_EN, &lo, &error);
  CU_ASSERT_STRING_EQUAL (dl_colloc_list_row (l5, 0, &row)->collocate, "x");
  CU_ASSERT_DOUBLE_EQUAL (dl_colloc_list_row (l5, 0, &row)->scores.logdice, 14 + log2 (4.0 / 7),
                          1e-12);
}

/* The rows of a TSV of NLTK's scores (first second cooc pmi ll), by "first
 * second". */
static GHashTable *
read_nltk (const char *path)
{
  g_autofree char *text = NULL;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &text, NULL, NULL));
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      CU_ASSERT_EQUAL_FATAL (g_strv_length (f), 5);
      double *v = g_new (double, 3);
      v[0] = g_ascii_strtod (f[2], NULL);
      v[1] = g_ascii_strtod (f[3], NULL);
      v[2] = g_ascii_strtod (f[4], NULL);
      g_hash_table_insert (rows, g_strconcat (f[0], " ", f[1], NULL), v);
    }
  return rows;
}

static gboolean
close_to (double a, double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1, fabs (b));
}

static void
test_pairs_agree_with_nltk (void)
{
  /* tests/data/colloc/nltk-bigrams.py: NLTK 3.8's BigramCollocationFinder
   * on the same tokens, scored by BigramAssocMeasures.pmi and
   * likelihood_ratio (unsigned). Adjacent pairs (NLTK's window_size 2 =
   * --window 0,1): the same 2×2 table, so cooc, MI and |G²| agree. */
  g_autofree char *text = NULL;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (TEST_DATA ("colloc/english.txt"), &text, NULL, NULL));
  const char *const files[] = { text, NULL };
  for (guint right = 1; right <= 2; right++)
    {
      DlCollocOptions o = window (0, right);
      o.all = TRUE;
      g_autoptr (DlCollocCounts) c = count_files (files, NULL, &o, TRUE, DL_LANG_EN);
      g_autoptr (GError) error = NULL;
      g_autoptr (DlUnits) u = form_units (c, DL_LANG_EN);
      DlCollocListOptions lo = { u, 1, 1, 0, DL_MEASURE_LL };
      g_autoptr (DlCollocList) l = dl_colloc_list (c, DL_LANG_EN, &lo, &error);
      g_autoptr (GHashTable) nltk
          = read_nltk (right == 1 ? TEST_DATA ("colloc/nltk-bigrams.tsv")
                                  : TEST_DATA ("colloc/nltk-bigrams-w3.tsv"));
      CU_ASSERT_EQUAL (dl_colloc_list_size (l), right == 1 ? 599 : 1201);
      CU_ASSERT_EQUAL (g_hash_table_size (nltk), dl_colloc_list_size (l));
      guint same_cooc = 0, same_mi = 0, same_ll = 0;
      for (guint i = 0; i < dl_colloc_list_size (l); i++)
        {
          DlCollocRow row;
          const DlCollocRow *r = dl_colloc_list_row (l, i, &row);
          const double *v = g_hash_table_lookup (nltk, r->collocate);
          if (v == NULL)
            continue;
          same_cooc += (double) r->cooc == v[0];
          same_mi += close_to (r->scores.mi, v[1]);
          same_ll += close_to (fabs (r->scores.ll), v[2]);
        }
      CU_ASSERT_EQUAL (same_cooc, dl_colloc_list_size (l));
      /* NLTK scores a window of w with the pair count divided by w − 1 and
       * f1, f2, N as they are: MI is the same as with E11 = f1·f2·S/N, but
       * its table is not ours (O12 = f1 − O11/S...), so G² differs. */
      CU_ASSERT_EQUAL (same_mi, dl_colloc_list_size (l));
      if (right == 1)
        CU_ASSERT_EQUAL (same_ll, dl_colloc_list_size (l));
      if (right == 2)
        CU_ASSERT_TRUE (same_ll < dl_colloc_list_size (l) / 10);
    }
}

void
test_colloc_suite (void)
{
  CU_pSuite s = CU_add_suite ("colloc", NULL, NULL);
  CU_add_test (s, "overlapping windows count a token once",
               test_overlapping_windows_count_a_token_once);
  CU_add_test (s, "windows stop at file and line language",
               test_windows_stop_at_file_and_line_language);
  CU_add_test (s, "phrase node and its own tokens", test_phrase_node_and_its_own_tokens);
  CU_add_test (s, "stopwords keep their places", test_stopwords_keep_their_places);
  CU_add_test (s, "pairs of the whole text", test_pairs_of_the_whole_text);
  CU_add_test (s, "stems and apostrophes", test_stems_and_apostrophes);
  CU_add_test (s, "list order, thresholds and top", test_list_order_thresholds_and_top);
  CU_add_test (s, "pairs agree with NLTK", test_pairs_agree_with_nltk);
}
