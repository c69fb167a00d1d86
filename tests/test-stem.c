/* test-stem.c — stems: the hand-checked table of corpus words
 * (tests/data/stems.tsv: Snowball plus derlem's apostrophe rules), proper
 * nouns and numbers. */
#include "config.h"

#include <string.h>

#include "normalize.h"
#include "stem.h"
#include "tests.h"

static char *
stem_of (DlStemmer *st, DlNormalizer *norm, DlLang lang, const char *word, gboolean proper)
{
  g_autoptr (GString) folded = g_string_new (NULL);
  g_autoptr (GString) stem = g_string_new (NULL);
  dl_normalizer_fold (norm, lang, word, strlen (word), folded);
  dl_stemmer_stem (st, lang, folded->str, folded->len, proper, stem);
  return g_strdup (stem->str);
}

static void
test_stem_corpus_words (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStemmer) st = dl_stemmer_new (&error);
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (st);
  g_autofree char *text = NULL;
  CU_ASSERT_FATAL (g_file_get_contents (TEST_DATA ("stems.tsv"), &text, NULL, NULL));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n[DL_LANG_COUNT] = { 0 }, wrong = 0;
  for (guint i = 1; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      CU_ASSERT_EQUAL_FATAL (g_strv_length (f), 3);
      DlLang lang;
      CU_ASSERT_FATAL (dl_lang_parse (f[0], &lang));
      g_autofree char *got = stem_of (st, norm, lang, f[1], FALSE);
      if (strcmp (got, f[2]) != 0)
        {
          fprintf (stderr, "\n  %s %s → %s, expected %s", f[0], f[1], got, f[2]);
          wrong++;
        }
      n[lang]++;
    }
  DL_ASSERT_INT_EQ (wrong, 0);
  CU_ASSERT_TRUE (n[DL_LANG_TR] >= 30);
  CU_ASSERT_TRUE (n[DL_LANG_EN] >= 15);
}

static void
test_stem_proper_nouns (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStemmer) st = dl_stemmer_new (&error);
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  static const struct {
    DlLang lang;
    const char *word;
    gboolean proper;
    const char *stem;
  } table[] = {
    /* Snowball alone cuts the -n of names... */
    { DL_LANG_TR, "Azerbaycan", FALSE, "azerbayca" },
    { DL_LANG_TR, "Ermenistan", FALSE, "ermenista" },
    /* ...which is why names the corpus shows stay whole. */
    { DL_LANG_TR, "Azerbaycan", TRUE, "azerbaycan" },
    { DL_LANG_TR, "AZERBAYCAN’A", FALSE, "azerbaycan" },
    { DL_LANG_TR, "Azerbaycan’ın", FALSE, "azerbaycan" },
    { DL_LANG_TR, "Rusya'nın", FALSE, "rusya" },
    { DL_LANG_TR, "IRAK’TA", FALSE, "ırak" },
    { DL_LANG_EN, "Azerbaijan’s", FALSE, "azerbaijan" },
    { DL_LANG_EN, "Azerbaijan’s", TRUE, "azerbaijan" },
    { DL_LANG_EN, "Ukraine’s", TRUE, "ukraine" },
    { DL_LANG_EN, "Ukraine", FALSE, "ukrain" },
    { DL_LANG_EN, "countries'", FALSE, "countri" },
    { DL_LANG_EN, "country's", FALSE, "countri" },
    /* Numbers lose their suffix, nothing else. */
    { DL_LANG_TR, "1990’ların", FALSE, "1990" },
    { DL_LANG_EN, "1990s", FALSE, "1990s" },
    { DL_LANG_TR, "2.000", FALSE, "2.000" },
    /* Lines in neither language are not stemmed. */
    { DL_LANG_OTHER, "Ilham", FALSE, "ilham" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *got = stem_of (st, norm, table[i].lang, table[i].word, table[i].proper);
      DL_ASSERT_STR_EQ_FOR (table[i].word, got, table[i].stem);
    }
}

static void
test_stem_proper_base (void)
{
  CU_ASSERT_EQUAL (dl_stem_proper_base (DL_LANG_TR, "azerbaycan'ın", strlen ("azerbaycan'ın")),
                   strlen ("azerbaycan"));
  CU_ASSERT_EQUAL (dl_stem_proper_base (DL_LANG_TR, "azerbaycan", 10), 0);
  CU_ASSERT_EQUAL (dl_stem_proper_base (DL_LANG_TR, "1990'lar", 8), 0);
  CU_ASSERT_EQUAL (dl_stem_proper_base (DL_LANG_TR, "'tis", 4), 0);
  /* An English possessive says nothing about proper nouns. */
  CU_ASSERT_EQUAL (dl_stem_proper_base (DL_LANG_EN, "country's", 9), 0);
}

void
test_stem_suite (void)
{
  CU_pSuite s = CU_add_suite ("stem", NULL, NULL);
  CU_add_test (s, "corpus_words", test_stem_corpus_words);
  CU_add_test (s, "proper_nouns", test_stem_proper_nouns);
  CU_add_test (s, "proper_base", test_stem_proper_base);
}
