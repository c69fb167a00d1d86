/* test-fastpath.c — the fast path beside ICU against ICU itself: word
 * breaks (boundaries and rule statuses of wordbreak.h against ICU's
 * UBRK_WORD iterator), the tokens of tokenizers made with the fast path
 * and without it (dl_fast_path_set), and the case folds of normalizers
 * made both ways, of every token and every whole line in each language.
 * The oracle is ICU on this machine, on tricky strings, every character of
 * the fast alphabet in every context that matters, every line of corpus/
 * and of tests/data/, and 200,000 seeded random strings drawn from the
 * characters that decide word breaks and folds. */
#include "config.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "fastpath.h"
#include "icu.h"
#include "normalize.h"
#include "tests.h"
#include "tokenizer.h"
#include "wordbreak.h"

/* What the tests share: ICU's iterator, tokenizers and normalizers without
 * the fast path and with it, and what each gave for the text being
 * checked. */
typedef struct {
  UBreakIterator *bi;
  UText ut;
  DlTokenizer *tok_icu, *tok_fast;
  DlNormalizer *norm_icu, *norm_fast;
  GString *icu, *fast;
  guint covered, fallback; /* strings the fast path took, left to ICU */
  guint failures;          /* shown so far: the first few are enough */
} Checker;

static void
checker_init (Checker *c)
{
  UErrorCode status = U_ZERO_ERROR;
  memset (c, 0, sizeof *c);
  c->bi = ubrk_open (UBRK_WORD, "", NULL, 0, &status);
  CU_ASSERT_FATAL (U_SUCCESS (status));
  UText init = UTEXT_INITIALIZER;
  c->ut = init;
  dl_fast_path_set (FALSE);
  c->tok_icu = dl_tokenizer_new (NULL);
  c->norm_icu = dl_normalizer_new (NULL);
  dl_fast_path_set (TRUE);
  c->tok_fast = dl_tokenizer_new (NULL);
  c->norm_fast = dl_normalizer_new (NULL);
  CU_ASSERT_FATAL (c->tok_icu != NULL && c->tok_fast != NULL);
  CU_ASSERT_FATAL (c->norm_icu != NULL && c->norm_fast != NULL);
  c->icu = g_string_new (NULL);
  c->fast = g_string_new (NULL);
}

static void
checker_clear (Checker *c)
{
  ubrk_close (c->bi);
  utext_close (&c->ut);
  dl_tokenizer_free (c->tok_icu);
  dl_tokenizer_free (c->tok_fast);
  dl_normalizer_free (c->norm_icu);
  dl_normalizer_free (c->norm_fast);
  g_string_free (c->icu, TRUE);
  g_string_free (c->fast, TRUE);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checker, checker_clear)

/* Starts a new document for both tokenizers. */
static void
checker_reset (Checker *c)
{
  dl_tokenizer_reset (c->tok_icu);
  dl_tokenizer_reset (c->tok_fast);
}

/* One assertion that c->fast (the fast path's @what of @text) is c->icu
 * (ICU's); a failure shows both, for the first few. */
static void
assert_same (Checker *c, const char *what, const char *text, gsize len)
{
  if (strcmp (c->icu->str, c->fast->str) == 0)
    {
      CU_PASS (what);
      return;
    }
  if (c->failures++ < 20)
    {
      g_autofree char *label = g_strdup_printf ("%s of \"%.*s\"", what, (int) len, text);
      DL_ASSERT_STR_EQ_FOR (label, c->fast->str, c->icu->str);
    }
  else
    CU_FAIL (what);
}

/* ICU's boundaries of @text as "END:STATUS ..." in c->icu. */
static void
icu_breaks (Checker *c, const char *text, gsize len)
{
  UErrorCode status = U_ZERO_ERROR;
  g_string_truncate (c->icu, 0);
  utext_openUTF8 (&c->ut, text, (int64_t) len, &status);
  ubrk_setUText (c->bi, &c->ut, &status);
  CU_ASSERT_FATAL (U_SUCCESS (status));
  ubrk_first (c->bi);
  for (int32_t next = ubrk_next (c->bi); next != UBRK_DONE; next = ubrk_next (c->bi))
    g_string_append_printf (c->icu, "%d:%d ", next, ubrk_getRuleStatus (c->bi));
}

/* The fast path's boundaries of @text in the same form in c->fast. */
static void
fast_breaks (Checker *c, const char *text, gsize len)
{
  g_string_truncate (c->fast, 0);
  for (gsize at = 0; at < len;)
    {
      gint32 status = -1;
      gsize next = dl_wordbreak_next (text, len, at, &status);
      g_string_append_printf (c->fast, "%d:%d ", (int) next, status);
      if (next <= at)
        break; /* a scanner that stands still fails, it does not hang */
      at = next;
    }
}

/* @tok's tokens of the line @text as "OFFSET+LEN KIND ..." in @out, a '^'
 * after a sentence start. Returns them, *@n of them, owned by @tok. */
static const DlToken *
tokens (DlTokenizer *tok, const char *text, gsize len, GString *out, guint *n)
{
  g_autoptr (GError) error = NULL;
  const DlToken *t = dl_tokenizer_line (tok, text, len, n, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  g_string_truncate (out, 0);
  for (guint i = 0; i < *n; i++)
    g_string_append_printf (out, "%zu+%zu %s%s ", t[i].offset, t[i].len,
                            dl_token_kind_name (t[i].kind), t[i].sentence_start ? "^" : "");
  return t;
}

/* Compares the folds of @text in every language. */
static void
check_folds (Checker *c, const char *text, gsize len)
{
  for (int lang = 0; lang < DL_LANG_COUNT; lang++)
    {
      dl_normalizer_fold (c->norm_icu, lang, text, len, c->icu);
      dl_normalizer_fold (c->norm_fast, lang, text, len, c->fast);
      assert_same (c, dl_lang_code (lang), text, len);
    }
}

/* Compares the fast path with ICU on the line @text (@len bytes of valid
 * UTF-8): its word breaks if the fast path takes it (returns whether it
 * did); its tokens, their folds and the whole line's whatever it is. */
static gboolean
check_text (Checker *c, const char *text, gsize len)
{
  guint n, n_fast;
  const DlToken *t = tokens (c->tok_icu, text, len, c->icu, &n);
  tokens (c->tok_fast, text, len, c->fast, &n_fast);
  assert_same (c, "tokens", text, len);
  for (guint i = 0; i < n; i++)
    check_folds (c, text + t[i].offset, t[i].len);
  check_folds (c, text, len);
  if (!dl_wordbreak_covers (text, len))
    {
      c->fallback++;
      return FALSE;
    }
  c->covered++;
  icu_breaks (c, text, len);
  fast_breaks (c, text, len);
  assert_same (c, "breaks", text, len);
  return TRUE;
}

/* @text alone, as a document of its own. */
static gboolean
check (Checker *c, const char *text)
{
  checker_reset (c);
  return check_text (c, text, strlen (text));
}

/* clang-format off */
static const char *const tricky[] = {
  "TB2", "1993a", "a1", "3.5", "U.S.", "e.g", "e.g.", "x_1", "1_x", "'a", "a'", "a''b",
  "1,000.5", "a.1", "1.a", "a:b", "1:2", "10:53", "a;b", "1;2", "3,5", "a,b", "a.b.c.", "a..b",
  "1..2", "a.b1", "1.5a", "a1.5", "a_.b", "_", "__", "a_", "1_", "1__", "_1", "_a", "_.", "a__1",
  "1_._1", "İstanbul'un", "İSTANBUL’UN", "1990’ların", "1990'ların", "2020‘de", "Ankara´nın",
  "I´m", "e-posta", "self-determinasyon", "Azerbaycanʼın", "ŞİŞLİ", "ığdır", "Ğ", "a’’b", "a’‘b",
  "’90", "90’", "a·b", "l·l", "1·2", "a․b", "1․2", "a‧b", "“Karabağ Savaşı”na",
  "\"Tekstilpark\"ı", "«Evet» dedi", "bir — iki – üç…", "ª1", "µm", "1ª", "Straße", "ŉa", "ÿ",
  "×2", "2×3", "€5", "5₺", "‰3", "a b", "a  b", "a\tb", "a\t\tb", "a \t b", " ", "  ", "\t",
  "a\u2009b", "a \u2009\u2002b", "a\u2007b", "a\u00A0b", "a\vb", "a\fb", "", ".", ",", "'", "’",
  "-", "...", "!?", "#derlem", "@user", "a@b.c", "@@", "1@2", ":D", "<3", "C#", "&#x27;", "x_",
  "_x_", "1_000_000", "a1_b2.c3", "3.5.7", "1,2,3", "1’2", "1‘2", "1'2", "a'b'c", "Dr.Prof",
  "W.H.S.", "z.B.", "ǅa", "ǈ", "ɛ", "ʻokina", "ˆa", "a˘b", "a˚", "1˜",
};
/* clang-format on */

static void
test_tricky_strings (void)
{
  g_auto (Checker) c = { 0 };
  checker_init (&c);
  for (gsize i = 0; i < G_N_ELEMENTS (tricky); i++)
    check (&c, tricky[i]);
  /* All but those with a character outside the alphabet: U+2007 is in it,
   * VT and FF too; none of these is left to ICU. */
  DL_ASSERT_INT_EQ (c.fallback, 0);
  DL_ASSERT_INT_EQ (c.covered, G_N_ELEMENTS (tricky));
}

/* Characters that must be left to ICU: other scripts, combining marks,
 * emoji and their joiners, format characters, line ends, C1 controls, and
 * bytes that are not whole characters. */
static void
test_fallback (void)
{
  /* clang-format off */
  static const char *const outside[] = {
    "a\rb", "a\nb", "a\xC2\x85", "a\xC2\xAD" "b", "a\xC2\xA9", "\xC2\xAE", "e\xCC\x81",
    "a\xE2\x80\x8D" "b", "a\xE2\x80\x8B" "b", "a\xE2\x80\xAF" "b", "a\xE2\x80\xA8",
    "\xE2\x80\xBC", "α", "Ω-3", "東京", "بسم", "😀", "a\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
    "\xE2\x81\x80", "\xE2\x84\xA2", "\xEF\xBB\xBF" "a", "\xC3", "a\xE2\x80", "\xCC\x87",
  };
  /* clang-format on */
  for (gsize i = 0; i < G_N_ELEMENTS (outside); i++)
    DL_ASSERT_TRUE_FOR (outside[i], !dl_wordbreak_covers (outside[i], strlen (outside[i])));
  CU_ASSERT_TRUE (dl_wordbreak_covers ("", 0));
}

/* Every character the fast path takes (for % in the contexts), alone and
 * between the classes that make rules: letters, digits, '_', Mid
 * characters, spaces. */
static void
test_every_character_in_context (void)
{
  static const char *const contexts[] = {
    "%",   "%%",  "a%",  "%a",   "a%a", "1%",   "%1",   "1%1",  "_%",  "%_",
    "a%1", "1%a", " % ", "% %",  ".%",  "%.",   "a.%",  "%.a",  "1,%", "%,1",
    "a'%", "%'a", "_%_", "a%%a", "x%.", "1.%1", "a%.a", "%\t%",
  };
  g_auto (Checker) c = { 0 };
  checker_init (&c);
  guint taken = 0;
  for (gunichar u = 0; u < 0x20C0; u++)
    {
      if (u == 0x300)
        u = 0x2000;
      char ch[8] = { 0 };
      g_unichar_to_utf8 (u, ch);
      gsize n = u == 0 ? 1 : strlen (ch);
      if (!dl_wordbreak_covers (ch, n))
        continue;
      taken++;
      if (u == 0)
        continue; /* NUL: the contexts are C strings */
      for (gsize k = 0; k < G_N_ELEMENTS (contexts); k++)
        {
          g_autoptr (GString) s = g_string_new (contexts[k]);
          g_string_replace (s, "%", ch, 0);
          check (&c, s->str);
        }
    }
  /* 126 ASCII, 96 - 3 of U+00A0-U+00FF, 512 of U+0100-U+02FF, then
   * U+2000-U+200A (11), U+2010-U+2027 (24), U+2030-U+203E but U+203C (14),
   * U+20A0-U+20BF (32). */
  DL_ASSERT_INT_EQ (taken, 126 + 93 + 512 + 11 + 24 + 14 + 32);
  DL_ASSERT_INT_EQ (c.fallback, 0);
}

/* Every character of the fold table, and the apostrophes, folded alone
 * and beside the letters whose folds differ by language. */
static void
test_fold_every_character (void)
{
  static const char *const contexts[] = { "%", "%%", "a%", "%I", "İ%", "I%i", "%’s", "%\xC2\xB4" };
  g_auto (Checker) c = { 0 };
  checker_init (&c);
  for (gunichar u = 1; u < 0x2020; u++)
    {
      if (u == 0x300)
        u = 0x2010;
      char ch[8] = { 0 };
      g_unichar_to_utf8 (u, ch);
      for (gsize k = 0; k < G_N_ELEMENTS (contexts); k++)
        {
          g_autoptr (GString) s = g_string_new (contexts[k]);
          g_string_replace (s, "%", ch, 0);
          check_folds (&c, s->str, s->len);
        }
    }
  DL_ASSERT_INT_EQ (c.failures, 0);
}

/* What the folds are, with the fast path (and without: the same). */
static void
test_fold_values (void)
{
  static const struct {
    DlLang lang;
    const char *in, *out;
  } cases[] = {
    { DL_LANG_TR, "İSTANBUL’UN", "istanbul'un" },
    { DL_LANG_TR, "IRAK", "ırak" },
    { DL_LANG_EN, "IRAK", "irak" },
    { DL_LANG_EN, "İstanbul", "istanbul" }, /* without U+0307 */
    { DL_LANG_OTHER, "İİ", "ii" },
    { DL_LANG_TR, "ÇĞÖŞÜ ÂÎÛ", "çğöşü âîû" },
    { DL_LANG_EN, "Straße", "strasse" },
    { DL_LANG_TR, "STRAẞE", "strasse" }, /* U+1E9E: left to ICU */
    { DL_LANG_EN, "µm", "\xCE\xBCm" },   /* MICRO SIGN → GREEK SMALL LETTER MU */
    { DL_LANG_EN, "ŸES", "ÿes" },
    { DL_LANG_EN, "ſ", "s" },
    { DL_LANG_EN, "ŉ", "\xCA\xBCn" }, /* ʼn: the apostrophe made by folding stays */
    { DL_LANG_TR, "ǰ", "j\xCC\x8C" },
    { DL_LANG_EN, "ǅ", "ǆ" },
    { DL_LANG_TR, "I\xC2\xB4M \"A\" ‘B’ “C”", "ı'm 'a' 'b' “c'" },
    { DL_LANG_EN, "ΑΘΗΝΑ", "αθηνα" }, /* Greek: left to ICU */
  };
  g_auto (Checker) c = { 0 };
  checker_init (&c);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s %s", dl_lang_code (cases[i].lang), cases[i].in);
      dl_normalizer_fold (c.norm_fast, cases[i].lang, cases[i].in, strlen (cases[i].in), c.fast);
      DL_ASSERT_STR_EQ_FOR (label, c.fast->str, cases[i].out);
      dl_normalizer_fold (c.norm_icu, cases[i].lang, cases[i].in, strlen (cases[i].in), c.icu);
      DL_ASSERT_STR_EQ_FOR (label, c.icu->str, cases[i].out);
    }
}

/* Checks every line of @path, one document; returns how many there were. */
static guint
check_file_lines (Checker *c, const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  CU_ASSERT_FATAL (g_file_get_contents (path, &contents, &len, &error));
  g_autofree char *valid = g_utf8_make_valid (contents, (gssize) len);
  g_auto (GStrv) lines = g_strsplit_set (valid, "\r\n", -1);
  guint n = 0;
  checker_reset (c);
  for (char **l = lines; *l != NULL; l++, n++)
    check_text (c, *l, strlen (*l));
  return n;
}

/* The .txt and .tsv files under @dir, recursively. */
static void
list_texts (const char *dir, GPtrArray *out)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (d);
  for (const char *name; (name = g_dir_read_name (d)) != NULL;)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_texts (path, out);
      else if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".tsv"))
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}

static void
test_real_texts (void)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  list_texts (TEST_SRCDIR "/corpus", paths);
  list_texts (TEST_SRCDIR "/tests/data", paths);
  CU_ASSERT_TRUE_FATAL (paths->len >= 30);
  g_auto (Checker) c = { 0 };
  checker_init (&c);
  guint lines = 0;
  for (guint i = 0; i < paths->len; i++)
    lines += check_file_lines (&c, g_ptr_array_index (paths, i));
  /* Nearly all real lines take the fast path; the rest (other scripts,
   * emoji, the hostile fixtures) go to ICU. */
  DL_ASSERT_INT_EQ (c.covered + c.fallback, lines);
  DL_ASSERT_TRUE_FOR ("most lines fast", c.covered > lines * 9 / 10);
  DL_ASSERT_TRUE_FOR ("some lines to ICU", c.fallback > 0);
}

/* The characters of the random strings, with weights: what decides word
 * breaks (letters, Turkish ones, digits, Mid characters, '_', spaces,
 * quotes, dashes) and, rarely, characters outside the alphabet, so that the
 * fallback is taken too. */
/* clang-format off */
static const struct {
  const char *text;
  guint weight;
} weighted[] = {
  { "a", 12 }, { "e", 8 }, { "k", 6 }, { "I", 4 }, { "i", 4 }, { "İ", 4 }, { "ı", 4 },
  { "Ş", 2 }, { "ş", 3 }, { "Ğ", 2 }, { "ğ", 3 }, { "ç", 2 }, { "Ö", 1 }, { "ü", 2 },
  { "ß", 1 }, { "ª", 1 }, { "µ", 1 }, { "ʼ", 2 }, { "0", 6 }, { "1", 6 }, { "9", 4 },
  { ".", 8 }, { ",", 6 }, { "'", 8 }, { "’", 6 }, { "‘", 4 }, { "´", 4 }, { ":", 5 },
  { ";", 4 }, { "_", 6 }, { "-", 5 }, { " ", 10 }, { "\t", 3 }, { "\"", 3 }, { "“", 2 },
  { "”", 2 }, { "«", 1 }, { "»", 1 }, { "…", 2 }, { "–", 2 }, { "—", 2 }, { "·", 3 },
  { "\u2009", 2 }, { "\u2007", 1 }, { "\u00A0", 2 }, { "\u2024", 1 }, { "\u2027", 1 },
  { "@", 2 }, { "#", 1 }, { "/", 1 }, { "%", 1 }, { "\v", 1 },
  /* outside the alphabet */
  { "\xCC\x81", 1 }, { "\xC2\xAD", 1 }, { "\xE2\x80\x8D", 1 }, { "\xE2\x80\xAF", 1 },
  { "α", 1 }, { "😀", 1 }, { "東", 1 }, { "\xC2\xA9", 1 },
};
/* clang-format on */

static void
test_random_strings (void)
{
  guint total = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (weighted); i++)
    total += weighted[i].weight;
  g_autoptr (GRand) rand = g_rand_new_with_seed (17);
  g_autoptr (GString) s = g_string_new (NULL);
  g_auto (Checker) c = { 0 };
  checker_init (&c);
  for (guint n = 0; n < 200000; n++)
    {
      g_string_truncate (s, 0);
      gint32 length = g_rand_int_range (rand, 0, 41);
      for (gint32 k = 0; k < length; k++)
        {
          guint w = (guint) g_rand_int_range (rand, 0, (gint32) total);
          gsize i = 0;
          while (w >= weighted[i].weight)
            w -= weighted[i++].weight;
          g_string_append (s, weighted[i].text);
        }
      checker_reset (&c);
      check_text (&c, s->str, s->len);
    }
  /* Both ways taken often: about (1 - 8/250)^20 of the strings are fast. */
  DL_ASSERT_TRUE_FOR ("fast", c.covered > 50000);
  DL_ASSERT_TRUE_FOR ("to ICU", c.fallback > 50000);
}

void
test_fastpath_suite (void)
{
  CU_pSuite s = CU_add_suite ("fastpath", NULL, NULL);
  CU_add_test (s, "tricky_strings", test_tricky_strings);
  CU_add_test (s, "fallback", test_fallback);
  CU_add_test (s, "every_character_in_context", test_every_character_in_context);
  CU_add_test (s, "fold_every_character", test_fold_every_character);
  CU_add_test (s, "fold_values", test_fold_values);
  CU_add_test (s, "real_texts", test_real_texts);
  CU_add_test (s, "random_strings", test_random_strings);
}
