/* colloc.h — window collocates (doc/DESIGN.md §3, §4): the words within L tokens
 * before and R tokens after each occurrence of a node (a query.h query), or,
 * with `all`, every word pair of the corpus with the second at most R
 * tokens after the first; then the association measures of measures.h.
 * Windows hold the counted tokens (words, and numbers with --numbers) of one
 * language: they stop at a language switch and at the ends of an input, and
 * they run across line breaks and sentences. Counts are per input and
 * merged in input order, like counter.h's, so nothing depends on --threads. */
#ifndef DL_COLLOC_H
#define DL_COLLOC_H

#include <glib.h>

#include "counter.h"
#include "measures.h"
#include "query.h"
#include "units.h"

G_BEGIN_DECLS

/* The widest window side: windows wider than this say little and cost a
 * lot. */
#define DL_COLLOC_WINDOW_MAX 1000

typedef struct {
  guint left, right;        /* the window: tokens before and after the node */
  gboolean all;             /* every pair, no node (left must be 0) */
  DlQueryOptions query;     /* how the node is matched */
  DlCounterOptions counter; /* casing, languages and kinds of tokens counted */
} DlCollocOptions;

/* Counts: the tokens of each language and their frequencies, the node's
 * occurrences and its co-occurrences (or the pairs). */
typedef struct _DlCollocCounts DlCollocCounts;

DlCollocCounts *dl_colloc_counts_new (const DlCollocOptions *opts);
void dl_colloc_counts_free (DlCollocCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlCollocCounts, dl_colloc_counts_free)

/* Adds @from, the counts of one input (dl_colloc_input), to @into as file
 * number @file (0-based, increasing from call to call). @from is used up
 * (its tables may be taken over): only free it after. */
void dl_colloc_counts_merge (DlCollocCounts *into, DlCollocCounts *from, guint32 file);

/* The right side of @counts' window. */
guint dl_colloc_counts_window (const DlCollocCounts *counts);

/* With all: appends the window and the pairs of @counts to @out, their
 * ids those of the same terms in @numbering (a counter of the same
 * files, whose counts are saved beside them), for dl_colloc_counts_load. */
void dl_colloc_counts_save_pairs (const DlCollocCounts *counts, const DlCounter *numbering,
                                  GByteArray *out);

/* With all: reads into @counts, fresh, merged counts of @files files:
 * @saved_len bytes of dl_counter_save's (as dl_counter_load takes them)
 * and @pairs_len bytes of dl_colloc_counts_save_pairs's, counted with
 * @counts' window. A merge then adds them as files @file, @file + 1, ....
 * FALSE if the bytes are not such counts. */
gboolean dl_colloc_counts_load (DlCollocCounts *counts, const guint8 *saved, gsize saved_len,
                                const guint8 *pairs, gsize pairs_len, guint32 files);

/* The counter of @counts (tokens and frequencies), owned by it. */
const DlCounter *dl_colloc_counts_counter (const DlCollocCounts *counts);

/* Node occurrences in @lang (0 with all). */
guint64 dl_colloc_counts_nodes (const DlCollocCounts *counts, DlLang lang);

/* Counts collocations for one thread. */
typedef struct _DlColloc DlColloc;

/* A collocation counter for the node @node (borrowed; NULL with all).
 * NULL with @error if ICU or the stemmer fail. */
DlColloc *dl_colloc_new (const DlQuery *node, const DlCollocOptions *opts, GError **error);
void dl_colloc_free (DlColloc *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlColloc, dl_colloc_free)

/* Counts @input into @counts, fresh from dl_colloc_counts_new. Problems with
 * single lines go to @diag; FALSE with @error if the input cannot be read
 * (what was counted before stands). */
gboolean dl_colloc_input (DlColloc *c, const DlInput *input, const DlDocumentOptions *doc_options,
                          const DlDiag *diag, DlCollocCounts *counts, GError **error);

typedef struct {
  const DlUnits *units; /* of the counts' counter (dl_colloc_counts_counter) in the
                           list's language: collocates are units, stopword units left
                           out (either word of a pair) */
  guint64 min_freq;     /* collocate frequency (both words' with all) */
  guint64 min_cooc;     /* co-occurrences (at least 1) */
  guint top;            /* the first this many rows (0: all) */
  DlMeasure sort;       /* descending; ties by cooc, then alphabetical */
} DlCollocListOptions;

typedef struct {
  const char *collocate;      /* the unit's headword; with all: "first second" */
  const char *unit;           /* the unit's key (with all: "first second") */
  const char *first, *second; /* with all; NULL otherwise */
  guint64 cooc, freq, left, right;
  DlAssocScores scores;
} DlCollocRow;

typedef struct _DlCollocList DlCollocList;

/* The collocates of @lang in @counts, scored and sorted; @counts is
 * borrowed and must outlive the list. NULL with @error (DL_ERROR_ICU) if the
 * language's collator cannot be opened. */
DlCollocList *dl_colloc_list (const DlCollocCounts *counts, DlLang lang,
                              const DlCollocListOptions *opts, GError **error);
void dl_colloc_list_free (DlCollocList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlCollocList, dl_colloc_list_free)

/* The number of rows, and row @i: made in @row, which it returns (its
 * strings belong to @list and its counts). A list keeps only what ranks its
 * rows (units, co-occurrences, pair texts), so that a list of millions of
 * pairs takes tens of bytes each rather than a whole row. */
guint dl_colloc_list_size (const DlCollocList *list);
const DlCollocRow *dl_colloc_list_row (const DlCollocList *list, guint i, DlCollocRow *row);

/* Collocates (or pairs) before the stoplist and thresholds. */
guint64 dl_colloc_list_candidates (const DlCollocList *list);

G_END_DECLS

#endif /* DL_COLLOC_H */
