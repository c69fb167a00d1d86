/* test-number.c — whole numbers read by hand (src/lib/number.c): what is a
 * number and what is not, the bounds, numbers from the environment; and
 * their comparators. */
#include "config.h"

#include <stdlib.h>

#include "number.h"
#include "tests.h"

static void
test_parse_unsigned (void)
{
  static const struct {
    const char *text;
    guint base;
    guint64 min, max;
    gboolean ok;
    guint64 value;
  } cases[] = {
    { "0", 10, 0, 10, TRUE, 0 },
    { "2000", 10, 1, 262144, TRUE, 2000 },
    { "007", 10, 1, 10, TRUE, 7 },
    { "18446744073709551615", 10, 0, G_MAXUINT64, TRUE, G_MAXUINT64 },
    { "18446744073709551616", 10, 0, G_MAXUINT64, FALSE, 0 }, /* over 64 bits */
    { "99999999999999999999999", 10, 0, G_MAXUINT64, FALSE, 0 },
    { "262145", 10, 1, 262144, FALSE, 0 }, /* over @max */
    { "0", 10, 1, 10, FALSE, 0 },          /* under @min */
    { "", 10, 0, 10, FALSE, 0 },
    { " 5", 10, 0, 10, FALSE, 0 },
    { "5 ", 10, 0, 10, FALSE, 0 },
    { "+5", 10, 0, 10, FALSE, 0 },
    { "-5", 10, 0, 10, FALSE, 0 },
    { "5a", 10, 0, 100, FALSE, 0 },
    { "1e3", 10, 0, 10000, FALSE, 0 },
    { "0x10", 16, 0, 100, FALSE, 0 },
    { "ff", 16, 0, 1000, TRUE, 255 },
    { "DeadBeef", 16, 0, G_MAXUINT32, TRUE, 0xdeadbeef },
    { "ffffffffffffffff", 16, 0, G_MAXUINT64, TRUE, G_MAXUINT64 },
    { "10000000000000000", 16, 0, G_MAXUINT64, FALSE, 0 },
    { "fg", 16, 0, 1000, FALSE, 0 },
    { "٣", 10, 0, 10, FALSE, 0 }, /* an Arabic-Indic three */
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint64 v = 12345;
      gboolean ok
          = dl_parse_unsigned (cases[i].text, cases[i].base, cases[i].min, cases[i].max, &v);
      DL_ASSERT_INT_EQ_FOR (cases[i].text, ok, cases[i].ok);
      /* Untouched when it is not a number. */
      DL_ASSERT_INT_EQ_FOR (cases[i].text, v, cases[i].ok ? cases[i].value : 12345);
    }
  guint64 v = 1;
  CU_ASSERT_FALSE (dl_parse_unsigned (NULL, 10, 0, 10, &v));
}

static void
test_env_number (void)
{
  const char *name = "DERLEM_TEST_NUMBER";
  g_unsetenv (name);
  DL_ASSERT_INT_EQ (dl_env_number (name, 100, 42), 42);
  static const struct {
    const char *value;
    guint64 got;
  } cases[] = { { "7", 7 }, { "100", 100 }, { "101", 42 }, { "0", 42 }, { "x", 42 }, { "", 42 } };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_setenv (name, cases[i].value, TRUE);
      DL_ASSERT_INT_EQ_FOR (cases[i].value, dl_env_number (name, 100, 42), cases[i].got);
    }
  g_unsetenv (name);
}

/* The comparators order the whole range: a difference of the two (a
 * common shortcut) takes 0 for above G_MAXUINT32 and a wrapped sign for
 * numbers over half of it. */
static void
test_compare (void)
{
  guint32 a[] = { G_MAXUINT32, 0, 1u << 31, 7, (1u << 31) - 1, 7, 1 };
  guint32 a_sorted[] = { 0, 1, 7, 7, (1u << 31) - 1, 1u << 31, G_MAXUINT32 };
  qsort (a, G_N_ELEMENTS (a), sizeof a[0], dl_compare_u32);
  for (gsize i = 0; i < G_N_ELEMENTS (a); i++)
    DL_ASSERT_INT_EQ (a[i], a_sorted[i]);
  guint32 x = 0, y = G_MAXUINT32;
  DL_ASSERT_INT_EQ (dl_compare_u32 (&x, &y), -1);
  DL_ASSERT_INT_EQ (dl_compare_u32 (&y, &x), 1);
  DL_ASSERT_INT_EQ (dl_compare_u32 (&y, &y), 0);

  guint64 b[] = { G_MAXUINT64, 5, G_GUINT64_CONSTANT (1) << 63, 0, G_MAXUINT32 + (guint64) 1 };
  guint64 b_sorted[]
      = { 0, 5, G_MAXUINT32 + (guint64) 1, G_GUINT64_CONSTANT (1) << 63, G_MAXUINT64 };
  qsort (b, G_N_ELEMENTS (b), sizeof b[0], dl_compare_u64);
  for (gsize i = 0; i < G_N_ELEMENTS (b); i++)
    DL_ASSERT_INT_EQ (b[i], b_sorted[i]);
  guint64 u = 1, v = G_GUINT64_CONSTANT (1) << 32 | 1;
  DL_ASSERT_INT_EQ (dl_compare_u64 (&u, &v), -1);
  DL_ASSERT_INT_EQ (dl_compare_u64 (&v, &u), 1);
  DL_ASSERT_INT_EQ (dl_compare_u64 (&v, &v), 0);
  /* A bsearch with it finds what is there and nothing else. */
  guint32 there = 7, absent = 8;
  CU_ASSERT_PTR_NOT_NULL (bsearch (&there, a, G_N_ELEMENTS (a), sizeof a[0], dl_compare_u32));
  CU_ASSERT_PTR_NULL (bsearch (&absent, a, G_N_ELEMENTS (a), sizeof a[0], dl_compare_u32));
}

void
test_number_suite (void)
{
  CU_pSuite s = CU_add_suite ("number", NULL, NULL);
  CU_add_test (s, "parse_unsigned", test_parse_unsigned);
  CU_add_test (s, "env_number", test_env_number);
  CU_add_test (s, "compare", test_compare);
}
