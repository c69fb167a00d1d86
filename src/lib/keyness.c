/* keyness.c — keyness statistics (doc/DESIGN.md §4) and keyword lists, in
 * doubles (counts up to 2^53 are exact). */
#include "config.h"

#include "keyness.h"

#include <math.h>
#include <string.h>

#include "collate.h"

/* a·d − b·c, the numerator every statistic turns on: positive when the
 * target uses the item more (a/c > b/d), 0 when both sides alike. fma keeps
 * it exact while a·d is below 2^53 and the sign right well beyond. */
static double
cross (double a, double b, double c, double d)
{
  return fma (a, d, -(b * c));
}

void
dl_keyness_scores (guint64 a, guint64 b, guint64 c, guint64 d, DlKeyScores *s)
{
  g_return_if_fail (a + b > 0 && c > 0 && d > 0);
  double fa = (double) a, fb = (double) b, fc = (double) c, fd = (double) d;
  double x = cross (fa, fb, fc, fd);
  /* a − E1 = (ad − bc)/(c + d) = E2 − b: log1p keeps the digits of
     ln (a/E1) when a and E1 are close. */
  double diff = x / (fc + fd);
  double e1 = fc * (fa + fb) / (fc + fd), e2 = fd * (fa + fb) / (fc + fd);
  double sum = (a > 0 ? fa * log1p (diff / e1) : 0) + (b > 0 ? fb * log1p (-diff / e2) : 0);
  s->ll = x == 0 ? 0 : copysign (fabs (2 * sum), x);
  /* Hardie's Log Ratio: a zero count is taken as 0.5. */
  double ra = (a > 0 ? fa : 0.5) / fc, rb = (b > 0 ? fb : 0.5) / fd;
  s->log_ratio = x == 0 ? 0 : log2 (ra / rb);
  s->has_pct_diff = b > 0;
  s->pct_diff = b > 0 ? 100 * x / (fb * fc) : 0;
}

/* Acklam's coefficients: https://web.archive.org/web/20151030215612/
 * http://home.online.no/~pjacklam/notes/invnorm/ (relative error
 * 1.15e-9 before refinement). */
static const double acklam_a[]
    = { -3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
        1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00 };
static const double acklam_b[]
    = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01 };
static const double acklam_c[]
    = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00 };
static const double acklam_d[] = { 7.784695709041462e-03, 3.224671290700398e-01,
                                   2.445134137142996e+00, 3.754408661907416e+00 };

/* Acklam's approximation for 0 < p ≤ 0.5. */
static double
acklam (double p)
{
  const double *a = acklam_a, *b = acklam_b, *c = acklam_c, *d = acklam_d;
  if (p < 0.02425)
    {
      double q = sqrt (-2 * log (p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
             / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
  double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
         / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

double
dl_normal_quantile (double p)
{
  g_return_val_if_fail (p > 0 && p < 1, 0);
  /* The upper half by symmetry: 1 − p is exact there, and erfc of the
     lower tail keeps its digits where 1 − Φ would lose them. */
  if (p > 0.5)
    return -dl_normal_quantile (1 - p);
  if (p == 0.5)
    return 0;
  double x = acklam (p);
  /* One step of Halley's method on Φ(x) − p, Φ(x) = erfc (−x/√2) / 2. */
  double e = 0.5 * erfc (-x / G_SQRT2) - p;
  double u = e * sqrt (2 * G_PI) * exp (x * x / 2);
  return x - u / (1 + x * u / 2);
}

double
dl_keyness_critical (double p, guint64 m)
{
  g_return_val_if_fail (p > 0 && p <= 1 && m >= 1, 0);
  if (p >= 1)
    return 0;
  double z = dl_normal_quantile (p / (2 * (double) m));
  return z * z;
}

struct _DlKeySide {
  guint64 tokens;
  GArray *items;     /* of DlFreqItem, their strings borrowed */
  GPtrArray *keys;   /* the match key of each item, in strings */
  GHashTable *index; /* key → item index + 1 */
  GStringChunk *strings;
  DlFreqList *list; /* a side of units: where its items live (owned) */
};

/* Adds @n @items to @side, with their keys. */
static void
side_add (DlKeySide *side, const DlFreqItem *items, guint n)
{
  g_autoptr (GString) buf = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *key
          = g_string_chunk_insert_const (side->strings, dl_freqlist_match_key (&items[i], buf));
      g_array_append_val (side->items, items[i]);
      g_ptr_array_add (side->keys, (gpointer) key);
      /* A key listed twice counts once, the first time. */
      if (!g_hash_table_contains (side->index, key))
        g_hash_table_insert (side->index, (gpointer) key, GUINT_TO_POINTER (side->items->len));
    }
}

static DlKeySide *
side_new (guint64 tokens, guint n)
{
  DlKeySide *side = g_new0 (DlKeySide, 1);
  side->tokens = tokens;
  side->items = g_array_sized_new (FALSE, FALSE, sizeof (DlFreqItem), n);
  side->keys = g_ptr_array_sized_new (n);
  side->index = g_hash_table_new (g_str_hash, g_str_equal);
  side->strings = g_string_chunk_new (4096);
  return side;
}

/* TRUE if @stoplist names @it's unit key or its item. */
static gboolean
is_stopword (const DlStoplist *stoplist, DlLang lang, const DlFreqItem *it)
{
  return (it->unit != NULL && dl_stoplist_contains (stoplist, lang, it->unit, strlen (it->unit)))
         || dl_stoplist_contains (stoplist, lang, it->item, strlen (it->item));
}

DlKeySide *
dl_key_side_new_items (const DlFreqItem *items, guint n, guint64 tokens, DlLang lang,
                       const DlStoplist *stoplist)
{
  DlKeySide *side = side_new (tokens, n);
  for (guint i = 0; i < n; i++)
    if (stoplist == NULL || !is_stopword (stoplist, lang, &items[i]))
      side_add (side, &items[i], 1);
  return side;
}

DlKeySide *
dl_key_side_new_units (const DlUnits *units, GError **error)
{
  const DlFreqOptions fo = { .sort = DL_FREQ_SORT_FREQ, .min_freq = 1, .min_range = 1, .forms = 1 };
  g_autoptr (DlFreqList) list = dl_freqlist_build (units, &fo, error);
  if (list == NULL)
    return NULL;
  guint n = dl_freqlist_size (list);
  DlKeySide *side = side_new (dl_freqlist_tokens (list), n);
  for (guint i = 0; i < n; i++)
    side_add (side, dl_freqlist_item (list, i), 1);
  side->list = g_steal_pointer (&list);
  return side;
}

guint64
dl_key_side_tokens (const DlKeySide *side)
{
  return side->tokens;
}

void
dl_key_side_free (DlKeySide *side)
{
  if (side == NULL)
    return;
  g_array_unref (side->items);
  g_ptr_array_unref (side->keys);
  g_hash_table_unref (side->index);
  g_string_chunk_free (side->strings);
  g_clear_pointer (&side->list, dl_freqlist_free);
  g_free (side);
}

struct _DlKeyList {
  GArray *rows; /* of DlKeyRow, the kept ones */
  guint *order; /* indices into rows, n of them */
  guint n;
  guint64 compared;
  double critical;
};

/* Keeps @r in @list->rows if it goes the asked way, often enough, with
 * |LL| at least the critical value. */
static void
consider (DlKeyList *list, DlKeyRow *r, guint64 c, guint64 d, const DlKeynessOptions *opts)
{
  dl_keyness_scores (r->freq_target, r->freq_ref, c, d, &r->scores);
  double ll = r->scores.ll;
  if (opts->negative ? ll >= 0 || r->freq_ref < opts->min_freq
                     : ll <= 0 || r->freq_target < opts->min_freq)
    return;
  if (fabs (ll) >= list->critical)
    g_array_append_val (list->rows, *r);
}

/* The row of target item @it (b = 0 and no range when the reference lacks
 * it), its unit's key kept when it has one. */
static DlKeyRow
row_of (const DlFreqItem *it)
{
  return (DlKeyRow){ it->item, it->unit, it->freq, 0, it->range, 0, { 0, 0, 0, FALSE } };
}

/* The rows worth keeping of @target's and @ref's items, and how many were
 * compared. */
static void
match_items (DlKeyList *list, const DlKeySide *target, const DlKeySide *ref,
             const DlKeynessOptions *opts)
{
  guint nt = target->items->len, nr = ref->items->len;
  g_autofree gboolean *matched = g_new0 (gboolean, nr + 1);
  /* Items of neither side never; the union's size comes first, for the
     Bonferroni correction. */
  guint64 compared = nt;
  g_autofree guint *ref_of = g_new (guint, nt + 1);
  for (guint i = 0; i < nt; i++)
    {
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (ref->index, target->keys->pdata[i]));
      ref_of[i] = j;
      if (j > 0)
        matched[j - 1] = TRUE;
    }
  for (guint j = 0; j < nr; j++)
    compared
        += !matched[j]
           && g_hash_table_lookup (ref->index, ref->keys->pdata[j]) == GUINT_TO_POINTER (j + 1);
  list->compared = compared;
  list->critical = dl_keyness_critical (opts->p, opts->bonferroni ? MAX (compared, 1) : 1);
  for (guint i = 0; i < nt; i++)
    {
      DlKeyRow r = row_of (&g_array_index (target->items, DlFreqItem, i));
      if (ref_of[i] > 0)
        {
          const DlFreqItem *b = &g_array_index (ref->items, DlFreqItem, ref_of[i] - 1);
          r.freq_ref = b->freq;
          r.range_ref = b->range;
        }
      consider (list, &r, target->tokens, ref->tokens, opts);
    }
  for (guint j = 0; j < nr && opts->negative; j++)
    if (!matched[j]
        && g_hash_table_lookup (ref->index, ref->keys->pdata[j]) == GUINT_TO_POINTER (j + 1))
      {
        const DlFreqItem *b = &g_array_index (ref->items, DlFreqItem, j);
        DlKeyRow r = { b->item, b->unit, 0, b->freq, 0, b->range, { 0, 0, 0, FALSE } };
        consider (list, &r, target->tokens, ref->tokens, opts);
      }
}

DlKeyList *
dl_keyness_list (DlLang lang, const DlKeySide *target, const DlKeySide *ref,
                 const DlKeynessOptions *opts, GError **error)
{
  g_return_val_if_fail (target->tokens > 0 && ref->tokens > 0, NULL);
  g_autoptr (DlCollator) col = dl_collator_new (lang, error);
  if (col == NULL)
    return NULL;
  g_autoptr (DlKeyList) list = g_new0 (DlKeyList, 1);
  list->rows = g_array_new (FALSE, FALSE, sizeof (DlKeyRow));
  match_items (list, target, ref, opts);
  guint n = list->rows->len;
  g_autofree DlRanked *ranked = g_new (DlRanked, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const DlKeyRow *r = &g_array_index (list->rows, DlKeyRow, i);
      ranked[i] = (DlRanked){ fabs (r->scores.ll), 0, r->item, GUINT_TO_POINTER (i), NULL };
    }
  g_autoptr (GStringChunk) keys = g_string_chunk_new (4096);
  list->n = dl_collator_rank (col, ranked, n, opts->top, keys);
  list->order = g_new (guint, list->n + 1);
  for (guint i = 0; i < list->n; i++)
    list->order[i] = GPOINTER_TO_UINT (ranked[i].data);
  return g_steal_pointer (&list);
}

guint
dl_keyness_list_size (const DlKeyList *list)
{
  return list->n;
}

const DlKeyRow *
dl_keyness_list_row (const DlKeyList *list, guint i)
{
  g_return_val_if_fail (i < list->n, NULL);
  return &g_array_index (list->rows, DlKeyRow, list->order[i]);
}

guint64
dl_keyness_list_compared (const DlKeyList *list)
{
  return list->compared;
}

double
dl_keyness_list_critical (const DlKeyList *list)
{
  return list->critical;
}

void
dl_keyness_list_free (DlKeyList *list)
{
  if (list == NULL)
    return;
  if (list->rows != NULL)
    g_array_unref (list->rows);
  g_free (list->order);
  g_free (list);
}
