/* test-concord.c — KWIC hits and their context: widths in characters at
 * UTF-8 boundaries, wide characters and combining marks, line breaks and
 * tabs, phrases across lines, --words, --sentence, the forms for sorting,
 * the order and deduplication of hits, counts, long inputs. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "concord.h"
#include "tests.h"

static void
collect (const DlConcordHit *h, gpointer user_data)
{
  GString *s = user_data;
  g_string_append_printf (s, "%" G_GUINT64_FORMAT "|%s|%s|%s|%" G_GUINT64_FORMAT, h->line, h->left,
                          h->node, h->right, h->position);
  if (h->forms[0] != NULL)
    for (int i = 0; i < DL_CONCORD_FORMS; i++)
      g_string_append_printf (s, "%c%s", i == 0 ? '#' : ',', h->forms[i]);
  if (h->query > 0)
    g_string_append_printf (s, "|q%u", h->query);
  g_string_append_c (s, '\n');
}

/* The hits of @queries in @text read as a file of language @lang, with
 * @o, into @s (see concord ()). */
static void
concord_once (char *path, GPtrArray *qs, const DlConcordOptions *o, DlLang lang,
              DlConcordStats *stats, GString *s)
{
  g_autoptr (GError) error = NULL;
  DlQueryOptions qo = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
  g_autoptr (DlConcord) c = dl_concord_new ((DlQuery *const *) qs->pdata, qs->len, &qo, o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (c);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  DlDocumentOptions doc = { NULL, TRUE, lang, NULL, NULL, NULL, NULL };
  CU_ASSERT_TRUE (dl_concord_input (c, &input, &doc, NULL, collect, s, stats, &error));
}

/* The hits of @queries (NULL-terminated) in @text read as a file of
 * language @lang, one per line as "line|left|node|right|position", then
 * "#forms" and "|qN" for a query other than the first. The same, tokens
 * counted alike, with the prefilter (with and without token counts). */
static char *
concord (const char *text, const char *const *queries, const DlConcordOptions *o, DlLang lang,
         DlConcordStats *stats)
{
  g_autoptr (GError) error = NULL;
  char *path = dl_test_temp_file ("t.txt", text, -1);
  g_autoptr (GPtrArray) qs = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
  /* "cql:" before a query of the corpus query language. */
  for (guint i = 0; queries[i] != NULL; i++)
    g_ptr_array_add (qs, g_str_has_prefix (queries[i], "cql:")
                             ? dl_query_parse_cql (queries[i] + 4, &error)
                             : dl_query_parse (queries[i], &error));
  DlConcordStats local = { { 0 }, { 0 } }, pre = { { 0 }, { 0 } }, bare = { { 0 }, { 0 } };
  GString *s = g_string_new (NULL);
  concord_once (path, qs, o, lang, stats != NULL ? stats : &local, s);
  DlConcordOptions po = *o;
  po.prefilter = TRUE;
  g_autoptr (GString) ps = g_string_new (NULL);
  concord_once (path, qs, &po, lang, &pre, ps);
  DL_ASSERT_STR_EQ_FOR (text, ps->str, s->str);
  CU_ASSERT_EQUAL (memcmp (&pre, stats != NULL ? stats : &local, sizeof pre), 0);
  po.no_token_counts = TRUE;
  g_string_truncate (ps, 0);
  concord_once (path, qs, &po, lang, &bare, ps);
  DL_ASSERT_STR_EQ_FOR (text, ps->str, s->str);
  CU_ASSERT_EQUAL (memcmp (bare.hits, pre.hits, sizeof pre.hits), 0);
  dl_test_temp_remove (path);
  return g_string_free (s, FALSE);
}

static DlConcordOptions
width_options (guint width)
{
  DlConcordOptions o = { width, 0, FALSE, FALSE, { TRUE, TRUE, TRUE }, FALSE, FALSE, FALSE };
  return o;
}

static void
check (const char *text, const char *query, const DlConcordOptions *o, const char *expected)
{
  const char *const queries[] = { query, NULL };
  g_autofree char *got = concord (text, queries, o, DL_LANG_TR, NULL);
  g_autofree char *label = g_strdup_printf ("%s in %s", query, text);
  DL_ASSERT_STR_EQ_FOR (label, got, expected);
}

static void
test_width_counts_characters_not_bytes (void)
{
  DlConcordOptions o = width_options (5);
  /* ç and ş are two bytes each: five characters, never half of one. */
  check ("çççççççççç savaş şşşşşşşşşş\n", "savaş", &o, "1|çççç |savaş| şşşş|21\n");
  /* Wide characters take two columns: a wide one that does not fit is
   * left out whole. */
  check ("東京東京東京 savaş 東京東京\n", "savaş", &o, "1|東京 |savaş| 東京|19\n");
  o.width = 4;
  check ("東京東京東京 savaş 東京東京\n", "savaş", &o, "1|京 |savaş| 東|19\n");
  /* A combining mark takes none, and never starts the context without its
   * base (q̇ has no precomposed form). */
  o.width = 2;
  check ("q\xcc\x87q\xcc\x87q\xcc\x87 savaş q\xcc\x87y\n", "savaş", &o,
         "1|q\xcc\x87 |savaş| q\xcc\x87|10\n");
  /* Width 0: the node alone. */
  o.width = 0;
  check ("a savaş b\n", "savaş", &o, "1||savaş||2\n");
}

/* A line of marks of width 0 (one column, many characters) before the
 * node: the left context still reaches the line before it, as if every
 * line were kept. */
static void
test_left_context_past_zero_width_marks (void)
{
  DlConcordOptions o = width_options (10);
  g_autoptr (GString) marks = g_string_new ("x");
  for (int i = 0; i < 45; i++)
    g_string_append (marks, "\xcc\x81");
  g_autofree char *text = g_strdup_printf ("aaaa bbbb hhhh iiii\n%s\nsavaş burada\n", marks->str);
  g_autofree char *expected = g_strdup_printf ("3|hh iiii %s |savaş| burada|112\n", marks->str);
  check (text, "savaş", &o, expected);
  /* Soft hyphens (U+00AD, two bytes, counted apart from the other
   * characters below U+0300) take none either. */
  g_string_assign (marks, "x");
  for (int i = 0; i < 45; i++)
    g_string_append (marks, "\xc2\xad");
  g_free (text);
  text = g_strdup_printf ("aaaa bbbb hhhh iiii\n%s\nsavaş burada\n", marks->str);
  g_free (expected);
  expected = g_strdup_printf ("3|hh iiii %s |savaş| burada|112\n", marks->str);
  check (text, "savaş", &o, expected);
}

/* The first line read has no tokens: with the prefilter it is the first
 * one tokenized, on its own (a stream that had tokenized nothing yet gave
 * no tokens as a failure, and the input ended there). */
static void
test_first_line_without_tokens (void)
{
  DlConcordOptions o = width_options (10);
  check ("— — —\nsavaş burada\n", "savaş", &o, "2|— — — |savaş| burada|12\n");
}

static void
test_context_runs_across_lines (void)
{
  DlConcordOptions o = width_options (20);
  /* Line breaks and tabs are shown as spaces; blank lines are no text. */
  check ("alpha\tbeta\n\ngamma savaş delta\nepsilon\n", "savaş", &o,
         "3|alpha beta gamma |savaş| delta epsilon|18\n");
  o.width = 8;
  check ("alpha\tbeta\n\ngamma savaş delta\nepsilon\n", "savaş", &o,
         "3|a gamma |savaş| delta e|18\n");
  /* Control characters (a few: many make the file binary) are shown as
   * spaces too. */
  o.width = 4;
  check ("a\x01"
         "b savaş c\x7f"
         "d\n"
         "and enough plain text after them for the file to pass as text\n",
         "savaş", &o, "1|a b |savaş| c d|4\n");
}

static void
test_phrase_across_a_line_break (void)
{
  DlConcordOptions o = width_options (10);
  check ("Bu Dağlık-\nKarabağ meselesi\n", "\"dağlık karabağ\"", &o,
         "1|Bu |Dağlık- Karabağ| meselesi|3\n");
  /* Nothing but separators between the words: a third word breaks it. */
  check ("Dağlık ve Karabağ\n", "\"dağlık karabağ\"", &o, "");
}

static void
test_words_context (void)
{
  DlConcordOptions o = width_options (0);
  o.words = 2;
  check ("a b c savaş d, e f\n", "savaş", &o, "1|b c |savaş| d, e|6\n");
  check ("savaş d\ne f g\n", "savaş", &o, "1||savaş| d e|0\n");
  check ("x y\nz savaş\n", "savaş", &o, "2|y z |savaş||6\n");
}

static void
test_sentence_context (void)
{
  DlConcordOptions o = width_options (40);
  o.sentence = TRUE;
  check ("First one. Here is savaş in it. Next one.\n", "savaş", &o,
         "1|Here is |savaş| in it.|19\n");
  /* A sentence runs across line breaks. */
  check ("The end. A long\nsentence with savaş\ninside it! Then more.\n", "savaş", &o,
         "2|A long sentence with |savaş| inside it!|30\n");
  /* Still at most --width. */
  o.width = 5;
  check ("First one. Here is savaş in it. Next one.\n", "savaş", &o, "1|e is |savaş| in i|19\n");
}

static void
test_forms_for_sorting (void)
{
  DlConcordOptions o = width_options (3);
  o.forms = TRUE;
  check ("Bir İki Üç SAVAŞ Dört Beş Altı Yedi\n", "savaş", &o,
         "1|Üç |SAVAŞ| Dö|14#bir,iki,üç,savaş,dört,beş,altı\n");
  /* At the edges of the input, the missing forms are empty; a phrase's
   * node form is its words, folded. */
  check ("IRAK SAVAŞI\nsonra\n", "\"ırak savaşı\"", &o,
         "1||IRAK SAVAŞI| so|0#,,,ırak savaşı,sonra,,\n");
}

static void
test_order_and_duplicates (void)
{
  DlConcordOptions o = width_options (0);
  /* Two queries on the same word: one hit, for the first query. */
  const char *const q1[] = { "savaş", "savaş*", NULL };
  g_autofree char *got1 = concord ("savaş savaşı\n", q1, &o, DL_LANG_TR, NULL);
  CU_ASSERT_STRING_EQUAL (got1, "1||savaş||0\n1||savaşı||7|q1\n");
  /* A phrase found after a word it starts before still comes first. */
  const char *const q2[] = { "b", "\"a b\"", NULL };
  g_autofree char *got2 = concord ("a\nb\n", q2, &o, DL_LANG_EN, NULL);
  CU_ASSERT_STRING_EQUAL (got2, "1||a b||0|q1\n2||b||2\n");
}

static void
test_languages_and_counts (void)
{
  /* tr: 5 words and a number, 2 hits; the number counts only if asked. */
  DlConcordOptions o = width_options (0);
  DlConcordStats st = { { 0 }, { 0 } };
  const char *const q[] = { "ırak", NULL };
  g_autofree char *got = concord ("IRAK ve Irak ile irak 2020\n", q, &o, DL_LANG_TR, &st);
  CU_ASSERT_STRING_EQUAL (got, "1||IRAK||0\n1||Irak||8\n");
  CU_ASSERT_EQUAL (st.tokens[DL_LANG_TR], 5);
  CU_ASSERT_EQUAL (st.hits[DL_LANG_TR], 2);
  memset (&st, 0, sizeof st);
  o.count_numbers = TRUE;
  g_free (concord ("IRAK ve Irak ile irak 2020\n", q, &o, DL_LANG_TR, &st));
  CU_ASSERT_EQUAL (st.tokens[DL_LANG_TR], 6);
  /* An English line folds I to i: ırak is not there. */
  g_autofree char *en = concord ("IRAK ve Irak\n", q, &o, DL_LANG_EN, NULL);
  CU_ASSERT_STRING_EQUAL (en, "");
  /* Hits of unwanted languages are not given, nor their tokens counted. */
  o.langs[DL_LANG_TR] = FALSE;
  memset (&st, 0, sizeof st);
  g_autofree char *none = concord ("IRAK ve Irak\n", q, &o, DL_LANG_TR, &st);
  CU_ASSERT_STRING_EQUAL (none, "");
  CU_ASSERT_EQUAL (st.tokens[DL_LANG_TR], 0);
  CU_ASSERT_EQUAL (st.hits[DL_LANG_TR], 0);
}

static void
test_long_input_keeps_few_lines (void)
{
  /* 20000 lines, a hit on each: every hit's context still reaches into
   * the line before, and the line numbers and offsets are right. */
  GString *text = g_string_new (NULL);
  for (int i = 0; i < 20000; i++)
    g_string_append_printf (text, "x%d savaş y\n", i);
  DlConcordOptions o = width_options (6);
  const char *const q[] = { "savaş", NULL };
  g_autofree char *got = concord (text->str, q, &o, DL_LANG_TR, NULL);
  g_auto (GStrv) lines = g_strsplit (got, "\n", -1);
  CU_ASSERT_EQUAL (g_strv_length (lines), 20001);
  CU_ASSERT_STRING_EQUAL (lines[0], "1|x0 |savaş| y x1 |3");
  /* Line n is "x" + the n - 1 digits + 10 bytes; the node is 7 bytes in:
   * 10*12 + 90*13 + 900*14 + 9000*15 + 2344*16 + 7. */
  CU_ASSERT_STRING_EQUAL (lines[12344], "12345|12344 |savaş| y x12|186401");
  CU_ASSERT_STRING_EQUAL (lines[19999], "20000|19999 |savaş| y|308881");
  g_string_free (text, TRUE);
}

/* A seeded text of many short lines: filler words, lines without tokens,
 * long lines, and now and then a word the queries look for. */
static char *
random_text (guint32 seed)
{
  static const char *const filler[]
      = { "bir",  "iki", "ve",       "de",        "Ankara", "—",     "kadın", "1990’da",
          "e.g.", ":D",  "İstanbul", "q\xcc\x83", "sonra",  "barış", "yol",   "Dağlık-" };
  /* Straße and bi̇r (U+0307 after the i) fold to strasse and bir, which
   * their bytes do not spell. */
  static const char *const rare[]
      = { "savaş", "SAVAŞ", "Savaş’ın", "kuzgun", "ırak", "IRAK", "Straße", "bi\xcc\x87r" };
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GString *text = g_string_new (NULL);
  for (int line = 0; line < 4000; line++)
    {
      gint32 kind = g_rand_int_range (rand, 0, 20);
      gint32 n = kind == 0 ? 0 : kind == 1 ? 40 : g_rand_int_range (rand, 1, 8);
      if (kind == 0)
        g_string_append (text, g_rand_boolean (rand) ? "— — —" : "");
      for (gint32 i = 0; i < n; i++)
        {
          gboolean hit = g_rand_int_range (rand, 0, 150) == 0;
          const char *w = hit ? rare[g_rand_int_range (rand, 0, G_N_ELEMENTS (rare))]
                              : filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))];
          g_string_append_printf (text, "%s%s", i > 0 ? " " : "", w);
          if (g_rand_int_range (rand, 0, 12) == 0)
            g_string_append_c (text, '.');
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* The prefilter on long texts, where lines are dropped and regions start
 * and end many times: concord () compares every hit and count with the
 * full pass, for queries whose phrases reach lines away, and every kind
 * of context. */
static void
test_prefilter_on_random_texts (void)
{
  static const char *const queries[][3] = {
    { "savaş", NULL, NULL },
    { "\"savaş *\"", NULL, NULL },
    { "strasse", "\"bir *\"", NULL },
    { "\"* * kuzgun\"", NULL, NULL },
    { "savaş*", NULL, NULL },
    { "ırak", NULL, NULL },
    { "kuzgun", "\"ve savaş\"", NULL },
    /* Regular expressions: the run of letters every form they find
     * holds (a phrase's longest). */
    { "/^sav[aı]/", NULL, NULL },
    { "\"/ır?ak$/ ve\"", NULL, NULL },
    { "/uz.*n/", "\"bir /^kuz/\"", NULL },
    /* CQL: the literal of a condition every match has, wherever it is
     * in the match (prefilter.c's add_cql; test-prefilter.c checks that
     * each of these has one). */
    { "cql:[fold=\"sav.*\"] []{0,3} [fold=\"kuzgun\"]", NULL, NULL },
    { "cql:\"bir\" []{0,9} ([word=\"IRAK\"] | [fold=\"ırak\"]) [word!=\"ve\"]*", NULL, NULL },
    { "cql:[fold=\".*’ın\"] within line", "savaş", NULL },
    { "cql:[]{2} [fold=\"kuzgun\" & lang=\"tr\"] [fold!=\"kuzgun\"]+", NULL, NULL },
    { "cql:[fold!=\"kuzgun\"] \"bir\"", NULL, NULL },
    /* within s: a sentence's start depends on the line before, which the
     * prefilter's pass may not tokenize; concord.c makes no prefilter. */
    { "cql:[fold=\"kuzgun\"] [] within s", "savaş", NULL },
  };
  DlConcordOptions options[8];
  for (int i = 0; i < 8; i++)
    options[i] = width_options ((guint[]){ 0, 8, 40, 0, 0, 20, 3, 0 }[i]);
  options[3].words = 1;
  options[4].words = 4;
  options[5].sentence = TRUE;
  options[6].forms = options[7].forms = TRUE;
  options[7].words = 2;
  guint hits = 0;
  for (guint32 seed = 1; seed <= 2; seed++)
    {
      g_autofree char *text = random_text (seed);
      for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
        for (gsize o = 0; o < G_N_ELEMENTS (options); o++)
          {
            g_autofree char *got = concord (text, queries[q], &options[o], DL_LANG_TR, NULL);
            for (const char *p = got; (p = strchr (p, '\n')) != NULL; p++)
              hits++;
          }
    }
  /* Not vacuous: the rare words are found, thousands of times in all. */
  CU_ASSERT_TRUE (hits > 2000);
}

void
test_concord_suite (void)
{
  CU_pSuite s = CU_add_suite ("concord", NULL, NULL);
  CU_add_test (s, "width_counts_characters_not_bytes", test_width_counts_characters_not_bytes);
  CU_add_test (s, "context_runs_across_lines", test_context_runs_across_lines);
  CU_add_test (s, "first_line_without_tokens", test_first_line_without_tokens);
  CU_add_test (s, "left_context_past_zero_width_marks", test_left_context_past_zero_width_marks);
  CU_add_test (s, "phrase_across_a_line_break", test_phrase_across_a_line_break);
  CU_add_test (s, "words_context", test_words_context);
  CU_add_test (s, "sentence_context", test_sentence_context);
  CU_add_test (s, "forms_for_sorting", test_forms_for_sorting);
  CU_add_test (s, "order_and_duplicates", test_order_and_duplicates);
  CU_add_test (s, "languages_and_counts", test_languages_and_counts);
  CU_add_test (s, "long_input_keeps_few_lines", test_long_input_keeps_few_lines);
  CU_add_test (s, "prefilter_on_random_texts", test_prefilter_on_random_texts);
}
