/* freqlist.h — a frequency list of one language's units (units.h: word
 * forms, stems or lemmas of a counter.h counter), stopwords and thresholds
 * applied, ranked by frequency (ties in the language's alphabetical order),
 * then sorted. */
#ifndef DL_FREQLIST_H
#define DL_FREQLIST_H

#include <glib.h>

#include "counter.h"
#include "dispersion.h"
#include "types.h"
#include "units.h"

G_BEGIN_DECLS

typedef enum {
  DL_FREQ_SORT_FREQ,   /* frequency, descending (ties: alphabetical) */
  DL_FREQ_SORT_ALPHA,  /* the language's alphabetical order */
  DL_FREQ_SORT_ATERGO, /* alphabetical order of the reversed items */
} DlFreqSort;

typedef struct {
  DlFreqSort sort;
  guint64 min_freq;               /* items less frequent are left out */
  guint32 min_range;              /* items in fewer files are left out */
  guint top;                      /* only the this many most frequent (0: all) */
  guint forms;                    /* stems, lemmas: show this many most frequent forms (0: all) */
  gboolean dispersion;            /* each item's dispersion over the files (the counter
                                     must track counts) */
  gboolean has_min_d, has_max_dp; /* leave out items with a D below min_d, a DP
                                     above max_dp, or that value undefined */
  double min_d, max_dp;
  guint threads; /* the collation keys made on up to this many (0: one) */
} DlFreqOptions;

typedef struct {
  const char *item; /* the unit's headword, owned by the list */
  guint64 freq;
  guint32 range;
  guint rank;        /* 1 = most frequent */
  const char *forms; /* stems, lemmas: "form (freq), ..."; NULL for forms */
  const char *unit;  /* stems, lemmas: the unit's key; NULL for forms */
  /* With DlFreqOptions.dispersion: over the files with tokens of the
   * language, the unit's count in each the sum of its terms' (owned by the
   * list); NULL otherwise. Kept apart: a list of a million items without
   * them is half the size. */
  const DlDispersion *dispersion;
} DlFreqItem;

typedef struct _DlFreqList DlFreqList;

/* The list of @units (borrowed for the call; their counter must track files
 * unless units are forms, and counts for dispersion). NULL with @error (DL_ERROR_ICU) if ICU's
 * collator for the language cannot be opened. */
DlFreqList *dl_freqlist_build (const DlUnits *units, const DlFreqOptions *opts, GError **error);

DlLang dl_freqlist_lang (const DlFreqList *list);

/* Tokens counted in the language. */
guint64 dl_freqlist_tokens (const DlFreqList *list);

/* Units that are not stopwords, before the thresholds. */
guint64 dl_freqlist_types (const DlFreqList *list);

/* The number of items in the list. */
guint dl_freqlist_size (const DlFreqList *list);

/* Item @i (0-based) in the asked order, owned by @list. */
const DlFreqItem *dl_freqlist_item (const DlFreqList *list, guint i);

/* The text by which @it is matched with an item of another list (keyness,
 * a list read back from TSV): the unit's key for stems and lemmas, the item
 * with its apostrophes made DL_APOSTROPHE for forms (what freq shows of a
 * form differs from its counting form only there). Written into @buf;
 * returns its text. */
const char *dl_freqlist_match_key (const DlFreqItem *it, GString *buf);

/* The frequency band of an item of rank @rank (1-based) in bands of @size
 * ranks (@size ≥ 1): 1 for ranks 1..size, 2 for the next @size, and so on
 * (learners' lists: the 1k, 2k... most frequent words). */
guint64 dl_freq_band (guint64 rank, guint size);

/* The label of band @band (≥ 1) of @size ranks, written into @buf (24
 * bytes): its last rank, in thousands when that is a whole number of
 * hundreds from 1,000 up ("1k", "2k", "1.5k"), else as it is ("500").
 * Returns @buf. */
const char *dl_freq_band_label (guint64 band, guint size, char *buf);

/* The ranks of a reference list's items (the first is rank 1), by their
 * match key (dl_freqlist_match_key), for banding the words of a text. */
typedef struct _DlBandRef DlBandRef;

/* The ranks of @items (@n, in rank order; borrowed for the call): an item
 * listed twice keeps its first rank. */
DlBandRef *dl_band_ref_new (const DlFreqItem *items, guint n);

/* The rank of the unit key or counting form @key, or 0 if the list lacks
 * it. */
guint64 dl_band_ref_rank (const DlBandRef *r, const char *key);

/* The items ranked. */
guint64 dl_band_ref_size (const DlBandRef *r);
void dl_band_ref_free (DlBandRef *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlBandRef, dl_band_ref_free)

void dl_freqlist_free (DlFreqList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlFreqList, dl_freqlist_free)

G_END_DECLS

#endif /* DL_FREQLIST_H */
