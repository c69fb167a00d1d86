/* fuzz-partial.c — libFuzzer harness of partial results (partial.c), as
 * freq, ngrams, colloc --all, stats and merge read them. The first byte:
 * bit 0 set, the rest is a whole file, read as it is (its checksums
 * mostly fail); clear, the rest is what the frames hold — each a tag
 * byte, a 16-bit length and that many bytes (the last one what is left)
 * — made into a file whose checksums hold (dl_partial_write_frames), so
 * that the parsers behind them are reached.
 *
 * A partial result opened must replay its notes (each message valid
 * UTF-8), count its failures within its notes, and either load its
 * counts into a counter of its own options or refuse them; counts loaded
 * must save, load back and save the same bytes, and add up to their
 * tokens. The tables it names (n-grams, pairs, stats) must load or be
 * refused, and those loaded save, load back and save the same bytes. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "counter.h"
#include "fuzz.h"
#include "partial.h"
#include "stem.h"

/* The n-grams of @p, loaded as ngrams loads them: saved, they load back
 * (with their counter's bytes) into fresh counts that save the same. */
static void
check_ngrams (const DlPartial *p, const DlNgramOptions *opts)
{
  g_autoptr (DlNgramCounts) c = dl_ngram_counts_new (opts);
  if (!dl_partial_load_ngrams (p, c, NULL))
    return;
  g_autoptr (GByteArray) counts = g_byte_array_new ();
  g_autoptr (GByteArray) once = g_byte_array_new ();
  g_autoptr (GByteArray) twice = g_byte_array_new ();
  dl_counter_save (dl_ngram_counts_counter (c), counts);
  dl_ngram_counts_save (c, once);
  g_autoptr (DlNgramCounts) back = dl_ngram_counts_new (opts);
  FUZZ_CHECK (dl_ngram_counts_load (back, counts->data, counts->len, once->data, once->len,
                                    dl_partial_n_inputs (p)),
              "n-grams saved load back");
  dl_ngram_counts_save (back, twice);
  FUZZ_CHECK (once->len == twice->len && memcmp (once->data, twice->data, once->len) == 0,
              "n-grams loaded back save the same");
}

/* The same for the pairs of @p, as colloc --all loads them. */
static void
check_pairs (const DlPartial *p, const DlCollocOptions *opts)
{
  g_autoptr (DlCollocCounts) c = dl_colloc_counts_new (opts);
  if (!dl_partial_load_pairs (p, c, NULL))
    return;
  g_autoptr (GByteArray) counts = g_byte_array_new ();
  g_autoptr (GByteArray) once = g_byte_array_new ();
  g_autoptr (GByteArray) twice = g_byte_array_new ();
  const DlCounter *counter = dl_colloc_counts_counter (c);
  dl_counter_save (counter, counts);
  dl_colloc_counts_save_pairs (c, counter, once);
  g_autoptr (DlCollocCounts) back = dl_colloc_counts_new (opts);
  FUZZ_CHECK (dl_colloc_counts_load (back, counts->data, counts->len, once->data, once->len,
                                     dl_partial_n_inputs (p)),
              "pairs saved load back");
  dl_colloc_counts_save_pairs (back, dl_colloc_counts_counter (back), twice);
  FUZZ_CHECK (once->len == twice->len && memcmp (once->data, twice->data, once->len) == 0,
              "pairs loaded back save the same");
}

static DlStemmer *stemmer;

/* Stats loaded, merged into a run's totals, saved: loaded back and
 * merged again, they save the same. */
static void
check_stats (const DlPartial *p, const DlCounterOptions *opts)
{
  g_autoptr (DlLexStatsInput) in = dl_lexstats_input_new (opts);
  if (!dl_partial_load_stats (p, in, NULL))
    return;
  if (stemmer == NULL)
    FUZZ_CHECK ((stemmer = dl_stemmer_new (NULL)) != NULL, "a stemmer");
  g_autoptr (DlLexStatsTotal) t = dl_lexstats_total_new (stemmer);
  dl_lexstats_merge (t, in, 0);
  g_autoptr (GByteArray) once = g_byte_array_new ();
  g_autoptr (GByteArray) twice = g_byte_array_new ();
  dl_lexstats_total_save (t, once);
  g_autoptr (DlLexStatsInput) back = dl_lexstats_input_new (opts);
  FUZZ_CHECK (dl_lexstats_input_load (back, once->data, once->len, dl_partial_n_inputs (p)),
              "stats saved load back");
  g_autoptr (DlLexStatsTotal) t2 = dl_lexstats_total_new (stemmer);
  dl_lexstats_merge (t2, back, 0);
  dl_lexstats_total_save (t2, twice);
  FUZZ_CHECK (once->len == twice->len && memcmp (once->data, twice->data, once->len) == 0,
              "stats loaded back save the same");
  dl_lexstats_finish (t2);
}

/* The tables @p names, loaded as the commands that read them load them. */
static void
check_tables (const DlPartial *p, const DlCounterOptions *opts)
{
  const DlPartialTables *tables = dl_partial_tables (p);
  if (tables->max_n > 0)
    {
      DlNgramOptions no = { tables->min_n, tables->max_n, NULL, { 0 }, *opts, tables->ngram_files };
      check_ngrams (p, &no);
    }
  if (tables->window > 0)
    {
      DlCollocOptions co = { 0, tables->window, TRUE, { 0 }, *opts };
      check_pairs (p, &co);
    }
  if (tables->stats)
    check_stats (p, opts);
}

static void
check_file (const uint8_t *data, size_t size)
{
  g_autoptr (FuzzFile) file = fuzz_file_new (data, size, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlPartial) p = dl_partial_open (fuzz_file_path (file), &error);
  if (p == NULL)
    {
      FUZZ_CHECK (error != NULL, "a partial result refused says why");
      fuzz_check_utf8 (error->message, strlen (error->message), FALSE, "the refusal");
      return;
    }
  g_autoptr (DlDiag) diag = fuzz_diag_new ();
  dl_partial_replay_paths (p, diag);
  for (guint i = 0; i < dl_partial_n_inputs (p); i++)
    {
      const char *path = dl_partial_input_path (p, i);
      fuzz_check_utf8 (path, strlen (path), FALSE, "an input's path");
      dl_partial_replay (p, i, diag);
    }
  DlCounterOptions opts;
  dl_counter_options_from_variant (&opts, dl_partial_variant (p));
  opts.track_files = dl_partial_has_files (p);
  opts.track_counts = dl_partial_has_counts (p);
  FUZZ_CHECK (!opts.track_counts || opts.track_files, "counts per file come with the files");
  FUZZ_CHECK (dl_partial_check_options (p, &opts, dl_partial_tables (p), NULL),
              "its own options fit");
  g_autoptr (DlCounter) c = dl_counter_new (&opts);
  g_autoptr (GError) load_error = NULL;
  if (!dl_partial_load_counter (p, c, &load_error))
    {
      FUZZ_CHECK (load_error != NULL, "counts refused say why");
      return;
    }
  fuzz_check_merged_counts (c, &opts);
  check_tables (p, &opts);
}

/* The frames' contents made into a file whose checksums hold. */
static void
check_frames (const uint8_t *data, size_t size)
{
  DlPartialFrame frames[8];
  guint n = 0;
  while (size >= 3 && n < G_N_ELEMENTS (frames))
    {
      size_t len = MIN ((size_t) (data[1] | data[2] << 8), size - 3);
      frames[n++] = (DlPartialFrame){ (DlPartialTag) data[0], data + 3, len };
      data += 3 + len, size -= 3 + len;
    }
  char *bytes = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&bytes, &len);
  FUZZ_CHECK (out != NULL, "a memory stream");
  gboolean ok = dl_partial_write_frames (out, frames, n, NULL);
  FUZZ_CHECK (fclose (out) == 0 && ok, "frames written");
  check_file ((const uint8_t *) bytes, len);
  free (bytes);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 how;
  if (!fuzz_take_how (&data, &size, &how))
    return 0;
  if (how & 1)
    check_file (data, size);
  else
    check_frames (data, size);
  return 0;
}
