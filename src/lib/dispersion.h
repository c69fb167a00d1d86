/* dispersion.h — where words occur (doc/DESIGN.md §4): Juilland's D,
 * Gries' DP and DPnorm over parts of a corpus, as pure functions of the
 * parts' counts and sizes; and the hits of queries in each input, kept as
 * token positions (results, not the corpus) and binned into files or equal
 * parts at the end. */
#ifndef DL_DISPERSION_H
#define DL_DISPERSION_H

#include <glib.h>

#include "diag.h"
#include "document.h"
#include "query.h"
#include "source.h"

G_BEGIN_DECLS

/* The measures of one item over n parts (parts of size 0 are not parts).
 * Undefined ones have their has_ flag FALSE and the value 0: never NaN. */
typedef struct {
  guint n;      /* parts of non-zero size */
  guint range;  /* parts with at least one hit */
  guint64 freq; /* hits */
  gboolean has_d;
  double d; /* Juilland's D = 1 − (sd/mean)/√(n−1) over the parts'
               relative frequencies count/size, sd the population sd;
               undefined for n < 2 or no hit */
  gboolean has_dp;
  double dp; /* Gries' DP = ½ Σ |v_i − s_i|, v_i = count_i / freq,
                s_i = size_i / Σ size; undefined with no hit */
  gboolean has_dp_norm;
  double dp_norm; /* DP / (1 − min s_i) (Lijffijt & Gries 2012); undefined
                     with no hit or n < 2 */
} DlDispersion;

/* Computes the measures of counts @counts over parts of sizes @sizes (@n of
 * each; a count in a part of size 0 is ignored) into @out. */
void dl_dispersion_measure (const guint64 *counts, const guint64 *sizes, guint n,
                            DlDispersion *out);

/* The same from the @k parts with a hit only (@counts and @sizes of
 * those), of @n parts of sizes summing to @total, the smallest @min_size
 * (none 0): O(@k), for lists of many items over many files. */
void dl_dispersion_measure_sparse (const guint64 *counts, const guint64 *sizes, guint k, guint n,
                                   guint64 total, guint64 min_size, DlDispersion *out);

/* ---- the hits of queries, per input ---- */

/* What one input gives: per language its counted tokens, and per language
 * and query the positions of the hits (the number of counted tokens of
 * that language before the hit's first token). */
typedef struct _DlDispersionFile DlDispersionFile;

DlDispersionFile *dl_dispersion_file_new (guint n_queries);
void dl_dispersion_file_free (DlDispersionFile *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlDispersionFile, dl_dispersion_file_free)

typedef struct {
  gboolean langs[DL_LANG_COUNT]; /* languages whose tokens and hits count */
  gboolean count_numbers;        /* numbers count as tokens (and can be hits) */
  guint keep_lines;              /* keep the lines of the first this many hits of
                                    each language and query (a concordance) */
} DlDispersionOptions;

/* The line of a hit, kept with DlDispersionOptions.keep_lines. */
typedef struct {
  guint file;       /* input number (0 in a DlDispersionFile) */
  guint64 line;     /* 1-based line number in the input */
  guint64 position; /* the hit's place among the language's tokens (of the
                       input, then of the corpus) */
  char *text;       /* the line as the stream gives it: valid UTF-8, NFC */
  gsize start, end; /* the hit's bytes in @text (a hit starting on an
                       earlier line keeps no line) */
} DlDispersionLine;

/* Finds the hits of queries in inputs, for one thread. */
typedef struct _DlDispersionFinder DlDispersionFinder;

/* A finder for @queries (@n, borrowed, like @query_options's units). NULL
 * with @error if ICU fails. */
DlDispersionFinder *dl_dispersion_finder_new (DlQuery *const *queries, guint n,
                                              const DlQueryOptions *query_options,
                                              const DlDispersionOptions *options, GError **error);
void dl_dispersion_finder_free (DlDispersionFinder *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlDispersionFinder, dl_dispersion_finder_free)

/* Reads @input and fills @out (fresh). A hit is in the language of the line
 * of its first token that counts (a number without count_numbers does not),
 * at that token's position, and counts only if it has one: the positions
 * then always lie inside the language's tokens. Each query counts its own hits (two queries may
 * find the same tokens). Problems with lines go to @diag. FALSE with @error if the input cannot be
 * read (what was read before stands). */
gboolean dl_dispersion_finder_input (DlDispersionFinder *f, const DlInput *input,
                                     const DlDocumentOptions *doc_options, const DlDiag *diag,
                                     DlDispersionFile *out, GError **error);

/* ---- the whole corpus ---- */

/* Files merged in input order: per language the files with tokens of it
 * (its parts), per language and query the hits' positions in the
 * language's tokens of the whole corpus. */
typedef struct _DlDispersionTotal DlDispersionTotal;

DlDispersionTotal *dl_dispersion_total_new (guint n_queries);
void dl_dispersion_total_free (DlDispersionTotal *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlDispersionTotal, dl_dispersion_total_free)

/* Adds @f as input number @file (0, 1, ... in input order). */
void dl_dispersion_total_merge (DlDispersionTotal *t, const DlDispersionFile *f, guint file);

/* The kept lines of query @query's hits in @lang, the first ones in
 * corpus order: *@n of them (owned by @t). */
const DlDispersionLine *const *dl_dispersion_total_lines (const DlDispersionTotal *t, DlLang lang,
                                                          guint query, guint *n);

/* Tokens of @lang in the corpus. */
guint64 dl_dispersion_total_tokens (const DlDispersionTotal *t, DlLang lang);

/* The parts of @lang for query @query: the files with tokens of @lang
 * (@n_parts 0), or @n_parts consecutive slices of its tokens in input
 * order (at most DL_DISPERSION_MAX_PARTS), part i (0-based) holding tokens ⌊i·T/N⌋ .. ⌊(i+1)·T/N⌋ −
 * 1 of the T. */
typedef struct {
  guint n;            /* parts */
  guint *files;       /* with files: the input number of each part; NULL for slices */
  guint64 *sizes;     /* tokens of each part */
  guint64 *counts;    /* hits in each part */
  guint64 *starts;    /* index of the first hit of each part in positions; n + 1 */
  guint64 *positions; /* every hit's position in its part, part by part */
  DlDispersion measures;
} DlDispersionParts;

/* The most parts dl_dispersion_total_parts makes. */
#define DL_DISPERSION_MAX_PARTS 1000000

/* Fills @parts (the caller's, cleared with dl_dispersion_parts_clear) for
 * query @query in @lang. */
void dl_dispersion_total_parts (const DlDispersionTotal *t, DlLang lang, guint query, guint n_parts,
                                DlDispersionParts *parts);
void dl_dispersion_parts_clear (DlDispersionParts *parts);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DlDispersionParts, dl_dispersion_parts_clear)

G_END_DECLS

#endif /* DL_DISPERSION_H */
