/* test-cli-keyness.c — `derlem keyness`: a fixture counted by hand with its
 * rows worked out by tests/data/keyness/keyness.py, one corpus article
 * against the rest checked against `derlem freq` of both sides, --ref-list
 * against --ref, --negative, threads, formats, a malformed list and usage
 * errors. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tests.h"

#define HEADER                                                                                     \
  "lang\titem\tfreq_target\tfreq_ref\tll\tlog_ratio\tpct_diff\tper_million_target\t"               \
  "per_million_ref\trange_target\trange_ref\n"

#define FIXTURE_TARGET                                                                             \
  "$DERLEM keyness --assume-lang en --lang en --format tsv tests/data/keyness/target"
#define FIXTURE FIXTURE_TARGET " --ref tests/data/keyness/reference"

/* The fixture, every word counted by hand (keyness.py lists them): target
 * a.txt and b.txt, 26 tokens (the 6, river 5, boat 3, a 2, on 2, and, bank,
 * by, fell, one, ran, rose, sea 1); reference r1.txt and r2.txt, 28 tokens
 * (the 11, and 4, sea 4, ship 2, shore 2, bank, boat, by, on, river 1).
 * Rows printed by tests/data/keyness/keyness.py. */
static void
test_keyness_fixture (void)
{
  CliRun r = cli_run (FIXTURE " --p 1 --min-freq 1", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out,
                    HEADER "en\triver\t5\t1\t3.2157\t2.4288\t438.4615\t192307.69\t35714.29\t2\t1\n"
                           "en\ta\t2\t0\t2.9236\t2.1069\t\t76923.08\t0.00\t1\t0\n"
                           "en\tfell\t1\t0\t1.4618\t1.1069\t\t38461.54\t0.00\t1\t0\n"
                           "en\tone\t1\t0\t1.4618\t1.1069\t\t38461.54\t0.00\t1\t0\n"
                           "en\tran\t1\t0\t1.4618\t1.1069\t\t38461.54\t0.00\t1\t0\n"
                           "en\trose\t1\t0\t1.4618\t1.1069\t\t38461.54\t0.00\t1\t0\n"
                           "en\tboat\t3\t1\t1.2002\t1.6919\t223.0769\t115384.62\t35714.29\t2\t1\n"
                           "en\ton\t2\t1\t0.4180\t1.1069\t115.3846\t76923.08\t35714.29\t1\t1\n"
                           "en\tbank\t1\t1\t0.0027\t0.1069\t7.6923\t38461.54\t35714.29\t1\t1\n"
                           "en\tby\t1\t1\t0.0027\t0.1069\t7.6923\t38461.54\t35714.29\t1\t1\n");
  cli_run_clear (&r);
  /* Negative: ship and shore, of the reference only, first. */
  r = cli_run (FIXTURE " --negative --p 1 --min-freq 1", NULL);
  DL_ASSERT_STR_EQ (r.out, HEADER
                    "en\tship\t0\t2\t-2.6271\t-1.8931\t-100.0000\t0.00\t71428.57\t0\t1\n"
                    "en\tshore\t0\t2\t-2.6271\t-1.8931\t-100.0000\t0.00\t71428.57\t0\t2\n"
                    "en\tand\t1\t4\t-1.7120\t-1.8931\t-73.0769\t38461.54\t142857.14\t1\t2\n"
                    "en\tsea\t1\t4\t-1.7120\t-1.8931\t-73.0769\t38461.54\t142857.14\t1\t2\n"
                    "en\tthe\t6\t11\t-1.1454\t-0.7676\t-41.2587\t230769.23\t392857.14\t2\t2\n");
  cli_run_clear (&r);
  /* The defaults (p < 0.05, freq 3 in the target) keep none of so few. */
  r = cli_run (FIXTURE, NULL);
  DL_ASSERT_STR_EQ (r.out, HEADER);
  cli_run_clear (&r);
  /* --min-freq 2 --top 2. */
  r = cli_run (FIXTURE " --p 1 --min-freq 2 --top 2 | cut -f 2", NULL);
  DL_ASSERT_STR_EQ (r.out, "item\nriver\na\n");
  cli_run_clear (&r);
}

#define TARGET "corpus/article-tr-karabag-turk-dunyasi.txt"
#define REST                                                                                       \
  "corpus/article-tr-azerbaycan-denge-politikasi.txt "                                             \
  "corpus/article-tr-turkiye-azerbaycan-guvenlik.txt corpus/commentary-tr-karabag-2023.txt "       \
  "corpus/commentary-en-karabakh-liberation.txt"
#define REST_REFS                                                                                  \
  "--ref corpus/article-tr-azerbaycan-denge-politikasi.txt "                                       \
  "--ref corpus/article-tr-turkiye-azerbaycan-guvenlik.txt "                                       \
  "--ref corpus/commentary-tr-karabag-2023.txt "                                                   \
  "--ref corpus/commentary-en-karabakh-liberation.txt"

/* "lang item" with the apostrophes ’ and ʼ made ', as items are matched. */
static char *
item_key (const char *lang, const char *item)
{
  g_autofree char *key = g_strdup_printf ("%s %s", lang, item);
  g_auto (GStrv) a = g_strsplit (key, "’", -1);
  g_autofree char *b = g_strjoinv ("'", a);
  g_auto (GStrv) c = g_strsplit (b, "ʼ", -1);
  return g_strjoinv ("'", c);
}

/* item_key → "freq range" of a freq TSV. */
static GHashTable *
freq_counts (const char *tsv)
{
  GHashTable *h = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto (GStrv) rows = g_strsplit (tsv, "\n", -1);
  for (guint i = 1; rows[i] != NULL && rows[i][0] != '\0'; i++)
    {
      g_auto (GStrv) f = g_strsplit (rows[i], "\t", -1);
      g_hash_table_insert (h, item_key (f[0], f[2]), g_strdup_printf ("%s %s", f[3], f[5]));
    }
  return h;
}

/* Checks every row of a keyness TSV against the freq counts of the target
 * @t and the reference @r; returns the number of rows. */
static guint
check_against_freq (const char *tsv, GHashTable *t, GHashTable *r, gboolean negative)
{
  g_auto (GStrv) rows = g_strsplit (tsv, "\n", -1);
  guint n = 0;
  for (guint i = 1; rows[i] != NULL && rows[i][0] != '\0'; i++, n++)
    {
      g_auto (GStrv) f = g_strsplit (rows[i], "\t", -1);
      g_autofree char *key = item_key (f[0], f[1]);
      const char *in_t = g_hash_table_lookup (t, key), *in_r = g_hash_table_lookup (r, key);
      g_autofree char *got_t = g_strdup_printf ("%s %s", f[2], f[9]);
      g_autofree char *got_r = g_strdup_printf ("%s %s", f[3], f[10]);
      DL_ASSERT_STR_EQ_FOR (key, got_t, in_t != NULL ? in_t : "0 0");
      DL_ASSERT_STR_EQ_FOR (key, got_r, in_r != NULL ? in_r : "0 0");
      /* Significant at 0.05 the way asked; %DIFF empty exactly when b = 0. */
      double ll = g_ascii_strtod (f[4], NULL);
      DL_ASSERT_TRUE_FOR (key, negative ? ll <= -3.8414 : ll >= 3.8414);
      DL_ASSERT_TRUE_FOR (key, (f[6][0] == '\0') == (strcmp (f[3], "0") == 0));
    }
  return n;
}

static void
test_keyness_corpus (void)
{
  CliRun ft = cli_run ("$DERLEM freq --format tsv " TARGET, NULL);
  CliRun fr = cli_run ("$DERLEM freq --format tsv " REST, NULL);
  g_autoptr (GHashTable) t = freq_counts (ft.out);
  g_autoptr (GHashTable) r = freq_counts (fr.out);
  CliRun k = cli_run ("$DERLEM keyness --format tsv " TARGET " " REST_REFS, NULL);
  DL_ASSERT_INT_EQ (k.status, 0);
  CU_ASSERT_TRUE (check_against_freq (k.out, t, r, FALSE) > 50);
  /* The first rows of each language: LL, Log Ratio and %DIFF of keyness.py's
     corpus cases. */
  DL_ASSERT_STR_CONTAINS (k.out, HEADER "tr\ttürk\t99\t34\t97.2113\t2.5854\t500.1671\t"
                                        "14420.98\t2402.83\t1\t2\n");
  DL_ASSERT_STR_CONTAINS (k.out, "\nen\tturkic\t7\t0\t30.7611\t6.8074\t\t13084.11\t0.00\t1\t0\n");
  CliRun neg = cli_run ("$DERLEM keyness --negative --format tsv " TARGET " " REST_REFS, NULL);
  CU_ASSERT_TRUE (check_against_freq (neg.out, t, r, TRUE) > 20);
  DL_ASSERT_STR_CONTAINS (neg.out, HEADER "tr\tjandarma\t0\t92\t-72.7760\t-6.4801\t-100.0000\t"
                                          "0.00\t6501.77\t0\t1\n");
  /* The headings give freq's token counts of both sides. */
  CliRun text = cli_run ("$DERLEM keyness " TARGET " " REST_REFS " | grep tokens", NULL);
  DL_ASSERT_STR_EQ (text.out, "tr: target 6865 tokens, reference 14150 tokens\n"
                              "en: target 535 tokens, reference 4280 tokens\n");
  CliRun totals = cli_run (
      "$DERLEM freq " TARGET " | grep tokens; $DERLEM freq " REST " | grep tokens", NULL);
  DL_ASSERT_STR_EQ (totals.out, "tr: 6865 tokens, 2791 types\nen: 535 tokens, 247 types\n"
                                "tr: 14150 tokens, 4687 types\nen: 4280 tokens, 1056 types\n");
  cli_run_clear (&totals);
  cli_run_clear (&text);
  cli_run_clear (&neg);
  cli_run_clear (&k);
  cli_run_clear (&fr);
  cli_run_clear (&ft);
}

static void
test_keyness_ref_list (void)
{
  /* A freq list of the reference gives what the reference itself gives,
     forms and stems, positive and negative; without total_tokens a note
     says the size is the sum of freq (equal here: no stoplist). */
  static const char *const variants[] = { "",
                                          "--negative",
                                          "--unit stem",
                                          "--unit stem --negative",
                                          "--stoplist default --p 0.01",
                                          "--stoplist default --negative" };
  for (gsize i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const char *v = variants[i];
      g_autofree char *cmd = g_strdup_printf (
          "l=$(mktemp) && $DERLEM freq --format tsv %s %s > $l && "
          "$DERLEM keyness --format tsv %s %s --ref-list $l > $l.a; echo $?; "
          "$DERLEM keyness --format tsv %s %s %s > $l.b; cmp $l.a $l.b && echo same; "
          "wc -l < $l.a; rm -f $l $l.a $l.b",
          strstr (v, "stem") ? "--unit stem" : "", REST, v, TARGET, v, TARGET, REST_REFS);
      CliRun r = cli_run (cmd, NULL);
      g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
      DL_ASSERT_STR_EQ_FOR (v, lines[0], "0");
      DL_ASSERT_STR_EQ_FOR (v, lines[1], "same");
      DL_ASSERT_TRUE_FOR (v, atoi (lines[2]) > 10);
      DL_ASSERT_STR_CONTAINS_FOR (v, r.err, "no total_tokens column: the reference size of tr");
      cli_run_clear (&r);
    }
}

static void
test_keyness_bad_list (void)
{
  /* Bad rows are said, with their lines, and left out; the rest is used
     and the exit status is 1. */
  CliRun r = cli_run ("l=$(mktemp) && printf 'lang\\titem\\tfreq\\trange\\n"
                      "en\\tthe\\t11\\t2\\nen\\tsea\\tfour\\t2\\nen\\tship\\n"
                      "xx\\tshore\\t2\\t2\\nen\\tand\\t4\\t2\\n' > $l && " FIXTURE_TARGET
                      " --ref-list $l --p 1 --min-freq 1 --negative | sed \"s|$l|LIST|\"; "
                      "$DERLEM keyness --ref-list $l --assume-lang en --lang en "
                      "tests/data/keyness/target 2>&1 >/dev/null | sed \"s|$l|LIST|\"; "
                      "rm -f $l",
                      NULL);
  g_auto (GStrv) out = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (out[0], "lang\titem\tfreq_target\tfreq_ref\tll\tlog_ratio\tpct_diff\t"
                            "per_million_target\tper_million_ref\trange_target\trange_ref");
  /* Reference: the 11 + and 4 = 15 tokens. */
  DL_ASSERT_STR_CONTAINS (r.out, "\nen\tand\t1\t4\t");
  DL_ASSERT_STR_CONTAINS (r.out, "derlem: LIST:3: freq is not a whole number from 1 up ('four')");
  DL_ASSERT_STR_CONTAINS (r.out, "derlem: LIST:4: 2 cells where the header has 4");
  DL_ASSERT_STR_CONTAINS (r.out, "derlem: LIST:5: unknown language 'xx'");
  DL_ASSERT_STR_CONTAINS (r.out, "derlem: LIST: no total_tokens column: the reference size of en "
                                 "is the sum of its freq column, 15");
  cli_run_clear (&r);
  r = cli_run ("l=$(mktemp) && printf 'lang\\titem\\tfreq\\trange\\nen\\tsea\\tfour\\t2\\n' > $l "
               "&& " FIXTURE_TARGET " --ref-list $l >/dev/null 2>&1; echo $?; rm -f $l",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "1\n");
  cli_run_clear (&r);
}

static void
test_keyness_threads_formats (void)
{
  CliRun r = cli_run ("$DERLEM keyness --threads 1 --format tsv corpus/article-tr-karabag-turk-"
                      "dunyasi.txt --ref corpus | md5sum; "
                      "$DERLEM keyness --threads 4 --format tsv corpus/article-tr-karabag-turk-"
                      "dunyasi.txt --ref corpus | md5sum",
                      NULL);
  g_auto (GStrv) sums = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (sums[0], sums[1]);
  cli_run_clear (&r);
  static const struct {
    const char *format, *expected;
  } formats[] = {
    { "tsv", HEADER },
    { "csv", "lang,item,freq_target,freq_ref,ll,log_ratio,pct_diff,per_million_target," },
    /* %DIFF of an item the reference lacks: null, never inf. */
    { "json", "{\"lang\":\"en\",\"item\":\"a\",\"freq_target\":2,\"freq_ref\":0,\"ll\":2.9236,"
              "\"log_ratio\":2.1069,\"pct_diff\":null," },
    { "html", "<th" },
    { "markdown", "| item |" },
    { "text", "en: target 26 tokens, reference 28 tokens" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *cmd
          = g_strdup_printf ("$DERLEM keyness --assume-lang en --lang en --p 1 --min-freq 1 "
                             "--format %s tests/data/keyness/target --ref "
                             "tests/data/keyness/reference",
                             formats[i].format);
      CliRun f = cli_run (cmd, NULL);
      DL_ASSERT_INT_EQ (f.status, 0);
      DL_ASSERT_STR_CONTAINS_FOR (formats[i].format, f.out, formats[i].expected);
      DL_ASSERT_TRUE_FOR (formats[i].format,
                          strstr (f.out, "inf") == NULL && strstr (f.out, "nan") == NULL);
      cli_run_clear (&f);
    }
  /* --unit stem adds the unit column. */
  r = cli_run ("$DERLEM keyness --unit stem --format tsv " TARGET " " REST_REFS " | head -n 2",
               NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "\trange_ref\tunit\n");
  cli_run_clear (&r);
}

/* A part against the rest (--by, no reference) is the part against the
 * other files named as the reference: the same rows, the part last. */
static void
test_keyness_part_against_rest (void)
{
  CliRun ref = cli_run ("$DERLEM keyness --format tsv " TARGET " " REST_REFS, NULL);
  CliRun by = cli_run ("$DERLEM keyness --format tsv --by file --target " TARGET " " TARGET " " REST
                       " | cut -f 1-11",
                       NULL);
  DL_ASSERT_INT_EQ (ref.status, 0);
  CU_ASSERT_TRUE (strlen (ref.out) > 1000);
  DL_ASSERT_STR_EQ (by.out, ref.out);
  /* The part is the last column; without --target every part comes, each
     against the rest (web page: no Turkish, no rows). */
  CliRun all
      = cli_run ("$DERLEM keyness --format tsv --lang tr --meta corpus/MANIFEST.tsv --by kind "
                 "corpus | cut -f 12 | sort | uniq -c",
                 NULL);
  CliRun sides = cli_run (
      "a=$($DERLEM keyness --format tsv --lang tr corpus/article-*.txt --ref "
      "corpus/commentary-tr-karabag-2023.txt --ref "
      "corpus/commentary-en-karabakh-liberation.txt | tail -n +2 | wc -l); "
      "c=$($DERLEM keyness --format tsv --lang tr corpus/commentary-tr-karabag-2023.txt "
      "--ref corpus/commentary-en-karabakh-liberation.txt $(printf -- '--ref %s ' "
      "corpus/article-*.txt) | "
      "tail -n +2 | wc -l); printf '%7d article\\n%7d commentary\\n      1 part\\n' $a $c",
      NULL);
  DL_ASSERT_STR_EQ (all.out, sides.out);
  DL_ASSERT_STR_CONTAINS (all.out, " commentary\n");
  cli_run_clear (&sides);
  CliRun one = cli_run ("$DERLEM keyness --lang tr --meta corpus/MANIFEST.tsv --by kind --target "
                        "commentary corpus | head -1",
                        NULL);
  DL_ASSERT_STR_EQ (one.out, "kind=commentary — tr: target 933 tokens, reference 20082 tokens\n");
  cli_run_clear (&one);
  cli_run_clear (&all);
  cli_run_clear (&by);
  cli_run_clear (&ref);
}

static void
test_keyness_usage_errors (void)
{
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "keyness corpus", "keyness needs a reference: --ref PATH..., --ref-list FILE, or --by KEY" },
    { "keyness corpus --ref corpus --ref-list tests/data/freq/expected-form.tsv",
      "give --ref PATH... or --ref-list FILE, not both" },
    { "keyness corpus --ref corpus --by file --target x",
      "--target VALUE goes with --by KEY and no reference" },
    { "keyness corpus --target x", "keyness needs a reference" },
    { "keyness corpus --meta corpus/MANIFEST.tsv --by kind --target essay",
      "--target essay: no file kept has kind=essay" },
    { "keyness corpus --ref corpus --p 0.1", "--p" },
    { "keyness corpus --ref corpus --p x", "--p" },
    { "keyness corpus --ref corpus --min-freq -1", "--min-freq" },
    { "keyness corpus --ref corpus --top -2", "--top" },
    { "keyness corpus --ref-list /nonexistent.tsv", "cannot read /nonexistent.tsv" },
    { "keyness corpus --ref-list corpus/MANIFEST.tsv", "its header has no" },
    { "keyness corpus --unit stem --ref-list tests/data/freq/expected-form.tsv",
      "is a list of word forms (it has no unit column): use --unit form" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM %s", cases[i].args);
      CliRun r = cli_run_usage_error (cmd, cases[i].message);
      cli_run_clear (&r);
    }
  /* A list of stems given as forms. */
  CliRun r = cli_run_usage_error ("l=$(mktemp) && $DERLEM freq --unit stem --format tsv "
                                  "corpus/commentary-en-karabakh-liberation.txt > $l && "
                                  "$DERLEM keyness corpus --ref-list $l; s=$?; rm -f $l; exit $s",
                                  "is a list of stems or lemmas (it has a unit column)");
  cli_run_clear (&r);
  /* The help gives the formulas. */
  r = cli_run ("$DERLEM help keyness", NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "2 (a ln (a/E1) + b ln (b/E2))");
  DL_ASSERT_STR_CONTAINS (r.out, "log2 ((a/c) / (b/d))");
  DL_ASSERT_STR_CONTAINS (r.out, "100 (a/c − b/d) / (b/d)");
  DL_ASSERT_STR_CONTAINS (r.out, "lang item freq_target freq_ref ll log_ratio pct_diff");
  cli_run_clear (&r);
}

static void
test_keyness_note_for_people (void)
{
  /* The note says the critical value and the level as people write them:
   * 0.05, not 0.050000000000000003; in Turkish with decimal commas. */
  CliRun r = cli_run ("$DERLEM keyness --lang tr --top 1 corpus/commentary-tr-karabag-2023.txt "
                      "--ref corpus/article-tr-karabag-turk-dunyasi.txt | sed -n 2p",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "|LL| ≥ 3.84 (p < 0.05; 3084 items compared)\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM keyness --lang tr --top 1 --p 0.001 corpus/commentary-tr-karabag-2023.txt "
               "--ref corpus/article-tr-karabag-turk-dunyasi.txt | sed -n 2p",
               "tr");
  DL_ASSERT_STR_EQ (r.out, "|LL| ≥ 10,83 (p < 0,001; 3084 birim karşılaştırıldı)\n");
  cli_run_clear (&r);
}

void
test_cli_keyness_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-keyness", NULL, NULL);
  CU_add_test (s, "keyness_fixture", test_keyness_fixture);
  CU_add_test (s, "keyness_corpus", test_keyness_corpus);
  CU_add_test (s, "keyness_ref_list", test_keyness_ref_list);
  CU_add_test (s, "keyness_bad_list", test_keyness_bad_list);
  CU_add_test (s, "keyness_threads_formats", test_keyness_threads_formats);
  CU_add_test (s, "keyness_part_against_rest", test_keyness_part_against_rest);
  CU_add_test (s, "keyness_usage_errors", test_keyness_usage_errors);
  CU_add_test (s, "keyness_note_for_people", test_keyness_note_for_people);
}
