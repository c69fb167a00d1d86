/* test-cli-freq.c — `derlem freq`: a fixture counted by hand, corpus counts
 * checked independently, orders, filters, formats and usage errors. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

/* The row of @item in @lang of a freq TSV, as "rank freq per_million range
 * [forms]", or NULL. */
static char *
freq_row (const char *tsv, const char *lang, const char *item)
{
  g_auto (GStrv) rows = g_strsplit (tsv, "\n", -1);
  for (guint i = 1; rows[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (rows[i], "\t", -1);
      if (g_strv_length (f) >= 6 && strcmp (f[0], lang) == 0 && strcmp (f[2], item) == 0)
        {
          g_autofree char *rest = g_strjoinv (" ", f + 3);
          return g_strdup_printf ("%s %s", f[1], rest);
        }
    }
  return NULL;
}

static void
check_row (const char *tsv, const char *lang, const char *item, const char *expected)
{
  g_autofree char *got = freq_row (tsv, lang, item);
  g_autofree char *label = g_strdup_printf ("%s %s", lang, item);
  DL_ASSERT_STR_EQ_FOR (label, got, expected);
}

/* The same without the rank. */
static void
check_row_norank (const char *tsv, const char *lang, const char *item, const char *expected)
{
  g_autofree char *got = freq_row (tsv, lang, item);
  const char *rest = got != NULL ? strchr (got, ' ') : NULL;
  g_autofree char *label = g_strdup_printf ("%s %s", lang, item);
  DL_ASSERT_STR_EQ_FOR (label, rest ? rest + 1 : NULL, expected);
}

static void
test_freq_fixture_counted_by_hand (void)
{
  /* tests/data/freq: two files, Turkish and English lines, İ/I, three
   * apostrophes, numbers, a URL and an address, counted by hand. */
  g_autofree char *expected = NULL;
  CU_ASSERT_FATAL (
      g_file_get_contents (TEST_DATA ("freq/expected-form.tsv"), &expected, NULL, NULL));
  CliRun r = cli_run ("$DERLEM freq --format tsv --threads 2 tests/data/freq", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, expected);
  cli_run_clear (&r);

  r = cli_run ("$DERLEM freq tests/data/freq | grep tokens", NULL);
  DL_ASSERT_STR_EQ (r.out, "tr: 116 tokens, 85 types\nen: 77 tokens, 44 types\n");
  cli_run_clear (&r);
  /* 19.09.2023, 1990’ların and 2020'de are numbers; the URL and the address
   * come in with --urls. */
  r = cli_run ("$DERLEM freq --numbers --urls --lang tr --format tsv tests/data/freq", NULL);
  /* 17 items occur twice or more; then the hapaxes, digits first. */
  check_row (r.out, "tr", "19.09.2023", "18 1 8264.46 1");
  check_row (r.out, "tr", "1990’ların", "19 1 8264.46 1");
  check_row (r.out, "tr", "2020'de", "20 1 8264.46 1");
  check_row_norank (r.out, "tr", "https://www.karabag.org.tr/rapor", "1 8264.46 1");
  check_row_norank (r.out, "tr", "bilgi@karabag.org.tr", "1 8264.46 1");
  CU_ASSERT_PTR_NULL (strstr (r.out, "\nen\t"));
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq --numbers --urls --lang tr tests/data/freq | head -n 1", NULL);
  DL_ASSERT_STR_EQ (r.out, "tr: 121 tokens, 90 types\n");
  cli_run_clear (&r);
  /* --case keep counts exact forms. */
  r = cli_run ("$DERLEM freq --case keep --format tsv tests/data/freq", NULL);
  check_row_norank (r.out, "tr", "İSTANBUL", "1 8620.69 1");
  check_row_norank (r.out, "tr", "İstanbul", "1 8620.69 1");
  check_row_norank (r.out, "tr", "istanbul", "1 8620.69 1");
  check_row_norank (r.out, "tr", "IRAK", "1 8620.69 1");
  check_row_norank (r.out, "tr", "Irak", "2 17241.38 2");
  check_row_norank (r.out, "en", "It", "1 12987.01 1");
  check_row_norank (r.out, "en", "it", "1 12987.01 1");
  cli_run_clear (&r);
}

static void
test_freq_corpus_counts (void)
{
  /* Counts checked against an independent count (a regular expression
   * tokenizer with Turkish-aware lower-casing over the lines langs labels
   * tr or en). */
  CliRun r = cli_run ("$DERLEM freq --format tsv corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "lang\trank\titem\tfreq\tper_million\trange\n"));
  check_row (r.out, "tr", "ve", "1 694 33024.03 4");
  check_row (r.out, "tr", "bir", "2 344 16369.26 4");
  check_row (r.out, "tr", "azerbaycan", "4 316 15036.88 4");
  check_row (r.out, "tr", "türkiye", "6 174 8279.80 4");
  check_row (r.out, "tr", "azerbaycan’ın", "9 148 7042.59 4");
  check_row (r.out, "tr", "karabağ", "10 147 6995.00 4");
  check_row (r.out, "en", "the", "1 371 77050.88 4");
  check_row (r.out, "en", "of", "2 194 40290.76 4");
  check_row (r.out, "en", "it", "6 100 20768.43 4");
  check_row (r.out, "en", "azerbaijan", "9 69 14330.22 4");
  check_row_norank (r.out, "en", "azerbaijan's", "20 4153.69 3");
  cli_run_clear (&r);

  /* Stems: the name and its suffixed forms under one stem (316 + 148 + 75 + ...);
   * then the unit's key and its forms. */
  r = cli_run ("$DERLEM freq --unit stem --format tsv corpus", NULL);
  check_row (r.out, "tr", "azerbaycan",
             "2 606 28836.55 4 azerbaycan azerbaycan (316), azerbaycan’ın (148), "
             "azerbaycan’a (75), azerbaycan’ı (25), azerbaycan’da (19)");
  /* Savaşı is capitalized inside names (Karabağ Savaşı’nın, İkinci Dünya
   * Savaşı), which is no evidence that savaşı alone is a name: one unit,
   * shown by its most frequent form. */
  check_row (r.out, "tr", "savaş",
             "12 139 6614.32 4 savaş savaş (35), savaşı (34), savaşın (17), savaşa (9), "
             "savaşta (8)");
  check_row (r.out, "en", "azerbaijan",
             "7 89 18483.90 4 azerbaijan azerbaijan (69), azerbaijan's (20)");
  CU_ASSERT_PTR_NULL (strstr (r.out, "\tazerbayca\t"));
  cli_run_clear (&r);

  /* The same whatever the number of threads. */
  CliRun one = cli_run ("$DERLEM freq --unit stem --threads 1 corpus", NULL);
  CliRun two = cli_run ("$DERLEM freq --unit stem --threads 2 corpus", NULL);
  DL_ASSERT_STR_EQ (one.out, two.out);
  cli_run_clear (&one);
  cli_run_clear (&two);
}

static void
test_freq_orders_and_filters (void)
{
  CliRun r = cli_run ("$DERLEM freq --sort alpha --lang tr --format tsv tests/data/freq | cut -f 3",
                      NULL);
  /* Turkish order: b < c < ç < d, ı < i, s < ş < t. */
  const char *order[] = { "bütün",     "çatışma",  "daha",      "ırak",    "istanbul",
                          "işbirliği", "itibaren", "sürecinin", "şekilde", "takip" };
  const char *at = r.out;
  for (gsize i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *needle = g_strdup_printf ("\n%s\n", order[i]);
      /* Each after the one before it. */
      if (!DL_ASSERT_STR_CONTAINS_FOR (order[i], at, needle))
        break;
      at = strstr (at, needle) + 1;
    }
  cli_run_clear (&r);

  r = cli_run ("$DERLEM freq --sort atergo --lang tr --min-freq 2 --format tsv tests/data/freq "
               "| cut -f 2,3 | tr '\\t\\n' ': '",
               NULL);
  /* By the reversed words in Turkish order (ad eli ev ğabarak ısamlo ışavas
   * ikedeglöb iney karı kilnevüg lubnatsi nacyabreza nı’nacyabreza nın'aysur
   * niçi rib şırab); ranks travel with their items. */
  DL_ASSERT_STR_EQ (r.out, "rank:item 10:da 13:ile 1:ve 14:karabağ 15:olması 16:savaşı "
                           "9:bölgedeki 17:yeni 4:ırak 11:güvenlik 5:istanbul "
                           "2:azerbaycan 7:azerbaycan’ın 6:rusya'nın 12:için 3:bir "
                           "8:barış ");
  cli_run_clear (&r);

  r = cli_run ("$DERLEM freq --top 3 --lang en --format csv tests/data/freq", NULL);
  DL_ASSERT_STR_EQ (r.out, "lang,rank,item,freq,per_million,range\n"
                           "en,1,the,15,194805.19,2\n"
                           "en,2,in,7,90909.09,2\n"
                           "en,3,region,4,51948.05,2\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq --top 1 --format json tests/data/freq", NULL);
  /* JSON carries the language's totals: the headings' counts by hand. */
  DL_ASSERT_STR_EQ (r.out, "[\n{\"lang\":\"tr\",\"rank\":1,\"item\":\"ve\",\"freq\":11,"
                           "\"per_million\":94827.59,\"range\":2,\"total_tokens\":116,"
                           "\"total_types\":85},\n"
                           "{\"lang\":\"en\",\"rank\":1,\"item\":\"the\",\"freq\":15,"
                           "\"per_million\":194805.19,\"range\":2,\"total_tokens\":77,"
                           "\"total_types\":44}\n]\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq --min-range 2 --lang tr --format tsv tests/data/freq | wc -l", NULL);
  /* The header and the 14 Turkish items of expected-form.tsv with range 2. */
  DL_ASSERT_STR_EQ (r.out, "15\n");
  cli_run_clear (&r);

  /* The default stoplist drops function words. */
  r = cli_run ("$DERLEM freq --stoplist default --top 3 --format tsv corpus | cut -f 1,3", NULL);
  DL_ASSERT_STR_EQ (r.out, "lang\titem\ntr\tazerbaycan\ntr\taskeri\ntr\ttürkiye\n"
                           "en\tazerbaijan\nen\tarmenia\nen\tkarabakh\n");
  cli_run_clear (&r);
}

static void
test_freq_usage_errors (void)
{
  /* Each wrong value is named, with the way to the help; the first one
   * checked when there are several. */
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "--sort size", "invalid value 'size' for --sort (expected one of: freq, alpha, atergo)" },
    { "--top -1", "invalid value '-1' for --top (expected a number, 0 or more)" },
    { "--min-freq x", "for --min-freq" },
    { "--min-range -1", "invalid value '-1' for --min-range (expected a number, 0 or more)" },
    { "--unit stem --case keep", "--unit stem works on folded words" },
    { "--stoplist /nonexistent/list.txt", "--stoplist: " },
    { "--forms -2", "invalid value '-2' for --forms (expected a number, 0 or more)" },
    { "--sort size --forms -2", "for --forms" },
    { "--sort size --lang de", "for --lang" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM freq %s corpus", cases[i].args);
      CliRun r = cli_run_usage_error (cmd, cases[i].message);
      DL_ASSERT_TRUE_FOR (cases[i].args, g_str_has_prefix (r.err, "derlem: "));
      DL_ASSERT_STR_CONTAINS_FOR (cases[i].args, r.err, "Try 'derlem help freq'.");
      cli_run_clear (&r);
    }
  /* A bad input is reported, the rest is counted, the status says so. */
  CliRun r = cli_run ("$DERLEM freq --format tsv --lang tr tests/data/freq/a.txt /nonexistent.txt "
                      "| grep -c '^tr'",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "59\n"); /* a.txt's Turkish types, counted by hand */
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: /nonexistent.txt");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq tests/data/freq/a.txt /nonexistent.txt > /dev/null", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  cli_run_clear (&r);
  /* A 3 MB line without a space: cut into 1 MiB tokens, shown shortened in
   * text (to fit 80 columns when not on a terminal: 82 bytes with the
   * ellipsis's three), whole in TSV. */
  r = cli_run (
      "d=$(mktemp -d) && head -c 3000000 /dev/zero | tr '\\0' a > \"$d/long.txt\" && "
      "$DERLEM freq --assume-lang en \"$d\" | awk '{ print length($0) }' | sort -n | tail -n 1 && "
      "$DERLEM freq --assume-lang en --format tsv \"$d\" | awk -F '\t' 'NR > 1 { print length($3), "
      "$4 }'; "
      "rm -r \"$d\"",
      NULL);
  DL_ASSERT_STR_EQ (r.out, "82\n1048576 2\n902848 1\n");
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
}

static void
test_freq_bundled_corpus_top_20 (void)
{
  /* What the README's set-up command ends with. */
  CliRun r = cli_run ("$DERLEM freq --top 20 corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.err, "");
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "tr: 21015 tokens, 6335 types\n"));
  DL_ASSERT_STR_CONTAINS (r.out, "\n\nen: 4815 tokens, 1167 types\n");
  DL_ASSERT_STR_CONTAINS (r.out, "\n    20  ");
  CU_ASSERT_PTR_NULL (strstr (r.out, "\n    21  "));
  cli_run_clear (&r);
  /* In Turkish, decimal commas for people; TSV keeps its point. */
  r = cli_run ("$DERLEM freq --top 1 --lang en corpus/commentary-en-karabakh-liberation.txt", "tr");
  DL_ASSERT_STR_EQ (r.out, "en: 2917 belirteç, 792 tür\n"
                           "  sıra  öğe     sıklık     milyonda  yaygınlık\n"
                           "     1  the        207     70963,32          1\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq --top 1 --lang en --format tsv "
               "corpus/commentary-en-karabakh-liberation.txt | tail -n 1",
               "tr");
  DL_ASSERT_STR_EQ (r.out, "en\t1\tthe\t207\t70963.32\t1\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq --top 1 --lang en --format json "
               "corpus/commentary-en-karabakh-liberation.txt | sed -n 2p",
               "tr");
  DL_ASSERT_STR_CONTAINS (r.out, "\"per_million\":70963.32,");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM dispersion savaş --lang tr corpus | head -n 1", "tr");
  DL_ASSERT_STR_EQ (r.out,
                    "tr: savaş: 35 bulgu, 3 / 4 dosyada; D 0,5011, DP 0,3645, DPnorm 0,3814\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq --top 20 corpus | wc -l", NULL);
  DL_ASSERT_STR_EQ (r.out, "45\n");
  cli_run_clear (&r);
}

static void
test_freq_bands_by_rank (void)
{
  /* Bands of 3 ranks over the English list of the corpus without
   * stopwords, among the items in at least 3 files: the ranks after the
   * filter make the bands. */
  CliRun r = cli_run ("$DERLEM freq --band-size 3 --top 7 --lang en --stoplist default "
                      "--min-range 3 --format tsv corpus | cut -f 2,3,6,7",
                      NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "rank\titem\trange\tband\n"
                           "1\tazerbaijan\t4\t3\n2\tarmenia\t3\t3\n3\tkarabakh\t4\t3\n"
                           "4\trussia\t3\t6\n5\twar\t4\t6\n6\tarmenian\t3\t6\n"
                           "7\tforeign\t3\t9\n");
  cli_run_clear (&r);
  /* --bands: thousands; the column comes last, after the totals. */
  r = cli_run ("$DERLEM freq --bands --totals --lang tr --format tsv corpus | sed -n '1p;2p'",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "lang\trank\titem\tfreq\tper_million\trange\ttotal_tokens\t"
                           "total_types\tband\n"
                           "tr\t1\tve\t694\t33024.03\t4\t21015\t6335\t1k\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq --bands --lang tr --format tsv corpus | sed -n '1002p' | cut -f 2,7",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "1001\t2k\n");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM freq --band-size -2 corpus", "'-2' for --band-size");
  cli_run_clear (&r);
}

/* The header and the rows of @lang of a freq TSV. */
static char *
lang_rows (const char *tsv, const char *lang)
{
  g_auto (GStrv) rows = g_strsplit (tsv, "\n", -1);
  GString *out = g_string_new (NULL);
  g_autofree char *prefix = g_strconcat (lang, "\t", NULL);
  for (guint i = 0; rows[i] != NULL && rows[i][0] != '\0'; i++)
    if (i == 0 || g_str_has_prefix (rows[i], prefix))
      g_string_append_printf (out, "%s\n", rows[i]);
  return g_string_free (out, FALSE);
}

/* A language's list is the same whether the other languages are counted
 * or not (--lang): a change of language starts a sentence whether the
 * line before was counted or not, so `Talks` first on an English line
 * after a Turkish one that goes on is no evidence of a proper noun
 * either way (tests/data/lang-switch/switch.txt: it was, with both languages
 * counted, and `talks` stayed whole as a lemma). */
static void
test_freq_lang_alone_the_same (void)
{
  CliRun r = cli_run (
      "$DERLEM freq --format tsv --unit lemma --lang en tests/data/lang-switch/switch.txt", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  check_row (r.out, "en", "talk", "2 3 103448.28 1 talk talks (3)");
  cli_run_clear (&r);
  static const char *const paths[] = { "tests/data/lang-switch/switch.txt", "corpus" };
  static const char *const units[] = { "form", "stem", "lemma" };
  static const char *const langs[] = { "tr", "en" };
  for (gsize p = 0; p < G_N_ELEMENTS (paths); p++)
    for (gsize u = 0; u < G_N_ELEMENTS (units); u++)
      {
        g_autofree char *both
            = g_strdup_printf ("$DERLEM freq --format tsv --unit %s %s", units[u], paths[p]);
        CliRun all = cli_run (both, NULL);
        DL_ASSERT_INT_EQ (all.status, 0);
        for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
          {
            g_autofree char *one = g_strdup_printf (
                "$DERLEM freq --format tsv --unit %s --lang %s %s", units[u], langs[l], paths[p]);
            CliRun alone = cli_run (one, NULL);
            DL_ASSERT_INT_EQ (alone.status, 0);
            g_autofree char *want = lang_rows (all.out, langs[l]);
            CU_ASSERT_TRUE (strlen (want) > 60);
            DL_ASSERT_STR_EQ_FOR (one, alone.out, want);
            cli_run_clear (&alone);
          }
        cli_run_clear (&all);
      }
}

void
test_cli_freq_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-freq", NULL, NULL);
  CU_add_test (s, "freq_fixture_counted_by_hand", test_freq_fixture_counted_by_hand);
  CU_add_test (s, "freq_corpus_counts", test_freq_corpus_counts);
  CU_add_test (s, "freq_orders_and_filters", test_freq_orders_and_filters);
  CU_add_test (s, "freq_usage_errors", test_freq_usage_errors);
  CU_add_test (s, "freq_bundled_corpus_top_20", test_freq_bundled_corpus_top_20);
  CU_add_test (s, "freq_bands_by_rank", test_freq_bands_by_rank);
  CU_add_test (s, "freq_lang_alone_the_same", test_freq_lang_alone_the_same);
}
