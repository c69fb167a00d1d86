/* assert.c — the got/expected assertions of tests.h: one CUnit assertion
 * each, printing both values and where when it fails. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tests.h"

/* @s quoted, with the escapes a C literal would need (UTF-8 kept as is). */
static char *
quoted (const char *s)
{
  if (s == NULL)
    return g_strdup ("NULL");
  GString *q = g_string_new ("\"");
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    switch (*p)
      {
      case '\n':
        g_string_append (q, "\\n");
        break;
      case '\t':
        g_string_append (q, "\\t");
        break;
      case '"':
      case '\\':
        g_string_append_c (q, '\\');
        g_string_append_c (q, (char) *p);
        break;
      default:
        if (*p < 0x20 || *p == 0x7f)
          g_string_append_printf (q, "\\%03o", *p);
        else
          g_string_append_c (q, (char) *p);
      }
  g_string_append_c (q, '"');
  return g_string_free (q, FALSE);
}

/* Prints the failure (when @holds is FALSE) and records the assertion. */
static gboolean
record (gboolean holds, const char *label, const char *condition, const char *got,
        const char *expected, const char *file, int line)
{
  if (!holds)
    {
      printf ("\n  %s:%d: %s%s%s: got %s, expected %s\n", file, line, label ? label : "",
              label ? ": " : "", condition, got, expected);
      fflush (stdout);
    }
  return CU_assertImplementation (holds ? CU_TRUE : CU_FALSE, (unsigned) line, condition, file, "",
                                  CU_FALSE);
}

gboolean
dl_assert_str_eq (const char *label, const char *got, const char *expected, const char *condition,
                  const char *file, int line)
{
  gboolean holds = got != NULL && expected != NULL ? strcmp (got, expected) == 0 : got == expected;
  g_autofree char *g = quoted (got), *e = quoted (expected);
  return record (holds, label, condition, g, e, file, line);
}

gboolean
dl_assert_str_contains (const char *label, const char *haystack, const char *needle,
                        const char *condition, const char *file, int line)
{
  gboolean holds = haystack != NULL && needle != NULL && strstr (haystack, needle) != NULL;
  g_autofree char *g = quoted (haystack), *n = quoted (needle);
  g_autofree char *e = g_strdup_printf ("a string containing %s", n);
  return record (holds, label, condition, g, e, file, line);
}

gboolean
dl_assert_int_eq (const char *label, gint64 got, gint64 expected, const char *condition,
                  const char *file, int line)
{
  char g[24], e[24];
  g_snprintf (g, sizeof g, "%" G_GINT64_FORMAT, got);
  g_snprintf (e, sizeof e, "%" G_GINT64_FORMAT, expected);
  return record (got == expected, label, condition, g, e, file, line);
}

gboolean
dl_assert_double_near (const char *label, double got, double expected, double tolerance,
                       const char *condition, const char *file, int line)
{
  char g[32], e[64];
  g_snprintf (g, sizeof g, "%.17g", got);
  g_snprintf (e, sizeof e, "%.17g ± %.3g", expected, tolerance);
  /* Written so that NaN fails. */
  return record (fabs (got - expected) <= tolerance, label, condition, g, e, file, line);
}

gboolean
dl_assert_true (const char *label, gboolean holds, const char *condition, const char *file,
                int line)
{
  return record (holds, label, condition, "false", "true", file, line);
}
