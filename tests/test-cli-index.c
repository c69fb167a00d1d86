/* test-cli-index.c — `derlem index`: every command prints over an index
 * of corpus/ what it prints over corpus/ (byte for byte, same exit
 * status), the stored --meta table, info's counts, verify, a damaged
 * index refused with exit status 1, and usage errors. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

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
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  CliRun r = cli_run (cmd, NULL);
  cli_run_clear (&r);
  g_free (idx);
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

void
test_cli_index_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-index", NULL, NULL);
  CU_add_test (s, "every_command_the_same", test_index_every_command_the_same);
  CU_add_test (s, "info_and_verify", test_index_info_and_verify);
  CU_add_test (s, "usage_errors", test_index_usage_errors);
}
