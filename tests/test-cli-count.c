/* test-cli-count.c — `derlem count --save` and `derlem merge`: partial
 * results of shards of corpus/, merged in any order, give freq and
 * keyness what the files give, byte for byte (and the same partial
 * result as counting all the files at once); what reading the files
 * reported is reported again; damaged, mismatched and misplaced partial
 * results are refused. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli.h"
#include "tests.h"

/* corpus/'s files, in order. */
static const char *const files[]
    = { "corpus/article-tr-azerbaycan-denge-politikasi.txt",
        "corpus/article-tr-karabag-turk-dunyasi.txt",
        "corpus/article-tr-turkiye-azerbaycan-guvenlik.txt",
        "corpus/commentary-en-karabakh-liberation.txt", "corpus/commentary-tr-karabag-2023.txt" };

/* Runs @cmdline, asserting exit status @status and nothing on stderr
 * when it is 0; returns its standard output (g_free). */
static char *
run_ok (const char *cmdline, int status)
{
  CliRun r = cli_run (cmdline, NULL);
  DL_ASSERT_INT_EQ_FOR (cmdline, r.status, status);
  if (status == 0)
    DL_ASSERT_STR_EQ_FOR (cmdline, r.err, "");
  char *out = g_steal_pointer (&r.out);
  cli_run_clear (&r);
  return out;
}

/* The bytes of @path (g_free). */
static char *
contents (const char *path, gsize *len)
{
  char *data = NULL;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &data, len, NULL));
  return data;
}

static gboolean
same_file (const char *a, const char *b)
{
  gsize la, lb;
  g_autofree char *da = contents (a, &la);
  g_autofree char *db = contents (b, &lb);
  return la == lb && memcmp (da, db, la) == 0;
}

/* Three shards of corpus/ counted (with --dispersion and @tables, the
 * options of the tables to keep) into @dir: s1.dlc (files 0 and 1),
 * s2.dlc (2), s3.dlc (3 and 4), and all.dlc of every file at once. */
static void
count_shards (const char *dir, const char *tables)
{
  const char *const shards[][3]
      = { { "s1", files[0], files[1] }, { "s2", files[2], NULL }, { "s3", files[3], files[4] } };
  for (gsize s = 0; s < G_N_ELEMENTS (shards); s++)
    {
      g_autofree char *cmd = g_strdup_printf (
          "$DERLEM count --dispersion %s %s %s --save '%s/%s.dlc'", tables, shards[s][1],
          shards[s][2] != NULL ? shards[s][2] : "", dir, shards[s][0]);
      g_autofree char *out = run_ok (cmd, 0);
      DL_ASSERT_STR_EQ (out, "");
    }
  g_autofree char *cmd
      = g_strdup_printf ("$DERLEM count --dispersion %s corpus --save '%s/all.dlc'", tables, dir);
  g_autofree char *out = run_ok (cmd, 0);
}

/* The tables of ngrams, colloc --all and stats, kept by the shards of
 * tests that read them. */
#define TABLES "--ngrams 2-4 --ngram-files --pairs 2 --stats"

/* Merged in any order, the shards are what counting corpus/ at once
 * saves, to the byte, with or without tables; counting partial results
 * merges them too. */
static void
merge_any_order (const char *tables)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-count-XXXXXX", NULL);
  count_shards (dir, tables);
  static const char *const merges[][2] = {
    { "s1.dlc s2.dlc s3.dlc", "m123.dlc" }, { "s3.dlc s2.dlc s1.dlc", "m321.dlc" },
    { "s2.dlc s3.dlc", "m23.dlc" },         { "m23.dlc s1.dlc", "m1_23.dlc" },
    { "s2.dlc s1.dlc", "m12.dlc" },         { "s3.dlc m12.dlc", "m12_3.dlc" },
  };
  for (gsize m = 0; m < G_N_ELEMENTS (merges); m++)
    {
      g_autofree char *cmd
          = g_strdup_printf ("cd '%s' && $DERLEM merge %s -o %s", dir, merges[m][0], merges[m][1]);
      g_autofree char *out = run_ok (cmd, 0);
      DL_ASSERT_STR_EQ (out, "");
    }
  g_autofree char *all = g_build_filename (dir, "all.dlc", NULL);
  static const char *const same[] = { "m123.dlc", "m321.dlc", "m1_23.dlc", "m12_3.dlc" };
  for (gsize k = 0; k < G_N_ELEMENTS (same); k++)
    {
      g_autofree char *path = g_build_filename (dir, same[k], NULL);
      DL_ASSERT_TRUE_FOR (same[k], same_file (path, all));
    }
  /* A shard is not the whole. */
  g_autofree char *s1 = g_build_filename (dir, "s1.dlc", NULL);
  CU_ASSERT_FALSE (same_file (s1, all));
  /* derlem count over partial results (and in the order given): the
   * same as over their files. */
  g_autofree char *cmd = g_strdup_printf (
      "cd '%s' && $DERLEM count --dispersion %s s1.dlc s2.dlc s3.dlc --save c.dlc", dir, tables);
  g_autofree char *out = run_ok (cmd, 0);
  g_autofree char *c = g_build_filename (dir, "c.dlc", NULL);
  CU_ASSERT_TRUE (same_file (c, all));
  cli_remove_dir (dir);
}

static void
test_count_merge_any_order (void)
{
  merge_any_order ("");
}

static void
test_count_merge_tables_any_order (void)
{
  merge_any_order (TABLES);
}

/* Runs each of @runs (P: where the inputs go) over corpus/ and over the
 * shards of @dir (count_shards) as partial results: merged in the order
 * @order (m.dlc), the shards themselves, and shard 2 among the other
 * files. The same output, diagnostics and exit status. */
static void
assert_runs_the_same (const char *dir, const char *order, const char *const *runs, gsize n_runs)
{
  g_autofree char *cmd = g_strdup_printf ("cd '%s' && $DERLEM merge %s -o m.dlc", dir, order);
  g_autofree char *out = run_ok (cmd, 0);
  g_autofree char *merged = g_strdup_printf ("%s/m.dlc", dir);
  g_autofree char *shards = g_strdup_printf ("%s/s1.dlc %s/s2.dlc %s/s3.dlc", dir, dir, dir);
  g_autofree char *mixed
      = g_strdup_printf ("%s %s %s/s2.dlc %s %s", files[0], files[1], dir, files[3], files[4]);
  const char *const inputs[] = { merged, shards, mixed };
  for (gsize i = 0; i < n_runs; i++)
    {
      g_auto (GStrv) parts = g_strsplit (runs[i], "P", 2);
      g_autofree char *over_files = g_strdup_printf ("$DERLEM %scorpus%s", parts[0], parts[1]);
      CliRun want = cli_run (over_files, NULL);
      DL_ASSERT_INT_EQ_FOR (over_files, want.status, 0);
      DL_ASSERT_TRUE_FOR (over_files, strlen (want.out) > 400);
      for (gsize k = 0; k < G_N_ELEMENTS (inputs); k++)
        {
          g_autofree char *over_counts
              = g_strdup_printf ("$DERLEM %s%s%s", parts[0], inputs[k], parts[1]);
          CliRun got = cli_run (over_counts, NULL);
          DL_ASSERT_INT_EQ_FOR (over_counts, got.status, 0);
          DL_ASSERT_STR_EQ_FOR (over_counts, got.out, want.out);
          DL_ASSERT_STR_EQ_FOR (over_counts, got.err, want.err);
          cli_run_clear (&got);
        }
      cli_run_clear (&want);
    }
}

/* ngrams, colloc --all and stats over partial results print what they
 * print over the files: the merged result, the shards, the shards among
 * files; sizes and languages fewer than were counted. freq reads the
 * counts counted beside the tables. */
static void
test_count_tables_the_same (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-count-XXXXXX", NULL);
  count_shards (dir, TABLES);
  static const char *const runs[] = {
    "ngrams P",
    "ngrams --format tsv --totals -n 2-4 --min-freq 1 P",
    "ngrams --format tsv -n 3 --unit stem --threads 1 P",
    "ngrams --format tsv -n 2 --unit lemma --lang en --min-range 2 P",
    "ngrams --format json -n 4 --stoplist default --min-freq 1 --threads 3 P",
    "colloc --all --window 0,2 P",
    "colloc --all --window 0,2 --format tsv --sort ll --min-freq 1 --min-cooc 1 P",
    "colloc --all --window 0,2 --format tsv --unit lemma --lang tr --totals P",
    "stats P",
    "stats --format tsv --lang tr P",
    "stats --format json --threads 1 P",
    "stats --format html P",
    /* The counts beside the tables are freq's. */
    "freq --format tsv --dispersion --unit lemma P",
  };
  assert_runs_the_same (dir, "s2.dlc s3.dlc s1.dlc", runs, G_N_ELEMENTS (runs));
  cli_remove_dir (dir);
}

/* freq and keyness (against parts, or a reference list) over partial
 * results print what they print over the files, for options that reach
 * every part of the counts. */
static void
test_count_freq_and_keyness_the_same (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-count-XXXXXX", NULL);
  count_shards (dir, "");
  static const char *const runs[] = {
    "freq P",
    "freq --format tsv --totals P",
    "freq --format tsv --unit stem --threads 1 P",
    "freq --format tsv --unit lemma --lang en P",
    "freq --format tsv --lang tr --dispersion P",
    "freq --format json --threads 3 P",
    "freq --format tsv --dispersion --min-freq 3 P",
    "freq --format csv --sort alpha --bands --top 500 P",
    "freq --format tsv --stoplist default --unit stem --dispersion P",
  };
  assert_runs_the_same (dir, "s3.dlc s1.dlc s2.dlc", runs, G_N_ELEMENTS (runs));
  /* keyness: a partial result as the target, as the reference. */
  g_autofree char *want = run_ok (
      "$DERLEM keyness --format tsv corpus/article-tr-azerbaycan-denge-politikasi.txt "
      "corpus/article-tr-karabag-turk-dunyasi.txt --ref corpus/article-tr-turkiye-azerbaycan-"
      "guvenlik.txt --ref corpus/commentary-en-karabakh-liberation.txt "
      "--ref corpus/commentary-tr-karabag-2023.txt",
      0);
  CU_ASSERT_TRUE (strlen (want) > 1000);
  g_autofree char *kcmd = g_strdup_printf (
      "$DERLEM keyness --format tsv %s/s1.dlc --ref %s/s2.dlc --ref %s/s3.dlc", dir, dir, dir);
  g_autofree char *got = run_ok (kcmd, 0);
  DL_ASSERT_STR_EQ (got, want);
  /* Against a reference list (freq's TSV of shard 3's files), a partial
   * result as the target. */
  g_autofree char *lcmd = g_strdup_printf (
      "$DERLEM freq --format tsv --totals %s %s > %s/ref.tsv && $DERLEM keyness --format tsv %s %s "
      "--ref-list %s/ref.tsv",
      files[3], files[4], dir, files[0], files[1], dir);
  g_autofree char *want_list = run_ok (lcmd, 0);
  CU_ASSERT_TRUE (strlen (want_list) > 1000);
  g_autofree char *pcmd
      = g_strdup_printf ("$DERLEM keyness --format tsv %s/s1.dlc --ref-list %s/ref.tsv", dir, dir);
  g_autofree char *got_list = run_ok (pcmd, 0);
  DL_ASSERT_STR_EQ (got_list, want_list);
  cli_remove_dir (dir);
}

/* What reading the files reported when they were counted is reported
 * again by every run over the partial result, with the same exit status;
 * merge also names the part whose files could not all be read. */
static void
test_count_replays_what_reading_said (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-count-XXXXXX", NULL);
  g_autofree char *make = g_strdup_printf (
      "cd '%s' && mkdir bad && printf 'Merhaba d\\374nya ve sava\\376\\n' > bad/w1254.txt"
      " && head -c 3000 %s/derlem > bad/bin.txt && : > bad/empty.txt"
      " && printf 'iyi bir sat\\304\\261r\\n\\377 k\\303\\n' > bad/inv.txt",
      dir, TEST_BUILDDIR);
  g_autofree char *made = run_ok (make, 0);
  g_autofree char *single = g_strdup_printf (
      "cd '%s' && $DERLEM freq --format tsv bad nosuch %s/corpus", dir, TEST_SRCDIR);
  CliRun want = cli_run (single, NULL);
  DL_ASSERT_INT_EQ (want.status, 1);
  DL_ASSERT_STR_CONTAINS (want.err, "nosuch");
  DL_ASSERT_STR_CONTAINS (want.err, "bad/bin.txt: binary file");
  DL_ASSERT_STR_CONTAINS (want.err, "bad/w1254.txt: not UTF-8");
  g_autofree char *count
      = g_strdup_printf ("cd '%s' && $DERLEM count --stats bad nosuch --save b.dlc && exit 9; "
                         "$DERLEM count --stats %s/corpus --save c.dlc",
                         dir, TEST_SRCDIR);
  CliRun r = cli_run (count, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  /* count reported as it read. */
  DL_ASSERT_STR_CONTAINS (r.err, "bad/bin.txt: binary file");
  cli_run_clear (&r);
  g_autofree char *over = g_strdup_printf ("cd '%s' && $DERLEM freq --format tsv b.dlc c.dlc", dir);
  CliRun got = cli_run (over, NULL);
  DL_ASSERT_INT_EQ (got.status, 1);
  DL_ASSERT_STR_EQ (got.out, want.out);
  DL_ASSERT_STR_EQ (got.err, want.err);
  cli_run_clear (&got);
  /* stats, whose table count read in a pass of its own, the same. */
  g_autofree char *stats_single = g_strdup_printf (
      "cd '%s' && $DERLEM stats --format tsv bad nosuch %s/corpus", dir, TEST_SRCDIR);
  CliRun stats_want = cli_run (stats_single, NULL);
  g_autofree char *stats_over
      = g_strdup_printf ("cd '%s' && $DERLEM stats --format tsv b.dlc c.dlc", dir);
  got = cli_run (stats_over, NULL);
  DL_ASSERT_INT_EQ (got.status, 1);
  DL_ASSERT_STR_EQ (got.out, stats_want.out);
  DL_ASSERT_STR_EQ (got.err, stats_want.err);
  cli_run_clear (&got);
  cli_run_clear (&stats_want);
  g_autofree char *merge = g_strdup_printf ("cd '%s' && $DERLEM merge c.dlc b.dlc -o m.dlc", dir);
  r = cli_run (merge, NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "bad/bin.txt: binary file");
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: b.dlc: 2 files could not be read when it was counted\n");
  CU_ASSERT_PTR_NULL (strstr (r.err, "c.dlc:"));
  cli_run_clear (&r);
  /* The merged result was written, and says the same. */
  g_autofree char *over_merged
      = g_strdup_printf ("cd '%s' && $DERLEM freq --format tsv m.dlc", dir);
  got = cli_run (over_merged, NULL);
  DL_ASSERT_INT_EQ (got.status, 1);
  DL_ASSERT_STR_EQ (got.out, want.out);
  DL_ASSERT_STR_CONTAINS (got.err, "bad/bin.txt: binary file");
  cli_run_clear (&got);
  cli_run_clear (&want);
  cli_remove_dir (dir);
}

/* A partial result cut short or with a byte changed is refused with a
 * message and exit status 1, never read out of bounds; another version
 * is named as such. */
static void
test_count_damaged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-count-XXXXXX", NULL);
  g_autofree char *cmd = g_strdup_printf ("$DERLEM count corpus --save '%s/a.dlc'", dir);
  g_autofree char *out = run_ok (cmd, 0);
  g_autofree char *path = g_build_filename (dir, "a.dlc", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.dlc", NULL);
  gsize len;
  g_autofree char *data = contents (path, &len);
  CU_ASSERT_TRUE_FATAL (len > 1000);
  g_autofree char *freq = g_strdup_printf ("$DERLEM freq --format tsv '%s'", bad);
  guint refused = 0;
  for (gsize cut = 8; cut < len; cut += 1 + cut / 3)
    {
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (bad, data, (gssize) cut, NULL));
      CliRun r = cli_run (freq, NULL);
      DL_ASSERT_INT_EQ (r.status, 1);
      DL_ASSERT_STR_CONTAINS (r.err, "damaged partial result");
      refused++;
      cli_run_clear (&r);
    }
  CU_ASSERT_TRUE (refused > 10);
  for (gsize at = 0; at < len; at += 1 + at / 4)
    {
      g_autofree char *copy = g_memdup2 (data, len);
      copy[at] ^= 0x20;
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (bad, copy, (gssize) len, NULL));
      CliRun r = cli_run (freq, NULL);
      if (at < 8)
        /* No longer its magic: read as a (binary) file. */
        DL_ASSERT_STR_CONTAINS_FOR (freq, r.err, "binary file");
      else if (at >= 12 && at < 16)
        DL_ASSERT_STR_CONTAINS_FOR (freq, r.err, "damaged partial result");
      else if (at >= 8 && at < 12)
        DL_ASSERT_STR_CONTAINS_FOR (freq, r.err, "a partial result of version");
      else
        DL_ASSERT_TRUE_FOR (freq, strstr (r.err, "damaged partial result") != NULL);
      DL_ASSERT_INT_EQ (r.status, 1);
      cli_run_clear (&r);
    }
  /* A size decompressed forged past what zstd can pack into the stored
   * bytes (its checksum covers the stored bytes, not the head): refused
   * before it becomes an allocation (under ASan, one of 1 TiB aborts). */
  g_autofree char *forged = g_memdup2 (data, len);
  guint64 inputs_clen = 0;
  for (guint k = 0; k < 8; k++)
    inputs_clen |= (guint64) (guint8) forged[16 + 8 + k] << (8 * k);
  gsize counts_head = 16 + 24 + (gsize) inputs_clen;
  CU_ASSERT_TRUE_FATAL (counts_head + 24 < len && forged[counts_head] == 2);
  for (guint k = 0; k < 8; k++)
    forged[counts_head + 16 + k] = (char) ((G_GUINT64_CONSTANT (1) << 40) >> (8 * k));
  CU_ASSERT_TRUE_FATAL (g_file_set_contents (bad, forged, (gssize) len, NULL));
  CliRun r = cli_run (freq, NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "damaged partial result: bad frame sizes");
  cli_run_clear (&r);
  cli_remove_dir (dir);
}

/* Options that do not fit, and places where a partial result cannot go. */
static void
test_count_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-count-XXXXXX", NULL);
  g_autofree char *cmd
      = g_strdup_printf ("cd '%s' && $DERLEM count %s/corpus --save a.dlc && "
                         "$DERLEM count --case keep %s/corpus --save k.dlc && "
                         "$DERLEM count --lang en %s/corpus --save e.dlc && "
                         "$DERLEM count " TABLES " %s/corpus --save t.dlc && "
                         "$DERLEM count --ngrams 3 %s/corpus --save n.dlc",
                         dir, TEST_SRCDIR, TEST_SRCDIR, TEST_SRCDIR, TEST_SRCDIR, TEST_SRCDIR);
  g_autofree char *out = run_ok (cmd, 0);
  /* Usage errors (2); and refused parts (1), nothing written. D/ is the
   * directory of the partial results. */
  static const struct {
    const char *cmd, *message;
    int status;
  } refused[] = {
    { "$DERLEM count corpus", "give it with --save PART.dlc", 2 },
    { "$DERLEM merge D/a.dlc", "give it with -o ALL.dlc", 2 },
    { "$DERLEM merge -o D/x.dlc", "merge needs a PART.dlc", 2 },
    { "$DERLEM merge corpus/MANIFEST.tsv -o D/x.dlc", "is not a partial result", 2 },
    { "$DERLEM merge D/a.dlc -o D/a.dlc", "derlem never writes over what it reads", 2 },
    { "$DERLEM count D/a.dlc --save D/a.dlc", "derlem never writes over what it reads", 2 },
    { "$DERLEM freq --case keep D/a.dlc", "counted with another --case than this run's", 2 },
    { "$DERLEM freq --numbers D/a.dlc", "counted with another --numbers", 2 },
    /* A run may read fewer languages than were counted, not more. */
    { "$DERLEM freq D/e.dlc", "counted with another --lang", 2 },
    { "$DERLEM freq --lang tr D/e.dlc", "counted with another --lang", 2 },
    { "$DERLEM freq --dispersion D/a.dlc", "without what --dispersion needs", 2 },
    { "$DERLEM keyness D/a.dlc --ref D/k.dlc", "counted with another --case", 2 },
    { "$DERLEM count --numbers D/a.dlc --save D/x.dlc", "counted with another --numbers", 2 },
    { "$DERLEM freq --by lang D/a.dlc", "select files to count", 2 },
    { "$DERLEM freq --where lang=tr D/a.dlc", "select files to count", 2 },
    { "$DERLEM merge D/a.dlc D/k.dlc -o D/x.dlc", "were counted with other options", 1 },
    { "$DERLEM merge D/a.dlc D/a.dlc -o D/x.dlc", "each file is counted once", 1 },
    /* Tables: not kept, or not of the sizes or window asked. */
    { "$DERLEM ngrams D/a.dlc", "count it again with derlem count --ngrams 3", 2 },
    { "$DERLEM ngrams -n 3-5 D/t.dlc", "count it again with derlem count --ngrams 3-5", 2 },
    { "$DERLEM ngrams --unit stem D/n.dlc", "derlem count --ngrams 3 --ngram-files", 2 },
    { "$DERLEM count --ngram-files corpus --save D/x.dlc", "give both", 2 },
    { "$DERLEM colloc --all D/t.dlc", "count it again with derlem count --pairs 1", 2 },
    { "$DERLEM colloc --all --window 0,3 D/t.dlc", "derlem count --pairs 3", 2 },
    { "$DERLEM stats D/a.dlc", "count it again with derlem count --stats", 2 },
    { "$DERLEM ngrams --contains savaş D/t.dlc", "--contains reads the text", 2 },
    { "$DERLEM ngrams --by file D/t.dlc", "select files to count", 2 },
    { "$DERLEM count --ngrams 1 corpus --save D/x.dlc", "--ngrams takes a size N", 2 },
    { "$DERLEM count --ngrams 2-9 corpus --save D/x.dlc", "--ngrams takes a size N", 2 },
    { "$DERLEM count --pairs 1001 corpus --save D/x.dlc", "--pairs takes a window R", 2 },
    { "$DERLEM count --stats D/a.dlc --save D/x.dlc", "derlem count --stats", 2 },
    { "$DERLEM merge D/a.dlc D/t.dlc -o D/x.dlc", "were counted with other options", 1 },
  };
  g_autofree char *prefix = g_strconcat (dir, "/", NULL);
  g_autofree char *x = g_build_filename (dir, "x.dlc", NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto (GStrv) bits = g_strsplit (refused[i].cmd, "D/", -1);
      g_autofree char *line = g_strjoinv (prefix, bits);
      CliRun r = refused[i].status == 2 ? cli_run_usage_error (line, refused[i].message)
                                        : cli_run (line, NULL);
      DL_ASSERT_INT_EQ_FOR (line, r.status, refused[i].status);
      DL_ASSERT_STR_CONTAINS_FOR (line, r.err, refused[i].message);
      CU_ASSERT_FALSE (g_file_test (x, G_FILE_TEST_EXISTS));
      cli_run_clear (&r);
    }
  /* N-grams kept without their files serve n-grams of forms. */
  g_autofree char *ngrams_want = run_ok ("$DERLEM ngrams --format tsv corpus", 0);
  g_autofree char *ngrams_cmd = g_strdup_printf ("$DERLEM ngrams --format tsv %s/n.dlc", dir);
  g_autofree char *ngrams_got = run_ok (ngrams_cmd, 0);
  DL_ASSERT_STR_EQ (ngrams_got, ngrams_want);
  /* A command that reads text leaves it out, with an error, and reads
   * the rest. */
  static const char *const text_commands[]
      = { "kwic savaş", "colloc savaş", "langs", "dispersion savaş", "export" };
  for (gsize i = 0; i < G_N_ELEMENTS (text_commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("$DERLEM %s --format tsv %s/a.dlc %s",
                                               text_commands[i], dir, files[4]);
      g_autofree char *alone
          = g_strdup_printf ("$DERLEM %s --format tsv %s", text_commands[i], files[4]);
      if (strcmp (text_commands[i], "export") == 0)
        {
          g_free (line);
          g_free (alone);
          line = g_strdup_printf ("$DERLEM export %s/a.dlc %s", dir, files[4]);
          alone = g_strdup_printf ("$DERLEM export %s", files[4]);
        }
      CliRun r = cli_run (line, NULL);
      DL_ASSERT_INT_EQ_FOR (line, r.status, 1);
      g_autofree char *message = g_strdup_printf (
          "derlem: %s/a.dlc: a partial result of derlem count: only freq, keyness, ngrams, "
          "colloc --all, stats, count and merge read one\n",
          dir);
      DL_ASSERT_STR_EQ_FOR (line, r.err, message);
      g_autofree char *want = run_ok (alone, 0);
      DL_ASSERT_STR_EQ_FOR (line, r.out, want);
      cli_run_clear (&r);
    }
  cli_remove_dir (dir);
}

void
test_cli_count_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-count", NULL, NULL);
  CU_add_test (s, "merge_any_order", test_count_merge_any_order);
  CU_add_test (s, "merge_tables_any_order", test_count_merge_tables_any_order);
  CU_add_test (s, "freq_and_keyness_the_same", test_count_freq_and_keyness_the_same);
  CU_add_test (s, "tables_the_same", test_count_tables_the_same);
  CU_add_test (s, "replays_what_reading_said", test_count_replays_what_reading_said);
  CU_add_test (s, "damaged", test_count_damaged);
  CU_add_test (s, "refused", test_count_refused);
}
