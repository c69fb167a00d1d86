/* test-vrt.c — vrt.h's escaping and attribute names, as tables. The
 * oracle: XML 1.0's predefined entities and Char production, and what
 * cwb-encode -x decodes (&lt; &gt; &amp; &quot; &apos;, no numeric
 * reference) and takes as a name (a-z, 0-9, _; CQP reads '-' as minus). */
#include "config.h"

#include <string.h>

#include "tests.h"
#include "vrt.h"

static void
test_vrt_escape_table (void)
{
  static const struct {
    const char *in, *out;
  } cases[] = {
    { "a<b", "a&lt;b" },
    { "x & \"y\" 'z' >", "x &amp; &quot;y&quot; &apos;z&apos; &gt;" },
    { "Azerbaycan’ın", "Azerbaycan’ın" },
    { "İŞGAL ırak", "İŞGAL ırak" },
    { "tab\there\nnl", "tab\xEF\xBF\xBDhere\xEF\xBF\xBDnl" },
    { "esc\033[2J del\x7F", "esc\xEF\xBF\xBD[2J del\xEF\xBF\xBD" },
    { "c1\xC2\x85 \xC2\x9F", "c1\xEF\xBF\xBD \xEF\xBF\xBD" },
    { "nonchar\xEF\xBF\xBE\xEF\xBF\xBF", "nonchar\xEF\xBF\xBD\xEF\xBF\xBD" },
    { "\xEF\xBF\xBD ok \xF0\x9F\x98\x80", "\xEF\xBF\xBD ok \xF0\x9F\x98\x80" },
    { "", "" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) out = g_string_new ("=");
      dl_vrt_escape (out, cases[i].in, -1);
      g_autofree char *want = g_strconcat ("=", cases[i].out, NULL);
      DL_ASSERT_STR_EQ_FOR (cases[i].in, out->str, want);
    }
}

/* A value longer than cwb-encode keeps is cut after 4,095 bytes, never
 * inside a character. */
static void
test_vrt_escape_cuts_long_values (void)
{
  g_autoptr (GString) in = g_string_new ("a");
  while (in->len < 10000)
    g_string_append (in, "ş"); /* 2 bytes: 1 + 2k never lands on 4,095 + 1 */
  g_autoptr (GString) out = g_string_new (NULL);
  dl_vrt_escape (out, in->str, (gssize) in->len);
  DL_ASSERT_INT_EQ (out->len, DL_VRT_MAX_VALUE);
  CU_ASSERT_TRUE (g_utf8_validate (out->str, -1, NULL));
  g_string_assign (in, "ab");
  while (in->len < 10000)
    g_string_append (in, "ş");
  g_string_truncate (out, 0);
  dl_vrt_escape (out, in->str, (gssize) in->len);
  DL_ASSERT_INT_EQ (out->len, DL_VRT_MAX_VALUE - 1); /* the last ş would cross the limit */
  CU_ASSERT_TRUE (g_utf8_validate (out->str, -1, NULL));
}

static void
test_vrt_names (void)
{
  static const struct {
    const char *in, *out;
  } cases[] = {
    { "title", "title" },  { "Title", "title" }, { "Yıl & Ay", "y_l___ay" },
    { "1990s", "_1990s" }, { "a-b", "a_b" },     { "-x", "_x" },
    { "", "_" },           { "_ok", "_ok" },     { "başlık", "ba_l_k" },
    { "\xff\xfe", "__" },
  };
  g_autoptr (GString) out = g_string_new (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      dl_vrt_name (out, cases[i].in);
      DL_ASSERT_STR_EQ_FOR (cases[i].in, out->str, cases[i].out);
      DL_ASSERT_TRUE_FOR (cases[i].in, dl_vrt_is_name (out->str));
    }
  static const char *const not_names[] = { "Title", "1990s", "a-b", "", "ba\xc5\x9f", "a b" };
  for (gsize i = 0; i < G_N_ELEMENTS (not_names); i++)
    DL_ASSERT_TRUE_FOR (not_names[i], !dl_vrt_is_name (not_names[i]));
}

void
test_vrt_suite (void)
{
  CU_pSuite s = CU_add_suite ("vrt", NULL, NULL);
  CU_add_test (s, "vrt_escape_table", test_vrt_escape_table);
  CU_add_test (s, "vrt_escape_cuts_long_values", test_vrt_escape_cuts_long_values);
  CU_add_test (s, "vrt_names", test_vrt_names);
}
