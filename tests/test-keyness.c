/* test-keyness.c — keyness statistics (doc/DESIGN.md §4) against values
 * worked out independently, in exact fractions and 60-digit decimals, by
 * tests/data/keyness/keyness.py (the UCREL log-likelihood wizard's
 * formulas); the normal quantile and the critical values of LL; keyword
 * lists (matching, direction, thresholds, order); reading back freq's TSV
 * lists, bad rows included. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "diag.h"
#include "error.h"
#include "freqtsv.h"
#include "keyness.h"
#include "tests.h"

typedef struct {
  guint64 a, b, c, d;
  double ll, log_ratio, pct_diff;
  gboolean has_pct_diff;
} ScoreCase;

/* Printed by tests/data/keyness/keyness.py; do not edit. */
static const ScoreCase score_cases[] = {
  { 10, 0, 1000, 1000, 13.862943611198906, 4.3219280948873626, 0, FALSE },     /* by hand: b = 0 */
  { 0, 10, 1000, 1000, -13.862943611198906, -4.3219280948873626, -100, TRUE }, /* a = 0 */
  { 20, 20, 5000, 5000, 0, 0, 0, TRUE }, /* a = b, c = d: LL 0 */
  { 3, 6, 1000, 2000, 0, 0, 0, TRUE },   /* a/c = b/d, c != d: LL 0 */
  { 150, 10, 10000, 20000, 262.87965797652924, 4.9068905956085187, 2900, TRUE }, /* overuse */
  { 10, 150, 20000, 10000, -262.87965797652924, -4.9068905956085187, -96.666666666666671,
    TRUE },                                                                     /* underuse */
  { 1, 0, 100, 1000000, 18.420880733953034, 14.287712379549449, 0, FALSE },     /* small target */
  { 5, 1, 50000, 1000000, 25.136070199177439, 6.6438561897747244, 9900, TRUE }, /* few */
  { 1200, 800, 1000000, 1000000, 80.542054202755494, 0.58496250072115619, 50, TRUE }, /* big */
  { 7, 3, 12345, 67890, 14.989062322887259, 3.6816646701817146, 1183.1915755366545,
    TRUE }, /* odd sizes */
  { 100000, 1000000, 10000000, 1000000000, 272725.35090626421, 3.3219280948873622, 900,
    TRUE }, /* a large reference */
  { 2, 1, 3, 4, 0.6893380076507829, 1.4150374992788439, 166.66666666666666, TRUE }, /* tiny */
  /* corpus/: article-tr-karabag-turk-dunyasi.txt against the other four */
  { 99, 34, 6865, 14150, 97.21134829952878, 2.5853642064014144, 500.16708795681421,
    TRUE },                                                              /* tr türk */
  { 7, 0, 535, 4280, 30.761144082707073, 6.8073549220576037, 0, FALSE }, /* en turkic */
  { 0, 92, 6865, 14150, -72.776019363681343, -6.480091528484869, -100,
    TRUE }, /* tr jandarma, negative */
};

/* Relative tolerance, floored for values near 0. */
static double
tolerance (double expected)
{
  return MAX (fabs (expected) * 1e-12, 1e-12);
}

static void
test_scores_against_oracle (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (score_cases); i++)
    {
      const ScoreCase *k = &score_cases[i];
      g_autofree char *label = g_strdup_printf ("a=%" G_GUINT64_FORMAT " b=%" G_GUINT64_FORMAT
                                                " c=%" G_GUINT64_FORMAT " d=%" G_GUINT64_FORMAT,
                                                k->a, k->b, k->c, k->d);
      DlKeyScores s;
      dl_keyness_scores (k->a, k->b, k->c, k->d, &s);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, s.ll, k->ll, tolerance (k->ll));
      DL_ASSERT_DOUBLE_NEAR_FOR (label, s.log_ratio, k->log_ratio, tolerance (k->log_ratio));
      DL_ASSERT_INT_EQ_FOR (label, s.has_pct_diff, k->has_pct_diff);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, s.pct_diff, k->pct_diff, tolerance (k->pct_diff));
      DL_ASSERT_TRUE_FOR (label,
                          isfinite (s.ll) && isfinite (s.log_ratio) && isfinite (s.pct_diff));
    }
}

static void
test_scores_by_hand (void)
{
  DlKeyScores s;
  /* a = 10, b = 0, c = d = 1000: E1 = E2 = 5, LL = 2·10·ln 2; Log Ratio
     log2 (10/0.5) = log2 20; %DIFF undefined. */
  dl_keyness_scores (10, 0, 1000, 1000, &s);
  DL_ASSERT_DOUBLE_NEAR (s.ll, 20 * log (2), 1e-12);
  DL_ASSERT_DOUBLE_NEAR (s.log_ratio, log2 (20), 1e-12);
  DL_ASSERT_INT_EQ (s.has_pct_diff, FALSE);
  /* a = b and c = d: exactly 0, neither sign. */
  dl_keyness_scores (37, 37, 4321, 4321, &s);
  CU_ASSERT_EQUAL (s.ll, 0.0);
  CU_ASSERT_EQUAL (s.log_ratio, 0.0);
  CU_ASSERT_EQUAL (s.pct_diff, 0.0);
  CU_ASSERT_FALSE (signbit (s.ll));
  /* a = 1, b = 1, c = 1, d = 3: 1 vs 1/3, %DIFF = 100·(1 − 1/3)/(1/3) = 200. */
  dl_keyness_scores (1, 1, 1, 3, &s);
  DL_ASSERT_DOUBLE_NEAR (s.pct_diff, 200, 1e-12);
  DL_ASSERT_DOUBLE_NEAR (s.log_ratio, log2 (3), 1e-12);
  /* Swapping the sides flips every sign and keeps the size. */
  DlKeyScores t;
  dl_keyness_scores (1, 1, 3, 1, &t);
  DL_ASSERT_DOUBLE_NEAR (t.ll, -s.ll, 1e-12);
  DL_ASSERT_DOUBLE_NEAR (t.log_ratio, -s.log_ratio, 1e-12);
  CU_ASSERT_TRUE (s.ll > 0 && t.ll < 0);
}

/* Normal quantiles: statistics.NormalDist ().inv_cdf (Wichura's AS 241),
 * printed by tests/data/keyness/keyness.py. */
static const struct {
  double p, z;
} quantiles[] = {
  { 0.5, 0 },
  { 0.97499999999999998, 1.9599639845400536 },
  { 0.995, 2.5758293035488999 },
  { 0.99950000000000006, 3.2905267314919255 },
  { 0.99995000000000001, 3.8905918864131199 },
  { 0.025000000000000001, -1.9599639845400538 },
  { 1e-10, -6.3613409024040557 },
  { 9.9999999999999995e-21, -9.2623400897984052 },
  { 0.024250000000000001, -1.9729610513118845 }, /* Acklam's break points */
  { 0.97575000000000001, 1.9729610513118847 },
  { 0.29999999999999999, -0.52440051270804067 },
  { 0.84134474606854293, 1 },
};

static void
test_normal_quantile (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (quantiles); i++)
    {
      g_autofree char *label = g_strdup_printf ("p=%g", quantiles[i].p);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, dl_normal_quantile (quantiles[i].p), quantiles[i].z,
                                 1e-9 * MAX (1, fabs (quantiles[i].z)));
      /* Refined: far better than Acklam's 1.15e-9 alone. */
      DL_ASSERT_DOUBLE_NEAR_FOR (label, dl_normal_quantile (quantiles[i].p), quantiles[i].z,
                                 1e-13 * MAX (1, fabs (quantiles[i].z)));
    }
}

static void
test_critical_values (void)
{
  /* chi-square (1) quantiles, exact to the digits given. */
  static const struct {
    double p, crit;
  } levels[] = {
    { 0.05, 3.841458820694124 },
    { 0.01, 6.634896601021214 },
    { 0.001, 10.827566170662733 },
    { 0.0001, 15.136705226623606 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *label = g_strdup_printf ("p=%g", levels[i].p);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, dl_keyness_critical (levels[i].p, 1), levels[i].crit, 1e-9);
    }
  /* Rounded as the literature gives them. */
  DL_ASSERT_DOUBLE_NEAR (dl_keyness_critical (0.05, 1), 3.84, 0.005);
  DL_ASSERT_DOUBLE_NEAR (dl_keyness_critical (0.0001, 1), 15.13, 0.01);
  /* Bonferroni, from keyness.py: p = 0.05 over 1000 items, p = 0.01 over
     250000. */
  DL_ASSERT_DOUBLE_NEAR (dl_keyness_critical (0.05, 1000), 16.448110210008004, 1e-9);
  DL_ASSERT_DOUBLE_NEAR (dl_keyness_critical (0.01, 250000), 30.149452963587397, 1e-9);
  /* No level: no cut. */
  CU_ASSERT_EQUAL (dl_keyness_critical (1, 1), 0.0);
  CU_ASSERT_EQUAL (dl_keyness_critical (1, 5000), 0.0);
}

/* Target: c = 1000; reference: d = 2000. */
static const DlFreqItem target_items[] = {
  { "kâr", 30, 3, 0, NULL, NULL, NULL },    /* overuse, LL tied with çay and car */
  { "çay", 30, 2, 0, NULL, NULL, NULL },    /* same counts */
  { "car", 30, 1, 0, NULL, NULL, NULL },    /* same counts */
  { "nehir", 20, 2, 0, NULL, NULL, NULL },  /* b = 40: same rate, LL 0 */
  { "su", 2, 1, 0, NULL, NULL, NULL },      /* overuse below --min-freq 3 */
  { "dağ", 1, 1, 0, NULL, NULL, NULL },     /* underuse */
  { "Ada’nın", 8, 1, 0, NULL, NULL, NULL }, /* matched with Ada'nın */
};
static const DlFreqItem ref_items[] = {
  { "kâr", 2, 1, 0, NULL, NULL, NULL },
  { "çay", 2, 2, 0, NULL, NULL, NULL },
  { "car", 2, 1, 0, NULL, NULL, NULL },
  { "nehir", 40, 5, 0, NULL, NULL, NULL },
  { "dağ", 60, 4, 0, NULL, NULL, NULL },
  { "deniz", 50, 6, 0, NULL, NULL, NULL }, /* reference only */
  { "Ada'nın", 2, 1, 0, NULL, NULL, NULL },
};

static DlKeyList *
make_list (gboolean negative, guint64 min_freq, double p, gboolean bonferroni, guint top)
{
  g_autoptr (DlKeySide) t
      = dl_key_side_new_items (target_items, G_N_ELEMENTS (target_items), 1000, DL_LANG_TR, NULL);
  g_autoptr (DlKeySide) r
      = dl_key_side_new_items (ref_items, G_N_ELEMENTS (ref_items), 2000, DL_LANG_TR, NULL);
  DlKeynessOptions o = { negative, min_freq, p, bonferroni, top };
  g_autoptr (GError) error = NULL;
  DlKeyList *list = dl_keyness_list (DL_LANG_TR, t, r, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (list);
  return list;
}

/* The items of @list joined with spaces. */
static char *
items_of (const DlKeyList *list)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < dl_keyness_list_size (list); i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "", dl_keyness_list_row (list, i)->item);
  return g_string_free (s, FALSE);
}

static void
test_list_positive (void)
{
  g_autoptr (DlKeyList) list = make_list (FALSE, 3, 0.05, FALSE, 0);
  g_autofree char *items = items_of (list);
  /* Ties in Turkish order: c < ç, and kâr after both; su below --min-freq;
     nehir (LL 0) and dağ (underused) not positive. */
  DL_ASSERT_STR_EQ (items, "car çay kâr Ada’nın");
  DL_ASSERT_INT_EQ (dl_keyness_list_compared (list), 8);
  const DlKeyRow *r = dl_keyness_list_row (list, 3);
  DL_ASSERT_INT_EQ (r->freq_target, 8);
  DL_ASSERT_INT_EQ (r->freq_ref, 2);
  DL_ASSERT_INT_EQ (r->range_target, 1);
  DL_ASSERT_INT_EQ (r->range_ref, 1);
  DlKeyScores s;
  dl_keyness_scores (30, 2, 1000, 2000, &s);
  DL_ASSERT_DOUBLE_NEAR (dl_keyness_list_row (list, 0)->scores.ll, s.ll, 0);
  DL_ASSERT_DOUBLE_NEAR (dl_keyness_list_critical (list), 3.841458820694124, 1e-9);
  /* --min-freq 1 lets su in, if significant: a = 2, b = 0 gives LL
     2·2·ln 3 = 4.39 ≥ 3.84. */
  g_autoptr (DlKeyList) all = make_list (FALSE, 1, 0.05, FALSE, 0);
  g_autofree char *all_items = items_of (all);
  DL_ASSERT_STR_EQ (all_items, "car çay kâr Ada’nın su");
  /* --top 2. */
  g_autoptr (DlKeyList) top = make_list (FALSE, 1, 0.05, FALSE, 2);
  g_autofree char *top_items = items_of (top);
  DL_ASSERT_STR_EQ (top_items, "car çay");
}

static void
test_list_negative (void)
{
  g_autoptr (DlKeyList) list = make_list (TRUE, 3, 0.05, FALSE, 0);
  g_autofree char *items = items_of (list);
  /* Most negative first; deniz, of the reference only, among them. */
  DL_ASSERT_STR_EQ (items, "dağ deniz");
  const DlKeyRow *deniz = dl_keyness_list_row (list, 1);
  DL_ASSERT_INT_EQ (deniz->freq_target, 0);
  DL_ASSERT_INT_EQ (deniz->freq_ref, 50);
  DL_ASSERT_INT_EQ (deniz->range_target, 0);
  DL_ASSERT_INT_EQ (deniz->range_ref, 6);
  CU_ASSERT_TRUE (deniz->scores.ll < 0
                  && dl_keyness_list_row (list, 0)->scores.ll < deniz->scores.ll);
  /* --min-freq applies to the reference: 61 leaves out everything. */
  g_autoptr (DlKeyList) none = make_list (TRUE, 61, 0.05, FALSE, 0);
  DL_ASSERT_INT_EQ (dl_keyness_list_size (none), 0);
}

static void
test_list_levels (void)
{
  /* LL of kâr (30, 2 of 1000, 2000) is 62.3; su (2, 0) 4.39; Ada’nın (8,
     2) 14.3. p = 0.0001 (15.14) keeps kâr, çay and car only. */
  g_autoptr (DlKeyList) strict = make_list (FALSE, 1, 0.0001, FALSE, 0);
  g_autofree char *strict_items = items_of (strict);
  DL_ASSERT_STR_EQ (strict_items, "car çay kâr");
  /* Bonferroni over the 8 items compared: p = 0.05/8, crit 9.14 — su out,
     Ada’nın in. */
  g_autoptr (DlKeyList) bonf = make_list (FALSE, 1, 0.05, TRUE, 0);
  g_autofree char *bonf_items = items_of (bonf);
  DL_ASSERT_STR_EQ (bonf_items, "car çay kâr Ada’nın");
  DL_ASSERT_DOUBLE_NEAR (dl_keyness_list_critical (bonf), dl_keyness_critical (0.05, 8), 0);
  /* p = 1: every positive item, whatever its LL. */
  g_autoptr (DlKeyList) any = make_list (FALSE, 1, 1, FALSE, 0);
  DL_ASSERT_INT_EQ (dl_keyness_list_size (any), 5);
}

static void
test_list_units (void)
{
  /* Sides from units: stems matched by key, shown by headword. */
  g_autoptr (DlTestUnits) tu
      = dl_test_units_new ("savaşlar savaşın savaşlar barış barış barış", DL_LANG_TR, DL_UNIT_STEM);
  g_autoptr (DlTestUnits) ru
      = dl_test_units_new ("savaş barış barış barış barış barış barış", DL_LANG_TR, DL_UNIT_STEM);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlKeySide) t = dl_key_side_new_units (dl_test_units_get (tu), &error);
  g_autoptr (DlKeySide) r = dl_key_side_new_units (dl_test_units_get (ru), &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  DL_ASSERT_INT_EQ (dl_key_side_tokens (t), 6);
  DL_ASSERT_INT_EQ (dl_key_side_tokens (r), 7);
  DlKeynessOptions o = { FALSE, 1, 1, FALSE, 0 };
  g_autoptr (DlKeyList) list = dl_keyness_list (DL_LANG_TR, t, r, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (list);
  DL_ASSERT_INT_EQ (dl_keyness_list_size (list), 1);
  const DlKeyRow *row = dl_keyness_list_row (list, 0);
  DL_ASSERT_STR_EQ (row->item, "savaşlar");
  DL_ASSERT_STR_EQ (row->unit, "savaş");
  DL_ASSERT_INT_EQ (row->freq_target, 3);
  DL_ASSERT_INT_EQ (row->freq_ref, 1);
}

/* Diagnostics collected as "LINE: message\n". */
static void
collect (DlDiagLevel level, const char *file, guint64 line, const char *message, gpointer data)
{
  (void) level;
  (void) file;
  g_string_append_printf (data, "%" G_GUINT64_FORMAT ": %s\n", line, message);
}

/* Reads @text as a list file; its diagnostics into @said. */
static DlFreqTsv *
read_text (const char *text, GString *said, GError **error)
{
  char *path = dl_test_temp_file ("list.tsv", text, -1);
  g_autoptr (DlDiag) diag = dl_diag_new (collect, said);
  DlFreqTsv *t = dl_freqtsv_read (path, diag, error);
  dl_test_temp_remove (path);
  return t;
}

static void
test_freqtsv_good (void)
{
  /* Columns in another order, one not read, escapes as the TSV writer
     makes them, a CRLF line end, totals. */
  const char *text = "freq\tlang\textra\trange\titem\ttotal_tokens\n"
                     "12\ten\tx\t3\ta\\tb\\\\c\\nd\t100\n"
                     "5\ttr\tx\t1\tçay\t50\r\n"
                     "4\ten\tx\t2\tit’s\t100\n";
  g_autoptr (GString) said = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlFreqTsv) t = read_text (text, said, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  DL_ASSERT_STR_EQ (said->str, "");
  CU_ASSERT_FALSE (dl_freqtsv_has_units (t));
  CU_ASSERT_TRUE (dl_freqtsv_has_totals (t));
  guint n;
  const DlFreqItem *en = dl_freqtsv_items (t, DL_LANG_EN, &n);
  DL_ASSERT_INT_EQ (n, 2);
  DL_ASSERT_STR_EQ (en[0].item, "a\tb\\c\nd");
  DL_ASSERT_INT_EQ (en[0].freq, 12);
  DL_ASSERT_INT_EQ (en[0].range, 3);
  DL_ASSERT_STR_EQ (en[1].item, "it’s");
  const DlFreqItem *tr = dl_freqtsv_items (t, DL_LANG_TR, &n);
  DL_ASSERT_INT_EQ (n, 1);
  DL_ASSERT_STR_EQ (tr[0].item, "çay");
  DL_ASSERT_INT_EQ (dl_freqtsv_tokens (t, DL_LANG_EN), 100);
  DL_ASSERT_INT_EQ (dl_freqtsv_tokens (t, DL_LANG_TR), 50);
  /* Without totals: the sum of freq; with units. */
  g_autoptr (DlFreqTsv) u = read_text ("lang\trank\titem\tfreq\tper_million\trange\tunit\tforms\n"
                                       "en\t1\twars\t7\t1.00\t2\twar\twars (5), war (2)\n"
                                       "en\t2\tpeace\t3\t1.00\t1\tpeac\tpeace (3)\n",
                                       said, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (u);
  CU_ASSERT_TRUE (dl_freqtsv_has_units (u));
  CU_ASSERT_FALSE (dl_freqtsv_has_totals (u));
  DL_ASSERT_INT_EQ (dl_freqtsv_tokens (u, DL_LANG_EN), 10);
  en = dl_freqtsv_items (u, DL_LANG_EN, &n);
  DL_ASSERT_STR_EQ (en[0].unit, "war");
  DL_ASSERT_STR_EQ (said->str, "");
}

static void
test_freqtsv_bad_rows (void)
{
  const char *text = "lang\titem\tfreq\trange\ttotal_tokens\n"
                     "en\tgood\t3\t1\t40\n"   /* 2 */
                     "en\tshort\t3\t1\n"      /* 3: a cell missing */
                     "de\tgut\t3\t1\t40\n"    /* 4: no such language */
                     "other\tx\t3\t1\t40\n"   /* 5: not listed */
                     "en\tzero\t0\t1\t40\n"   /* 6: freq 0 */
                     "en\tneg\t-3\t1\t40\n"   /* 7 */
                     "en\tfrac\t3\t1.5\t40\n" /* 8 */
                     "en\t\t3\t1\t40\n"       /* 9: empty item */
                     "en\tba\\d\t3\t1\t40\n"  /* 10: bad escape */
                     "en\tgood\t5\t1\t40\n"   /* 11: twice */
                     "en\tmore\t5\t1\t41\n"   /* 12: another total */
                     "en\t\xff\t5\t1\t40\n"   /* 13: invalid UTF-8 */
                     "\n"                     /* 14: blank, skipped */
                     "en\tlast\t2\t2\t40\n";  /* 15 */
  g_autoptr (GString) said = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlFreqTsv) t = read_text (text, said, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  DL_ASSERT_STR_EQ (said->str,
                    "3: 4 cells where the header has 5: row left out\n"
                    "4: unknown language 'de' (tr or en): row left out\n"
                    "5: unknown language 'other' (tr or en): row left out\n"
                    "6: freq is not a whole number from 1 up ('0'): row left out\n"
                    "7: freq is not a whole number from 1 up ('-3'): row left out\n"
                    "8: range is not a whole number from 1 up ('1.5'): row left out\n"
                    "9: empty item: row left out\n"
                    "10: bad escape in item: row left out\n"
                    "11: 'good' is listed twice (first on line 2): row left out\n"
                    "12: total_tokens 41 differs from the en given before: row left out\n"
                    "13: not valid UTF-8: row left out\n");
  guint n;
  const DlFreqItem *en = dl_freqtsv_items (t, DL_LANG_EN, &n);
  DL_ASSERT_INT_EQ (n, 2);
  DL_ASSERT_STR_EQ (en[0].item, "good");
  DL_ASSERT_STR_EQ (en[1].item, "last");
  DL_ASSERT_INT_EQ (dl_freqtsv_tokens (t, DL_LANG_EN), 40);
}

static void
test_freqtsv_bad_files (void)
{
  g_autoptr (GString) said = g_string_new (NULL);
  static const struct {
    const char *text, *message;
  } cases[] = {
    { "lang\titem\tfreq\n", "its header has no 'range' column" },
    { "lang\tword\tfreq\trange\n", "its header has no 'item' column" },
    { "", "no header row" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DlFreqTsv) t = read_text (cases[i].text, said, &error);
      CU_ASSERT_PTR_NULL (t);
      CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
      DL_ASSERT_STR_CONTAINS_FOR (cases[i].text, error != NULL ? error->message : NULL,
                                  cases[i].message);
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDiag) diag = dl_diag_new (collect, said);
  CU_ASSERT_PTR_NULL (dl_freqtsv_read ("/nonexistent/list.tsv", diag, &error));
  DL_ASSERT_STR_CONTAINS (error != NULL ? error->message : NULL, "cannot read /nonexistent");
}

void
test_keyness_suite (void)
{
  CU_pSuite s = CU_add_suite ("keyness", NULL, NULL);
  CU_add_test (s, "scores_against_oracle", test_scores_against_oracle);
  CU_add_test (s, "scores_by_hand", test_scores_by_hand);
  CU_add_test (s, "normal_quantile", test_normal_quantile);
  CU_add_test (s, "critical_values", test_critical_values);
  CU_add_test (s, "list_positive", test_list_positive);
  CU_add_test (s, "list_negative", test_list_negative);
  CU_add_test (s, "list_levels", test_list_levels);
  CU_add_test (s, "list_units", test_list_units);
  CU_add_test (s, "freqtsv_good", test_freqtsv_good);
  CU_add_test (s, "freqtsv_bad_rows", test_freqtsv_bad_rows);
  CU_add_test (s, "freqtsv_bad_files", test_freqtsv_bad_files);
}
