/* tuples.c — the table: ids, counts and ranges in parallel chunked arrays
 * indexed by tuple; a power-of-two array of slots kept at most three
 * quarters full, probed linearly. A slot is 32 bits: the tuple index + 1 (0
 * for empty) in the low bits the table's size needs, and in the bits left
 * over a fingerprint of the tuple's hash, so that a probe reads a tuple's
 * ids (a cache miss in a big table) only when the fingerprints agree.
 * Counts take 32 bits: nearly all tuples are rare, and the few that reach
 * 2³² − 1 keep their whole count in a small hash table beside. */
#include "config.h"

#include "tuples.h"

#include <string.h>

#include "prefetch.h"
#include "varint.h"

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
  GPtrArray *counts; /* chunks of CHUNK guint32; BIG: see big */
  GHashTable *big;   /* tuple index → guint64 count, for counts of BIG or more */
  GPtrArray *ranges; /* chunks of CHUNK Range, with ranges */
  GPtrArray *files;  /* GArray of guint32 per tuple, with track_files */
  guint32 *slots;
  guint32 mask;     /* slots - 1 */
  guint index_bits; /* of a slot, for the index + 1; the rest fingerprint */
};

#define IDS(t, i)                                                                                  \
  ((guint32 *) (t)->ids->pdata[(i) >> CHUNK_BITS] + (gsize) ((i) & (CHUNK - 1)) * (t)->n)
#define COUNT(t, i) (((guint32 *) (t)->counts->pdata[(i) >> CHUNK_BITS])[(i) & (CHUNK - 1)])
#define BIG G_MAXUINT32
#define RANGE(t, i) (((Range *) (t)->ranges->pdata[(i) >> CHUNK_BITS])[(i) & (CHUNK - 1)])

/* The bits of a slot for the index + 1 with @mask + 1 slots: the table is
 * never full, so index + 1 <= mask + 1. */
static guint
index_bits (guint32 mask)
{
  guint bits = 1;
  while (bits < 32 && ((guint64) 1 << (bits - 1)) <= mask)
    bits++;
  return bits;
}

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
  t->index_bits = index_bits (t->mask);
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
  if (t->big != NULL)
    g_hash_table_unref (t->big);
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

/* The hash of a tuple: its low bits choose the slot, its high bits give the
 * fingerprint. */
static guint64
hash (const guint32 *ids, guint n)
{
  guint64 h = 0x9e3779b97f4a7c15u;
  for (guint i = 0; i < n; i++)
    {
      h ^= ids[i];
      h *= 0xff51afd7ed558ccdu;
      h ^= h >> 32;
    }
  return h;
}

/* The slot's value for index @i of a tuple hashed @h. */
static inline guint32
slot_value (const DlTuples *t, guint32 i, guint64 h)
{
  guint64 fingerprint = t->index_bits < 32 ? h >> (32 + t->index_bits) : 0;
  return (guint32) ((fingerprint << t->index_bits) | (i + 1));
}

static inline gboolean
same_ids (const guint32 *a, const guint32 *b, guint n)
{
  for (guint k = 0; k < n; k++)
    if (a[k] != b[k])
      return FALSE;
  return TRUE;
}

/* Sets up @t's slots anew for its tuples (distinct), with @mask + 1 of
 * them. */
static void
fill_slots (DlTuples *t, guint32 mask)
{
  guint32 *slots = dl_new0_huge (sizeof (guint32), (gsize) mask + 1);
  t->index_bits = index_bits (mask);
  for (guint32 i = 0; i < t->size; i++)
    {
      guint64 h = hash (IDS (t, i), t->n);
      guint32 p = (guint32) h & mask;
      while (slots[p] != 0)
        p = (p + 1) & mask;
      slots[p] = slot_value (t, i, h);
    }
  g_free (t->slots);
  t->slots = slots;
  t->mask = mask;
}

static void
grow (DlTuples *t)
{
  fill_slots (t, t->mask * 2 + 1);
}

/* Where @ids, hashed @hh, is: its index, or NONE and in *@free_slot the
 * slot it would take. */
#define NONE G_MAXUINT32

static inline guint32
probe (const DlTuples *t, const guint32 *ids, guint64 hh, guint32 *free_slot)
{
  guint32 h = (guint32) hh & t->mask;
  guint32 want = slot_value (t, 0, hh) - 1; /* the fingerprint alone */
  guint32 index_mask = (guint32) (((guint64) 1 << t->index_bits) - 1);
  for (;; h = (h + 1) & t->mask)
    {
      guint32 s = t->slots[h];
      if (s == 0)
        break;
      if ((s & ~index_mask) == want && same_ids (IDS (t, (s & index_mask) - 1), ids, t->n))
        return (s & index_mask) - 1;
    }
  *free_slot = h;
  return NONE;
}

/* The index of @ids, hashed @hh, added with zero counts if new. */
static guint32
find_hashed (DlTuples *t, const guint32 *ids, guint64 hh)
{
  guint32 h = 0;
  guint32 found = probe (t, ids, hh, &h);
  if (found != NONE)
    return found;
  guint32 i = t->size;
  g_return_val_if_fail (i < G_MAXUINT32 - 1, 0);
  if ((i & (CHUNK - 1)) == 0)
    {
      g_ptr_array_add (t->ids, g_new (guint32, (gsize) CHUNK * t->n));
      g_ptr_array_add (t->counts, g_new (guint32, CHUNK));
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
  t->slots[h] = slot_value (t, i, hh);
  /* At most three quarters full. */
  if ((guint64) t->size * 4 > (guint64) (t->mask + 1) * 3)
    grow (t);
  return i;
}

static guint32
find (DlTuples *t, const guint32 *ids)
{
  return find_hashed (t, ids, hash (ids, t->n));
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

/* Adds @count to the count of tuple @i. */
static void
add_count (DlTuples *t, guint32 i, guint64 count)
{
  guint32 *c = &COUNT (t, i);
  if (*c < BIG && count < (guint64) (BIG - *c))
    {
      *c += (guint32) count;
      return;
    }
  if (t->big == NULL)
    t->big = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint64 *whole = g_hash_table_lookup (t->big, GUINT_TO_POINTER (i));
  if (whole == NULL)
    {
      whole = g_new (guint64, 1);
      *whole = *c;
      *c = BIG;
      g_hash_table_insert (t->big, GUINT_TO_POINTER (i), whole);
    }
  *whole += count;
}

guint32
dl_tuples_add (DlTuples *t, const guint32 *ids, guint64 count, guint32 file)
{
  guint32 i = find (t, ids);
  add_count (t, i, count);
  add_file (t, i, file);
  return i;
}

guint32
dl_tuples_add_files (DlTuples *t, const guint32 *ids, guint64 count, const guint32 *files,
                     guint n_files)
{
  g_return_val_if_fail (t->files != NULL, 0);
  guint32 i = find (t, ids);
  add_count (t, i, count);
  for (guint k = 0; k < n_files; k++)
    add_file (t, i, files[k]);
  return i;
}

/* How many tuples dl_tuples_add_many hashes, and asks the slots of, before
 * it looks any of them up. */
#define MANY 16

void
dl_tuples_add_many (DlTuples *t, const guint32 *ids, gsize n_tuples, guint32 file)
{
  guint64 hashes[MANY];
  for (gsize done = 0; done < n_tuples; done += MANY)
    {
      guint block = (guint) MIN (n_tuples - done, MANY);
      const guint32 *first = ids + done * t->n;
      for (guint k = 0; k < block; k++)
        {
          hashes[k] = hash (first + (gsize) k * t->n, t->n);
          DL_PREFETCH (&t->slots[(guint32) hashes[k] & t->mask]);
        }
      for (guint k = 0; k < block; k++)
        {
          guint32 i = find_hashed (t, first + (gsize) k * t->n, hashes[k]);
          add_count (t, i, 1);
          add_file (t, i, file);
        }
    }
}

/* How many tuples ahead a merge fetches the slots: a big table's slot is a
 * cache miss, and eight of them in flight hide most of the wait. */
#define PREFETCH 8

void
dl_tuples_merge (DlTuples *into, const DlTuples *from, const guint32 *map, guint32 file)
{
  g_return_if_fail (into->n == from->n);
  guint n = from->n;
  guint32 ids[DL_TUPLES_MAX];
  for (guint32 i = 0; i < from->size; i++)
    {
#if defined(__GNUC__)
      if (i + PREFETCH < from->size)
        {
          const guint32 *ahead = IDS (from, i + PREFETCH);
          for (guint k = 0; k < n; k++)
            ids[k] = map[ahead[k]];
          __builtin_prefetch (&into->slots[(guint32) hash (ids, n) & into->mask]);
        }
#endif
      const guint32 *f = IDS (from, i);
      for (guint k = 0; k < n; k++)
        ids[k] = map[f[k]];
      dl_tuples_add (into, ids, dl_tuples_count (from, i), file);
    }
}

/* Sets up empty slots for @size tuples (at most three quarters full). */
static void
fresh_slots (DlTuples *t, guint32 size)
{
  guint32 mask = 255;
  while ((guint64) size * 4 > (guint64) (mask + 1) * 3)
    mask = mask * 2 + 1;
  g_free (t->slots);
  t->slots = g_new0 (guint32, (gsize) mask + 1);
  t->mask = mask;
  t->index_bits = index_bits (mask);
}

/* Frees the chunks of @chunks past the first @keep. */
static void
drop_chunks (GPtrArray *chunks, guint keep)
{
  if (chunks != NULL && chunks->len > keep)
    g_ptr_array_set_size (chunks, keep);
}

/* Into an empty @into: takes @from's arrays and maps their ids in place,
 * tuples that the map makes equal added up into the first of them, in
 * order, as dl_tuples_merge would add them one by one; @from is left
 * empty. The peak holds one table, not two. */
static void
take_over (DlTuples *into, DlTuples *from, const guint32 *map, guint32 file)
{
  DlTuples empty = *into;
  *into = *from;
  *from = empty;
  GHashTable *old_big = g_steal_pointer (&into->big);
  guint32 size = into->size;
  guint n = into->n;
  fresh_slots (into, size);
  /* Tuple i goes to index size (<= i, as tuples can only merge): what lies
   * there was read before, and its chunks exist. */
  into->size = 0;
  for (guint32 i = 0; i < size; i++)
    {
      guint32 c = COUNT (into, i);
      guint64 count
          = c < BIG ? c : *(guint64 *) g_hash_table_lookup (old_big, GUINT_TO_POINTER (i));
      guint32 ids[DL_TUPLES_MAX];
      const guint32 *was = IDS (into, i);
      for (guint k = 0; k < n; k++)
        ids[k] = map[was[k]];
      guint64 hh = hash (ids, n);
      guint32 h = 0;
      guint32 j = probe (into, ids, hh, &h);
      if (j == NONE)
        {
          j = into->size++;
          memcpy (IDS (into, j), ids, n * sizeof *ids);
          COUNT (into, j) = 0;
          if (into->ranges != NULL)
            RANGE (into, j) = (Range){ 0, 0 };
          if (into->files != NULL)
            g_array_set_size (into->files->pdata[j], 0);
          into->slots[h] = slot_value (into, j, hh);
        }
      add_count (into, j, count);
      add_file (into, j, file);
    }
  if (old_big != NULL)
    g_hash_table_unref (old_big);
  guint chunks = (into->size + CHUNK - 1) / CHUNK;
  drop_chunks (into->ids, chunks);
  drop_chunks (into->counts, chunks);
  drop_chunks (into->ranges, chunks);
  if (into->files != NULL)
    g_ptr_array_set_size (into->files, into->size);
}

void
dl_tuples_absorb (DlTuples *into, DlTuples *from, const guint32 *map, guint32 file)
{
  g_return_if_fail (into->n == from->n);
  if (into->size == 0 && (into->ranges == NULL) == (from->ranges == NULL)
      && (into->files == NULL) == (from->files == NULL))
    take_over (into, from, map, file);
  else
    dl_tuples_merge (into, from, map, file);
}

/* Into an empty @into that keeps what @from keeps: takes @from's arrays,
 * maps their ids in place (one to one: no tuples meet) and moves their
 * files on by @first; @from is left empty. */
static void
take_over_merged (DlTuples *into, DlTuples *from, const guint32 *map, guint32 first)
{
  DlTuples empty = *into;
  *into = *from;
  *from = empty;
  gboolean moved = FALSE;
  for (guint32 i = 0; i < into->size; i++)
    {
      guint32 *ids = IDS (into, i);
      for (guint k = 0; k < into->n; k++)
        {
          moved = moved || map[ids[k]] != ids[k];
          ids[k] = map[ids[k]];
        }
      if (first == 0)
        continue;
      if (into->files != NULL)
        {
          GArray *files = into->files->pdata[i];
          for (guint k = 0; k < files->len; k++)
            g_array_index (files, guint32, k) += first;
        }
      if (into->ranges != NULL && RANGE (into, i).last_file > 0)
        RANGE (into, i).last_file += first;
    }
  if (moved)
    fill_slots (into, into->mask);
}

void
dl_tuples_absorb_merged (DlTuples *into, DlTuples *from, const guint32 *map, guint32 first)
{
  g_return_if_fail (into->n == from->n);
  g_return_if_fail ((into->ranges == NULL || from->ranges != NULL)
                    && (into->files == NULL || from->files != NULL));
  if (into->size == 0 && (into->ranges == NULL) == (from->ranges == NULL)
      && (into->files == NULL) == (from->files == NULL))
    {
      take_over_merged (into, from, map, first);
      return;
    }
  guint n = from->n;
  guint32 ids[DL_TUPLES_MAX];
  for (guint32 i = 0; i < from->size; i++)
    {
      const guint32 *f = IDS (from, i);
      for (guint k = 0; k < n; k++)
        ids[k] = map[f[k]];
      guint32 j = find (into, ids);
      add_count (into, j, dl_tuples_count (from, i));
      if (into->files != NULL)
        {
          const GArray *files = from->files->pdata[i];
          for (guint k = 0; k < files->len; k++)
            add_file (into, j, g_array_index (files, guint32, k) + first);
        }
      else if (into->ranges != NULL)
        {
          const Range *r = &RANGE (from, i);
          RANGE (into, j).range += r->range;
          if (r->last_file > 0)
            RANGE (into, j).last_file = r->last_file + first;
        }
    }
}

/* What a saved table kept beside its counts. */
enum { SAVED_COUNTS, SAVED_RANGES, SAVED_FILES };

/* Per table: its bytes after this number, what it kept, its size; per tuple: its ids, its count,
 * then its files (how many, then rising, as gaps) or its range and last file. */
static void
put_table (const DlTuples *t, GByteArray *out)
{
  dl_put_varint (out, t->files != NULL    ? SAVED_FILES
                      : t->ranges != NULL ? SAVED_RANGES
                                          : SAVED_COUNTS);
  dl_put_varint (out, t->size);
  for (guint32 i = 0; i < t->size; i++)
    {
      const guint32 *ids = IDS (t, i);
      for (guint k = 0; k < t->n; k++)
        dl_put_varint (out, ids[k]);
      dl_put_varint (out, dl_tuples_count (t, i));
      if (t->files != NULL)
        {
          const GArray *f = t->files->pdata[i];
          dl_put_varint (out, f->len);
          for (guint k = 0; k < f->len; k++)
            dl_put_varint (out, g_array_index (f, guint32, k)
                                    - (k > 0 ? g_array_index (f, guint32, k - 1) : 0));
        }
      else if (t->ranges != NULL)
        {
          dl_put_varint (out, RANGE (t, i).range);
          dl_put_varint (out, RANGE (t, i).last_file);
        }
    }
}

void
dl_tuples_save (const DlTuples *t, GByteArray *out)
{
  g_autoptr (GByteArray) table = g_byte_array_new ();
  put_table (t, table);
  dl_put_varint (out, table->len);
  g_byte_array_append (out, table->data, table->len);
}

/* Reads the files or the range of tuple @i as @kept saved them. */
static gboolean
load_range (DlTuples *t, guint32 i, DlCursor *cur, guint64 kept, guint32 files_below)
{
  if (kept == SAVED_FILES)
    {
      guint64 n = dl_get_varint (cur), prev = 0;
      if (n == 0 || n > files_below)
        return FALSE;
      for (guint64 k = 0; k < n; k++)
        {
          guint64 gap = dl_get_varint (cur);
          if (cur->bad || (k > 0 && gap == 0) || gap >= files_below - prev)
            return FALSE;
          prev += gap;
          add_file (t, i, (guint32) prev);
        }
      return TRUE;
    }
  guint64 range = dl_get_varint (cur), last = dl_get_varint (cur);
  if (range == 0 || range > files_below || last == 0 || last > files_below)
    return FALSE;
  if (t->ranges != NULL)
    RANGE (t, i) = (Range){ (guint32) range, (guint32) last };
  return TRUE;
}

gboolean
dl_tuples_load (DlTuples *t, const guint8 *data, gsize len, gsize *at, guint32 ids_below,
                guint32 files_below)
{
  g_return_val_if_fail (t->size == 0 && *at <= len, FALSE);
  gsize end;
  if (!dl_tuples_skip (data, len, at, &end))
    return FALSE;
  len = end;
  DlCursor cur = *at < len ? dl_cursor_of (data + *at, len - *at) : dl_cursor_of (NULL, 0);
  guint64 kept = dl_get_varint (&cur), size = dl_get_varint (&cur);
  if (kept > SAVED_FILES || (t->files != NULL && kept != SAVED_FILES)
      || (t->ranges != NULL && kept == SAVED_COUNTS) || size > (len - *at) / (t->n + 1)
      || size >= G_MAXUINT32 - 1)
    return FALSE;
  /* Room for them all at once, not grown step by step. */
  guint32 mask = t->mask;
  while ((guint64) size * 4 > (guint64) (mask + 1) * 3)
    mask = mask * 2 + 1;
  if (mask != t->mask)
    fill_slots (t, mask);
  guint32 ids[DL_TUPLES_MAX];
  for (guint64 i = 0; i < size; i++)
    {
      for (guint k = 0; k < t->n; k++)
        {
          guint64 id = dl_get_varint (&cur);
          if (id >= ids_below)
            return FALSE;
          ids[k] = (guint32) id;
        }
      guint64 count = dl_get_varint (&cur);
      guint32 j = find (t, ids);
      /* Each tuple once, counted. */
      if (cur.bad || count == 0 || j != i)
        return FALSE;
      add_count (t, j, count);
      if (kept != SAVED_COUNTS && !load_range (t, j, &cur, kept, files_below))
        return FALSE;
    }
  if (cur.bad || cur.p != cur.end)
    return FALSE;
  *at = end;
  return TRUE;
}

gboolean
dl_tuples_skip (const guint8 *data, gsize len, gsize *at, gsize *end)
{
  DlCursor cur = *at < len ? dl_cursor_of (data + *at, len - *at) : dl_cursor_of (NULL, 0);
  guint64 bytes = dl_get_varint (&cur);
  if (cur.bad || bytes > (guint64) (cur.end - cur.p))
    return FALSE;
  *at = (gsize) (cur.p - data);
  *end = *at + (gsize) bytes;
  return TRUE;
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
  guint32 c = COUNT (t, i);
  return c < BIG ? c : *(const guint64 *) g_hash_table_lookup (t->big, GUINT_TO_POINTER (i));
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
  gsize per = t->n * sizeof (guint32) + sizeof (guint32) + (t->ranges != NULL ? sizeof (Range) : 0);
  gsize b = (gsize) (t->mask + 1) * sizeof (guint32) + (gsize) t->ids->len * CHUNK * per;
  if (t->big != NULL)
    b += g_hash_table_size (t->big) * (sizeof (guint64) + 4 * sizeof (gpointer));
  if (t->files != NULL)
    for (guint i = 0; i < t->files->len; i++)
      b += sizeof (GArray) + ((GArray *) t->files->pdata[i])->len * sizeof (guint32);
  return b;
}
