/* decode.h — what encoding an input is in: UTF-8 validation statistics, BOMs,
 * binary signatures, Turkish legacy text (windows-1254), ICU detection as the
 * last resort; and repair of stray invalid bytes. */
#ifndef DL_DECODE_H
#define DL_DECODE_H

#include <glib.h>

G_BEGIN_DECLS

/* Byte statistics of (a prefix of) an input, accumulated block by block. */
typedef struct {
  guint64 bytes;         /* bytes scanned */
  guint64 nul;           /* NUL bytes */
  guint64 ctrl;          /* other C0 controls that text does not use */
  guint64 invalid;       /* bytes not part of a valid UTF-8 sequence */
  guint64 multibyte;     /* valid UTF-8 sequences of two or more bytes */
  guint64 tr_legacy;     /* invalid bytes that are Turkish letters in windows-1254 */
  guint64 first_invalid; /* offset of the first invalid byte, or G_MAXUINT64 */
} DlByteStats;

#define DL_BYTE_STATS_INIT                                                                         \
  {                                                                                                \
    0, 0, 0, 0, 0, 0, G_MAXUINT64                                                                  \
  }

/* Scans @len bytes that follow the @stats->bytes already scanned. Unless
 * @final, an incomplete UTF-8 sequence at the end is left unscanned: the
 * number of bytes consumed is returned and the caller passes the rest again
 * with the next block. NUL counts as invalid (text has none). */
gsize dl_decode_scan (const guint8 *data, gsize len, gboolean final, DlByteStats *stats);

/* TRUE if the @len bytes at @text are UTF-8 without a NUL: what
 * g_utf8_validate_len says, sixteen bytes at a time where the processor
 * has SSSE3 (x86-64), else as dl_utf8_valid_portable. */
gboolean dl_utf8_valid (const char *text, gsize len);

/* The same, eight ASCII bytes at a time and the rest byte by byte: what
 * other processors run (the tests check both). */
gboolean dl_utf8_valid_portable (const char *text, gsize len);

/* What dl_decode_scan counts of @stats->bytes, nul and ctrl (and returns),
 * without validating UTF-8: the rest of @stats is left alone. For judging
 * whether a block is binary at the speed of memory (the cut of a file in
 * parts reads every byte on one thread before any other starts). */
gsize dl_decode_count_controls (const guint8 *data, gsize len, gboolean final, DlByteStats *stats);

typedef enum {
  DL_ENCODING_UTF8,    /* UTF-8, possibly with stray invalid bytes */
  DL_ENCODING_CONVERT, /* decode with the ICU converter `name` */
  DL_ENCODING_BINARY,  /* not text: skip */
} DlEncodingKind;

typedef enum {
  DL_ENCODING_BY_DEFAULT,  /* plain UTF-8 (or valid) */
  DL_ENCODING_BY_USER,     /* --encoding */
  DL_ENCODING_BY_BOM,      /* a byte order mark */
  DL_ENCODING_BY_NULS,     /* UTF-16 without BOM, by its NUL bytes */
  DL_ENCODING_BY_TURKISH,  /* invalid UTF-8 with windows-1254 Turkish letters */
  DL_ENCODING_BY_DETECTOR, /* ICU's charset detector */
  DL_ENCODING_BY_FALLBACK, /* invalid UTF-8, nothing better known: windows-1252 */
} DlEncodingReason;

typedef struct {
  DlEncodingKind kind;
  DlEncodingReason reason;
  char name[32];          /* ICU converter name; "UTF-8" for DL_ENCODING_UTF8 */
  gsize bom;              /* bytes of byte order mark to skip */
  const char *binary_why; /* DL_ENCODING_BINARY: what it looks like (untranslated) */
} DlEncoding;

/* Looks at the first bytes of an input (@head, up to 64 KiB is plenty) for a
 * BOM, a binary file signature or UTF-16 without BOM. TRUE if that settles
 * the encoding (filled in @enc); FALSE if the whole input must be scanned
 * and dl_decode_decide called. */
gboolean dl_decode_sniff (const guint8 *head, gsize len, DlEncoding *enc);

/* Decides the encoding of an input from the statistics of all of it (or of
 * as much as could be looked at, for a stream) and a @sample of it for ICU's
 * detector, used only when nothing else can tell. */
void dl_decode_decide (const DlByteStats *stats, const guint8 *sample, gsize sample_len,
                       DlEncoding *enc);

/* Sets @enc for a user-named encoding; FALSE with @error (DL_ERROR_USAGE)
 * if ICU has no converter of that name. */
gboolean dl_decode_named (const char *name, DlEncoding *enc, GError **error);

/* Appends @text to @out with each invalid byte (and NUL) replaced by U+FFFD.
 * Returns the offset in @text of the first invalid byte, or -1 if there was
 * none (then @out holds a copy of @text). */
gssize dl_decode_repair (const char *text, gsize len, GString *out);

/* The bytes that @len bytes of UTF-8 @text took in an input in @encoding (an
 * ICU converter name, or NULL for UTF-8 itself): the same @len for UTF-8,
 * one per character in a single-byte encoding, two or four per character
 * in UTF-16, four in UTF-32, and as ICU encodes it otherwise. Exact for text
 * as it was decoded; a character read as U+FFFD counts as one. */
guint64 dl_decode_source_length (const char *encoding, const char *text, gsize len);

G_END_DECLS

#endif /* DL_DECODE_H */
