/* decode.c — encoding detection and repair. UTF-8 is validated with a scanner
 * that skips ASCII eight bytes at a time (and a line read back from an index
 * sixteen bytes at a time with SSSE3); invalid UTF-8 that carries Turkish
 * windows-1254 letters is windows-1254; ICU's detector is the last resort. */
#include "config.h"

#include "decode.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include "error.h"
#include "icu.h"
#include "i18n.h"

/* Controls that plain text does not use: all C0 but TAB LF VT FF CR, SUB
 * (the DOS end-of-file mark) and ESC. */
static inline gboolean
is_binary_ctrl (guint8 b)
{
  return b < 0x20 && b != 0 && !(b >= 0x09 && b <= 0x0D) && b != 0x1A && b != 0x1B;
}

/* ı ş ğ İ Ş Ğ, and ç ö ü Ç Ö Ü, as windows-1254 bytes. The first six are what
 * tells windows-1254 from windows-1252; the others are common Turkish. */
static inline gboolean
is_tr_legacy (guint8 b)
{
  switch (b)
    {
    case 0xFD:
    case 0xFE:
    case 0xF0:
    case 0xDD:
    case 0xDE:
    case 0xD0:
    case 0xE7:
    case 0xF6:
    case 0xFC:
    case 0xC7:
    case 0xD6:
    case 0xDC:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Length of the valid UTF-8 sequence at @p (at most @avail bytes), 0 if the
 * bytes are invalid, -1 if they are a valid but incomplete prefix. */
static inline int
utf8_seq_len (const guint8 *p, gsize avail)
{
  guint8 b = p[0];
  int n;
  guint8 lo = 0x80, hi = 0xBF; /* bounds of the second byte */
  if (b >= 0xC2 && b <= 0xDF)
    n = 2;
  else if (b >= 0xE0 && b <= 0xEF)
    {
      n = 3;
      if (b == 0xE0)
        lo = 0xA0; /* no overlongs */
      else if (b == 0xED)
        hi = 0x9F; /* no surrogates */
    }
  else if (b >= 0xF0 && b <= 0xF4)
    {
      n = 4;
      if (b == 0xF0)
        lo = 0x90;
      else if (b == 0xF4)
        hi = 0x8F; /* nothing above U+10FFFF */
    }
  else
    return 0;
  for (int i = 1; i < n; i++)
    {
      if ((gsize) i >= avail)
        return -1;
      guint8 c = p[i];
      if (i == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF))
        return 0;
    }
  return n;
}

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define SPACE_BYTES G_GUINT64_CONSTANT (0x2020202020202020)
#define ONE_BYTES G_GUINT64_CONSTANT (0x0101010101010101)

/* The bytes at @p (@avail of them) before the first at or above 0x80 or
 * below the byte @below repeats (SPACE_BYTES: a control; ONE_BYTES: NUL),
 * eight at a time: where the words stop, exactly on a little-endian
 * machine (the lowest flag is exact: a borrow only carries upwards), else
 * at the start of the word that holds it. */
static inline gsize
plain_bytes (const guint8 *p, gsize avail, guint64 below)
{
  gsize i = 0;
  for (; i + 8 <= avail; i += 8)
    {
      guint64 w;
      memcpy (&w, p + i, 8);
      guint64 stop = (w | ((w - below) & ~w)) & HIGH_BITS;
      if (stop != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
          i += (gsize) __builtin_ctzll (stop) / 8;
#endif
          break;
        }
    }
  return i;
}

gsize
dl_decode_scan (const guint8 *data, gsize len, gboolean final, DlByteStats *s)
{
  gsize i = 0;
  while (i < len)
    {
      /* The ASCII bytes before the first control or other byte. */
      i += plain_bytes (data + i, len - i, SPACE_BYTES);
      if (i == len)
        break;
      guint8 b = data[i];
      if (b < 0x80)
        {
          if (b == 0)
            {
              s->nul++;
              s->invalid++;
              if (s->first_invalid == G_MAXUINT64)
                s->first_invalid = s->bytes + i;
            }
          else if (is_binary_ctrl (b))
            s->ctrl++;
          i++;
          continue;
        }
      int n = utf8_seq_len (data + i, len - i);
      if (n < 0 && !final)
        break;
      if (n > 0)
        {
          s->multibyte++;
          i += n;
          continue;
        }
      s->invalid++;
      if (is_tr_legacy (b))
        s->tr_legacy++;
      if (s->first_invalid == G_MAXUINT64)
        s->first_invalid = s->bytes + i;
      i++;
    }
  s->bytes += i;
  return i;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_SSSE3_VALID 1

/* UTF-8 checked sixteen bytes at a time with SSSE3's byte shuffle as
 * three table lookups (the algorithm of Keiser and Lemire, "Validating
 * UTF-8 in less than one instruction per byte", 2021): each byte's high
 * and low nibbles and the next byte's high nibble give the errors that
 * pair can show, and the bytes two and three after a lead of three or
 * four must be continuations. In Turkish text a letter outside ASCII
 * comes every few bytes, where a scanner stops at each. */
__attribute__ ((target ("ssse3"))) static gboolean
utf8_valid_ssse3 (const guint8 *p, gsize len)
{
  /* The error bits of a pair of bytes (the first's high, its low, then
   * the second's high nibble): all three must agree on one. */
  enum {
    TOO_SHORT = 1 << 0,  /* a lead, then ASCII or a lead */
    TOO_LONG = 1 << 1,   /* ASCII, then a continuation */
    OVERLONG_3 = 1 << 2, /* E0 80..9F */
    TOO_LARGE = 1 << 3,  /* F4 90..BF, F5..FF */
    SURROGATE = 1 << 4,  /* ED A0..BF */
    OVERLONG_2 = 1 << 5, /* C0, C1 */
    TOO_LARGE_1000 = 1 << 6,
    OVERLONG_4 = 1 << 6, /* F0 80..8F */
    TWO_CONTS = 1 << 7,  /* a continuation after a continuation (unless a
                          * lead of three or four bytes wants it) */
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
  };
  /* By the nibble: the first byte's high, its low, the second's high. */
  /* clang-format off */
  const __m128i first_high = _mm_setr_epi8 (
      /* 0___ (ASCII), 10__ (a continuation) */
      TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
      (char) TWO_CONTS, (char) TWO_CONTS, (char) TWO_CONTS, (char) TWO_CONTS,
      TOO_SHORT | OVERLONG_2,                               /* 1100 */
      TOO_SHORT,                                            /* 1101 */
      TOO_SHORT | OVERLONG_3 | SURROGATE,                   /* 1110 */
      TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4); /* 1111 */
  const __m128i first_low = _mm_setr_epi8 (
      (char) (CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4),           /* 0000 */
      (char) (CARRY | OVERLONG_2),                                     /* 0001 */
      (char) CARRY, (char) CARRY,                                      /* 001_ */
      (char) (CARRY | TOO_LARGE),                                      /* 0100 */
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000),                     /* 0101 */
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000),                     /* 011_ */
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000),
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000),                     /* 1___ */
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000),
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000),
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000),
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000),
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE),         /* 1101 */
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000),
      (char) (CARRY | TOO_LARGE | TOO_LARGE_1000));
  const __m128i second_high = _mm_setr_epi8 (
      /* ASCII */
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
      /* 1000, 1001, 101_ */
      (char) (TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),
      (char) (TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),
      (char) (TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
      (char) (TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
      /* 11__ */
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
  /* clang-format on */
  const __m128i nibble = _mm_set1_epi8 (0x0F), zero = _mm_setzero_si128 ();
  __m128i prev = zero, error = zero;
  guint8 tail[16];
  for (gsize i = 0;; i += 16)
    {
      __m128i in;
      gboolean last = i + 16 > len;
      if (!last)
        in = _mm_loadu_si128 ((gconstpointer) (p + i));
      else
        {
          /* Spaces after the end: a sequence the end cuts is too short. */
          memset (tail, ' ', sizeof tail);
          memcpy (tail, p + i, len - i);
          in = _mm_loadu_si128 ((gconstpointer) tail);
        }
      error = _mm_or_si128 (error, _mm_cmpeq_epi8 (in, zero)); /* NUL */
      __m128i prev1 = _mm_alignr_epi8 (in, prev, 15);
      __m128i sc = _mm_and_si128 (
          _mm_and_si128 (
              _mm_shuffle_epi8 (first_high, _mm_and_si128 (_mm_srli_epi16 (prev1, 4), nibble)),
              _mm_shuffle_epi8 (first_low, _mm_and_si128 (prev1, nibble))),
          _mm_shuffle_epi8 (second_high, _mm_and_si128 (_mm_srli_epi16 (in, 4), nibble)));
      __m128i prev2 = _mm_alignr_epi8 (in, prev, 14), prev3 = _mm_alignr_epi8 (in, prev, 13);
      __m128i must23 = _mm_or_si128 (_mm_subs_epu8 (prev2, _mm_set1_epi8 ((char) (0xE0 - 0x80))),
                                     _mm_subs_epu8 (prev3, _mm_set1_epi8 ((char) (0xF0 - 0x80))));
      must23 = _mm_and_si128 (must23, _mm_set1_epi8 ((char) 0x80));
      error = _mm_or_si128 (error, _mm_xor_si128 (must23, sc));
      if (last)
        break;
      prev = in;
    }
  return _mm_movemask_epi8 (_mm_cmpeq_epi8 (error, zero)) == 0xFFFF;
}
#endif

gboolean
dl_utf8_valid (const char *text, gsize len)
{
#ifdef HAVE_SSSE3_VALID
  if (__builtin_cpu_supports ("ssse3"))
    return utf8_valid_ssse3 ((const guint8 *) text, len);
#endif
  return dl_utf8_valid_portable (text, len);
}

gboolean
dl_utf8_valid_portable (const char *text, gsize len)
{
  const guint8 *p = (const guint8 *) text;
  gsize i = 0;
  while (i < len)
    {
      i += plain_bytes (p + i, len - i, ONE_BYTES);
      if (i == len)
        break;
      guint8 b = p[i];
      if (b < 0x80)
        {
          if (b == 0)
            return FALSE;
          i++;
        }
      else if (b >= 0xC2 && b <= 0xDF && i + 1 < len && (p[i + 1] & 0xC0) == 0x80)
        i += 2; /* the Turkish letters, most of what is not ASCII */
      else
        {
          int n = utf8_seq_len (p + i, len - i);
          if (n <= 0)
            return FALSE;
          i += (gsize) n;
        }
    }
  return TRUE;
}

gsize
dl_decode_count_controls (const guint8 *data, gsize len, gboolean final, DlByteStats *s)
{
  /* The scan stops at the first lead byte whose sequence the block cuts
   * short: only the last three bytes can hold one, and a lead byte is
   * never the continuation of another, so the scan reaches it. */
  gsize used = len;
  if (!final)
    for (gsize j = len >= 3 ? len - 3 : 0; j < len; j++)
      if (data[j] >= 0xC0 && utf8_seq_len (data + j, len - j) < 0)
        {
          used = j;
          break;
        }
  /* NUL and the controls are ASCII, whatever bytes stand around them. */
  guint64 nul = 0, ctrl = 0;
  gsize i = 0;
  for (; i + 8 <= used; i += 8)
    {
      guint64 w;
      memcpy (&w, data + i, 8);
      if ((((w - SPACE_BYTES) & ~w) & HIGH_BITS) == 0)
        continue; /* no byte below 0x20 */
      for (gsize k = i; k < i + 8; k++)
        nul += data[k] == 0, ctrl += is_binary_ctrl (data[k]);
    }
  for (; i < used; i++)
    nul += data[i] == 0, ctrl += is_binary_ctrl (data[i]);
  s->nul += nul;
  s->ctrl += ctrl;
  s->bytes += used;
  return used;
}

typedef struct {
  const char *magic;
  gsize len;
  const char *what;
} Signature;

static const Signature signatures[] = {
  { "%PDF-", 5, "PDF" },
  { "\x89PNG", 4, "PNG image" },
  { "\xFF\xD8\xFF", 3, "JPEG image" },
  { "GIF8", 4, "GIF image" },
  { "PK\x03\x04", 4, "ZIP archive (or DOCX/ODT)" },
  { "\xD0\xCF\x11\xE0", 4, "MS Office document" },
  { "\x1F\x8B", 2, "gzip archive" },
  { "BZh", 3, "bzip2 archive" },
  { "\xFD"
    "7zXZ",
    5, "xz archive" },
  { "7z\xBC\xAF", 4, "7z archive" },
  { "\x7F"
    "ELF",
    4, "ELF executable" },
  { "{\\rtf", 5, "RTF document" },
};

static void
set_convert (DlEncoding *enc, const char *name, DlEncodingReason reason, gsize bom)
{
  enc->kind = DL_ENCODING_CONVERT;
  enc->reason = reason;
  g_strlcpy (enc->name, name, sizeof enc->name);
  enc->bom = bom;
  enc->binary_why = NULL;
}

static void
set_utf8 (DlEncoding *enc, DlEncodingReason reason, gsize bom)
{
  enc->kind = DL_ENCODING_UTF8;
  enc->reason = reason;
  g_strlcpy (enc->name, "UTF-8", sizeof enc->name);
  enc->bom = bom;
  enc->binary_why = NULL;
}

static void
set_binary (DlEncoding *enc, const char *why)
{
  enc->kind = DL_ENCODING_BINARY;
  enc->reason = DL_ENCODING_BY_DEFAULT;
  g_strlcpy (enc->name, "binary", sizeof enc->name);
  enc->bom = 0;
  enc->binary_why = why;
}

gboolean
dl_decode_sniff (const guint8 *head, gsize len, DlEncoding *enc)
{
  if (len >= 4 && memcmp (head, "\xFF\xFE\0\0", 4) == 0)
    return set_convert (enc, "UTF-32LE", DL_ENCODING_BY_BOM, 4), TRUE;
  if (len >= 4 && memcmp (head, "\0\0\xFE\xFF", 4) == 0)
    return set_convert (enc, "UTF-32BE", DL_ENCODING_BY_BOM, 4), TRUE;
  if (len >= 2 && head[0] == 0xFF && head[1] == 0xFE)
    return set_convert (enc, "UTF-16LE", DL_ENCODING_BY_BOM, 2), TRUE;
  if (len >= 2 && head[0] == 0xFE && head[1] == 0xFF)
    return set_convert (enc, "UTF-16BE", DL_ENCODING_BY_BOM, 2), TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (len >= signatures[i].len && memcmp (head, signatures[i].magic, signatures[i].len) == 0)
      return set_binary (enc, signatures[i].what), TRUE;

  /* UTF-16 without a BOM: text in Latin script has a NUL in every other byte. */
  gsize n = MIN (len, 4096) & ~(gsize) 1;
  if (n >= 16)
    {
      gsize even = 0, odd = 0;
      for (gsize i = 0; i < n; i += 2)
        {
          even += head[i] == 0;
          odd += head[i + 1] == 0;
        }
      if (odd * 10 >= n / 2 * 4 && even * 50 < n / 2)
        return set_convert (enc, "UTF-16LE", DL_ENCODING_BY_NULS, 0), TRUE;
      if (even * 10 >= n / 2 * 4 && odd * 50 < n / 2)
        return set_convert (enc, "UTF-16BE", DL_ENCODING_BY_NULS, 0), TRUE;
    }

  gsize bom = len >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  set_utf8 (enc, bom ? DL_ENCODING_BY_BOM : DL_ENCODING_BY_DEFAULT, bom);
  return FALSE;
}

/* ICU's detector, on a sample; NULL unless it names a legacy charset with
 * some confidence (a detector guess of UTF-8 is no use for invalid UTF-8). */
static const char *
detect_with_icu (const guint8 *sample, gsize len, char *name, gsize name_size)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autoptr (UCharsetDetector) csd = ucsdet_open (&status);
  if (U_FAILURE (status))
    return NULL;
  ucsdet_setText (csd, (const char *) sample, (int32_t) MIN (len, G_MAXINT32), &status);
  const UCharsetMatch *match = ucsdet_detect (csd, &status);
  if (U_FAILURE (status) || match == NULL)
    return NULL;
  const char *found = ucsdet_getName (match, &status);
  int32_t confidence = ucsdet_getConfidence (match, &status);
  if (U_FAILURE (status) || found == NULL || confidence < 20
      || g_ascii_strncasecmp (found, "UTF-", 4) == 0)
    return NULL;
  g_strlcpy (name, found, name_size);
  return name;
}

void
dl_decode_decide (const DlByteStats *s, const guint8 *sample, gsize sample_len, DlEncoding *enc)
{
  gsize bom = enc->kind == DL_ENCODING_UTF8 ? enc->bom : 0;
  /* NUL-heavy or control-heavy: binary, whatever else it has. */
  if (s->bytes > 0 && (s->nul * 200 > s->bytes || s->ctrl * 20 > s->bytes))
    {
      set_binary (enc, "control characters");
      return;
    }
  if (s->invalid == 0 || s->invalid <= s->multibyte || bom > 0)
    {
      /* Valid UTF-8, or UTF-8 with a few stray bytes (replaced later); a
         UTF-8 BOM settles it. */
      set_utf8 (enc, bom ? DL_ENCODING_BY_BOM : DL_ENCODING_BY_DEFAULT, bom);
      return;
    }
  if (s->tr_legacy > 0)
    {
      /* Safe for ISO-8859-9 too: the two agree on every letter. */
      set_convert (enc, "windows-1254", DL_ENCODING_BY_TURKISH, 0);
      return;
    }
  char name[32];
  if (detect_with_icu (sample, sample_len, name, sizeof name) != NULL)
    set_convert (enc, name, DL_ENCODING_BY_DETECTOR, 0);
  else
    /* Without Turkish letters windows-1254 and windows-1252 decode alike. */
    set_convert (enc, "windows-1252", DL_ENCODING_BY_FALLBACK, 0);
}

gboolean
dl_decode_named (const char *name, DlEncoding *enc, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autoptr (UConverter) conv = ucnv_open (name, &status);
  if (conv == NULL || U_FAILURE (status))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("unknown encoding '%s'"), name);
      return FALSE;
    }
  const char *canonical = ucnv_getName (conv, &status);
  if (U_FAILURE (status))
    return dl_set_icu_error (error, status, "ucnv_getName");
  if (g_ascii_strcasecmp (canonical, "UTF-8") == 0)
    set_utf8 (enc, DL_ENCODING_BY_USER, 0);
  else
    set_convert (enc, name, DL_ENCODING_BY_USER, 0);
  return TRUE;
}

gssize
dl_decode_repair (const char *text, gsize len, GString *out)
{
  gssize first = -1;
  const char *p = text, *end = text + len;
  while (p < end)
    {
      const char *bad;
      if (g_utf8_validate_len (p, end - p, &bad))
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, bad - p);
      if (first < 0)
        first = bad - text;
      g_string_append (out, "\xEF\xBF\xBD"); /* U+FFFD */
      p = bad + 1;
    }
  return first;
}

typedef enum {
  WIDTH_ONE,   /* a byte per character */
  WIDTH_UTF16, /* two, four outside the BMP */
  WIDTH_UTF32, /* four */
  WIDTH_ICU,   /* as ICU encodes it */
} Width;

/* How characters of @encoding are counted in bytes: decided once per name
 * (ICU's converter type) and kept. */
static Width
encoding_width (const char *encoding)
{
  static GHashTable *widths;
  G_LOCK_DEFINE_STATIC (widths);
  G_LOCK (widths);
  if (widths == NULL)
    widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gpointer found;
  gboolean known = g_hash_table_lookup_extended (widths, encoding, NULL, &found);
  G_UNLOCK (widths);
  if (known)
    return (Width) GPOINTER_TO_INT (found);

  Width w = WIDTH_ICU;
  UErrorCode status = U_ZERO_ERROR;
  g_autoptr (UConverter) conv = ucnv_open (encoding, &status);
  if (U_SUCCESS (status))
    switch (ucnv_getType (conv))
      {
      case UCNV_UTF16_BigEndian:
      case UCNV_UTF16_LittleEndian:
      case UCNV_UTF16:
        w = WIDTH_UTF16;
        break;
      case UCNV_UTF32_BigEndian:
      case UCNV_UTF32_LittleEndian:
      case UCNV_UTF32:
        w = WIDTH_UTF32;
        break;
      default:
        if (ucnv_getMaxCharSize (conv) == 1)
          w = WIDTH_ONE;
        break;
      }
  G_LOCK (widths);
  g_hash_table_insert (widths, g_strdup (encoding), GINT_TO_POINTER (w));
  G_UNLOCK (widths);
  return w;
}

/* @text's length when ICU encodes it in @encoding (unmappable characters
 * as the converter's substitute). */
static guint64
icu_length (const char *encoding, const char *text, gsize len)
{
  if (len > G_MAXINT32 / 2)
    return len;
  UErrorCode status = U_ZERO_ERROR;
  int32_t n16 = 0;
  u_strFromUTF8 (NULL, 0, &n16, text, (int32_t) len, &status);
  status = U_ZERO_ERROR;
  g_autofree UChar *u = g_new (UChar, n16 + 1);
  u_strFromUTF8WithSub (u, n16 + 1, NULL, text, (int32_t) len, 0xFFFD, NULL, &status);
  g_autoptr (UConverter) conv = ucnv_open (encoding, &status);
  if (U_FAILURE (status))
    return len;
  int32_t n = ucnv_fromUChars (conv, NULL, 0, u, n16, &status);
  return n > 0 ? (guint64) n : 0;
}

guint64
dl_decode_source_length (const char *encoding, const char *text, gsize len)
{
  if (encoding == NULL)
    return len;
  Width w = encoding_width (encoding);
  if (w == WIDTH_ICU)
    return icu_length (encoding, text, len);
  const guint8 *p = (const guint8 *) text, *end = p + len;
  guint64 chars = 0, astral = 0;
  for (; p < end; p++)
    {
      chars += (*p & 0xC0) != 0x80;
      astral += *p >= 0xF0;
    }
  switch (w)
    {
    case WIDTH_UTF16:
      return 2 * (chars + astral);
    case WIDTH_UTF32:
      return 4 * chars;
    case WIDTH_ONE:
    case WIDTH_ICU:
    default:
      return chars;
    }
}
