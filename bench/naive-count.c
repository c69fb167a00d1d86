/* naive-count.c — a deliberately naive ICU + GLib word counter, the baseline
 * that derlem's `freq` is benchmarked against (see README.md).
 *
 *   cc -O2 -o bench/naive-count bench/naive-count.c \
 *      $(pkg-config --cflags --libs icu-uc icu-i18n glib-2.0)
 *   bench/naive-count FILE|DIR...
 *
 * Each file is read whole (g_file_get_contents), segmented with ICU's word
 * break iterator (root locale) over a UTF-8 UText, and every segment whose
 * rule status says word or number is case folded (ucasemap_utf8FoldCase,
 * default folding) and counted in a GHashTable.  A directory argument stands
 * for its *.txt files (sorted, not recursive).  Nothing else: no language
 * identification, no normalization, no apostrophe handling.
 *
 * Output (stdout): "tokens\tN", "types\tN", then the 20 most frequent words
 * as "COUNT\tWORD", by count descending, then by strcmp.  Exit status 0, 1 if
 * some input could not be read (the rest is still counted), 2 usage error.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/uclean.h>
#include <unicode/utext.h>

#define TOP_N 20

typedef struct {
  UBreakIterator *bi;
  UCaseMap *csm;
  char *fold; /* reusable fold buffer */
  int32_t fold_cap;
  GHashTable *counts; /* char *word -> guint64 *count */
  guint64 tokens;
  int status;
} Counter;

static void
count_word (Counter *c, const char *s, int32_t len)
{
  for (;;)
    {
      UErrorCode st = U_ZERO_ERROR;
      int32_t n = ucasemap_utf8FoldCase (c->csm, c->fold, c->fold_cap, s, len, &st);
      if (st == U_BUFFER_OVERFLOW_ERROR || (U_SUCCESS (st) && n >= c->fold_cap))
        {
          /* too small, or no room for the terminating NUL */
          c->fold_cap = n + 1 > 2 * c->fold_cap ? n + 1 : 2 * c->fold_cap;
          c->fold = g_realloc (c->fold, c->fold_cap);
          continue;
        }
      if (U_FAILURE (st))
        {
          fprintf (stderr, "naive-count: ucasemap_utf8FoldCase: %s\n", u_errorName (st));
          c->status = 1;
          return;
        }
      break;
    }

  guint64 *n = g_hash_table_lookup (c->counts, c->fold);
  if (n != NULL)
    (*n)++;
  else
    {
      n = g_new (guint64, 1);
      *n = 1;
      g_hash_table_insert (c->counts, g_strdup (c->fold), n);
    }
  c->tokens++;
}

static void
count_file (Counter *c, const char *path)
{
  GStatBuf sb;
  if (g_stat (path, &sb) == 0 && sb.st_size > INT32_MAX)
    {
      fprintf (stderr, "naive-count: %s: larger than 2 GiB, skipped\n", path);
      c->status = 1;
      return;
    }

  char *buf = NULL;
  gsize len = 0;
  GError *error = NULL;
  if (!g_file_get_contents (path, &buf, &len, &error))
    {
      fprintf (stderr, "naive-count: %s\n", error->message);
      g_error_free (error);
      c->status = 1;
      return;
    }
  if (len > INT32_MAX) /* grew since the stat, or not a regular file */
    {
      fprintf (stderr, "naive-count: %s: larger than 2 GiB, skipped\n", path);
      g_free (buf);
      c->status = 1;
      return;
    }

  UErrorCode st = U_ZERO_ERROR;
  UText *ut = utext_openUTF8 (NULL, buf, (int64_t) len, &st);
  if (U_SUCCESS (st))
    ubrk_setUText (c->bi, ut, &st);
  if (U_FAILURE (st))
    {
      fprintf (stderr, "naive-count: %s: %s\n", path, u_errorName (st));
      c->status = 1;
    }
  else
    {
      int32_t start = ubrk_first (c->bi);
      for (int32_t end = ubrk_next (c->bi); end != UBRK_DONE; start = end, end = ubrk_next (c->bi))
        {
          int32_t rs = ubrk_getRuleStatus (c->bi);
          if ((rs >= UBRK_WORD_LETTER && rs < UBRK_WORD_IDEO_LIMIT)
              || (rs >= UBRK_WORD_NUMBER && rs < UBRK_WORD_NUMBER_LIMIT))
            count_word (c, buf + start, end - start);
        }
    }
  utext_close (ut); /* NULL-safe */
  g_free (buf);
}

static int
cmp_name (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
count_dir (Counter *c, const char *path)
{
  GError *error = NULL;
  GDir *dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "naive-count: %s\n", error->message);
      g_error_free (error);
      c->status = 1;
      return;
    }
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      {
        char *file = g_build_filename (path, name, NULL);
        if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
          g_ptr_array_add (files, file);
        else
          g_free (file);
      }
  g_dir_close (dir);

  qsort (files->pdata, files->len, sizeof (char *), cmp_name);
  for (guint i = 0; i < files->len; i++)
    count_file (c, g_ptr_array_index (files, i));
  g_ptr_array_free (files, TRUE);
}

typedef struct {
  const char *word;
  guint64 count;
} Entry;

static int
cmp_entry (const void *a, const void *b)
{
  const Entry *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->word, y->word);
}

int
main (int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      fprintf (argc < 2 ? stderr : stdout, "usage: %s FILE|DIR...\n", argv[0]);
      return argc < 2 ? 2 : 0;
    }

  Counter c = { 0 };
  UErrorCode st = U_ZERO_ERROR;
  c.bi = ubrk_open (UBRK_WORD, "", NULL, 0, &st);
  if (U_FAILURE (st))
    {
      fprintf (stderr, "naive-count: ubrk_open: %s\n", u_errorName (st));
      return 1;
    }
  c.csm = ucasemap_open ("", 0, &st);
  if (U_FAILURE (st))
    {
      fprintf (stderr, "naive-count: ucasemap_open: %s\n", u_errorName (st));
      ubrk_close (c.bi);
      return 1;
    }
  c.fold_cap = 64;
  c.fold = g_malloc (c.fold_cap);
  c.counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        count_dir (&c, argv[i]);
      else
        count_file (&c, argv[i]);
    }

  /* all entries, sorted: naive, but the table is at most a few million */
  guint ntypes = g_hash_table_size (c.counts);
  Entry *entries = g_new (Entry, ntypes > 0 ? ntypes : 1);
  GHashTableIter it;
  gpointer k, v;
  guint n = 0;
  g_hash_table_iter_init (&it, c.counts);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      entries[n].word = k;
      entries[n].count = *(guint64 *) v;
      n++;
    }
  qsort (entries, n, sizeof (Entry), cmp_entry);

  printf ("tokens\t%" G_GUINT64_FORMAT "\n", c.tokens);
  printf ("types\t%u\n", ntypes);
  for (guint i = 0; i < n && i < TOP_N; i++)
    printf ("%" G_GUINT64_FORMAT "\t%s\n", entries[i].count, entries[i].word);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      perror ("naive-count: stdout");
      c.status = 1;
    }

  g_free (entries);
  g_hash_table_destroy (c.counts);
  g_free (c.fold);
  ucasemap_close (c.csm);
  ubrk_close (c.bi);
  u_cleanup (); /* ICU's caches, so that valgrind shows only GLib's own */
  return c.status;
}
