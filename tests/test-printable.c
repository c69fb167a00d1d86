/* test-printable.c — names made safe to show (escapes worked out by hand
 * from the bytes), control characters in text made spaces. */
#include "config.h"

#include <string.h>

#include "printable.h"
#include "tests.h"

static void
test_name_escapes_controls_and_bad_bytes (void)
{
  static const struct {
    const char *name, *shown;
    gboolean plain;
  } cases[] = {
    { "corpus/a.txt", "corpus/a.txt", TRUE },
    { "Türkçe/ığüşöç İŞĞ.txt", "Türkçe/ığüşöç İŞĞ.txt", TRUE },
    { "漢字 x.txt", "漢字 x.txt", TRUE },
    { "", "", TRUE },
    { "evil\nderlem: x.txt: 1: forged", "evil\\nderlem: x.txt: 1: forged", FALSE },
    { "a\tb\rc", "a\\tb\\rc", FALSE },
    { "\033[2Jclear", "\\x1b[2Jclear", FALSE },
    { "bell\007del\177", "bell\\x07del\\x7f", FALSE },
    { "back\\slash", "back\\\\slash", FALSE },
    { "\\n", "\\\\n", FALSE }, /* a real backslash and n, not a newline */
    { "latin1 \xff\xfe.txt", "latin1 \\xff\\xfe.txt", FALSE },
    { "cut \xc3", "cut \\xc3", FALSE },            /* a sequence cut short */
    { "over \xc0\xaf", "over \\xc0\\xaf", FALSE }, /* an overlong '/' */
    { "c1 \xc2\x85 \xc2\x9b", "c1 \\xc2\\x85 \\xc2\\x9b", FALSE },
    { "nbsp \xc2\xa0 ok", "nbsp \xc2\xa0 ok", TRUE }, /* U+00A0 is no control */
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = dl_printable_name (cases[i].name);
      DL_ASSERT_STR_EQ_FOR (cases[i].name, shown, cases[i].shown);
      DL_ASSERT_TRUE_FOR (cases[i].name, g_utf8_validate (shown, -1, NULL));
      DL_ASSERT_INT_EQ_FOR (cases[i].name, dl_printable_name_is_plain (cases[i].name),
                            cases[i].plain);
    }
}

static void
test_message_keeps_backslashes (void)
{
  g_autofree char *m = dl_printable_message ("cannot read a\\b\n\033[2J \xff: No such file");
  DL_ASSERT_STR_EQ (m, "cannot read a\\b\\n\\x1b[2J \\xff: No such file");
}

static void
test_text_controls_become_spaces (void)
{
  static const struct {
    const char *text, *keep, *shown;
    int first; /* byte offset of the first control, -1 for none */
  } cases[] = {
    { "plain Türkçe 漢字", "", "plain Türkçe 漢字", -1 },
    { "war \033[31m red \007 bell \010 back", "", "war  [31m red   bell   back", 4 },
    { "tab\tand\nline", "", "tab and line", 3 },
    { "tab\tand\nline", "\t\n", "tab\tand\nline", -1 },
    { "tab\tand\033", "\t", "tab\tand ", 7 },
    { "c1\xc2\x85 and\xc2\x9b!", "", "c1  and !", 2 },
    { "del\177", "", "del ", 3 },
    { "nbsp\xc2\xa0", "", "nbsp\xc2\xa0", -1 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = strlen (cases[i].text);
      g_autoptr (GString) out = g_string_new (NULL);
      dl_printable_append_text (out, cases[i].text, len, cases[i].keep);
      DL_ASSERT_STR_EQ_FOR (cases[i].text, out->str, cases[i].shown);
      const char *first = dl_printable_find_control (cases[i].text, len, cases[i].keep);
      DL_ASSERT_INT_EQ_FOR (cases[i].text, first != NULL ? first - cases[i].text : -1,
                            cases[i].first);
    }
  /* A NUL inside the text is a control character too. */
  g_autoptr (GString) out = g_string_new (NULL);
  dl_printable_append_text (out, "a\0b", 3, "\t");
  DL_ASSERT_STR_EQ (out->str, "a b");
}

void
test_printable_suite (void)
{
  CU_pSuite s = CU_add_suite ("printable", NULL, NULL);
  CU_add_test (s, "name_escapes_controls_and_bad_bytes", test_name_escapes_controls_and_bad_bytes);
  CU_add_test (s, "message_keeps_backslashes", test_message_keeps_backslashes);
  CU_add_test (s, "text_controls_become_spaces", test_text_controls_become_spaces);
}
