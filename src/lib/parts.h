/* parts.h — one file read by several threads (doc/DESIGN.md §2, parallel
 * reading; an index's input alike, cut at its blocks): a large UTF-8 file
 * is cut into parts at line starts
 * (dl_reader_split), worker threads read the parts, score each line's
 * language evidence and do a caller's work on it (tokenizing, for the
 * stream), and the lines come back in order, with the diagnostics a reader
 * of the whole file gives, when it gives them. Language smoothing, which
 * needs the lines in order, stays with the document that reads them. */
#ifndef DL_PARTS_H
#define DL_PARTS_H

#include <glib.h>

#include "diag.h"
#include "langid.h"
#include "progress.h"
#include "reader.h"
#include "source.h"

G_BEGIN_DECLS

/* The bytes of a part (the last may be up to twice as long). */
#define DL_PARTS_SIZE ((guint64) 1 << 20)

typedef struct _DlParts DlParts;

/* Worker threads, @threads of them (2 or more), shared by every file read
 * in parts while they live. */
DlParts *dl_parts_new (guint threads);
/* Cuts files in parts of about @size bytes from now on (default
 * DL_PARTS_SIZE): tests put many borders in a small file. */
void dl_parts_set_size (DlParts *parts, guint64 size);
/* Waits for the work given to finish (dl_part_reader_free first). */
void dl_parts_free (DlParts *parts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlParts, dl_parts_free)

/* Work done on every non-blank line in the worker that reads it, before
 * its language is known: @begin makes a state for one part (NULL with
 * @error if it cannot), @line appends what it makes of a line to @out
 * (nothing: the line gets none), @end takes the state back. @possible are
 * the languages the line may be given: DL_LANG_OTHER alone when its
 * evidence says so, tr and en otherwise (the assumed language alone with
 * --assume-lang). */
typedef struct {
  gpointer (*begin) (gpointer data, GError **error);
  void (*line) (gpointer state, const DlLine *line, const gboolean possible[DL_LANG_COUNT],
                GByteArray *out);
  void (*end) (gpointer data, gpointer state);
  gpointer data;
} DlPrepare;

typedef struct {
  DlLine line;             /* as dl_reader_next gives it */
  gboolean blank;          /* dl_line_is_blank */
  DlLangEvidence evidence; /* scored, unless blank, assumed or an index's */
  guint8 *prepared;        /* what DlPrepare.line made of it, or NULL */
  DlLang lang;             /* an index's line: its language */
  gboolean gap;            /* an index's line: lines were skipped before it */
  guint64 block, at;       /* an index's line: DlIndexLine's */
} DlPartLine;

typedef struct _DlPartReader DlPartReader;

/* Reads the file @reader has just opened in parts, if it can be cut
 * (dl_reader_split): then takes @reader, and its notes and warnings about
 * lines go to @diag, as dl_reader_next would give them. Scores the
 * evidence of every non-blank line unless @assume (the language given:
 * @assume_lang), and runs @prepare (may be NULL) on it. NULL if the file
 * is not cut (@reader reads it, untouched), or with @error if reading it
 * through fails. */
DlPartReader *dl_part_reader_new (DlParts *parts, DlReader *reader, const DlInput *input,
                                  gboolean assume, DlLang assume_lang, const DlPrepare *prepare,
                                  const DlDiag *diag, DlProgress *progress, GError **error);

/* Reads input @input of an index (source.h's DlInput.index) in parts of
 * its blocks: those in @ranges (@n sorted, disjoint [from, to) pairs of
 * block numbers, as index.h's dl_index_lines_restrict takes them), or
 * every block if @ranges is NULL. The lines are the index's (no blank
 * line, each with its language), as index.h's dl_index_lines_next gives
 * them, with its errors; @prepare (may be NULL) runs on each line whose
 * language (@assume_lang if @assume) it wants. NULL if the blocks make
 * fewer than two parts, or hold less than sixteen parts' bytes without
 * @prepare: then one reader is as fast. */
DlPartReader *dl_part_reader_new_index (DlParts *parts, const DlInput *input, const guint64 *ranges,
                                        guint n, gboolean assume, DlLang assume_lang,
                                        const DlPrepare *prepare);

/* The next line of the file, in order. Its text and what was prepared of
 * it stay valid while fewer than DL_PARTS_KEEP further non-blank lines
 * were read (the lines the language smoother holds; blank lines it does
 * not count). FALSE at the end, with @error set if reading failed (every
 * line before stands). */
gboolean dl_part_reader_next (DlPartReader *pr, DlPartLine *out, GError **error);

/* How many non-blank lines after a line its text is kept. */
#define DL_PARTS_KEEP (DL_LANGID_MAX_LAG + 4)

/* Stops the workers on the file (waiting for those at work) and frees. */
void dl_part_reader_free (DlPartReader *pr);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPartReader, dl_part_reader_free)

G_END_DECLS

#endif /* DL_PARTS_H */
