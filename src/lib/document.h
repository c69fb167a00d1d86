/* document.h — the non-blank lines of one input, each with its language:
 * reader.h's lines scored and smoothed by langid.h, with a bounded lag. */
#ifndef DL_DOCUMENT_H
#define DL_DOCUMENT_H

#include <glib.h>

#include "decode.h"
#include "diag.h"
#include "index.h"
#include "langid.h"
#include "parts.h"
#include "progress.h"
#include "reader.h"
#include "source.h"

G_BEGIN_DECLS

typedef struct {
  const DlEncoding *encoding; /* --encoding, or NULL to detect */
  gboolean assume;            /* --assume-lang given: no detection */
  DlLang assume_lang;
  DlProgress *progress; /* where the bytes read are counted (progress.h), or NULL */
  /* Workers that read a large UTF-8 file, or the many blocks of an
   * index's input, in parts (parts.h), or NULL: one thread reads it. The
   * lines and their languages are the same. */
  DlParts *parts;
  /* Work the workers do on each non-blank line ahead of its language, or
   * NULL (borrowed while the document is open). */
  const DlPrepare *prepare;
  /* Where a reader of an index's input is kept from input to input, or
   * NULL: the document of such an input takes the one there (made anew
   * for it) and leaves it there when freed (dl_index_lines_reopen). */
  DlIndexLines **spare_lines;
} DlDocumentOptions;

typedef struct {
  DlLine line; /* text owned by the document, valid until the next call */
  DlLang lang;
  guint8 *prepared;  /* what DlDocumentOptions.prepare made of the line when it
                        was read in parts, or NULL; valid as the text, and the
                        caller's to change */
  gboolean gap;      /* lines were skipped before it (dl_document_restrict) */
  guint64 block, at; /* an index's line: its block and place in it (DlIndexLine's) */
} DlDocLine;

typedef struct _DlDocument DlDocument;

/* Opens @input (see dl_reader_open for errors). */
DlDocument *dl_document_open (const DlInput *input, const DlDocumentOptions *options,
                              const DlDiag *diag, GError **error);

/* The next non-blank line and its language. FALSE at the end, with @error
 * set if reading failed (every line read before the failure was given). */
gboolean dl_document_next (DlDocument *doc, DlDocLine *out, GError **error);

/* For an index's input (source.h's DlInput.index): reads only the blocks
 * in @ranges (dl_index_lines_restrict); the first line after skipped ones
 * has DlDocLine.gap. Nothing for other inputs. Before the first line is
 * asked for: with DlDocumentOptions.parts, the blocks read are cut into
 * parts for the workers then (parts.h). */
void dl_document_restrict (DlDocument *doc, const guint64 *ranges, guint n);

/* For an index's input, before its first line is asked for: the workers
 * that read it in parts prepare nothing (DlDocumentOptions.prepare): the
 * reader tokenizes the few lines it wants itself. Nothing for other
 * inputs, whose parts are read from the start. */
void dl_document_no_prepare (DlDocument *doc);

/* The reader of @doc's index input before its first line (which reads
 * its blocks unless they are many and read in parts); else NULL. */
DlIndexLines *dl_document_index_lines (DlDocument *doc);

void dl_document_free (DlDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlDocument, dl_document_free)

G_END_DECLS

#endif /* DL_DOCUMENT_H */
