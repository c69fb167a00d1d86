/* test-units.c — what a unit is: forms are their own units; stems group a
 * word's forms, an apostrophe suffix goes with its base, a name stays whole
 * only when the corpus shows it to be one (capitals inside a multiword name
 * show nothing); headwords; stopwords decided per unit; query words the
 * corpus lacks. Oracle: the rules of doc/DESIGN.md §2 (Units), applied by
 * hand to the texts below. */
#include "config.h"

#include <string.h>

#include "tests.h"
#include "units.h"

/* The key of the unit that @word (folded) names in @u, or "-" for none. */
static const char *
key_of (DlUnits *u, const char *word)
{
  guint32 unit;
  if (!dl_units_find (u, word, strlen (word), &unit))
    return "-";
  return dl_units_key (u, unit);
}

static void
test_units_of_forms (void)
{
  g_autoptr (DlTestUnits) t
      = dl_test_units_new ("Savaş savaşın SAVAŞ’ın", DL_LANG_TR, DL_UNIT_FORM);
  DlUnits *u = dl_test_units_get (t);
  DL_ASSERT_INT_EQ (dl_units_size (u), 3);
  DL_ASSERT_STR_EQ (key_of (u, "savaş"), "savaş");
  DL_ASSERT_STR_EQ (key_of (u, "savaş'ın"), "savaş'ın");
  DL_ASSERT_STR_EQ (key_of (u, "savaşta"), "-");
  guint32 unit;
  CU_ASSERT_TRUE_FATAL (dl_units_find (u, "savaş'ın", strlen ("savaş'ın"), &unit));
  DL_ASSERT_STR_EQ (dl_units_headword (u, unit), "savaş’ın");
  DL_ASSERT_INT_EQ (dl_units_freq (u, unit), 1);
}

static void
test_capitals_inside_names_are_no_evidence (void)
{
  /* Savaşı’nın and Milletler stand inside names (a capitalized neighbour,
   * only spaces between): their capitals and apostrophe show no name, so
   * savaşı’nın is a form of savaş. Ankara’da outside a name shows one, and
   * Ankara is kept whole. */
  g_autoptr (DlTestUnits) t
      = dl_test_units_new ("Bugün Karabağ Savaşı’nın yıl dönümü. Bu savaşı herkes biliyor. "
                           "Dün Birleşmiş Milletler toplandı. Onlar Ankara’da ve Ankara’nın "
                           "sokaklarında.\n",
                           DL_LANG_TR, DL_UNIT_STEM);
  DlUnits *u = dl_test_units_get (t);
  DL_ASSERT_STR_EQ (key_of (u, "savaşı'nın"), "savaş");
  DL_ASSERT_STR_EQ (key_of (u, "savaşı"), "savaş");
  DL_ASSERT_STR_EQ (key_of (u, "ankara'da"), "ankara");
  DL_ASSERT_STR_EQ (key_of (u, "ankara"), "ankara");
  const DlCounter *c = dl_units_counter (u);
  CU_ASSERT_FALSE (dl_counter_is_proper_text (c, DL_LANG_TR, "milletler", strlen ("milletler")));
  CU_ASSERT_FALSE (dl_counter_is_proper_text (c, DL_LANG_TR, "savaşı", strlen ("savaşı")));
  CU_ASSERT_TRUE (dl_counter_is_proper_text (c, DL_LANG_TR, "ankara", strlen ("ankara")));
  /* A closing quote before a suffix stands for the apostrophe: the
   * suffixed title goes with its base's unit. */
  g_autoptr (DlTestUnits) tq = dl_test_units_new ("Dün “Karabağ Savaşı”na dair bir yazı okudum.\n",
                                                  DL_LANG_TR, DL_UNIT_STEM);
  DL_ASSERT_STR_EQ (key_of (dl_test_units_get (tq), "savaşı'na"), "savaş");
  /* A capital standing alone in mid-sentence is evidence. */
  g_autoptr (DlTestUnits) t2 = dl_test_units_new ("Bugün Savaşı anlattı. Dün de Savaşı dinledik.\n",
                                                  DL_LANG_TR, DL_UNIT_STEM);
  DL_ASSERT_STR_EQ (key_of (dl_test_units_get (t2), "savaşı"), "savaşı");
}

static void
test_query_words_the_corpus_lacks (void)
{
  /* savaşlar is not in the text: its stem names the unit of savaşın. */
  g_autoptr (DlTestUnits) t = dl_test_units_new ("savaşın sonu geldi\n", DL_LANG_TR, DL_UNIT_STEM);
  DlUnits *u = dl_test_units_get (t);
  DL_ASSERT_STR_EQ (key_of (u, "savaşlar"), "savaş");
  DL_ASSERT_STR_EQ (key_of (u, "barış"), "-");
}

static void
test_stopwords_are_units (void)
{
  /* bir, biri and birine are one stem unit; the stoplist names bir: the
   * whole unit is a stopword, its frequency all four tokens. */
  g_autoptr (DlTestUnits) t
      = dl_test_units_new ("bir gün biri geldi, birine bir şey dedi\n", DL_LANG_TR, DL_UNIT_STEM);
  DlUnits *stems = dl_test_units_get (t);
  char *path = dl_test_temp_file ("stop.txt", "bir\n", -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  g_autoptr (DlStoplist) sl = dl_stoplist_load (path, norm, &error);
  dl_test_temp_remove (path);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sl);
  g_autoptr (DlStemmer) st = dl_stemmer_new (&error);
  DlUnitsOptions uo = { DL_UNIT_STEM, st, NULL, sl, norm };
  g_autoptr (DlUnits) u = dl_units_new (dl_units_counter (stems), DL_LANG_TR, &uo);
  guint32 unit;
  CU_ASSERT_TRUE_FATAL (dl_units_find (u, "birine", strlen ("birine"), &unit));
  DL_ASSERT_STR_EQ (dl_units_key (u, unit), "bir");
  CU_ASSERT_TRUE (dl_units_is_stopword (u, unit));
  DL_ASSERT_INT_EQ (dl_units_freq (u, unit), 4);
  guint n;
  const guint32 *terms = dl_units_terms (u, unit, &n);
  DL_ASSERT_INT_EQ (n, 3);
  DL_ASSERT_STR_EQ (dl_counter_display (dl_units_counter (u), DL_LANG_TR, terms[0]), "bir");
  CU_ASSERT_TRUE_FATAL (dl_units_find (u, "gün", strlen ("gün"), &unit));
  CU_ASSERT_FALSE (dl_units_is_stopword (u, unit));
  /* As forms, biri and birine are not on the list. */
  DlUnitsOptions fo = { DL_UNIT_FORM, NULL, NULL, sl, norm };
  g_autoptr (DlUnits) f = dl_units_new (dl_units_counter (stems), DL_LANG_TR, &fo);
  CU_ASSERT_TRUE_FATAL (dl_units_find (f, "biri", strlen ("biri"), &unit));
  CU_ASSERT_FALSE (dl_units_is_stopword (f, unit));
  CU_ASSERT_TRUE_FATAL (dl_units_find (f, "bir", strlen ("bir"), &unit));
  CU_ASSERT_TRUE (dl_units_is_stopword (f, unit));
}

void
test_units_suite (void)
{
  CU_pSuite s = CU_add_suite ("units", NULL, NULL);
  CU_add_test (s, "units_of_forms", test_units_of_forms);
  CU_add_test (s, "capitals_inside_names_are_no_evidence",
               test_capitals_inside_names_are_no_evidence);
  CU_add_test (s, "query_words_the_corpus_lacks", test_query_words_the_corpus_lacks);
  CU_add_test (s, "stopwords_are_units", test_stopwords_are_units);
}
