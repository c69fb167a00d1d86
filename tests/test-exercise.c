/* test-exercise.c — the pieces of exercise.h that stand alone: suffix
 * shapes (Turkish archiphonemes, bases with a softened last letter,
 * apostrophes, English endings) and shuffles that always move something. */
#include "config.h"

#include <string.h>

#include "exercise.h"
#include "tests.h"

static void
check_shape (DlLang lang, const char *word, const char *base, guint n, const char *want)
{
  g_autoptr (GString) out = g_string_new (NULL);
  dl_exercise_suffix_shape (lang, word, base, n, out);
  DL_ASSERT_STR_EQ_FOR (word, out->str, want);
}

static void
test_exercise_suffix_shapes (void)
{
  /* Genitives of back and front vowels are one shape. */
  check_shape (DL_LANG_TR, "savaşın", "savaş", 0, "In");
  check_shape (DL_LANG_TR, "limanın", "liman", 0, "In");
  check_shape (DL_LANG_TR, "kentin", "kent", 0, "In");
  check_shape (DL_LANG_TR, "gönlün", "gönl", 0, "In");
  /* Locatives with d and t, datives with a and e. */
  check_shape (DL_LANG_TR, "kentte", "kent", 0, "DA");
  check_shape (DL_LANG_TR, "savaşta", "savaş", 0, "DA");
  check_shape (DL_LANG_TR, "evde", "ev", 0, "DA");
  check_shape (DL_LANG_TR, "savaşa", "savaş", 0, "A");
  /* A chain of suffixes; its last two letters with n = 2. */
  check_shape (DL_LANG_TR, "savaşlarının", "savaş", 0, "lArInIn");
  check_shape (DL_LANG_TR, "savaşlarının", "savaş", 2, "In");
  /* A softened last letter of the base (kitap → kitabı, çocuk → çocuğu). */
  check_shape (DL_LANG_TR, "kitabı", "kitap", 0, "I");
  check_shape (DL_LANG_TR, "çocuğu", "çocuk", 0, "I");
  check_shape (DL_LANG_TR, "ağacın", "ağaç", 0, "In");
  /* A base that does not begin the word gives the whole word; none too. */
  check_shape (DL_LANG_TR, "etkin", "etk", 0, "In");
  check_shape (DL_LANG_TR, "etkin", "etkin", 0, "");
  check_shape (DL_LANG_TR, "ev", NULL, 0, "Av");
  /* An apostrophe: what follows it. */
  check_shape (DL_LANG_TR, "karabağ’da", "karabağ", 0, "'DA");
  check_shape (DL_LANG_TR, "nato'nun", NULL, 0, "'nIn");
  /* English: the suffix as it is. */
  check_shape (DL_LANG_EN, "fighting", "fight", 0, "ing");
  check_shape (DL_LANG_EN, "wars", "war", 0, "s");
  check_shape (DL_LANG_EN, "war", "war", 0, "");
}

static void
test_exercise_shuffle (void)
{
  char items[6] = "abcdef";
  for (guint32 seed = 0; seed < 200; seed++)
    for (guint n = 2; n <= 6; n++)
      {
        g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
        gpointer p[6];
        for (guint i = 0; i < n; i++)
          p[i] = &items[i];
        dl_exercise_shuffle (p, n, rand);
        /* A permutation, never the order given. */
        guint moved = 0, sum = 0;
        for (guint i = 0; i < n; i++)
          {
            moved += p[i] != &items[i];
            sum += (guint) ((char *) p[i] - items);
          }
        DL_ASSERT_INT_EQ (sum, n * (n - 1) / 2);
        DL_ASSERT_TRUE_FOR ("moved", moved > 0);
      }
  /* One item stays. */
  g_autoptr (GRand) rand = g_rand_new_with_seed (1);
  gpointer one = items;
  dl_exercise_shuffle (&one, 1, rand);
  CU_ASSERT_PTR_EQUAL (one, items);
}

void
test_exercise_suite (void)
{
  CU_pSuite s = CU_add_suite ("exercise", NULL, NULL);
  CU_add_test (s, "suffix shapes", test_exercise_suffix_shapes);
  CU_add_test (s, "shuffle", test_exercise_shuffle);
}
