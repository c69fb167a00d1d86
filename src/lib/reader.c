/* reader.c — lines of one input. A mapped UTF-8 file is split in place (no
 * copy; pages already read are released with madvise so memory does not grow
 * with the file); anything else — stdin, pipes, legacy encodings — streams
 * through a bounded buffer, converted to UTF-8 by ICU where needed. */
#include "config.h"

#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>

#include "error.h"
#include "icu.h"
#include "i18n.h"
#include "progress.h"

#define CHUNK_SIZE ((gsize) 1 << 20)        /* bytes read or converted at a time */
#define HEAD_SIZE ((gsize) 64 << 10)        /* bytes sniffed for BOMs and signatures */
#define RELEASE_SIZE ((gsize) 4 << 20)      /* mapped bytes released at a time */
#define PROGRESS_STEP ((guint64) 256 << 10) /* bytes consumed between reports */

struct _DlReader {
  char *name;
  const DlDiag *diag;
  DlEncoding enc;

  /* Bytes consumed are counted here (NULL: nowhere). */
  DlProgress *progress;
  guint64 reported;  /* bytes counted so far */
  guint64 report_at; /* the next count at this many consumed (G_MAXUINT64: never) */

  /* A mapped file. */
  GMappedFile *map;
  const char *data;
  gsize data_len;
  gsize pos;         /* next byte of the map to consume */
  gsize released;    /* map bytes before this were given back */
  gboolean in_place; /* UTF-8: lines are read straight from the map */

  /* A stream. */
  int fd;
  gboolean close_fd;
  guint64 read_total; /* bytes read from the stream */
  gboolean raw_eof;   /* no more input bytes */
  guint8 *raw;        /* stream bytes read but not yet decoded */
  gsize raw_len;

  /* Decoded text not yet split into lines (all but in-place reading). */
  GByteArray *pending;
  gsize pstart;         /* first byte of the next line in pending */
  gsize scanned;        /* bytes after pstart known to hold no line end */
  guint64 pend_offset;  /* input offset of pending[pstart] */
  gboolean decoded_eof; /* pending holds the last of the text */
  gboolean skip_bom;    /* drop a UTF-8 BOM at the start of the stream */
  UConverter *from;
  UConverter *to_utf8;
  UChar pivot[4096];
  UChar *pivot_source, *pivot_target;

  /* The current line. */
  guint64 number;
  guint64 check_from; /* lines ending after this offset are validated */
  gboolean warned_invalid;
  GString *fixed;
  char *normalized;
};

/* Counts the input bytes consumed since the last report: out of line, as
 * it runs once per PROGRESS_STEP. */
G_GNUC_NO_INLINE static void
report_consumed (DlReader *r, guint64 consumed)
{
  dl_progress_add_bytes (r->progress, consumed - r->reported);
  r->reported = consumed;
  r->report_at = r->progress != NULL ? consumed + PROGRESS_STEP : G_MAXUINT64;
}

/* @consumed input bytes are done with: counted a step at a time, so that
 * a line costs one comparison. */
static inline void
note_consumed (DlReader *r, guint64 consumed)
{
  if (consumed >= r->report_at)
    report_consumed (r, consumed);
}

static gboolean
set_io_error (GError **error, int errsv)
{
  g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s", g_strerror (errsv));
  return FALSE;
}

/* Gives mapped pages before @upto back to the kernel: they were read and
 * are not needed again (if they are, they come back from the file). The
 * kernel may map page cache in 2 MiB folios, which only go whole: release
 * whole, aligned 2 MiB blocks. */
static void
release_map (DlReader *r, gsize upto)
{
  if (r->map == NULL || upto < r->released + RELEASE_SIZE)
    return;
  const gsize block = (gsize) 2 << 20;
  /* From the start each time: pages the kernel mapped again around a
   * fault behind the cursor go too (the range is mostly empty: cheap). */
  guintptr start = (guintptr) r->data;
  guintptr end = ((guintptr) r->data + upto) / block * block;
  if (end > start)
    {
      (void) madvise ((void *) start, end - start, MADV_DONTNEED);
      r->released = end - (guintptr) r->data;
    }
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

static gboolean
open_converter (DlReader *r, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  r->from = ucnv_open (r->enc.name, &status);
  if (U_FAILURE (status))
    return dl_set_icu_error (error, status, "ucnv_open");
  r->to_utf8 = ucnv_open ("UTF-8", &status);
  if (U_FAILURE (status))
    return dl_set_icu_error (error, status, "ucnv_open");
  r->pivot_source = r->pivot_target = r->pivot;
  return TRUE;
}

/* Reads up to @want bytes of the stream into r->raw (after what is there). */
static gboolean
read_stream (DlReader *r, gsize want, GError **error)
{
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
  note_consumed (r, r->read_total);
  return TRUE;
}

/* Opens the input: a regular file is mapped, anything else is read as a
 * stream (stdin, a pipe, a device). */
static gboolean
open_input (DlReader *r, const DlInput *input, GError **error)
{
  struct stat st;

  const char *path = input->spool != NULL ? input->spool : input->path;
  if (input->is_stdin && input->spool == NULL)
    {
      r->fd = STDIN_FILENO;
      return TRUE;
    }
  if (stat (path, &st) != 0)
    return set_io_error (error, errno);
  if (S_ISDIR (st.st_mode))
    return set_io_error (error, EISDIR);
  if (!S_ISREG (st.st_mode))
    {
      r->fd = open (path, O_RDONLY | O_CLOEXEC);
      if (r->fd < 0)
        return set_io_error (error, errno);
      r->close_fd = TRUE;
      return TRUE;
    }
  g_autoptr (GError) local = NULL;
  r->map = g_mapped_file_new (path, FALSE, &local);
  if (r->map == NULL)
    {
      g_set_error_literal (error, DL_ERROR, DL_ERROR_IO, local->message);
      return FALSE;
    }
  r->data = g_mapped_file_get_contents (r->map);
  r->data_len = g_mapped_file_get_length (r->map);
  return TRUE;
}

/* The first bytes of the input, where BOMs and signatures are looked for:
 * the map's, or the first chunk of a stream, read into r->raw. */
static gboolean
read_head (DlReader *r, const guint8 **head, gsize *head_len, GError **error)
{
  if (r->map != NULL)
    {
      *head = (const guint8 *) r->data;
      *head_len = MIN (r->data_len, HEAD_SIZE);
      return TRUE;
    }
  /* A stream cannot be read twice: its encoding is decided on its first
   * chunk (1 MiB), and its later lines are checked one by one. */
  if (!read_stream (r, CHUNK_SIZE, error))
    return FALSE;
  *head = r->raw;
  *head_len = MIN (r->raw_len, HEAD_SIZE);
  return TRUE;
}

/* Tallies the bytes of the whole map, or of a stream's first chunk. */
static void
scan_bytes (DlReader *r, DlByteStats *stats)
{
  if (r->map == NULL)
    {
      dl_decode_scan (r->raw, r->raw_len, r->raw_eof, stats);
      return;
    }
  gsize at = 0;
  while (at < r->data_len)
    {
      gsize n = MIN (r->data_len - at, RELEASE_SIZE);
      at += dl_decode_scan ((const guint8 *) r->data + at, n, at + n == r->data_len, stats);
      release_map (r, at);
    }
  r->released = 0; /* the text is read again from the start */
}

/* Sets r->enc: a BOM or a signature settles it, then --encoding
 * (@encoding, or NULL); otherwise the bytes are scanned. */
static void
choose_encoding (DlReader *r, const DlEncoding *encoding, const guint8 *head, gsize head_len)
{
  DlEncoding sniffed;
  gboolean settled = dl_decode_sniff (head, head_len, &sniffed);

  if (encoding != NULL
      && !(settled && sniffed.kind == DL_ENCODING_CONVERT && sniffed.reason == DL_ENCODING_BY_BOM))
    {
      /* --encoding overrides everything but a UTF-16/32 BOM. */
      r->enc = *encoding;
      r->enc.bom = sniffed.kind == DL_ENCODING_UTF8 ? sniffed.bom : 0;
      if (r->enc.kind == DL_ENCODING_UTF8)
        r->check_from = 0; /* never scanned: check every line */
      return;
    }
  r->enc = sniffed;
  if (settled)
    return;
  DlByteStats stats = DL_BYTE_STATS_INIT;
  scan_bytes (r, &stats);
  dl_decode_decide (&stats, head, head_len, &r->enc);
  if (r->map != NULL)
    r->check_from = stats.first_invalid;
}

/* Sets up reading lines in r->enc: in place from a UTF-8 map, else through
 * pending (converted, or copied from a stream). */
static gboolean
start_reading (DlReader *r, GError **error)
{
  if (r->enc.kind == DL_ENCODING_CONVERT && !open_converter (r, error))
    return FALSE;
  if (r->enc.kind == DL_ENCODING_UTF8 && r->map != NULL)
    {
      r->in_place = TRUE;
      r->pos = r->enc.bom;
      return TRUE;
    }
  r->pending = g_byte_array_sized_new (CHUNK_SIZE * 2);
  if (r->map != NULL)
    r->pos = r->enc.bom;
  else
    r->skip_bom = r->enc.bom > 0;
  /* A stream's later chunks were never scanned: check every line. */
  if (r->map == NULL && r->enc.kind == DL_ENCODING_UTF8)
    r->check_from = 0;
  r->pend_offset = r->enc.kind == DL_ENCODING_UTF8 ? r->enc.bom : 0;
  return TRUE;
}

DlReader *
dl_reader_open (const DlInput *input, const DlEncoding *encoding, const DlDiag *diag,
                DlProgress *progress, GError **error)
{
  g_return_val_if_fail (input != NULL, NULL);
  g_autoptr (DlReader) r = g_new0 (DlReader, 1);
  r->name = g_strdup (input->path);
  r->diag = diag;
  r->progress = progress;
  r->report_at = progress != NULL ? PROGRESS_STEP : G_MAXUINT64;
  r->fd = -1;
  r->check_from = G_MAXUINT64;
  r->fixed = g_string_new (NULL);

  const guint8 *head;
  gsize head_len;
  if (!open_input (r, input, error) || !read_head (r, &head, &head_len, error))
    return NULL;
  choose_encoding (r, encoding, head, head_len);
  if (head_len == 0)
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

/* The next input chunk to decode: from the map at r->pos, or the stream's
 * bytes in r->raw (read now if there are none); @last if it ends the input. */
static gboolean
next_chunk (DlReader *r, const guint8 **src, gsize *src_len, gboolean *last, GError **error)
{
  if (r->map != NULL)
    {
      /* An empty file maps to NULL, which ICU's converters refuse even for
       * no bytes. */
      *src = r->data != NULL ? (const guint8 *) r->data + r->pos : (const guint8 *) "";
      *src_len = MIN (r->data_len - r->pos, CHUNK_SIZE);
      *last = r->pos + *src_len == r->data_len;
      return TRUE;
    }
  if (r->raw_len == 0 && !r->raw_eof && !read_stream (r, CHUNK_SIZE, error))
    return FALSE;
  *src = r->raw;
  *src_len = r->raw_len;
  *last = r->raw_eof;
  return TRUE;
}

/* Converts [src, src + src_len) to UTF-8 at the end of pending, growing it
 * until ICU has room for all of it; a BOM decoded at the very start of the
 * text is dropped. */
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
  if (r->pend_offset == 0 && r->pstart == 0 && r->pending->len >= 3
      && memcmp (r->pending->data, "\xEF\xBB\xBF", 3) == 0)
    g_byte_array_remove_range (r->pending, 0, 3); /* the BOM, decoded */
  return TRUE;
}

/* Appends converted or copied text of the next input chunk to pending.
 * Runs once a chunk (1 MiB): kept out of line so that it does not crowd the
 * per-line code of dl_reader_next. */
G_GNUC_NO_INLINE static gboolean
fill_pending (DlReader *r, GError **error)
{
  const guint8 *src;
  gsize src_len;
  gboolean last;
  if (!next_chunk (r, &src, &src_len, &last, error))
    return FALSE;

  if (r->from != NULL)
    {
      if (!convert_chunk (r, src, src_len, last, error))
        return FALSE;
    }
  else
    {
      gsize skip = 0;
      if (r->skip_bom && src_len >= 3)
        skip = 3, r->skip_bom = FALSE;
      g_byte_array_append (r->pending, src + skip, src_len - skip);
    }

  /* The whole chunk is consumed: a character split at its end waits in the
   * converter. */
  if (r->map != NULL)
    {
      r->pos += src_len;
      release_map (r, r->pos);
      note_consumed (r, r->pos);
    }
  else
    r->raw_len = 0;
  if (last)
    r->decoded_eof = TRUE;
  return TRUE;
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

/* Repairs and normalizes the raw line in @line as needed. */
static void
finish_line (DlReader *r, DlLine *line)
{
  g_clear_pointer (&r->normalized, g_free);
  if (line->offset + line->len > r->check_from)
    {
      g_string_truncate (r->fixed, 0);
      gssize bad = dl_decode_repair (line->text, line->len, r->fixed);
      if (bad >= 0)
        {
          if (!r->warned_invalid)
            {
              char at[24];
              g_snprintf (at, sizeof at, "%" G_GUINT64_FORMAT, line->offset + bad);
              dl_diag_report (
                  r->diag, DL_DIAG_WARNING, r->name, line->number,
                  _ ("invalid UTF-8 at byte offset %s; invalid bytes are read as U+FFFD"), at);
            }
          r->warned_invalid = TRUE;
          line->text = r->fixed->str;
          line->len = r->fixed->len;
        }
    }
  if (needs_nfc (line->text, line->len))
    {
      r->normalized = g_utf8_normalize (line->text, line->len, G_NORMALIZE_NFC);
      if (r->normalized != NULL)
        {
          line->text = r->normalized;
          line->len = strlen (r->normalized);
        }
    }
}

static gboolean
next_in_place (DlReader *r, DlLine *line)
{
  if (r->pos >= r->data_len)
    return FALSE;
  const char *p = r->data + r->pos, *end = r->data + r->data_len;
  const char *eol = find_eol (p, end);
  gsize len = eol != NULL ? (gsize) (eol - p) : (gsize) (end - p);
  gsize term = 0;
  if (eol != NULL)
    term = (*eol == '\r' && eol + 1 < end && eol[1] == '\n') ? 2 : 1;
  line->text = p;
  line->len = len;
  line->offset = r->pos;
  line->number = ++r->number;
  r->pos += len + term;
  release_map (r, r->pos);
  note_consumed (r, r->pos);
  return TRUE;
}

static gboolean
next_from_pending (DlReader *r, DlLine *line, GError **error)
{
  for (;;)
    {
      const char *base = (const char *) r->pending->data;
      const char *p = base + r->pstart, *end = base + r->pending->len;
      const char *eol = find_eol (p + r->scanned, end);
      /* A CR at the end of the buffer may be the first half of a CRLF. */
      if (eol != NULL && !(*eol == '\r' && eol + 1 == end && !r->decoded_eof))
        {
          gsize len = eol - p;
          gsize term = (*eol == '\r' && eol + 1 < end && eol[1] == '\n') ? 2 : 1;
          line->text = p;
          line->len = len;
          line->offset = r->pend_offset;
          line->number = ++r->number;
          r->pstart += len + term;
          r->pend_offset += len + term;
          r->scanned = 0;
          return TRUE;
        }
      if (r->decoded_eof)
        {
          if (p == end)
            return FALSE;
          line->text = p;
          line->len = end - p;
          line->offset = r->pend_offset;
          line->number = ++r->number;
          r->pstart = r->pending->len;
          r->pend_offset += line->len;
          r->scanned = 0;
          return TRUE;
        }
      r->scanned = (eol != NULL ? eol : end) - p;
      /* Keep the partial line only; then decode more. */
      if (r->pstart > 0)
        {
          g_byte_array_remove_range (r->pending, 0, r->pstart);
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
  gboolean got = r->in_place ? next_in_place (r, line) : next_from_pending (r, line, error);
  if (got)
    finish_line (r, line);
  return got;
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
  if (r->progress != NULL)
    report_consumed (r, r->map != NULL ? r->pos : r->read_total);
  if (r->map != NULL)
    g_mapped_file_unref (r->map);
  if (r->close_fd && r->fd >= 0)
    close (r->fd);
  if (r->from != NULL)
    ucnv_close (r->from);
  if (r->to_utf8 != NULL)
    ucnv_close (r->to_utf8);
  if (r->pending != NULL)
    g_byte_array_unref (r->pending);
  g_string_free (r->fixed, TRUE);
  g_free (r->normalized);
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
