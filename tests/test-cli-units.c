/* test-cli-units.c — one definition of a unit across commands: for the 50
 * most frequent units of corpus/, freq's count = kwic's hits = colloc's
 * node occurrences, no collocate co-occurring more often than it occurs;
 * units read from standard input; headwords and the unit column. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

static void
check_agree (const char *unit, const char *lang)
{
  g_autofree char *cmd = g_strdup_printf ("sh tests/data/units/agree.sh %s %s", unit, lang);
  CliRun r = cli_run (cmd, NULL);
  g_autofree char *label = g_strdup_printf ("--unit %s --lang %s", unit, lang);
  DL_ASSERT_STR_EQ_FOR (label, r.out, "units: 50\nkwic: same\ncolloc: same\n");
  DL_ASSERT_STR_EQ_FOR (label, r.err, "");
  DL_ASSERT_INT_EQ_FOR (label, r.status, 0);
  cli_run_clear (&r);
}

static void
test_units_agree_across_commands (void)
{
  check_agree ("stem", "tr");
  check_agree ("stem", "en");
  check_agree ("lemma", "tr");
  check_agree ("lemma", "en");
}

static void
test_lemmas (void)
{
  /* A lemma unit shows as the lemma; a query finds it by any of its forms
   * (olmak, olan: the unit ol). */
  CliRun r
      = cli_run ("$DERLEM freq --unit lemma --lang tr --top 3 --format tsv corpus | cut -f3-7; "
                 "for q in ol olmak olan; do "
                 "$DERLEM kwic --unit lemma --lang tr --format tsv $q corpus | tail -n +2 | wc -l; "
                 "done",
                 NULL);
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (lines[0], "item\tfreq\tper_million\trange\tunit");
  DL_ASSERT_STR_EQ (lines[3], "ol\t469\t22317.39\t4\tol");
  DL_ASSERT_STR_EQ (lines[4], "469");
  DL_ASSERT_STR_EQ (lines[5], "469");
  DL_ASSERT_STR_EQ (lines[6], "469");
  cli_run_clear (&r);
  /* English: is, was, are, been are be. */
  r = cli_run ("$DERLEM freq --unit lemma --lang en --format tsv corpus | grep -P '\tbe\t'", NULL);
  DL_ASSERT_STR_EQ (r.out, "en\t4\tbe\t149\t30944.96\t4\tbe\tis (51), was (32), be (20), are "
                           "(17), been (17)\n");
  cli_run_clear (&r);
  /* The dictionaries are found at run time; without them, a clear error. */
  r = cli_run ("DERLEM_DICPATH=/nonexistent $DERLEM freq --unit lemma corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "hunspell dictionary tr_TR not found (install the package "
                                 "hunspell-tr");
  DL_ASSERT_STR_EQ (r.out, "");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM kwic --unit lemma --case keep ol corpus",
                           "--unit lemma works on folded words");
  cli_run_clear (&r);
}

static void
test_units_from_standard_input (void)
{
  /* Standard input is copied so that it can be read twice: the same hits
   * and node counts as from the files. */
  CliRun r = cli_run ("$DERLEM kwic --unit stem --lang tr --format tsv savaş corpus | wc -l; "
                      "cat corpus/*.txt | $DERLEM kwic --unit stem --lang tr --format tsv savaş "
                      "| wc -l; "
                      "cat corpus/*.txt | $DERLEM colloc --unit stem --lang tr savaş | head -n 1 "
                      "| cut -d ' ' -f 1-5",
                      NULL);
  /* (One stream is one document: a few tokens change language at the joins,
   * none of them a form of savaş.) */
  DL_ASSERT_STR_EQ (r.out, "140\n140\ntr: savaş occurs 139 times\n");
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
}

static void
test_headwords_and_unit_column (void)
{
  /* A stem shows as its most frequent form, the key in `unit`; the same
   * in every list and format. */
  CliRun r = cli_run (
      "$DERLEM freq --unit stem --lang en --top 3 --format csv corpus; "
      "$DERLEM freq --unit stem --lang en --format json corpus | grep -F '\"unit\":\"polici\"'; "
      "$DERLEM ngrams --unit stem -n 2 --lang en --top 1 --format tsv corpus; "
      "$DERLEM colloc --unit stem --lang en --top 1 --format tsv policy corpus | cut -f2,15",
      NULL);
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (lines[0], "lang,rank,item,freq,per_million,range,unit,forms");
  DL_ASSERT_STR_EQ (lines[1], "en,1,the,371,77050.88,4,the,the (371)");
  DL_ASSERT_STR_CONTAINS (lines[4], "\"item\":\"policy\"");
  /* JSON gives the forms as an array of objects, not one string. */
  DL_ASSERT_STR_CONTAINS (lines[4], "\"forms\":[{\"form\":\"policy\",\"freq\":34}],");
  DL_ASSERT_STR_EQ (lines[5], "lang\tngram\tfreq\trange\tunit");
  DL_ASSERT_STR_EQ (lines[6], "en\tof the\t60\t4\tof the");
  DL_ASSERT_STR_EQ (lines[7], "collocate\tunit");
  DL_ASSERT_STR_EQ (lines[8], "foreign\tforeign");
  DL_ASSERT_INT_EQ (g_strv_length (lines), 10);
  cli_run_clear (&r);
  r = cli_run (
      "$DERLEM freq --unit stem --lang tr --top 2 --forms 3 --format json corpus | sed -n 3p",
      NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "\"forms\":[{\"form\":\"azerbaycan\",\"freq\":316},"
                                 "{\"form\":\"azerbaycan’ın\",\"freq\":148},"
                                 "{\"form\":\"azerbaycan’a\",\"freq\":75}],");
  cli_run_clear (&r);
  /* Forms have no unit column. */
  r = cli_run ("$DERLEM freq --top 1 --format tsv corpus | head -n 1", NULL);
  DL_ASSERT_STR_EQ (r.out, "lang\trank\titem\tfreq\tper_million\trange\n");
  cli_run_clear (&r);
}

void
test_cli_units_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-units", NULL, NULL);
  CU_add_test (s, "units_agree_across_commands", test_units_agree_across_commands);
  CU_add_test (s, "lemmas", test_lemmas);
  CU_add_test (s, "units_from_standard_input", test_units_from_standard_input);
  CU_add_test (s, "headwords_and_unit_column", test_headwords_and_unit_column);
}
