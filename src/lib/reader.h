/* reader.h — the lines of one input as UTF-8 in NFC: files, stdin, pipes and
 * devices read a chunk at a time, decoded per decode.h, split at LF, CRLF
 * and lone CR. Memory stays bounded whatever the input's size: a line longer
 * than DL_READER_MAX_LINE is read in pieces. */
#ifndef DL_READER_H
#define DL_READER_H

#include <glib.h>

#include "decode.h"
#include "diag.h"
#include "progress.h"
#include "source.h"

G_BEGIN_DECLS

/* The longest line read whole, in bytes of UTF-8; a longer one is read in
 * pieces of at most this size (cut after a space or tab where there is
 * one), all with the line's number. */
#define DL_READER_MAX_LINE ((gsize) 4 << 20)

typedef struct {
  const char *text;     /* valid UTF-8 in NFC, no line terminator, not
                           NUL-terminated; owned by the reader, valid until the
                           next call */
  gsize len;            /* bytes */
  guint64 number;       /* 1-based line number */
  guint64 offset;       /* byte offset of the line's start in the input file,
                           whatever its encoding */
  const char *encoding; /* the input's encoding, interned, or NULL for UTF-8:
                           dl_decode_source_length of a prefix of @text is
                           its length in the input */
} DlLine;

typedef struct _DlReader DlReader;

/* Opens @input. @encoding is the --encoding override (NULL: detect). Notes
 * and warnings about the input's encoding go to @diag; the input bytes it
 * consumes are counted in @progress (NULL: nowhere), a chunk at a time and
 * the rest when it is freed. Returns NULL with
 * @error set if the input cannot be read (DL_ERROR_IO) or is not text
 * (DL_ERROR_BINARY); an empty input is fine (it has no lines). */
DlReader *dl_reader_open (const DlInput *input, const DlEncoding *encoding, const DlDiag *diag,
                          DlProgress *progress, GError **error);

/* Reads the next line. TRUE with @line filled; FALSE at the end, with
 * @error set if reading failed (the lines before it stand). */
gboolean dl_reader_next (DlReader *reader, DlLine *line, GError **error);

/* The encoding the input is read in. */
const DlEncoding *dl_reader_encoding (const DlReader *reader);

void dl_reader_free (DlReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlReader, dl_reader_free)

/* TRUE if @text has no characters but white space. */
gboolean dl_line_is_blank (const char *text, gsize len);

G_END_DECLS

#endif /* DL_READER_H */
