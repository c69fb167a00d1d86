/* test-counter.c — the lexicon, the counter (per language, per file, merged
 * in order), proper-noun evidence, shown apostrophes, and frequency lists:
 * ranks, ties, Turkish alphabetical and a tergo order, thresholds, stems. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "collate.h"
#include "counter.h"
#include "error.h"
#include "freqlist.h"
#include "lexicon.h"
#include "prefetch.h"
#include "stream.h"
#include "tests.h"

static void
test_lexicon_interns_once (void)
{
  g_autoptr (DlLexicon) lex = dl_lexicon_new ();
  gboolean added;
  CU_ASSERT_EQUAL (dl_lexicon_intern (lex, "ve", 2, &added), 0);
  CU_ASSERT_TRUE (added);
  CU_ASSERT_EQUAL (dl_lexicon_intern (lex, "bir", 3, &added), 1);
  /* Not NUL-terminated: only the length counts. */
  CU_ASSERT_EQUAL (dl_lexicon_intern (lex, "vex", 2, &added), 0);
  CU_ASSERT_FALSE (added);
  CU_ASSERT_EQUAL (dl_lexicon_intern (lex, "", 0, &added), 2);
  CU_ASSERT_TRUE (added);
  /* Enough strings to grow the table many times. */
  char buf[32];
  for (guint i = 0; i < 100000; i++)
    {
      g_snprintf (buf, sizeof buf, "w%u", i);
      dl_lexicon_intern (lex, buf, strlen (buf), NULL);
    }
  CU_ASSERT_EQUAL (dl_lexicon_size (lex), 100003);
  guint32 id;
  CU_ASSERT_TRUE (dl_lexicon_lookup (lex, "w99999", 6, &id));
  CU_ASSERT_EQUAL (id, 100002);
  CU_ASSERT_STRING_EQUAL (dl_lexicon_string (lex, id), "w99999");
  CU_ASSERT_EQUAL (dl_lexicon_length (lex, 1), 3);
  CU_ASSERT_TRUE (dl_lexicon_lookup (lex, "bir", 3, &id));
  CU_ASSERT_EQUAL (id, 1);
  CU_ASSERT_FALSE (dl_lexicon_lookup (lex, "w100000", 7, NULL));
}

/* Room made ahead: nothing already added moves or changes, the strings
 * added after get the next ids, and an array filled to what was reserved
 * stays where it was. */
static void
test_lexicon_reserve (void)
{
  g_autoptr (DlLexicon) lex = dl_lexicon_new ();
  dl_lexicon_reserve (lex, 0);
  CU_ASSERT_EQUAL (dl_lexicon_intern (lex, "ve", 2, NULL), 0);
  dl_lexicon_reserve (lex, 300000);
  CU_ASSERT_EQUAL (dl_lexicon_size (lex), 1);
  char buf[32];
  guint wrong = 0;
  for (guint i = 0; i < 300000; i++)
    {
      g_snprintf (buf, sizeof buf, "w%u", i);
      wrong += dl_lexicon_intern (lex, buf, strlen (buf), NULL) != i + 1;
    }
  CU_ASSERT_EQUAL (wrong, 0);
  CU_ASSERT_STRING_EQUAL (dl_lexicon_string (lex, 0), "ve");
  CU_ASSERT_STRING_EQUAL (dl_lexicon_string (lex, 300000), "w299999");

  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 v = 7;
  g_array_append_val (a, v);
  dl_array_reserve (a, 1000000, sizeof (guint64));
  CU_ASSERT_EQUAL (a->len, 1);
  const gchar *data = a->data;
  for (v = 0; v < 1000000; v++)
    g_array_append_val (a, v);
  CU_ASSERT_PTR_EQUAL (a->data, data);
  CU_ASSERT_EQUAL (g_array_index (a, guint64, 0), 7);
  CU_ASSERT_EQUAL (g_array_index (a, guint64, 1000000), 999999);
  /* More than an array can hold: nothing. */
  dl_array_reserve (a, G_MAXUINT, sizeof (guint64));
  CU_ASSERT_EQUAL (a->len, 1000001);
}

/* Keys looked up at once get the ids one at a time gives: new strings
 * repeated inside the batch, and a table that grows while it is interned
 * (the prefetched slots then stale). */
static DlCounter *count_texts (const char *const *texts, gsize n, DlLang lang,
                               const DlCounterOptions *o);
static guint32 id_of (const DlCounter *c, DlLang lang, const char *term);

static void
test_lexicon_prefetched_keys (void)
{
  g_autoptr (DlLexicon) one = dl_lexicon_new ();
  g_autoptr (DlLexicon) many = dl_lexicon_new ();
  enum { N = 3000 };
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N; i++)
    g_ptr_array_add (words, g_strdup_printf ("k%u", (i * 7919u) % (N / 3)));
  DlLexiconKey keys[N];
  for (guint i = 0; i < N; i++)
    keys[i] = (DlLexiconKey){ words->pdata[i], strlen (words->pdata[i]), 0 };
  /* Batches of 1, 2, ... keys: the table grows inside some of them. */
  guint from = 0;
  for (guint k = 1; from < N; k++)
    {
      guint n = MIN (k, N - from);
      dl_lexicon_prefetch (many, keys + from, n);
      for (guint i = from; i < from + n; i++)
        {
          gboolean added_one, added_many;
          guint32 a = dl_lexicon_intern (one, keys[i].text, keys[i].len, &added_one);
          guint32 b = dl_lexicon_intern_key (many, &keys[i], &added_many);
          CU_ASSERT_EQUAL (a, b);
          CU_ASSERT_EQUAL (added_one, added_many);
        }
      from += n;
    }
  CU_ASSERT_EQUAL (dl_lexicon_size (many), N / 3);
  CU_ASSERT_STRING_EQUAL (dl_lexicon_string (many, 0), "k0");
  CU_ASSERT_STRING_EQUAL (dl_lexicon_string (many, 1), "k919");
}

/* A line of more tokens than the counter looks up at once (32), the same
 * word at both ends of a batch, and more terms than a merge looks up at
 * once: each form counted, terms numbered in order of first sight. */
static void
test_counter_long_line (void)
{
  DlCounterOptions o;
  dl_counter_options_init (&o);
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < 100; i++)
    if (i % 3 == 2)
      g_string_append_printf (text, "söz%u ", i / 3);
    else
      g_string_append (text, i % 3 == 0 ? "ve " : "Bir ");
  g_string_append (text, "son");
  const char *texts[] = { text->str, "söz32 ve" };
  g_autoptr (DlCounter) c = count_texts (texts, 2, DL_LANG_TR, &o);
  CU_ASSERT_EQUAL (dl_counter_tokens (c, DL_LANG_TR), 103);
  CU_ASSERT_EQUAL (dl_lexicon_size (dl_counter_terms (c, DL_LANG_TR)), 36);
  CU_ASSERT_EQUAL (dl_counter_freq (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "ve")), 35);
  CU_ASSERT_EQUAL (dl_counter_freq (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "bir")), 33);
  CU_ASSERT_EQUAL (dl_counter_freq (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "söz0")), 1);
  CU_ASSERT_EQUAL (dl_counter_freq (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "söz32")), 2);
  CU_ASSERT_EQUAL (dl_counter_range (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "söz32")), 2);
  CU_ASSERT_EQUAL (dl_counter_range (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "söz31")), 1);
  for (guint i = 0; i < 32; i++)
    {
      g_autofree char *w = g_strdup_printf ("söz%u", i);
      CU_ASSERT_EQUAL (dl_counter_freq (c, DL_LANG_TR, id_of (c, DL_LANG_TR, w)), 1);
    }
  CU_ASSERT_EQUAL (dl_counter_freq (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "son")), 1);
  CU_ASSERT_EQUAL (id_of (c, DL_LANG_TR, "ve"), 0);
  CU_ASSERT_EQUAL (id_of (c, DL_LANG_TR, "söz0"), 2);
  CU_ASSERT_EQUAL (id_of (c, DL_LANG_TR, "söz32"), 34);
  CU_ASSERT_EQUAL (id_of (c, DL_LANG_TR, "son"), 35);
}

/* Counts @texts as files (one counter each, merged in order) in @lang. */
static DlCounter *
count_texts (const char *const *texts, gsize n, DlLang lang, const DlCounterOptions *o)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-test-XXXXXX", NULL);
  DlCounter *total = dl_counter_new (o);
  g_autoptr (DlDiag) diag = dl_diag_new_buffer ();
  DlDocumentOptions doc = { NULL, TRUE, lang, NULL, NULL, NULL, NULL };
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%zu.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      CU_ASSERT_FATAL (g_file_set_contents (path, texts[i], -1, NULL));
      DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
      g_autoptr (DlCounter) c = dl_counter_new (o);
      g_autoptr (GError) error = NULL;
      CU_ASSERT_TRUE (dl_counter_count_input (c, &input, &doc, diag, &error));
      dl_counter_merge (total, c, (guint32) i);
      g_unlink (path);
    }
  g_rmdir (dir);
  return total;
}

static guint32
id_of (const DlCounter *c, DlLang lang, const char *term)
{
  guint32 id = G_MAXUINT32;
  CU_ASSERT_TRUE (dl_lexicon_lookup (dl_counter_terms (c, lang), term, strlen (term), &id));
  return id;
}

static void
test_counter_counts_and_ranges (void)
{
  const char *texts[] = { "Ve bir ve İKİ. 2023 yılında ve", "bir üç\nÜÇ ve www.a.org" };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  o.track_files = TRUE;
  g_autoptr (DlCounter) c = count_texts (texts, 2, DL_LANG_TR, &o);
  CU_ASSERT_EQUAL (dl_counter_tokens (c, DL_LANG_TR), 10); /* no number, no URL */
  CU_ASSERT_EQUAL (dl_counter_tokens (c, DL_LANG_EN), 0);
  CU_ASSERT_EQUAL (dl_lexicon_size (dl_counter_terms (c, DL_LANG_TR)), 5);
  guint32 ve = id_of (c, DL_LANG_TR, "ve");
  CU_ASSERT_EQUAL (dl_counter_freq (c, DL_LANG_TR, ve), 4);
  CU_ASSERT_EQUAL (dl_counter_range (c, DL_LANG_TR, ve), 2);
  guint32 iki = id_of (c, DL_LANG_TR, "iki");
  CU_ASSERT_EQUAL (dl_counter_freq (c, DL_LANG_TR, iki), 1);
  CU_ASSERT_EQUAL (dl_counter_range (c, DL_LANG_TR, iki), 1);
  guint n;
  const guint32 *files = dl_counter_files (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "üç"), &n);
  CU_ASSERT_EQUAL_FATAL (n, 1);
  CU_ASSERT_EQUAL (files[0], 1);
  files = dl_counter_files (c, DL_LANG_TR, ve, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (files[0], 0);
  CU_ASSERT_EQUAL (files[1], 1);

  /* Numbers and URLs when asked; case kept when asked. */
  o.kinds[DL_TOKEN_NUMBER] = o.kinds[DL_TOKEN_URL] = TRUE;
  o.casing = DL_CASE_KEEP;
  g_autoptr (DlCounter) k = count_texts (texts, 2, DL_LANG_TR, &o);
  CU_ASSERT_EQUAL (dl_counter_tokens (k, DL_LANG_TR), 12);
  CU_ASSERT_EQUAL (dl_counter_freq (k, DL_LANG_TR, id_of (k, DL_LANG_TR, "2023")), 1);
  CU_ASSERT_EQUAL (dl_counter_freq (k, DL_LANG_TR, id_of (k, DL_LANG_TR, "www.a.org")), 1);
  CU_ASSERT_EQUAL (dl_counter_freq (k, DL_LANG_TR, id_of (k, DL_LANG_TR, "ve")), 3);
  CU_ASSERT_EQUAL (dl_counter_freq (k, DL_LANG_TR, id_of (k, DL_LANG_TR, "Ve")), 1);
  CU_ASSERT_EQUAL (dl_counter_freq (k, DL_LANG_TR, id_of (k, DL_LANG_TR, "ÜÇ")), 1);
}

/* Counts @paths (NULL-terminated, in the source tree), each into a fresh counter merged in order:
 * through one stream for them all with @one_stream, else one stream each. */
static DlCounter *
count_paths (const char *const *paths, const DlCounterOptions *o, gboolean one_stream)
{
  DlCounter *total = dl_counter_new (o);
  g_autoptr (DlDiag) diag = dl_diag_new_buffer ();
  DlDocumentOptions doc = { NULL, FALSE, DL_LANG_TR, NULL, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStream) stream = dl_counter_stream_new (o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (stream);
  for (guint32 i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (TEST_SRCDIR, paths[i], NULL);
      DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
      g_autoptr (DlCounter) c = dl_counter_new (o);
      g_clear_error (&error);
      gboolean ok = one_stream ? dl_counter_count_stream (c, stream, &input, &doc, diag, &error)
                               : dl_counter_count_input (c, &input, &doc, diag, &error);
      /* Only the missing file fails. */
      DL_ASSERT_INT_EQ_FOR (paths[i], ok, strstr (paths[i], "missing") == NULL);
      dl_counter_merge (total, c, i);
    }
  return total;
}

static void
test_counter_one_stream_for_many_inputs (void)
{
  /* A thread's stream is kept from input to input, also after one that
   * cannot be read: the counts are those of a fresh stream per input. */
  const char *const paths[] = { "tests/data/freq/a.txt", "tests/data/freq/missing.txt",
                                "tests/data/freq/b.txt", "tests/data/freq/a.txt", NULL };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  g_autoptr (DlCounter) each = count_paths (paths, &o, FALSE);
  g_autoptr (DlCounter) one = count_paths (paths, &o, TRUE);
  for (DlLang l = 0; l < DL_LANG_COUNT; l++)
    {
      DL_ASSERT_INT_EQ (dl_counter_tokens (one, l), dl_counter_tokens (each, l));
      const DlLexicon *terms = dl_counter_terms (each, l);
      DL_ASSERT_INT_EQ (dl_lexicon_size (dl_counter_terms (one, l)), dl_lexicon_size (terms));
      for (guint32 id = 0; id < dl_lexicon_size (terms); id++)
        {
          const char *term = dl_lexicon_string (terms, id);
          guint32 other = id_of (one, l, term);
          DL_ASSERT_INT_EQ_FOR (term, dl_counter_freq (one, l, other),
                                dl_counter_freq (each, l, id));
          DL_ASSERT_INT_EQ_FOR (term, dl_counter_range (one, l, other),
                                dl_counter_range (each, l, id));
        }
    }
  /* Something was counted: a.txt holds 59 Turkish types (test-cli-freq). */
  CU_ASSERT_TRUE (dl_lexicon_size (dl_counter_terms (one, DL_LANG_TR)) >= 59);
}

static void
test_counter_proper_nouns (void)
{
  const char *texts[] = {
    "Bu yıl Azerbaycan ve Ermenistan görüştü. Barış yakın. Ermenistan’ın tutumu değişti.\n"
    "Güvenlik her şeyden önce gelir. Konu güvenlik ve barış.\n"
    "Raporda Güvenlik Konseyi Azerbaycan ile görüştü.\n",
  };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  g_autoptr (DlCounter) c = count_texts (texts, 1, DL_LANG_TR, &o);
  /* Capitalized mid-sentence, never lower case. */
  CU_ASSERT_TRUE (dl_counter_is_proper (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "azerbaycan")));
  /* Seen before an apostrophe suffix (and capitalized mid-sentence). */
  CU_ASSERT_TRUE (dl_counter_is_proper (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "ermenistan")));
  /* Capitalized only at sentence starts, or as often in lower case. */
  CU_ASSERT_FALSE (dl_counter_is_proper (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "barış")));
  CU_ASSERT_FALSE (dl_counter_is_proper (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "güvenlik")));
  CU_ASSERT_FALSE (dl_counter_is_proper (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "bu")));
  /* The apostrophe form itself is not a base. */
  CU_ASSERT_FALSE (dl_counter_is_proper (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "tutumu")));
}

static void
test_counter_shows_most_used_apostrophe (void)
{
  /* ' first, ’ twice in the second file: ’ is shown. */
  const char *texts[] = { "Rusya'nın sınırı", "Rusya’nın ve Rusya’nın ve Rusyaʼnın" };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  g_autoptr (DlCounter) c = count_texts (texts, 1, DL_LANG_TR, &o);
  guint32 id = id_of (c, DL_LANG_TR, "rusya'nın");
  CU_ASSERT_STRING_EQUAL (dl_counter_display (c, DL_LANG_TR, id), "rusya'nın");
  g_autoptr (DlCounter) c2 = count_texts (texts, 2, DL_LANG_TR, &o);
  id = id_of (c2, DL_LANG_TR, "rusya'nın");
  CU_ASSERT_EQUAL (dl_counter_freq (c2, DL_LANG_TR, id), 4);
  CU_ASSERT_STRING_EQUAL (dl_counter_display (c2, DL_LANG_TR, id), "rusya’nın");
  CU_ASSERT_STRING_EQUAL (dl_counter_display (c2, DL_LANG_TR, id_of (c2, DL_LANG_TR, "ve")), "ve");
}

/* The list's items as "rank:item:freq:range" joined by spaces. */
static char *
list_text (const DlCounter *c, DlLang lang, DlUnit unit, const DlStoplist *sl,
           const DlFreqOptions *fo)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStemmer) st = dl_stemmer_new (&error);
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  DlUnitsOptions uo = { unit, st, NULL, sl, norm };
  g_autoptr (DlUnits) units = dl_units_new (c, lang, &uo);
  g_autoptr (DlFreqList) list = dl_freqlist_build (units, fo, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (list);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < dl_freqlist_size (list); i++)
    {
      const DlFreqItem *it = dl_freqlist_item (list, i);
      g_string_append_printf (s, "%s%u:%s:%" G_GUINT64_FORMAT ":%u", i > 0 ? " " : "", it->rank,
                              it->item, it->freq, it->range);
      if (it->unit != NULL && strcmp (it->unit, it->item) != 0)
        g_string_append_printf (s, "<%s>", it->unit);
      if (it->forms != NULL)
        g_string_append_printf (s, "[%s]", it->forms);
    }
  return g_string_free (s, FALSE);
}

static void
test_freqlist_orders (void)
{
  const char *texts[]
      = { "çam cam ılık ilk ilk zeytin okul öykü kalemler", "çam cam ılık ilk uzun ülke kitaplar" };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  g_autoptr (DlCounter) c = count_texts (texts, 2, DL_LANG_TR, &o);
  DlFreqOptions fo = { .sort = DL_FREQ_SORT_FREQ, .min_freq = 1, .min_range = 1, .forms = 5 };
  g_autofree char *byfreq = list_text (c, DL_LANG_TR, DL_UNIT_FORM, NULL, &fo);
  /* Ties in Turkish order: c < ç, ı < i, o < ö, u < ü. */
  CU_ASSERT_STRING_EQUAL (byfreq, "1:ilk:3:2 2:cam:2:2 3:çam:2:2 4:ılık:2:2 5:kalemler:1:1 "
                                  "6:kitaplar:1:1 7:okul:1:1 8:öykü:1:1 9:uzun:1:1 "
                                  "10:ülke:1:1 11:zeytin:1:1");
  fo.sort = DL_FREQ_SORT_ALPHA;
  g_autofree char *alpha = list_text (c, DL_LANG_TR, DL_UNIT_FORM, NULL, &fo);
  CU_ASSERT_STRING_EQUAL (alpha, "2:cam:2:2 3:çam:2:2 4:ılık:2:2 1:ilk:3:2 5:kalemler:1:1 "
                                 "6:kitaplar:1:1 7:okul:1:1 8:öykü:1:1 9:uzun:1:1 "
                                 "10:ülke:1:1 11:zeytin:1:1");
  /* A tergo: by the reversed word, in Turkish order: eklü kılı kli luko mac
   * maç nityez nuzu ralpatik relmelak üköy. */
  fo.sort = DL_FREQ_SORT_ATERGO;
  g_autofree char *atergo = list_text (c, DL_LANG_TR, DL_UNIT_FORM, NULL, &fo);
  CU_ASSERT_STRING_EQUAL (atergo, "10:ülke:1:1 4:ılık:2:2 1:ilk:3:2 7:okul:1:1 2:cam:2:2 "
                                  "3:çam:2:2 11:zeytin:1:1 9:uzun:1:1 6:kitaplar:1:1 "
                                  "5:kalemler:1:1 8:öykü:1:1");
  /* --top keeps the most frequent (ties by the alphabet), then sorts. */
  fo.top = 3;
  fo.sort = DL_FREQ_SORT_ALPHA;
  g_autofree char *top = list_text (c, DL_LANG_TR, DL_UNIT_FORM, NULL, &fo);
  CU_ASSERT_STRING_EQUAL (top, "2:cam:2:2 3:çam:2:2 1:ilk:3:2");
  fo.top = 0;
  fo.sort = DL_FREQ_SORT_FREQ;
  fo.min_freq = 2;
  g_autofree char *minf = list_text (c, DL_LANG_TR, DL_UNIT_FORM, NULL, &fo);
  CU_ASSERT_STRING_EQUAL (minf, "1:ilk:3:2 2:cam:2:2 3:çam:2:2 4:ılık:2:2");
  fo.min_freq = 1;
  fo.min_range = 2;
  g_autofree char *minr = list_text (c, DL_LANG_TR, DL_UNIT_FORM, NULL, &fo);
  CU_ASSERT_STRING_EQUAL (minr, minf);
}

/* A list of 64,000 words in three ties (one key-making thread has 20,000
 * at most): ranked, alphabetical and a tergo, on one thread and on three,
 * the same list, each neighbour in order by the collator itself; --top
 * cutting through a tie too. */
static void
test_freqlist_threads (void)
{
  static const char *const syllables[]
      = { "ca", "ça", "cı", "ci", "ga", "ğa", "gı", "gi", "ka", "kı", "ki", "ko", "kö", "ku",
          "kü", "la", "lı", "li", "ma", "mı", "mi", "sa", "şa", "sı", "şı", "si", "ta", "tı",
          "ti", "ya", "yı", "yi", "za", "zı", "zi", "ba", "bı", "bi", "da", "dı" };
  const guint ns = G_N_ELEMENTS (syllables);
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint w = 0; w < ns * ns * ns; w++)
    for (guint k = 0; k <= w % 3; k++)
      g_string_append_printf (text, "%s%s%s\n", syllables[w / (ns * ns)], syllables[w / ns % ns],
                              syllables[w % ns]);
  const char *texts[] = { text->str };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  g_autoptr (DlCounter) c = count_texts (texts, 1, DL_LANG_TR, &o);
  CU_ASSERT_EQUAL_FATAL (dl_lexicon_size (dl_counter_terms (c, DL_LANG_TR)), ns * ns * ns);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlCollator) col = dl_collator_new (DL_LANG_TR, &error);
  g_autoptr (GString) a = g_string_new (NULL), b = g_string_new (NULL);
  for (guint sort = DL_FREQ_SORT_FREQ; sort <= DL_FREQ_SORT_ATERGO; sort++)
    for (guint top = 0; top <= 30000; top += 30000)
      {
        char label[32];
        g_snprintf (label, sizeof label, "sort %u top %u", sort, top);
        DlFreqOptions fo
            = { .sort = sort, .min_freq = 1, .min_range = 1, .top = top, .threads = 1 };
        g_autofree char *one = list_text (c, DL_LANG_TR, DL_UNIT_FORM, NULL, &fo);
        fo.threads = 3;
        g_autofree char *three = list_text (c, DL_LANG_TR, DL_UNIT_FORM, NULL, &fo);
        DL_ASSERT_TRUE_FOR (label, strcmp (one, three) == 0);
        /* Each item "rank:item:freq:range" after its neighbour. */
        g_auto (GStrv) items = g_strsplit (one, " ", -1);
        DL_ASSERT_INT_EQ_FOR (label, g_strv_length (items), top > 0 ? top : ns * ns * ns);
        guint bad = 0;
        for (guint i = 1; items[i] != NULL; i++)
          {
            g_auto (GStrv) x = g_strsplit (items[i - 1], ":", -1);
            g_auto (GStrv) y = g_strsplit (items[i], ":", -1);
            guint64 fx = g_ascii_strtoull (x[2], NULL, 10), fy = g_ascii_strtoull (y[2], NULL, 10);
            if (sort == DL_FREQ_SORT_ATERGO)
              {
                dl_reverse_chars (x[1], strlen (x[1]), a);
                dl_reverse_chars (y[1], strlen (y[1]), b);
              }
            else
              {
                g_string_assign (a, x[1]);
                g_string_assign (b, y[1]);
              }
            int order = dl_collator_compare (col, a->str, a->len, b->str, b->len);
            if (sort == DL_FREQ_SORT_FREQ ? fx < fy || (fx == fy && order >= 0) : order >= 0)
              bad++;
          }
        DL_ASSERT_INT_EQ_FOR (label, bad, 0);
      }
}

/* Frequencies that differ beyond their lowest byte (1, 255, 256, 257, 513,
 * 65,792) rank by the whole number, ties (the two of 256) alphabetically. */
static void
test_freqlist_large_counts (void)
{
  static const struct {
    const char *word;
    guint n;
  } words[] = { { "bir", 1 },   { "iki", 255 },    { "üç", 256 }, { "dört", 257 },
                { "beş", 513 }, { "altı", 65792 }, { "acı", 256 } };
  g_autoptr (GString) text = g_string_new (NULL);
  for (gsize w = 0; w < G_N_ELEMENTS (words); w++)
    for (guint i = 0; i < words[w].n; i++)
      g_string_append_printf (text, "%s\n", words[w].word);
  const char *texts[] = { text->str };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  g_autoptr (DlCounter) c = count_texts (texts, 1, DL_LANG_TR, &o);
  DlFreqOptions fo = { .sort = DL_FREQ_SORT_FREQ, .min_freq = 1, .min_range = 1 };
  g_autofree char *byfreq = list_text (c, DL_LANG_TR, DL_UNIT_FORM, NULL, &fo);
  CU_ASSERT_STRING_EQUAL (byfreq, "1:altı:65792:1 2:beş:513:1 3:dört:257:1 4:acı:256:1 "
                                  "5:üç:256:1 6:iki:255:1 7:bir:1:1");
}

static void
test_freqlist_stems (void)
{
  const char *texts[] = {
    "Bugün Azerbaycan güçlü. Savaşın sonu geldi, AZERBAYCAN’A destek arttı.",
    "Azerbaycan’ın savaşta kazandığı toprak. Savaşlar bitti ve Azerbaycan’ın sesi duyuldu.",
  };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  o.track_files = TRUE;
  g_autoptr (DlCounter) c = count_texts (texts, 2, DL_LANG_TR, &o);
  DlFreqOptions fo = { .sort = DL_FREQ_SORT_FREQ, .min_freq = 2, .min_range = 1, .forms = 5 };
  g_autofree char *stems = list_text (c, DL_LANG_TR, DL_UNIT_STEM, NULL, &fo);
  /* item:freq:range<key>[forms]: a unit shows as its most frequent form
   * (the first of its forms); of forms equally frequent, the key itself,
   * then the shorter (savaşta, 7 characters, before savaşın and savaşlar),
   * then by bytes. */
  DL_ASSERT_STR_EQ (stems, "1:azerbaycan’ın:4:2<azerbaycan>[azerbaycan’ın (2), azerbaycan (1), "
                           "azerbaycan’a (1)] 2:savaşta:3:2<savaş>[savaşta (1), savaşın (1), "
                           "savaşlar (1)]");
  fo.forms = 1;
  g_autofree char *one = list_text (c, DL_LANG_TR, DL_UNIT_STEM, NULL, &fo);
  DL_ASSERT_STR_EQ (
      one, "1:azerbaycan’ın:4:2<azerbaycan>[azerbaycan’ın (2)] 2:savaşta:3:2<savaş>[savaşta (1)]");
  /* Without the corpus's evidence, Snowball's cut would stand (the
   * headword is still the word as written). */
  fo.forms = 5;
  fo.min_freq = 1;
  const char *bare[] = { "Azerbaycan." };
  g_autoptr (DlCounter) b = count_texts (bare, 1, DL_LANG_TR, &o);
  g_autofree char *cut = list_text (b, DL_LANG_TR, DL_UNIT_STEM, NULL, &fo);
  DL_ASSERT_STR_EQ (cut, "1:azerbaycan:1:1<azerbayca>[azerbaycan (1)]");
}

static void
test_freqlist_stoplist (void)
{
  const char *texts[] = { "Ve bir gün O geldi ve gitti ama O kaldı. AMA neden?" };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  g_autoptr (DlCounter) c = count_texts (texts, 1, DL_LANG_TR, &o);
  g_autofree char *dir = g_dir_make_tmp ("derlem-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "stop.txt", NULL);
  CU_ASSERT_FATAL (g_file_set_contents (path, "# stop\n\nVE\r\n o \nAMA\n", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  g_autoptr (DlStoplist) sl = dl_stoplist_load (path, norm, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sl);
  CU_ASSERT_EQUAL (dl_stoplist_size (sl, DL_LANG_TR), 3);
  DlFreqOptions fo = { .sort = DL_FREQ_SORT_FREQ, .min_freq = 1, .min_range = 1, .forms = 5 };
  g_autofree char *got = list_text (c, DL_LANG_TR, DL_UNIT_FORM, sl, &fo);
  CU_ASSERT_STRING_EQUAL (got, "1:bir:1:1 2:geldi:1:1 3:gitti:1:1 4:gün:1:1 5:kaldı:1:1 "
                               "6:neden:1:1");
  /* The bundled lists hold the function words of each language. */
  g_autoptr (DlStoplist) def = dl_stoplist_load ("default", norm, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (def);
  CU_ASSERT_TRUE (dl_stoplist_contains (def, DL_LANG_TR, "ve", 2));
  CU_ASSERT_TRUE (dl_stoplist_contains (def, DL_LANG_TR, "için", strlen ("için")));
  CU_ASSERT_FALSE (dl_stoplist_contains (def, DL_LANG_TR, "the", 3));
  CU_ASSERT_TRUE (dl_stoplist_contains (def, DL_LANG_EN, "the", 3));
  CU_ASSERT_TRUE (dl_stoplist_contains (def, DL_LANG_EN, "don't", 5));
  CU_ASSERT_FALSE (dl_stoplist_contains (def, DL_LANG_EN, "war", 3));
  /* A file that is not there, or not UTF-8, is a usage error. */
  g_autoptr (DlStoplist) missing = dl_stoplist_load ("/nonexistent/stop.txt", norm, &error);
  CU_ASSERT_PTR_NULL (missing);
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
  g_clear_error (&error);
  CU_ASSERT_FATAL (g_file_set_contents (path, "ve\nk\xFDz\n", -1, NULL));
  g_autoptr (DlStoplist) bad = dl_stoplist_load (path, norm, &error);
  CU_ASSERT_PTR_NULL (bad);
  CU_ASSERT_PTR_NOT_NULL (error != NULL ? strstr (error->message, "stop.txt:2:") : NULL);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_collator_orders_turkish (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlCollator) tr = dl_collator_new (DL_LANG_TR, &error);
  g_autoptr (DlCollator) en = dl_collator_new (DL_LANG_EN, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (tr);
#define CMP(col, a, b) dl_collator_compare ((col), (a), strlen (a), (b), strlen (b))
  CU_ASSERT_TRUE (CMP (tr, "cam", "çam") < 0);
  CU_ASSERT_TRUE (CMP (tr, "çam", "dam") < 0);
  CU_ASSERT_TRUE (CMP (tr, "ılık", "ilk") < 0);
  CU_ASSERT_TRUE (CMP (tr, "zeytin", "çam") > 0);
  CU_ASSERT_TRUE (CMP (tr, "ve", "ve") == 0);
  /* English puts ı with i. */
  CU_ASSERT_TRUE (CMP (en, "ilk", "ılık") < 0);
#undef CMP
  g_autoptr (GString) r = g_string_new (NULL);
  dl_reverse_chars ("kalemler", 8, r);
  CU_ASSERT_STRING_EQUAL (r->str, "relmelak");
  dl_reverse_chars ("çağ", strlen ("çağ"), r);
  CU_ASSERT_STRING_EQUAL (r->str, "ğaç");
}

static void
test_counter_file_counts (void)
{
  /* Ve and ve fold into one term of file 0 (its count 3); file 1 has no
   * Turkish token and is not among the files with tokens. */
  const char *texts[] = { "Ve bir ve ve", "", "bir üç\nÜÇ ve" };
  DlCounterOptions o;
  dl_counter_options_init (&o);
  o.track_counts = TRUE;
  g_autoptr (DlCounter) c = count_texts (texts, 3, DL_LANG_TR, &o);
  guint n;
  const guint64 *tokens;
  const guint32 *files = dl_counter_token_files (c, DL_LANG_TR, &tokens, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (files[0], 0);
  CU_ASSERT_EQUAL (files[1], 2);
  CU_ASSERT_EQUAL (tokens[0], 4);
  CU_ASSERT_EQUAL (tokens[1], 4);
  guint32 ve = id_of (c, DL_LANG_TR, "ve");
  const guint64 *counts = dl_counter_file_counts (c, DL_LANG_TR, ve, &n);
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (counts[0], 3);
  CU_ASSERT_EQUAL (counts[1], 1);
  counts = dl_counter_file_counts (c, DL_LANG_TR, id_of (c, DL_LANG_TR, "üç"), &n);
  CU_ASSERT_EQUAL_FATAL (n, 1);
  CU_ASSERT_EQUAL (counts[0], 2);
  CU_ASSERT_EQUAL (dl_counter_files (c, DL_LANG_TR, ve, &n)[1], 2);
  /* Not asked: none. */
  o.track_counts = FALSE;
  g_autoptr (DlCounter) plain = count_texts (texts, 3, DL_LANG_TR, &o);
  CU_ASSERT_PTR_NULL (dl_counter_file_counts (plain, DL_LANG_TR, 0, &n));
  CU_ASSERT_PTR_NULL (dl_counter_token_files (plain, DL_LANG_TR, &tokens, &n));
}

static void
test_freq_bands (void)
{
  static const struct {
    guint64 rank;
    guint size;
    guint64 band;
    const char *label;
  } cases[] = {
    { 1, 1000, 1, "1k" },        { 1000, 1000, 1, "1k" }, { 1001, 1000, 2, "2k" },
    { 2500, 1000, 3, "3k" },     { 1, 500, 1, "500" },    { 501, 500, 2, "1k" },
    { 1001, 500, 3, "1.5k" },    { 7, 3, 3, "9" },        { 1, 1, 1, "1" },
    { 12345, 250, 50, "12.5k" }, { 999, 1000, 1, "1k" },  { 1234, 1234, 1, "1234" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[24], label[48];
      g_snprintf (label, sizeof label, "rank %" G_GUINT64_FORMAT " size %u", cases[i].rank,
                  cases[i].size);
      guint64 band = dl_freq_band (cases[i].rank, cases[i].size);
      DL_ASSERT_INT_EQ_FOR (label, band, cases[i].band);
      DL_ASSERT_STR_EQ_FOR (label, dl_freq_band_label (band, cases[i].size, buf), cases[i].label);
    }
}

/* The size of the lexicons load_without_texts makes up. */
#define NUMBERS 100000

/* Loads @saved (counts saved from @from without texts, its forms in
 * @order) into @back with @from's terms given apart, each once: TRUE if
 * loaded. With @off_by_one, one term's length is wrong (or its number,
 * with @numbers): never loaded. With @numbers (per language, text →
 * number + 1, filled as texts come), the terms are numbered in
 * @lexicon, as an index's are. */
static gboolean
load_without_texts (DlCounter *back, const DlCounter *from, GArray *const *order,
                    const GByteArray *saved, gboolean off_by_one, GHashTable *const *numbers,
                    guint64 lexicon)
{
  DlIndexTerms terms;
  dl_index_terms_init (&terms);
  terms.given = TRUE;
  terms.lexicon = numbers != NULL ? lexicon : 0;
  gboolean changed = FALSE;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_autoptr (GHashTable) at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint32 i = 0; i < order[l]->len; i++)
        {
          guint32 f = g_array_index (order[l], guint32, i);
          gsize len;
          const char *term = dl_counter_input_term (from, l, f, &len);
          char *key = g_strndup (term, len);
          gpointer where;
          if (!g_hash_table_lookup_extended (at, key, NULL, &where))
            {
              where = GUINT_TO_POINTER (terms.words[l]->len);
              g_string_append_len (terms.words[l], term, (gssize) len);
              g_hash_table_insert (at, key, where);
            }
          else
            g_free (key);
          DlIndexSpan span = { GPOINTER_TO_UINT (where), (guint32) len };
          guint32 number = 0;
          if (numbers != NULL)
            {
              /* Numbered as they first come, in a lexicon of NUMBERS. */
              g_autofree char *text = g_strndup (term, len);
              number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers[l], text));
              if (number == 0)
                {
                  number = g_hash_table_size (numbers[l]) + 1;
                  g_hash_table_insert (numbers[l], g_steal_pointer (&text),
                                       GUINT_TO_POINTER (number));
                }
              number--;
              g_assert (number < NUMBERS);
            }
          if (off_by_one && !changed && i == 7)
            {
              /* The words are the same, one length (or number) is not. */
              if (numbers != NULL)
                number = NUMBERS;
              else
                span.len++;
              changed = TRUE;
            }
          g_array_append_val (terms.forms[l], span);
          g_array_append_val (terms.ids[l], number);
        }
      terms.lexicon_size[l] = NUMBERS;
    }
  CU_ASSERT_TRUE (changed || !off_by_one);
  gboolean ok = dl_counter_load_input_terms (back, saved->data, saved->len, &terms);
  dl_index_terms_clear (&terms);
  return ok;
}

/* A counted input saved and loaded back (how an index keeps counts),
 * with its terms' texts or given them apart (and numbered in a lexicon,
 * or not), merges into the same totals as the counter itself: counts,
 * ranges, files, the apostrophe shown, proper nouns; every cut, and a
 * wrong length or number, is refused. */
static void
test_counter_saved_input_loads_back (void)
{
  static const char *const paths[]
      = { "corpus/article-tr-azerbaycan-denge-politikasi.txt",
          "corpus/commentary-en-karabakh-liberation.txt", "corpus/commentary-tr-karabag-2023.txt",
          "corpus/article-tr-azerbaycan-denge-politikasi.txt" };
  for (guint variant = 0; variant < 6; variant++)
    {
      /* 2 and 3: 0 and 1 saved without texts; 4 and 5: numbered too, the
       * last two inputs in a second lexicon (a segment of their own). */
      gboolean texts = variant < 2, numbered = variant >= 4;
      GHashTable *numbering[2][DL_LANG_COUNT];
      for (guint k = 0; k < 2; k++)
        for (int l = 0; l < DL_LANG_COUNT; l++)
          numbering[k][l] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      DlCounterOptions o;
      dl_counter_options_init (&o);
      o.track_counts = TRUE;
      o.kinds[DL_TOKEN_NUMBER] = variant % 2 == 1;
      o.casing = variant % 2 == 1 ? DL_CASE_KEEP : DL_CASE_FOLD;
      g_autoptr (DlCounter) live = dl_counter_new (&o), loaded = dl_counter_new (&o);
      g_autoptr (DlDiag) diag = dl_diag_new_buffer ();
      DlDocumentOptions doc = { NULL, FALSE, DL_LANG_TR, NULL, NULL, NULL, NULL };
      for (guint32 i = 0; i < G_N_ELEMENTS (paths); i++)
        {
          g_autofree char *path = g_build_filename (TEST_SRCDIR, paths[i], NULL);
          DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
          g_autoptr (DlCounter) c = dl_counter_new (&o), back = dl_counter_new (&o);
          g_autoptr (GError) error = NULL;
          CU_ASSERT_TRUE (dl_counter_count_input (c, &input, &doc, diag, &error));
          /* Without texts, the forms last to first. */
          GArray *order[DL_LANG_COUNT];
          for (int l = 0; l < DL_LANG_COUNT; l++)
            {
              guint32 n = dl_counter_input_forms (c, l);
              order[l] = g_array_new (FALSE, FALSE, sizeof (guint32));
              for (guint32 f = n; f > 0; f--)
                {
                  guint32 form = f - 1;
                  g_array_append_val (order[l], form);
                }
            }
          g_autoptr (GByteArray) saved = g_byte_array_new ();
          dl_counter_save_input (c, texts ? NULL : (const GArray *const *) order, saved);
          CU_ASSERT_TRUE (saved->len > 1000);
          if (!texts)
            {
              GHashTable *const *numbers = numbered ? numbering[i >= 2] : NULL;
              g_autoptr (DlCounter) wrong = dl_counter_new (&o);
              CU_ASSERT_FALSE (
                  load_without_texts (wrong, c, order, saved, TRUE, numbers, 40 + (i >= 2)));
              /* Nor do the counts read as counts with texts. */
              CU_ASSERT_FALSE (dl_counter_load_input (wrong, saved->data, saved->len));
              CU_ASSERT_TRUE (
                  load_without_texts (back, c, order, saved, FALSE, numbers, 40 + (i >= 2)));
            }
          else
            CU_ASSERT_TRUE (dl_counter_load_input (back, saved->data, saved->len));
          dl_counter_merge (live, c, i);
          dl_counter_merge (loaded, back, i);
          for (int l = 0; l < DL_LANG_COUNT; l++)
            g_array_unref (order[l]);
          if (i == 2 && texts)
            for (guint cut = 0; cut < saved->len; cut += 1 + cut / 50)
              {
                g_autoptr (DlCounter) part = dl_counter_new (&o);
                CU_ASSERT_FALSE (dl_counter_load_input (part, saved->data, cut));
                /* Refused, it is as fresh: it loads the whole after. */
                CU_ASSERT_TRUE (dl_counter_load_input (part, saved->data, saved->len));
              }
        }
      for (int l = 0; l < DL_LANG_COUNT; l++)
        {
          CU_ASSERT_EQUAL (dl_counter_tokens (loaded, l), dl_counter_tokens (live, l));
          const DlLexicon *terms = dl_counter_terms (live, l);
          CU_ASSERT_EQUAL (dl_lexicon_size (dl_counter_terms (loaded, l)), dl_lexicon_size (terms));
          guint propers = 0;
          for (guint32 id = 0; id < dl_lexicon_size (terms); id++)
            {
              const char *t = dl_lexicon_string (terms, id);
              guint32 other = G_MAXUINT32;
              CU_ASSERT_TRUE (
                  dl_lexicon_lookup (dl_counter_terms (loaded, l), t, strlen (t), &other));
              /* In the order saved: the same ids when it is the forms'. */
              if (texts)
                CU_ASSERT_EQUAL (other, id);
              CU_ASSERT_EQUAL_FATAL (other < dl_lexicon_size (terms), TRUE);
              CU_ASSERT_EQUAL (dl_counter_freq (loaded, l, other), dl_counter_freq (live, l, id));
              CU_ASSERT_EQUAL (dl_counter_range (loaded, l, other), dl_counter_range (live, l, id));
              DL_ASSERT_STR_EQ_FOR (t, dl_counter_display (loaded, l, other),
                                    dl_counter_display (live, l, id));
              CU_ASSERT_EQUAL (dl_counter_is_proper (loaded, l, other),
                               dl_counter_is_proper (live, l, id));
              propers += dl_counter_is_proper (live, l, id);
              guint n1 = 0, n2 = 0;
              const guint64 *c1 = dl_counter_file_counts (live, l, id, &n1);
              const guint64 *c2 = dl_counter_file_counts (loaded, l, other, &n2);
              CU_ASSERT (n1 == n2 && memcmp (c1, c2, n1 * sizeof *c1) == 0);
            }
          if (l == DL_LANG_TR && variant % 2 == 0)
            CU_ASSERT_TRUE (propers > 10);
          CU_ASSERT_EQUAL (dl_counter_is_proper_text (loaded, l, "azerbaycan", 10),
                           dl_counter_is_proper_text (live, l, "azerbaycan", 10));
        }
      for (guint k = 0; k < 2; k++)
        for (int l = 0; l < DL_LANG_COUNT; l++)
          {
            /* Numbered, both lexicons had terms. */
            CU_ASSERT_TRUE (!numbered || l == DL_LANG_OTHER
                            || g_hash_table_size (numbering[k][l]) > 100);
            g_hash_table_unref (numbering[k][l]);
          }
    }
  /* What is no saved counts at all. */
  g_autoptr (DlCounter) c = dl_counter_new (&(DlCounterOptions){ DL_CASE_FOLD });
  CU_ASSERT_FALSE (dl_counter_load_input (c, (const guint8 *) "\0\1\1\0\0x\0\0\0\0\0\0", 12));
}

/* @a and @b hold the same merged counts: tokens, terms in the same
 * order, their counts, ranges, files and counts in each, display forms,
 * proper nouns, the files with tokens. */
static void
assert_same_counts (const DlCounter *a, const DlCounter *b)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      CU_ASSERT_EQUAL (dl_counter_tokens (a, l), dl_counter_tokens (b, l));
      const DlLexicon *ta = dl_counter_terms (a, l), *tb = dl_counter_terms (b, l);
      CU_ASSERT_EQUAL_FATAL (dl_lexicon_size (ta), dl_lexicon_size (tb));
      for (guint32 id = 0; id < dl_lexicon_size (ta); id++)
        {
          const char *t = dl_lexicon_string (ta, id);
          DL_ASSERT_STR_EQ (dl_lexicon_string (tb, id), t);
          DL_ASSERT_INT_EQ_FOR (t, dl_counter_freq (a, l, id), dl_counter_freq (b, l, id));
          DL_ASSERT_INT_EQ_FOR (t, dl_counter_range (a, l, id), dl_counter_range (b, l, id));
          DL_ASSERT_STR_EQ_FOR (t, dl_counter_display (a, l, id), dl_counter_display (b, l, id));
          DL_ASSERT_INT_EQ_FOR (t, dl_counter_is_proper (a, l, id),
                                dl_counter_is_proper (b, l, id));
          guint n1 = 0, n2 = 0;
          const guint32 *f1 = dl_counter_files (a, l, id, &n1),
                        *f2 = dl_counter_files (b, l, id, &n2);
          CU_ASSERT (n1 == n2 && (n1 == 0 || memcmp (f1, f2, n1 * sizeof *f1) == 0));
          const guint64 *c1 = dl_counter_file_counts (a, l, id, &n1);
          const guint64 *c2 = dl_counter_file_counts (b, l, id, &n2);
          CU_ASSERT (n1 == n2 && (n1 == 0 || memcmp (c1, c2, n1 * sizeof *c1) == 0));
        }
      const guint64 *k1, *k2;
      guint n1, n2;
      const guint32 *f1 = dl_counter_token_files (a, l, &k1, &n1);
      const guint32 *f2 = dl_counter_token_files (b, l, &k2, &n2);
      CU_ASSERT (
          n1 == n2
          && (n1 == 0
              || (memcmp (f1, f2, n1 * sizeof *f1) == 0 && memcmp (k1, k2, n1 * sizeof *k1) == 0)));
      CU_ASSERT_EQUAL (dl_counter_is_proper_text (a, l, "azerbaycan", 10),
                       dl_counter_is_proper_text (b, l, "azerbaycan", 10));
    }
}

/* Merges @c[@from .. @to - 1] into a fresh counter as its files 0, 1, ... */
static DlCounter *
merge_range (DlCounter *const *c, guint from, guint to, const DlCounterOptions *o)
{
  DlCounter *m = dl_counter_new (o);
  for (guint i = from; i < to; i++)
    dl_counter_merge (m, c[i], i - from);
  return m;
}

/* Merged counts merged again (dl_counter_absorb), saved and loaded back
 * (dl_counter_save, dl_counter_load): the counts of the same files merged
 * one by one, whatever the grouping, for each kind of tracking. */
static void
test_counter_merged_absorb_and_load (void)
{
  static const char *const paths[] = { "corpus/article-tr-azerbaycan-denge-politikasi.txt",
                                       "tests/data/freq/a.txt",
                                       "corpus/commentary-en-karabakh-liberation.txt",
                                       "tests/data/freq/b.txt",
                                       "corpus/commentary-tr-karabag-2023.txt",
                                       "tests/data/freq/a.txt",
                                       "corpus/article-tr-karabag-turk-dunyasi.txt" };
  enum { N = G_N_ELEMENTS (paths) };
  for (guint variant = 0; variant < 3; variant++)
    {
      DlCounterOptions o;
      dl_counter_options_init (&o);
      o.track_files = variant == 1;
      o.track_counts = variant == 2;
      o.kinds[DL_TOKEN_NUMBER] = variant == 1;
      o.casing = variant == 1 ? DL_CASE_KEEP : DL_CASE_FOLD;
      DlCounter *each[N];
      g_autoptr (DlDiag) diag = dl_diag_new_buffer ();
      DlDocumentOptions doc = { NULL, FALSE, DL_LANG_TR, NULL, NULL, NULL, NULL };
      for (guint i = 0; i < N; i++)
        {
          g_autofree char *path = g_build_filename (TEST_SRCDIR, paths[i], NULL);
          DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
          g_autoptr (GError) error = NULL;
          each[i] = dl_counter_new (&o);
          CU_ASSERT_TRUE (dl_counter_count_input (each[i], &input, &doc, diag, &error));
        }
      g_autoptr (DlCounter) whole = merge_range (each, 0, N, &o);
      CU_ASSERT_TRUE (dl_lexicon_size (dl_counter_terms (whole, DL_LANG_TR)) > 1000);
      CU_ASSERT_TRUE (dl_counter_tokens (whole, DL_LANG_EN) > 1000);
      for (guint k = 0; k <= N; k++)
        {
          /* Two parts, the second saved and loaded back. */
          g_autoptr (DlCounter) first = merge_range (each, 0, k, &o);
          g_autoptr (DlCounter) second = merge_range (each, k, N, &o);
          g_autoptr (GByteArray) saved = g_byte_array_new ();
          dl_counter_save (second, saved);
          g_autoptr (DlCounter) back = dl_counter_new (&o);
          CU_ASSERT_TRUE (dl_counter_load (back, saved->data, saved->len));
          assert_same_counts (back, second);
          g_autoptr (GByteArray) again = g_byte_array_new ();
          dl_counter_save (back, again);
          CU_ASSERT (again->len == saved->len
                     && memcmp (again->data, saved->data, saved->len) == 0);
          g_autoptr (DlCounter) joined = dl_counter_new (&o);
          dl_counter_absorb (joined, first, 0);
          dl_counter_absorb (joined, back, k);
          assert_same_counts (joined, whole);
          /* Saved, the same bytes (each term's last file too). */
          g_autoptr (GByteArray) joined_saved = g_byte_array_new (),
                                 whole_saved = g_byte_array_new ();
          dl_counter_save (joined, joined_saved);
          dl_counter_save (whole, whole_saved);
          CU_ASSERT (joined_saved->len == whole_saved->len
                     && memcmp (joined_saved->data, whole_saved->data, whole_saved->len) == 0);
          /* And a file more after them (each term's last file). */
          g_autoptr (DlCounter) more = merge_range (each, 0, N, &o);
          dl_counter_merge (more, each[k % N], N);
          dl_counter_merge (joined, each[k % N], N);
          assert_same_counts (joined, more);
        }
      /* Three parts grouped both ways. */
      g_autoptr (DlCounter) p1 = merge_range (each, 0, 2, &o);
      g_autoptr (DlCounter) p2 = merge_range (each, 2, 5, &o);
      g_autoptr (DlCounter) p3 = merge_range (each, 5, N, &o);
      g_autoptr (DlCounter) p12 = dl_counter_new (&o), p23 = dl_counter_new (&o);
      dl_counter_absorb (p12, p1, 0);
      dl_counter_absorb (p12, p2, 2);
      dl_counter_absorb (p23, p2, 0);
      dl_counter_absorb (p23, p3, 3);
      g_autoptr (DlCounter) left = dl_counter_new (&o), right = dl_counter_new (&o);
      dl_counter_absorb (left, p12, 0);
      dl_counter_absorb (left, p3, 5);
      dl_counter_absorb (right, p1, 0);
      dl_counter_absorb (right, p23, 2);
      assert_same_counts (left, whole);
      assert_same_counts (right, whole);
      /* Cut anywhere, or of other options: refused, and the counter as
       * fresh after. */
      g_autoptr (GByteArray) saved = g_byte_array_new ();
      dl_counter_save (whole, saved);
      for (guint cut = 0; cut < saved->len; cut += 1 + cut / 40)
        {
          g_autoptr (DlCounter) part = dl_counter_new (&o);
          CU_ASSERT_FALSE (dl_counter_load (part, saved->data, cut));
          CU_ASSERT_TRUE (dl_counter_load (part, saved->data, saved->len));
        }
      /* A byte changed: read or refused, never past the bytes. */
      for (guint at = 0; at < saved->len; at += 1 + at / 20)
        {
          g_autoptr (GByteArray) bad = g_byte_array_new ();
          g_byte_array_append (bad, saved->data, saved->len);
          bad->data[at] ^= 0x5a;
          g_autoptr (DlCounter) part = dl_counter_new (&o);
          if (!dl_counter_load (part, bad->data, bad->len))
            CU_ASSERT_TRUE (dl_counter_load (part, saved->data, saved->len));
        }
      /* Loaded by a counter that tracks less: what it tracks, as if it
       * had merged the files itself; by one that tracks more, or counts
       * otherwise, refused. */
      for (guint less = 0; less < variant; less++)
        {
          DlCounterOptions lo = o;
          lo.track_files = less == 1;
          lo.track_counts = FALSE;
          g_autoptr (DlCounter) part = dl_counter_new (&lo);
          CU_ASSERT_TRUE_FATAL (dl_counter_load (part, saved->data, saved->len));
          g_autoptr (DlCounter) direct = merge_range (each, 0, N, &lo);
          g_autoptr (GByteArray) got = g_byte_array_new (), expected = g_byte_array_new ();
          dl_counter_save (part, got);
          dl_counter_save (direct, expected);
          CU_ASSERT (got->len == expected->len
                     && memcmp (got->data, expected->data, got->len) == 0);
          CU_ASSERT_TRUE (got->len < saved->len);
        }
      DlCounterOptions other = o;
      other.track_files = TRUE;
      other.track_counts = variant >= 1;
      g_autoptr (DlCounter) wrong = dl_counter_new (&other);
      CU_ASSERT_EQUAL (dl_counter_load (wrong, saved->data, saved->len), variant == 2);
      other = o;
      other.casing = o.casing == DL_CASE_FOLD ? DL_CASE_KEEP : DL_CASE_FOLD;
      g_autoptr (DlCounter) cased = dl_counter_new (&other);
      CU_ASSERT_FALSE (dl_counter_load (cased, saved->data, saved->len));
      /* The options a variant stands for. */
      DlCounterOptions from;
      dl_counter_options_from_variant (&from, dl_counter_variant (&o));
      CU_ASSERT_EQUAL (dl_counter_variant (&from), dl_counter_variant (&o));
      CU_ASSERT_EQUAL (from.casing, o.casing);
      CU_ASSERT_FALSE (from.track_files || from.track_counts);
      for (guint i = 0; i < N; i++)
        dl_counter_free (each[i]);
    }
}

void
test_counter_suite (void)
{
  CU_pSuite s = CU_add_suite ("counter", NULL, NULL);
  CU_add_test (s, "lexicon_interns_once", test_lexicon_interns_once);
  CU_add_test (s, "lexicon_prefetched_keys", test_lexicon_prefetched_keys);
  CU_add_test (s, "lexicon_reserve", test_lexicon_reserve);
  CU_add_test (s, "long_line", test_counter_long_line);
  CU_add_test (s, "counts_and_ranges", test_counter_counts_and_ranges);
  CU_add_test (s, "file_counts", test_counter_file_counts);
  CU_add_test (s, "one_stream_for_many_inputs", test_counter_one_stream_for_many_inputs);
  CU_add_test (s, "proper_nouns", test_counter_proper_nouns);
  CU_add_test (s, "shows_most_used_apostrophe", test_counter_shows_most_used_apostrophe);
  CU_add_test (s, "freqlist_orders", test_freqlist_orders);
  CU_add_test (s, "freqlist_large_counts", test_freqlist_large_counts);
  CU_add_test (s, "freqlist_stems", test_freqlist_stems);
  CU_add_test (s, "freqlist_stoplist", test_freqlist_stoplist);
  CU_add_test (s, "collator_orders_turkish", test_collator_orders_turkish);
  CU_add_test (s, "freqlist_threads", test_freqlist_threads);
  CU_add_test (s, "freq_bands", test_freq_bands);
  CU_add_test (s, "saved_input_loads_back", test_counter_saved_input_loads_back);
  CU_add_test (s, "merged_absorb_and_load", test_counter_merged_absorb_and_load);
}
