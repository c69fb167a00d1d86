/* test-cli-kwic.c — `derlem kwic`: hit counts checked independently,
 * Turkish I by line language, sort keys in Turkish order, sampling, formats,
 * queries and usage errors. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tests.h"
#include "textwidth.h"

/* The third column (line numbers) of a kwic TSV, joined by spaces. */
static char *
kwic_lines (const char *args)
{
  g_autofree char *cmd = g_strdup_printf (
      "$DERLEM kwic --format tsv %s | tail -n +2 | cut -f3 | tr '\\n' ' '", args);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  g_free (r.err);
  return r.out;
}

static void
test_kwic_corpus_hit_counts (void)
{
  /* Counts checked by an independent script over the lines `derlem langs`
   * labels (tokens rebuilt with Python's regex, Turkish folding by hand). */
  static const struct {
    const char *args, *summary;
  } cases[] = {
    { "savaş", "tr: 35 hits, 1665.48 per million tokens, in 3 files\n" },
    { "'savaş*'", "tr: 142 hits, 6757.08 per million tokens, in 4 files\n" },
    { "/^ermeni/", "tr: 252 hits, 11991.43 per million tokens, in 4 files\n" },
    { "'\"Dağlık Karabağ\"'", "tr: 50 hits, 2379.25 per million tokens, in 3 files\n" },
    { "'dağlık karabağ*'", "tr: 57 hits, 2712.35 per million tokens, in 3 files\n" },
    { "\"karabağ'da\"", "tr: 10 hits, 475.85 per million tokens, in 2 files\n" },
    /* Stems: karabağ (147) and its apostrophe forms (42). */
    { "--unit stem Karabağ", "tr: 189 hits, 8993.58 per million tokens, in 4 files\n" },
    { "war", "en: 33 hits, 6853.58 per million tokens, in 4 files\n" },
    { "\"Azerbaijan's\"", "en: 20 hits, 4153.69 per million tokens, in 3 files\n" },
    { "IT", "en: 100 hits, 20768.43 per million tokens, in 4 files\n" },
    /* İstanbul on Turkish lines, two of them on a list of Turkish names
     * (which takes its names' language). */
    { "istanbul", "tr: 7 hits, 333.10 per million tokens, in 1 files\n" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM kwic %s corpus | tail -n 4", cases[i].args);
      CliRun r = cli_run (cmd, NULL);
      DL_ASSERT_INT_EQ_FOR (cases[i].args, r.status, 0);
      DL_ASSERT_STR_CONTAINS_FOR (cases[i].args, r.out, cases[i].summary);
      cli_run_clear (&r);
    }
  /* The rows are the hits: as many as the summary says. */
  CliRun r = cli_run ("$DERLEM kwic --format tsv '\"dağlık karabağ\"' corpus | tail -n +2 | wc -l",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "50\n");
  cli_run_clear (&r);
  /* 11 of them run across a line break, the node showing it as a space. */
  r = cli_run ("$DERLEM kwic --format tsv '\"dağlık karabağ\"' "
               "corpus/article-tr-azerbaycan-denge-politikasi.txt "
               "| awk -F '\\t' '$3 == 13 { print $5 }'",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "Dağlık- Karabağ\n");
  cli_run_clear (&r);
  /* position is the node's byte offset in its file. */
  r = cli_run ("$DERLEM kwic --format tsv --max 1 'karabağ’ın' corpus "
               "| awk -F '\\t' 'NR == 2 { print $2, $7 }' | "
               "{ read f p; tail -c +$((p + 1)) \"$f\" | head -c 14; }",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "Karabağ’ın");
  cli_run_clear (&r);
}

static void
test_kwic_turkish_i_by_line_language (void)
{
  /* One query, folded by each line's rules: ırak finds IRAK and Irak on the
   * Turkish line; istanbul finds İSTANBUL there and ISTANBUL on the English
   * one, where I is i. */
  CliRun r = cli_run ("$DERLEM kwic --format tsv ırak tests/data/kwic/mixed.txt | cut -f1,5", NULL);
  DL_ASSERT_STR_EQ (r.out, "lang\tnode\ntr\tIrak\ntr\tIRAK\ntr\tIrak\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM kwic --format tsv istanbul tests/data/kwic/mixed.txt | cut -f1,5", NULL);
  DL_ASSERT_STR_EQ (r.out, "lang\tnode\ntr\tİSTANBUL\nen\tISTANBUL\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM kwic --format tsv ıstanbul tests/data/kwic/mixed.txt | wc -l", NULL);
  DL_ASSERT_STR_EQ (r.out, "1\n");
  cli_run_clear (&r);
  /* --case keep: as written. */
  r = cli_run (
      "$DERLEM kwic --format tsv --case keep Irak tests/data/kwic/mixed.txt | cut -f5 | tr "
      "'\\n' ' '",
      NULL);
  DL_ASSERT_STR_EQ (r.out, "node Irak Irak ");
  cli_run_clear (&r);
  /* --lang en: the Turkish line is left out, and its tokens from the count
   * (1 hit in 25 English tokens). */
  r = cli_run ("$DERLEM kwic --lang en istanbul tests/data/kwic/mixed.txt", NULL);
  CU_ASSERT_TRUE (
      g_str_has_suffix (r.out, "\n\nen: 1 hits, 40000.00 per million tokens, in 1 files\n"));
  CU_ASSERT_PTR_NULL (strstr (r.out, "İSTANBUL"));
  cli_run_clear (&r);
}

static void
test_kwic_sort_keys_turkish_collation (void)
{
  /* sort4.txt: every line "w1 w2 w3 su w4 w5 w6", the words from cam çam
   * ılık ilk uzun üzüm; the orders worked out by hand in Turkish order. */
  static const struct {
    const char *key, *lines;
  } cases[] = {
    { "L3", "3 4 1 2 " },
    { "L2", "1 2 3 4 " },
    { "L1", "4 3 2 1 " },
    { "R1", "2 1 4 3 " },
    { "R2", "2 1 3 4 " },
    { "r3", "4 3 1 2 " },
    /* Ties keep corpus order. */
    { "node", "1 2 3 4 " },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *args = g_strdup_printf (
          "--assume-lang tr --sort %s su tests/data/kwic/sort4.txt", cases[i].key);
      g_autofree char *got = kwic_lines (args);
      DL_ASSERT_STR_EQ_FOR (cases[i].key, got, cases[i].lines);
    }
  /* node: the phrase "* su", ılık su < ilk su < uzun su < üzüm su. */
  g_autofree char *node
      = kwic_lines ("--assume-lang tr --sort node '\"* su\"' tests/data/kwic/sort4.txt");
  DL_ASSERT_STR_EQ (node, "4 3 2 1 ");
  /* sort.txt, by R1: ağaç cam çam ılık ilk uzun üzüm zeytin in Turkish;
   * English puts ilk before ılık and üzüm before uzun. */
  g_autofree char *tr = kwic_lines ("--assume-lang tr --sort R1 su tests/data/kwic/sort.txt");
  DL_ASSERT_STR_EQ (tr, "6 2 1 3 4 8 7 5 ");
  g_autofree char *en = kwic_lines ("--assume-lang en --sort R1 su tests/data/kwic/sort.txt");
  DL_ASSERT_STR_EQ (en, "6 2 1 4 3 7 8 5 ");
  /* file then R1; position across two files (byte offsets 7 18 19 ...). */
  CliRun r = cli_run ("$DERLEM kwic --assume-lang tr --format tsv --sort file,R1 su "
                      "tests/data/kwic/sort4.txt tests/data/kwic/sort.txt | tail -n +2 | "
                      "awk -F '\\t' '{ printf \"%s:%s \", substr($2, 17, 5), $3 }'",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "sort4:2 sort4:1 sort4:4 sort4:3 sort.:6 sort.:2 sort.:1 "
                           "sort.:3 sort.:4 sort.:8 sort.:7 sort.:5 ");
  cli_run_clear (&r);
  r = cli_run (
      "$DERLEM kwic --assume-lang tr --format tsv --sort position --max 4 su "
      "tests/data/kwic/sort4.txt tests/data/kwic/sort.txt | tail -n +2 | cut -f7 | tr '\\n' ' '",
      NULL);
  DL_ASSERT_STR_EQ (r.out, "7 18 19 31 ");
  cli_run_clear (&r);
  /* A key that is not one. */
  r = cli_run ("$DERLEM kwic --sort R4 su tests/data/kwic/sort.txt", NULL);
  DL_ASSERT_INT_EQ (r.status, 2);
  DL_ASSERT_STR_CONTAINS (r.err, "R4");
  cli_run_clear (&r);
}

static void
test_kwic_sample_is_reproducible (void)
{
  CliRun a = cli_run ("$DERLEM kwic --format tsv --sample 10 --seed 42 'savaş*' corpus", NULL);
  CliRun b = cli_run ("$DERLEM kwic --format tsv --sample 10 --seed 42 --threads 1 'savaş*' corpus",
                      NULL);
  CliRun c = cli_run ("$DERLEM kwic --format tsv --sample 10 --seed 43 'savaş*' corpus", NULL);
  CliRun all = cli_run ("$DERLEM kwic --format tsv 'savaş*' corpus", NULL);
  DL_ASSERT_STR_EQ (a.out, b.out);
  CU_ASSERT_STRING_NOT_EQUAL (a.out, c.out);
  g_auto (GStrv) rows = g_strsplit (a.out, "\n", -1);
  DL_ASSERT_INT_EQ (g_strv_length (rows), 12); /* header, 10 rows, "" */
  /* Every sampled row is a hit, in corpus order. */
  const char *from = all.out;
  for (guint i = 1; i < 11; i++)
    {
      g_autofree char *row = g_strconcat ("\n", rows[i], "\n", NULL);
      const char *at = strstr (from, row);
      CU_ASSERT_PTR_NOT_NULL (at);
      if (at != NULL)
        from = at + 1;
    }
  cli_run_clear (&a);
  cli_run_clear (&b);
  cli_run_clear (&c);
  cli_run_clear (&all);
  /* A sample larger than the hits is all of them. */
  a = cli_run ("$DERLEM kwic --format tsv --sample 1000 savaş corpus | wc -l", NULL);
  DL_ASSERT_STR_EQ (a.out, "36\n");
  cli_run_clear (&a);
  /* The sample is uniform: over seeds 1..200, each of the 35 hits of savaş
   * is drawn into a sample of 7 about 40 times (7/35 of 200); none is never
   * or always drawn. */
  a = cli_run (
      "for s in $(seq 1 200); do $DERLEM kwic --format tsv --sample 7 --seed $s savaş corpus "
      "| tail -n +2 | cut -f7; done | sort | uniq -c | awk '{ n++; if ($1 < 15 || $1 > 70) bad++ } "
      "END { print n, bad + 0 }'",
      NULL);
  DL_ASSERT_STR_EQ (a.out, "35 0\n");
  cli_run_clear (&a);
}

static void
test_kwic_formats_and_outputs (void)
{
  CliRun r = cli_run ("$DERLEM kwic --format tsv --max 1 war tests/data/kwic/mixed.txt", NULL);
  /* The context runs across the line break (and the language switch). */
  DL_ASSERT_STR_EQ (r.out, "lang\tfile\tline\tleft\tnode\tright\tposition\tquery\n"
                           "en\ttests/data/kwic/mixed.txt\t2\t ve bu olaylar uzun süre "
                           "konuşuldu. The \twar\t in IRAQ changed the whole region, and "
                           "I\t165\twar\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM kwic --format csv --width 10 war tests/data/kwic/script.txt", NULL);
  DL_ASSERT_STR_EQ (
      r.out, "lang,file,line,left,node,right,position,query\n"
             "en,tests/data/kwic/script.txt,1,\"pt>alert(\"\"\",war,\" & peace\"\")\",29,war\n"
             "en,tests/data/kwic/script.txt,1,efore the ,war,\" began, an\",63,war\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM kwic --format json --width 5 peace tests/data/kwic/script.txt", NULL);
  DL_ASSERT_STR_EQ (r.out, "[\n{\"lang\":\"en\",\"file\":\"tests/data/kwic/script.txt\",\"line\":1,"
                           "\"left\":\"ar & \",\"node\":\"peace\",\"right\":\"\\\")</s\","
                           "\"position\":35,\"query\":\"peace\"}\n]\n");
  cli_run_clear (&r);
  /* HTML: one page, its style inline, every piece of corpus text escaped. */
  r = cli_run ("$DERLEM kwic --format html --width 30 war tests/data/kwic/script.txt", NULL);
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "<!DOCTYPE html>"));
  DL_ASSERT_STR_CONTAINS (r.out, "<style>");
  CU_ASSERT_PTR_NULL (strstr (r.out, "<script"));
  CU_ASSERT_PTR_NULL (strstr (r.out, "<link"));
  DL_ASSERT_STR_CONTAINS (r.out,
                          "<td class=\"left\">The page said &lt;script&gt;alert(&quot;</td>"
                          "<td class=\"node\"><mark>war</mark></td>"
                          "<td class=\"right\"> &amp; peace&quot;)&lt;/script&gt; before the</td>");
  DL_ASSERT_STR_CONTAINS (r.out, "&#39;quotes&#39;");
  CU_ASSERT_TRUE (g_str_has_suffix (r.out, "</html>\n"));
  cli_run_clear (&r);
  /* Text: right-aligned left context, the node highlighted when asked. */
  r = cli_run ("$DERLEM kwic --width 12 --color always war tests/data/kwic/mixed.txt", NULL);
  CU_ASSERT_TRUE (g_str_has_prefix (
      r.out, "uşuldu. The   \033[1;31mwar\033[0m   in IRAQ cha  en mixed.txt:2\n"));
  cli_run_clear (&r);
  r = cli_run ("NO_COLOR=1 $DERLEM kwic --width 12 war tests/data/kwic/mixed.txt", NULL);
  CU_ASSERT_PTR_NULL (strstr (r.out, "\033["));
  cli_run_clear (&r);
  /* -o: written whole or not at all; --max cuts, the summary says so. */
  r = cli_run ("d=$(mktemp -d) && $DERLEM kwic -o \"$d/k.txt\" --max 3 savaş corpus && cat "
               "\"$d/k.txt\"; rm -r \"$d\"",
               NULL);
  CU_ASSERT_TRUE (g_str_has_suffix (r.out, "tr: 35 hits, 1665.48 per million tokens, in 3 files\n"
                                           "en: 0 hits, 0.00 per million tokens, in 0 files\n"
                                           "3 of them shown\n"));
  cli_run_clear (&r);
  /* Threads change nothing: streamed from the worker, or gathered. */
  CliRun one
      = cli_run ("$DERLEM kwic --format tsv --threads 1 --width 20 '/^ermeni/' corpus", NULL);
  CliRun two
      = cli_run ("$DERLEM kwic --format tsv --threads 2 --width 20 '/^ermeni/' corpus", NULL);
  DL_ASSERT_STR_EQ (one.out, two.out);
  cli_run_clear (&one);
  cli_run_clear (&two);
}

static void
test_kwic_queries_and_usage_errors (void)
{
  /* Several queries: -e, --queries; a word found by two is one hit. */
  CliRun r = cli_run (
      "d=$(mktemp -d) && printf '# queries\\nwar\\npeace\\n' > \"$d/q\" && "
      "$DERLEM kwic --format tsv --queries \"$d/q\" -e 'war*' tests/data/kwic/script.txt "
      "| cut -f5,8; rm -r \"$d\"",
      NULL);
  DL_ASSERT_STR_EQ (r.out, "node\tquery\nwar\twar*\npeace\tpeace\nwar\twar*\n");
  cli_run_clear (&r);
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "'/x(/'",
      "derlem: query /x(/: bad regular expression at character 4: unbalanced parenthesis\n" },
    { "'\"Dağlık Karabağ'", "unbalanced quote at character 1" },
    { "''", "derlem: empty query\n" },
    { "", "kwic needs a QUERY" },
    { "--width 5 --words 2 war", "give --width or --words, not both" },
    { "--width -1 war", "--width" },
    { "--unit stem --case keep war", "cannot go with --case keep" },
    { "--queries /nonexistent war", "/nonexistent" },
    { "--format xml war", "--format" },
    { "--words -1 war", "invalid value '-1' for --words (expected a number, 0 or more)" },
    { "--sample -3 war", "invalid value '-3' for --sample" },
    { "--width 100001 war", "context too wide (at most 100000 characters or 10000 words)" },
    { "--words 10001 war", "context too wide" },
    { "--sort 'L1, r4' war", "invalid value 'R4' for --sort" },
    { "-e war -e '/x(/'", "query /x(/: bad regular expression" },
    /* Of two problems, the first checked is said: counts, then context,
     * then --sort, then the queries (-e before --queries). */
    { "--width -1 --max -1 war", "invalid value '-1' for --max" },
    { "--width 100001 --words 5 war", "give --width or --words, not both" },
    { "--sort R4 '/x(/'", "invalid value 'R4' for --sort" },
    { "-e '/x(/' --queries /nonexistent", "query /x(/" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM kwic %s%s", cases[i].args,
                                              cases[i].args[0] != '\0' ? " corpus" : "");
      r = cli_run_usage_error (cmd, cases[i].message);
      cli_run_clear (&r);
    }
  /* A missing input: the rest is searched, the exit status says so. */
  r = cli_run ("$DERLEM kwic --format tsv war tests/data/kwic/script.txt /nonexistent.txt | wc -l",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "3\n");
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: /nonexistent.txt");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM kwic war tests/data/kwic/script.txt /nonexistent.txt > /dev/null", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  cli_run_clear (&r);
}

static void
test_kwic_cql (void)
{
  /* Attributes: fold by each line's language (IRAQ is iraq on the English
   * line), lang; a match runs across a line break unless within. */
  CliRun r = cli_run ("$DERLEM kwic --format tsv --cql '[fold=\"ırak\"]' --cql '[fold=\"iraq\"]' "
                      "tests/data/kwic/mixed.txt | cut -f1,5,8",
                      NULL);
  DL_ASSERT_STR_EQ (r.out, "lang\tnode\tquery\n"
                           "tr\tIrak\t[fold=\"ırak\"]\n"
                           "tr\tIRAK\t[fold=\"ırak\"]\n"
                           "tr\tIrak\t[fold=\"ırak\"]\n"
                           "en\tIRAQ\t[fold=\"iraq\"]\n");
  cli_run_clear (&r);
  static const struct {
    const char *within, *nodes;
  } across[]
      = { { "", "node konuşuldu. The " }, { "within s", "node " }, { "within line", "node " } };
  for (gsize i = 0; i < G_N_ELEMENTS (across); i++)
    {
      g_autofree char *cmd
          = g_strdup_printf ("$DERLEM kwic --format tsv --cql '[lang=\"tr\"] [lang=\"en\"] %s' "
                             "tests/data/kwic/mixed.txt | cut -f5 | tr '\\n' ' '",
                             across[i].within);
      r = cli_run (cmd, NULL);
      DL_ASSERT_STR_EQ_FOR (across[i].within, r.out, across[i].nodes);
      cli_run_clear (&r);
    }
  /* Two sentences on one line: within s keeps apart what within line
   * does not. */
  static const struct {
    const char *within, *nodes;
  } sentences[] = { { "", "node geldi. Veli " },
                    { "within s", "node " },
                    { "within line", "node geldi. Veli " } };
  for (gsize i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      g_autofree char *cmd = g_strdup_printf (
          "d=$(mktemp -d) && printf 'Ali eve geldi. Veli okula gitti.\\n' > $d/s.txt && "
          "$DERLEM kwic --assume-lang tr --format tsv --cql '\"geldi\" \"Veli\" %s' $d/s.txt "
          "| cut -f5 | tr '\\n' ' '; rm -r $d",
          sentences[i].within);
      r = cli_run (cmd, NULL);
      DL_ASSERT_STR_EQ_FOR (sentences[i].within, r.out, sentences[i].nodes);
      cli_run_clear (&r);
    }
  /* The tokens and sentences are the VRT export's: N tokens at a time
   * within s makes floor (tokens / N) hits in each <s>, and without it in
   * each <text> (the VRT's tokens counted by awk). */
  for (int n = 2; n <= 5; n += 3)
    for (int within = 0; within <= 1; within++)
      {
        const char *unit = within ? "s" : "text";
        g_autofree char *cmd = g_strdup_printf (
            "$DERLEM export --format vrt corpus | awk '/^<%s/ { c = 0 } /^<\\/%s>/ { t += int (c "
            "/ %d) } !/^</ { c++ } END { print t }'; "
            "$DERLEM kwic --format tsv --cql '[]{%d}%s' corpus | tail -n +2 | wc -l",
            unit, unit, n, n, within ? " within s" : "");
        r = cli_run (cmd, NULL);
        g_auto (GStrv) counts = g_strsplit (r.out, "\n", -1);
        DL_ASSERT_TRUE_FOR (cmd, g_strv_length (counts) == 3 && atoi (counts[0]) > 4000);
        DL_ASSERT_STR_EQ_FOR (cmd, counts[1], counts[0]);
        cli_run_clear (&r);
      }
  /* A CQL query is the phrase it spells: the same rows but the query. */
  r = cli_run ("$DERLEM kwic --format tsv --cql '[fold=\"dağlık\"] [fold=\"karabağ.*\"]' corpus "
               "| cut -f1-7 | md5sum; "
               "$DERLEM kwic --format tsv '\"Dağlık Karabağ*\"' corpus | cut -f1-7 | md5sum; "
               "$DERLEM kwic --format tsv '\"Dağlık Karabağ*\"' corpus | wc -l",
               NULL);
  g_auto (GStrv) sums = g_strsplit (r.out, "\n", -1);
  DL_ASSERT_STR_EQ (sums[1], sums[0]);
  DL_ASSERT_STR_EQ (sums[2], "58");
  cli_run_clear (&r);
  /* Malformed queries are usage errors that say where. */
  static const struct {
    const char *args, *message;
  } errors[] = {
    { "--cql savaş",
      "derlem: CQL query savaş: at character 1: a token expected: a word is written in double "
      "quotes (\"savaş\")\n" },
    { "--cql '[wrd=\"a\"]'", "at character 2: unknown attribute wrd" },
    { "--cql '[]*'", "the query can match without any token" },
    { "--cql '\"a\" within p'", "s or line expected after within, not p" },
    { "-e savaş --cql '[word=\"(\"]'", "bad regular expression" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM kwic %s corpus", errors[i].args);
      r = cli_run_usage_error (cmd, errors[i].message);
      DL_ASSERT_STR_CONTAINS (r.err, "Try 'derlem help kwic'");
      cli_run_clear (&r);
    }
}

/* Lines with wide characters (漢字, two columns each) and combining marks
 * (x̃: x and U+0303, which has no composed form) in the contexts; a format
 * for g_strdup_printf (its %% is printf's %). */
#define WIDE_FIXTURE                                                                                          \
  "d=$(mktemp -d) && printf '%%s\\n' "                                                                        \
  "'漢字 漢字 büyük savaş sonrası 漢字 x̃ barış' "                                               \
  "'Ankara’da savaşın ve barışın x̃x̃x̃ şehri İĞDIR' "                                           \
  "'uzun bir metin içinde savaşların başladığı yer 漢字漢字漢字漢字漢字漢字漢字漢字' " \
  "'SAVAŞ ışık' 'x̃x̃x̃x̃ savaşa' > $d/w.txt && "

/* The display column where each line's node starts (found by its color)
 * and the display columns of the line without its colors. */
static void
node_columns (const char *text, GArray *starts, GPtrArray *plain)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *node = strstr (lines[i], "\033[1;31m");
      if (node == NULL)
        continue; /* the summary */
      g_autoptr (GRegex) ansi = g_regex_new ("\033\\[[0-9;]*m", 0, 0, NULL);
      guint start = (guint) dl_display_width (lines[i], node - lines[i]);
      g_array_append_val (starts, start);
      g_ptr_array_add (plain, g_regex_replace_literal (ansi, lines[i], -1, 0, "", 0, NULL));
    }
}

/* The text of @line from display column @col on. */
static const char *
from_column (const char *line, guint col)
{
  const char *p = line;
  for (guint w = 0; *p != '\0' && w < col; p = g_utf8_next_char (p))
    w += dl_char_width (g_utf8_get_char (p));
  return p;
}

static void
test_kwic_nodes_and_contexts_aligned (void)
{
  /* In corpus order (the node's column guessed from the query: savaş and
   * room for *) and sorted (measured), every node starts in one column and
   * every right context in one column after the widest node (savaşların,
   * 10): the TSV's right context is there, its first characters. */
  static const char *const orders[] = { "", "--sort node", "--sort R1,L1" };
  for (gsize o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      g_autofree char *cmd = g_strdup_printf (
          WIDE_FIXTURE "$DERLEM kwic --color always --width 20 %s 'savaş*' $d/w.txt; "
                       "$DERLEM kwic --format tsv --width 20 %s 'savaş*' $d/w.txt | cut -f6; "
                       "rm -r $d",
          orders[o], orders[o]);
      CliRun r = cli_run (cmd, NULL);
      DL_ASSERT_INT_EQ_FOR (cmd, r.status, 0);
      g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GPtrArray) plain = g_ptr_array_new_with_free_func (g_free);
      node_columns (r.out, starts, plain);
      DL_ASSERT_INT_EQ_FOR (cmd, starts->len, 5);
      const char *tsv = strstr (r.out, "right\n");
      CU_ASSERT_PTR_NOT_NULL_FATAL (tsv);
      g_auto (GStrv) rights = g_strsplit (tsv + strlen ("right\n"), "\n", -1);
      for (guint i = 0; i < starts->len; i++)
        {
          const char *line = plain->pdata[i];
          /* 20 columns of left context and two of space. */
          DL_ASSERT_INT_EQ_FOR (line, g_array_index (starts, guint, i), 22);
          /* Its first four characters (the last hit's context is empty). */
          g_autofree char *head
              = g_utf8_substring (rights[i], 0, MIN (4, g_utf8_strlen (rights[i], -1)));
          DL_ASSERT_TRUE_FOR (line, g_str_has_prefix (from_column (line, 22 + 10 + 2), head));
        }
      cli_run_clear (&r);
    }
}

/* position is the node's byte offset in the file in every encoding (issue
 * 16: windows-1254 and UTF-16 gave the offset in the UTF-8 decoding). The
 * same text in three encodings, each offset checked against the bytes. */
static void
test_kwic_position_is_a_file_offset (void)
{
  /* An emoji (four bytes in UTF-8 and UTF-16) where windows-1254 has one. */
  const char *with_emoji = "Azı ağaç\r\nİstanbul’da ağaç \xF0\x9F\x8C\xB3 ağaç.\n";
  const char *without = "Azı ağaç\r\nİstanbul’da ağaç § ağaç.\n";
  static const struct {
    const char *charset, *bom;
    gsize bom_len, unit;
  } encodings[]
      = { { "UTF-8", "", 0, 0 }, { "WINDOWS-1254", "", 0, 1 }, { "UTF-16LE", "\xFF\xFE", 2, 2 } };
  for (gsize e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      const char *utf8 = encodings[e].unit == 1 ? without : with_emoji;
      gsize n;
      g_autofree char *text = g_convert (utf8, -1, encodings[e].charset, "UTF-8", NULL, &n, NULL);
      CU_ASSERT_PTR_NOT_NULL_FATAL (text);
      g_autoptr (GString) bytes
          = g_string_new_len (encodings[e].bom, (gssize) encodings[e].bom_len);
      g_string_append_len (bytes, text, (gssize) n);
      char *path = dl_test_temp_file ("pos.txt", bytes->str, (gssize) bytes->len);
      g_autofree char *cmd = g_strdup_printf ("$DERLEM kwic --format tsv --assume-lang tr ağaç "
                                              "'%s' | cut -f7 | tail -n +2 | tr '\\n' ' '",
                                              path);
      CliRun r = cli_run (cmd, NULL);
      /* The three ağaç: where each starts in the file's own bytes. */
      g_autoptr (GString) expect = g_string_new (NULL);
      const char *hit = utf8;
      while ((hit = strstr (hit, "ağaç")) != NULL)
        {
          g_autofree char *prefix = g_strndup (utf8, (gsize) (hit - utf8));
          gsize len;
          g_autofree char *enc
              = g_convert (prefix, -1, encodings[e].charset, "UTF-8", NULL, &len, NULL);
          g_string_append_printf (expect, "%zu ", encodings[e].bom_len + len);
          hit++;
        }
      DL_ASSERT_STR_EQ_FOR (encodings[e].charset, r.out, expect->str);
      cli_run_clear (&r);
      dl_test_temp_remove (path);
    }
}

/* Lines for the prefilter's edges: a phrase over a line without tokens, a
 * line of marks of width 0 (many characters, one column), characters whose
 * form is not one character, apostrophes of every kind, Turkish and English
 * capitals, phrases that start lines before their literal (* * * kuzgun) or
 * end lines after it (savaş *), a long line. */
static const char EDGES[]
    = "Dağlık\n— — —\nKarabağ meselesi ve IRAK, Irak’ın ırak yolu.\n"
      "x\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
      "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
      "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
      "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
      "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\n"
      "SAVAŞ’IN sonu. Straße ſavaş si\xcc\x87r İSTANBUL’DA, Istanbul’s war: the WAR ended.\n"
      ":D :P <3\n"
      "The irak war was over, and the talks that followed were held in the summer.\n"
      "Köy buradan çok ırak bir yerdedir ve oraya giden yol uzundur.\n"
      "Azerbaycanʼın, Azerbaycan´ın ve “Karabağ Savaşı”na dair KADIN kadın.\n"
      "bir\niki\nüç\ndört\nve kuzgun beş altı\nbu son savaş\nbitti ama\n";

/* A text of about 2.6 MB: the corpus's files again and again, EDGES and a
 * long line between them (written to a temporary file: remove it with
 * dl_test_temp_remove). */
static char *
prefilter_text (void)
{
  g_autoptr (GString) between = g_string_new (EDGES);
  for (int k = 0; k < 300; k++)
    g_string_append (between, k == 150 ? "savaş " : "uzun ");
  g_string_append (between, "\n\n");
  return dl_test_corpus_file ("prefilter.txt", 5u << 19, between->str);
}

/* --no-prefilter changes nothing but the time taken (issue 17): many
 * queries (frequent and rare words, capitals, Turkish I, apostrophes,
 * phrases across lines, patterns, several at once, stems and lemmas and a
 * regular expression, which read every line) with the options that
 * decide what a hit needs (and --numbers, --no-fast-path, --by), on the
 * corpus and a large generated text. */
static void
test_kwic_prefilter_same_output (void)
{
  char *path = prefilter_text ();
  static const char *const queries[] = {
    "savaş",
    "ve",
    "the",
    "KARABAĞ",
    "IRAK",
    "ırak",
    "istanbul",
    "\"İSTANBUL'da\"",
    "Azerbaycan’ın",
    "'Dağlık Karabağ'",
    "'\"savaş *\"'",
    "'\"* ve\"'",
    "'\"* * * kuzgun\"'",
    "'Nagorno-Karabakh'",
    "'savaş*'",
    "'k?d?n'",
    "'*istan'",
    "strasse",
    "zzqxw",
    "-e savaş -e 'barış*' -e '\"the war\"'",
    "'/^ermeni/'",
    "--unit stem savaş",
    "--unit lemma --lang tr olmak",
    "--unit stem 'azerbaycan*'",
  };
  static const char *const options[] = {
    "--format tsv --threads 1",
    "--format tsv --threads 1 --words 3 --sort R1,L1 --numbers",
    "--format tsv --threads 1 --sentence --width 30 --no-fast-path",
    "--format text --threads 3 --lang tr --by file",
    "--format json --threads 2 --case keep --width 0",
  };
  static const char *const inputs[] = { "corpus", NULL };
  for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
    for (gsize o = 0; o < G_N_ELEMENTS (options); o++)
      {
        if (strstr (queries[q], "--unit") != NULL && strstr (options[o], "--case keep") != NULL)
          continue; /* a usage error */
        const char *input = inputs[(q + o) % 2] != NULL ? inputs[(q + o) % 2] : path;
        g_autofree char *cmd
            = g_strdup_printf ("$DERLEM kwic %s %s '%s'", options[o], queries[q], input);
        g_autofree char *full = g_strdup_printf ("%s --no-prefilter", cmd);
        CliRun a = cli_run (cmd, NULL), b = cli_run (full, NULL);
        DL_ASSERT_INT_EQ_FOR (full, b.status, 0);
        DL_ASSERT_INT_EQ_FOR (full, a.status, b.status);
        DL_ASSERT_STR_EQ_FOR (full, a.out, b.out);
        DL_ASSERT_STR_EQ_FOR (full, a.err, b.err);
        cli_run_clear (&a);
        cli_run_clear (&b);
      }
  dl_test_temp_remove (path);
}

void
test_cli_kwic_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-kwic", NULL, NULL);
  CU_add_test (s, "kwic_corpus_hit_counts", test_kwic_corpus_hit_counts);
  CU_add_test (s, "kwic_turkish_i_by_line_language", test_kwic_turkish_i_by_line_language);
  CU_add_test (s, "kwic_sort_keys_turkish_collation", test_kwic_sort_keys_turkish_collation);
  CU_add_test (s, "kwic_sample_is_reproducible", test_kwic_sample_is_reproducible);
  CU_add_test (s, "kwic_formats_and_outputs", test_kwic_formats_and_outputs);
  CU_add_test (s, "kwic_queries_and_usage_errors", test_kwic_queries_and_usage_errors);
  CU_add_test (s, "kwic_cql", test_kwic_cql);
  CU_add_test (s, "kwic_nodes_and_contexts_aligned", test_kwic_nodes_and_contexts_aligned);
  CU_add_test (s, "kwic_position_is_a_file_offset", test_kwic_position_is_a_file_offset);
  CU_add_test (s, "kwic_prefilter_same_output", test_kwic_prefilter_same_output);
}
