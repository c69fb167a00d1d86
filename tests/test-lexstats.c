/* test-lexstats.c — vocabulary statistics: a Turkish and English fixture
 * counted by hand, STTR, Yule's K and MTLD (forward, backward, partial
 * factors) against tests/data/stats/stats.py on generated sequences, the
 * streaming pass against the array functions, undefined values. */
#include "config.h"

#include "lexstats.h"
#include "tests.h"

/* Counts tests/data/stats/hand.txt @copies times (files 0, 1, ...). */
static DlLexStatsTotal *
count_hand (guint copies)
{
  g_autoptr (GError) error = NULL;
  DlCounterOptions co;
  dl_counter_options_init (&co);
  g_autoptr (DlLexStatsWorker) w = dl_lexstats_worker_new (&co, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (w);
  g_autoptr (DlStemmer) stemmer = dl_stemmer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (stemmer);
  g_autoptr (DlLexStatsTotal) t = dl_lexstats_total_new (stemmer);
  g_autoptr (DlDiag) diag = dl_diag_new_buffer ();
  DlInput input
      = { (char *) TEST_SRCDIR "/tests/data/stats/hand.txt", FALSE, NULL, 0, NULL, 0, NULL };
  DlDocumentOptions doc = { NULL, FALSE, DL_LANG_TR, NULL, NULL, NULL, NULL };
  for (guint i = 0; i < copies; i++)
    {
      g_autoptr (DlLexStatsInput) in = dl_lexstats_input_new (&co);
      CU_ASSERT_TRUE (dl_lexstats_count (in, w, &input, &doc, diag, &error));
      dl_lexstats_merge (t, in, i);
    }
  /* The stemmer is needed until the totals are finished. */
  dl_lexstats_finish (t);
  return g_steal_pointer (&t);
}

static void
check_measure (const char *label, const DlLexStats *s, DlLexMeasure m, gboolean defined,
               double expected)
{
  double got;
  DL_ASSERT_TRUE_FOR (label, dl_lexstats_measure (s, m, &got) == defined);
  DL_ASSERT_DOUBLE_NEAR_FOR (label, got, expected, 1e-9);
}

static void
test_hand_counted_fixture (void)
{
  /* tests/data/stats/hand.txt, lines 1 and 4 Turkish, 2 and 5 English:
   * tr: Kitap okumak güzeldir ve kitap bilgi verir / Çocuklar kitapları çok
   *   sever, çocuklar okur: 13 tokens; 11 types: kitap 2, çocuklar 2, nine
   *   once (hapax 9, dis 2); Σ f² = 4 + 4 + 9 = 17, K = 10⁴ · 4 / 169;
   *   characters 10+6+8+2+5+5+16+9+3+5+4 = 73; Snowball stems: kitapları →
   *   kitap, güzeldir → güzel, çocuklar → çocuk: 10 stems (freq --unit stem
   *   shows the same 10 units); MTLD: the TTR never falls to 0.72 in either
   *   direction (lowest 11/13), so each pass is one partial factor
   *   (1 − 11/13) / 0.28 and MTLD = 13 · 13 · 0.28 / 2 = 23.66.
   * en: The cat sat on the mat and the cat slept / Dogs like cats but cats do
   *   not like dogs: 19 tokens; 13 types: the 3, cat cats dogs like 2, eight
   *   once; Σ f² = 9 + 16 + 8 = 33; characters 9+6+3+2+3+3+5+8+8+8+3+2+3 =
   *   63; stems: cats → cat, dogs → dog: 12; forward factors "the … cat"
   *   (6 types in 9) and "slept … dogs" (7 in 10), backward "dogs … dogs"
   *   (6 in 9) and "slept … the" (7 in 10): 2 factors, no remainder, 19/2. */
  g_autoptr (DlLexStatsTotal) t = count_hand (1);
  guint n;
  const DlLexStatsRow *tr = dl_lexstats_rows (t, DL_LANG_TR, &n);
  DL_ASSERT_INT_EQ (n, 1);
  const DlLexStats *s = &tr[0].stats;
  DL_ASSERT_STR_EQ (tr[0].file, TEST_SRCDIR "/tests/data/stats/hand.txt");
  DL_ASSERT_INT_EQ (s->tokens, 13);
  DL_ASSERT_INT_EQ (s->types, 11);
  DL_ASSERT_INT_EQ (s->hapax, 9);
  DL_ASSERT_INT_EQ (s->dis, 2);
  DL_ASSERT_INT_EQ (s->sum_sq, 17);
  DL_ASSERT_INT_EQ (s->chars, 73);
  DL_ASSERT_INT_EQ (s->stems, 10);
  DL_ASSERT_INT_EQ (s->lines, 2);
  check_measure ("tr ttr", s, DL_LEXSTATS_TTR, TRUE, 11.0 / 13);
  check_measure ("tr sttr", s, DL_LEXSTATS_STTR, FALSE, 0);
  check_measure ("tr mean length", s, DL_LEXSTATS_MEAN_LENGTH, TRUE, 73.0 / 13);
  check_measure ("tr hapax %", s, DL_LEXSTATS_HAPAX_PCT, TRUE, 900.0 / 11);
  check_measure ("tr stems", s, DL_LEXSTATS_STEMS_RATIO, TRUE, 10.0 / 11);
  check_measure ("tr yule", s, DL_LEXSTATS_YULE_K, TRUE, 40000.0 / 169);
  check_measure ("tr mtld", s, DL_LEXSTATS_MTLD, TRUE, 13 * 13 * 0.28 / 2);
  const DlLexStatsRow *en = dl_lexstats_rows (t, DL_LANG_EN, &n);
  DL_ASSERT_INT_EQ (n, 1);
  s = &en[0].stats;
  DL_ASSERT_INT_EQ (s->tokens, 19);
  DL_ASSERT_INT_EQ (s->types, 13);
  DL_ASSERT_INT_EQ (s->hapax, 8);
  DL_ASSERT_INT_EQ (s->dis, 4);
  DL_ASSERT_INT_EQ (s->chars, 63);
  DL_ASSERT_INT_EQ (s->stems, 12);
  DL_ASSERT_INT_EQ (s->lines, 2);
  check_measure ("en yule", s, DL_LEXSTATS_YULE_K, TRUE, 1e4 * 14 / 361);
  check_measure ("en mtld", s, DL_LEXSTATS_MTLD, TRUE, 9.5);
  /* The total of one file is the file. */
  const DlLexStatsRow *total = dl_lexstats_total (t, DL_LANG_EN);
  CU_ASSERT_PTR_NULL (total->file);
  CU_ASSERT_EQUAL (memcmp (&total->stats, s, sizeof *s), 0);
}

static void
test_totals_merge_files (void)
{
  /* Two copies: every frequency doubles (tr: kitap and çocuklar 4, nine
   * types 2: hapax 0, dis 9, Σ f² = 16 + 16 + 36 = 68), lines add up, the
   * MTLD is the token-weighted mean of two equal ones. */
  g_autoptr (DlLexStatsTotal) t = count_hand (2);
  guint n;
  dl_lexstats_rows (t, DL_LANG_TR, &n);
  DL_ASSERT_INT_EQ (n, 2);
  const DlLexStats *s = &dl_lexstats_total (t, DL_LANG_TR)->stats;
  DL_ASSERT_INT_EQ (s->tokens, 26);
  DL_ASSERT_INT_EQ (s->types, 11);
  DL_ASSERT_INT_EQ (s->hapax, 0);
  DL_ASSERT_INT_EQ (s->dis, 9);
  DL_ASSERT_INT_EQ (s->lines, 4);
  DL_ASSERT_INT_EQ (s->stems, 10);
  check_measure ("total yule", s, DL_LEXSTATS_YULE_K, TRUE, 1e4 * 42 / 676);
  check_measure ("total mtld", s, DL_LEXSTATS_MTLD, TRUE, 13 * 13 * 0.28 / 2);
  check_measure ("total sttr", s, DL_LEXSTATS_STTR, FALSE, 0);
}

/* The sequence of tests/data/stats/stats.py: a 32-bit LCG, r its high 16
 * bits, the id V · r² / 2³² (small ids frequent). */
static guint32 *
sequence (guint32 seed, gsize n, guint64 vocab)
{
  guint32 *seq = g_new (guint32, n);
  guint32 x = seed;
  for (gsize i = 0; i < n; i++)
    {
      x = 1664525u * x + 1013904223u;
      guint64 r = x >> 16;
      seq[i] = (guint32) ((vocab * r * r) >> 32);
    }
  return seq;
}

/* Printed by tests/data/stats/stats.py (exact fractions); -1: undefined. */
static const struct {
  guint32 seed;
  gsize n;
  guint64 vocab;
  double sttr, yule_k, forward, backward, mtld;
} cases[] = {
  { 1, 3000, 200, 0.192666666666667, 115.435555555556, 84.8034006376196, 81.574058436075,
    83.1887295368473 },
  { 2, 5000, 1000, 0.5578, 28.3608, 454.545454545455, 454.545454545455, 454.545454545455 },
  { 3, 2500, 50, 0.05, 412.688, 18.796992481203, 18.796992481203, 18.796992481203 },
  { 4, 4321, 5000, 0.84, 6.55667779852232, 2288.70943296637, 2277.82582965885, 2283.26763131261 },
  { 5, 999, 300, -1, 74.9297846394943, 111.43023255814, 122.00826446281, 116.719248510475 },
  { 6, 12000, 20000, 0.941583333333333, 1.78708333333333, 8158.58863701034, 7998.6290806272,
    8078.60885881877 },
};

/* The frequencies of @seq's ids below @vocab. */
static guint64 *
frequencies (const guint32 *seq, gsize n, guint64 vocab)
{
  guint64 *freq = g_new0 (guint64, vocab);
  for (gsize i = 0; i < n; i++)
    freq[seq[i]]++;
  return freq;
}

static void
test_sequences_against_oracle (void)
{
  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *label = g_strdup_printf ("case %u", cases[c].seed);
      g_autofree guint32 *seq = sequence (cases[c].seed, cases[c].n, cases[c].vocab);
      double v, f, b;
      DL_ASSERT_TRUE_FOR (label, dl_lexstats_sttr (seq, cases[c].n, &v) == (cases[c].sttr >= 0));
      DL_ASSERT_DOUBLE_NEAR_FOR (label, v, MAX (cases[c].sttr, 0), 1e-12);
      g_autofree guint64 *freq = frequencies (seq, cases[c].n, cases[c].vocab);
      CU_ASSERT_TRUE (dl_lexstats_yule_k (freq, cases[c].vocab, &v));
      DL_ASSERT_DOUBLE_NEAR_FOR (label, v, cases[c].yule_k, 1e-9);
      CU_ASSERT_TRUE (dl_lexstats_mtld (seq, cases[c].n, &f, &b, &v));
      DL_ASSERT_DOUBLE_NEAR_FOR (label, f, cases[c].forward, 1e-9);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, b, cases[c].backward, 1e-9);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, v, cases[c].mtld, 1e-9);
    }
}

static void
test_stream_equals_arrays (void)
{
  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *label = g_strdup_printf ("case %u", cases[c].seed);
      g_autofree guint32 *seq = sequence (cases[c].seed, cases[c].n, cases[c].vocab);
      g_autoptr (DlLexStatsSeq) q = dl_lexstats_seq_new ();
      for (gsize i = 0; i < cases[c].n; i++)
        dl_lexstats_seq_push (q, seq[i]);
      DlLexStats s = { 0 };
      dl_lexstats_seq_finish (q, &s);
      double v, f, b;
      DL_ASSERT_TRUE_FOR (label,
                          dl_lexstats_measure (&s, DL_LEXSTATS_STTR, &v) == (cases[c].sttr >= 0));
      DL_ASSERT_DOUBLE_NEAR_FOR (label, v, MAX (cases[c].sttr, 0), 1e-12);
      DL_ASSERT_INT_EQ_FOR (label, s.chunks, cases[c].n / 1000);
      CU_ASSERT_TRUE (dl_lexstats_seq_mtld (q, &f, &b, &v));
      DL_ASSERT_DOUBLE_NEAR_FOR (label, f, cases[c].forward, 1e-9);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, b, cases[c].backward, 1e-9);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, s.mtld, cases[c].mtld, 1e-9);
    }
}

/* The MTLD of @n pushes of @seq, streamed; its mean in *@mtld. */
static gboolean
seq_mtld (const guint32 *seq, gsize n, double *forward, double *backward, double *mtld)
{
  g_autoptr (DlLexStatsSeq) q = dl_lexstats_seq_new ();
  for (gsize i = 0; i < n; i++)
    dl_lexstats_seq_push (q, seq[i]);
  return dl_lexstats_seq_mtld (q, forward, backward, mtld);
}

static void
test_undefined_values (void)
{
  double v, f, b;
  /* Nothing: no STTR, no Yule's K, no MTLD, and 0 in each. */
  CU_ASSERT_FALSE (dl_lexstats_sttr (NULL, 0, &v));
  CU_ASSERT_FALSE (dl_lexstats_yule_k (NULL, 0, &v));
  CU_ASSERT_FALSE (dl_lexstats_mtld (NULL, 0, &f, &b, &v));
  CU_ASSERT_FALSE (seq_mtld (NULL, 0, &f, &b, &v));
  CU_ASSERT_EQUAL (v, 0);
  DlLexStats zero = { 0 };
  for (int m = 0; m < DL_LEXSTATS_MEASURES; m++)
    {
      CU_ASSERT_FALSE (dl_lexstats_measure (&zero, m, &v));
      CU_ASSERT_EQUAL (v, 0);
    }
  /* Every token distinct: no factor, a remainder of TTR 1 adds none. */
  guint32 distinct[50];
  for (guint i = 0; i < 50; i++)
    distinct[i] = i;
  CU_ASSERT_FALSE (dl_lexstats_mtld (distinct, 50, &f, &b, &v));
  CU_ASSERT_FALSE (seq_mtld (distinct, 50, &f, &b, &v));
  /* One token seven times: a factor every two tokens (1/2 ≤ 0.72), the
   * seventh a remainder of TTR 1: 7 / 3 both ways. */
  guint32 same[7] = { 0 };
  CU_ASSERT_TRUE (seq_mtld (same, 7, &f, &b, &v));
  DL_ASSERT_DOUBLE_NEAR (f, 7.0 / 3, 1e-12);
  DL_ASSERT_DOUBLE_NEAR (b, 7.0 / 3, 1e-12);
  /* A B A B C: forward A B A (2/3) is a factor, B C a remainder of TTR 1
   * adds none: 5 / 1; backward C B A B (3/4) A (3/5) a factor: 5 / 1. */
  guint32 abc[5] = { 0, 1, 0, 1, 2 };
  CU_ASSERT_TRUE (seq_mtld (abc, 5, &f, &b, &v));
  DL_ASSERT_DOUBLE_NEAR (f, 5.0, 1e-12);
  DL_ASSERT_DOUBLE_NEAR (b, 5.0, 1e-12);
  /* A B C A: no factor either way (3/4), the remainder adds
   * (1 − 3/4) / 0.28 = 25/28: 4 · 28 / 25. */
  guint32 abca[4] = { 0, 1, 2, 0 };
  CU_ASSERT_TRUE (seq_mtld (abca, 4, &f, &b, &v));
  DL_ASSERT_DOUBLE_NEAR (v, 4.0 * 28 / 25, 1e-12);
  CU_ASSERT_TRUE (dl_lexstats_mtld (abca, 4, &f, &b, &v));
  DL_ASSERT_DOUBLE_NEAR (v, 4.0 * 28 / 25, 1e-12);
}

static void
test_partial_factors_differ (void)
{
  /* A B A C D: forward A B A (2/3) a factor, C D a remainder of TTR 1:
   * 5 / 1; backward D C A B A never falls to 0.72 (4/5 at the end): a
   * remainder (1 − 4/5) / 0.28 = 5/7, 5 / (5/7) = 7; MTLD 6. */
  guint32 s[5] = { 0, 1, 0, 2, 3 };
  double f, b, v;
  CU_ASSERT_TRUE (seq_mtld (s, 5, &f, &b, &v));
  DL_ASSERT_DOUBLE_NEAR (f, 5.0, 1e-12);
  DL_ASSERT_DOUBLE_NEAR (b, 7.0, 1e-12);
  DL_ASSERT_DOUBLE_NEAR (v, 6.0, 1e-12);
  CU_ASSERT_TRUE (dl_lexstats_mtld (s, 5, &f, &b, &v));
  DL_ASSERT_DOUBLE_NEAR (b, 7.0, 1e-12);
}

static void
test_backward_spilled (void)
{
  /* Sequences longer than the ids kept in memory (here 1,000): the
   * backward pass reads the rest from the temporary file's end, and gives
   * what the array function gives. The first: 10,001 distinct tokens, then
   * ten of the first (a backward factor 10,011 tokens long); then the
   * generated ones, with 0, 1 and several blocks spilled. */
  gsize n = 10011;
  g_autofree guint32 *seq = g_new (guint32, n);
  for (gsize i = 0; i < n; i++)
    seq[i] = i < 10001 ? (guint32) i : 0;
  for (int round = 0; round < 4; round++)
    {
      gsize len = round == 0 ? n : (gsize) (round == 1 ? 999 : round == 2 ? 1000 : 5432);
      if (round > 0)
        {
          g_free (seq);
          seq = sequence (7u + (guint) round, len, 300);
        }
      double f, b, v, f2, b2, v2;
      CU_ASSERT_TRUE (dl_lexstats_mtld (seq, len, &f, &b, &v));
      g_autoptr (DlLexStatsSeq) q = dl_lexstats_seq_new_keeping (1000);
      for (gsize i = 0; i < len; i++)
        dl_lexstats_seq_push (q, seq[i]);
      CU_ASSERT_TRUE (dl_lexstats_seq_mtld (q, &f2, &b2, &v2));
      g_autofree char *label = g_strdup_printf ("%zu tokens", len);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, f2, f, 1e-9);
      DL_ASSERT_DOUBLE_NEAR_FOR (label, b2, b, 1e-9);
      /* Asked again: the same. */
      CU_ASSERT_TRUE (dl_lexstats_seq_mtld (q, &f2, &b2, &v2));
      DL_ASSERT_DOUBLE_NEAR_FOR (label, b2, b, 1e-9);
    }
}

static void
test_growth_and_frequencies (void)
{
  /* English of tests/data/stats/hand.txt, by hand: "The cat sat on the
   * mat and the cat slept / Dogs like cats but cats do not like dogs"; a
   * new word at tokens 1-4, 6, 7, 10-14, 16, 17 (1-based): after k tokens,
   * k = 1..19, 1 2 3 4 4 5 6 6 6 7 8 9 10 11 11 12 13 13 13 types. */
  g_autoptr (DlLexStatsTotal) t = count_hand (1);
  guint64 tokens[40], types[40];
  static const guint64 by_hand[19]
      = { 1, 2, 3, 4, 4, 5, 6, 6, 6, 7, 8, 9, 10, 11, 11, 12, 13, 13, 13 };
  DL_ASSERT_INT_EQ (dl_lexstats_growth (t, DL_LANG_EN, 19, tokens, types), 19);
  for (guint k = 0; k < 19; k++)
    {
      g_autofree char *label = g_strdup_printf ("after %u tokens", k + 1);
      DL_ASSERT_INT_EQ_FOR (label, tokens[k], k + 1);
      DL_ASSERT_INT_EQ_FOR (label, types[k], by_hand[k]);
    }
  /* More points than tokens: one a token, no repeats. */
  DL_ASSERT_INT_EQ (dl_lexstats_growth (t, DL_LANG_EN, 40, tokens, types), 19);
  DL_ASSERT_INT_EQ (tokens[18], 19);
  /* Two copies: the second brings no new word; points at 19 and 38. */
  g_autoptr (DlLexStatsTotal) t2 = count_hand (2);
  DL_ASSERT_INT_EQ (dl_lexstats_growth (t2, DL_LANG_EN, 2, tokens, types), 2);
  DL_ASSERT_INT_EQ (tokens[0], 19);
  DL_ASSERT_INT_EQ (types[0], 13);
  DL_ASSERT_INT_EQ (tokens[1], 38);
  DL_ASSERT_INT_EQ (types[1], 13);
  /* Turkish: 13 tokens, a new word at each but the 5th (kitap) and the
   * 12th (çocuklar): 11 types after 13, 4 after the first 5. */
  DL_ASSERT_INT_EQ (dl_lexstats_growth (t2, DL_LANG_TR, 26, tokens, types), 26);
  DL_ASSERT_INT_EQ (types[4], 4);
  DL_ASSERT_INT_EQ (types[12], 11);
  DL_ASSERT_INT_EQ (types[25], 11);

  /* Frequencies, most frequent first: the 3, cat cats dogs like 2, eight
   * words once; doubled with two copies. */
  guint32 n;
  g_autofree guint64 *freq = dl_lexstats_frequencies (t, DL_LANG_EN, &n);
  DL_ASSERT_INT_EQ (n, 13);
  static const guint64 expected[13] = { 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1 };
  for (guint32 i = 0; i < n; i++)
    DL_ASSERT_INT_EQ_FOR ("rank", freq[i], expected[i]);
  g_autofree guint64 *freq2 = dl_lexstats_frequencies (t2, DL_LANG_EN, &n);
  DL_ASSERT_INT_EQ (n, 13);
  DL_ASSERT_INT_EQ (freq2[0], 6);
  DL_ASSERT_INT_EQ (freq2[12], 2);
}

static void
test_vocabulary_terms (void)
{
  /* English of hand.txt: 13 terms in order of first sight, with their
   * frequencies, the files they occur in, and their Snowball stems. */
  g_autoptr (DlLexStatsTotal) t = count_hand (1);
  guint32 n;
  g_autofree DlLexTerm *terms = dl_lexstats_terms (t, DL_LANG_EN, &n);
  DL_ASSERT_INT_EQ (n, 13);
  g_autoptr (GString) got = g_string_new (NULL);
  for (guint32 i = 0; i < n; i++)
    g_string_append_printf (got, "%s/%s/%" G_GUINT64_FORMAT "/%u ", terms[i].term, terms[i].stem,
                            terms[i].freq, terms[i].range);
  DL_ASSERT_STR_EQ (got->str, "the/the/3/1 cat/cat/2/1 sat/sat/1/1 on/on/1/1 mat/mat/1/1 "
                              "and/and/1/1 slept/slept/1/1 dogs/dog/2/1 like/like/2/1 "
                              "cats/cat/2/1 but/but/1/1 do/do/1/1 not/not/1/1 ");
  /* Three copies: each term in three files, three times as frequent. */
  g_autoptr (DlLexStatsTotal) t3 = count_hand (3);
  g_autofree DlLexTerm *terms3 = dl_lexstats_terms (t3, DL_LANG_EN, &n);
  DL_ASSERT_INT_EQ (n, 13);
  DL_ASSERT_STR_EQ (terms3[7].term, "dogs");
  DL_ASSERT_INT_EQ (terms3[7].freq, 6);
  DL_ASSERT_INT_EQ (terms3[7].range, 3);
  /* A language without tokens has no terms. */
  g_autoptr (DlLexStatsTotal) t0 = count_hand (0);
  g_autofree DlLexTerm *none = dl_lexstats_terms (t0, DL_LANG_EN, &n);
  DL_ASSERT_INT_EQ (n, 0);
}

static void
test_zipf_points (void)
{
  /* 30 types: every rank to 20, then 21 (⌊20 × 1.05⌋ = 21 < 22), 22, 23,
   * 24, 25, 26 (⌊25 × 1.05⌋ = 26), 27, 28, 29, and the last, 30. */
  guint64 freqs[30];
  for (guint i = 0; i < 30; i++)
    freqs[i] = 100 - i;
  double r[200], f[200];
  guint n = dl_lexstats_zipf_points (freqs, 30, 40, r, f);
  DL_ASSERT_INT_EQ (n, 30);
  DL_ASSERT_DOUBLE_NEAR (r[29], 30, 0);
  DL_ASSERT_DOUBLE_NEAR (f[29], 71, 0);
  /* A cap of 5: ranks 1 to 4, then the last. */
  n = dl_lexstats_zipf_points (freqs, 30, 5, r, f);
  DL_ASSERT_INT_EQ (n, 5);
  DL_ASSERT_DOUBLE_NEAR (r[3], 4, 0);
  DL_ASSERT_DOUBLE_NEAR (r[4], 30, 0);
  DL_ASSERT_DOUBLE_NEAR (f[4], 71, 0);
  /* 1,000 types: past rank 20 each point 5% further, never a rank twice. */
  guint64 many[1000];
  for (guint i = 0; i < 1000; i++)
    many[i] = 1000 - i;
  n = dl_lexstats_zipf_points (many, 1000, 200, r, f);
  DL_ASSERT_DOUBLE_NEAR (r[n - 1], 1000, 0);
  for (guint i = 1; i < n; i++)
    DL_ASSERT_TRUE_FOR ("ascending", r[i] > r[i - 1]);
  /* By an independent count: 1 to 40 one apart (⌊r × 1.05⌋ ≤ r + 1 below 40),
   * then 42, 44, 46... 5% apart, and 1000: 111 points of the 200 allowed. */
  DL_ASSERT_INT_EQ (n, 111);
  DL_ASSERT_DOUBLE_NEAR (r[40], 42, 0);
  /* No type, no point. */
  DL_ASSERT_INT_EQ (dl_lexstats_zipf_points (many, 0, 10, r, f), 0);
}

void
test_lexstats_suite (void)
{
  CU_pSuite s = CU_add_suite ("lexstats", NULL, NULL);
  CU_add_test (s, "hand_counted_fixture", test_hand_counted_fixture);
  CU_add_test (s, "totals_merge_files", test_totals_merge_files);
  CU_add_test (s, "sequences_against_the_oracle", test_sequences_against_oracle);
  CU_add_test (s, "the_stream_equals_the_arrays", test_stream_equals_arrays);
  CU_add_test (s, "undefined_values", test_undefined_values);
  CU_add_test (s, "partial_factors_differ", test_partial_factors_differ);
  CU_add_test (s, "backward_spilled", test_backward_spilled);
  CU_add_test (s, "growth_and_frequencies", test_growth_and_frequencies);
  CU_add_test (s, "vocabulary_terms", test_vocabulary_terms);
  CU_add_test (s, "zipf_points", test_zipf_points);
}
