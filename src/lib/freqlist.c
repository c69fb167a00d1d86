/* freqlist.c — from counts to a list. Collation keys are computed only where
 * order needs them: for ties in frequency within the shown part of the
 * list, and for every shown item when sorting alphabetically. */
#include "config.h"

#include "freqlist.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "normalize.h"
#include "number.h"
#include "prefetch.h"

/* An item while the list is made; the list keeps them and hands out
 * pointers to their first member, in order. */
typedef struct {
  DlFreqItem it;
  guint32 len;
  const char *key; /* collation key (of the reversed item for a tergo), or NULL */
} Entry;

struct _DlFreqList {
  const DlCounter *counter; /* borrowed */
  DlLang lang;
  guint64 tokens;
  guint64 types;
  GArray *entries; /* of Entry */
  Entry **order;   /* the shown entries, in the asked order */
  guint n_order;
  GStringChunk *strings;
  DlDispersion *dispersions; /* with DlFreqOptions.dispersion, by entry */
};

/* Orders Entry pointers by their collation keys, then their bytes. */
static int
by_key (const void *a, const void *b)
{
  const Entry *x = *(Entry *const *) a, *y = *(Entry *const *) b;
  int c = strcmp (x->key, y->key);
  if (c != 0)
    return c;
  c = memcmp (x->it.item, y->it.item, MIN (x->len, y->len));
  return c != 0 ? c : x->len < y->len ? -1 : x->len > y->len;
}

/* What a sort moves: a number to compare first, kept beside the pointer so
 * that most comparisons touch no Entry (sorting a million types is bound
 * by cache misses). */
typedef struct {
  guint64 k; /* frequency (descending: stored inverted) or a key's first 8 bytes */
  Entry *e;
} Sorted;

/* Sorts the @n @s by k, ascending: a radix sort from the lowest byte,
 * skipping the bytes in which all keys agree (the high bytes of an
 * inverted frequency), so a million items take three passes, not the
 * twenty rounds of comparisons of a merge sort. */
static void
sort_by_k (Sorted *s, guint n)
{
  if (n < 2)
    return;
  guint64 any = 0, all = G_MAXUINT64;
  for (guint i = 0; i < n; i++)
    any |= s[i].k, all &= s[i].k;
  g_autofree Sorted *tmp = dl_new_huge (sizeof (Sorted), n);
  Sorted *from = s, *to = tmp;
  for (guint shift = 0; shift < 64; shift += 8)
    {
      if ((((any ^ all) >> shift) & 0xFF) == 0)
        continue;
      gsize at[257] = { 0 };
      for (guint i = 0; i < n; i++)
        at[((from[i].k >> shift) & 0xFF) + 1]++;
      for (guint b = 1; b < 257; b++)
        at[b] += at[b - 1];
      for (guint i = 0; i < n; i++)
        to[at[(from[i].k >> shift) & 0xFF]++] = from[i];
      Sorted *t = from;
      from = to;
      to = t;
    }
  if (from != s)
    memcpy (s, from, n * sizeof *s);
}

static int
by_k_then_key (const void *a, const void *b)
{
  const Sorted *x = a, *y = b;
  if (x->k != y->k)
    return x->k < y->k ? -1 : 1;
  return by_key (&x->e, &y->e);
}

/* The first 8 bytes of a NUL-terminated key, big-endian, zero-padded: its
 * order agrees with strcmp's. */
static guint64
key_prefix (const char *key)
{
  guint64 k = 0;
  for (int i = 0; i < 8; i++)
    {
      k <<= 8;
      if (*key != '\0')
        k |= (guchar) *key++;
    }
  return k;
}

/* Sorts @s[0..@n) by the collation keys of their entries (set first):
 * by the keys' first 8 bytes at once (sort_by_k), then the runs that
 * share them by comparison. */
static void
sort_by_keys (Sorted *s, guint n)
{
  for (guint i = 0; i < n; i++)
    s[i].k = key_prefix (s[i].e->key);
  if (n < 64)
    {
      qsort (s, n, sizeof *s, by_k_then_key);
      return;
    }
  sort_by_k (s, n);
  for (guint i = 0; i < n;)
    {
      guint j = i + 1;
      while (j < n && s[j].k == s[i].k)
        j++;
      if (j - i > 1)
        qsort (s + i, j - i, sizeof *s, by_k_then_key);
      i = j;
    }
}

/* What the keys are made for: the entries @e, ordered by @sorted (the
 * ranking's, NULL for the shown ones) of which @n are in the list. */
typedef struct {
  Entry **e;
  const Sorted *sorted;
  guint n;
  gboolean reversed;
} Keying;

static const char *
keying_text (gpointer data, guint i, gsize *len)
{
  const Keying *k = data;
  Entry *e = k->e[i];
  /* In the ranking, only ties need keys; alphabetical keys made for them
   * serve again, a tergo needs its own. */
  if (k->sorted != NULL && (i == 0 || k->sorted[i - 1].k != k->sorted[i].k)
      && (i + 1 == k->n || k->sorted[i + 1].k != k->sorted[i].k))
    return NULL;
  if (!k->reversed && e->key != NULL)
    return NULL;
  *len = e->len;
  return e->it.item;
}

static void
keying_set (gpointer data, guint i, const char *key)
{
  const Keying *k = data;
  k->e[i]->key = key;
}

/* Sets the collation keys of @e[0..@end) (of their reversed items when
 * @reversed) that need one: those tied in @sorted (of @n) if not NULL. */
static gboolean
set_keys (Entry **e, const Sorted *sorted, guint n, guint end, DlLang lang, gboolean reversed,
          guint threads, GPtrArray *chunks, GError **error)
{
  Keying k = { e, sorted, n, reversed };
  return dl_collator_keys (lang, reversed, end, keying_text, keying_set, &k, chunks, threads,
                           error);
}

/* "form (freq), form (freq), ..." for the first @max (0: all) of the @n
 * @terms, in the order of their unit (dl_units_terms: the headword first). */
static char *
forms_text (const DlCounter *c, DlLang lang, const guint32 *terms, guint n, guint max)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n && (max == 0 || i < max); i++)
    g_string_append_printf (s, "%s%s (%" G_GUINT64_FORMAT ")", i > 0 ? ", " : "",
                            dl_counter_display (c, lang, terms[i]),
                            dl_counter_freq (c, lang, terms[i]));
  return g_string_free (s, FALSE);
}

/* The number of files any of the @n @terms occurs in. */
static guint32
files_union (const DlCounter *c, DlLang lang, const guint32 *terms, guint n, GArray *scratch)
{
  if (n == 1)
    return dl_counter_range (c, lang, terms[0]);
  g_array_set_size (scratch, 0);
  for (guint i = 0; i < n; i++)
    {
      guint nf;
      const guint32 *f = dl_counter_files (c, lang, terms[i], &nf);
      g_array_append_vals (scratch, f, nf);
    }
  g_array_sort (scratch, dl_compare_u32);
  guint32 distinct = 0;
  for (guint i = 0; i < scratch->len; i++)
    if (i == 0 || g_array_index (scratch, guint32, i) != g_array_index (scratch, guint32, i - 1))
      distinct++;
  return distinct;
}

/* What dispersion over the files needs: the language's parts (its files
 * with tokens) and room to add up a unit's counts per part. */
typedef struct {
  guint n;
  guint64 total, min_size;
  const guint64 *tokens; /* of each part */
  guint *part_of;        /* file → its part */
  guint64 *sum;          /* per part, zero between units */
  guint *touched;        /* parts with a count of the current unit */
  guint64 *counts, *sizes;
} Spread;

static void
spread_init (Spread *sp, const DlCounter *c, DlLang lang)
{
  guint n;
  const guint32 *files = dl_counter_token_files (c, lang, &sp->tokens, &n);
  sp->n = n;
  sp->total = sp->min_size = 0;
  guint32 last = n > 0 ? files[n - 1] : 0;
  sp->part_of = g_new0 (guint, (gsize) last + 1);
  for (guint i = 0; i < n; i++)
    {
      sp->part_of[files[i]] = i;
      sp->total += sp->tokens[i];
      if (i == 0 || sp->tokens[i] < sp->min_size)
        sp->min_size = sp->tokens[i];
    }
  sp->sum = g_new0 (guint64, n + 1);
  sp->touched = g_new (guint, n + 1);
  sp->counts = g_new (guint64, n + 1);
  sp->sizes = g_new (guint64, n + 1);
}

static void
spread_clear (Spread *sp)
{
  g_free (sp->part_of);
  g_free (sp->sum);
  g_free (sp->touched);
  g_free (sp->counts);
  g_free (sp->sizes);
}

/* The dispersion of the unit of @n @terms: their counts added per file. */
static void
spread_measure (Spread *sp, const DlCounter *c, DlLang lang, const guint32 *terms, guint n,
                DlDispersion *out)
{
  guint k = 0;
  for (guint t = 0; t < n; t++)
    {
      guint nf;
      const guint32 *files = dl_counter_files (c, lang, terms[t], &nf);
      const guint64 *counts = dl_counter_file_counts (c, lang, terms[t], &nf);
      for (guint i = 0; i < nf; i++)
        {
          guint part = sp->part_of[files[i]];
          if (sp->sum[part] == 0)
            sp->touched[k++] = part;
          sp->sum[part] += counts[i];
        }
    }
  for (guint i = 0; i < k; i++)
    {
      sp->counts[i] = sp->sum[sp->touched[i]];
      sp->sizes[i] = sp->tokens[sp->touched[i]];
      sp->sum[sp->touched[i]] = 0;
    }
  dl_dispersion_measure_sparse (sp->counts, sp->sizes, k, sp->n, sp->total, sp->min_size, out);
}

/* An entry per unit that is not a stopword. Forms are their own units: no
 * unit key, no forms column. */
static void
collect_units (DlFreqList *list, const DlUnits *units, const DlFreqOptions *opts, GArray *entries)
{
  const DlCounter *c = list->counter;
  gboolean forms = dl_units_kind (units) != DL_UNIT_FORM;
  g_autoptr (GArray) files = g_array_new (FALSE, FALSE, sizeof (guint32));
  Spread sp = { 0 };
  if (opts->dispersion)
    spread_init (&sp, c, list->lang);
  for (guint32 u = 0; u < dl_units_size (units); u++)
    {
      if (dl_units_is_stopword (units, u))
        continue;
      guint n;
      const guint32 *terms = dl_units_terms (units, u, &n);
      const char *item = dl_units_headword (units, u);
      Entry e = { { item, dl_units_freq (units, u), files_union (c, list->lang, terms, n, files), 0,
                    NULL, NULL, NULL },
                  (guint32) strlen (item),
                  NULL };
      if (forms)
        {
          g_autofree char *text = forms_text (c, list->lang, terms, n, opts->forms);
          e.it.forms = g_string_chunk_insert (list->strings, text);
          e.it.unit = dl_units_key (units, u);
        }
      if (opts->dispersion)
        {
          DlDispersion *d = &list->dispersions[entries->len];
          spread_measure (&sp, c, list->lang, terms, n, d);
          e.it.dispersion = d;
        }
      g_array_append_val (entries, e);
    }
  spread_clear (&sp);
}

/* Whether @it passes the thresholds of @opts. */
static gboolean
passes (const DlFreqItem *it, const DlFreqOptions *opts)
{
  const DlDispersion *d = it->dispersion;
  return it->freq >= opts->min_freq && it->range >= opts->min_range
         && (!opts->has_min_d || (d != NULL && d->has_d && d->d >= opts->min_d))
         && (!opts->has_max_dp || (d != NULL && d->has_dp && d->dp <= opts->max_dp));
}

/* Orders the @n entries of @sorted (k: inverted frequency) by frequency,
 * ties alphabetical, into list->order, and numbers the first @shown. Only
 * the ties that reach into the part shown need their keys. */
static gboolean
rank_by_freq (DlFreqList *list, Sorted *sorted, guint n, guint shown, guint threads,
              GPtrArray *keys, GError **error)
{
  sort_by_k (sorted, n);
  Entry **e = list->order = g_new (Entry *, n + 1);
  for (guint i = 0; i < n; i++)
    e[i] = sorted[i].e;
  guint end = shown;
  while (end > 0 && end < n && sorted[end].k == sorted[end - 1].k)
    end++;
  if (!set_keys (e, sorted, n, end, list->lang, FALSE, threads, keys, error))
    return FALSE;
  for (guint i = 0; i < shown;)
    {
      guint j = i + 1;
      while (j < n && sorted[j].k == sorted[i].k)
        j++;
      if (j - i > 1)
        {
          sort_by_keys (sorted + i, j - i);
          for (guint m = i; m < j; m++)
            e[m] = sorted[m].e;
        }
      i = j;
    }
  for (guint i = 0; i < shown; i++)
    e[i]->it.rank = i + 1;
  return TRUE;
}

/* Sorts the first @shown of list->order alphabetically (by their reversed
 * items if @reversed), their ranks kept; @sorted is room for them. */
static gboolean
sort_shown (DlFreqList *list, Sorted *sorted, guint shown, gboolean reversed, guint threads,
            GPtrArray *keys, GError **error)
{
  Entry **e = list->order;
  if (!set_keys (e, NULL, shown, shown, list->lang, reversed, threads, keys, error))
    return FALSE;
  for (guint i = 0; i < shown; i++)
    sorted[i].e = e[i];
  sort_by_keys (sorted, shown);
  for (guint i = 0; i < shown; i++)
    e[i] = sorted[i].e;
  return TRUE;
}

DlFreqList *
dl_freqlist_build (const DlUnits *units, const DlFreqOptions *opts, GError **error)
{
  DlLang lang = dl_units_lang (units);
  g_autoptr (DlFreqList) list = g_new0 (DlFreqList, 1);
  list->counter = dl_units_counter (units);
  list->lang = lang;
  list->tokens = dl_counter_tokens (list->counter, lang);
  list->strings = g_string_chunk_new (4096);
  g_autoptr (GPtrArray) keys
      = g_ptr_array_new_with_free_func ((GDestroyNotify) g_string_chunk_free);

  g_return_val_if_fail (!opts->dispersion || dl_counter_options (list->counter)->track_counts,
                        NULL);
  list->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  dl_array_reserve (list->entries, dl_units_size (units), sizeof (Entry));
  if (opts->dispersion)
    list->dispersions = g_new0 (DlDispersion, dl_units_size (units) + 1);
  collect_units (list, units, opts, list->entries);
  list->types = list->entries->len;

  guint n = 0;
  g_autofree Sorted *sorted = dl_new_huge (sizeof (Sorted), (gsize) list->entries->len + 1);
  for (guint i = 0; i < list->entries->len; i++)
    {
      Entry *x = &g_array_index (list->entries, Entry, i);
      if (passes (&x->it, opts))
        sorted[n++] = (Sorted){ G_MAXUINT64 - x->it.freq, x };
    }
  guint shown = opts->top > 0 && opts->top < n ? opts->top : n;
  if (!rank_by_freq (list, sorted, n, shown, opts->threads, keys, error))
    return NULL;
  if (opts->sort != DL_FREQ_SORT_FREQ
      && !sort_shown (list, sorted, shown, opts->sort == DL_FREQ_SORT_ATERGO, opts->threads, keys,
                      error))
    return NULL;
  list->n_order = shown;
  return g_steal_pointer (&list);
}

guint64
dl_freq_band (guint64 rank, guint size)
{
  g_return_val_if_fail (rank >= 1 && size >= 1, 0);
  return (rank - 1) / size + 1;
}

const char *
dl_freq_band_label (guint64 band, guint size, char *buf)
{
  guint64 last = band * size;
  if (last >= 1000 && last % 1000 == 0)
    g_snprintf (buf, 24, "%" G_GUINT64_FORMAT "k", last / 1000);
  else if (last >= 1000 && last % 100 == 0)
    g_snprintf (buf, 24, "%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT "k", last / 1000,
                last % 1000 / 100);
  else
    g_snprintf (buf, 24, "%" G_GUINT64_FORMAT, last);
  return buf;
}

struct _DlBandRef {
  GHashTable *ranks; /* key → rank */
  GStringChunk *keys;
};

DlBandRef *
dl_band_ref_new (const DlFreqItem *items, guint n)
{
  DlBandRef *r = g_new0 (DlBandRef, 1);
  r->ranks = g_hash_table_new (g_str_hash, g_str_equal);
  r->keys = g_string_chunk_new (4096);
  g_autoptr (GString) buf = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *key = dl_freqlist_match_key (&items[i], buf);
      if (!g_hash_table_contains (r->ranks, key))
        g_hash_table_insert (r->ranks, g_string_chunk_insert (r->keys, key),
                             GSIZE_TO_POINTER ((gsize) i + 1));
    }
  return r;
}

guint64
dl_band_ref_rank (const DlBandRef *r, const char *key)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (r->ranks, key));
}

guint64
dl_band_ref_size (const DlBandRef *r)
{
  return g_hash_table_size (r->ranks);
}

void
dl_band_ref_free (DlBandRef *r)
{
  if (r == NULL)
    return;
  g_hash_table_unref (r->ranks);
  g_string_chunk_free (r->keys);
  g_free (r);
}

DlLang
dl_freqlist_lang (const DlFreqList *list)
{
  return list->lang;
}

guint64
dl_freqlist_tokens (const DlFreqList *list)
{
  return list->tokens;
}

guint64
dl_freqlist_types (const DlFreqList *list)
{
  return list->types;
}

guint
dl_freqlist_size (const DlFreqList *list)
{
  return list->n_order;
}

const DlFreqItem *
dl_freqlist_item (const DlFreqList *list, guint i)
{
  g_return_val_if_fail (i < list->n_order, NULL);
  /* Items are read in order, each elsewhere in memory: the item a few rows
   * ahead, and the text of one nearer, are asked for now. */
  if (i + 16 < list->n_order)
    DL_PREFETCH (list->order[i + 16]);
  if (i + 8 < list->n_order)
    DL_PREFETCH (list->order[i + 8]->it.item);
  return &list->order[i]->it;
}

const char *
dl_freqlist_match_key (const DlFreqItem *it, GString *buf)
{
  if (it->unit != NULL)
    g_string_assign (buf, it->unit);
  else
    dl_normalize_apostrophes (it->item, strlen (it->item), buf);
  return buf->str;
}

void
dl_freqlist_free (DlFreqList *list)
{
  if (list == NULL)
    return;
  if (list->entries != NULL)
    g_array_unref (list->entries);
  g_free (list->order);
  g_string_chunk_free (list->strings);
  g_free (list->dispersions);
  g_free (list);
}
