/* freqlist.h — a frequency list of one language from a counter.h counter:
 * word forms or stems, the stoplist and thresholds applied, ranked by
 * frequency (ties in the language's alphabetical order), then sorted. */
#ifndef DL_FREQLIST_H
#define DL_FREQLIST_H

#include <glib.h>

#include "counter.h"
#include "types.h"
#include "stem.h"
#include "stoplist.h"

G_BEGIN_DECLS

typedef enum {
  DL_FREQ_SORT_FREQ,   /* frequency, descending (ties: alphabetical) */
  DL_FREQ_SORT_ALPHA,  /* the language's alphabetical order */
  DL_FREQ_SORT_ATERGO, /* alphabetical order of the reversed items */
} DlFreqSort;

typedef struct {
  DlUnit unit;
  DlFreqSort sort;
  guint64 min_freq;           /* items less frequent are left out */
  guint32 min_range;          /* items in fewer files are left out */
  guint top;                  /* only the this many most frequent (0: all) */
  guint forms;                /* stems: show this many most frequent forms (0: all) */
  const DlStoplist *stoplist; /* may be NULL */
} DlFreqOptions;

typedef struct {
  const char *item; /* owned by the list */
  guint64 freq;
  guint32 range;
  guint rank;        /* 1 = most frequent */
  const char *forms; /* stems: "form (freq), ..."; NULL for forms */
} DlFreqItem;

typedef struct _DlFreqList DlFreqList;

/* The list of @lang in @counter. @stemmer is needed for DL_UNIT_STEM (then
 * the counter must track files); @norm folds items for the stoplist when the
 * counter kept case. NULL with @error (DL_ERROR_ICU) if ICU's collator for
 * the language cannot be opened. */
DlFreqList *dl_freqlist_build (const DlCounter *counter, DlLang lang, const DlFreqOptions *opts,
                               DlStemmer *stemmer, DlNormalizer *norm, GError **error);

DlLang dl_freqlist_lang (const DlFreqList *list);

/* Tokens counted in the language. */
guint64 dl_freqlist_tokens (const DlFreqList *list);

/* Distinct items (forms or stems) before the stoplist and thresholds. */
guint64 dl_freqlist_types (const DlFreqList *list);

/* The number of items in the list. */
guint dl_freqlist_size (const DlFreqList *list);

/* Item @i (0-based) in the asked order, owned by @list. */
const DlFreqItem *dl_freqlist_item (const DlFreqList *list, guint i);

void dl_freqlist_free (DlFreqList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlFreqList, dl_freqlist_free)

G_END_DECLS

#endif /* DL_FREQLIST_H */
