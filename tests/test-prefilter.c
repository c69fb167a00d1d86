/* test-prefilter.c — the lines that can hold a hit: every spelling of a
 * query's literal (case, Turkish I ı İ i, the apostrophes, the characters
 * that fold to a letter), --case keep, patterns by their longest run of
 * letters, phrases by their longest word, characters whose form is not one
 * character where they can give a letter of the literal; the queries that
 * cannot be reduced. */
#include "config.h"

#include <string.h>

#include <unicode/uset.h>
#include <unicode/ustring.h>

#include "normalize.h"
#include "prefilter.h"
#include "tests.h"

/* A prefilter for @query (of the corpus query language after "cql:") as
 * matched with @unit and @casing, or NULL. */
static DlPrefilter *
prefilter_for (const char *query, DlUnit unit, DlCase casing)
{
  g_autoptr (GError) error = NULL;
  DlQuery *q = g_str_has_prefix (query, "cql:") ? dl_query_parse_cql (query + 4, &error)
                                                : dl_query_parse (query, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (q);
  DlQueryOptions o = { .unit = unit, .casing = casing };
  DlMatcher *m = dl_matcher_new (&q, 1, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  DlPrefilter *pf = dl_prefilter_new (&q, 1, &o, m, &error);
  CU_ASSERT_PTR_NULL (error);
  /* The matcher borrows the query (a CQL query's tests). */
  dl_matcher_free (m);
  dl_query_free (q);
  return pf;
}

/* Checks that each of @queries (@n) has a prefilter, if @has, or has none,
 * matched by form with case folded. */
static void
check_has_prefilter (const char *const *queries, gsize n, gboolean has)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (DlPrefilter) pf = prefilter_for (queries[i], DL_UNIT_FORM, DL_CASE_FOLD);
      DL_ASSERT_INT_EQ_FOR (queries[i], pf != NULL, has);
    }
}

typedef struct {
  const char *query;
  DlCase casing;
  const char *line;
  gboolean candidate;
} Case;

static const Case cases[] = {
  /* Turkish I: IRAK is ırak on a Turkish line, irak on others. */
  { "IRAK", DL_CASE_FOLD, "IRAK'ta", TRUE },
  { "IRAK", DL_CASE_FOLD, "Bu Irak’ın sorunu", TRUE },
  { "IRAK", DL_CASE_FOLD, "ırak", TRUE },
  { "IRAK", DL_CASE_FOLD, "irak", TRUE },
  { "IRAK", DL_CASE_FOLD, "İRAK", TRUE },
  { "IRAK", DL_CASE_FOLD, "Iran ve bir ark", FALSE },
  { "ırak", DL_CASE_FOLD, "IRAK", TRUE },
  { "ırak", DL_CASE_FOLD, "irak", FALSE },
  { "istanbul", DL_CASE_FOLD, "İSTANBUL’da", TRUE },
  { "istanbul", DL_CASE_FOLD, "Istanbul", TRUE },
  { "istanbul", DL_CASE_FOLD, "ıstanbul", FALSE },
  { "İSTANBUL", DL_CASE_FOLD, "istanbul", TRUE },
  /* Other letters both ways, and what folds to them: ſ is s. */
  { "SAVAŞ", DL_CASE_FOLD, "savaş", TRUE },
  { "SAVAŞ", DL_CASE_FOLD, "Savaş", TRUE },
  { "savaş", DL_CASE_FOLD, "SAVAŞ", TRUE },
  { "savaş", DL_CASE_FOLD, "ſavaş", TRUE },
  { "savaş", DL_CASE_FOLD, "savas sava ş", FALSE },
  { "güç", DL_CASE_FOLD, "GÜÇ", TRUE },
  { "ÖĞRENCİ", DL_CASE_FOLD, "öğrenci", TRUE },
  { "kelvin", DL_CASE_FOLD,
    "\xe2\x84\xaa"
    "ELVIN",
    TRUE },
  /* Apostrophes: any of them where the query has one. */
  { "Karabağ'da", DL_CASE_FOLD, "KARABAĞ’DA", TRUE },
  { "Karabağ'da", DL_CASE_FOLD, "Karabağʼda", TRUE },
  { "Karabağ'da", DL_CASE_FOLD, "Karabağ´da", TRUE },
  { "Karabağ'da", DL_CASE_FOLD, "Karabağ‘da", TRUE },
  { "Karabağ'da", DL_CASE_FOLD, "“Karabağ”da", TRUE },
  { "Karabağ'da", DL_CASE_FOLD, "Karabağda", FALSE },
  /* --case keep: as written, apostrophes still one. */
  { "Savaş", DL_CASE_KEEP, "Savaş", TRUE },
  { "Savaş", DL_CASE_KEEP, "savaş SAVAŞ", FALSE },
  { "Karabağ'da", DL_CASE_KEEP, "Karabağ’da", TRUE },
  { "Karabağ'da", DL_CASE_KEEP, "KARABAĞ’DA", FALSE },
  /* Patterns: their longest run of letters. */
  { "savaş*", DL_CASE_FOLD, "SAVAŞLARIN", TRUE },
  { "savaş*", DL_CASE_FOLD, "sava", FALSE },
  { "*karabağ*", DL_CASE_FOLD, "Dağlık-Karabağ’da", TRUE },
  { "k?d?n", DL_CASE_FOLD, "KADIN", TRUE },
  { "k?d?n", DL_CASE_FOLD, "adın", FALSE },
  { "sav*şlar", DL_CASE_FOLD, "SAVAŞLAR", TRUE },
  /* Regular expressions: the longest run of letters of what they find,
   * folded (a run stops at an escape, a set or a group; a letter a
   * quantifier may leave out is not in it). */
  { "/^ermeni/", DL_CASE_FOLD, "ERMENİLER", TRUE },
  { "/^ermeni/", DL_CASE_FOLD, "Erme ni", FALSE },
  { "/sav[aı]ş/", DL_CASE_FOLD, "SAVUNMA", TRUE },
  { "/sav[aı]ş/", DL_CASE_FOLD, "sa v", FALSE },
  { "/kara.*ğ/", DL_CASE_FOLD, "KARA", TRUE },
  { "/kara.*ğ/", DL_CASE_FOLD, "kar ağ", FALSE },
  { "/abcd?e/", DL_CASE_FOLD, "ABCE", TRUE },
  { "/abcd?e/", DL_CASE_FOLD, "abd", FALSE },
  { "/Erm/", DL_CASE_KEEP, "Ermeni", TRUE },
  { "/Erm/", DL_CASE_KEEP, "ERMENİ", FALSE },
  /* Phrases: their longest word (a line of the phrase may lack it). */
  { "\"dağlık karabağ\"", DL_CASE_FOLD, "KARABAĞ meselesi", TRUE },
  { "\"dağlık karabağ\"", DL_CASE_FOLD, "Bu Dağlık-", FALSE },
  { "\"savaş *\"", DL_CASE_FOLD, "Savaş", TRUE },
  { "\"savaş *\"", DL_CASE_FOLD, "bitti", FALSE },
  /* Characters whose form is not one character: a line with one that
   * may give a character of the literal (ß: ss; ŉ: ’n; U+0307, which
   * folding drops after an i, parts the i from what follows). */
  { "strasse", DL_CASE_FOLD, "Straße", TRUE },
  { "savaş", DL_CASE_FOLD, "Straße", TRUE },
  { "abalka", DL_CASE_FOLD, "Straße", FALSE },
  { "ne", DL_CASE_FOLD, "ŉ", TRUE },
  { "savaş", DL_CASE_FOLD, "ŉ", FALSE },
  { "bir", DL_CASE_FOLD, "bi\xcc\x87r", TRUE },
  { "savaş", DL_CASE_FOLD, "si\xcc\x87r", FALSE },
  { "savaş", DL_CASE_FOLD, "东京 ȧ é", FALSE },
  /* Precomposed characters that fold to their decomposition (ǰ → j +
   * U+030C) or to another character (U+1FBE → ι) though they are not
   * Changes_When_Casefolded. */
  { "ǰ", DL_CASE_FOLD, "ǰ", TRUE },
  { "ǰa", DL_CASE_FOLD, "ǰA", TRUE },
  { "ιx", DL_CASE_FOLD, "\xe1\xbe\xbeX", TRUE },
  /* CQL: a test on the folded form searches its literal as it is... */
  { "cql:[fold=\"ırak\"]", DL_CASE_FOLD, "IRAK’ta", TRUE },
  { "cql:[fold=\"ırak\"]", DL_CASE_FOLD, "irak", FALSE },
  { "cql:[fold=\"savaş.*\"]", DL_CASE_FOLD, "SAVAŞLARIN", TRUE },
  { "cql:[fold=\".*karabağ’da\"]", DL_CASE_FOLD, "Dağlık-KARABAĞ'DA", TRUE },
  /* ... one on the form as written, folded in each language. */
  { "cql:[word=\"IRAK\"]", DL_CASE_FOLD, "ırak", TRUE },
  { "cql:[word=\"IRAK\"]", DL_CASE_FOLD, "irak", TRUE },
  { "cql:[word=\"Savaş\"]", DL_CASE_KEEP, "Savaş", TRUE },
  { "cql:[word=\"Savaş\"]", DL_CASE_KEEP, "SAVAŞ", FALSE },
  /* The condition every match has a token of, the longer literal, not
   * one a condition can do without (!=) or an optional one. */
  { "cql:[fold=\"sonra\"] \"savaşta\"", DL_CASE_FOLD, "sonra", FALSE },
  { "cql:[fold=\"sonra\"] \"savaşta\"", DL_CASE_FOLD, "Savaşta", TRUE },
  { "cql:[fold!=\"kuzgunlar\"] \"bir\"", DL_CASE_FOLD, "kuzgunlar", FALSE },
  { "cql:[fold!=\"kuzgunlar\"] \"bir\"", DL_CASE_FOLD, "BİR", TRUE },
  { "cql:\"kuzgunlar\"? \"bir\"", DL_CASE_FOLD, "kuzgunlar", FALSE },
  { "cql:[fold=\"kuzgunlar\" & lang=\"tr\"] \"bir\"", DL_CASE_FOLD, "bir", FALSE },
  /* Each part of an alternative. */
  { "cql:\"savaş\" | [fold=\"barış\"]", DL_CASE_FOLD, "BARIŞ", TRUE },
  { "cql:\"savaş\" | [fold=\"barış\"]", DL_CASE_FOLD, "savaş", TRUE },
  { "cql:\"savaş\" | [fold=\"barış\"]", DL_CASE_FOLD, "yol", FALSE },
};

static void
test_candidate_lines (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr (DlPrefilter) pf = prefilter_for (c->query, DL_UNIT_FORM, c->casing);
      CU_ASSERT_PTR_NOT_NULL_FATAL (pf);
      gboolean got = dl_prefilter_line (pf, c->line, strlen (c->line));
      g_autofree char *label = g_strdup_printf ("%s in %s", c->query, c->line);
      DL_ASSERT_INT_EQ_FOR (label, got, c->candidate);
    }
}

/* The spellings: a letter and its capital (s: ſ too, k: the Kelvin sign,
 * i: I and İ, ı: I), for the literal of each language. */
static void
test_spellings (void)
{
  g_autoptr (DlPrefilter) savas = prefilter_for ("savaş", DL_UNIT_FORM, DL_CASE_FOLD);
  /* s S ſ × a A × v V × a A × ş Ş; Turkish and English alike. */
  DL_ASSERT_INT_EQ (dl_prefilter_spellings (savas, 0), 3 * 2 * 2 * 2 * 2);
  g_autoptr (DlPrefilter) irak = prefilter_for ("IRAK", DL_UNIT_FORM, DL_CASE_FOLD);
  /* ırak: ı I; irak: i I İ; then r R, a A, k K K (Kelvin). */
  DL_ASSERT_INT_EQ (dl_prefilter_spellings (irak, 0), 2 * 2 * 2 * 3 + 3 * 2 * 2 * 3);
  g_autoptr (DlPrefilter) keep = prefilter_for ("Savaş", DL_UNIT_FORM, DL_CASE_KEEP);
  DL_ASSERT_INT_EQ (dl_prefilter_spellings (keep, 0), 1);
  g_autoptr (DlPrefilter) da = prefilter_for ("b'c", DL_UNIT_FORM, DL_CASE_KEEP);
  DL_ASSERT_INT_EQ (dl_prefilter_spellings (da, 0), DL_APOSTROPHE_KINDS);
  /* CQL: a folded form's literal once; the form as written folded in
   * each language, once where the folds agree. */
  g_autoptr (DlPrefilter) fold = prefilter_for ("cql:[fold=\"ırak\"]", DL_UNIT_FORM, DL_CASE_FOLD);
  DL_ASSERT_INT_EQ (dl_prefilter_spellings (fold, 0), 2 * 2 * 2 * 3);
  g_autoptr (DlPrefilter) word = prefilter_for ("cql:\"IRAK\"", DL_UNIT_FORM, DL_CASE_FOLD);
  DL_ASSERT_INT_EQ (dl_prefilter_spellings (word, 0), 2 * 2 * 2 * 3 + 3 * 2 * 2 * 3);
  g_autoptr (DlPrefilter) same = prefilter_for ("cql:\"savaş\"", DL_UNIT_FORM, DL_CASE_FOLD);
  DL_ASSERT_INT_EQ (dl_prefilter_spellings (same, 0), 3 * 2 * 2 * 2 * 2);
  /* The CQL queries test-concord.c compares over random texts: each has
   * a prefilter. */
  static const char *const concord_cql[]
      = { "cql:[fold=\"sav.*\"] []{0,3} [fold=\"kuzgun\"]",
          "cql:\"bir\" []{0,9} ([word=\"IRAK\"] | [fold=\"ırak\"]) [word!=\"ve\"]*",
          "cql:[fold=\".*’ın\"] within line",
          "cql:[]{2} [fold=\"kuzgun\" & lang=\"tr\"] [fold!=\"kuzgun\"]+",
          "cql:[fold!=\"kuzgun\"] \"bir\"" };
  check_has_prefilter (concord_cql, G_N_ELEMENTS (concord_cql), TRUE);
}

/* Regular expressions that may find a form without any given letters,
 * patterns without letters and words compared by unit have no literal:
 * every line is needed. */
static void
test_queries_without_literal (void)
{
  static const char *const none[] = { "/^(ermeni|türk)/", "/[0-9]+/", "/\\w+lar/", "/a?b*/",
                                      "/ermeni|türk/",    "*",        "???",       "\"* ?\"" };
  check_has_prefilter (none, G_N_ELEMENTS (none), FALSE);
  g_autoptr (DlPrefilter) stem = prefilter_for ("savaş", DL_UNIT_STEM, DL_CASE_FOLD);
  CU_ASSERT_PTR_NULL (stem);
  g_autoptr (DlPrefilter) lemma = prefilter_for ("\"olan savaş\"", DL_UNIT_LEMMA, DL_CASE_FOLD);
  CU_ASSERT_PTR_NULL (lemma);
  /* CQL queries whose every match need not hold a literal: tests of
   * units and languages, %c, an alternative inside a test or inside a
   * condition or beside a part without one, the folded form with case
   * kept. */
  static const char *const cql_none[] = { "cql:[lemma=\"savaş\"]",
                                          "cql:[stem=\"savaş\"] [lang=\"tr\"]",
                                          "cql:[word=\"savaş\"%c]",
                                          "cql:[fold=\"(savaş|barış)\"]",
                                          "cql:[fold=\"savaş\" | fold=\"barış\"]",
                                          "cql:\"savaş\" | [lemma=\"barış\"]",
                                          "cql:\"savaş\"? []",
                                          "cql:[fold=\"[0-9]+\"]" };
  check_has_prefilter (cql_none, G_N_ELEMENTS (cql_none), FALSE);
  g_autoptr (DlPrefilter) kept = prefilter_for ("cql:[fold=\"savaş\"]", DL_UNIT_FORM, DL_CASE_KEEP);
  CU_ASSERT_PTR_NULL (kept);
  /* A pattern beside a word compared by unit: the pattern's letters. */
  g_autoptr (DlPrefilter) mixed = prefilter_for ("\"olan savaş*\"", DL_UNIT_STEM, DL_CASE_FOLD);
  CU_ASSERT_PTR_NOT_NULL_FATAL (mixed);
  CU_ASSERT_TRUE (dl_prefilter_line (mixed, "SAVAŞI", strlen ("SAVAŞI")));
  CU_ASSERT_FALSE (dl_prefilter_line (mixed, "olan", 4));
}

/* Several queries: a line is a candidate for any of them. */
static void
test_several_queries (void)
{
  g_autoptr (GError) error = NULL;
  DlQuery *q[2] = { dl_query_parse ("savaş", &error), dl_query_parse ("barış*", &error) };
  DlQueryOptions o = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
  g_autoptr (DlMatcher) m = dl_matcher_new (q, 2, &o, &error);
  g_autoptr (DlPrefilter) pf = dl_prefilter_new (q, 2, &o, m, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (pf);
  CU_ASSERT_TRUE (dl_prefilter_line (pf, "BARIŞIN", strlen ("BARIŞIN")));
  CU_ASSERT_TRUE (dl_prefilter_line (pf, "Savaş", strlen ("Savaş")));
  CU_ASSERT_FALSE (dl_prefilter_line (pf, "barınak sava", strlen ("barınak sava")));
  dl_query_free (q[0]);
  dl_query_free (q[1]);
}

/* DL_PREFILTER_CHANGING and U+0307, which folding drops after an i: the
 * characters the prefilter files by their forms (uset_close it). */
static USet *
changing_set (void)
{
  UErrorCode st = U_ZERO_ERROR;
  UChar pattern[sizeof DL_PREFILTER_CHANGING];
  u_uastrcpy (pattern, DL_PREFILTER_CHANGING);
  USet *set = uset_openPattern (pattern, -1, &st);
  CU_ASSERT_FATAL (U_SUCCESS (st));
  uset_add (set, 0x0307);
  return set;
}

/* Every character whose form is not one character, in some language, is
 * looked for where it can give a letter of the literal, and only there:
 * a line of it alone is a candidate for the pattern *g* of each letter g
 * of its forms that is its own form, and for *q* only if a form has a q
 * or none. The forms are
 * the matcher's, the characters every one the normalizer changes. */
static void
test_special_characters (void)
{
  g_autoptr (GError) error = NULL;
  DlQuery *x = dl_query_parse ("x", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (x);
  DlQueryOptions o = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
  DlMatcher *m = dl_matcher_new (&x, 1, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  g_autoptr (GHashTable) filters
      = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) dl_prefilter_free);
  g_autoptr (DlPrefilter) q = prefilter_for ("*q*", DL_UNIT_FORM, DL_CASE_FOLD);
  CU_ASSERT_PTR_NOT_NULL_FATAL (q);
  UErrorCode st = U_ZERO_ERROR;
  USet *set = changing_set ();
  g_autoptr (GString) form = g_string_new (NULL);
  guint specials = 0, letters = 0, skipped = 0;
  for (int32_t r = 0; r < uset_getItemCount (set); r++)
    {
      UChar32 a, b;
      if (uset_getItem (set, r, &a, &b, NULL, 0, &st) != 0)
        continue;
      for (UChar32 u = a; u <= b; u++)
        {
          char buf[8];
          gint n = g_unichar_to_utf8 ((gunichar) u, buf);
          buf[n] = '\0';
          gboolean special = u == 0x0307, has_q = FALSE, none = FALSE;
          g_autoptr (GArray) gives = g_array_new (FALSE, FALSE, sizeof (gunichar));
          /* Dropped after an i, it parts the i from what follows. */
          if (u == 0x0307)
            g_array_append_val (gives, (gunichar){ 'i' });
          for (int l = 0; l < DL_LANG_COUNT; l++)
            {
              dl_matcher_form (m, (DlLang) l, buf, (gsize) n, form);
              glong k;
              g_autofree gunichar *f = g_utf8_to_ucs4_fast (form->str, (glong) form->len, &k);
              if (k == 1)
                continue;
              special = TRUE;
              none = none || k == 0;
              for (glong i = 0; i < k; i++)
                {
                  has_q = has_q || f[i] == 'q';
                  g_array_append_val (gives, f[i]);
                }
            }
          if (!special)
            continue;
          specials++;
          g_autofree char *label = g_strdup_printf ("U+%04X", (guint) u);
          DL_ASSERT_INT_EQ_FOR (label, dl_prefilter_line (q, buf, (gsize) n), has_q || none);
          for (guint i = 0; i < gives->len; i++)
            {
              gunichar g = g_array_index (gives, gunichar, i);
              /* A pattern's literal is g if g is its own form (U+02BC,
               * which ŉ gives, is an apostrophe: the pattern's is ’). */
              char gb[8];
              gint gn = g_unichar_to_utf8 (g, gb);
              gb[gn] = '\0';
              gboolean own = g_unichar_isalpha (g);
              for (int l = 0; own && l < DL_LANG_COUNT; l++)
                {
                  dl_matcher_form (m, (DlLang) l, gb, (gsize) gn, form);
                  own = strcmp (form->str, gb) == 0;
                }
              if (!own)
                {
                  skipped++;
                  continue;
                }
              DlPrefilter *pf = g_hash_table_lookup (filters, GUINT_TO_POINTER (g));
              if (pf == NULL)
                {
                  g_autofree char *query = g_strdup_printf ("*%s*", gb);
                  pf = prefilter_for (query, DL_UNIT_FORM, DL_CASE_FOLD);
                  CU_ASSERT_PTR_NOT_NULL_FATAL (pf);
                  g_hash_table_insert (filters, GUINT_TO_POINTER (g), pf);
                }
              letters++;
              g_autofree char *each = g_strdup_printf ("U+%04X for U+%04X", (guint) u, g);
              DL_ASSERT_TRUE_FOR (each, dl_prefilter_line (pf, buf, (gsize) n));
            }
        }
    }
  uset_close (set);
  dl_matcher_free (m);
  dl_query_free (x);
  /* Not vacuous: ß, ŉ, the ligatures, Greek with its accents... */
  CU_ASSERT_TRUE (specials > 100);
  CU_ASSERT_TRUE (letters > 200);
  CU_ASSERT_TRUE (skipped < letters);
}

/* What the spellings rest on: the normalizer changes no character, in any
 * language, but those the prefilter looks at (ICU's Changes_When_Casefolded,
 * the apostrophes, U+0307). Every code point is tried. */
static void
test_only_casefolded_characters_change (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (norm);
  USet *set = changing_set ();
  for (guint k = 0; k < DL_APOSTROPHE_KINDS; k++)
    uset_add (set, (UChar32) g_utf8_get_char (dl_apostrophe_text (k)));
  g_autoptr (GString) out = g_string_new (NULL);
  guint changed = 0, outside = 0;
  for (gunichar u = 1; u < 0x110000; u++)
    {
      if (u >= 0xD800 && u < 0xE000)
        continue;
      char buf[6];
      gint n = g_unichar_to_utf8 (u, buf);
      for (int l = 0; l < DL_LANG_COUNT; l++)
        {
          dl_normalizer_fold (norm, (DlLang) l, buf, (gsize) n, out);
          if (out->len == (gsize) n && memcmp (out->str, buf, (gsize) n) == 0)
            continue;
          changed++;
          if (!uset_contains (set, (UChar32) u))
            {
              outside++;
              g_autofree char *label = g_strdup_printf ("U+%04X", u);
              DL_ASSERT_TRUE_FOR (label, FALSE);
            }
        }
    }
  uset_close (set);
  DL_ASSERT_INT_EQ (outside, 0);
  /* Not vacuous: A-Z, the apostrophes, Greek, Cyrillic... */
  CU_ASSERT_TRUE (changed > 3000);
}

void
test_prefilter_suite (void)
{
  CU_pSuite s = CU_add_suite ("prefilter", NULL, NULL);
  CU_add_test (s, "candidate_lines", test_candidate_lines);
  CU_add_test (s, "spellings", test_spellings);
  CU_add_test (s, "queries_without_literal", test_queries_without_literal);
  CU_add_test (s, "several_queries", test_several_queries);
  CU_add_test (s, "special_characters", test_special_characters);
  CU_add_test (s, "only_casefolded_characters_change", test_only_casefolded_characters_change);
}
