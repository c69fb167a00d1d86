/* lexstats.h — vocabulary statistics of each language per file and over all
 * files (`derlem stats`, doc/DESIGN.md §4 lexical statistics): tokens,
 * types, TTR, STTR, hapax, mean word length, stems, Yule's K, MTLD. Each
 * input is counted into fresh results, STTR and MTLD in one pass in text
 * order with memory bounded by a chunk or a factor; the results are merged
 * in input order. Pure functions on arrays compute the measures for tests. */
#ifndef DL_LEXSTATS_H
#define DL_LEXSTATS_H

#include <glib.h>

#include "counter.h"
#include "diag.h"
#include "document.h"
#include "source.h"
#include "stem.h"
#include "types.h"

G_BEGIN_DECLS

/* STTR's chunk: tokens. */
#define DL_LEXSTATS_CHUNK 1000
/* MTLD's threshold is 0.72 = 18/25 (compared in integers: a factor ends
 * when types · 25 ≤ tokens · 18). */
#define DL_LEXSTATS_MTLD_NUM 18
#define DL_LEXSTATS_MTLD_DEN 25
/* The term ids of a sequence kept in memory for MTLD's backward pass; the
 * ones before them wait in a temporary file (4 bytes a token). */
#define DL_LEXSTATS_KEEP (1u << 20)

/* The counts of a language in a file, or in all files. */
typedef struct {
  guint64 tokens;      /* counted tokens */
  guint64 types;       /* distinct terms */
  guint64 hapax;       /* types of frequency 1 */
  guint64 dis;         /* types of frequency 2 */
  guint64 sum_sq;      /* Σ freq² over types (= Σ i² V_i) */
  guint64 chars;       /* Σ over tokens of their term's code points */
  guint64 stems;       /* distinct Snowball stems of the types */
  guint64 lines;       /* lines of the language */
  guint64 chunks;      /* full STTR chunks */
  guint64 chunk_types; /* the sum of their types */
  gboolean has_mtld;
  double mtld;
} DlLexStats;

/* The measures derived from a DlLexStats, in the order of stats' columns. */
typedef enum {
  DL_LEXSTATS_TTR,         /* types / tokens */
  DL_LEXSTATS_STTR,        /* chunk_types / (chunks · 1000): the chunks' mean TTR */
  DL_LEXSTATS_MEAN_LENGTH, /* chars / tokens */
  DL_LEXSTATS_HAPAX_PCT,   /* 100 · hapax / types */
  DL_LEXSTATS_STEMS_RATIO, /* stems / types */
  DL_LEXSTATS_YULE_K,      /* 10⁴ · (Σ freq² − tokens) / tokens² */
  DL_LEXSTATS_MTLD,
  DL_LEXSTATS_MEASURES
} DlLexMeasure;

/* Sets *@value to measure @m of @s: FALSE (and *@value 0) when it is
 * undefined (no token, no type, no full chunk, no MTLD). */
gboolean dl_lexstats_measure (const DlLexStats *s, DlLexMeasure m, double *value);

/* STTR of the sequence @terms (@n term ids): the mean TTR of its full
 * chunks of DL_LEXSTATS_CHUNK tokens, the last incomplete one left out.
 * FALSE if there is no full chunk. */
gboolean dl_lexstats_sttr (const guint32 *terms, gsize n, double *value);

/* Yule's K of a vocabulary of @n_types frequencies @freqs: 10⁴ · (Σ f² −
 * N) / N², N = Σ f. FALSE if N = 0. */
gboolean dl_lexstats_yule_k (const guint64 *freqs, gsize n_types, double *value);

/* MTLD (McCarthy & Jarvis 2010) of @terms (@n term ids), each direction
 * computed as its own pass: tokens / factors, a factor ending where the
 * running TTR falls to 0.72 or below, the remainder adding (1 − TTR) /
 * (1 − 0.72) (0 when empty). *@value is the mean of *@forward and
 * *@backward. FALSE (all three 0) when undefined: factors 0, that is when
 * all tokens are distinct (or none). */
gboolean dl_lexstats_mtld (const guint32 *terms, gsize n, double *forward, double *backward,
                           double *value);

/* STTR and MTLD of a sequence of term ids pushed in text order, in one
 * pass, then MTLD's backward pass from the end: memory follows the largest
 * term id and at most DL_LEXSTATS_KEEP ids; a longer sequence's earlier ids
 * go to a temporary file, read back from its end. */
typedef struct _DlLexStatsSeq DlLexStatsSeq;

DlLexStatsSeq *dl_lexstats_seq_new (void);

/* The same, keeping at most @keep ids in memory (tests make it small). */
DlLexStatsSeq *dl_lexstats_seq_new_keeping (gsize keep);
void dl_lexstats_seq_free (DlLexStatsSeq *q);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlLexStatsSeq, dl_lexstats_seq_free)

void dl_lexstats_seq_push (DlLexStatsSeq *q, guint32 term);

/* The MTLD of what was pushed, as dl_lexstats_mtld gives it (the backward
 * pass made now); also FALSE if the temporary file failed. */
gboolean dl_lexstats_seq_mtld (DlLexStatsSeq *q, double *forward, double *backward, double *value);

/* Sets @s's chunks, chunk_types, has_mtld and mtld from @q. */
void dl_lexstats_seq_finish (DlLexStatsSeq *q, DlLexStats *s);

/* What a thread needs to count inputs (a token stream, a normalizer), kept
 * between inputs. NULL with @error if ICU cannot be set up. */
typedef struct _DlLexStatsWorker DlLexStatsWorker;

DlLexStatsWorker *dl_lexstats_worker_new (const DlCounterOptions *opts, GError **error);
void dl_lexstats_worker_free (DlLexStatsWorker *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlLexStatsWorker, dl_lexstats_worker_free)

/* The statistics of one input, per language. */
typedef struct _DlLexStatsInput DlLexStatsInput;

DlLexStatsInput *dl_lexstats_input_new (const DlCounterOptions *opts);

/* The options @in was made with (owned by @in). */
const DlCounterOptions *dl_lexstats_input_options (const DlLexStatsInput *in);
void dl_lexstats_input_free (DlLexStatsInput *in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlLexStatsInput, dl_lexstats_input_free)

/* Counts @input into the fresh @in with @w (made with the same options).
 * Problems with the input go to @diag; FALSE with @error if it cannot be
 * read (the lines before a read error stand). */
gboolean dl_lexstats_count (DlLexStatsInput *in, DlLexStatsWorker *w, const DlInput *input,
                            const DlDocumentOptions *doc_options, const DlDiag *diag,
                            GError **error);

/* One row of a language: a file with tokens of it, or the total. */
typedef struct {
  const char *file; /* the input's path; NULL for the total */
  DlLexStats stats;
} DlLexStatsRow;

/* The merged statistics of a run. */
typedef struct _DlLexStatsTotal DlLexStatsTotal;

/* Empty totals; @stemmer (borrowed: it must last until
 * dl_lexstats_finish) stems each term of the run once, for stems_ratio. */
DlLexStatsTotal *dl_lexstats_total_new (DlStemmer *stemmer);
void dl_lexstats_total_free (DlLexStatsTotal *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlLexStatsTotal, dl_lexstats_total_free)

/* Adds @in, the statistics of input @file (0, 1, ... in input order), to
 * @t: a row per language it has tokens of, and its counts to the totals. */
void dl_lexstats_merge (DlLexStatsTotal *t, const DlLexStatsInput *in, guint32 file);

/* Appends to @out what @t has merged (before dl_lexstats_finish), for
 * dl_lexstats_input_load. */
void dl_lexstats_total_save (const DlLexStatsTotal *t, GByteArray *out);

/* Reads into @in, fresh, what dl_lexstats_total_save wrote of @files
 * merged inputs: dl_lexstats_merge then adds their rows and vocabulary
 * as if each had been merged in turn. FALSE if the bytes are not such
 * statistics. */
gboolean dl_lexstats_input_load (DlLexStatsInput *in, const guint8 *data, gsize len, guint32 files);

/* Computes the total rows once every input is merged: the vocabulary of
 * all files (types, hapax, dis, Yule's K, stems), lines of all inputs,
 * STTR over the full chunks of all files (each file chunked on its own),
 * MTLD the token-weighted mean of the files' MTLD (files without one left
 * out). */
void dl_lexstats_finish (DlLexStatsTotal *t);

/* The file rows of @lang, in input order: *@n of them (owned by @t). */
const DlLexStatsRow *dl_lexstats_rows (const DlLexStatsTotal *t, DlLang lang, guint *n);

/* The type-token growth of @lang over the run, in input order: at @n
 * evenly spaced token counts (the last the language's tokens), the types
 * seen so far; fills @tokens and @types (room for @n each) and returns the
 * points written (fewer for fewer tokens than points, none for none). */
guint dl_lexstats_growth (const DlLexStatsTotal *t, DlLang lang, guint n, guint64 *tokens,
                          guint64 *types);

/* The frequencies of @lang's types over the run, most frequent first, *@n
 * of them (g_free): the ranks of a Zipf plot, the coverage of frequency
 * bands. */
guint64 *dl_lexstats_frequencies (const DlLexStatsTotal *t, DlLang lang, guint32 *n);

/* The points of a rank–frequency (Zipf) plot of @freqs (@n frequencies,
 * most frequent first) for log axes: every rank to 20, then ranks 5% apart,
 * and the last rank; at most @max points into @rank and @freq. Returns
 * their number. */
guint dl_lexstats_zipf_points (const guint64 *freqs, guint32 n, guint max, double *rank,
                               double *freq);

/* A term of a run's vocabulary. */
typedef struct {
  const char *term; /* its counting form (folded as --case says) */
  const char *stem; /* its Snowball stem */
  guint64 freq;
  guint32 range; /* the inputs it occurs in */
} DlLexTerm;

/* The vocabulary of @lang over the run, in order of first sight: *@n terms
 * (the array g_free, its strings owned by @t). */
DlLexTerm *dl_lexstats_terms (const DlLexStatsTotal *t, DlLang lang, guint32 *n);

/* The total row of @lang, after dl_lexstats_finish (owned by @t). */
const DlLexStatsRow *dl_lexstats_total (const DlLexStatsTotal *t, DlLang lang);

G_END_DECLS

#endif /* DL_LEXSTATS_H */
