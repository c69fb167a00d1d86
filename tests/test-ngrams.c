/* test-ngrams.c — n-gram clusters counted by hand: sentence ends inside a
 * line and at a line's end (ICU), runs across line breaks, ranges over
 * files, --contains with words and phrases, stems; the sentence breaker;
 * the tuple table under growth, with ranges and files united. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ngrams.h"
#include "sentences.h"
#include "tests.h"
#include "tuples.h"

/* The n-grams of @files (NULL-terminated, one file each, English) as
 * "ngram freq range" lines in list order. */
static char *
ngrams (const char *const *files, guint min_n, guint max_n, const char *contains, DlUnit unit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlQuery) q = contains != NULL ? dl_query_parse (contains, &error) : NULL;
  DlNgramOptions o
      = { min_n, max_n, q, { .unit = unit, .casing = DL_CASE_FOLD }, { 0 }, unit != DL_UNIT_FORM };
  dl_counter_options_init (&o.counter);
  g_autoptr (DlNgrams) ng = dl_ngrams_new (&o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (ng);
  g_autoptr (DlNgramCounts) total = dl_ngram_counts_new (&o);
  g_autofree char *dir = g_dir_make_tmp ("derlem-ngrams-XXXXXX", NULL);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/f%u.txt", dir, i);
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (path, files[i], -1, NULL));
      DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
      DlDocumentOptions doc = { NULL, TRUE, DL_LANG_EN, NULL, NULL, NULL, NULL };
      g_autoptr (DlNgramCounts) one = dl_ngram_counts_new (&o);
      CU_ASSERT_TRUE (dl_ngrams_input (ng, &input, &doc, NULL, one, &error));
      dl_ngram_counts_merge (total, one, i);
      g_remove (path);
    }
  g_rmdir (dir);
  g_autoptr (DlStemmer) st = dl_stemmer_new (&error);
  DlUnitsOptions uo = { unit, st, NULL, NULL, NULL };
  g_autoptr (DlUnits) units = dl_units_new (dl_ngram_counts_counter (total), DL_LANG_EN, &uo);
  DlNgramListOptions lo = { units, 1, 1, 0 };
  g_autoptr (DlNgramList) list = dl_ngram_list (total, DL_LANG_EN, &lo, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (list);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < dl_ngram_list_size (list); i++)
    {
      const DlNgramRow *r = dl_ngram_list_row (list, i);
      g_string_append_printf (s, "%s %" G_GUINT64_FORMAT " %u", r->ngram, r->freq, r->range);
      if (r->unit != NULL)
        g_string_append_printf (s, " [%s]", r->unit);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static void
check (const char *const *files, guint min_n, guint max_n, const char *contains, DlUnit unit,
       const char *expected)
{
  g_autofree char *got = ngrams (files, min_n, max_n, contains, unit);
  DL_ASSERT_STR_EQ (got, expected);
}

static void
test_ngrams_stop_at_sentence_ends (void)
{
  /* ICU: a full stop before a small letter ends no sentence. */
  const char *const inside[] = { "a b c. D e f\n", NULL };
  check (inside, 2, 2, NULL, DL_UNIT_FORM, "a b 1 1\nb c 1 1\nd e 1 1\ne f 1 1\n");
  /* A question mark ends a sentence even before a small letter. */
  const char *const question[] = { "a b? c d\n", NULL };
  check (question, 2, 2, NULL, DL_UNIT_FORM, "a b 1 1\nc d 1 1\n");
  /* Not a sentence end: a decimal point, an abbreviation before a small
   * letter. */
  const char *const not_ends[] = { "a 3.5 b e.g. c\n", NULL };
  check (not_ends, 2, 2, NULL, DL_UNIT_FORM, "a b 1 1\nb e.g. 1 1\ne.g. c 1 1\n");
}

static void
test_ngrams_run_across_line_breaks (void)
{
  const char *const open[] = { "a b\nc d\n", NULL };
  check (open, 3, 3, NULL, DL_UNIT_FORM, "a b c 1 1\nb c d 1 1\n");
  const char *const closed[] = { "a b c.\nD e f\n", NULL };
  check (closed, 3, 3, NULL, DL_UNIT_FORM, "a b c 1 1\nd e f 1 1\n");
  /* A blank line between does not end the sentence (PDF extractions). */
  const char *const blank[] = { "a b\n\nc\n", NULL };
  check (blank, 3, 3, NULL, DL_UNIT_FORM, "a b c 1 1\n");
}

static void
test_ngrams_sizes_and_ranges (void)
{
  const char *const files[] = { "x y z x y\n", "x y\n", "z x\n", NULL };
  /* x y: twice in file 0, once in file 1; z x: once in 0 and 2. */
  check (files, 2, 3, NULL, DL_UNIT_FORM,
         "x y 3 2\nz x 2 2\nx y z 1 1\ny z 1 1\ny z x 1 1\nz x y 1 1\n");
}

static void
test_ngrams_containing_a_query (void)
{
  const char *const files[] = { "a b c d a\n", NULL };
  check (files, 3, 3, "b", DL_UNIT_FORM, "a b c 1 1\nb c d 1 1\n");
  check (files, 3, 3, "\"c d\"", DL_UNIT_FORM, "b c d 1 1\nc d a 1 1\n");
  check (files, 2, 2, "/^[ad]$/", DL_UNIT_FORM, "a b 1 1\nc d 1 1\nd a 1 1\n");
}

static void
test_ngrams_of_stems (void)
{
  /* wars and war are one stem; the range of "war end" unites files. Each
   * unit shows as its most frequent form (ties: the stem itself, then the
   * shorter form), its key in brackets. */
  const char *const files[] = { "wars ended\n", "the war ends\n", NULL };
  check (files, 2, 2, NULL, DL_UNIT_STEM, "war ends 2 2 [war end]\nthe war 1 1 [the war]\n");
}

static void
test_sentence_boundaries (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlSentences) s = dl_sentences_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  static const struct {
    const char *text;
    const char *bounds;
    gboolean ends;
  } cases[] = {
    { "Hello world", "", FALSE },
    { "Hello world.", "", TRUE },
    { "Hello world. ", "", TRUE },
    { "Bitti. Sonra geldi", "7", FALSE },
    { "Savaş bitti mi? Evet!", "17", TRUE }, /* bytes: ş is two */
    { "Oran 3.5 oldu", "", FALSE },
    { "", "", FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n;
      gboolean ends;
      const gsize *b
          = dl_sentences_line (s, cases[i].text, strlen (cases[i].text), &n, &ends, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (b);
      GString *got = g_string_new (NULL);
      for (guint k = 0; k < n; k++)
        g_string_append_printf (got, "%s%zu", k > 0 ? "," : "", b[k]);
      DL_ASSERT_STR_EQ_FOR (cases[i].text, got->str, cases[i].bounds);
      DL_ASSERT_INT_EQ_FOR (cases[i].text, ends, cases[i].ends);
      g_string_free (got, TRUE);
    }
}

static void
test_tuples_grow_and_count (void)
{
  g_autoptr (DlTuples) t = dl_tuples_new (3, DL_TUPLES_RANGES);
  /* 200,000 distinct tuples, each added (i % 3) + 1 times in files 0..2. */
  for (guint32 f = 0; f < 3; f++)
    for (guint32 i = 0; i < 200000; i++)
      if (i % 3 >= f)
        {
          guint32 ids[3] = { i, i * 7u, i ^ 0x55u };
          dl_tuples_add (t, ids, 1, f);
        }
  CU_ASSERT_EQUAL_FATAL (dl_tuples_size (t), 200000);
  gboolean ok = TRUE;
  for (guint32 i = 0; i < 200000; i++)
    {
      const guint32 *ids = dl_tuples_ids (t, i);
      ok &= ids[0] == i && ids[1] == i * 7u && ids[2] == (i ^ 0x55u);
      ok &= dl_tuples_count (t, i) == i % 3 + 1 && dl_tuples_range (t, i) == i % 3 + 1;
    }
  CU_ASSERT_TRUE (ok);
  /* About 30 bytes a trigram with the slots, not a corpus' worth. */
  CU_ASSERT_TRUE (dl_tuples_bytes (t) < 200000 * 48);
}

/* Tuples added many at a time (hashed and their slots asked for in blocks)
 * get the same indices, counts and ranges as added one by one: batches of
 * every length around the block's, repeats inside a block, the table
 * growing inside one, tuples of 1 to 8 ids. */
static void
test_tuples_add_many (void)
{
  static const guint sizes[] = { 1, 2, 3, 8 };
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      g_autoptr (GRand) rand = g_rand_new_with_seed (17 + n);
      g_autoptr (DlTuples) one = dl_tuples_new (n, DL_TUPLES_RANGES);
      g_autoptr (DlTuples) many = dl_tuples_new (n, DL_TUPLES_RANGES);
      g_autoptr (GArray) batch = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (guint32 file = 0; file < 4; file++)
        for (guint b = 0; b < 1500; b++)
          {
            guint len = (guint) g_rand_int_range (rand, 0, 40);
            g_array_set_size (batch, 0);
            for (guint k = 0; k < len; k++)
              {
                guint32 ids[DL_TUPLES_MAX];
                /* a few ids (many repeats), or a wide range (growth) */
                guint32 span = g_rand_boolean (rand) ? 3 : 1000000;
                for (guint j = 0; j < n; j++)
                  ids[j] = (guint32) g_rand_int_range (rand, 0, (gint32) span);
                dl_tuples_add (one, ids, 1, file);
                g_array_append_vals (batch, ids, n);
              }
            dl_tuples_add_many (many, (const guint32 *) (gpointer) batch->data, len, file);
          }
      CU_ASSERT_EQUAL_FATAL (dl_tuples_size (many), dl_tuples_size (one));
      CU_ASSERT_TRUE (dl_tuples_size (one) > 10000);
      gboolean same = TRUE;
      for (guint32 i = 0; i < dl_tuples_size (one); i++)
        same &= memcmp (dl_tuples_ids (one, i), dl_tuples_ids (many, i), n * sizeof (guint32)) == 0
                && dl_tuples_count (one, i) == dl_tuples_count (many, i)
                && dl_tuples_range (one, i) == dl_tuples_range (many, i);
      DL_ASSERT_INT_EQ_FOR ("tuples of n ids", same, TRUE);
    }
}

/* A file's table of random tuples (ids below 300, some repeated, one
 * count past 2³² − 1), the same for the same @seed. */
static DlTuples *
random_file_table (guint n, DlTuplesFlags flags, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  DlTuples *t = dl_tuples_new (n, flags);
  for (guint i = 0; i < 70000; i++)
    {
      guint32 ids[DL_TUPLES_MAX];
      for (guint k = 0; k < n; k++)
        ids[k] = (guint32) g_rand_int_range (rand, 0, 300);
      guint64 count = i == 5 ? G_MAXUINT32 - 1 : (guint64) g_rand_int_range (rand, 1, 4);
      dl_tuples_add (t, ids, count, 0);
    }
  return t;
}

/* Whether @a and @b hold the same tuples, in the same order. */
static gboolean
same_tuples (const DlTuples *a, const DlTuples *b)
{
  if (dl_tuples_size (a) != dl_tuples_size (b))
    return FALSE;
  guint n = dl_tuples_n (a);
  for (guint32 i = 0; i < dl_tuples_size (a); i++)
    {
      guint fa, fb;
      const guint32 *files_a = dl_tuples_files (a, i, &fa), *files_b = dl_tuples_files (b, i, &fb);
      if (memcmp (dl_tuples_ids (a, i), dl_tuples_ids (b, i), n * sizeof (guint32)) != 0
          || dl_tuples_count (a, i) != dl_tuples_count (b, i)
          || dl_tuples_range (a, i) != dl_tuples_range (b, i) || fa != fb
          || (fa > 0 && memcmp (files_a, files_b, fa * sizeof (guint32)) != 0))
        return FALSE;
    }
  return TRUE;
}

/* Absorbing a file's table gives what merging it gives: taken over into
 * an empty table (its ids mapped in place, tuples the map makes equal
 * added up, a count past 2³² − 1 kept whole), merged into one that is
 * not; the used-up table is left empty. */
static void
test_tuples_absorb (void)
{
  static const DlTuplesFlags flags[] = { DL_TUPLES_COUNTS, DL_TUPLES_RANGES, DL_TUPLES_FILES };
  /* Many ids to one: 300 ids onto 120. */
  guint32 map[300];
  for (guint i = 0; i < 300; i++)
    map[i] = (i * 7) % 120 + 5;
  for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
    for (guint n = 1; n <= 3; n++)
      {
        g_autofree char *label = g_strdup_printf ("flags %d, n %u", (int) flags[f], n);
        g_autoptr (DlTuples) merged = dl_tuples_new (n, flags[f]);
        g_autoptr (DlTuples) absorbed = dl_tuples_new (n, flags[f]);
        for (guint32 file = 0; file < 3; file++)
          {
            g_autoptr (DlTuples) a = random_file_table (n, flags[f], 40 + file);
            g_autoptr (DlTuples) b = random_file_table (n, flags[f], 40 + file);
            dl_tuples_merge (merged, a, map, file * 2);
            dl_tuples_absorb (absorbed, b, map, file * 2);
            DL_ASSERT_INT_EQ_FOR (label, same_tuples (merged, absorbed), TRUE);
            DL_ASSERT_INT_EQ_FOR (label, dl_tuples_size (b), file == 0 ? 0 : dl_tuples_size (a));
          }
        /* The map joined tuples: single ids fall on its 120 values. */
        if (n == 1)
          DL_ASSERT_INT_EQ_FOR (label, dl_tuples_size (absorbed), 120);
      }
}

/* Files 3 and 4 merged on their own, saved, loaded and absorbed after
 * files 0 to 2 give, with file 5 merged after them, what merging the six
 * files one by one gives: counts (one past 2³² − 1), ranges (a tuple
 * of file 4 seen again in file 5 counted once a file), files, order;
 * absorbed into an empty table, what files 3 to 5 give. Files saved load
 * as ranges; damaged bytes are refused. */
static void
test_tuples_absorb_merged (void)
{
  static const DlTuplesFlags flags[] = { DL_TUPLES_COUNTS, DL_TUPLES_RANGES, DL_TUPLES_FILES };
  /* perm: one to one on the 125 ids of map's; map_perm: the two. */
  guint32 map[300], same[300], perm[300], map_perm[300];
  for (guint i = 0; i < 300; i++)
    map[i] = (i * 7) % 120 + 5, same[i] = i, perm[i] = (i * 7 + 3) % 125;
  for (guint i = 0; i < 300; i++)
    map_perm[i] = perm[map[i]];
  for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
    for (guint n = 1; n <= 3; n++)
      {
        g_autofree char *label = g_strdup_printf ("flags %d, n %u", (int) flags[f], n);
        g_autoptr (DlTuples) whole = dl_tuples_new (n, flags[f]);
        g_autoptr (DlTuples) left = dl_tuples_new (n, flags[f]);
        g_autoptr (DlTuples) right = dl_tuples_new (n, DL_TUPLES_FILES);
        for (guint32 file = 0; file < 6; file++)
          {
            g_autoptr (DlTuples) t = random_file_table (n, flags[f], 60 + file);
            dl_tuples_merge (whole, t, map, file);
            if (file < 3)
              dl_tuples_merge (left, t, map, file);
            else if (file < 5)
              dl_tuples_merge (right, t, map, file - 3);
          }
        g_autoptr (GByteArray) saved = g_byte_array_new ();
        g_byte_array_append (saved, (const guint8 *) "x", 1); /* read from an offset */
        dl_tuples_save (right, saved);
        g_autoptr (DlTuples) loaded = dl_tuples_new (n, flags[f]);
        gsize at = 1;
        DL_ASSERT_INT_EQ_FOR (label, dl_tuples_load (loaded, saved->data, saved->len, &at, 125, 2),
                              TRUE);
        DL_ASSERT_INT_EQ_FOR (label, at, saved->len);
        /* Into an empty table (files 0 to 2 without tuples), a part's
         * arrays are taken over, their ids mapped one to one. */
        g_autoptr (DlTuples) moved = dl_tuples_new (n, flags[f]);
        g_autoptr (DlTuples) moved_ref = dl_tuples_new (n, flags[f]);
        for (guint32 file = 3; file < 6; file++)
          {
            g_autoptr (DlTuples) t = random_file_table (n, flags[f], 60 + file);
            dl_tuples_merge (moved_ref, t, map_perm, file);
          }
        at = 1;
        g_autoptr (DlTuples) again = dl_tuples_new (n, flags[f]);
        CU_ASSERT_TRUE (dl_tuples_load (again, saved->data, saved->len, &at, 125, 2));
        dl_tuples_absorb_merged (moved, again, perm, 3);
        CU_ASSERT_EQUAL (dl_tuples_size (again), 0);
        g_autoptr (DlTuples) last = random_file_table (n, flags[f], 65);
        dl_tuples_merge (moved, last, map_perm, 5);
        DL_ASSERT_INT_EQ_FOR (label, same_tuples (moved_ref, moved), TRUE);
        /* After the files of a table, one by one. */
        dl_tuples_absorb_merged (left, loaded, same, 3);
        dl_tuples_merge (left, last, map, 5);
        DL_ASSERT_INT_EQ_FOR (label, same_tuples (whole, left), TRUE);
        /* Refused: ids past the words, files past the inputs, cut short. */
        static const struct {
          guint32 ids, files;
          gsize cut;
        } bad[] = { { 124, 2, 0 }, { 125, 1, 0 }, { 125, 2, 1 }, { 125, 2, 40 } };
        for (gsize b = 0; b < G_N_ELEMENTS (bad); b++)
          {
            g_autoptr (DlTuples) t = dl_tuples_new (n, flags[f]);
            at = 1;
            gboolean ok = dl_tuples_load (t, saved->data, saved->len - bad[b].cut, &at, bad[b].ids,
                                          bad[b].files);
            DL_ASSERT_INT_EQ_FOR (label, ok, FALSE);
          }
      }
  /* A table of counts only does not give ranges. */
  g_autoptr (DlTuples) counts = dl_tuples_new (2, DL_TUPLES_COUNTS);
  guint32 pair[2] = { 1, 2 };
  dl_tuples_add (counts, pair, 3, 0);
  g_autoptr (GByteArray) saved = g_byte_array_new ();
  dl_tuples_save (counts, saved);
  g_autoptr (DlTuples) ranges = dl_tuples_new (2, DL_TUPLES_RANGES);
  gsize at = 0;
  CU_ASSERT_FALSE (dl_tuples_load (ranges, saved->data, saved->len, &at, 10, 1));
  /* Each tuple once. */
  g_byte_array_set_size (saved, 0);
  const guint8 twice[] = { 0, 2, 1, 2, 3, 1, 2, 4 };
  g_byte_array_append (saved, twice, sizeof twice);
  g_autoptr (DlTuples) t = dl_tuples_new (2, DL_TUPLES_COUNTS);
  at = 0;
  CU_ASSERT_FALSE (dl_tuples_load (t, saved->data, saved->len, &at, 10, 1));
}

/* Counts take 32 bits until they reach 2³² − 1; then the whole count. */
static void
test_tuples_big_counts (void)
{
  g_autoptr (DlTuples) t = dl_tuples_new (2, DL_TUPLES_COUNTS);
  guint32 a[2] = { 1, 2 }, b[2] = { 2, 1 }, c[2] = { 3, 3 };
  dl_tuples_add (t, a, G_MAXUINT32 - 2, 0);
  dl_tuples_add (t, a, 1, 0);
  CU_ASSERT_EQUAL (dl_tuples_count (t, 0), (guint64) G_MAXUINT32 - 1);
  dl_tuples_add (t, a, 1, 0); /* reaches 2³² − 1 */
  CU_ASSERT_EQUAL (dl_tuples_count (t, 0), (guint64) G_MAXUINT32);
  dl_tuples_add (t, a, 7, 0);
  CU_ASSERT_EQUAL (dl_tuples_count (t, 0), (guint64) G_MAXUINT32 + 7);
  dl_tuples_add (t, b, G_GUINT64_CONSTANT (1) << 40, 0);
  dl_tuples_add (t, c, 5, 0);
  dl_tuples_add (t, b, 3, 0);
  CU_ASSERT_EQUAL (dl_tuples_count (t, 1), (G_GUINT64_CONSTANT (1) << 40) + 3);
  CU_ASSERT_EQUAL (dl_tuples_count (t, 2), 5);
  CU_ASSERT_EQUAL (dl_tuples_count (t, 0), (guint64) G_MAXUINT32 + 7);
  CU_ASSERT_EQUAL (dl_tuples_size (t), 3);
}

/* A merge maps ids, adds counts and counts each file once. */
static void
test_tuples_merge (void)
{
  g_autoptr (DlTuples) into = dl_tuples_new (2, DL_TUPLES_RANGES);
  guint32 ab[2] = { 10, 11 }, ba[2] = { 11, 10 };
  dl_tuples_add (into, ab, 2, 0);
  /* 20 tuples of one file: (i, i + 1) and, for i = 0, (1, 0); its ids 0 and
   * 1 are @into's 10 and 11. */
  g_autoptr (DlTuples) from = dl_tuples_new (2, DL_TUPLES_COUNTS);
  for (guint32 i = 0; i < 20; i++)
    dl_tuples_add (from, (guint32[]){ i, i + 1 }, i + 1, 0);
  dl_tuples_add (from, (guint32[]){ 1, 0 }, 5, 0);
  guint32 map[21];
  for (guint32 i = 0; i < 21; i++)
    map[i] = i < 2 ? 10 + i : 100 + i;
  dl_tuples_merge (into, from, map, 1);
  dl_tuples_merge (into, from, map, 2);
  CU_ASSERT_EQUAL_FATAL (dl_tuples_size (into), 21);
  CU_ASSERT_EQUAL (dl_tuples_count (into, 0), 2 + 1 + 1); /* (10, 11) */
  CU_ASSERT_EQUAL (dl_tuples_range (into, 0), 3);
  guint32 found = 0;
  for (guint32 i = 0; i < dl_tuples_size (into); i++)
    {
      const guint32 *ids = dl_tuples_ids (into, i);
      if (memcmp (ids, ba, sizeof ba) == 0)
        {
          found++;
          CU_ASSERT_EQUAL (dl_tuples_count (into, i), 10);
        }
      else if (ids[0] == 119)
        {
          found++;
          CU_ASSERT_TRUE (ids[1] == 120 && dl_tuples_count (into, i) == 40
                          && dl_tuples_range (into, i) == 2);
        }
    }
  CU_ASSERT_EQUAL (found, 2);
}

static void
test_tuples_unite_files (void)
{
  g_autoptr (DlTuples) t = dl_tuples_new (2, DL_TUPLES_FILES);
  guint32 ids[2] = { 1, 2 };
  const guint32 a[] = { 0, 4, 9 }, b[] = { 2, 4, 11 };
  dl_tuples_add_files (t, ids, 3, a, 3);
  dl_tuples_add_files (t, ids, 5, b, 3);
  dl_tuples_add (t, ids, 1, 12);
  CU_ASSERT_EQUAL (dl_tuples_count (t, 0), 9);
  CU_ASSERT_EQUAL (dl_tuples_range (t, 0), 6);
  guint n;
  const guint32 *files = dl_tuples_files (t, 0, &n);
  CU_ASSERT_EQUAL_FATAL (n, 6);
  const guint32 want[] = { 0, 2, 4, 9, 11, 12 };
  CU_ASSERT_EQUAL (memcmp (files, want, sizeof want), 0);
}

void
test_ngrams_suite (void)
{
  CU_pSuite s = CU_add_suite ("ngrams", NULL, NULL);
  CU_add_test (s, "n-grams stop at sentence ends", test_ngrams_stop_at_sentence_ends);
  CU_add_test (s, "n-grams run across line breaks", test_ngrams_run_across_line_breaks);
  CU_add_test (s, "sizes and ranges", test_ngrams_sizes_and_ranges);
  CU_add_test (s, "n-grams containing a query", test_ngrams_containing_a_query);
  CU_add_test (s, "n-grams of stems", test_ngrams_of_stems);
  CU_add_test (s, "sentence boundaries", test_sentence_boundaries);
  CU_add_test (s, "tuples grow and count", test_tuples_grow_and_count);
  CU_add_test (s, "tuples unite files", test_tuples_unite_files);
  CU_add_test (s, "tuples big counts", test_tuples_big_counts);
  CU_add_test (s, "tuples added many at a time", test_tuples_add_many);
  CU_add_test (s, "tuples merge", test_tuples_merge);
  CU_add_test (s, "tuples absorbed", test_tuples_absorb);
  CU_add_test (s, "tuples merged, absorbed", test_tuples_absorb_merged);
}
