/* tuples.h — counts of tuples of term ids (n-grams, word pairs): an open
 * addressing hash table over chunked arrays, about 20 bytes a bigram, so that
 * memory grows with the distinct tuples and not with the corpus. */
#ifndef DL_TUPLES_H
#define DL_TUPLES_H

#include <glib.h>

G_BEGIN_DECLS

/* The longest tuple. */
#define DL_TUPLES_MAX 8

typedef struct _DlTuples DlTuples;

typedef enum {
  DL_TUPLES_COUNTS = 0,      /* counts only */
  DL_TUPLES_RANGES = 1 << 0, /* and the number of files of each tuple */
  DL_TUPLES_FILES = 1 << 1,  /* and the list of its files, so that merged
                                tuples (dl_tuples_add_files) know their exact
                                range */
} DlTuplesFlags;

/* A table of tuples of @n ids (1 .. DL_TUPLES_MAX). */
DlTuples *dl_tuples_new (guint n, DlTuplesFlags flags);
void dl_tuples_free (DlTuples *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlTuples, dl_tuples_free)

/* The length of the tuples. */
guint dl_tuples_n (const DlTuples *t);

/* Adds @count to the tuple @ids, seen in file @file: files come in
 * increasing order from call to call (file 0 throughout for one file's
 * table). Returns the tuple's index (0, 1, ... in order of first sight). */
guint32 dl_tuples_add (DlTuples *t, const guint32 *ids, guint64 count, guint32 file);

/* Adds 1 to each of the @n_tuples tuples laid end to end in @ids (n ids
 * each), seen in file @file, as dl_tuples_add would one after the other
 * (indices in the same order), but asks for the slots of several at once,
 * so that their cache misses overlap. */
void dl_tuples_add_many (DlTuples *t, const guint32 *ids, gsize n_tuples, guint32 file);

/* Like dl_tuples_add, for a tuple seen in the @n_files files @files
 * (ascending), in any order from call to call; needs DL_TUPLES_FILES. */
guint32 dl_tuples_add_files (DlTuples *t, const guint32 *ids, guint64 count, const guint32 *files,
                             guint n_files);

/* Adds every tuple of @from, with its count, to @into as seen in file @file
 * (as dl_tuples_add), its ids mapped through @map (an id of @from's → one of
 * @into's). Fetches slots some tuples ahead, so that a merge into a big table
 * does not wait for each in turn. */
void dl_tuples_merge (DlTuples *into, const DlTuples *from, const guint32 *map, guint32 file);

/* As dl_tuples_merge, but @from is used up: only dl_tuples_free it after.
 * Into an empty @into (the first file's), @from's arrays are taken over and
 * their ids mapped in place, so that the two tables are never both in
 * memory. */
void dl_tuples_absorb (DlTuples *into, DlTuples *from, const guint32 *map, guint32 file);

/* Merged tuples, merged again: adds every tuple of @from, which merged
 * files 0, 1, ..., to @into as seen in files @first, @first + 1, ...
 * (after every file of @into), its ids mapped through @map (one to one):
 * counts and ranges added, files moved on by @first, tuples new to @into
 * in @from's order, as if @from's files had been added one by one. @from
 * keeps the files or ranges @into keeps, and is used up (an empty @into
 * takes its arrays over): only dl_tuples_free it after. */
void dl_tuples_absorb_merged (DlTuples *into, DlTuples *from, const guint32 *map, guint32 first);

/* Appends @t to @out: its size in bytes, then its tuples in order, each
 * with its count and, as @t keeps them, its files or its range. */
void dl_tuples_save (const DlTuples *t, GByteArray *out);

/* Reads into @t, fresh, what dl_tuples_save wrote from a table of
 * tuples as long, which kept at least what @t keeps (files give ranges),
 * at *@at in @data (@len bytes), moving *@at on. Every id must be below
 * @ids_below and every file below @files_below. FALSE if the bytes are
 * not such a table. */
gboolean dl_tuples_load (DlTuples *t, const guint8 *data, gsize len, gsize *at, guint32 ids_below,
                         guint32 files_below);

/* Passes over a table that dl_tuples_save wrote at *@at in @data (@len
 * bytes) without reading it: *@at set to where its tuples begin, *@end
 * to where the table ends. FALSE if its size does not fit. */
gboolean dl_tuples_skip (const guint8 *data, gsize len, gsize *at, gsize *end);

/* The number of distinct tuples. */
guint32 dl_tuples_size (const DlTuples *t);

/* Tuple @i: its ids (owned by @t), its count, the number of files it was
 * seen in (0 without DL_TUPLES_RANGES), and those files (with
 * DL_TUPLES_FILES; otherwise NULL). */
const guint32 *dl_tuples_ids (const DlTuples *t, guint32 i);
guint64 dl_tuples_count (const DlTuples *t, guint32 i);
guint32 dl_tuples_range (const DlTuples *t, guint32 i);
const guint32 *dl_tuples_files (const DlTuples *t, guint32 i, guint *n_files);

/* Bytes held, for a test of memory growth. */
gsize dl_tuples_bytes (const DlTuples *t);

G_END_DECLS

#endif /* DL_TUPLES_H */
