/* tuples.c — the table: ids, counts and ranges in parallel chunked arrays
 * indexed by tuple; a power-of-two array of slots (tuple index + 1, 0 for
 * empty) kept at most three quarters full, probed linearly. */
#include "config.h"

#include "tuples.h"

#include <string.h>

/* Entries live in chunks of CHUNK, so that growing never copies them nor
 * holds twice their room (a GArray doubles). */
#define CHUNK_BITS 16
#define CHUNK ((guint32) 1 << CHUNK_BITS)

typedef struct {
  guint32 range;
  guint32 last_file; /* file + 1 of the last dl_tuples_add */
} Range;

struct _DlTuples {
  guint n;
  guint32 size;
  GPtrArray *ids;    /* chunks of n·CHUNK guint32 */
  GPtrArray *counts; /* chunks of CHUNK guint64 */
  GPtrArray *ranges; /* chunks of CHUNK Range, with ranges */
  GPtrArray *files;  /* GArray of guint32 per tuple, with track_files */
  guint32 *slots;
  guint32 mask;      /* slots - 1 */
};

#define IDS(t, i) ((guint32 *) (t)->ids->pdata[(i) >> CHUNK_BITS] + (gsize) ((i) & (CHUNK - 1)) * (t)->n)
#define COUNT(t, i) (((guint64 *) (t)->counts->pdata[(i) >> CHUNK_BITS])[(i) & (CHUNK - 1)])
#define RANGE(t, i) (((Range *) (t)->ranges->pdata[(i) >> CHUNK_BITS])[(i) & (CHUNK - 1)])

DlTuples *
dl_tuples_new (guint n, DlTuplesFlags flags)
{
  g_return_val_if_fail (n >= 1 && n <= DL_TUPLES_MAX, NULL);
  DlTuples *t = g_new0 (DlTuples, 1);
  t->n = n;
  t->ids = g_ptr_array_new_with_free_func (g_free);
  t->counts = g_ptr_array_new_with_free_func (g_free);
  if (flags & (DL_TUPLES_RANGES | DL_TUPLES_FILES))
    t->ranges = g_ptr_array_new_with_free_func (g_free);
  if (flags & DL_TUPLES_FILES)
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
  g_ptr_array_unref (t->ids);
  g_ptr_array_unref (t->counts);
  if (t->ranges != NULL)
    g_ptr_array_unref (t->ranges);
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
  for (guint32 i = 0; i < t->size; i++)
    {
      guint32 h = hash (IDS (t, i), t->n) & mask;
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
      if (memcmp (IDS (t, s - 1), ids, t->n * sizeof *ids) == 0)
        return s - 1;
    }
  guint32 i = t->size;
  g_return_val_if_fail (i < G_MAXUINT32 - 1, 0);
  if ((i & (CHUNK - 1)) == 0)
    {
      g_ptr_array_add (t->ids, g_new (guint32, (gsize) CHUNK * t->n));
      g_ptr_array_add (t->counts, g_new (guint64, CHUNK));
      if (t->ranges != NULL)
        g_ptr_array_add (t->ranges, g_new (Range, CHUNK));
    }
  t->size++;
  memcpy (IDS (t, i), ids, t->n * sizeof *ids);
  COUNT (t, i) = 0;
  if (t->ranges != NULL)
    RANGE (t, i) = (Range){ 0, 0 };
  if (t->files != NULL)
    g_ptr_array_add (t->files, g_array_new (FALSE, FALSE, sizeof (guint32)));
  t->slots[h] = i + 1;
  /* At most three quarters full. */
  if ((guint64) t->size * 4 > (guint64) (t->mask + 1) * 3)
    grow (t);
  return i;
}

/* Adds @file to the files of tuple @i unless there. */
static void
add_file (DlTuples *t, guint32 i, guint32 file)
{
  if (t->ranges == NULL)
    return;
  Range *s = &RANGE (t, i);
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
  COUNT (t, i) += count;
  add_file (t, i, file);
  return i;
}

guint32
dl_tuples_add_files (DlTuples *t, const guint32 *ids, guint64 count, const guint32 *files,
                     guint n_files)
{
  g_return_val_if_fail (t->files != NULL, 0);
  guint32 i = find (t, ids);
  COUNT (t, i) += count;
  for (guint k = 0; k < n_files; k++)
    add_file (t, i, files[k]);
  return i;
}

guint32
dl_tuples_size (const DlTuples *t)
{
  return t->size;
}

const guint32 *
dl_tuples_ids (const DlTuples *t, guint32 i)
{
  return IDS (t, i);
}

guint64
dl_tuples_count (const DlTuples *t, guint32 i)
{
  return COUNT (t, i);
}

guint32
dl_tuples_range (const DlTuples *t, guint32 i)
{
  return t->ranges != NULL ? RANGE (t, i).range : 0;
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
  gsize per = t->n * sizeof (guint32) + sizeof (guint64) + (t->ranges != NULL ? sizeof (Range) : 0);
  gsize b = (gsize) (t->mask + 1) * sizeof (guint32) + (gsize) t->ids->len * CHUNK * per;
  if (t->files != NULL)
    for (guint i = 0; i < t->files->len; i++)
      b += sizeof (GArray) + ((GArray *) t->files->pdata[i])->len * sizeof (guint32);
  return b;
}
