/* test-cli-ngrams.c — `derlem ngrams`: lexical bundles and clusters of the
 * corpus, threads, usage errors. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

static void
test_ngrams_corpus_filters (void)
{
  /* Lexical bundles of three files or more; clusters around a word. */
  CliRun r = cli_run (
      "$DERLEM ngrams -n 3 --min-range 3 --format tsv --lang tr corpus | head -n 3; "
      "$DERLEM ngrams -n 2-3 --contains savaş --top 2 --format tsv --lang tr corpus | tail -n +2; "
      "$DERLEM ngrams -n 3 --threads 1 --format tsv corpus | md5sum; "
      "$DERLEM ngrams -n 3 --threads 2 --format tsv corpus | md5sum",
      NULL);
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (lines[0], "lang\tngram\tfreq\trange");
  DL_ASSERT_STR_EQ (lines[1], "tr\tiki ülke arasındaki\t13\t3");
  DL_ASSERT_STR_EQ (lines[2], "tr\ttürkiye ve azerbaycan\t11\t3");
  DL_ASSERT_STR_CONTAINS (lines[3], "savaş");
  DL_ASSERT_STR_CONTAINS (lines[4], "savaş");
  DL_ASSERT_STR_EQ (lines[5], lines[6]);
  cli_run_clear (&r);
}

static void
test_ngrams_usage_errors (void)
{
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "ngrams -n 1", "-n takes a size N or a range A-B of sizes from 2 to 8" },
    { "ngrams -n 9", "-n takes" },
    { "ngrams -n 4-2", "-n takes" },
    { "ngrams -n 3x", "-n takes" },
    { "ngrams -n 2-", "-n takes" },
    { "ngrams -n 2 --contains 'a b c'", "longer than the n-grams" },
    { "ngrams --min-range -2", "--min-range" },
    { "ngrams --contains '/x(/'", "bad regular expression" },
    /* Of two wrong values, the one checked first is named. */
    { "ngrams -n 9 --top -1", "invalid value '-1' for --top" },
    { "ngrams --contains '/x(/' -n 9", "-n takes" },
    { "ngrams --stoplist /nonexistent --contains '/x(/'", "bad regular expression" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM %s%s", cases[i].args,
                                              strchr (cases[i].args, '<') ? "" : " corpus");
      CliRun r = cli_run_usage_error (cmd, cases[i].message);
      cli_run_clear (&r);
    }
  /* A missing input: the rest is counted, the exit status says so. */
  CliRun r
      = cli_run ("$DERLEM ngrams -n 2 --format tsv tests/data/colloc/english.txt /nonexistent.txt "
                 "| head -n 2",
                 NULL);
  DL_ASSERT_STR_EQ (r.out, "lang\tngram\tfreq\trange\nen\tthe river\t26\t1\n");
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: /nonexistent.txt");
  cli_run_clear (&r);
}

void
test_cli_ngrams_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-ngrams", NULL, NULL);
  CU_add_test (s, "ngrams_corpus_filters", test_ngrams_corpus_filters);
  CU_add_test (s, "ngrams_usage_errors", test_ngrams_usage_errors);
}
