/* ngrams.h — n-gram clusters (lexical bundles): runs of n counted tokens
 * (words, and numbers with --numbers) of one language that never cross a
 * sentence end (ICU sentence breaks), a language switch or the ends of an
 * input, counted with the number of files they occur in. Counts are per
 * input and merged in input order, like counter.h's. */
#ifndef DL_NGRAMS_H
#define DL_NGRAMS_H

#include <glib.h>

#include "counter.h"
#include "query.h"
#include "tuples.h"

G_BEGIN_DECLS

/* The sizes of n-grams. */
#define DL_NGRAM_MIN 2
#define DL_NGRAM_MAX DL_TUPLES_MAX

typedef struct {
  guint min_n, max_n;       /* sizes, DL_NGRAM_MIN .. DL_NGRAM_MAX */
  const DlQuery *contains;  /* only n-grams holding a match of it (borrowed), or NULL */
  DlQueryOptions query;     /* how @contains is matched */
  DlCounterOptions counter; /* casing, languages and kinds of tokens counted */
  gboolean track_files;     /* keep the files of each n-gram (needed unless units are forms) */
} DlNgramOptions;

typedef struct _DlNgramCounts DlNgramCounts;

DlNgramCounts *dl_ngram_counts_new (const DlNgramOptions *opts);
void dl_ngram_counts_free (DlNgramCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlNgramCounts, dl_ngram_counts_free)

/* Adds @from, the counts of one input, to @into as file number @file
 * (0-based, increasing from call to call). @from is used up (its tables
 * may be taken over): only free it after. */
void dl_ngram_counts_merge (DlNgramCounts *into, DlNgramCounts *from, guint32 file);

/* The options @counts was made with (owned by @counts). */
const DlNgramOptions *dl_ngram_counts_options (const DlNgramCounts *counts);

/* Appends @counts' tables to @out (its counter is saved on its own, by
 * dl_counter_save), for dl_ngram_counts_load. */
void dl_ngram_counts_save (const DlNgramCounts *counts, GByteArray *out);

/* Reads into @counts, fresh, merged counts of @files files: @saved_len
 * bytes of dl_counter_save's (its counter's, as dl_counter_load takes
 * them) and @tables_len bytes of dl_ngram_counts_save's, of the sizes of
 * @counts or more (those it does not count are dropped). A merge then
 * adds them as files @file, @file + 1, .... FALSE if the bytes are not
 * such counts. */
gboolean dl_ngram_counts_load (DlNgramCounts *counts, const guint8 *saved, gsize saved_len,
                               const guint8 *tables, gsize tables_len, guint32 files);

/* The counter of @counts (tokens and frequencies), owned by it. */
const DlCounter *dl_ngram_counts_counter (const DlNgramCounts *counts);

/* Counts n-grams for one thread. */
typedef struct _DlNgrams DlNgrams;

/* NULL with @error if ICU or the stemmer fail. */
DlNgrams *dl_ngrams_new (const DlNgramOptions *opts, GError **error);
void dl_ngrams_free (DlNgrams *ng);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlNgrams, dl_ngrams_free)

/* Counts @input into @counts, fresh from dl_ngram_counts_new. Problems with
 * single lines go to @diag; FALSE with @error if the input cannot be read
 * (what was counted before stands). */
gboolean dl_ngrams_input (DlNgrams *ng, const DlInput *input, const DlDocumentOptions *doc_options,
                          const DlDiag *diag, DlNgramCounts *counts, GError **error);

typedef struct {
  const DlUnits *units; /* of the counts' counter in the list's language: n-grams of
                           units; those of stopword units only are left out */
  guint64 min_freq;
  guint32 min_range;
  guint top; /* the first this many (0: all) */
} DlNgramListOptions;

typedef struct {
  const char *ngram; /* its units' headwords joined by single spaces */
  const char *unit;  /* its units' keys joined by single spaces */
  guint n;
  guint64 freq;
  guint32 range;
} DlNgramRow;

typedef struct _DlNgramList DlNgramList;

/* The n-grams of @lang, every size together, by frequency (descending),
 * then range (descending), then alphabetical order. NULL with @error
 * (DL_ERROR_ICU) if the language's collator cannot be opened. */
DlNgramList *dl_ngram_list (const DlNgramCounts *counts, DlLang lang,
                            const DlNgramListOptions *opts, GError **error);
void dl_ngram_list_free (DlNgramList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlNgramList, dl_ngram_list_free)

guint dl_ngram_list_size (const DlNgramList *list);
const DlNgramRow *dl_ngram_list_row (const DlNgramList *list, guint i);

/* Distinct n-grams before the thresholds. */
guint64 dl_ngram_list_types (const DlNgramList *list);

G_END_DECLS

#endif /* DL_NGRAMS_H */
