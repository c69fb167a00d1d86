/* test-decode.c — encoding detection: UTF-8 statistics, BOMs, signatures,
 * windows-1254, binary; repair of stray bytes. */
#include "config.h"

#include <string.h>

#include "decode.h"
#include "error.h"
#include "tests.h"

static DlByteStats
scan_all (const char *s, gsize len)
{
  DlByteStats st = DL_BYTE_STATS_INIT;
  gsize n = dl_decode_scan ((const guint8 *) s, len, TRUE, &st);
  CU_ASSERT_EQUAL (n, len);
  return st;
}

static void
test_scan_valid_turkish_counts_multibyte (void)
{
  const char *s = "Işık ve İŞGAL: çğıöşü ÇĞİÖŞÜ, “tırnak”";
  DlByteStats st = scan_all (s, strlen (s));
  CU_ASSERT_EQUAL (st.invalid, 0);
  CU_ASSERT_EQUAL (st.first_invalid, G_MAXUINT64);
  /* ş ı İ Ş Ç Ğ İ Ö Ş Ü ç ğ ı ö ş ü and two quotes */
  CU_ASSERT_EQUAL (st.multibyte, 19);
  CU_ASSERT_EQUAL (st.nul, 0);
}

static void
test_scan_rejects_overlong_surrogate_and_stray (void)
{
  struct {
    const char *bytes;
    gsize len;
    guint64 invalid;
    guint64 first;
  } cases[] = {
    { "ab\xC0\x80", 4, 2, 2 },         /* overlong NUL */
    { "\xED\xA0\x80x", 4, 3, 0 },      /* a UTF-16 surrogate */
    { "ok\xF5\x80\x80\x80", 6, 4, 2 }, /* above U+10FFFF */
    { "x\x80y", 3, 1, 1 },             /* lone continuation byte */
    { "abc\xE2\x80", 5, 2, 3 },        /* truncated at the end */
    { "a\0b", 3, 1, 1 },               /* NUL */
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DlByteStats st = scan_all (cases[i].bytes, cases[i].len);
      CU_ASSERT_EQUAL (st.invalid, cases[i].invalid);
      CU_ASSERT_EQUAL (st.first_invalid, cases[i].first);
    }
}

/* An oracle for dl_decode_scan: byte by byte, the well-formed sequences of
 * the Unicode Standard's table 3-7, no word at a time. */
static gsize
scan_slowly (const guint8 *p, gsize len, gboolean final, DlByteStats *s)
{
  gsize i = 0;
  while (i < len)
    {
      guint8 b = p[i];
      if (b < 0x80)
        {
          if (b == 0)
            {
              s->nul++, s->invalid++;
              if (s->first_invalid == G_MAXUINT64)
                s->first_invalid = s->bytes + i;
            }
          else if (b < 0x20 && !(b >= 0x09 && b <= 0x0D) && b != 0x1A && b != 0x1B)
            s->ctrl++;
          i++;
          continue;
        }
      gsize n = b >= 0xC2 && b <= 0xDF   ? 2
                : b >= 0xE0 && b <= 0xEF ? 3
                : b >= 0xF0 && b <= 0xF4 ? 4
                                         : 0;
      guint8 lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
      guint8 hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
      gsize k = 1;
      while (n > 0 && k < n && i + k < len && p[i + k] >= (k == 1 ? lo : 0x80)
             && p[i + k] <= (k == 1 ? hi : 0xBF))
        k++;
      if (n > 0 && k == n)
        {
          s->multibyte++;
          i += n;
          continue;
        }
      if (n > 0 && i + k == len && !final)
        break; /* a valid beginning the block cuts short */
      s->invalid++;
      if (b == 0xFD || b == 0xFE || b == 0xF0 || b == 0xDD || b == 0xDE || b == 0xD0 || b == 0xE7
          || b == 0xF6 || b == 0xFC || b == 0xC7 || b == 0xD6 || b == 0xDC)
        s->tr_legacy++;
      if (s->first_invalid == G_MAXUINT64)
        s->first_invalid = s->bytes + i;
      i++;
    }
  s->bytes += i;
  return i;
}

/* Fills @buf with up to @size random bytes (the count returned): printable
 * ASCII, and one byte in 1 to @max_odds (drawn for the string) from
 * @odd (@n_odd). */
static gsize
random_text (GRand *rand, guint8 *buf, gsize size, gint32 max_odds, const guint8 *odd, gsize n_odd)
{
  gsize len = (gsize) g_rand_int_range (rand, 0, (gint32) size + 1);
  gint32 odds = g_rand_int_range (rand, 1, max_odds);
  for (gsize i = 0; i < len; i++)
    buf[i] = g_rand_int_range (rand, 0, odds) == 0 ? odd[g_rand_int_range (rand, 0, (gint32) n_odd)]
                                                   : (guint8) g_rand_int_range (rand, 0x20, 0x7F);
  return len;
}

/* dl_decode_scan (which skips runs of plain ASCII a word at a time) gives
 * what the oracle gives, on random blocks with long ASCII runs between
 * the bytes that matter. */
static void
test_scan_agrees_with_oracle (void)
{
  static const guint8 odd[]
      = { 0x00, 0x01, 0x09, 0x0A, 0x1A, 0x1F, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
          0xC2, 0xC5, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFD, 0xFE, 0xFF };
  GRand *rand = g_rand_new_with_seed (23);
  guint8 buf[96];
  guint disagree = 0;
  for (guint round = 0; round < 100000; round++)
    {
      gsize len = random_text (rand, buf, sizeof buf, 40, odd, sizeof odd);
      gboolean final = g_rand_boolean (rand);
      DlByteStats a = DL_BYTE_STATS_INIT, b = DL_BYTE_STATS_INIT;
      a.bytes = b.bytes = 1000; /* offsets of first_invalid follow */
      gsize na = dl_decode_scan (buf, len, final, &a);
      gsize nb = scan_slowly (buf, len, final, &b);
      if (na != nb || memcmp (&a, &b, sizeof a) != 0)
        disagree++;
    }
  g_rand_free (rand);
  CU_ASSERT_EQUAL (disagree, 0);
}

/* dl_decode_count_controls counts what dl_decode_scan counts of NUL and
 * controls, and consumes as many bytes, on random blocks drawn from bytes
 * that matter: controls, text controls, ASCII, every kind of lead byte,
 * continuation bytes and the bounds of the second byte (E0 A0, ED 9F, F0 90,
 * F4 8F), with blocks cut anywhere, final or not. */
static void
test_count_controls_agrees_with_scan (void)
{
  static const guint8 alphabet[]
      = { 0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1A, 0x1B, 0x1F, 0x20, 'a',
          0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xC5,
          0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF };
  GRand *rand = g_rand_new_with_seed (17);
  guint8 buf[64];
  guint disagree = 0, cut = 0;
  for (guint round = 0; round < 200000; round++)
    {
      gsize len = (gsize) g_rand_int_range (rand, 0, (gint32) sizeof buf + 1);
      for (gsize i = 0; i < len; i++)
        buf[i]
            = g_rand_boolean (rand) ? 'a' : alphabet[g_rand_int_range (rand, 0, sizeof alphabet)];
      gboolean final = g_rand_boolean (rand);
      DlByteStats a = DL_BYTE_STATS_INIT, b = DL_BYTE_STATS_INIT;
      gsize na = dl_decode_scan (buf, len, final, &a);
      gsize nb = dl_decode_count_controls (buf, len, final, &b);
      cut += na < len;
      if (na != nb || a.bytes != b.bytes || a.nul != b.nul || a.ctrl != b.ctrl)
        disagree++;
    }
  g_rand_free (rand);
  CU_ASSERT_EQUAL (disagree, 0);
  /* The blocks did end in the middle of characters. */
  CU_ASSERT_TRUE (cut > 1000);
  /* Beyond eight bytes at a time: a control in each word of a long block. */
  guint8 big[4096];
  for (gsize i = 0; i < sizeof big; i++)
    big[i] = i % 37 == 0 ? 0x01 : i % 41 == 0 ? 0x00 : i % 3 == 0 ? 0xC5 : i % 3 == 1 ? 0x9F : 'x';
  DlByteStats a = DL_BYTE_STATS_INIT, b = DL_BYTE_STATS_INIT;
  CU_ASSERT_EQUAL (dl_decode_scan (big, sizeof big, FALSE, &a),
                   dl_decode_count_controls (big, sizeof big, FALSE, &b));
  CU_ASSERT_EQUAL (a.nul, b.nul);
  CU_ASSERT_EQUAL (a.ctrl, b.ctrl);
  CU_ASSERT_TRUE (b.ctrl > 50 && b.nul > 50);
}

static void
test_scan_keeps_incomplete_sequence_for_next_block (void)
{
  const char *s = "ab\xC5\x9F"; /* "abş" cut after its first byte */
  DlByteStats st = DL_BYTE_STATS_INIT;
  gsize n = dl_decode_scan ((const guint8 *) s, 3, FALSE, &st);
  CU_ASSERT_EQUAL (n, 2);
  n = dl_decode_scan ((const guint8 *) s + 2, 2, TRUE, &st);
  CU_ASSERT_EQUAL (n, 2);
  CU_ASSERT_EQUAL (st.invalid, 0);
  CU_ASSERT_EQUAL (st.multibyte, 1);
  CU_ASSERT_EQUAL (st.bytes, 4);
}

static void
test_scan_counts_windows_1254_letters (void)
{
  /* "Işık İŞGAL ağ" in windows-1254 */
  const char *s = "I\xFE\xFDk \xDD\xDEGAL a\xF0";
  DlByteStats st = scan_all (s, strlen (s));
  CU_ASSERT_EQUAL (st.invalid, 5);
  CU_ASSERT_EQUAL (st.tr_legacy, 5);
  CU_ASSERT_EQUAL (st.multibyte, 0);
}

static void
test_sniff_boms_and_signatures (void)
{
  DlEncoding enc;
  CU_ASSERT_FALSE (dl_decode_sniff ((const guint8 *) "\xEF\xBB\xBFhello", 8, &enc));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_UTF8);
  CU_ASSERT_EQUAL (enc.bom, 3);

  CU_ASSERT_TRUE (dl_decode_sniff ((const guint8 *) "\xFF\xFEh\0i\0", 6, &enc));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_CONVERT);
  CU_ASSERT_STRING_EQUAL (enc.name, "UTF-16LE");
  CU_ASSERT_EQUAL (enc.bom, 2);

  CU_ASSERT_TRUE (dl_decode_sniff ((const guint8 *) "\xFE\xFF\0h\0i", 6, &enc));
  CU_ASSERT_STRING_EQUAL (enc.name, "UTF-16BE");

  CU_ASSERT_TRUE (dl_decode_sniff ((const guint8 *) "\xFF\xFE\0\0h\0\0\0", 8, &enc));
  CU_ASSERT_STRING_EQUAL (enc.name, "UTF-32LE");

  CU_ASSERT_TRUE (dl_decode_sniff ((const guint8 *) "%PDF-1.7\n%\xE2\xE3", 12, &enc));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_BINARY);
  CU_ASSERT_STRING_EQUAL (enc.binary_why, "PDF");

  CU_ASSERT_TRUE (dl_decode_sniff ((const guint8 *) "PK\x03\x04rest", 8, &enc));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_BINARY);

  CU_ASSERT_FALSE (dl_decode_sniff ((const guint8 *) "plain text", 10, &enc));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_UTF8);
  CU_ASSERT_EQUAL (enc.bom, 0);
}

static void
test_sniff_utf16_without_bom (void)
{
  const char *text = "Karabag war ended in 1994 and again in 2020.";
  gsize n = strlen (text);
  g_autofree guint8 *le = g_malloc0 (n * 2);
  g_autofree guint8 *be = g_malloc0 (n * 2);
  for (gsize i = 0; i < n; i++)
    le[2 * i] = text[i], be[2 * i + 1] = text[i];
  DlEncoding enc;
  CU_ASSERT_TRUE (dl_decode_sniff (le, n * 2, &enc));
  CU_ASSERT_STRING_EQUAL (enc.name, "UTF-16LE");
  CU_ASSERT_EQUAL (enc.reason, DL_ENCODING_BY_NULS);
  CU_ASSERT_TRUE (dl_decode_sniff (be, n * 2, &enc));
  CU_ASSERT_STRING_EQUAL (enc.name, "UTF-16BE");
}

static DlEncoding
decide (const char *s, gsize len)
{
  DlEncoding enc;
  dl_decode_sniff ((const guint8 *) s, len, &enc);
  DlByteStats st = scan_all (s, len);
  dl_decode_decide (&st, (const guint8 *) s, len, &enc);
  return enc;
}

static void
test_decide_windows_1254_for_turkish_legacy (void)
{
  const char *s = "Az\xFD"
                  "z Karaba\xF0'\xFDn \xFE"
                  "ehirleri \xDDstanbul'a uzak";
  DlEncoding enc = decide (s, strlen (s));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_CONVERT);
  CU_ASSERT_STRING_EQUAL (enc.name, "windows-1254");
  CU_ASSERT_EQUAL (enc.reason, DL_ENCODING_BY_TURKISH);
}

static void
test_decide_utf8_with_a_stray_byte (void)
{
  const char *s = "Işık ağır çığ öğür \xFF şüphe";
  DlEncoding enc = decide (s, strlen (s));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_UTF8);
}

static void
test_decide_binary_when_nul_heavy (void)
{
  char buf[1000];
  for (gsize i = 0; i < sizeof buf; i++)
    buf[i] = (i % 7 == 0) ? 0 : 'a' + (i % 26);
  DlEncoding enc = decide (buf, sizeof buf);
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_BINARY);
}

static void
test_decide_latin_without_turkish_letters_is_1252 (void)
{
  /* "café à la crème" in windows-1252: no byte that only Turkish has. */
  const char *s = "caf\xE9 \xE0 la cr\xE8me, na\xEFve r\xE9sum\xE9";
  DlEncoding enc = decide (s, strlen (s));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_CONVERT);
  /* Either ICU's guess of a Latin charset or the windows-1252 fallback. */
  CU_ASSERT_TRUE (strcmp (enc.name, "windows-1252") == 0 || strcmp (enc.name, "ISO-8859-1") == 0);
}

static void
test_repair_replaces_each_bad_byte (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  CU_ASSERT_EQUAL (dl_decode_repair ("ab\xFF"
                                     "cd",
                                     5, out),
                   2);
  CU_ASSERT_STRING_EQUAL (out->str, "ab\xEF\xBF\xBD"
                                    "cd");
  g_string_truncate (out, 0);
  CU_ASSERT_EQUAL (dl_decode_repair ("a\0b", 3, out), 1);
  CU_ASSERT_STRING_EQUAL (out->str, "a\xEF\xBF\xBD"
                                    "b");
  g_string_truncate (out, 0);
  CU_ASSERT_EQUAL (dl_decode_repair ("şık", strlen ("şık"), out), -1);
  CU_ASSERT_STRING_EQUAL (out->str, "şık");
}

static void
test_named_encodings (void)
{
  DlEncoding enc;
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE (dl_decode_named ("ISO-8859-9", &enc, &error));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_CONVERT);
  CU_ASSERT_EQUAL (enc.reason, DL_ENCODING_BY_USER);
  CU_ASSERT_TRUE (dl_decode_named ("utf8", &enc, &error));
  CU_ASSERT_EQUAL (enc.kind, DL_ENCODING_UTF8);
  CU_ASSERT_FALSE (dl_decode_named ("no-such-charset", &enc, &error));
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
}

/* dl_utf8_valid and dl_utf8_valid_portable say what g_utf8_validate_len
 * says, on random strings drawn from bytes that matter (NUL, every kind of
 * lead byte, the bounds of the second byte: overlongs, surrogates, above
 * U+10FFFF) between ASCII runs, cut anywhere (a sequence cut short at the
 * end is invalid; up to 80 bytes, across the SIMD path's 16-byte chunks);
 * and on the cases that each bound decides. */
static void
check_utf8_valid (gboolean (*utf8_valid) (const char *, gsize))
{
  static const guint8 alphabet[]
      = { 0x00, 0x01, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
          0xC3, 0xC5, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF };
  GRand *rand = g_rand_new_with_seed (29);
  guint8 buf[80];
  guint disagree = 0, valid = 0;
  for (guint round = 0; round < 200000; round++)
    {
      gsize len = random_text (rand, buf, sizeof buf, 30, alphabet, sizeof alphabet);
      gboolean want = g_utf8_validate_len ((const char *) buf, len, NULL);
      valid += want;
      disagree += utf8_valid ((const char *) buf, len) != want;
    }
  g_rand_free (rand);
  CU_ASSERT_EQUAL (disagree, 0);
  /* Both answers were drawn often. */
  CU_ASSERT_TRUE (valid > 20000 && valid < 180000);
  static const struct {
    const char *bytes;
    gboolean valid;
  } cases[] = {
    { "", TRUE },
    { "Savaş bitti, İŞGAL sona erdi.", TRUE },
    { "abcdefg\xC3", FALSE },             /* cut short at the end */
    { "abcdefghijklmno\xC0\x80", FALSE }, /* overlong NUL */
    { "\xE0\x9F\xBF", FALSE },            /* overlong */
    { "\xE0\xA0\x80", TRUE },             /* U+0800 */
    { "\xED\x9F\xBF", TRUE },             /* U+D7FF */
    { "\xED\xA0\x80", FALSE },            /* a surrogate */
    { "\xF0\x8F\xBF\xBF", FALSE },        /* overlong */
    { "\xF4\x8F\xBF\xBF", TRUE },         /* U+10FFFF */
    { "\xF4\x90\x80\x80", FALSE },        /* above U+10FFFF */
    { "12345678\x80"
      "abcdefgh",
      FALSE }, /* a stray continuation byte */
  };
  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    DL_ASSERT_INT_EQ_FOR (cases[k].bytes, utf8_valid (cases[k].bytes, strlen (cases[k].bytes)),
                          cases[k].valid);
  /* A NUL in the middle of an ASCII word of eight bytes. */
  DL_ASSERT_INT_EQ (utf8_valid ("abcd\0fghijklmnop", 17), FALSE);
  DL_ASSERT_INT_EQ (utf8_valid ("abcdefghijklmnop", 16), TRUE);
  /* A sequence across two chunks of sixteen bytes, whole and cut. */
  DL_ASSERT_INT_EQ (utf8_valid ("abcdefghijklmn\xF0\x9F\x98\x80z", 19), TRUE);
  DL_ASSERT_INT_EQ (utf8_valid ("abcdefghijklmn\xF0\x9F\x98", 17), FALSE);
  DL_ASSERT_INT_EQ (utf8_valid ("abcdefghijklmnop\xC3", 17), FALSE);
}

static void
test_utf8_valid_agrees_with_glib (void)
{
  check_utf8_valid (dl_utf8_valid);
  check_utf8_valid (dl_utf8_valid_portable);
}

void
test_decode_suite (void)
{
  CU_pSuite s = CU_add_suite ("decode", NULL, NULL);
  CU_add_test (s, "scan_valid_turkish_counts_multibyte", test_scan_valid_turkish_counts_multibyte);
  CU_add_test (s, "scan_rejects_overlong_surrogate_and_stray",
               test_scan_rejects_overlong_surrogate_and_stray);
  CU_add_test (s, "scan_keeps_incomplete_sequence_for_next_block",
               test_scan_keeps_incomplete_sequence_for_next_block);
  CU_add_test (s, "scan_counts_windows_1254_letters", test_scan_counts_windows_1254_letters);
  CU_add_test (s, "sniff_boms_and_signatures", test_sniff_boms_and_signatures);
  CU_add_test (s, "sniff_utf16_without_bom", test_sniff_utf16_without_bom);
  CU_add_test (s, "decide_windows_1254_for_turkish_legacy",
               test_decide_windows_1254_for_turkish_legacy);
  CU_add_test (s, "decide_utf8_with_a_stray_byte", test_decide_utf8_with_a_stray_byte);
  CU_add_test (s, "decide_binary_when_nul_heavy", test_decide_binary_when_nul_heavy);
  CU_add_test (s, "decide_latin_without_turkish_letters_is_1252",
               test_decide_latin_without_turkish_letters_is_1252);
  CU_add_test (s, "repair_replaces_each_bad_byte", test_repair_replaces_each_bad_byte);
  CU_add_test (s, "named_encodings", test_named_encodings);
  CU_add_test (s, "count_controls_agrees_with_scan", test_count_controls_agrees_with_scan);
  CU_add_test (s, "scan_agrees_with_oracle", test_scan_agrees_with_oracle);
  CU_add_test (s, "utf8_valid_agrees_with_glib", test_utf8_valid_agrees_with_glib);
}
