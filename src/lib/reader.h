/* reader.h — the lines of one input as UTF-8 in NFC: memory-mapped files (or
 * a stream for stdin and pipes), decoded per decode.h, split at LF, CRLF and
 * lone CR. Memory stays bounded whatever the input's size. */
#ifndef DL_READER_H
#define DL_READER_H

#include <glib.h>

#include "decode.h"
#include "diag.h"
#include "progress.h"
#include "source.h"

G_BEGIN_DECLS

typedef struct {
  const char *text; /* valid UTF-8 in NFC, no line terminator, not
                       NUL-terminated; owned by the reader, valid until the
                       next call */
  gsize len;        /* bytes */
  guint64 number;   /* 1-based line number */
  guint64 offset;   /* byte offset of the line's start in the input (for
                       UTF-8 input) or in its UTF-8 decoding */
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
