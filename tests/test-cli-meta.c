/* test-cli-meta.c — subcorpora on the command line (--meta, --where,
 * --exclude, --by) and the totals of machine formats (--totals, JSON). The
 * oracle: runs of the same command on the files the selection should keep,
 * named by hand. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

#define META "--meta corpus/MANIFEST.tsv"

/* Runs @cmdline and returns its standard output, asserting exit status 0. */
static char *
out_of (const char *cmdline)
{
  CliRun r = cli_run (cmdline, NULL);
  DL_ASSERT_INT_EQ_FOR (cmdline, r.status, 0);
  char *out = g_steal_pointer (&r.out);
  cli_run_clear (&r);
  return out;
}

static void
test_where_selects_files (void)
{
  /* kind=commentary is the Turkish commentary alone. */
  g_autofree char *got
      = out_of ("$DERLEM freq --format tsv " META " --where kind=commentary corpus");
  g_autofree char *want
      = out_of ("$DERLEM freq --format tsv corpus/commentary-tr-karabag-2023.txt");
  DL_ASSERT_STR_EQ (got, want);

  /* Two values of one key: either. languages has lists (tr,en): an item
     matches. A second key: both. */
  g_autofree char *either = out_of ("$DERLEM freq --format tsv " META
                                    " --where 'kind=web page' --where kind=commentary corpus");
  g_autofree char *both_files = out_of ("$DERLEM freq --format tsv "
                                        "corpus/commentary-en-karabakh-liberation.txt "
                                        "corpus/commentary-tr-karabag-2023.txt");
  DL_ASSERT_STR_EQ (either, both_files);
  g_autofree char *az = out_of ("$DERLEM freq --format tsv " META
                                " --where languages=az --where kind=article corpus");
  g_autofree char *az_file
      = out_of ("$DERLEM freq --format tsv corpus/article-tr-turkiye-azerbaycan-guvenlik.txt");
  DL_ASSERT_STR_EQ (az, az_file);

  /* kwic and langs select the same way. */
  g_autofree char *kwic
      = out_of ("$DERLEM kwic --format tsv savaş " META " --where kind=commentary corpus");
  g_autofree char *kwic_file
      = out_of ("$DERLEM kwic --format tsv savaş corpus/commentary-tr-karabag-2023.txt");
  DL_ASSERT_STR_EQ (kwic, kwic_file);
}

static void
test_nothing_kept (void)
{
  /* A selection that keeps no file says so, and the exit status too. */
  CliRun r = cli_run ("$DERLEM freq --format tsv " META " --where kind=essay corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: --where and --exclude left no file to read\n");
  DL_ASSERT_STR_EQ (r.out, "lang\trank\titem\tfreq\tper_million\trange\n");
  cli_run_clear (&r);
}

static void
test_exclude_leaves_files_out (void)
{
  g_autofree char *got = out_of ("$DERLEM langs --format tsv --exclude 'article-*' "
                                 "--exclude '*/commentary-en-*' corpus");
  g_autofree char *want
      = out_of ("$DERLEM langs --format tsv corpus/commentary-tr-karabag-2023.txt");
  DL_ASSERT_STR_EQ (got, want);
  DL_ASSERT_TRUE_FOR ("one file", strstr (got, "article") == NULL);
}

static void
test_by_reports_each_part (void)
{
  /* One section per value, in order; the part column in machine formats;
     each part's rows are those of a run on its files. */
  g_autofree char *got
      = out_of ("$DERLEM freq --format tsv --top 2 --lang en " META " --by kind corpus");
  DL_ASSERT_STR_EQ (got, "lang\trank\titem\tfreq\tper_million\trange\tpart\n"
                         "en\t1\tthe\t164\t86406.74\t3\tarticle\n"
                         "en\t2\tof\t95\t50052.69\t3\tarticle\n"
                         "en\t1\tthe\t207\t70963.32\t1\tweb page\n"
                         "en\t2\tand\t116\t39766.88\t1\tweb page\n");
  g_autofree char *web = out_of ("$DERLEM freq --format tsv --top 2 --lang en "
                                 "corpus/commentary-en-karabakh-liberation.txt");
  DL_ASSERT_STR_CONTAINS (web, "en\t1\tthe\t207\t70963.32\t1\n");

  /* For people: the part heads each section. */
  g_autofree char *text = out_of ("$DERLEM freq --top 1 " META " --by kind --lang tr corpus");
  DL_ASSERT_STR_CONTAINS (text, "kind=commentary — tr: 933 tokens, 549 types\n");
  DL_ASSERT_STR_CONTAINS (text, "kind=web page — tr: 0 tokens, 0 types\n");

  /* Without --meta, each file is a part; colloc and ngrams too. */
  g_autofree char *ngrams
      = out_of ("$DERLEM ngrams --format tsv --top 1 --lang en --by file corpus/*.txt");
  DL_ASSERT_STR_CONTAINS (ngrams, "\tcorpus/commentary-en-karabakh-liberation.txt\n");
  DL_ASSERT_STR_CONTAINS (ngrams, "lang\tngram\tfreq\trange\tpart\n");
  g_autofree char *colloc = out_of ("$DERLEM colloc savaş --format csv --top 1 --lang tr --by file "
                                    "corpus/article-tr-karabag-turk-dunyasi.txt");
  DL_ASSERT_STR_CONTAINS (colloc, ",right,part\n");
  DL_ASSERT_STR_CONTAINS (colloc, ",corpus/article-tr-karabag-turk-dunyasi.txt\n");
}

static void
test_kwic_by_part (void)
{
  /* Each part's hits are a run on its files: the same rows, the part
     last; --max counts per part; each part has its summary. */
  g_autofree char *got = out_of ("$DERLEM kwic savaş --lang tr --format tsv " META
                                 " --by kind corpus | cut -f 2,3,9 | sort | uniq -c | wc -l");
  g_autofree char *want
      = out_of ("$DERLEM kwic savaş --lang tr --format tsv corpus | cut -f 2,3 | sort | uniq -c "
                "| wc -l");
  DL_ASSERT_STR_EQ (got, want);
  g_autofree char *parts = out_of ("$DERLEM kwic savaş --lang tr --format tsv " META
                                   " --by kind corpus | cut -f 9 | sort | uniq -c");
  DL_ASSERT_STR_EQ (parts, "     35 article\n      1 part\n");
  g_autofree char *text
      = out_of ("$DERLEM kwic war --lang en --max 1 " META " --by kind corpus | cut -c 1-40");
  DL_ASSERT_STR_CONTAINS (text, "kind=article\n");
  DL_ASSERT_STR_CONTAINS (text, "\nkind=commentary\nen: 0 hits, 0.00 per million tokens, in");
  DL_ASSERT_STR_CONTAINS (text, "\nkind=web page\n");
  DL_ASSERT_STR_CONTAINS (text, "1 of them shown\n\nkind=commentary");
}

static void
test_totals_columns (void)
{
  /* TSV, CSV: with --totals; JSON: always; the values are the headings'. */
  g_autofree char *tsv = out_of ("$DERLEM freq --format tsv --totals --top 1 corpus");
  DL_ASSERT_STR_EQ (tsv, "lang\trank\titem\tfreq\tper_million\trange\ttotal_tokens\ttotal_types\n"
                         "tr\t1\tve\t694\t33024.03\t4\t21015\t6335\n"
                         "en\t1\tthe\t371\t77050.88\t4\t4815\t1167\n");
  g_autofree char *text = out_of ("$DERLEM freq --top 1 corpus");
  DL_ASSERT_STR_CONTAINS (text, "tr: 21015 tokens, 6335 types\n");
  DL_ASSERT_STR_CONTAINS (text, "en: 4815 tokens, 1167 types\n");
  g_autofree char *json = out_of ("$DERLEM freq --format json --top 1 --lang en corpus");
  DL_ASSERT_STR_EQ (json, "[\n"
                          "{\"lang\":\"en\",\"rank\":1,\"item\":\"the\",\"freq\":371,"
                          "\"per_million\":77050.88,\"range\":4,\"total_tokens\":4815,"
                          "\"total_types\":1167}\n"
                          "]\n");
  g_autofree char *csv = out_of ("$DERLEM freq --format csv --top 1 corpus | head -1");
  DL_ASSERT_STR_EQ (csv, "lang,rank,item,freq,per_million,range\n");

  /* ngrams: distinct n-grams as the types, as its heading says. */
  g_autofree char *ng_text = out_of ("$DERLEM ngrams -n 2 --lang en corpus | head -1");
  g_autofree char *ng = out_of ("$DERLEM ngrams -n 2 --lang en --format tsv --totals --top 1 corpus"
                                " | cut -f 5,6 | tail -1");
  g_auto (GStrv) totals = g_strsplit (g_strstrip (ng), "\t", 2);
  CU_ASSERT_FATAL (g_strv_length (totals) == 2);
  g_autofree char *heading
      = g_strdup_printf ("en: %s tokens, %s distinct n-grams\n", totals[0], totals[1]);
  DL_ASSERT_STR_EQ (ng_text, heading);

  /* colloc: the language's tokens and (non-stopword) types, as freq's. */
  g_autofree char *co = out_of ("$DERLEM colloc war --lang en --format tsv --totals --top 1 corpus"
                                " | cut -f 15,16 | tail -1");
  g_autofree char *fq = out_of ("$DERLEM freq --stoplist default --lang en --format tsv --totals "
                                "--top 1 corpus | cut -f 7,8 | tail -1");
  DL_ASSERT_STR_EQ (co, fq);
}

static void
test_usage_errors (void)
{
  const struct {
    const char *args, *message;
  } cases[] = {
    { "freq --where kind=article", "--where kind: without --meta the only key is 'file'" },
    { "freq " META " --where kin=article", "--where kin: corpus/MANIFEST.tsv has no such column" },
    { "freq " META " --where kind", "--where takes KEY=VALUE (got 'kind')" },
    { "freq " META " --by year", "--by year: corpus/MANIFEST.tsv has no such column" },
    { "freq --meta tests/data/no-such.tsv",
      "--meta: cannot read tests/data/no-such.tsv: No such file" },
    { "freq --meta corpus/article-tr-karabag-turk-dunyasi.txt", "has no 'file' column" },
    { "freq --exclude ''", "empty pattern for --exclude" },
    { "langs --by file", "unknown option --by" },
    { "langs --totals", "unknown option --totals" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM %s corpus", cases[i].args);
      CliRun r = cli_run_usage_error (cmd, cases[i].message);
      cli_run_clear (&r);
    }
}

void
test_cli_meta_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-meta", NULL, NULL);
  CU_add_test (s, "where_selects_files", test_where_selects_files);
  CU_add_test (s, "exclude_leaves_files_out", test_exclude_leaves_files_out);
  CU_add_test (s, "nothing_kept", test_nothing_kept);
  CU_add_test (s, "by_reports_each_part", test_by_reports_each_part);
  CU_add_test (s, "kwic_by_part", test_kwic_by_part);
  CU_add_test (s, "totals_columns", test_totals_columns);
  CU_add_test (s, "usage_errors", test_usage_errors);
}
