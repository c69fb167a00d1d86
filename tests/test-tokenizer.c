/* test-tokenizer.c — tokens of lines: ICU words and numbers, the apostrophe
 * merges, dates and times, what is no word (emoticons, `@`, `____`),
 * hashtags, abbreviations, URLs and e-mail addresses, hyphens, line ends,
 * sentence starts, huge lines. The oracle of the tables is the rule each
 * one states (doc/DESIGN.md §2); UD's tokens agree on the examples. */
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
}

/* Lines and their tokens, checked one by one. */
typedef struct {
  const char *line, *tokens;
} Case;

static void
check_table (const Case *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    check (cases[i].line, cases[i].tokens);
}

static void
test_tokenize_dates_and_times (void)
{
  static const Case cases[] = {
    /* One number each, as UD English EWT has them. */
    { "01-Feb-02", "^n:01-Feb-02" },
    { "10:53", "^n:10:53" },
    { "2020-11-10", "^n:2020-11-10" },
    { "2023-09-19", "^n:2023-09-19" },
    { "19.09.2023", "^n:19.09.2023" },
    { "10:53:20", "^n:10:53:20" },
    { "3/4/2021", "^n:3/4/2021" },
    { "08/16/2000 at 1:30 -2:30 pm", "^n:08/16/2000 w:at n:1:30 n:2:30 w:pm" },
    { "01-Şub-2020", "^n:01-Şub-2020" },
    { "303-832-8160", "^n:303-832-8160" },
    /* Suffixes join them; a time's colon ends no sentence. */
    { "saat 10:53'te, 2020-11-10’da", "^w:saat n:10:53'te n:2020-11-10’da" },
    { "Saat 10:53 Ankara", "^w:Saat n:10:53 w:Ankara" },
    /* Two groups are a range or a fraction; odd shapes stay apart. */
    { "13-17 yaş, 3/4 oranı", "^n:13 n:17 w:yaş n:3 n:4 w:oranı" },
    { "10:5 10:533 123:45", "^n:10 ^n:5 n:10 ^n:533 n:123 ^n:45" },
    { "1-2-3abc 01-Feb 5ci-10-20", "^n:1 n:2 n:3abc n:01 w:Feb n:5ci n:10 n:20" },
  };
  check_table (cases, G_N_ELEMENTS (cases));
}

static void
test_tokenize_no_words (void)
{
  static const Case cases[] = {
    /* @ and # alone, runs of _ and -. */
    { "@ # ____ --- _ @@ ##", "" },
    { "ad @ soyad ____ imza", "^w:ad w:soyad w:imza" },
    /* Emoticons; :D gives no word D. Their colon ends a sentence, as
     * they often do. */
    { ":D :) :-) ;) :P xD <3 ^^ ^_^ :-P =D :DDD XD ;p :o :S", "" },
    { "harika :D sonra;P bitti", "^w:harika ^w:sonra w:bitti" },
    { "I <3 you", "^w:I w:you" },
    /* Not emoticons: a letter after a digit and a colon, x<3, a plain x. */
    { "2:D x<3 xx", "^n:2 ^w:D w:x n:3 w:xx" },
    { "a_b _x x__y", "^w:a_b w:_x w:x__y" },
  };
  check_table (cases, G_N_ELEMENTS (cases));
}

static void
test_tokenize_hashtags_and_mentions (void)
{
  /* One word each, the sign kept: nothing of the text is lost. */
  static const Case cases[] = {
    { "#derlem @user", "^w:#derlem w:@user" },
    { "(#Karabağ) #çalışma_grubu", "^w:#Karabağ w:#çalışma_grubu" },
    /* Not hashtags: a number, C#, an HTML entity, ## . */
    { "#1 C# F#m &#x27; ##iki", "^n:1 w:C w:F w:m w:x27 w:iki" },
  };
  check_table (cases, G_N_ELEMENTS (cases));
}

static void
test_tokenize_other_apostrophes (void)
{
  static const Case cases[] = {
    /* U+00B4 as an apostrophe: Turkish suffixes and English contractions,
     * like ' and ’. */
    { "Ankara\xC2\xB4nın", "^w:Ankara\xC2\xB4nın" },
    { "I\xC2\xB4m sure we don\xC2\xB4t", "^w:I\xC2\xB4m w:sure w:we w:don\xC2\xB4t" },
    { "1990\xC2\xB4ların", "^n:1990\xC2\xB4ların" },
    { "Ankara\xC2\xB4 dedi", "^w:Ankara w:dedi" },
    /* U+02BC is a letter to ICU, U+2018 inside a word too. */
    { "Ankaraʼnın Ankara‘nın", "^w:Ankaraʼnın w:Ankara‘nın" },
    /* A suffix after a closing quote (Turkish spelling). */
    { "Sonat\"ını “Tekstilpark”ı", "^w:Sonat\"ını w:Tekstilpark”ı" },
    { "\"Ankara\" dedi, “Bakü”Ankara", "^w:Ankara w:dedi w:Bakü w:Ankara" },
  };
  check_table (cases, G_N_ELEMENTS (cases));
}

static void
test_tokenize_abbreviations (void)
{
  static const Case cases[] = {
    /* One token with the period, which starts no sentence. */
    { "Dr. Ahmet", "^w:Dr. w:Ahmet" },
    { "Prof. Dr. Ayşe", "^w:Prof. w:Dr. w:Ayşe" },
    { "Prof.Dr. Ayşe", "^w:Prof.Dr. w:Ayşe" },
    { "elma, armut vb. meyveler", "^w:elma w:armut w:vb. w:meyveler" },
    { "Türkiye vs. Azerbaycan", "^w:Türkiye w:vs. w:Azerbaycan" },
    { "Örn. bu, örn. şu (bkz. Ek)", "^w:Örn. w:bu w:örn. w:şu w:bkz. w:Ek" },
    { "tools, e.g. ICU, i.e. one, etc. Mr. Smith", "^w:tools w:e.g. w:ICU w:i.e. w:one w:etc. "
                                                   "w:Mr. w:Smith" },
    { "the U.S. Army, M. Kemal", "^w:the w:U.S. w:Army w:M. w:Kemal" },
    { "Mrs. Jones of Acme Inc. and St. Louis", "^w:Mrs. w:Jones w:of w:Acme w:Inc. w:and w:St. "
                                               "w:Louis" },
    /* Not abbreviations: words, the pronoun I, a number. */
    { "Bu bir ev. Sonra", "^w:Bu w:bir w:ev ^w:Sonra" },
    { "so did I. Then 2. Next", "^w:so w:did w:I ^w:Then n:2 ^w:Next" },
  };
  check_table (cases, G_N_ELEMENTS (cases));
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
  check ("a@ @b.c", "^w:a@ w:@b.c");
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
  CU_add_test (s, "dates_and_times", test_tokenize_dates_and_times);
  CU_add_test (s, "no_words", test_tokenize_no_words);
  CU_add_test (s, "hashtags_and_mentions", test_tokenize_hashtags_and_mentions);
  CU_add_test (s, "other_apostrophes", test_tokenize_other_apostrophes);
  CU_add_test (s, "abbreviations", test_tokenize_abbreviations);
  CU_add_test (s, "hyphens", test_tokenize_hyphens);
  CU_add_test (s, "urls_and_email", test_tokenize_urls_and_email);
  CU_add_test (s, "sentence_starts", test_tokenize_sentence_starts);
  CU_add_test (s, "other_scripts_and_empty", test_tokenize_other_scripts_and_empty);
  CU_add_test (s, "huge_line", test_tokenize_huge_line);
}
