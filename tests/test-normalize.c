/* test-normalize.c — case folding by the line's language (the Turkish and
 * English tables of the tokenizer issue), apostrophes, capitals. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "normalize.h"
#include "tests.h"

static void
check_fold (DlNormalizer *norm, DlLang lang, const char *in, const char *expected)
{
  g_autoptr (GString) out = g_string_new (NULL);
  dl_normalizer_fold (norm, lang, in, strlen (in), out);
  g_autofree char *label = g_strdup_printf ("%s %s", dl_lang_code (lang), in);
  DL_ASSERT_STR_EQ_FOR (label, out->str, expected);
  DL_ASSERT_INT_EQ_FOR (label, out->len, strlen (expected));
}

static const struct {
  const char *in, *out;
} turkish[] = {
  { "İSTANBUL", "istanbul" },
  { "ISTANBUL", "ıstanbul" },
  { "Iğdır", "ığdır" },
  { "İŞGAL", "işgal" },
  { "DİYARBAKIR", "diyarbakır" },
  { "IRAK", "ırak" },
  { "Işık", "ışık" },
  { "TÜRKİYE", "türkiye" },
  { "AZERBAYCAN’IN", "azerbaycan'ın" },
  { "Azerbaycan'ın", "azerbaycan'ın" },
  { "Azerbaycanʼın", "azerbaycan'ın" },
  { "Ankara\xC2\xB4nın", "ankara'nın" },     /* U+00B4 ACUTE ACCENT */
  { "ANKARA\xE2\x80\x98NIN", "ankara'nın" }, /* U+2018 */
  { "ÇĞÖŞÜ", "çğöşü" },
  { "KILIÇ", "kılıç" },
  { "i\xCC\x87stanbul", "istanbul" }, /* what a locale-blind lower() leaves */
  { "istanbul", "istanbul" },
};

static const struct {
  const char *in, *out;
} english[] = {
  { "IRAQ", "iraq" },
  { "INDIA", "india" },
  { "It", "it" },
  { "If", "if" },
  { "Istanbul", "istanbul" },
  { "İstanbul", "istanbul" },
  { "TÜRKİYE", "türkiye" },
  { "Azerbaijan’s", "azerbaijan's" },
  { "I\xC2\xB4m", "i'm" },
  { "STRASSE", "strasse" },
  { "Straße", "strasse" },
};

static void
test_fold_turkish_lines (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (norm);
  for (gsize i = 0; i < G_N_ELEMENTS (turkish); i++)
    check_fold (norm, DL_LANG_TR, turkish[i].in, turkish[i].out);
}

static void
test_fold_english_lines (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (norm);
  for (gsize i = 0; i < G_N_ELEMENTS (english); i++)
    check_fold (norm, DL_LANG_EN, english[i].in, english[i].out);
  /* Lines in neither language fold like English ones. */
  check_fold (norm, DL_LANG_OTHER, "IRAK İstanbul", "irak istanbul");
}

static void
test_fold_ignores_process_locale (void)
{
  /* Whatever the process locale says, the line's language decides. */
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  const char *saved = setlocale (LC_ALL, NULL);
  g_autofree char *keep = g_strdup (saved);
  if (setlocale (LC_ALL, "tr_TR.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  check_fold (norm, DL_LANG_EN, "It", "it");
  check_fold (norm, DL_LANG_TR, "It", "ıt");
  setlocale (LC_ALL, keep);
}

static void
test_apostrophes_are_one (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  /* The kinds in order: ' ’ ʼ ´ ‘ ” " (the oracle: their code points). */
  const char *forms[] = { "Rusya'nın",
                          "Rusya’nın",
                          "Rusyaʼnın",
                          "Rusya\xC2\xB4nın",
                          "Rusya\xE2\x80\x98nın",
                          "Rusya\xE2\x80\x9Dnın",
                          "Rusya\"nın" };
  G_STATIC_ASSERT (G_N_ELEMENTS (forms) == DL_APOSTROPHE_KINDS);
  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      dl_normalize_apostrophes (forms[i], strlen (forms[i]), out);
      DL_ASSERT_STR_EQ_FOR (forms[i], out->str, "Rusya'nın");
      const char *end = forms[i] + strlen (forms[i]);
      DL_ASSERT_INT_EQ_FOR (forms[i], dl_apostrophe_kind (forms[i] + 5, end), (int) i);
      g_autofree char *apostrophe = g_strndup (forms[i] + 5, dl_apostrophe_at (forms[i] + 5, end));
      DL_ASSERT_STR_EQ_FOR (forms[i], dl_apostrophe_text ((guint) i), apostrophe);
      DL_ASSERT_INT_EQ_FOR (forms[i], dl_apostrophe_find (forms[i], strlen (forms[i])), 5);
    }
  /* Folding makes every kind the counting one, in both languages, for a
   * form already in lower case too (`tekstilpark"ı` was kept as it was:
   * an ASCII quote passed for folded). */
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (norm);
  const char *lower[] = { "tekstilpark\"ı", "tekstilpark\xE2\x80\x9Dı", "tekstilpark’ı",
                          "Tekstilpark\"ı", "tekstilpark'ı" };
  for (gsize i = 0; i < G_N_ELEMENTS (lower); i++)
    for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
      {
        dl_normalizer_fold (norm, l, lower[i], strlen (lower[i]), out);
        DL_ASSERT_STR_EQ_FOR (lower[i], out->str, "tekstilpark'ı");
      }
  /* A grave accent is no apostrophe (ICU does not keep it in words). */
  CU_ASSERT_EQUAL (dl_apostrophe_find ("Rusya`nın", strlen ("Rusya`nın")), -1);
  CU_ASSERT_EQUAL (dl_apostrophe_find ("Rusya", 5), -1);
  const char *t = "a’b";
  CU_ASSERT_EQUAL (dl_apostrophe_at (t + 1, t + strlen (t)), 3);
  /* A truncated U+2019 is not an apostrophe. */
  CU_ASSERT_EQUAL (dl_apostrophe_at (t + 1, t + 3), 0);
}

static void
test_capitalized (void)
{
  CU_ASSERT_TRUE (dl_is_capitalized ("İstanbul", strlen ("İstanbul")));
  CU_ASSERT_TRUE (dl_is_capitalized ("Işık", strlen ("Işık")));
  CU_ASSERT_TRUE (dl_is_capitalized ("ÇAĞ", strlen ("ÇAĞ")));
  CU_ASSERT_FALSE (dl_is_capitalized ("ırak", strlen ("ırak")));
  CU_ASSERT_FALSE (dl_is_capitalized ("1990", 4));
  CU_ASSERT_FALSE (dl_is_capitalized ("", 0));
}

void
test_normalize_suite (void)
{
  CU_pSuite s = CU_add_suite ("normalize", NULL, NULL);
  CU_add_test (s, "fold_turkish_lines", test_fold_turkish_lines);
  CU_add_test (s, "fold_english_lines", test_fold_english_lines);
  CU_add_test (s, "fold_ignores_process_locale", test_fold_ignores_process_locale);
  CU_add_test (s, "apostrophes_are_one", test_apostrophes_are_one);
  CU_add_test (s, "capitalized", test_capitalized);
}
