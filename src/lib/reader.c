/* reader.c — lines of one input. Every input — a file, stdin, a pipe, a
 * device — is read with read() through one bounded buffer: nothing is
 * memory-mapped, so a file that shrinks or changes while it is read cannot
 * fault (it is read as it is found). Text in a legacy encoding or UTF-16/32
 * is converted to UTF-8 by ICU on the way. */
#include "config.h"

#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "error.h"
#include "icu.h"
#include "i18n.h"
#include "progress.h"

#define CHUNK_SIZE ((gsize) 1 << 20)        /* bytes read or converted at a time */
#define HEAD_SIZE ((gsize) 64 << 10)        /* bytes sniffed for BOMs and signatures */
#define PROGRESS_STEP ((guint64) 256 << 10) /* bytes consumed between reports */
#define BINARY_MIN ((guint64) 256)          /* decoded bytes a chunk needs to be judged */

struct _DlReader {
  char *name;
  const DlDiag *diag;
  DlEncoding enc;
  const char *source_encoding; /* interned; NULL for UTF-8 (DlLine.encoding) */

  /* Bytes consumed are counted here (NULL: nowhere). */
  DlProgress *progress;
  guint64 reported; /* bytes counted so far */

  /* The input. */
  int fd;
  gboolean close_fd;
  gboolean regular;   /* a regular file: it can be scanned before it is read */
  guint64 read_total; /* bytes read from it */
  guint64 limit;      /* read no more than this (a part: dl_reader_split) */
  gboolean raw_eof;   /* no more input bytes */
  guint8 *raw;        /* input bytes read but not yet decoded */
  gsize raw_len;
  gsize raw_start; /* raw bytes before this are done with (a BOM) */

  /* Decoded text not yet split into lines. */
  GByteArray *pending;
  gsize pstart;         /* first byte of the next line in pending */
  gsize scanned;        /* bytes after pstart known to hold no line end */
  guint64 pend_offset;  /* input offset of pending[pstart] */
  guint64 dec_base;     /* decoded bytes that were before pending[0] */
  gboolean decoded_eof; /* pending holds the last of the text */
  UConverter *from;
  UConverter *to_utf8;
  UChar pivot[4096];
  UChar *pivot_source, *pivot_target;

  /* The decoded text, scanned as it is appended to pending: invalid UTF-8
   * (and NUL) to repair, and chunks that are not text. */
  DlByteStats live;        /* of the decoded bytes scanned so far */
  guint64 binary_from;     /* decoded chunks from this offset are judged binary or not */
  guint64 chunk_start;     /* decoded offset of the chunk being appended */
  guint64 convert_base;    /* input offset of r->raw while it is converted */
  guint64 first_bad;       /* input offset of the first byte the converter refused */
  guint64 spool_binary_at; /* the spool ends where binary data began, or G_MAXUINT64 */

  /* The current line. */
  guint64 number;
  gboolean continued; /* the last line was cut at the length limit */
  gboolean warned_invalid;
  gboolean warned_long;
  GString *fixed;
  GString *normalized;
};

/* Counts the input bytes read since the last report, a step at a time. */
static void
note_consumed (DlReader *r, gboolean all)
{
  if (r->progress != NULL && (all || r->read_total >= r->reported + PROGRESS_STEP))
    {
      dl_progress_add_bytes (r->progress, r->read_total - r->reported);
      r->reported = r->read_total;
    }
}

static gboolean
set_io_error (GError **error, int errsv)
{
  g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s", g_strerror (errsv));
  return FALSE;
}

static void
report_encoding (DlReader *r)
{
  const DlEncoding *e = &r->enc;
  switch (e->reason)
    {
    case DL_ENCODING_BY_TURKISH:
      dl_diag_report (r->diag, DL_DIAG_NOTE, r->name, 0,
                      _ ("not UTF-8; reading it as %s (it has Turkish letters in that encoding)"),
                      e->name);
      break;
    case DL_ENCODING_BY_DETECTOR:
      dl_diag_report (r->diag, DL_DIAG_NOTE, r->name, 0,
                      _ ("not UTF-8; reading it as %s, as ICU's detector guesses"), e->name);
      break;
    case DL_ENCODING_BY_FALLBACK:
      dl_diag_report (r->diag, DL_DIAG_NOTE, r->name, 0,
                      _ ("not UTF-8; reading it as %s (no better guess; use --encoding)"), e->name);
      break;
    case DL_ENCODING_BY_BOM:
      if (e->kind == DL_ENCODING_CONVERT)
        dl_diag_report (r->diag, DL_DIAG_NOTE, r->name, 0, _ ("reading it as %s (byte order mark)"),
                        e->name);
      break;
    case DL_ENCODING_BY_NULS:
      dl_diag_report (r->diag, DL_DIAG_NOTE, r->name, 0,
                      _ ("reading it as %s (no byte order mark, but its NUL bytes say so)"),
                      e->name);
      break;
    case DL_ENCODING_BY_DEFAULT:
    case DL_ENCODING_BY_USER:
      break;
    }
}

/* ICU calls this for bytes that are not text in the input's encoding
 * (invalid UTF-16, a byte windows-1254 does not assign): the first one's
 * offset is kept for the warning, and each is read as U+FFFD. */
static void U_CALLCONV
on_bad_bytes (const void *context, UConverterToUnicodeArgs *args, const char *code_units,
              int32_t length, UConverterCallbackReason reason, UErrorCode *status)
{
  DlReader *r = (DlReader *) context;
  if (reason > UCNV_IRREGULAR)
    return; /* reset, close, clone: nothing to replace */
  if (r->first_bad == G_MAXUINT64)
    {
      /* args->source is just past the bad bytes, which may have begun in
       * the chunk before. */
      guint64 past = r->convert_base + (guint64) (args->source - (const char *) r->raw);
      r->first_bad = past >= (guint64) length ? past - (guint64) length : 0;
    }
  (void) code_units;
  static const UChar replacement = 0xFFFD;
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars (args, &replacement, 1, 0, status);
}

static gboolean
open_converter (DlReader *r, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  r->from = ucnv_open (r->enc.name, &status);
  if (U_FAILURE (status))
    return dl_set_icu_error (error, status, "ucnv_open");
  ucnv_setToUCallBack (r->from, on_bad_bytes, r, NULL, NULL, &status);
  if (U_FAILURE (status))
    return dl_set_icu_error (error, status, "ucnv_setToUCallBack");
  r->to_utf8 = ucnv_open ("UTF-8", &status);
  if (U_FAILURE (status))
    return dl_set_icu_error (error, status, "ucnv_open");
  r->pivot_source = r->pivot_target = r->pivot;
  return TRUE;
}

/* Reads up to @want bytes of the input into r->raw (after what is there). */
static gboolean
read_input (DlReader *r, gsize want, GError **error)
{
  if (want >= r->limit - r->read_total)
    {
      want = (gsize) (r->limit - r->read_total);
      if (want == 0)
        r->raw_eof = TRUE;
    }
  r->raw = g_realloc (r->raw, r->raw_len + want);
  while (want > 0 && !r->raw_eof)
    {
      ssize_t n = read (r->fd, r->raw + r->raw_len, want);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_io_error (error, errno);
      if (n == 0)
        r->raw_eof = TRUE;
      r->raw_len += n;
      r->read_total += n;
      want -= n;
    }
  if (r->read_total == r->limit)
    r->raw_eof = TRUE;
  note_consumed (r, FALSE);
  return TRUE;
}

/* Opens the input for reading: stdin, its spool file, or the file named. */
static gboolean
open_input (DlReader *r, const DlInput *input, GError **error)
{
  const char *path = input->spool != NULL ? input->spool : input->path;
  if (input->is_stdin && input->spool == NULL)
    r->fd = STDIN_FILENO;
  else
    {
      /* O_NONBLOCK: opening a FIFO with no writer must not hang; it is
       * cleared below for reading. */
      r->fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
      if (r->fd < 0)
        return set_io_error (error, errno);
      r->close_fd = TRUE;
    }
  struct stat st;
  if (fstat (r->fd, &st) != 0)
    return set_io_error (error, errno);
  if (S_ISDIR (st.st_mode))
    return set_io_error (error, EISDIR);
  if (r->close_fd)
    {
      int flags = fcntl (r->fd, F_GETFL);
      if (flags >= 0)
        (void) fcntl (r->fd, F_SETFL, flags & ~O_NONBLOCK);
    }
  r->regular = S_ISREG (st.st_mode);
  return TRUE;
}

/* Tallies the bytes of the whole input: the head already in r->raw, then
 * the rest of a regular file with pread (read() goes on after the head). */
static gboolean
scan_input (DlReader *r, DlByteStats *stats, GError **error)
{
  gsize at = dl_decode_scan (r->raw, r->raw_len, r->raw_eof, stats);
  if (r->raw_eof || !r->regular)
    return TRUE;
  g_autofree guint8 *buf = g_malloc (CHUNK_SIZE + 4);
  gsize carry = r->raw_len - at;
  memcpy (buf, r->raw + at, carry);
  guint64 offset = r->raw_len;
  for (;;)
    {
      ssize_t n = pread (r->fd, buf + carry, CHUNK_SIZE, (off_t) offset);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_io_error (error, errno);
      gboolean final = n == 0;
      gsize have = carry + (gsize) n;
      gsize used = dl_decode_scan (buf, have, final, stats);
      if (final)
        return TRUE;
      carry = have - used;
      memmove (buf, buf + used, carry);
      offset += (guint64) n;
    }
}

/* Sets r->enc: a BOM or a signature settles it, then --encoding
 * (@encoding, or NULL); otherwise the bytes are scanned: the whole of a
 * regular file, the first chunk of a stream. */
static gboolean
choose_encoding (DlReader *r, const DlEncoding *encoding, gsize head_len, GError **error)
{
  DlEncoding sniffed;
  gboolean settled = dl_decode_sniff (r->raw, head_len, &sniffed);

  /* Chunks past what was looked at are judged as they come. */
  r->binary_from = 0;
  if (encoding != NULL
      && !(settled && sniffed.kind == DL_ENCODING_CONVERT && sniffed.reason == DL_ENCODING_BY_BOM))
    {
      /* --encoding overrides everything but a UTF-16/32 BOM. */
      r->enc = *encoding;
      r->enc.bom = sniffed.kind == DL_ENCODING_UTF8 ? sniffed.bom : 0;
      return TRUE;
    }
  r->enc = sniffed;
  if (settled)
    return TRUE;
  DlByteStats stats = DL_BYTE_STATS_INIT;
  if (!scan_input (r, &stats, error))
    return FALSE;
  dl_decode_decide (&stats, r->raw, head_len, &r->enc);
  r->binary_from = stats.bytes;
  return TRUE;
}

/* Sets up decoding: the BOM is skipped, and a converter opened unless the
 * text is UTF-8. */
static gboolean
start_reading (DlReader *r, GError **error)
{
  if (r->enc.kind == DL_ENCODING_CONVERT && !open_converter (r, error))
    return FALSE;
  r->source_encoding = r->enc.kind == DL_ENCODING_CONVERT ? g_intern_string (r->enc.name) : NULL;
  /* A small part needs little room; a reader's buffers taken over
   * (dl_reader_open_part) are used as they are. */
  gsize room = r->limit < CHUNK_SIZE * 2 ? (gsize) r->limit + 16 : CHUNK_SIZE * 2;
  if (r->pending == NULL)
    r->pending = g_byte_array_sized_new ((guint) room);
  r->raw_start = MIN (r->enc.bom, r->raw_len);
  r->pend_offset = r->raw_start;
  r->convert_base = r->raw_start;
  /* Decoded offsets count from after the BOM; those judged for binary
   * data too. */
  r->binary_from = r->binary_from > r->raw_start ? r->binary_from - r->raw_start : 0;
  if (r->enc.kind == DL_ENCODING_CONVERT)
    r->binary_from = 0; /* the scan counted bytes of another encoding */
  return TRUE;
}

static DlReader *
reader_new (const DlInput *input, const DlDiag *diag, DlProgress *progress)
{
  DlReader *r = g_new0 (DlReader, 1);
  r->name = g_strdup (input->path);
  r->diag = diag;
  r->progress = progress;
  r->fd = -1;
  r->limit = G_MAXUINT64;
  r->first_bad = G_MAXUINT64;
  r->spool_binary_at
      = input->spool != NULL && input->spool_binary_at != 0 ? input->spool_binary_at : G_MAXUINT64;
  r->live = (DlByteStats) DL_BYTE_STATS_INIT;
  r->fixed = g_string_new (NULL);
  r->normalized = g_string_new (NULL);
  return r;
}

DlReader *
dl_reader_open (const DlInput *input, const DlEncoding *encoding, const DlDiag *diag,
                DlProgress *progress, GError **error)
{
  g_return_val_if_fail (input != NULL, NULL);
  g_autoptr (DlReader) r = reader_new (input, diag, progress);

  /* The encoding is decided on the first chunk (and for a regular file a
   * scan of all of it); the chunk is then decoded from r->raw. */
  if (!open_input (r, input, error) || !read_input (r, CHUNK_SIZE, error))
    return NULL;
  gsize head_len = MIN (r->raw_len, HEAD_SIZE);
  if (!choose_encoding (r, encoding, head_len, error))
    return NULL;
  if (r->raw_len == 0)
    dl_diag_report (r->diag, DL_DIAG_NOTE, r->name, 0, _ ("empty file"));
  if (r->enc.kind == DL_ENCODING_BINARY)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_BINARY, _ ("binary file (%s), skipped"),
                   r->enc.binary_why);
      return NULL;
    }
  report_encoding (r);
  if (!start_reading (r, error))
    return NULL;
  return g_steal_pointer (&r);
}

/* ---- Parts of a file ---- */

/* What dl_reader_split learns of a file as it reads it. */
typedef struct {
  GArray *parts;    /* of DlReaderPart */
  guint64 size;     /* the size asked for */
  guint64 offset;   /* of the byte being looked at */
  guint64 lines;    /* line terminators before it */
  gboolean cr;      /* the byte before was a CR (a line end unless an LF follows) */
  DlByteStats live; /* what scan_decoded would have seen */
  guint64 decoded;  /* decoded bytes before the window (after the BOM) */
  guint64 next_cut; /* cut at the first line start from here */
  guint64 after_lf; /* the offset after the last line feed */
  guint64 longest;  /* the most bytes between two line feeds */
} Split;

/* Counts the line ends of @len bytes at @p (from s->offset) as take_line
 * numbers lines (LF, CRLF and a lone CR each end one), cutting after an LF
 * once s->next_cut is passed. */
static void
split_lines (Split *s, const guint8 *p, gsize len)
{
  const guint8 *end = p + len;
  gboolean has_cr = memchr (p, '\r', len) != NULL || s->cr;
  while (p < end)
    {
      const guint8 *nl;
      if (!has_cr)
        {
          nl = memchr (p, '\n', (gsize) (end - p));
          if (nl == NULL)
            break;
        }
      else
        {
          nl = p;
          guint8 b = *p;
          if (b == '\r')
            {
              s->lines += s->cr;
              s->cr = TRUE;
              p++;
              continue;
            }
          if (b != '\n')
            {
              s->lines += s->cr;
              s->cr = FALSE;
              p++;
              continue;
            }
          s->cr = FALSE;
        }
      s->lines++;
      guint64 after = s->offset + (guint64) (nl + 1 - (end - len));
      s->longest = MAX (s->longest, after - s->after_lf);
      s->after_lf = after;
      if (after >= s->next_cut)
        {
          DlReaderPart *last = &g_array_index (s->parts, DlReaderPart, s->parts->len - 1);
          last->end = after;
          DlReaderPart part = { after, G_MAXUINT64, s->lines + 1 };
          g_array_append_val (s->parts, part);
          s->next_cut = after + s->size;
        }
      p = nl + 1;
    }
}

/* TRUE if the window of @len bytes at @p (the next the reader reads, the
 * last if @final) is one scan_decoded would judge binary; *@carry is the
 * incomplete character it leaves for the next (in @p's last bytes). */
static gboolean
split_binary (DlReader *r, Split *s, const guint8 *p, gsize len, gboolean final, gsize *carry)
{
  DlByteStats before = s->live;
  guint64 chunk_start = s->decoded;
  gsize used = dl_decode_count_controls (p, len, final, &s->live);
  *carry = len - used;
  guint64 bytes = s->live.bytes - before.bytes;
  guint64 nul = s->live.nul - before.nul, ctrl = s->live.ctrl - before.ctrl;
  return chunk_start >= r->binary_from && bytes >= BINARY_MIN
         && (nul * 200 > bytes || ctrl * 20 > bytes);
}

GArray *
dl_reader_split (DlReader *r, guint64 size, GError **error)
{
  g_return_val_if_fail (r != NULL && size > 0, NULL);
  struct stat st;
  if (!r->regular || r->from != NULL || r->number != 0 || r->limit != G_MAXUINT64
      || r->spool_binary_at != G_MAXUINT64 || fstat (r->fd, &st) != 0
      || (guint64) st.st_size < 2 * size)
    return NULL;

  g_autoptr (GArray) parts = g_array_new (FALSE, FALSE, sizeof (DlReaderPart));
  DlReaderPart first = { 0, G_MAXUINT64, 1 };
  g_array_append_val (parts, first);
  /* The first part holds at least the bytes counted in progress already
   * (the reader's first read): no byte is counted twice. */
  Split s = { parts, size, 0, 0, FALSE, DL_BYTE_STATS_INIT, 0, MAX (size, r->reported), 0, 0 };
  /* The windows the reader decodes: CHUNK_SIZE bytes of the file each, the
   * first after its BOM, and with them what a window leaves of a character
   * for the next. */
  g_autofree guint8 *buf = g_malloc (CHUNK_SIZE + 8);
  gsize carry = 0;
  for (;;)
    {
      gsize have = 0;
      gboolean final = FALSE;
      while (have < CHUNK_SIZE)
        {
          ssize_t n
              = pread (r->fd, buf + carry + have, CHUNK_SIZE - have, (off_t) (s.offset + have));
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            {
              set_io_error (error, errno);
              return NULL;
            }
          if (n == 0)
            {
              final = TRUE;
              break;
            }
          have += (gsize) n;
        }
      gsize skip = s.offset == 0 ? MIN (r->enc.bom, have) : 0;
      gsize left;
      if (split_binary (r, &s, buf + skip, carry + have - skip, final, &left))
        return NULL; /* the reader stops there: read it whole */
      split_lines (&s, buf + carry, have);
      s.offset += have;
      s.longest = MAX (s.longest, s.offset - s.after_lf);
      s.decoded += have - skip;
      if (final)
        break;
      memmove (buf, buf + carry + have - left, left);
      carry = left;
    }
  /* A part is held whole: a file with a line longer than a few parts is
   * read by one thread, in pieces (DL_READER_MAX_LINE), memory bounded. */
  if (parts->len < 2 || s.longest > MAX (16 * size, 2 * DL_READER_MAX_LINE))
    return NULL;
  /* The reader reads the first part, and drops what it read beyond; it
   * judges no read for binary data, as the split judged them all (a read
   * cut at the part's end is not one the whole file's reader makes). */
  r->binary_from = G_MAXUINT64;
  r->limit = g_array_index (parts, DlReaderPart, 0).end;
  if (r->raw_len > r->limit)
    r->raw_len = (gsize) r->limit;
  r->read_total = MIN (r->read_total, r->limit);
  r->raw_eof = r->read_total == r->limit;
  return g_steal_pointer (&parts);
}

DlReader *
dl_reader_open_part (const DlInput *input, const DlReaderPart *part, DlReader *old,
                     const DlDiag *diag, DlProgress *progress, GError **error)
{
  g_return_val_if_fail (input != NULL && part != NULL && part->start > 0, NULL);
  g_autoptr (DlReader) r = reader_new (input, diag, progress);
  if (old != NULL)
    {
      /* Memory already touched: no page faults for the next part. */
      r->raw = g_steal_pointer (&old->raw);
      r->pending = g_steal_pointer (&old->pending);
      g_byte_array_set_size (r->pending, 0);
      GString *t = r->fixed;
      r->fixed = old->fixed, old->fixed = t;
      t = r->normalized;
      r->normalized = old->normalized, old->normalized = t;
      dl_reader_free (old);
    }
  if (!open_input (r, input, error))
    return NULL;
  if (lseek (r->fd, (off_t) part->start, SEEK_SET) < 0)
    {
      set_io_error (error, errno);
      return NULL;
    }
  if (part->end != G_MAXUINT64)
    r->limit = part->end - part->start;
  if (!read_input (r, CHUNK_SIZE, error))
    return NULL;
  /* UTF-8 whose every window dl_reader_split judged: none is binary. */
  r->enc = (DlEncoding){ DL_ENCODING_UTF8, DL_ENCODING_BY_DEFAULT, "UTF-8", 0, NULL };
  r->binary_from = G_MAXUINT64;
  if (!start_reading (r, error))
    return NULL;
  r->pend_offset = part->start;
  r->number = part->first_line - 1;
  return g_steal_pointer (&r);
}

/* Converts [src, src + src_len) to UTF-8 at the end of pending, growing it
 * until ICU has room for all of it. */
static gboolean
convert_chunk (DlReader *r, const guint8 *src, gsize src_len, gboolean last, GError **error)
{
  const char *s = (const char *) src, *s_end = s + src_len;
  for (;;)
    {
      gsize used = r->pending->len;
      g_byte_array_set_size (r->pending, used + src_len * 3 + 4096);
      char *t = (char *) r->pending->data + used;
      char *t_start = t;
      char *t_end = (char *) r->pending->data + r->pending->len;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx (r->to_utf8, r->from, &t, t_end, &s, s_end, r->pivot, &r->pivot_source,
                      &r->pivot_target, r->pivot + G_N_ELEMENTS (r->pivot), FALSE, last, &status);
      g_byte_array_set_size (r->pending, used + (t - t_start));
      if (status == U_BUFFER_OVERFLOW_ERROR)
        continue;
      if (U_FAILURE (status))
        return dl_set_icu_error (error, status, "ucnv_convertEx");
      break;
    }
  /* A BOM decoded at the very start of the text (--encoding UTF-16 names
   * no byte order) is no character of it. */
  if (r->dec_base == 0 && r->pstart == 0 && r->chunk_start == 0 && r->pending->len >= 3
      && memcmp (r->pending->data, "\xEF\xBB\xBF", 3) == 0)
    {
      g_byte_array_remove_range (r->pending, 0, 3);
      r->pend_offset += dl_decode_source_length (r->source_encoding, "\xEF\xBB\xBF", 3);
    }
  return TRUE;
}

/* The input turns into binary data at about @offset: the rest is not read. */
static gboolean
binary_data (guint64 offset, GError **error)
{
  char at[24];
  g_snprintf (at, sizeof at, "%" G_GUINT64_FORMAT, offset);
  g_set_error (error, DL_ERROR, DL_ERROR_BINARY,
               _ ("binary data after byte offset %s (control characters); the rest is skipped"),
               at);
  return FALSE;
}

/* Scans the decoded bytes appended since the last call: where invalid
 * UTF-8 starts, and whether a chunk past the part the encoding was decided
 * on is binary data (then the rest of the input is not read). */
static gboolean
scan_decoded (DlReader *r, GError **error)
{
  DlByteStats before = r->live;
  gsize from = (gsize) (r->live.bytes - r->dec_base);
  gsize len = r->pending->len - from;
  dl_decode_scan (r->pending->data + from, len, r->decoded_eof, &r->live);
  guint64 bytes = r->live.bytes - before.bytes;
  guint64 nul = r->live.nul - before.nul, ctrl = r->live.ctrl - before.ctrl;
  if (r->chunk_start >= r->binary_from && bytes >= BINARY_MIN
      && (nul * 200 > bytes || ctrl * 20 > bytes))
    return binary_data (r->pend_offset, error);
  return TRUE;
}

/* Appends the next chunk of the input, decoded, to pending. Runs once a
 * chunk (1 MiB): kept out of line so that it does not crowd the per-line
 * code of dl_reader_next. */
G_GNUC_NO_INLINE static gboolean
fill_pending (DlReader *r, GError **error)
{
  if (r->raw_len == r->raw_start && !r->raw_eof)
    {
      r->raw_len = r->raw_start = 0;
      if (!read_input (r, CHUNK_SIZE, error))
        return FALSE;
    }
  const guint8 *src = r->raw + r->raw_start;
  gsize src_len = r->raw_len - r->raw_start;
  gboolean last = r->raw_eof;
  r->chunk_start = r->dec_base + r->pending->len;
  if (r->from != NULL)
    {
      r->convert_base = r->read_total - r->raw_len; /* the offset of r->raw */
      if (!convert_chunk (r, src, src_len, last, error))
        return FALSE;
    }
  else
    g_byte_array_append (r->pending, src, src_len);
  r->raw_start = r->raw_len; /* a character split at the end waits in the converter */
  if (last)
    r->decoded_eof = TRUE;
  return scan_decoded (r, error);
}

/* The end of the line at @p: its terminator, or NULL if there is none. */
static inline const char *
find_eol (const char *p, const char *end)
{
  const char *nl = memchr (p, '\n', end - p);
  const char *lim = nl != NULL ? nl : end;
  const char *cr = memchr (p, '\r', lim - p);
  return cr != NULL ? cr : nl;
}

/* Does the line need NFC? Only where a character of U+0300 or above is a
 * combining mark or may compose: Turkish letters never come this far. */
static gboolean
needs_nfc (const char *text, gsize len)
{
  const guint8 *p = (const guint8 *) text, *end = p + len;
  while (p < end)
    {
      if (*p < 0xCC)
        {
          p++;
          continue;
        }
      gunichar c = g_utf8_get_char ((const char *) p);
      if (c >= 0x300
          && (u_getCombiningClass (c) != 0
              || u_getIntPropertyValue (c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES))
        return TRUE;
      p = (const guint8 *) g_utf8_next_char (p);
    }
  return FALSE;
}

/* @text (valid UTF-8) in NFC, into r->normalized, with ICU: linear in the
 * line's length however many marks it has. FALSE if ICU fails. */
static gboolean
normalize_nfc (DlReader *r, const char *text, gsize len)
{
  if (len > G_MAXINT32 / 2)
    return FALSE;
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&status);
  int32_t n16 = 0;
  u_strFromUTF8 (NULL, 0, &n16, text, (int32_t) len, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return FALSE;
  status = U_ZERO_ERROR;
  g_autofree UChar *src = g_new (UChar, n16 + 1);
  u_strFromUTF8 (src, n16 + 1, NULL, text, (int32_t) len, &status);
  /* NFC is never more than three times the length in UTF-16. */
  int32_t cap = n16 * 3 + 1;
  g_autofree UChar *dst = g_new (UChar, cap);
  int32_t n = unorm2_normalize (nfc, src, n16, dst, cap, &status);
  if (U_FAILURE (status))
    return FALSE;
  int32_t n8 = 0;
  u_strToUTF8 (NULL, 0, &n8, dst, n, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return FALSE;
  status = U_ZERO_ERROR;
  g_string_set_size (r->normalized, (gsize) n8);
  u_strToUTF8 (r->normalized->str, n8 + 1, NULL, dst, n, &status);
  return U_SUCCESS (status);
}

/* Says once per input that bytes were not text in its encoding. */
static void
warn_invalid (DlReader *r, guint64 line, guint64 offset)
{
  if (r->warned_invalid)
    return;
  r->warned_invalid = TRUE;
  char at[24];
  g_snprintf (at, sizeof at, "%" G_GUINT64_FORMAT, offset);
  if (r->from == NULL)
    dl_diag_report (r->diag, DL_DIAG_WARNING, r->name, line,
                    _ ("invalid UTF-8 at byte offset %s; invalid bytes are read as U+FFFD"), at);
  else
    dl_diag_report (r->diag, DL_DIAG_WARNING, r->name, line,
                    _ ("bytes that are not %s text at byte offset %s; they are read as U+FFFD"),
                    r->enc.name, at);
}

/* Repairs and normalizes the line in @line, which starts at decoded offset
 * @dec (pending's), as needed. */
static void
finish_line (DlReader *r, DlLine *line, guint64 dec)
{
  /* The converter met bytes it could not read in this line (r->pend_offset
   * is where the next one starts). */
  if (r->first_bad < r->pend_offset)
    warn_invalid (r, line->number, r->first_bad);
  if (dec + line->len > r->live.first_invalid)
    {
      g_string_truncate (r->fixed, 0);
      gssize bad = dl_decode_repair (line->text, line->len, r->fixed);
      if (bad >= 0)
        {
          if (r->from == NULL)
            warn_invalid (r, line->number, line->offset + (guint64) bad);
          else if (!r->warned_invalid)
            {
              /* A NUL character, which text has none of. */
              r->warned_invalid = TRUE;
              dl_diag_report (r->diag, DL_DIAG_WARNING, r->name, line->number,
                              _ ("a NUL character; it is read as U+FFFD"));
            }
          line->text = r->fixed->str;
          line->len = r->fixed->len;
        }
    }
  if (needs_nfc (line->text, line->len) && normalize_nfc (r, line->text, line->len))
    {
      line->text = r->normalized->str;
      line->len = r->normalized->len;
    }
}

/* Where a line of more than DL_READER_MAX_LINE bytes at @p is cut: after
 * the last space or tab before the limit, or at a character boundary. */
static gsize
cut_long_line (const char *p)
{
  gsize cut = DL_READER_MAX_LINE;
  for (gsize i = cut; i > DL_READER_MAX_LINE / 2; i--)
    if (p[i - 1] == ' ' || p[i - 1] == '\t')
      return i;
  while (cut > 0 && ((guchar) p[cut] & 0xC0) == 0x80)
    cut--;
  return cut > 0 ? cut : DL_READER_MAX_LINE;
}

/* Takes @len bytes of text at pstart, then @term bytes of terminator, as
 * the next line. */
static void
take_line (DlReader *r, DlLine *line, gsize len, gsize term)
{
  const char *p = (const char *) r->pending->data + r->pstart;
  line->text = p;
  line->len = len;
  line->offset = r->pend_offset;
  line->encoding = r->source_encoding;
  line->number = r->continued ? r->number : ++r->number;
  r->continued = FALSE;
  r->pstart += len + term;
  r->pend_offset += dl_decode_source_length (r->source_encoding, p, len + term);
  r->scanned = 0;
}

static gboolean
next_line (DlReader *r, DlLine *line, guint64 *dec, GError **error)
{
  for (;;)
    {
      const char *base = (const char *) r->pending->data;
      const char *p = base + r->pstart, *end = base + r->pending->len;
      const char *eol = find_eol (p + r->scanned, end);
      *dec = r->dec_base + r->pstart;
      if ((gsize) ((eol != NULL ? eol : end) - p) > DL_READER_MAX_LINE)
        {
          /* Too long to hold: read in pieces, each the same line. */
          take_line (r, line, cut_long_line (p), 0);
          r->continued = TRUE;
          if (!r->warned_long)
            {
              r->warned_long = TRUE;
              dl_diag_report (r->diag, DL_DIAG_NOTE, r->name, line->number,
                              _ ("a line longer than %d MiB; it is read in pieces of at most "
                                 "that size, cut at a space where there is one"),
                              (int) (DL_READER_MAX_LINE >> 20));
            }
          return TRUE;
        }
      /* A CR at the end of the buffer may be the first half of a CRLF. */
      if (eol != NULL && !(*eol == '\r' && eol + 1 == end && !r->decoded_eof))
        {
          gsize term = (*eol == '\r' && eol + 1 < end && eol[1] == '\n') ? 2 : 1;
          take_line (r, line, eol - p, term);
          return TRUE;
        }
      if (r->decoded_eof)
        {
          /* A spool's copy ended where binary data began: so does the input. */
          if (p == end && r->spool_binary_at != G_MAXUINT64)
            return binary_data (r->spool_binary_at, error);
          if (p == end)
            return FALSE;
          take_line (r, line, end - p, 0);
          return TRUE;
        }
      r->scanned = (eol != NULL ? eol : end) - p;
      /* Keep the partial line only; then decode more. */
      if (r->pstart > 0)
        {
          g_byte_array_remove_range (r->pending, 0, r->pstart);
          r->dec_base += r->pstart;
          r->pstart = 0;
        }
      if (!fill_pending (r, error))
        return FALSE;
    }
}

gboolean
dl_reader_next (DlReader *r, DlLine *line, GError **error)
{
  g_return_val_if_fail (r != NULL && line != NULL, FALSE);
  guint64 dec;
  gboolean got = next_line (r, line, &dec, error);
  if (got)
    finish_line (r, line, dec);
  return got;
}

void
dl_reader_set_diag (DlReader *r, const DlDiag *diag)
{
  g_return_if_fail (r != NULL);
  r->diag = diag;
}

const DlEncoding *
dl_reader_encoding (const DlReader *r)
{
  return &r->enc;
}

void
dl_reader_free (DlReader *r)
{
  if (r == NULL)
    return;
  note_consumed (r, TRUE);
  if (r->close_fd && r->fd >= 0)
    close (r->fd);
  if (r->from != NULL)
    ucnv_close (r->from);
  if (r->to_utf8 != NULL)
    ucnv_close (r->to_utf8);
  if (r->pending != NULL)
    g_byte_array_unref (r->pending);
  g_string_free (r->fixed, TRUE);
  g_string_free (r->normalized, TRUE);
  g_free (r->raw);
  g_free (r->name);
  g_free (r);
}

gboolean
dl_line_is_blank (const char *text, gsize len)
{
  const char *p = text, *end = text + len;
  while (p < end)
    {
      guchar b = *p;
      if (b == ' ' || (b >= '\t' && b <= '\r'))
        {
          p++;
          continue;
        }
      if (b < 0x80)
        return FALSE;
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B && c != 0x00A0)
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}
