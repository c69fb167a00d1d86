/* test-tokenizer.c — tokens of lines: ICU words and numbers, the apostrophe
 * merges, URLs and e-mail addresses, hyphens, line ends, sentence starts,
 * huge lines. */
#include "config.h"

#include <string.h>

#include "tests.h"
#include "tokenizer.h"

static const char kind_letter[] = { 'w', 'n', 'u', 'e' };

/* The tokens of @lines (each tokenized in turn, one document) as
 * "k:text" joined by spaces, k = w(ord) n(umber) u(rl) e(mail), a '^' before
 * a sentence start. */
static char *
tokens_of (const char *const *lines, gsize n_lines)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlTokenizer) tok = dl_tokenizer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (tok);
  GString *s = g_string_new (NULL);
  for (gsize l = 0; l < n_lines; l++)
    {
      guint n;
      const DlToken *t = dl_tokenizer_line (tok, lines[l], strlen (lines[l]), &n, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (t);
      for (guint i = 0; i < n; i++)
        {
          if (s->len > 0)
            g_string_append_c (s, ' ');
          if (t[i].sentence_start)
            g_string_append_c (s, '^');
          g_string_append_printf (s, "%c:%.*s", kind_letter[t[i].kind], (int) t[i].len,
                                  lines[l] + t[i].offset);
        }
    }
  return g_string_free (s, FALSE);
}

static void
check (const char *line, const char *expected)
{
  g_autofree char *got = tokens_of (&line, 1);
  DL_ASSERT_STR_EQ_FOR (line, got, expected);
}

static void
test_tokenize_apostrophe_suffixes (void)
{
  check ("Azerbaycan’ın", "^w:Azerbaycan’ın");
  check ("Bakü'nün", "^w:Bakü'nün");
  check ("Azerbaycanʼın", "^w:Azerbaycanʼın");
  check ("AZERBAYCAN’IN sınırları", "^w:AZERBAYCAN’IN w:sınırları");
  check ("Azerbaijan’s army", "^w:Azerbaijan’s w:army");
  check ("the students’ union", "^w:the w:students w:union");
}

static void
test_tokenize_numbers_with_suffixes (void)
{
  check ("1990’ların", "^n:1990’ların");
  check ("2020'de", "^n:2020'de");
  check ("1940ʼta", "^n:1940ʼta");
  check ("%20-24’lük", "^n:20 n:24’lük");
  check ("%20'si", "^n:20'si");
  /* An apostrophe not followed by letters stays a separator. */
  check ("in the 1990’s", "^w:in w:the n:1990’s");
  check ("1990’ 2000", "^n:1990 n:2000");
  /* A token is a number when it starts with a digit, whatever ICU says. */
  check ("1990s 1st 6th 5ci (Aliyev, 1993a)", "^n:1990s n:1st n:6th n:5ci w:Aliyev n:1993a");
  check ("TB2’nin G20 zirvesi", "^w:TB2’nin w:G20 w:zirvesi");
}

static void
test_tokenize_numbers (void)
{
  check ("19.09.2023", "^n:19.09.2023");
  check ("2.000 kişi", "^n:2.000 w:kişi");
  check ("1,250,000 people", "^n:1,250,000 w:people");
  check ("%45,7 oranında", "^n:45,7 w:oranında");
  check ("2023-09-19", "^n:2023 n:09 n:19");
}

static void
test_tokenize_hyphens (void)
{
  check ("self-determinasyon", "^w:self w:determinasyon");
  check ("Azerbaycan\xE2\x80\x90Türkiye", "^w:Azerbaycan w:Türkiye"); /* U+2010 */
  check ("Türkiye–Azerbaycan", "^w:Türkiye w:Azerbaycan");            /* en dash */
  check ("Nagorno-", "^w:Nagorno");
  /* A hyphen at a line end joins nothing. */
  const char *lines[] = { "the Nagorno-", "Karabakh conflict" };
  g_autofree char *got = tokens_of (lines, 2);
  CU_ASSERT_STRING_EQUAL (got, "^w:the w:Nagorno w:Karabakh w:conflict");
}

static void
test_tokenize_urls_and_email (void)
{
  check ("bilgi@karabag.org.tr adresine", "^e:bilgi@karabag.org.tr w:adresine");
  check ("Yazışma: hakan.tasdemir@kku.edu.tr.", "^w:Yazışma ^e:hakan.tasdemir@kku.edu.tr");
  check ("https://www.karabag.org.tr/rapor sayfası",
         "^u:https://www.karabag.org.tr/rapor w:sayfası");
  check ("(https://doi.org/10.1000/xyz).", "^u:https://doi.org/10.1000/xyz");
  check ("see www.mfa.gov.tr, then", "^w:see u:www.mfa.gov.tr w:then");
  check ("https://tr.wikipedia.org/wiki/Dağlık_Karabağ_(bölge) adresi",
         "^u:https://tr.wikipedia.org/wiki/Dağlık_Karabağ_(bölge) w:adresi");
  check ("“http://a.com/x” dedi", "^u:http://a.com/x w:dedi");
  /* Not addresses: no domain, no top-level domain. */
  check ("@handle ve a@b", "^w:@handle w:ve w:a@b"); /* ICU keeps @ inside words */
  check ("Erişim: http://", "^w:Erişim ^w:http");
}

static void
test_tokenize_sentence_starts (void)
{
  const char *lines[]
      = { "Bu bir cümle. Yeni cümle", "sürüyor: Azerbaycan! Ve…", "son? “Tırnak” (parantez)" };
  g_autofree char *got = tokens_of (lines, 3);
  CU_ASSERT_STRING_EQUAL (got, "^w:Bu w:bir w:cümle ^w:Yeni w:cümle w:sürüyor ^w:Azerbaycan "
                               "^w:Ve ^w:son ^w:Tırnak w:parantez");
}

static void
test_tokenize_other_scripts_and_empty (void)
{
  check ("", "");
  check ("  — , ; ", "");
  check ("東京 بسم", "^w:東京 w:بسم");
  check ("Ω-3 yağ", "^w:Ω n:3 w:yağ");
}

static void
test_tokenize_huge_line (void)
{
  /* 3 MiB in one line: cut into segments at spaces, never inside a word. */
  GString *s = g_string_new (NULL);
  guint words = 0;
  while (s->len < 3u << 20)
    {
      g_string_append (s, "çalışma ");
      words++;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (DlTokenizer) tok = dl_tokenizer_new (&error);
  guint n;
  const DlToken *t = dl_tokenizer_line (tok, s->str, s->len, &n, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  CU_ASSERT_EQUAL (n, words);
  gboolean all_whole = TRUE;
  for (guint i = 0; i < n; i++)
    all_whole &= t[i].len == strlen ("çalışma")
                 && memcmp (s->str + t[i].offset, "çalışma", t[i].len) == 0;
  CU_ASSERT_TRUE (all_whole);

  /* No white space at all: cut at character boundaries, every byte covered. */
  g_string_truncate (s, 0);
  while (s->len < 2u << 20)
    g_string_append (s, "ş");
  t = dl_tokenizer_line (tok, s->str, s->len, &n, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  CU_ASSERT_EQUAL (n, 2);
  gsize total = 0;
  for (guint i = 0; i < n; i++)
    {
      CU_ASSERT_TRUE (g_utf8_validate_len (s->str + t[i].offset, t[i].len, NULL));
      total += t[i].len;
    }
  CU_ASSERT_EQUAL (total, s->len);
  g_string_free (s, TRUE);
}

void
test_tokenizer_suite (void)
{
  CU_pSuite s = CU_add_suite ("tokenizer", NULL, NULL);
  CU_add_test (s, "apostrophe_suffixes", test_tokenize_apostrophe_suffixes);
  CU_add_test (s, "numbers_with_suffixes", test_tokenize_numbers_with_suffixes);
  CU_add_test (s, "numbers", test_tokenize_numbers);
  CU_add_test (s, "hyphens", test_tokenize_hyphens);
  CU_add_test (s, "urls_and_email", test_tokenize_urls_and_email);
  CU_add_test (s, "sentence_starts", test_tokenize_sentence_starts);
  CU_add_test (s, "other_scripts_and_empty", test_tokenize_other_scripts_and_empty);
  CU_add_test (s, "huge_line", test_tokenize_huge_line);
}
