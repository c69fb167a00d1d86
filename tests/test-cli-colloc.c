/* test-cli-colloc.c — `derlem colloc`: counts and measures checked by an
 * independent script, formats, threads, finite numbers, usage errors. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

static void
test_colloc_corpus_counts (void)
{
  /* The node count is kwic's (35 savaş), the collocate frequencies freq's,
   * the adjacent pair dağlık karabağ kwic's phrase count (50). */
  CliRun r = cli_run ("$DERLEM colloc savaş --lang tr --top 2 corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "tr: savaş occurs 35 times in 21015 tokens\n"));
  cli_run_clear (&r);
  r = cli_run (
      "$DERLEM colloc savaş --lang tr --format tsv corpus | awk -F '\t' '$2 == \"ermenistan\"' && "
      "$DERLEM freq --lang tr --format tsv corpus | awk -F '\t' '$3 == \"ermenistan\" { print $4 "
      "}'",
      NULL);
  /* Measures from f1 = 35, f2 = 94, N = 21015, S = 10, O11 = 11 by an
   * independent script (the formulas of DESIGN.md §4 in Python). */
  DL_ASSERT_STR_EQ (r.out, "tr\termenistan\t11\t94\t1.5655\t2.8128\t9.7316\t2.8446\t7.5402"
                           "\t25.2832\t0.1705\t11.4482\t2\t9\n94\n");
  cli_run_clear (&r);
  r = cli_run (
      "$DERLEM colloc --all --format tsv --lang tr corpus | awk -F '\t' '$2 == \"dağlık karabağ\" "
      "{ print $3, $14, $15, $16 }'; "
      "$DERLEM ngrams -n 2 --format tsv --lang tr corpus | awk -F '\t' '$2 == \"dağlık karabağ\"'",
      NULL);
  DL_ASSERT_STR_EQ (r.out, "50 50 dağlık karabağ\ntr\tdağlık karabağ\t50\t3\n");
  cli_run_clear (&r);
  /* English: war occurs 33 times (kwic's count). */
  r = cli_run ("$DERLEM colloc war --lang en --top 1 corpus | head -n 1", NULL);
  DL_ASSERT_STR_EQ (r.out, "en: war occurs 33 times in 4815 tokens\n");
  cli_run_clear (&r);
}

static void
test_colloc_formats_threads_and_finite_numbers (void)
{
  CliRun r = cli_run (
      "$DERLEM colloc --all --format tsv --stoplist none --min-cooc 1 --threads 1 corpus "
      "| md5sum; $DERLEM colloc --all --format tsv --stoplist none --min-cooc 1 --threads 2 "
      "corpus | md5sum",
      NULL);
  g_auto (GStrv) sums = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (sums[0], sums[1]);
  cli_run_clear (&r);
  /* Every number finite, on every pair of the corpus and every sort. */
  r = cli_run (
      "$DERLEM colloc --all --format tsv --stoplist none --min-cooc 1 corpus | tail -n +2 | "
      "cut -f3-14 | grep -c -i -E 'nan|inf'; "
      "$DERLEM colloc 'savaş*' --window 10,10 --stoplist none --min-cooc 1 --format tsv corpus | "
      "tail -n +2 | cut -f3-14 | grep -c -i -E 'nan|inf'",
      NULL);
  DL_ASSERT_STR_EQ (r.out, "0\n0\n");
  cli_run_clear (&r);
  /* second: f1 = 33, f2 = 5, N = 4815, S = 10, O11 = 5 = f2 (one token in
   * the windows of two occurrences of war counts once); foreign policy:
   * f1 = 26, f2 = 34, N = 4815, S = 2. Both checked by the independent
   * script, the first against the formulas of doc/DESIGN.md §4 in Python. */
  r = cli_run ("$DERLEM colloc war --lang en --top 1 --format csv corpus; "
               "$DERLEM colloc war --lang en --top 1 --format json corpus; "
               "$DERLEM colloc --all --window 0,2 --lang en --top 1 --sort ll --format tsv corpus",
               NULL);
  DL_ASSERT_STR_EQ (
      r.out,
      "lang,collocate,cooc,freq,expected,mi,mi3,t,z,ll,dice,logdice,left,right\n"
      "en,second,5,5,0.3427,3.8670,8.5109,2.0828,7.9560,26.8749,0.2632,12.0740,4,1\n"
      "[\n{\"lang\":\"en\",\"collocate\":\"second\",\"cooc\":5,\"freq\":5,\"expected\":0.3427,"
      "\"mi\":3.8670,\"mi3\":8.5109,\"t\":2.0828,\"z\":7.9560,\"ll\":26.8749,\"dice\":0.2632,"
      "\"logdice\":12.0740,\"left\":4,\"right\":1,\"total_tokens\":4815,"
      "\"total_types\":1038}\n]\n"
      "lang\tcollocate\tcooc\tfreq\texpected\tmi\tmi3\tt\tz\tll\tdice\tlogdice\tleft\tright\tfirst"
      "\tsecond\n"
      "en\tforeign policy\t22\t34\t0.3672\t5.9048\t14.8237\t4.6121\t35.7001\t166.1414\t0.7333"
      "\t13.5525\t0\t22\tforeign\tpolicy\n");
  cli_run_clear (&r);
  /* The formulas are in the help. */
  r = cli_run ("$DERLEM help colloc", NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "E11 = f1·f2·S / N");
  DL_ASSERT_STR_CONTAINS (
      r.out, "a token in the windows of two node occurrences counts\nonce, so O11 <= f2");
  cli_run_clear (&r);
}

static void
test_colloc_usage_errors (void)
{
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "colloc < /dev/null", "colloc needs a NODE, or --all" },
    { "colloc --window 0,0 war", "--window takes L,R" },
    { "colloc --window 1001 war", "--window takes L,R" },
    { "colloc --all -e war", "it takes no node (-e)" },
    { "colloc --format TEXTS war", "invalid value 'TEXTS' for --format" },
    { "colloc --window 2,-1 war", "--window takes L,R" },
    { "colloc --window 1001,0 war", "--window takes L,R" },
    { "colloc --window 5, war", "--window takes L,R" },
    { "colloc --all --window 2,2", "its window is 0,R" },
    { "colloc --sort pmi war", "--sort" },
    { "colloc --min-cooc -1 war", "--min-cooc" },
    { "colloc '/x(/'", "bad regular expression" },
    { "colloc --stoplist /nonexistent war", "/nonexistent" },
    /* Of two wrong values, the one checked first is named. */
    { "colloc --min-cooc -1 --lang de war", "for --lang" },
    { "colloc --sort pmi --window 0,0 war", "for --sort" },
    { "colloc --window 0,0 '/x(/'", "--window takes L,R" },
    { "colloc --stoplist /nonexistent '/x(/'", "bad regular expression" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM %s%s", cases[i].args,
                                              strchr (cases[i].args, '<') ? "" : " corpus");
      CliRun r = cli_run_usage_error (cmd, cases[i].message);
      cli_run_clear (&r);
    }
  /* A missing input: the exit status says so. */
  CliRun r = cli_run (
      "$DERLEM colloc river tests/data/colloc/english.txt /nonexistent.txt > /dev/null", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  cli_run_clear (&r);
}

static void
test_colloc_node_by_e_and_window_n (void)
{
  /* -e NODE takes the node as kwic's -e does, every argument a PATH;
   * --window N is N,N; option values ignore case (TSV is tsv). */
  CliRun a
      = cli_run ("$DERLEM colloc --lang en --top 5 --format tsv --window 3,3 war corpus", NULL);
  CliRun b
      = cli_run ("$DERLEM colloc --lang en --top 5 --format TSV --window 3 -e war corpus", NULL);
  DL_ASSERT_INT_EQ (b.status, 0);
  DL_ASSERT_STR_CONTAINS (a.out, "lang\tcollocate\tcooc");
  DL_ASSERT_STR_EQ (b.out, a.out);
  cli_run_clear (&a);
  cli_run_clear (&b);
}

void
test_cli_colloc_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-colloc", NULL, NULL);
  CU_add_test (s, "colloc_corpus_counts", test_colloc_corpus_counts);
  CU_add_test (s, "colloc_formats_threads_and_finite_numbers",
               test_colloc_formats_threads_and_finite_numbers);
  CU_add_test (s, "colloc_usage_errors", test_colloc_usage_errors);
  CU_add_test (s, "colloc_node_by_e_and_window_n", test_colloc_node_by_e_and_window_n);
}
