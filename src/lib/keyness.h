/* keyness.h — keywords of a target against a reference (doc/DESIGN.md §4):
 * the statistics of an item's two frequencies (log-likelihood, Log Ratio,
 * %DIFF), the critical values of LL, and a language's keyword list made by
 * matching the items of the two sides by unit key. */
#ifndef DL_KEYNESS_H
#define DL_KEYNESS_H

#include <glib.h>

#include "freqlist.h"
#include "stoplist.h"
#include "types.h"
#include "units.h"

G_BEGIN_DECLS

/* The statistics of an item found @a times in a target of @c tokens and
 * @b times in a reference of @d tokens (a + b ≥ 1, c, d ≥ 1). */
typedef struct {
  double ll;             /* 2 (a ln (a/E1) + b ln (b/E2)), E1 = c(a+b)/(c+d),
                            E2 = d(a+b)/(c+d), 0·ln 0 = 0; negative when a/c < b/d */
  double log_ratio;      /* log2 ((a/c) / (b/d)), a zero count taken as 0.5 */
  double pct_diff;       /* 100 (a/c − b/d) / (b/d); 0 and not has_pct_diff when b = 0 */
  gboolean has_pct_diff; /* FALSE when b = 0: %DIFF is undefined */
} DlKeyScores;

/* Computes the statistics of @a, @b, @c, @d into @s: finite for every
 * count the contract allows. LL is exactly 0 when a/c = b/d. */
void dl_keyness_scores (guint64 a, guint64 b, guint64 c, guint64 d, DlKeyScores *s);

/* The standard normal quantile: the z with Φ(z) = @p, 0 < p < 1; Acklam's
 * rational approximation refined by one Halley step on erfc (relative error
 * about 1e-15 over the whole range, tails included). */
double dl_normal_quantile (double p);

/* The critical value of LL (chi-square, one degree of freedom) at level @p
 * (0 < p ≤ 1) with @m comparisons: z² with z the normal quantile at
 * 1 − p/(2m) (m = 1: no Bonferroni correction). 0 for p = 1. For p = 0.05,
 * 0.01, 0.001, 0.0001: 3.8415, 6.6349, 10.8276, 15.1367. */
double dl_keyness_critical (double p, guint64 m);

/* One side of a comparison: a language's items with their frequencies and
 * ranges, and its tokens. */
typedef struct _DlKeySide DlKeySide;

/* The side of @units (borrowed: it must outlive the side; its counter must
 * track files unless units are forms): stopwords left out, as in freq. NULL
 * with @error (DL_ERROR_ICU) if the language's collator cannot be opened. */
DlKeySide *dl_key_side_new_units (const DlUnits *units, GError **error);

/* A side of @n @items (borrowed, as a frequency list has them: item, freq,
 * range, and unit for stems and lemmas) and @tokens tokens, of @lang: items
 * whose unit key or item @stoplist (may be NULL) names for @lang are left
 * out, as units that are stopwords are. */
DlKeySide *dl_key_side_new_items (const DlFreqItem *items, guint n, guint64 tokens, DlLang lang,
                                  const DlStoplist *stoplist);

guint64 dl_key_side_tokens (const DlKeySide *side);
void dl_key_side_free (DlKeySide *side);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlKeySide, dl_key_side_free)

typedef struct {
  gboolean negative;   /* list the items the target underuses instead */
  guint64 min_freq;    /* leave out items less frequent in the target (with
                          negative: in the reference) */
  double p;            /* significance level: keep |LL| ≥ dl_keyness_critical */
  gboolean bonferroni; /* divide p by the number of items compared */
  guint top;           /* only the first this many (0: all) */
} DlKeynessOptions;

/* A keyword: its statistics and both sides' counts. */
typedef struct {
  const char *item; /* the target's headword (the reference's if a = 0) */
  const char *unit; /* stems, lemmas: the unit's key; NULL for forms */
  guint64 freq_target, freq_ref;
  guint32 range_target, range_ref;
  DlKeyScores scores;
} DlKeyRow;

typedef struct _DlKeyList DlKeyList;

/* The keywords of @target against @ref (borrowed: they must outlive the
 * list), both of @lang: items matched by key (a unit's key, or a form with
 * its apostrophes made one), those of either side compared; those the
 * target overuses (a/c > b/d) with |LL| at least the critical value of
 * @opts' level, LL descending, ties in @lang's alphabetical order (with
 * negative: those it underuses, most negative first). Both sides must have
 * tokens. NULL with @error (DL_ERROR_ICU) if the collator cannot be
 * opened. */
DlKeyList *dl_keyness_list (DlLang lang, const DlKeySide *target, const DlKeySide *ref,
                            const DlKeynessOptions *opts, GError **error);

guint dl_keyness_list_size (const DlKeyList *list);

/* Row @i (0-based), owned by @list. */
const DlKeyRow *dl_keyness_list_row (const DlKeyList *list, guint i);

/* Items compared: those of either side (m of the Bonferroni correction). */
guint64 dl_keyness_list_compared (const DlKeyList *list);

/* The critical value of LL the list was cut at. */
double dl_keyness_list_critical (const DlKeyList *list);

void dl_keyness_list_free (DlKeyList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlKeyList, dl_keyness_list_free)

G_END_DECLS

#endif /* DL_KEYNESS_H */
