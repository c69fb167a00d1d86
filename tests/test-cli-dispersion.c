/* test-cli-dispersion.c — `derlem dispersion`: exact rows on the corpus of
 * Gries (2008) (values from tests/data/dispersion/dispersion.py), a query
 * with no hit, --parts with hits across a part's border, the counts of
 * kwic on corpus/, threads, the plot in each format, usage errors; and
 * freq --dispersion, equal to it, its filters. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

#define GRIES "--assume-lang en tests/data/dispersion/gries"
#define PART "tests/data/dispersion/gries/part"

static void
test_dispersion_gries_rows (void)
{
  /* b in every part, i in one, zz in none. D, DP, DPnorm: b 0.968091043,
   * 0.02, 0.024390244; i 0, 0.82, 1 (dispersion.py); freq 0 and empty
   * measures for no hit. */
  CliRun r = cli_run ("$DERLEM dispersion -e b -e i -e zz --format tsv " GRIES, NULL);
  DL_ASSERT_STR_EQ (r.out,
                    "lang\tfile\tfreq\tper_million\tquery\tsize\trange\tjuilland_d\tdp\tdp_norm\n"
                    "en\t" PART "1.txt\t2\t222222.22\tb\t9\t5\t0.9681\t0.0200\t0.0244\n"
                    "en\t" PART "2.txt\t2\t200000.00\tb\t10\t5\t0.9681\t0.0200\t0.0244\n"
                    "en\t" PART "3.txt\t2\t200000.00\tb\t10\t5\t0.9681\t0.0200\t0.0244\n"
                    "en\t" PART "4.txt\t2\t200000.00\tb\t10\t5\t0.9681\t0.0200\t0.0244\n"
                    "en\t" PART "5.txt\t2\t181818.18\tb\t11\t5\t0.9681\t0.0200\t0.0244\n"
                    "en\t" PART "1.txt\t1\t111111.11\ti\t9\t1\t0.0000\t0.8200\t1.0000\n"
                    "en\t" PART "2.txt\t0\t0.00\ti\t10\t1\t0.0000\t0.8200\t1.0000\n"
                    "en\t" PART "3.txt\t0\t0.00\ti\t10\t1\t0.0000\t0.8200\t1.0000\n"
                    "en\t" PART "4.txt\t0\t0.00\ti\t10\t1\t0.0000\t0.8200\t1.0000\n"
                    "en\t" PART "5.txt\t0\t0.00\ti\t11\t1\t0.0000\t0.8200\t1.0000\n"
                    "en\t" PART "1.txt\t0\t0.00\tzz\t9\t0\t\t\t\n"
                    "en\t" PART "2.txt\t0\t0.00\tzz\t10\t0\t\t\t\n"
                    "en\t" PART "3.txt\t0\t0.00\tzz\t10\t0\t\t\t\n"
                    "en\t" PART "4.txt\t0\t0.00\tzz\t10\t0\t\t\t\n"
                    "en\t" PART "5.txt\t0\t0.00\tzz\t11\t0\t\t\t\n");
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
  /* a: 1, 2, 3, 4, 5 hits; DP 0.18 as in Gries (2008). One file: DP 0, D
   * and DPnorm undefined. */
  r = cli_run ("$DERLEM dispersion a --format tsv " GRIES " | cut -f 3,7-10 | tail -n 1; "
               "$DERLEM dispersion a --format tsv --assume-lang en " PART "3.txt | tail -n 1",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "5\t5\t0.7852\t0.1800\t0.2195\n"
                           "en\t" PART "3.txt\t3\t300000.00\ta\t10\t1\t\t0.0000\t\n");
  cli_run_clear (&r);
}

static void
test_dispersion_parts_across_borders (void)
{
  /* 10 tokens in two files, parts of 3, 3 and 4 tokens: "a b" at tokens
   * 2-3 and 5-6 straddles the borders, and counts where it starts; D, DP,
   * DPnorm of (1, 1, 1) over (3, 3, 4): 0.909090909, 0.066666667,
   * 0.095238095 (dispersion.py). */
  CliRun r = cli_run ("$DERLEM dispersion --assume-lang en '\"a b\"' --parts 3 --format tsv "
                      "tests/data/dispersion/straddle",
                      NULL);
  DL_ASSERT_STR_EQ (r.out,
                    "lang\tfile\tfreq\tper_million\tquery\tsize\trange\tjuilland_d\tdp\tdp_norm\n"
                    "en\t1\t1\t333333.33\t\"a b\"\t3\t3\t0.9091\t0.0667\t0.0952\n"
                    "en\t2\t1\t333333.33\t\"a b\"\t3\t3\t0.9091\t0.0667\t0.0952\n"
                    "en\t3\t1\t250000.00\t\"a b\"\t4\t3\t0.9091\t0.0667\t0.0952\n");
  cli_run_clear (&r);
}

static void
test_dispersion_counts_of_kwic (void)
{
  /* The hits per language are kwic's, the sizes freq's tokens; the same
   * bytes with one thread or two. */
  CliRun r = cli_run (
      "for q in savaş war; do $DERLEM dispersion $q --format tsv corpus "
      "| awk -F'\\t' 'NR > 1 { h[$1] += $3; t[$1] += $6 } "
      "END { printf \"tr %d %d en %d %d\\n\", h[\"tr\"], t[\"tr\"], h[\"en\"], t[\"en\"] }'; "
      "$DERLEM kwic $q corpus | grep hits; done; "
      "$DERLEM freq corpus | grep tokens; "
      "$DERLEM dispersion -e savaş -e 'kara*' --parts 7 --threads 1 --format tsv corpus | md5sum; "
      "$DERLEM dispersion -e savaş -e 'kara*' --parts 7 --threads 2 --format tsv corpus | md5sum; "
      "$DERLEM dispersion -e war --threads 1 --format tsv corpus | md5sum; "
      "$DERLEM dispersion -e war --threads 2 --format tsv corpus | md5sum",
      NULL);
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (lines[0], "tr 35 21015 en 0 4815");
  DL_ASSERT_STR_CONTAINS (lines[1], "tr: 35 hits");
  DL_ASSERT_STR_CONTAINS (lines[2], "en: 0 hits");
  DL_ASSERT_STR_EQ (lines[3], "tr 0 21015 en 33 4815");
  DL_ASSERT_STR_CONTAINS (lines[4], "tr: 0 hits");
  DL_ASSERT_STR_CONTAINS (lines[5], "en: 33 hits");
  DL_ASSERT_STR_EQ (lines[6], "tr: 21015 tokens, 6335 types");
  DL_ASSERT_STR_EQ (lines[7], "en: 4815 tokens, 1167 types");
  DL_ASSERT_STR_EQ (lines[8], lines[9]);
  DL_ASSERT_STR_EQ (lines[10], lines[11]);
  cli_run_clear (&r);
}

static void
test_dispersion_cql (void)
{
  /* A CQL query spelling a phrase gives the phrase's rows; the hits per
   * language are kwic's, those whose first token is a number too, placed
   * at their first counted token (before the fix, 0); made of numbers
   * only, they count with --numbers. */
  CliRun r = cli_run (
      "$DERLEM dispersion --format tsv --cql '[fold=\"dağlık\"] [fold=\"karabağ.*\"]' corpus "
      "| cut -f1-4,6- | md5sum; "
      "$DERLEM dispersion --format tsv '\"Dağlık Karabağ*\"' corpus | cut -f1-4,6- | md5sum; "
      "for q in '[word=\"[0-9]+\"] [fold=\"yılında\"]' '[]{3} within s'; do "
      "$DERLEM dispersion --numbers --format tsv --cql \"$q\" corpus "
      "| awk -F'\\t' 'NR > 1 { h[$1] += $3 } END { printf \"tr %d en %d\\n\", h[\"tr\"], "
      "h[\"en\"] }'; "
      "$DERLEM kwic --format tsv --cql \"$q\" corpus "
      "| awk -F'\\t' 'NR > 1 { h[$1]++ } END { printf \"tr %d en %d\\n\", h[\"tr\"], "
      "h[\"en\"] }'; done; "
      "$DERLEM dispersion --format tsv --cql '[word=\"[0-9]+\"] [fold=\"yılında\"]' corpus "
      "| awk -F'\\t' 'NR > 1 { h += $3 } END { print h }'",
      NULL);
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_INT_EQ (g_strv_length (lines), 8);
  if (g_strv_length (lines) == 8)
    {
      DL_ASSERT_STR_EQ (lines[1], lines[0]);
      DL_ASSERT_STR_EQ (lines[2], "tr 26 en 0");
      DL_ASSERT_STR_EQ (lines[3], lines[2]);
      DL_ASSERT_STR_EQ (lines[4], "tr 7024 en 1577");
      DL_ASSERT_STR_EQ (lines[5], lines[4]);
      DL_ASSERT_STR_EQ (lines[6], "26");
    }
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM dispersion --cql '[lemma=git]' corpus",
                           "derlem: CQL query [lemma=git]: at character 8: a string in double "
                           "quotes expected, not g\n");
  cli_run_clear (&r);
}

static void
test_dispersion_plots (void)
{
  /* i is token 4 of part1's 9: cell 4 × 60 / 9 = 26 of 60. */
  CliRun r = cli_run ("$DERLEM dispersion i --color always " GRIES, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "en: i: 1 hits in 1 of 5 files; D 0.0000, DP 0.8200, "
                                 "DPnorm 1.0000\n");
  DL_ASSERT_STR_CONTAINS (r.out, "part1.txt [.........................."
                                 "\033[1;31m|\033[0m"
                                 ".................................] 1\n");
  DL_ASSERT_STR_CONTAINS (r.out, "part5.txt [............................................"
                                 "................] 0\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM dispersion i --color never " GRIES, NULL);
  DL_ASSERT_TRUE_FOR ("no color", strchr (r.out, '\033') == NULL);
  cli_run_clear (&r);
  r = cli_run ("$DERLEM dispersion a --format html " GRIES, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
  DL_ASSERT_STR_CONTAINS (r.out, ">part5.txt</text>");
  DL_ASSERT_STR_CONTAINS (r.out,
                          "<figcaption>Where a falls: a line per file, a mark per hit at its "
                          "place among the file&#39;s en tokens;");
  DL_ASSERT_STR_CONTAINS (r.out, ">place in the file (% of its tokens of the language)</text>");
  DL_ASSERT_TRUE_FOR ("no script", strstr (r.out, "<script") == NULL);
  /* A line per hit: 15. */
  guint lines = 0;
  for (const char *p = r.out; (p = strstr (p, "<line ")) != NULL; p++)
    lines++;
  DL_ASSERT_INT_EQ (lines, 15);
  cli_run_clear (&r);
  r = cli_run ("$DERLEM dispersion a --format markdown " GRIES, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "| tests/data/dispersion/gries/part5.txt | 5 | 454545.45 | 11 |\n"
                                 "\n```\npart1.txt [");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM dispersion zz --format json " GRIES " | head -n 2", NULL);
  DL_ASSERT_STR_EQ (r.out, "[\n{\"lang\":\"en\",\"file\":\"" PART "1.txt\",\"freq\":0,"
                           "\"per_million\":0.00,\"query\":\"zz\",\"size\":9,\"range\":0,"
                           "\"juilland_d\":null,\"dp\":null,\"dp_norm\":null},\n");
  cli_run_clear (&r);
}

static void
test_dispersion_usage_errors (void)
{
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "dispersion", "dispersion needs a QUERY" },
    { "dispersion --parts 0 savaş", "invalid value '0' for --parts" },
    { "dispersion --parts -3 savaş", "invalid value '-3' for --parts" },
    { "dispersion --parts 1000001 savaş", "from 1 to 1000000" },
    { "dispersion '/x(/'", "bad regular expression" },
    { "dispersion --width 3 savaş", "unknown option --width" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM %s", cases[i].args);
      CliRun r = cli_run_usage_error (cmd, cases[i].message);
      DL_ASSERT_STR_CONTAINS (r.err, "Try 'derlem help dispersion'");
      cli_run_clear (&r);
    }
}

static void
test_freq_dispersion (void)
{
  /* The columns after range, the values of dispersion.py (a: 0.785150453,
   * 0.18, 0.219512195; i: 0, 0.82, 1), adj_freq = D × freq. */
  CliRun r = cli_run (
      "$DERLEM freq --dispersion --format tsv " GRIES " | grep -E '^(lang|en\t(1|2|10)\t)'", NULL);
  DL_ASSERT_STR_EQ (r.out, "lang\trank\titem\tfreq\tper_million\trange\tjuilland_d\tdp\tdp_norm\t"
                           "adj_freq\n"
                           "en\t1\ta\t15\t300000.00\t5\t0.7852\t0.1800\t0.2195\t11.78\n"
                           "en\t2\tb\t10\t200000.00\t5\t0.9681\t0.0200\t0.0244\t9.68\n"
                           "en\t10\ti\t1\t20000.00\t1\t0.0000\t0.8200\t1.0000\t0.00\n");
  cli_run_clear (&r);
  /* Filters by evenness: DP at most 0.1 keeps b and e; D at least 0.5
   * keeps a, b, e and t (0.749). */
  r = cli_run (
      "$DERLEM freq --max-dp 0.1 --format tsv " GRIES " | cut -f 3 | tail -n +2 | tr '\\n' ' '; "
      "$DERLEM freq --min-d 0.5 --format tsv " GRIES " | cut -f 3 | tail -n +2 | tr '\\n' ' '",
      NULL);
  DL_ASSERT_STR_EQ (r.out, "b e a b e t ");
  cli_run_clear (&r);
  /* One file: D, DPnorm and adj_freq undefined. */
  r = cli_run ("$DERLEM freq --dispersion --format tsv --assume-lang en " PART "3.txt | sed -n 2p",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "en\t1\ta\t3\t300000.00\t1\t\t0.0000\t\t\n");
  cli_run_clear (&r);
}

static void
test_freq_dispersion_equals_dispersion (void)
{
  /* The same word, the same numbers: by form, and by stem (the unit's
   * counts are its forms' summed; the unit key is the 11th column). */
  CliRun r = cli_run ("$DERLEM freq --dispersion --format tsv --lang tr corpus "
                      "| awk -F'\t' '$3 == \"savaş\" { print $4, $6, $7, $8, $9 }'; "
                      "$DERLEM dispersion savaş --lang tr --format tsv corpus "
                      "| awk -F'\t' 'NR > 1 { f += $3; r = $7; d = $8; p = $9; n = $10 } "
                      "END { print f, r, d, p, n }'; "
                      "$DERLEM freq --dispersion --unit stem --format tsv --lang tr corpus "
                      "| awk -F'\t' '$11 == \"savaş\" { print $4, $6, $7, $8, $9 }'; "
                      "$DERLEM dispersion --unit stem savaş --lang tr --format tsv corpus "
                      "| awk -F'\t' 'NR > 1 { f += $3; r = $7; d = $8; p = $9; n = $10 } "
                      "END { print f, r, d, p, n }'",
                      NULL);
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (lines[0], "35 3 0.5011 0.3645 0.3814");
  DL_ASSERT_STR_EQ (lines[1], lines[0]);
  DL_ASSERT_STR_EQ (lines[2], "139 4 0.6936 0.3421 0.3580");
  DL_ASSERT_STR_EQ (lines[3], lines[2]);
  cli_run_clear (&r);
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "freq --min-d 2", "invalid value '2' for --min-d (expected a number from 0 to 1)" },
    { "freq --max-dp -0.5", "invalid value '-0.5' for --max-dp" },
    { "freq --min-d x", "--min-d" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM %s corpus", cases[i].args);
      CliRun u = cli_run_usage_error (cmd, cases[i].message);
      DL_ASSERT_STR_CONTAINS (u.err, "Try 'derlem help freq'");
      cli_run_clear (&u);
    }
}

void
test_cli_dispersion_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-dispersion", NULL, NULL);
  CU_add_test (s, "dispersion_gries_rows", test_dispersion_gries_rows);
  CU_add_test (s, "dispersion_parts_across_borders", test_dispersion_parts_across_borders);
  CU_add_test (s, "dispersion_counts_of_kwic", test_dispersion_counts_of_kwic);
  CU_add_test (s, "dispersion_cql", test_dispersion_cql);
  CU_add_test (s, "dispersion_plots", test_dispersion_plots);
  CU_add_test (s, "dispersion_usage_errors", test_dispersion_usage_errors);
  CU_add_test (s, "freq_dispersion", test_freq_dispersion);
  CU_add_test (s, "freq_dispersion_equals_dispersion", test_freq_dispersion_equals_dispersion);
}
