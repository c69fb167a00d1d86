/* fuzz-reader.c — libFuzzer harness of decode.h and reader.h: the bytes,
 * after the first, as an input file. The first byte says how it is read:
 * bits 0-1 the --encoding given (none: detected; UTF-8; windows-1254;
 * UTF-16LE), bit 2 through a pipe (the stream reader) rather than a file,
 * bits 3-6 all set: the bytes twice, a long line between them, so that the
 * reader's 1 MiB chunk ends in the second copy (bit 7: a line of UTF-16). Every line must be UTF-8
 * (NUL characters decoded from UTF-16 or a legacy encoding allowed), in NFC, without a line
 * terminator and numbered 1, 2, ...; decode.h's scanner must count the same in blocks as whole, and
 * its repair give valid UTF-8. */
#include "config.h"

#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "decode.h"
#include "error.h"
#include "fuzz.h"
#include "reader.h"

#define CHUNK ((gsize) 1 << 20) /* reader.c's CHUNK_SIZE */

static const char *const encodings[] = { NULL, "UTF-8", "windows-1254", "UTF-16LE" };

/* Scans @data whole and in blocks of @block bytes, as the reader scans a
 * stream; the two must agree. */
static void
check_scan (const guint8 *data, gsize len, gsize block)
{
  DlByteStats whole = DL_BYTE_STATS_INIT, parts = DL_BYTE_STATS_INIT;
  FUZZ_CHECK (dl_decode_scan (data, len, TRUE, &whole) == len, "scan");
  gsize at = 0;
  while (at < len)
    {
      gsize n = MIN (block, len - at);
      gsize used = dl_decode_scan (data + at, n, at + n == len, &parts);
      /* An incomplete sequence waits for the next block, which brings it
       * more bytes: at most three wait. */
      FUZZ_CHECK (used + 3 >= n && used <= n, "scan of a block");
      if (used == 0 && at + n < len)
        block++; /* too short a block for the character: widen */
      at += used;
    }
  FUZZ_CHECK (memcmp (&whole, &parts, sizeof whole) == 0, "scan in blocks");
  DlEncoding enc;
  if (!dl_decode_sniff (data, len, &enc))
    dl_decode_decide (&whole, data, len, &enc);
  FUZZ_CHECK (enc.name[0] != '\0' && enc.bom <= len, "encoding decided");
}

/* Repair must give valid UTF-8 without NUL, the first bad byte's offset,
 * and the text itself when it was valid. */
static void
check_repair (const guint8 *data, gsize len)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gssize bad = dl_decode_repair ((const char *) data, len, out);
  fuzz_check_utf8 (out->str, out->len, FALSE, "repair");
  const char *end;
  gboolean valid = g_utf8_validate_len ((const char *) data, len, &end);
  FUZZ_CHECK (valid ? bad == -1 : bad == end - (const char *) data, "repair's first bad byte");
  FUZZ_CHECK (bad >= 0 || (out->len == len && memcmp (out->str, data, len) == 0), "repair copies");
}

/* TRUE if @text (@len bytes of UTF-8) is in NFC: ICU's check, linear in
 * the length (g_utf8_normalize composes Hangul in quadratic time). */
static gboolean
is_nfc (const char *text, gsize len)
{
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = 0;
  u_strFromUTF8 (NULL, 0, &n, text, (int32_t) len, &st);
  st = U_ZERO_ERROR;
  g_autofree UChar *u = g_new (UChar, n + 1);
  u_strFromUTF8 (u, n + 1, NULL, text, (int32_t) len, &st);
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&st);
  UBool yes = U_SUCCESS (st) ? unorm2_isNormalized (nfc, u, n, &st) : FALSE;
  if (U_FAILURE (st))
    g_error ("NFC check: %s", u_errorName (st));
  return yes;
}

/* A line as the reader promises it, after @prev. */
static void
check_line (const DlLine *line, guint64 prev)
{
  /* The pieces of a line longer than DL_READER_MAX_LINE share its number. */
  FUZZ_CHECK (line->number == prev + 1 || (prev > 0 && line->number == prev), "line numbers");
  fuzz_check_utf8 (line->text, line->len, TRUE, "line");
  FUZZ_CHECK (memchr (line->text, '\n', line->len) == NULL, "no LF");
  FUZZ_CHECK (memchr (line->text, '\r', line->len) == NULL, "no CR");
  (void) dl_line_is_blank (line->text, line->len);
  FUZZ_CHECK (is_nfc (line->text, line->len), "NFC");
}

/* @data twice, apart by a filler line that puts the reader's first chunk
 * boundary in the second copy, @at bytes into it: "a" repeated or, with
 * @wide, "a\0" (UTF-16's "a"). */
static GByteArray *
straddled (const guint8 *data, gsize len, gsize at, gboolean wide)
{
  GByteArray *a = g_byte_array_sized_new ((guint) (CHUNK + 2 * len));
  g_byte_array_append (a, data, (guint) len);
  gsize fill = CHUNK - MIN (at, len) - MIN (len, CHUNK / 2);
  /* The filler doubled by copies, not written byte by byte (the array has
   * room for it all: appending never moves what it copies). */
  g_byte_array_append (a, (const guint8 *) (wide ? "a\0" : "aa"), (guint) MIN (fill, 2));
  while (a->len < len + fill)
    g_byte_array_append (a, a->data + len, (guint) MIN (a->len - len, len + fill - a->len));
  g_byte_array_append (a, data, (guint) len);
  return a;
}

static void
read_lines (const guint8 *data, gsize len, guint8 how)
{
  DlEncoding forced;
  const char *name = encodings[how & 3];
  if (name != NULL && !dl_decode_named (name, &forced, NULL))
    g_error ("no converter for %s", name);
  g_autoptr (FuzzFile) file = fuzz_file_new (data, len, (how & 4) != 0);
  DlInput input = { (char *) fuzz_file_path (file), FALSE, NULL, 0, NULL, 0, NULL };
  g_autoptr (DlDiag) diag = fuzz_diag_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DlReader) r
      = dl_reader_open (&input, name != NULL ? &forced : NULL, diag, NULL, &error);
  if (r == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == DL_ERROR, "open fails with an error");
      return;
    }
  FUZZ_CHECK (dl_reader_encoding (r)->kind != DL_ENCODING_BINARY, "not binary");
  DlLine line;
  guint64 number = 0;
  while (dl_reader_next (r, &line, &error))
    {
      check_line (&line, number);
      number = line.number;
    }
  /* Read to its end, or to binary data met after what decided the
   * encoding (a forced encoding decides on nothing). */
  FUZZ_CHECK (error == NULL || g_error_matches (error, DL_ERROR, DL_ERROR_BINARY),
              "a file or pipe is read to its end or to binary data");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 how;
  if (!fuzz_take_how (&data, &size, &how))
    return 0;
  check_scan (data, size, 1 + how % 7);
  check_repair (data, size);
  if ((how & 0x78) == 0x78 && size > 0)
    {
      g_autoptr (GByteArray) big = straddled (data, size, data[0] % (size + 1), how & 0x80);
      read_lines (big->data, big->len, how);
    }
  else
    read_lines (data, size, how);
  return 0;
}
