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

/* A part of a file: the lines that start in [start, end). */
typedef struct {
  guint64 start;      /* the first byte of a line */
  guint64 end;        /* the first byte of a later line, or G_MAXUINT64: the end */
  guint64 first_line; /* the number of the line at start */
} DlReaderPart;

/* Cuts the file @r reads (opened, no line read yet) into parts of about
 * @size bytes (the first at least what @r has counted in progress), each
 * ending after a line feed, so that reading the parts in
 * order gives the lines dl_reader_next would: the same text, numbers and
 * offsets, and the same point where binary data stops the input. Only a
 * regular file read as UTF-8 can be cut, and only if it is at least twice
 * @size (it is read through once to count its lines) and has no line
 * longer than 16 × @size bytes, and at least 8 MiB (a part is held whole);
 * otherwise NULL, and @r reads it whole. Returns the parts (GArray of DlReaderPart, two or
 * more), @r then reading the first only: the others are read with
 * dl_reader_open_part. NULL with @error if reading fails. Notes and
 * warnings about lines are given once per part. */
GArray *dl_reader_split (DlReader *r, guint64 size, GError **error);

/* Opens a part of @input after the first (dl_reader_split), with the
 * buffers of @old (a reader done with, freed; NULL: new ones). */
DlReader *dl_reader_open_part (const DlInput *input, const DlReaderPart *part, DlReader *old,
                               const DlDiag *diag, DlProgress *progress, GError **error);

/* Where the reader's notes and warnings go from now on (NULL: nowhere). */
void dl_reader_set_diag (DlReader *reader, const DlDiag *diag);

/* The encoding the input is read in. */
const DlEncoding *dl_reader_encoding (const DlReader *reader);

void dl_reader_free (DlReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlReader, dl_reader_free)

/* TRUE if @text has no characters but white space. */
gboolean dl_line_is_blank (const char *text, gsize len);

G_END_DECLS

#endif /* DL_READER_H */
