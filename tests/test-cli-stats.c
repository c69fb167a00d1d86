/* test-cli-stats.c — `derlem stats`: the exact rows of a fixture counted by
 * hand, totals equal to freq's, undefined values as empty cells, lines of
 * files without a row, threads, formats, usage errors. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

#define HAND "tests/data/stats/hand.txt"

static void
test_stats_fixture_rows (void)
{
  /* The numbers of tests/test-lexstats.c's hand count, as the TSV shows
   * them: no STTR below 1,000 tokens, the total's file empty. */
  CliRun r = cli_run ("$DERLEM stats --format tsv " HAND, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (
      r.out,
      "lang\tfile\ttokens\ttypes\tttr\tsttr\thapax\tmean_length\thapax_pct\tdis\tstems_ratio\t"
      "lines\tyule_k\tmtld\n"
      "tr\t" HAND "\t13\t11\t0.8462\t\t9\t5.62\t81.82\t2\t0.9091\t2\t236.69\t23.66\n"
      "tr\t\t13\t11\t0.8462\t\t9\t5.62\t81.82\t2\t0.9091\t2\t236.69\t23.66\n"
      "en\t" HAND "\t19\t13\t0.6842\t\t8\t3.32\t61.54\t4\t0.9231\t2\t387.81\t9.50\n"
      "en\t\t19\t13\t0.6842\t\t8\t3.32\t61.54\t4\t0.9231\t2\t387.81\t9.50\n");
  cli_run_clear (&r);
  /* JSON: an undefined value is null, the total's file "". */
  r = cli_run ("$DERLEM stats --format json --lang en " HAND " | tail -n 2", NULL);
  DL_ASSERT_STR_EQ (r.out,
                    "{\"lang\":\"en\",\"file\":\"\",\"tokens\":19,\"types\":13,\"ttr\":0.6842,"
                    "\"sttr\":null,\"hapax\":8,\"mean_length\":3.32,\"hapax_pct\":61.54,"
                    "\"dis\":4,\"stems_ratio\":0.9231,\"lines\":2,\"yule_k\":387.81,"
                    "\"mtld\":9.50}\n]\n");
  cli_run_clear (&r);
  /* For people the total is "(all files)", in Turkish too. */
  r = cli_run ("$DERLEM stats --lang en " HAND, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "en: 19 tokens, 13 types\n");
  DL_ASSERT_STR_CONTAINS (r.out, "\n(all files)  ");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM stats --lang en --format markdown " HAND, "tr");
  DL_ASSERT_STR_CONTAINS (r.out, "| (tüm dosyalar) | 19 | 13 | 0,6842 |  | 8 |");
  cli_run_clear (&r);
}

static void
test_stats_totals_equal_freq (void)
{
  /* tokens and types of each language's total = freq's headings, with the
   * options that change the counting too. */
  static const char *const options[] = { "", "--numbers", "--case keep", "--lang en" };
  for (gsize i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *cmd
          = g_strdup_printf ("$DERLEM freq %s corpus | grep -E '^(tr|en): '; "
                             "$DERLEM stats %s --format tsv corpus | awk -F '\\t' '$2 == \"\" "
                             "{ print $1 \": \" $3 \" tokens, \" $4 \" types\" }'",
                             options[i], options[i]);
      CliRun r = cli_run (cmd, NULL);
      g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
      guint n = g_strv_length (lines) - 1; /* the last is empty */
      DL_ASSERT_INT_EQ_FOR (options[i], n, i == 3 ? 2 : 4);
      for (guint k = 0; k < n / 2; k++)
        DL_ASSERT_STR_EQ_FOR (options[i], lines[k + n / 2], lines[k]);
      cli_run_clear (&r);
    }
  /* The corpus's total rows: STTR over the full chunks of all files. */
  CliRun r = cli_run ("$DERLEM stats --format tsv corpus | awk -F '\\t' '$2 == \"\"'", NULL);
  DL_ASSERT_STR_EQ (r.out, "tr\t\t21015\t6335\t0.3015\t0.6089\t4013\t7.17\t63.35\t901\t0.6197\t"
                           "2267\t28.56\t332.15\n"
                           "en\t\t4815\t1167\t0.2424\t0.3600\t680\t5.08\t58.27\t198\t0.8201\t"
                           "211\t136.73\t61.62\n");
  cli_run_clear (&r);
}

static void
test_stats_lines_without_tokens (void)
{
  /* b.txt's line is Turkish (assumed) but has no word: no row for b.txt,
   * its line still in the total; with --numbers it has a row. */
  const char *setup = "d=$(mktemp -d) && printf 'Kitap güzeldir.\\n' > \"$d/a.txt\" && "
                      "printf '1990 2000\\n\\n' > \"$d/b.txt\" && ";
  g_autofree char *cmd = g_strdup_printf (
      "%s $DERLEM stats --assume-lang tr --lang tr --format tsv \"$d\" | cut -f 2-4,12 | "
      "sed \"s|$d/||\"; $DERLEM stats --numbers --assume-lang tr --lang tr --format tsv \"$d\" "
      "| cut -f 2-4,12 | sed \"s|$d/||\"; rm -r \"$d\"",
      setup);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_STR_EQ (r.out, "file\ttokens\ttypes\tlines\n"
                           "a.txt\t2\t2\t1\n"
                           "\t2\t2\t2\n"
                           "file\ttokens\ttypes\tlines\n"
                           "a.txt\t2\t2\t1\n"
                           "b.txt\t2\t2\t1\n"
                           "\t4\t4\t2\n");
  cli_run_clear (&r);
  /* A language with no token at all: its total row alone, measures empty. */
  r = cli_run ("$DERLEM stats --assume-lang en --lang tr --format csv " HAND, NULL);
  DL_ASSERT_STR_EQ (r.out, "lang,file,tokens,types,ttr,sttr,hapax,mean_length,hapax_pct,dis,"
                           "stems_ratio,lines,yule_k,mtld\n"
                           "tr,,0,0,,,0,,,0,,0,,\n");
  cli_run_clear (&r);
}

static void
test_stats_threads_and_formats (void)
{
  CliRun r = cli_run ("for f in text tsv csv json html markdown; do "
                      "a=$($DERLEM stats --threads 1 --format $f corpus corpus | md5sum); "
                      "b=$($DERLEM stats --threads 2 --format $f corpus corpus | md5sum); "
                      "[ \"$a\" = \"$b\" ] && echo same; done",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "same\nsame\nsame\nsame\nsame\nsame\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM stats --format html --lang en " HAND, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "(all files)");
  DL_ASSERT_STR_CONTAINS (r.out, "Yule");
  cli_run_clear (&r);
  /* -o writes the file, stdout stays empty. */
  r = cli_run ("d=$(mktemp -d) && $DERLEM stats --format tsv -o \"$d/s.tsv\" " HAND
               " && wc -l < \"$d/s.tsv\"; rm -r \"$d\"",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "5\n");
  cli_run_clear (&r);
}

static void
test_stats_usage_errors (void)
{
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "--unit stem", "--unit" },         /* stats counts forms only */
    { "--stoplist none", "--stoplist" }, /* and never leaves a word out */
    { "--lang de", "for --lang" },       { "--case upper", "for --case" },
    { "--format xml", "for --format" },  { "--top 3", "--top" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM stats %s corpus", cases[i].args);
      CliRun r = cli_run_usage_error (cmd, cases[i].message);
      DL_ASSERT_STR_CONTAINS_FOR (cases[i].args, r.err, "Try 'derlem help stats'.");
      cli_run_clear (&r);
    }
  /* A missing input: the rest is counted, the exit status says so. */
  CliRun r = cli_run ("$DERLEM stats --format tsv --lang en " HAND " /nonexistent.txt | tail -n 1",
                      NULL);
  DL_ASSERT_INT_EQ (r.status, 0); /* tail's */
  DL_ASSERT_STR_EQ (r.out, "en\t\t19\t13\t0.6842\t\t8\t3.32\t61.54\t4\t0.9231\t2\t387.81\t9.50\n");
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: /nonexistent.txt");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM stats " HAND " /nonexistent.txt > /dev/null", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  cli_run_clear (&r);
}

/* A file of more tokens than the 2^20 MTLD keeps in memory: the backward
 * pass reads the rest from a temporary file in $TMPDIR. The text is one
 * 11-token sentence 180,000 times; tests/data/stats/stats.py's mtld ()
 * gives 11 both ways over its 1,980,000 tokens. Without a writable
 * TMPDIR, MTLD is empty and a warning says why (exit status 1). */
static void
test_stats_long_file_mtld (void)
{
  CliRun r = cli_run ("d=$(mktemp -d) && yes 'the war and the peace of the world and more words' | "
                      "head -c 9000000 > $d/big.txt && $DERLEM stats --lang en --format tsv "
                      "$d/big.txt | cut -f 3,4,14; s=$?; "
                      "TMPDIR=/nonexistent $DERLEM stats --lang en --format tsv $d/big.txt "
                      ">$d/out 2>$d/err; echo \"status $?\"; cut -f 14 $d/out; "
                      "sed \"s|$d/||\" $d/err; rm -r $d; exit $s",
                      NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "tokens\ttypes\tmtld\n"
                           "1980000\t8\t11.00\n"
                           "1980000\t8\t11.00\n"
                           "status 1\nmtld\n\n\n"
                           "derlem: big.txt: no MTLD for en: its token ids could not be kept in a "
                           "temporary file (is TMPDIR writable?)\n");
  cli_run_clear (&r);
}

/* The HTML view: under each language's table, its growth curve and its
 * rank-frequency plot; the other formats have no charts. */
static void
test_stats_html_charts (void)
{
  CliRun r = cli_run ("$DERLEM stats --format html corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  guint figures = 0, paths = 0;
  for (const char *p = r.out; (p = strstr (p, "<figure class=\"chart\">")) != NULL; p++)
    figures++;
  for (const char *p = r.out; (p = strstr (p, "<path class=\"series\"")) != NULL; p++)
    paths++;
  DL_ASSERT_INT_EQ (figures, 4);
  DL_ASSERT_INT_EQ (paths, 4);
  DL_ASSERT_STR_CONTAINS (r.out, "<figcaption>Type–token growth (tr): ");
  DL_ASSERT_STR_CONTAINS (r.out, "<figcaption>Rank–frequency plot (en), both axes logarithmic");
  /* The growth axis ends on a tick above the 21015 tokens, the Zipf one on
   * 1000 above the most frequent word's 694. */
  DL_ASSERT_STR_CONTAINS (r.out, ">25000</text>");
  DL_ASSERT_STR_CONTAINS (r.out, "text-anchor=\"end\">1000</text>");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM stats --format markdown corpus; $DERLEM stats corpus", NULL);
  DL_ASSERT_TRUE_FOR ("no chart", strstr (r.out, "<svg") == NULL && strstr (r.out, "```") == NULL);
  cli_run_clear (&r);
}

void
test_cli_stats_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-stats", NULL, NULL);
  CU_add_test (s, "stats_fixture_rows", test_stats_fixture_rows);
  CU_add_test (s, "stats_totals_equal_freq", test_stats_totals_equal_freq);
  CU_add_test (s, "stats_lines_without_tokens", test_stats_lines_without_tokens);
  CU_add_test (s, "stats_threads_and_formats", test_stats_threads_and_formats);
  CU_add_test (s, "stats_long_file_mtld", test_stats_long_file_mtld);
  CU_add_test (s, "stats_html_charts", test_stats_html_charts);
  CU_add_test (s, "stats_usage_errors", test_stats_usage_errors);
}
