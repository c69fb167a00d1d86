/* tuples.c — the table: ids, counts and ranges in parallel arrays indexed by
 * tuple; a power-of-two array of slots (tuple index + 1, 0 for empty) kept
 * at most half full, probed linearly. */
#include "config.h"

#include "tuples.h"

#include <string.h>

typedef struct {
  guint64 count;
  guint32 range;
  guint32 last_file; /* file + 1 of the last dl_tuples_add */
} Stats;

struct _DlTuples {
  guint n;
  GArray *ids;    /* guint32, n per tuple */
  GArray *stats;  /* Stats */
  GPtrArray *files; /* GArray of guint32 per tuple, with track_files */
  guint32 *slots;
  guint32 mask;   /* slots - 1 */
};

DlTuples *
dl_tuples_new (guint n, gboolean track_files)
{
  g_return_val_if_fail (n >= 1 && n <= DL_TUPLES_MAX, NULL);
  DlTuples *t = g_new0 (DlTuples, 1);
  t->n = n;
  t->ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->stats = g_array_new (FALSE, FALSE, sizeof (Stats));
  if (track_files)
    t->files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  t->mask = 255;
  t->slots = g_new0 (guint32, t->mask + 1);
  return t;
}

void
dl_tuples_free (DlTuples *t)
{
  if (t == NULL)
    return;
  g_array_unref (t->ids);
  g_array_unref (t->stats);
  if (t->files != NULL)
    g_ptr_array_unref (t->files);
  g_free (t->slots);
  g_free (t);
}

guint
dl_tuples_n (const DlTuples *t)
{
  return t->n;
}

static guint32
hash (const guint32 *ids, guint n)
{
  guint64 h = 0x9e3779b97f4a7c15u;
  for (guint i = 0; i < n; i++)
    {
      h ^= ids[i];
      h *= 0xff51afd7ed558ccdu;
      h ^= h >> 32;
    }
  return (guint32) h;
}

static void
grow (DlTuples *t)
{
  guint32 mask = t->mask * 2 + 1;
  guint32 *slots = g_new0 (guint32, (gsize) mask + 1);
  guint32 size = t->stats->len;
  for (guint32 i = 0; i < size; i++)
    {
      guint32 h = hash (&g_array_index (t->ids, guint32, (gsize) i * t->n), t->n) & mask;
      while (slots[h] != 0)
        h = (h + 1) & mask;
      slots[h] = i + 1;
    }
  g_free (t->slots);
  t->slots = slots;
  t->mask = mask;
}

/* The index of @ids, added with zero counts if new. */
static guint32
find (DlTuples *t, const guint32 *ids)
{
  guint32 h = hash (ids, t->n) & t->mask;
  for (;; h = (h + 1) & t->mask)
    {
      guint32 s = t->slots[h];
      if (s == 0)
        break;
      if (memcmp (&g_array_index (t->ids, guint32, (gsize) (s - 1) * t->n), ids,
                  t->n * sizeof *ids)
          == 0)
        return s - 1;
    }
  guint32 i = t->stats->len;
  g_return_val_if_fail (i < G_MAXUINT32 - 1, 0);
  g_array_append_vals (t->ids, ids, t->n);
  Stats z = { 0, 0, 0 };
  g_array_append_val (t->stats, z);
  if (t->files != NULL)
    g_ptr_array_add (t->files, g_array_new (FALSE, FALSE, sizeof (guint32)));
  t->slots[h] = i + 1;
  if ((guint64) t->stats->len * 2 > t->mask)
    grow (t);
  return i;
}

/* Adds @file to the files of tuple @i unless there. */
static void
add_file (DlTuples *t, guint32 i, guint32 file)
{
  Stats *s = &g_array_index (t->stats, Stats, i);
  if (t->files == NULL)
    {
      if (s->last_file != file + 1)
        s->last_file = file + 1, s->range++;
      return;
    }
  GArray *f = t->files->pdata[i];
  guint lo = 0, hi = f->len;
  if (hi > 0 && g_array_index (f, guint32, hi - 1) < file)
    lo = hi; /* the usual case: a later file */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (f, guint32, mid) < file)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < f->len && g_array_index (f, guint32, lo) == file)
    return;
  g_array_insert_val (f, lo, file);
  s->range = f->len;
}

guint32
dl_tuples_add (DlTuples *t, const guint32 *ids, guint64 count, guint32 file)
{
  guint32 i = find (t, ids);
  g_array_index (t->stats, Stats, i).count += count;
  add_file (t, i, file);
  return i;
}

guint32
dl_tuples_add_files (DlTuples *t, const guint32 *ids, guint64 count, const guint32 *files,
                     guint n_files)
{
  g_return_val_if_fail (t->files != NULL, 0);
  guint32 i = find (t, ids);
  g_array_index (t->stats, Stats, i).count += count;
  for (guint k = 0; k < n_files; k++)
    add_file (t, i, files[k]);
  return i;
}

guint32
dl_tuples_size (const DlTuples *t)
{
  return t->stats->len;
}

const guint32 *
dl_tuples_ids (const DlTuples *t, guint32 i)
{
  return &g_array_index (t->ids, guint32, (gsize) i * t->n);
}

guint64
dl_tuples_count (const DlTuples *t, guint32 i)
{
  return g_array_index (t->stats, Stats, i).count;
}

guint32
dl_tuples_range (const DlTuples *t, guint32 i)
{
  return g_array_index (t->stats, Stats, i).range;
}

const guint32 *
dl_tuples_files (const DlTuples *t, guint32 i, guint *n_files)
{
  *n_files = 0;
  if (t->files == NULL)
    return NULL;
  GArray *f = t->files->pdata[i];
  *n_files = f->len;
  return (const guint32 *) (gpointer) f->data;
}

gsize
dl_tuples_bytes (const DlTuples *t)
{
  gsize b = (gsize) (t->mask + 1) * sizeof (guint32)
            + (gsize) t->stats->len * (t->n * sizeof (guint32) + sizeof (Stats));
  if (t->files != NULL)
    for (guint i = 0; i < t->files->len; i++)
      b += sizeof (GArray) + ((GArray *) t->files->pdata[i])->len * sizeof (guint32);
  return b;
}
