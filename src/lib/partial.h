/* partial.h — partial results (doc/DESIGN.md §8, "Partial results"):
 * what a run counted, saved to a file (`derlem count --save PART.dlc`)
 * that freq and keyness read as they read the files counted, and that
 * `derlem merge` joins into one. Its inputs are kept as a list (path,
 * and what reading each reported), so that a partial result named on
 * the command line stands for its inputs, in their order: the first
 * carries the counts of them all, each replays its diagnostics. */
#ifndef DL_PARTIAL_H
#define DL_PARTIAL_H

#include <stdio.h>

#include <glib.h>

#include "colloc.h"
#include "counter.h"
#include "diag.h"
#include "lexstats.h"
#include "ngrams.h"

G_BEGIN_DECLS

/* The first bytes of a partial result. */
#define DL_PARTIAL_MAGIC "DLCOUNT\x1a"
#define DL_PARTIAL_MAGIC_LEN 8

typedef struct _DlPartial DlPartial;

/* TRUE if @path can be opened and begins as a partial result does. */
gboolean dl_partial_is_partial (const char *path);

/* Opens the partial result @path: its header, its list of inputs and its
 * last frame, each checked (the counts are read by
 * dl_partial_load_counter). NULL with @error (DL_ERROR_IO if it cannot be
 * read, DL_ERROR_COUNTS if it is not a whole partial result of this
 * version). */
DlPartial *dl_partial_open (const char *path, GError **error);
DlPartial *dl_partial_ref (DlPartial *p);
void dl_partial_unref (DlPartial *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPartial, dl_partial_unref)

const char *dl_partial_path (const DlPartial *p);

/* Its inputs, in the order they were counted (and numbered). */
guint dl_partial_n_inputs (const DlPartial *p);
const char *dl_partial_input_path (const DlPartial *p, guint i);

/* Sends to @diag what reading input @i reported when it was counted, in
 * order. */
void dl_partial_replay (const DlPartial *p, guint i, const DlDiag *diag);

/* What its counts were counted with: DlCounterOptions' casing, languages
 * and kinds (dl_counter_variant), and whether each term's files (for the
 * ranges of stems and lemmas) and counts per file (for dispersion) were
 * kept. */
guint32 dl_partial_variant (const DlPartial *p);
gboolean dl_partial_has_files (const DlPartial *p);
gboolean dl_partial_has_counts (const DlPartial *p);

/* The tables a partial result holds beside the counts, for the
 * commands that read them. */
typedef struct {
  guint min_n, max_n;   /* ngrams' n-grams of these sizes (0, 0: none) */
  gboolean ngram_files; /* and the files of each, for n-grams of stems or
                           lemmas (ranges otherwise) */
  guint window;         /* colloc --all's word pairs, the second at most this
                           many tokens after the first (0: none) */
  gboolean stats;       /* stats' rows and vocabulary */
} DlPartialTables;

/* The tables @p holds (owned by @p). */
const DlPartialTables *dl_partial_tables (const DlPartial *p);

/* Checks that counts made with @opts, and the tables @need (NULL: none),
 * can be read from @p: counted with the same casing and kinds, of
 * @opts's languages or more (a run reads those it counts), files and
 * counts per file kept if @opts tracks them, n-grams of @need's sizes or
 * more (with their files if @need asks), pairs of @need's window, stats
 * if @need asks. FALSE with @error
 * (DL_ERROR_COUNTS) naming what differs. */
gboolean dl_partial_check_options (const DlPartial *p, const DlCounterOptions *opts,
                                   const DlPartialTables *need, GError **error);

/* Reads the counts of @p into @c, fresh, made with options that
 * dl_partial_check_options accepts: merged counts of its inputs, which
 * dl_counter_merge adds to a total as its inputs' files, one after the
 * other. FALSE with @error (DL_ERROR_IO, DL_ERROR_COUNTS). */
gboolean dl_partial_load_counter (const DlPartial *p, DlCounter *c, GError **error);

/* Reads the counts and n-grams of @p into @c, fresh, as
 * dl_partial_load_counter reads the counts (@c's options and sizes
 * checked by dl_partial_check_options first). */
gboolean dl_partial_load_ngrams (const DlPartial *p, DlNgramCounts *c, GError **error);

/* The same for the counts and word pairs of @p, into @c (with all). */
gboolean dl_partial_load_pairs (const DlPartial *p, DlCollocCounts *c, GError **error);

/* The same for stats' rows and vocabulary of @p, into @in, fresh. */
gboolean dl_partial_load_stats (const DlPartial *p, DlLexStatsInput *in, GError **error);

/* Sends to @diag what expanding the paths of the run that made @p
 * reported (a path missing, unreadable): the notes before its inputs. */
void dl_partial_replay_paths (const DlPartial *p, const DlDiag *diag);

/* How many paths could not be read, and inputs not read whole, when @p
 * was counted: errors about a path before its inputs, and about an
 * input itself. */
guint dl_partial_failures (const DlPartial *p);

/* A note of what reading reported, kept in a partial result. */
typedef struct {
  DlDiagLevel level;
  char *file; /* NULL: about no file */
  guint64 line;
  char *message;
} DlPartialNote;

/* The inputs of a partial result being made, and their notes: what the
 * run reported about its paths, before it read any input, then what
 * each input reported. Diagnostics come before the result of the input
 * they are about (pool.h), so notes are kept as they come and an input,
 * when it is added, takes those since the one before. */
typedef struct {
  GArray *notes;       /* DlPartialNote: about the paths */
  GPtrArray *inputs;   /* their paths */
  GArray *input_notes; /* DlPartialNote: of the inputs */
  GArray *ends;        /* guint: each input's notes end there in input_notes */
} DlPartialList;

void dl_partial_list_init (DlPartialList *list);
void dl_partial_list_clear (DlPartialList *list);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DlPartialList, dl_partial_list_clear)

/* Keeps a note, for the next input added (or dl_partial_list_paths). */
void dl_partial_list_note (DlPartialList *list, DlDiagLevel level, const char *file, guint64 line,
                           const char *message);

/* The notes so far are about the paths (before any input). */
void dl_partial_list_paths (DlPartialList *list);

/* Adds an input, with the notes kept since the one before. */
void dl_partial_list_input (DlPartialList *list, const char *path);

/* What a partial result holds, merged over its inputs in their order:
 * the counts, and the tables asked (NULL: none). */
typedef struct {
  const DlCounter *counter;     /* its options' variant and tracking kept with it */
  const DlNgramCounts *ngrams;  /* of the sizes it counts */
  const DlCollocCounts *pairs;  /* counted with all */
  const DlLexStatsTotal *stats; /* before dl_lexstats_finish */
} DlPartialCounts;

/* Writes a partial result of @list's inputs and @counts to @out, which
 * the caller closes (and checks). FALSE with @error (DL_ERROR_IO) if the
 * counts cannot be compressed or a write fails. */
gboolean dl_partial_write (FILE *out, const DlPartialList *list, const DlPartialCounts *counts,
                           GError **error);

/* The frames of a partial result: the inputs, the counts, then the
 * tables its inputs' frame names, in this order. */
typedef enum {
  DL_PARTIAL_INPUTS = 1,
  DL_PARTIAL_COUNTS = 2,
  DL_PARTIAL_NGRAMS = 3,
  DL_PARTIAL_PAIRS = 4,
  DL_PARTIAL_STATS = 5,
} DlPartialTag;

typedef struct {
  DlPartialTag tag;
  const guint8 *data; /* decompressed */
  gsize len;
} DlPartialFrame;

/* The file of a partial result of the @n @frames, whatever they hold:
 * what dl_partial_write writes once it has made them, and how the fuzzer
 * makes files whose checksums hold. FALSE with @error (DL_ERROR_IO). */
gboolean dl_partial_write_frames (FILE *out, const DlPartialFrame *frames, guint n, GError **error);

G_END_DECLS

#endif /* DL_PARTIAL_H */
