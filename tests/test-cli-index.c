/* test-cli-index.c — `derlem index`: every command prints over an index
 * of corpus/ what it prints over corpus/ (byte for byte, same exit
 * status), the stored --meta table, info's counts, verify, a damaged
 * index refused with exit status 1, and usage errors. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli.h"
#include "hitblocks.h"
#include "tests.h"

/* How many lines of @part are not lines of @whole (taken in its order). */
static guint
lines_not_within (const char *part, const char *whole)
{
  g_auto (GStrv) p = g_strsplit (part, "\n", -1);
  g_auto (GStrv) w = g_strsplit (whole, "\n", -1);
  guint j = 0, missing = 0;
  for (guint i = 0; p[i] != NULL; i++)
    {
      guint k = j;
      while (w[k] != NULL && strcmp (w[k], p[i]) != 0)
        k++;
      if (w[k] == NULL)
        missing++;
      else
        j = k + 1;
    }
  return missing;
}

/* Builds the index of corpus/ (with its table) in a new temporary
 * directory: the index's path (free with free_index). */
static char *
build_corpus_index (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  char *idx = g_build_filename (dir, "corpus.dlx", NULL);
  g_autofree char *cmd
      = g_strdup_printf ("$DERLEM index build --meta corpus/MANIFEST.tsv -o '%s' corpus", idx);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.err, "");
  DL_ASSERT_STR_EQ (r.out, "");
  cli_run_clear (&r);
  return idx;
}

static void
free_index (char *idx)
{
  g_autofree char *dir = g_path_get_dirname (idx);
  cli_remove_dir (dir);
  g_free (idx);
}

/* An index of corpus/ in blocks of about 100 bytes (a line or two) and
 * its words' pairs in many runs, in a directory of its own (free_index);
 * with @positions, keeping its blocks' tokens; with !@small, in blocks
 * of the default size. */
static char *
build_index_with (gboolean small, gboolean positions)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  char *idx = g_build_filename (dir, "small.dlx", NULL);
  g_autofree char *cmd = g_strdup_printf ("%s $DERLEM index build %s -o '%s' corpus",
                                          small ? "DERLEM_INDEX_BLOCK_BYTES=100 "
                                                  "DERLEM_WORDS_RUN_PAIRS=9"
                                                : "",
                                          positions ? "--positions" : "", idx);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
  return idx;
}

static char *
build_small_index (void)
{
  return build_index_with (TRUE, FALSE);
}

/* The segment file of the index @idx (of one segment). */
static char *
segment_of (const char *idx)
{
  char *seg = NULL;
  g_autoptr (GDir) d = g_dir_open (idx, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".dls"))
      {
        g_free (seg);
        seg = g_build_filename (idx, name, NULL);
      }
  CU_ASSERT_PTR_NOT_NULL_FATAL (seg);
  return seg;
}

/* Every command, with options that reach its parts; P is the input. */
static const char *const runs[] = {
  "freq P",
  "freq --format tsv --unit stem --threads 1 P",
  "freq --format tsv --unit lemma --lang en P",
  "freq --format json --threads 3 P",
  "freq --format tsv --assume-lang tr P",
  "kwic savaş P",
  "kwic --format tsv --width 30 'karabağ*' P",
  "kwic --format tsv /sav[aı]/ P",
  "kwic --format tsv 'the war' P",
  "colloc savaş P",
  "colloc --all --format tsv P",
  "ngrams -n 3 --format tsv P",
  "stats --format tsv P",
  "langs --format tsv P",
  "export P",
  "dispersion --format tsv -e savaş -e war P",
  "exercise savaş P",
  "compare --format markdown P",
  "profile --format tsv P",
  "keyness --by kind --format tsv P",
  "freq --where kind=commentary --format tsv P",
  "keyness --format tsv P --ref corpus/commentary-en-karabakh-liberation.txt",
};

static void
test_index_every_command_the_same (void)
{
  g_autofree char *idx = build_corpus_index ();
  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr (GString) src = g_string_new ("$DERLEM ");
      g_autoptr (GString) from = g_string_new ("$DERLEM ");
      g_string_append (src, runs[i]);
      g_string_append (from, runs[i]);
      /* The source run names the table the index keeps. */
      g_string_replace (src, "P", "--meta corpus/MANIFEST.tsv corpus", 1);
      g_autofree char *quoted = g_strdup_printf ("'%s'", idx);
      g_string_replace (from, "P", quoted, 1);
      CliRun a = cli_run (src->str, NULL);
      CliRun b = cli_run (from->str, NULL);
      DL_ASSERT_INT_EQ_FOR (runs[i], b.status, a.status);
      DL_ASSERT_INT_EQ_FOR (runs[i], a.status, 0);
      DL_ASSERT_TRUE_FOR (runs[i], strlen (a.out) > 100);
      DL_ASSERT_TRUE_FOR (runs[i], strcmp (a.out, b.out) == 0);
      cli_run_clear (&a);
      cli_run_clear (&b);
    }
  free_index (g_steal_pointer (&idx));
}

/* An index's input of many blocks is replayed in parts by the workers:
 * with parts of a few blocks, every command prints what it prints over the
 * files, and a damaged block ends the reading where one reader ends it. */
static void
test_index_replayed_in_parts (void)
{
  g_autofree char *idx = build_small_index ();
  static const char *const more[] = {
    "dispersion --format tsv savaş P",
    "kwic --format tsv --cql '[lang=\"en\"] \"war\" within s' P",
    "kwic --format tsv --sentence ve P",
    "freq --format tsv --assume-lang en P",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (runs) + G_N_ELEMENTS (more); i++)
    {
      const char *run = i < G_N_ELEMENTS (runs) ? runs[i] : more[i - G_N_ELEMENTS (runs)];
      g_autoptr (GString) src = g_string_new ("$DERLEM ");
      g_autoptr (GString) from = g_string_new ("$DERLEM ");
      g_string_append (src, run);
      g_string_append (from, run);
      g_string_replace (src, "P", "--meta corpus/MANIFEST.tsv corpus", 1);
      g_autofree char *quoted = g_strdup_printf ("--meta corpus/MANIFEST.tsv '%s'", idx);
      g_string_replace (from, "P", quoted, 1);
      g_string_prepend (from, "DERLEM_PARTS_BYTES=700 ");
      CliRun a = cli_run (src->str, NULL);
      CliRun b = cli_run (from->str, NULL);
      DL_ASSERT_INT_EQ_FOR (run, b.status, a.status);
      DL_ASSERT_INT_EQ_FOR (run, a.status, 0);
      DL_ASSERT_TRUE_FOR (run, strlen (a.out) > 100);
      DL_ASSERT_TRUE_FOR (run, strcmp (a.out, b.out) == 0);
      cli_run_clear (&a);
      cli_run_clear (&b);
    }
  /* The blocks' tokens say which lines hold the word, in parts too. */
  g_autofree char *with_tokens = build_index_with (TRUE, TRUE);
  static const char *const kwics[] = {
    "kwic --format tsv ve",
    "kwic --format tsv -e ve -e the -e Karabağ",
    "kwic --format tsv --words 3 bir",
    "kwic --format tsv 'Dağlık Karabağ'",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (kwics); i++)
    {
      g_autofree char *src = g_strdup_printf ("$DERLEM %s corpus", kwics[i]);
      g_autofree char *from = g_strdup_printf (
          "DERLEM_PARTS_BYTES=700 DERLEM_TOKENS_AFTER=0 $DERLEM %s '%s'", kwics[i], with_tokens);
      CliRun a = cli_run (src, NULL);
      CliRun b = cli_run (from, NULL);
      DL_ASSERT_INT_EQ_FOR (src, b.status, a.status);
      DL_ASSERT_TRUE_FOR (src, strlen (a.out) > 100);
      DL_ASSERT_TRUE_FOR (src, strcmp (a.out, b.out) == 0);
      cli_run_clear (&a);
      cli_run_clear (&b);
    }
  free_index (g_steal_pointer (&with_tokens));
  /* A byte flipped here and there in the segment: what one reader prints
   * before the damage and says of it, in parts too; a frame kwic does not
   * read (words it does not look up, counts) changes nothing. */
  g_autofree char *seg = segment_of (idx);
  g_autofree char *bytes = NULL;
  gsize len;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (seg, &bytes, &len, NULL));
  g_autofree char *q = g_shell_quote (idx);
  g_autofree char *one = g_strdup_printf ("$DERLEM kwic --format tsv ve %s", q);
  g_autofree char *in_parts = g_strdup_printf ("DERLEM_PARTS_BYTES=700 %s", one);
  CliRun whole = cli_run (one, NULL);
  DL_ASSERT_INT_EQ (whole.status, 0);
  guint damaged = 0;
  for (guint twentieth = 1; twentieth < 20; twentieth++)
    {
      bytes[len * twentieth / 20] ^= 0x55;
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (seg, bytes, (gssize) len, NULL));
      bytes[len * twentieth / 20] ^= 0x55;
      CliRun a = cli_run (one, NULL);
      CliRun b = cli_run (in_parts, NULL);
      DL_ASSERT_INT_EQ (b.status, a.status);
      DL_ASSERT_STR_EQ (b.err, a.err);
      DL_ASSERT_STR_EQ (b.out, a.out);
      if (a.status == 1)
        {
          damaged++;
          CU_ASSERT_PTR_NOT_NULL (strstr (a.err, "damaged index"));
          /* What it gave is right: hits of the whole run, in order, but
           * for one whose right context the damage cut short. */
          CU_ASSERT_TRUE (lines_not_within (a.out, whole.out) <= 1);
        }
      else
        {
          DL_ASSERT_INT_EQ (a.status, 0);
          DL_ASSERT_STR_EQ (a.out, whole.out);
        }
      cli_run_clear (&a);
      cli_run_clear (&b);
    }
  /* Most of the segment is blocks of lines. */
  CU_ASSERT_TRUE (damaged >= 10);
  cli_run_clear (&whole);
  free_index (g_steal_pointer (&idx));
}

/* colloc NODE over an index takes the counts the build kept and counts
 * the co-occurrences over the blocks of the node's hits and the windows
 * around them: with blocks of a line or two, every node and window prints
 * what it prints over the files, and a damaged block no window needs is
 * never read. */
static void
test_index_colloc_reads_what_it_needs (void)
{
  g_autofree char *idx = build_small_index ();
  g_autofree char *q = g_shell_quote (idx);
  static const char *const runs_of[] = {
    "savaş",
    "--window 3,1 'Dağlık Karabağ'",
    "--window 0,4 İŞGAL",
    "--window 9,9 'karabağ*'",
    "--numbers --min-cooc 1 1990",
    "--unit stem ermeni",
    "--unit lemma --lang en war",
    "/^azerbaycan/",
    "--case keep Karabağ",
    "--min-cooc 1 --sort ll --window 1,1 -e 'of the'",
    "--min-cooc 1 anap",
    "--by kind --meta corpus/MANIFEST.tsv savaş",
    "nothing-here",
  };
  guint rows = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (runs_of); i++)
    {
      g_autofree char *src = g_strdup_printf ("$DERLEM colloc --format tsv %s corpus", runs_of[i]);
      g_autofree char *from = g_strdup_printf ("$DERLEM colloc --format tsv %s %s", runs_of[i], q);
      CliRun a = cli_run (src, NULL);
      CliRun b = cli_run (from, NULL);
      DL_ASSERT_INT_EQ_FOR (src, b.status, a.status);
      DL_ASSERT_INT_EQ_FOR (src, a.status, 0);
      DL_ASSERT_TRUE_FOR (src, strcmp (a.out, b.out) == 0);
      DL_ASSERT_TRUE_FOR (src, strcmp (a.err, b.err) == 0);
      rows += strlen (a.out) > 200;
      cli_run_clear (&a);
      cli_run_clear (&b);
    }
  /* All but nothing-here have collocates. */
  DL_ASSERT_INT_EQ (rows, G_N_ELEMENTS (runs_of) - 1);

  /* A byte flipped here and there in the segment: `anap` stands in the
   * first input alone, whose counts and its few blocks are all colloc
   * reads; kwic ve reads every block and finds the damage. */
  g_autofree char *seg = segment_of (idx);
  g_autofree char *bytes = NULL;
  gsize len;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (seg, &bytes, &len, NULL));
  CliRun want = cli_run ("$DERLEM colloc --format tsv --min-cooc 1 anap corpus", NULL);
  g_autofree char *colloc = g_strdup_printf ("$DERLEM colloc --format tsv --min-cooc 1 anap %s", q);
  g_autofree char *kwic = g_strdup_printf ("$DERLEM kwic --format tsv ve %s", q);
  guint skipped = 0;
  for (guint twentieth = 1; twentieth < 20; twentieth++)
    {
      bytes[len * twentieth / 20] ^= 0x55;
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (seg, bytes, (gssize) len, NULL));
      bytes[len * twentieth / 20] ^= 0x55;
      CliRun a = cli_run (colloc, NULL);
      CliRun b = cli_run (kwic, NULL);
      /* Never a wrong answer: the one over the files, or the damage. */
      if (a.status == 0)
        DL_ASSERT_STR_EQ (a.out, want.out);
      else
        CU_ASSERT_PTR_NOT_NULL (strstr (a.err, "damaged index"));
      skipped += a.status == 0 && b.status == 1 && strstr (b.err, "damaged index") != NULL;
      cli_run_clear (&a);
      cli_run_clear (&b);
    }
  CU_ASSERT_TRUE (skipped >= 5);
  cli_run_clear (&want);
  free_index (g_steal_pointer (&idx));
}

/* The words of corpus/'s files cut into lines of one to four words, in a
 * file of @dir: windows then run over many lines, languages switch
 * often (each short line is identified alone), and the node's lines are
 * far apart. Its path. */
static char *
short_lines_file (const char *dir)
{
  static const char *const names[] = {
    "article-tr-karabag-turk-dunyasi.txt",
    "commentary-en-karabakh-liberation.txt",
    "article-tr-turkiye-azerbaycan-guvenlik.txt",
  };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (18);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (TEST_SRCDIR, "corpus", names[i], NULL);
      g_autofree char *text = NULL;
      CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &text, NULL, NULL));
      g_auto (GStrv) words = g_strsplit_set (text, " \n", -1);
      gint32 left = 0;
      for (guint w = 0; words[w] != NULL; w++)
        {
          if (*words[w] == '\0')
            continue;
          if (left-- == 0)
            {
              g_string_append_c (out, '\n');
              left = g_rand_int_range (rand, 0, 4);
            }
          else
            g_string_append_c (out, ' ');
          g_string_append (out, words[w]);
        }
      g_string_append_c (out, '\n');
    }
  char *file = g_build_filename (dir, "short-lines.txt", NULL);
  CU_ASSERT_TRUE_FATAL (g_file_set_contents (file, out->str, (gssize) out->len, NULL));
  return file;
}

/* colloc NODE over an index tokenizes only the lines around the node's
 * candidates (the prefilter's) in the blocks that hold them: over lines
 * of a few words, where windows and phrases run over many lines and
 * languages switch, every window prints what it prints over the files,
 * with blocks of a line or two and of the default size. */
static void
test_index_colloc_regions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  g_autofree char *file = short_lines_file (dir);
  g_autofree char *big = g_build_filename (dir, "big.dlx", NULL);
  g_autofree char *small = g_build_filename (dir, "small.dlx", NULL);
  g_autofree char *qfile = g_shell_quote (file);
  g_autofree char *src = g_strdup_printf ("%s corpus/commentary-tr-karabag-2023.txt", qfile);
  g_autofree char *b1 = g_strdup_printf ("$DERLEM index build -o '%s' %s", big, src);
  g_autofree char *b2
      = g_strdup_printf ("DERLEM_INDEX_BLOCK_BYTES=300 $DERLEM index build -o '%s' %s", small, src);
  CliRun r1 = cli_run (b1, NULL), r2 = cli_run (b2, NULL);
  DL_ASSERT_INT_EQ (r1.status, 0);
  DL_ASSERT_INT_EQ (r2.status, 0);
  cli_run_clear (&r1);
  cli_run_clear (&r2);
  static const char *const runs_of[] = {
    "savaş",
    "--window 9,9 'karabağ*'",
    "--window 3,1 --min-cooc 1 'Dağlık Karabağ'",
    "--window 8,2 --min-cooc 1 'Dağlık Karabağ'",
    "--window 0,4 the",
    "--window 7,0 -e 'of the'",
    "--window 2,6 --lang en war",
    "--numbers --min-cooc 1 --window 4,4 2020",
    "--case keep --min-cooc 1 Azerbaycan",
    "--unit stem --window 6,3 ermeni",
    "--min-cooc 1 --window 12,12 ve",
    "--min-cooc 1 --window 1000,1000 barış",
    "--min-cooc 1 --window 3,0 'savaş *'",
    "--min-cooc 1 --window 2,0 'savaş * *'",
  };
  guint rows = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (runs_of); i++)
    {
      g_autofree char *over_files
          = g_strdup_printf ("$DERLEM colloc --format tsv %s %s", runs_of[i], src);
      CliRun want = cli_run (over_files, NULL);
      DL_ASSERT_INT_EQ_FOR (over_files, want.status, 0);
      rows += strlen (want.out) > 300;
      const char *const idx[] = { big, small };
      for (gsize k = 0; k < G_N_ELEMENTS (idx); k++)
        {
          g_autofree char *cmd
              = g_strdup_printf ("$DERLEM colloc --format tsv %s '%s'", runs_of[i], idx[k]);
          CliRun got = cli_run (cmd, NULL);
          DL_ASSERT_INT_EQ_FOR (cmd, got.status, 0);
          DL_ASSERT_TRUE_FOR (cmd, strcmp (got.out, want.out) == 0);
          DL_ASSERT_TRUE_FOR (cmd, strcmp (got.err, want.err) == 0);
          cli_run_clear (&got);
        }
      cli_run_clear (&want);
    }
  /* Every node has collocates. */
  DL_ASSERT_INT_EQ (rows, G_N_ELEMENTS (runs_of));

  /* Files of a node's line, lines without it, a line of no language
   * counted, then the node again: as many lines between as make one of
   * them the last line when the lines read ahead are trimmed, after
   * which no window reaches back past it. */
  g_autofree char *files = g_build_filename (dir, "breaks", NULL);
  g_mkdir (files, 0700);
  for (guint k = 56; k < 72; k++)
    {
      g_autoptr (GString) t = g_string_new ("Bu savaş bölgede büyük acılara yol açtı ve barış "
                                            "umutları azaldı.\n");
      for (guint i = 0; i < k; i++)
        g_string_append (t, "Türkiye ile Azerbaycan arasındaki ilişkiler son yıllarda hızla "
                            "güçlendi.\n");
      g_string_append (t, "12345 67890 2024\nsavaş sonrası yeniden inşa başladı ve halk yavaş "
                          "yavaş geri döndü.\n");
      g_autofree char *name = g_strdup_printf ("%s/k%u.txt", files, k);
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (name, t->str, (gssize) t->len, NULL));
    }
  g_autofree char *breaks = g_build_filename (dir, "breaks.dlx", NULL);
  g_autofree char *b3 = g_strdup_printf ("$DERLEM index build -o '%s' '%s'", breaks, files);
  CliRun r3 = cli_run (b3, NULL);
  DL_ASSERT_INT_EQ (r3.status, 0);
  cli_run_clear (&r3);
  g_autofree char *over_files
      = g_strdup_printf ("$DERLEM colloc --format tsv --min-cooc 1 savaş '%s'", files);
  g_autofree char *over_index
      = g_strdup_printf ("$DERLEM colloc --format tsv --min-cooc 1 savaş '%s'", breaks);
  CliRun want = cli_run (over_files, NULL), got = cli_run (over_index, NULL);
  DL_ASSERT_INT_EQ (want.status, 0);
  DL_ASSERT_INT_EQ (got.status, 0);
  DL_ASSERT_STR_EQ (got.out, want.out);
  /* The windows stop at the line of numbers: ilişkiler is no collocate. */
  CU_ASSERT_PTR_NOT_NULL (strstr (want.out, "\tbölgede\t"));
  CU_ASSERT_PTR_NULL (strstr (want.out, "\tilişkiler\t"));
  cli_run_clear (&want);
  cli_run_clear (&got);
  cli_remove_dir (dir);
}

/* kwic over an index reads the blocks that hold its words and those
 * around them: with blocks of a line or two (and the words' pairs written
 * in many runs), every query and context prints what it prints over the
 * files. */
/* kwic over an index of small blocks, with and without the blocks'
 * tokens (which then say which lines hold a searched word): every query
 * and option prints what it prints over the files. */
static void
test_index_kwic_reads_what_it_needs (void)
{
  static const char *const queries[] = {
    "savaş",
    "ve",
    "-e ve -e bir -e the",
    "'ve bu'",
    "--assume-lang en I",
    "Karabağ",
    "'Dağlık Karabağ'",
    "'Azerbaycan ve'",
    "'erm*'",
    "'*stan'",
    "/^ermeni/",
    "the",
    "'of the'",
    "İŞGAL",
    "1990",
    "'Türkiye’nin'",
    "nothing-here",
    "--cql '[fold=\"dağlık\"] [fold=\"karabağ.*\"]'",
    "--cql '\"the\" [lang=\"en\" & word!=\"of\"]+ \"of\" within s'",
    "--cql '[lemma=\"savaş\"] []{0,2} [lang=\"tr\" & stem!=\"ve\"] within s'",
    /* Forms searched by their start in the sorted words (ş and ğ end
     * it: their last byte, one higher, ends the range). */
    "'karabağ*'",
    "--cql '[fold=\"savaş.*\"] \"Sonra\"|[fold=\"türk.*\" & lang=\"tr\"] \"ve\"'",
  };
  static const char *const options[] = {
    "--format tsv",
    "--format tsv --words 4",
    "--format tsv --width 120 --sentence",
    "--format json --lang en",
    "--format csv --unit stem",
    "--format tsv --sort right",
    "--format text --numbers",
    "--format html --lang tr --words 3",
  };
  /* Small blocks, then small blocks with their tokens, every line the
   * prefilter takes asked of them, then blocks of an input each with
   * their tokens, asked past a block's first 16 lines. */
  for (int round = 0; round < 3; round++)
    {
      g_autofree char *idx = build_index_with (round<2, round> 0);
      const char *knob = round == 1 ? "DERLEM_TOKENS_AFTER=0 " : "";
      guint tried = 0, hits = 0;
      for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
        for (gsize o = 0; o < G_N_ELEMENTS (options); o++)
          {
            g_autofree char *src
                = g_strdup_printf ("$DERLEM kwic %s %s corpus", options[o], queries[q]);
            g_autofree char *from
                = g_strdup_printf ("%s$DERLEM kwic %s %s '%s'", knob, options[o], queries[q], idx);
            CliRun a = cli_run (src, NULL);
            CliRun b = cli_run (from, NULL);
            DL_ASSERT_INT_EQ_FOR (src, b.status, a.status);
            DL_ASSERT_TRUE_FOR (src, strcmp (a.out, b.out) == 0);
            DL_ASSERT_TRUE_FOR (src, strcmp (a.err, b.err) == 0);
            hits += strlen (a.out) > 200;
            tried++;
            cli_run_clear (&a);
            cli_run_clear (&b);
          }
      DL_ASSERT_INT_EQ (tried, G_N_ELEMENTS (queries) * G_N_ELEMENTS (options));
      CU_ASSERT_TRUE (hits > tried / 2);
      free_index (g_steal_pointer (&idx));
    }
}

/* dispersion (and compare's keywords, with their lines) over an index
 * reads the blocks that hold its words, with the places of their hits
 * from the blocks' counts: with blocks of a line or two, every query and
 * option prints what it prints over the files. */
static void
test_index_dispersion_reads_what_it_needs (void)
{
  g_autofree char *idx = build_small_index ();
  static const char *const finds[] = {
    "dispersion --format tsv savaş",
    "dispersion --format tsv --parts 10 nothing-here", /* sizes alone */
    "dispersion --format tsv --parts 7 'Dağlık Karabağ'",
    "dispersion --format tsv --numbers --parts 3 1990",
    "dispersion --format tsv --lang en -e 'of the' -e war",
    "dispersion --format tsv --unit stem --parts 5 savaş",
    "dispersion --format tsv --cql '[fold=\"savaş.*\"] [fold=\"sonra\"]'",
    "dispersion --format tsv --parts 4 --numbers --cql '[word=\"[0-9]+\"] [fold=\"yıl.*\"]'",
    "dispersion --format tsv --cql '\"the\" [lang=\"en\" & word!=\"of\"]+ \"of\" within s'",
    "dispersion --format html İŞGAL",
    "compare --format markdown --lines 10",
  };
  guint hits = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (finds); i++)
    {
      g_autofree char *src = g_strdup_printf ("$DERLEM %s corpus", finds[i]);
      g_autofree char *from = g_strdup_printf ("$DERLEM %s '%s'", finds[i], idx);
      CliRun a = cli_run (src, NULL);
      CliRun b = cli_run (from, NULL);
      DL_ASSERT_INT_EQ_FOR (finds[i], a.status, 0);
      DL_ASSERT_INT_EQ_FOR (finds[i], b.status, 0);
      DL_ASSERT_TRUE_FOR (finds[i], strcmp (a.out, b.out) == 0);
      /* Not vacuous: rows for every part. */
      hits += strlen (a.out) > 250;
      cli_run_clear (&a);
      cli_run_clear (&b);
    }
  DL_ASSERT_INT_EQ (hits, G_N_ELEMENTS (finds));
  free_index (g_steal_pointer (&idx));
}

/* Block ranges (guint64 [from, to) pairs) as "from-to ..." joined. */
static char *
ranges_text (const GArray *ranges)
{
  GString *s = g_string_new (NULL);
  for (guint r = 0; r < ranges->len; r += 2)
    g_string_append_printf (s, "%s%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT, r > 0 ? " " : "",
                            g_array_index (ranges, guint64, r),
                            g_array_index (ranges, guint64, r + 1));
  return g_string_free (s, FALSE);
}

/* The blocks of input @i that @m's queries read with a reach of one token
 * on each side: "from-to ..." joined, "all" when every block is to be
 * read. */
static char *
blocks_read (DlIndex *idx, guint i, DlMatcher *m)
{
  DlIndexNeed need = { .reach = 1 };
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndexWords) words = NULL;
  if (!dl_hit_blocks (idx, i, m, &need, &need, NULL, NULL, &words, ranges, NULL, NULL, &error))
    return g_strdup (error != NULL ? error->message : "all");
  return ranges_text (ranges);
}

/* A matcher of @texts (@n of them; CQL where @cql), folding forms. */
static DlMatcher *
matcher_of (const char *const *texts, guint n, gboolean cql, GPtrArray *keep)
{
  DlQuery *queries[4];
  for (guint q = 0; q < n; q++)
    {
      queries[q] = cql ? dl_query_parse_cql (texts[q], NULL) : dl_query_parse (texts[q], NULL);
      g_assert (queries[q] != NULL);
      g_ptr_array_add (keep, queries[q]);
    }
  DlQueryOptions o = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
  DlMatcher *m = dl_matcher_new (queries, n, &o, NULL);
  g_assert (m != NULL);
  return m;
}

/* The first line of block @b of input 0 of @idx (g_free). */
static char *
first_line_of_block (DlIndex *idx, guint64 b)
{
  g_autoptr (DlIndexLines) r = dl_index_lines_open (idx, 0, NULL);
  guint64 range[2] = { b, b + 1 };
  dl_index_lines_part (r, range, 1, TRUE, FALSE);
  DlIndexLine line;
  return dl_index_lines_next (r, &line, NULL) ? g_strndup (line.text, line.len) : NULL;
}

/* The blocks that a concordance of @word reads around its hits (a
 * context of 40 columns), with the prefilter's lines seen where @edges. */
static char *
blocks_for_context (DlIndex *idx, const char *word, gboolean edges)
{
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
  const char *const texts[] = { word };
  g_autoptr (DlMatcher) m = matcher_of (texts, 1, FALSE, keep);
  DlQueryOptions o = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
  g_autoptr (DlPrefilter) pf = dl_prefilter_new ((DlQuery *const *) keep->pdata, 1, &o, m, NULL);
  g_assert (pf != NULL);
  DlIndexNeed need = { .cols = 41 };
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (DlIndexWords) words = NULL;
  if (!dl_hit_blocks (idx, 0, m, &need, &need, edges ? pf : NULL, NULL, &words, ranges, NULL, NULL,
                      NULL))
    return g_strdup ("all");
  return ranges_text (ranges);
}

/* Builds an index of corpus/ in blocks of about @block_bytes bytes in
 * @dir, and opens it. */
static DlIndex *
corpus_index_in (const char *dir, guint block_bytes)
{
  g_autofree char *path = g_build_filename (dir, "small.dlx", NULL);
  g_autofree char *cmd = g_strdup_printf (
      "DERLEM_INDEX_BLOCK_BYTES=%u $DERLEM index build -o '%s' corpus", block_bytes, path);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
  return dl_index_open (path, NULL);
}

static gboolean
holds_karabag (const char *text, gsize len, gpointer user_data)
{
  (void) user_data;
  return g_strstr_len (text, (gssize) len, "Karaba") != NULL;
}

/* What dl_index_lines_edges says of a block, from its lines as read: the
 * columns before the first line taken, after the last (TRUE when none is). */
static void
edges_by_reading (DlIndexLines *r, guint64 b, guint64 before, guint64 after, gboolean *hb,
                  gboolean *ha)
{
  guint64 range[2] = { b, b + 1 };
  dl_index_lines_part (r, range, 1, TRUE, FALSE);
  guint64 head = 0, tail = 0;
  gboolean seen = FALSE;
  DlIndexLine line;
  while (dl_index_lines_next (r, &line, NULL))
    {
      if (holds_karabag (line.text, line.len, NULL))
        {
          seen = TRUE;
          tail = 0;
          continue;
        }
      guint64 cols = dl_index_line_cols (line.text, line.len);
      head += seen ? 0 : cols;
      tail += cols;
    }
  *hb = !seen || head >= before;
  *ha = !seen || tail >= after;
}

/* dl_index_lines_edges, which looks only at the lines near a block's
 * ends, says what reading every line of it says, for every block of
 * corpus/ in blocks of about 2,000 bytes and needs from none to more
 * than a block. */
static void
test_index_lines_edges_agree_with_reading (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  g_autoptr (DlIndex) idx = corpus_index_in (dir, 2000);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  static const guint64 needs[][2] = { { 0, 0 }, { 1, 1 }, { 41, 81 }, { 200, 40 }, { 5000, 5000 } };
  guint tried = 0, differ = 0, held[2] = { 0, 0 }, not_held[2] = { 0, 0 };
  for (guint i = 0; i < dl_index_n_inputs (idx); i++)
    {
      g_autoptr (DlIndexLines) a = dl_index_lines_open (idx, i, NULL);
      g_autoptr (DlIndexLines) b = dl_index_lines_open (idx, i, NULL);
      if (a == NULL)
        continue;
      for (guint64 k = 0; k < dl_index_input_blocks (idx, i); k++)
        for (gsize n = 0; n < G_N_ELEMENTS (needs); n++)
          {
            gboolean hb = FALSE, ha = FALSE, want_hb, want_ha;
            if (!dl_index_lines_edges (a, k, needs[n][0], needs[n][1], holds_karabag, NULL, &hb,
                                       &ha, NULL))
              differ++;
            edges_by_reading (b, k, needs[n][0], needs[n][1], &want_hb, &want_ha);
            differ += hb != want_hb || ha != want_ha;
            held[0] += hb, held[1] += ha, not_held[0] += !hb, not_held[1] += !ha;
            tried++;
          }
    }
  DL_ASSERT_INT_EQ (differ, 0);
  /* Each answer given on each side, many times. */
  DL_ASSERT_TRUE_FOR ("tried", tried > 500);
  DL_ASSERT_TRUE_FOR ("held", held[0] > 50 && held[1] > 50);
  DL_ASSERT_TRUE_FOR ("not held", not_held[0] > 50 && not_held[1] > 50);
  cli_remove_dir (dir);
}

/* The lines of block @b read by @r (restricted to it), one per line of
 * the result; NULL if reading failed. */
static char *
block_lines (DlIndexLines *r, guint64 b)
{
  guint64 range[2] = { b, b + 1 };
  dl_index_lines_restrict (r, range, 1);
  g_autoptr (GString) out = g_string_new (NULL);
  DlIndexLine line;
  g_autoptr (GError) error = NULL;
  while (dl_index_lines_next (r, &line, &error))
    g_string_append_printf (out, "%" G_GUINT64_FORMAT " %.*s\n", line.number, (int) line.len,
                            line.text);
  return error == NULL ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* A block whose edges a reader looked at is read by it next without
 * being read from the file again (kwic looks at a rare word's block
 * through the reader that then reads it): the same lines as a fresh
 * reader's, even once the file is overwritten with zeros, which a fresh
 * reader finds damaged. */
static void
test_index_lines_edges_then_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  g_autoptr (DlIndex) idx = corpus_index_in (dir, 2000);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  CU_ASSERT_TRUE_FATAL (dl_index_input_blocks (idx, 0) > 3);
  g_autoptr (DlIndexLines) fresh = dl_index_lines_open (idx, 0, NULL);
  g_autofree char *want = block_lines (fresh, 2);
  CU_ASSERT_TRUE_FATAL (want != NULL && strlen (want) > 100);
  g_autoptr (DlIndexLines) r = dl_index_lines_open (idx, 0, NULL);
  gboolean hb, ha;
  CU_ASSERT_TRUE (dl_index_lines_edges (r, 1, 10, 10, holds_karabag, NULL, &hb, &ha, NULL));
  CU_ASSERT_TRUE (dl_index_lines_edges (r, 2, 10, 10, holds_karabag, NULL, &hb, &ha, NULL));

  g_autofree char *idx_path = g_build_filename (dir, "small.dlx", NULL);
  g_autofree char *seg = segment_of (idx_path);
  FILE *f = fopen (seg, "r+b");
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  fseek (f, 0, SEEK_END);
  long size = ftell (f);
  fseek (f, 0, SEEK_SET);
  g_autofree char *zeros = g_malloc0 ((gsize) size);
  CU_ASSERT_EQUAL (fwrite (zeros, 1, (size_t) size, f), (size_t) size);
  fclose (f);

  g_autofree char *got = block_lines (r, 2);
  DL_ASSERT_STR_EQ (got, want);
  /* A fresh reader reads the block from the file, zeros now. */
  g_autoptr (DlIndexLines) again = dl_index_lines_open (idx, 0, NULL);
  g_autofree char *gone = block_lines (again, 2);
  CU_ASSERT_PTR_NULL (gone);
  cli_remove_dir (dir);
}

/* A concordance reads a hit's block alone when the block's lines before
 * and after the hit's hold its context; the block before too when the
 * hit is on its block's first line, the block after when on its last.
 * Lines of 99 bytes in blocks of 300 bytes: three lines a block. */
static void
test_index_kwic_reads_hit_blocks_alone (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  g_autofree char *cmd = g_strdup_printf (
      "cd '%s' && awk 'BEGIN { for (i = 0; i < 30; i++) { w = i == 13 ? \"zebra\" : i == 18 ? "
      "\"yak\" : i == 23 ? \"gnu\" : \"cat\"; s = sprintf (\"line %%02d %%s\", i, w); "
      "while (length (s) < 99) s = s \" lorem\"; print substr (s, 1, 99) } }' > t.txt && "
      "DERLEM_INDEX_BLOCK_BYTES=300 \"$DERLEM\" index build -o t.dlx t.txt && "
      "for w in zebra yak gnu; do \"$DERLEM\" kwic --format tsv $w t.txt > $w.a; "
      "\"$DERLEM\" kwic --format tsv $w t.dlx > $w.b; cmp $w.a $w.b && wc -l < $w.b; done",
      dir);
  CliRun r = cli_run (cmd, NULL);
  /* The same concordance over the index as over the file. */
  DL_ASSERT_STR_EQ (r.out, "2\n2\n2\n");
  cli_run_clear (&r);
  g_autofree char *path = g_build_filename (dir, "t.dlx", NULL);
  g_autoptr (DlIndex) idx = dl_index_open (path, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  DL_ASSERT_INT_EQ (dl_index_input_blocks (idx, 0), 10);
  g_autofree char *first4 = first_line_of_block (idx, 4);
  g_autofree char *first6 = first_line_of_block (idx, 6);
  g_autofree char *first7 = first_line_of_block (idx, 7);
  DL_ASSERT_TRUE_FOR (first4, g_str_has_prefix (first4, "line 12 cat"));
  DL_ASSERT_TRUE_FOR (first6, g_str_has_prefix (first6, "line 18 yak"));
  DL_ASSERT_TRUE_FOR (first7, g_str_has_prefix (first7, "line 21 cat"));
  static const struct {
    const char *word, *alone, *around;
  } cases[] = {
    { "zebra", "4-5", "3-6" }, /* the middle line of its block */
    { "yak", "5-7", "5-8" },   /* the first */
    { "gnu", "7-9", "6-9" },   /* the last */
  };
  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *alone = blocks_for_context (idx, cases[k].word, TRUE);
      g_autofree char *around = blocks_for_context (idx, cases[k].word, FALSE);
      DL_ASSERT_STR_EQ_FOR (cases[k].word, alone, cases[k].alone);
      DL_ASSERT_STR_EQ_FOR (cases[k].word, around, cases[k].around);
    }
  cli_remove_dir (dir);
}

static void
test_index_cql_reads_its_blocks (void)
{
  /* A CQL query reads the blocks of the condition every match has a token
   * of: those of the word query that spells it (the tests on fold and
   * lang known from each folded form, those on word taken as unknown but
   * for a plain string),
   * the union of an alternative's, every block when nothing is known. */
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  g_autoptr (DlIndex) idx = corpus_index_in (dir, 2000);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  static const struct {
    const char *cql[2], *words[2];
  } cases[] = {
    { { "[fold=\"dağlık\"] [fold=\"karabağ.*\"]" }, { "\"dağlık karabağ*\"" } },
    { { "\"Dağlık\"%c [fold=\"karabağ.*\" & lang=\"tr\"] []{0,3}" }, { "karabağ*" } },
    { { "([fold=\"ermeni.*\"] | [fold=\"azerbaycan\"]) \"ve\"" }, { "ermeni*", "azerbaycan" } },
    { { "[fold=\"ermeni.*\"]", "[fold=\"nahçıvan\"]+ []?" }, { "ermeni*", "nahçıvan" } },
    { { "[lang=\"en\"] [fold=\"war\"]" }, { "war" } },
    { { "[fold=\"war\" & lang=\"tr\"]" }, { "nothing-here" } },
    /* A plain word without %c: only tokens folding as it does. */
    { { "\"Savaş\" [fold=\"sonra\"]" }, { "\"savaş sonra\"" } },
    { { "[word=\"Türkiye\" & lang=\"tr\"]", "\"Azerbaijan\"" }, { "türkiye", "azerbaijan" } },
  };
  guint fewer = 0;
  for (guint i = 0; i < dl_index_n_inputs (idx); i++)
    for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr (GPtrArray) keep
            = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
        guint n = cases[c].cql[1] != NULL ? 2 : 1, n_words = cases[c].words[1] != NULL ? 2 : 1;
        g_autoptr (DlMatcher) a = matcher_of (cases[c].cql, n, TRUE, keep);
        g_autoptr (DlMatcher) b = matcher_of (cases[c].words, n_words, FALSE, keep);
        g_autofree char *got = blocks_read (idx, i, a);
        g_autofree char *want = blocks_read (idx, i, b);
        g_autofree char *label = g_strdup_printf ("%s, input %u", cases[c].cql[0], i);
        DL_ASSERT_STR_EQ_FOR (label, got, want);
        fewer += strcmp (got, want) == 0 && strcmp (got, "all") != 0 && strchr (got, '-') != NULL;
      }
  DL_ASSERT_TRUE_FOR ("some queries read some blocks", fewer > 10);
  /* Two CQL queries of 40 tests each: 80 bits of the matcher's mask past
   * the terms (none), which the words' pass must have room for. */
  GString *many[2] = { g_string_new ("[fold=\"savaş\""), g_string_new ("[fold=\"karabağ\"") };
  for (int k = 0; k < 2; k++)
    {
      for (int t = 1; t < 40; t++)
        g_string_append_printf (many[k], " | fold=\"%c%d\"", "sk"[k], t);
      g_string_append_c (many[k], ']');
    }
  const char *const many_cql[] = { many[0]->str, many[1]->str };
  static const char *const many_words[] = { "savaş", "karabağ" };
  for (guint i = 0; i < dl_index_n_inputs (idx); i++)
    {
      g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
      g_autoptr (DlMatcher) a = matcher_of (many_cql, 2, TRUE, keep);
      g_autoptr (DlMatcher) b = matcher_of (many_words, 2, FALSE, keep);
      g_autofree char *got = blocks_read (idx, i, a);
      g_autofree char *want = blocks_read (idx, i, b);
      DL_ASSERT_STR_EQ_FOR ("80 tests", got, want);
    }
  g_string_free (many[0], TRUE);
  g_string_free (many[1], TRUE);
  /* Nothing known: a match may be [] alone, or of optional parts ("all",
   * from the query alone); or every block has a form that may be of a
   * match (a word's test is not known from a folded form). */
  static const struct {
    const char *query;
    gboolean before_words;
  } unknown[] = {
    { "[]{2}", TRUE },
    { "\"savaş\"%c", FALSE },
    { "[word=\"sava.\"]", FALSE },
    { "[fold=\"savaş\"]? []", TRUE },
    { "[fold=\"savaş\"] | []", TRUE },
    { "[!fold=\"savaş\"]", FALSE },
  };
  for (gsize u = 0; u < G_N_ELEMENTS (unknown); u++)
    {
      g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
      g_autoptr (DlMatcher) m = matcher_of (&unknown[u].query, 1, TRUE, keep);
      g_autofree char *got = blocks_read (idx, 0, m);
      g_autofree char *every
          = g_strdup_printf ("0-%" G_GUINT64_FORMAT, dl_index_input_blocks (idx, 0));
      DL_ASSERT_STR_EQ_FOR (unknown[u].query, got, unknown[u].before_words ? "all" : every);
    }
  cli_remove_dir (dir);
}

static void
test_index_info_and_verify (void)
{
  g_autofree char *idx = build_corpus_index ();
  g_autofree char *cmd = g_strdup_printf ("$DERLEM index info --format tsv '%s'", idx);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  /* The lines by language are langs's. */
  CliRun l = cli_run ("$DERLEM langs --format tsv --threads 1 corpus", NULL);
  g_auto (GStrv) rows = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (rows[0], "lines\ttr\ten\tother\tbytes\tfile");
  guint64 lines[DL_LANG_COUNT] = { 0 }, total = 0;
  guint n = 0;
  for (guint i = 1; rows[i] != NULL && rows[i][0] != '\0'; i++, n++)
    {
      g_auto (GStrv) f = g_strsplit (rows[i], "\t", -1);
      CU_ASSERT_EQUAL_FATAL (g_strv_length (f), 6);
      total += g_ascii_strtoull (f[0], NULL, 10);
      lines[DL_LANG_TR] += g_ascii_strtoull (f[1], NULL, 10);
      lines[DL_LANG_EN] += g_ascii_strtoull (f[2], NULL, 10);
      lines[DL_LANG_OTHER] += g_ascii_strtoull (f[3], NULL, 10);
    }
  DL_ASSERT_INT_EQ (n, 5);
  DL_ASSERT_INT_EQ (total, lines[0] + lines[1] + lines[2]);
  /* langs's spans: count the lines each covers only roughly; its
   * "lines:" notes are for people, so compare with the text output. */
  CliRun t = cli_run ("$DERLEM langs --threads 1 corpus", NULL);
  guint64 from_langs[DL_LANG_COUNT] = { 0 };
  for (const char *p = t.out; (p = strstr (p, "lines: ")) != NULL; p++)
    {
      guint64 tr = 0, en = 0, other = 0;
      if (sscanf (p,
                  "lines: %" G_GUINT64_FORMAT " tr, %" G_GUINT64_FORMAT " en, %" G_GUINT64_FORMAT
                  " other",
                  &tr, &en, &other)
          == 3)
        {
          from_langs[DL_LANG_TR] += tr;
          from_langs[DL_LANG_EN] += en;
          from_langs[DL_LANG_OTHER] += other;
        }
    }
  DL_ASSERT_INT_EQ (lines[DL_LANG_TR], from_langs[DL_LANG_TR]);
  DL_ASSERT_INT_EQ (lines[DL_LANG_EN], from_langs[DL_LANG_EN]);
  DL_ASSERT_INT_EQ (lines[DL_LANG_OTHER], from_langs[DL_LANG_OTHER]);
  CU_ASSERT_TRUE (lines[DL_LANG_TR] > 2000);
  cli_run_clear (&t);
  cli_run_clear (&l);
  cli_run_clear (&r);

  g_autofree char *verify = g_strdup_printf ("$DERLEM index verify '%s'", idx);
  r = cli_run (verify, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  CU_ASSERT_TRUE (g_str_has_suffix (r.out, "corpus.dlx: ok\n"));
  cli_run_clear (&r);

  /* A byte of the segment flipped: verify and every command refuse it. */
  g_autofree char *flip = g_strdup_printf (
      "f=$(ls '%s'/seg-*.dls) && printf '\\377' | dd of=\"$f\" bs=1 seek=5000 conv=notrunc "
      "2>/dev/null",
      idx);
  r = cli_run (flip, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
  r = cli_run (verify, NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "damaged index"));
  cli_run_clear (&r);
  /* kwic reads the lines (freq, the counts kept beside them). */
  g_autofree char *kwic = g_strdup_printf ("$DERLEM kwic savaş '%s'", idx);
  r = cli_run (kwic, NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "bad checksum of a block"));
  cli_run_clear (&r);
  g_autofree char *freq = g_strdup_printf ("$DERLEM freq '%s'", idx);
  /* The manifest cut short: nothing is read. */
  g_autofree char *cut = g_strdup_printf ("truncate -s 20 '%s/derlem-index'", idx);
  r = cli_run (cut, NULL);
  cli_run_clear (&r);
  r = cli_run (freq, NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "tr: 0 tokens"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "damaged index: derlem-index: cut short"));
  cli_run_clear (&r);
  free_index (g_steal_pointer (&idx));
}

/* Runs @cmdline with IDX replaced by @idx (quoted), asserting exit 0;
 * its output (g_free). */
static char *
run_ok (const char *cmdline, const char *idx)
{
  g_autoptr (GString) cmd = g_string_new (cmdline);
  g_autofree char *quoted = g_strdup_printf ("'%s'", idx);
  g_string_replace (cmd, "IDX", quoted, 0);
  CliRun r = cli_run (cmd->str, NULL);
  DL_ASSERT_INT_EQ_FOR (cmd->str, r.status, 0);
  DL_ASSERT_STR_EQ_FOR (cmd->str, r.err, "");
  char *out = g_steal_pointer (&r.out);
  cli_run_clear (&r);
  return out;
}

/* The parts of `index info IDX`'s "of the index" note (lines, counts,
 * words, the rest) into @parts; the index's bytes are the return value. */
static guint64
info_parts (const char *idx, guint64 parts[4])
{
  g_autofree char *out = run_ok ("$DERLEM index info IDX", idx);
  /* The text writer wraps its notes: one line again. */
  g_autoptr (GString) flat = g_string_new (out);
  g_string_replace (flat, "\n  ", " ", 0);
  guint64 stored = 0;
  const char *in = strstr (flat->str, " bytes of text in ");
  const char *of = strstr (flat->str, "of the index: ");
  CU_ASSERT_PTR_NOT_NULL_FATAL (in);
  CU_ASSERT_PTR_NOT_NULL_FATAL (of);
  DL_ASSERT_INT_EQ (sscanf (in, " bytes of text in %" G_GUINT64_FORMAT, &stored), 1);
  DL_ASSERT_INT_EQ (sscanf (of,
                            "of the index: lines %" G_GUINT64_FORMAT
                            " (%*f), counts %" G_GUINT64_FORMAT " (%*f), words %" G_GUINT64_FORMAT
                            " (%*f), the rest %" G_GUINT64_FORMAT,
                            &parts[0], &parts[1], &parts[2], &parts[3]),
                    4);
  return stored;
}

/* Where an index's bytes go: the parts add up to its size, and blocks
 * of another size change the lines' part but not the counts'. */
static void
test_index_info_parts (void)
{
  char *idx = build_corpus_index ();
  char *small = build_small_index ();
  guint64 p[4], q[4];
  guint64 stored = info_parts (idx, p), stored_small = info_parts (small, q);
  DL_ASSERT_INT_EQ (p[0] + p[1] + p[2] + p[3], stored);
  DL_ASSERT_INT_EQ (q[0] + q[1] + q[2] + q[3], stored_small);
  for (int i = 0; i < 4; i++)
    CU_ASSERT_TRUE (p[i] > 0 && q[i] > 0);
  /* The text compresses less in blocks of a line or two, and their
   * postings and tables of contents are longer; the counts are the same. */
  CU_ASSERT_TRUE (q[0] > p[0]);
  CU_ASSERT_TRUE (q[2] > p[2]);
  CU_ASSERT_TRUE (q[3] > p[3]);
  DL_ASSERT_INT_EQ (q[1], p[1]);
  free_index (idx);
  free_index (small);
}

/* Each of the @n command lines @checks (IDX for the index) prints over
 * the index @got what it prints over the index @want, and more than a
 * little. */
static void
assert_same_over (const char *const *checks, gsize n, const char *want_idx, const char *got_idx)
{
  for (gsize k = 0; k < n; k++)
    {
      g_autofree char *want = run_ok (checks[k], want_idx);
      g_autofree char *got = run_ok (checks[k], got_idx);
      DL_ASSERT_TRUE_FOR (checks[k], strlen (want) > 50);
      DL_ASSERT_TRUE_FOR (checks[k], strcmp (want, got) == 0);
    }
}

#define A "corpus/article-tr-azerbaycan-denge-politikasi.txt"
#define B "corpus/commentary-en-karabakh-liberation.txt"
#define C "corpus/commentary-tr-karabag-2023.txt"

/* What commands print over an index built at once, added to, compacted,
 * or with an input removed, is the same as over one built of the same
 * inputs in the same order; the --meta table stays. */
static void
test_index_add_remove_compact (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  g_autofree char *whole = g_build_filename (dir, "whole.dlx", NULL);
  g_autofree char *two = g_build_filename (dir, "two.dlx", NULL);
  g_autofree char *grown = g_build_filename (dir, "grown.dlx", NULL);
  g_free (run_ok ("$DERLEM index build --meta corpus/MANIFEST.tsv -o IDX " A " " B " " C, whole));
  g_free (run_ok ("$DERLEM index build --meta corpus/MANIFEST.tsv -o IDX " A " " C, two));
  g_free (run_ok ("$DERLEM index build --meta corpus/MANIFEST.tsv -o IDX " A, grown));
  g_free (run_ok ("$DERLEM index add IDX " B, grown));
  g_free (run_ok ("$DERLEM index add --threads 1 IDX " C, grown));
  static const char *const checks[] = {
    "$DERLEM freq --format tsv IDX",         "$DERLEM kwic --format tsv savaş IDX",
    "$DERLEM colloc --all --format tsv IDX", "$DERLEM keyness --by kind --format tsv IDX",
    "$DERLEM index info --format tsv IDX",
  };
  for (guint round = 0; round < 3; round++)
    {
      /* 0: three segments; 1: compacted; 2: B removed, against two.dlx. */
      if (round == 1)
        g_free (run_ok ("$DERLEM index compact IDX", grown));
      if (round == 2)
        g_free (run_ok ("$DERLEM index remove IDX " B, grown));
      g_autofree char *info = run_ok ("$DERLEM index info IDX", grown);
      const char *segments[] = { "3 segments", "1 segments", "1 segments" };
      DL_ASSERT_TRUE_FOR (info, strstr (info, segments[round]) != NULL);
      DL_ASSERT_TRUE_FOR (info, strstr (info, "metadata table: yes") != NULL);
      assert_same_over (checks, G_N_ELEMENTS (checks), round == 2 ? two : whole, grown);
      g_autofree char *ok = run_ok ("$DERLEM index verify IDX", grown);
      CU_ASSERT_TRUE (g_str_has_suffix (ok, ": ok\n"));
    }
  /* No file of an older segment is left behind. */
  g_autofree char *ls = run_ok ("ls IDX | wc -l", grown);
  DL_ASSERT_STR_EQ (ls, "3\n"); /* manifest, segment, table */
  /* Twice the same input, or one not there: usage errors, nothing changed. */
  g_autofree char *add = g_strdup_printf ("$DERLEM index add '%s' " A, grown);
  CliRun r = cli_run_usage_error (add, "is in");
  cli_run_clear (&r);
  g_autofree char *rm = g_strdup_printf ("$DERLEM index remove '%s' " B, grown);
  r = cli_run_usage_error (rm, "is not in");
  cli_run_clear (&r);
  /* Many adds: merged into one segment by the add past eight. */
  g_autofree char *many = g_build_filename (dir, "many.dlx", NULL);
  g_free (run_ok ("$DERLEM index build -o IDX " A, many));
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/f%u.txt", dir, i);
      CU_ASSERT_TRUE (g_file_set_contents (name, "Savaş bitti. The war is over.\n", -1, NULL));
      g_autofree char *cmd = g_strdup_printf ("$DERLEM index add IDX '%s'", name);
      g_free (run_ok (cmd, many));
    }
  g_autofree char *info = run_ok ("$DERLEM index info IDX", many);
  DL_ASSERT_TRUE_FOR (info,
                      strstr (info, "9 inputs") != NULL && strstr (info, "1 segments") != NULL);
  cli_remove_dir (dir);
}

/* SIGINT in the middle of a build (an input that is a FIFO still being
 * written): the build's hidden directory and files go, no index appears;
 * over an index, the index stays as it was. Two processes read one index
 * at once. */
static void
test_index_interrupted_and_shared (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  for (guint over = 0; over < 2; over++)
    {
      g_autofree char *cmd = g_strdup_printf (
          "cd '%s' && rm -f in.txt && mkfifo in.txt && "
          "{ env --default-signal=INT \"$DERLEM\" index build -o x.dlx in.txt & pid=$!; exec "
          "3>in.txt; "
          "echo 'Savaş bitti. The war is over.' >&3; "
          "i=0; while [ $i -lt 100 ] && ! ls -A | grep -q '^\\.x\\.dlx\\.\\|seg-.*\\.dls\\.'; do "
          "sleep 0.05; i=$((i+1)); done; ls -A; ls -A x.dlx 2>/dev/null; "
          "kill -INT $pid; wait $pid; echo status=$?; exec 3>&-; }; rm -f in.txt",
          dir);
      CliRun r = cli_run (cmd, NULL);
      /* The build was seen under way, then killed by the signal. */
      DL_ASSERT_TRUE_FOR (r.out, strstr (r.out, over == 0 ? ".x.dlx." : ".seg-") != NULL);
      DL_ASSERT_TRUE_FOR (r.out, strstr (r.out, "status=130") != NULL);
      cli_run_clear (&r);
      g_autofree char *ls = g_strdup_printf ("cd '%s' && ls -A . x.dlx 2>&1", dir);
      r = cli_run (ls, NULL);
      if (over == 0)
        {
          /* Nothing at all: no index, no hidden directory. */
          DL_ASSERT_TRUE_FOR (r.out, strstr (r.out, ".x.dlx") == NULL);
          DL_ASSERT_TRUE_FOR (r.out, strstr (r.out, "No such file") != NULL);
        }
      else
        {
          /* The index that was there, whole: manifest and one segment. */
          DL_ASSERT_TRUE_FOR (r.out, strstr (r.out, ".seg-") == NULL);
          DL_ASSERT_TRUE_FOR (r.out, strstr (r.out, "derlem-index") != NULL);
        }
      cli_run_clear (&r);
      if (over == 0)
        {
          g_autofree char *build
              = g_strdup_printf ("cd '%s' && \"$DERLEM\" index build -o x.dlx "
                                 "\"$OLDPWD\"/corpus/commentary-tr-karabag-2023.txt",
                                 dir);
          r = cli_run (build, NULL);
          DL_ASSERT_INT_EQ (r.status, 0);
          cli_run_clear (&r);
        }
    }
  g_autofree char *ok = g_strdup_printf ("$DERLEM index verify '%s/x.dlx'", dir);
  CliRun r = cli_run (ok, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
  /* Two processes at once, each twice: the same output. */
  g_autofree char *two = g_strdup_printf (
      "x='%s/x.dlx'; for i in 1 2; do \"$DERLEM\" kwic --format tsv savaş \"$x\" > \"$x.a$i\" & "
      "\"$DERLEM\" freq --format tsv \"$x\" > \"$x.b$i\" & done; wait; "
      "cmp \"$x.a1\" \"$x.a2\" && cmp \"$x.b1\" \"$x.b2\" && test -s \"$x.a1\" && echo same",
      dir);
  r = cli_run (two, NULL);
  DL_ASSERT_STR_EQ (r.out, "same\n");
  cli_run_clear (&r);
  cli_remove_dir (dir);
}

/* A temporary file that cannot be written while a large input's blocks
 * are compressed (on a thread of their own): the build fails, says why,
 * and leaves nothing behind. Each frame goes to the temporary file at
 * once; the file size limit stops it at a few hundred KB. Two inputs on
 * two threads: the reason given is the failing worker's. */
static void
test_index_temporary_file_full (void)
{
  cli_assert_temporary_file_full (
      "awk 'BEGIN { srand (7); for (i = 0; i < 20000; i++) { l = \"\"; "
      "for (j = 0; j < 10; j++) l = l sprintf (\"%x \", int (rand () * 2147483647)); "
      "print l } }' > big.txt && cp big.txt big2.txt",
      "DERLEM_INDEX_BLOCK_BYTES=4096 DERLEM_INDEX_PIECE_MEMORY=1 "
      "\"$DERLEM\" index build --threads 2 -o x.dlx big.txt big2.txt",
      "big.txt: cannot write a temporary file");
}

static void
test_index_usage_errors (void)
{
  CliRun r = cli_run_usage_error ("$DERLEM index build corpus", "-o NAME.dlx");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM index build -o corpus corpus", "is not a derlem index");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM index frob x.dlx", "invalid value 'frob' for index");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM index info", "no index named");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM index", "no subcommand");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM index info corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_EQ (r.err, "derlem: corpus is not a derlem index\n");
  cli_run_clear (&r);
}

/* Indexes of shards of corpus/ joined by index merge, named in any
 * order: every command prints over the merged index what it prints over
 * one index of the same files (the shards' inputs in the order of their
 * first files); an input in two shards, different tables and -o among the
 * inputs are usage errors. */
static void
test_index_merge (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-index-XXXXXX", NULL);
  g_autofree char *whole = g_build_filename (dir, "whole.dlx", NULL);
  g_autofree char *first = g_build_filename (dir, "first.dlx", NULL);
  g_autofree char *second = g_build_filename (dir, "second.dlx", NULL);
  g_autofree char *merged = g_build_filename (dir, "merged.dlx", NULL);
  g_free (run_ok ("$DERLEM index build --meta corpus/MANIFEST.tsv -o IDX " A " " B " " C, whole));
  g_free (run_ok ("$DERLEM index build --positions --meta corpus/MANIFEST.tsv -o IDX " A, first));
  g_free (run_ok ("$DERLEM index build --meta corpus/MANIFEST.tsv -o IDX " B " " C, second));
  g_autofree char *merge = g_strdup_printf ("$DERLEM index merge '%s' '%s' -o IDX", second, first);
  g_free (run_ok (merge, merged));
  static const char *const checks[] = {
    "$DERLEM freq --format tsv IDX",
    "$DERLEM kwic --format tsv savaş IDX",
    "$DERLEM colloc --all --format tsv IDX",
    "$DERLEM keyness --by kind --format tsv IDX",
    "$DERLEM dispersion --format tsv savaş IDX",
    "$DERLEM index info --format tsv IDX",
  };
  assert_same_over (checks, G_N_ELEMENTS (checks), whole, merged);
  g_autofree char *ok = run_ok ("$DERLEM index verify IDX", merged);
  CU_ASSERT_TRUE (g_str_has_suffix (ok, ": ok\n"));
  g_autofree char *info = run_ok ("$DERLEM index info IDX", merged);
  DL_ASSERT_TRUE_FOR (info, strstr (info, "3 inputs") != NULL && strstr (info, "1 segments") != NULL
                                && strstr (info, "metadata table: yes") != NULL);
  /* Refused, nothing written. */
  g_autofree char *other = g_build_filename (dir, "other.dlx", NULL);
  g_free (run_ok ("$DERLEM index build -o IDX " C, other));
  g_autofree char *out = g_build_filename (dir, "out.dlx", NULL);
  const struct {
    char *cmd;
    const char *message;
  } refused[] = {
    { g_strdup_printf ("$DERLEM index merge '%s' '%s' -o '%s'", first, whole, out),
      "each file is indexed once" },
    { g_strdup_printf ("$DERLEM index merge '%s' '%s' -o '%s'", first, other, out),
      "keep different metadata tables" },
    { g_strdup_printf ("$DERLEM index merge '%s' '%s' -o '%s'", first, second, first),
      "derlem never writes over what it reads" },
    { g_strdup_printf ("$DERLEM index merge '%s' '%s'", first, second), "-o ALL.dlx" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      CliRun r = cli_run_usage_error (refused[i].cmd, refused[i].message);
      cli_run_clear (&r);
      CU_ASSERT_FALSE (g_file_test (out, G_FILE_TEST_EXISTS));
      g_free (refused[i].cmd);
    }
  cli_remove_dir (dir);
}

void
test_cli_index_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-index", NULL, NULL);
  CU_add_test (s, "every_command_the_same", test_index_every_command_the_same);
  CU_add_test (s, "replayed_in_parts", test_index_replayed_in_parts);
  CU_add_test (s, "kwic_reads_what_it_needs", test_index_kwic_reads_what_it_needs);
  CU_add_test (s, "colloc_reads_what_it_needs", test_index_colloc_reads_what_it_needs);
  CU_add_test (s, "colloc_regions", test_index_colloc_regions);
  CU_add_test (s, "cql_reads_its_blocks", test_index_cql_reads_its_blocks);
  CU_add_test (s, "kwic_reads_hit_blocks_alone", test_index_kwic_reads_hit_blocks_alone);
  CU_add_test (s, "lines_edges_agree_with_reading", test_index_lines_edges_agree_with_reading);
  CU_add_test (s, "lines_edges_then_read", test_index_lines_edges_then_read);
  CU_add_test (s, "dispersion_reads_what_it_needs", test_index_dispersion_reads_what_it_needs);
  CU_add_test (s, "info_and_verify", test_index_info_and_verify);
  CU_add_test (s, "info_parts", test_index_info_parts);
  CU_add_test (s, "add_remove_compact", test_index_add_remove_compact);
  CU_add_test (s, "merge", test_index_merge);
  CU_add_test (s, "interrupted_and_shared", test_index_interrupted_and_shared);
  CU_add_test (s, "temporary_file_full", test_index_temporary_file_full);
  CU_add_test (s, "usage_errors", test_index_usage_errors);
}
