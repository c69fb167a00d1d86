/* test-cli-formats.c — the built ./derlem in the formats for people, HTML
 * and Markdown, on a small fixture of Turkish and English lines with markup
 * in them (tests/data/formats/mixed.txt): sections per language (per file
 * in langs), the node marked, the corpus text escaped. */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "cli.h"
#include "tests.h"

#define FIXTURE "tests/data/formats/mixed.txt"

/* Runs `derlem @args` in the source tree (tests/cli.h). */
static CliRun
derlem (const char *args)
{
  g_autofree char *cmdline = g_strconcat ("\"$DERLEM\" ", args, NULL);
  return cli_run (cmdline, NULL);
}

static void
test_formats_html_page_per_command (void)
{
  static const struct {
    const char *args;
    const char *title;
    const char *present[3];
  } cases[] = {
    { "freq --top 2 --format html " FIXTURE,
      "<h1>derlem freq</h1>",
      { "<section lang=\"tr\">\n<h2>tr: 22 tokens, 15 types</h2>",
        "<tr lang=\"tr\"><td class=\"rank num\">1</td><td class=\"item\">ve</td>"
        "<td class=\"freq num\">3</td><td class=\"per_million num\">136363.64</td>"
        "<td class=\"range num\">1</td></tr>",
        "<section lang=\"en\">\n<h2>en: 26 tokens, 14 types</h2>" } },
    { "ngrams -n 2 --top 1 --format html " FIXTURE,
      "<h1>derlem ngrams</h1>",
      { "<h2>tr: 22 tokens, 18 distinct n-grams</h2>",
        "<td class=\"ngram\">azerbaycan savaş</td><td class=\"freq num\">2</td>",
        "<tr lang=\"en\"><td class=\"rank num\">1</td><td class=\"ngram\">and the</td>" } },
    { "colloc --min-cooc 1 --top 1 savaş --format html " FIXTURE,
      "<h1>derlem colloc: savaş</h1>",
      { "<h2>tr: savaş occurs 2 times in 22 tokens</h2>",
        "<td class=\"collocate\">azerbaycan</td><td class=\"cooc num\">2</td>",
        "<td class=\"logdice num\">14.00</td>" } },
    { "kwic --width 20 war --format html " FIXTURE,
      "<h1>derlem kwic: war</h1>",
      { "<tr lang=\"en\"><td class=\"left\">cript&gt; | began. The </td>"
        "<td class=\"node\"><mark>war</mark></td>",
        "<td class=\"src\">tests/data/formats/mixed.txt:4</td>",
        "<p class=\"summary\">en: 2 hits, 76923.08 per million tokens, in 1 files</p>" } },
    { "dispersion war --format html " FIXTURE,
      "<h1>derlem dispersion: war</h1>",
      { "<h2>en: war: 2 hits in 1 of 1 files; D -, DP 0.0000, DPnorm -</h2>",
        "<td class=\"file\">tests/data/formats/mixed.txt</td><td class=\"freq num\">2</td>",
        "</table>\n<figure class=\"plot\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"" } },
    { "langs --format html " FIXTURE,
      "<h1>derlem langs</h1>",
      { "<h2>tests/data/formats/mixed.txt</h2>",
        "<tr lang=\"tr\"><td class=\"lines\">1-2</td><td class=\"lang\">tr</td>"
        "<td class=\"text\">Türkiye ve Azerbaycan savaş sonrası &lt;b&gt;işbirliği&lt;/b&gt; | "
        "yapt…</td></tr>",
        "<p class=\"note\">lines: 2 tr, 2 en, 0 other</p>" } },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CliRun r = derlem (cases[i].args);
      DL_ASSERT_INT_EQ (r.status, 0);
      CU_ASSERT_TRUE (g_str_has_prefix (r.out, "<!DOCTYPE html>\n"));
      CU_ASSERT_TRUE (g_str_has_suffix (r.out, "</body>\n</html>\n"));
      DL_ASSERT_STR_CONTAINS (r.out, cases[i].title);
      for (gsize j = 0; j < G_N_ELEMENTS (cases[i].present); j++)
        DL_ASSERT_STR_CONTAINS (r.out, cases[i].present[j]);
      /* The fixture's markup never gets through unescaped. */
      CU_ASSERT_PTR_NULL (strstr (r.out, "<script"));
      CU_ASSERT_PTR_NULL (strstr (r.out, "<b>"));
      cli_run_clear (&r);
    }
}

static void
test_formats_markdown_per_command (void)
{
  CliRun r = derlem ("freq --top 2 --format markdown " FIXTURE);
  DL_ASSERT_INT_EQ (r.status, 0);
  CU_ASSERT_STRING_EQUAL (r.out, "# derlem freq\n"
                                 "\n"
                                 "## tr: 22 tokens, 15 types\n"
                                 "\n"
                                 "| rank | item | freq | per million | range |\n"
                                 "| ---: | --- | ---: | ---: | ---: |\n"
                                 "| 1 | ve | 3 | 136363.64 | 1 |\n"
                                 "| 2 | azerbaycan | 2 | 90909.09 | 1 |\n"
                                 "\n"
                                 "## en: 26 tokens, 14 types\n"
                                 "\n"
                                 "| rank | item | freq | per million | range |\n"
                                 "| ---: | --- | ---: | ---: | ---: |\n"
                                 "| 1 | the | 6 | 230769.23 | 1 |\n"
                                 "| 2 | and | 2 | 76923.08 | 1 |\n");
  cli_run_clear (&r);

  r = derlem ("kwic savaş --format markdown " FIXTURE);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_CONTAINS (r.out, "| Türkiye ve Azerbaycan  | **savaş** |  sonrası "
                                 "\\<b\\>işbirliği\\</b\\> \\| yaptı ve \"ba | tr | "
                                 "tests/data/formats/mixed.txt:1 |\n");
  DL_ASSERT_STR_CONTAINS (r.out, "| **savaş** |  sonrasında \\& birlikte");
  CU_ASSERT_TRUE (g_str_has_suffix (r.out, "\n\ntr: 2 hits, 90909.09 per million tokens, in 1 "
                                           "files\n\nen: 0 hits, 0.00 per million tokens, in 0 "
                                           "files\n"));
  cli_run_clear (&r);

  r = derlem ("colloc --min-cooc 1 --top 1 savaş --format markdown " FIXTURE);
  DL_ASSERT_STR_CONTAINS (r.out,
                          "## tr: savaş occurs 2 times in 22 tokens\n\n| collocate | cooc |");
  DL_ASSERT_STR_CONTAINS (r.out, "| azerbaycan | 2 | 2 | 1.82 | 0.14 | 2.14 | 0.13 | 0.13 | 0.40 | "
                                 "1.00 | 14.00 | 2 | 0 |\n");
  cli_run_clear (&r);

  r = derlem ("ngrams -n 2 --top 1 --lang en --format markdown " FIXTURE);
  CU_ASSERT_STRING_EQUAL (r.out, "# derlem ngrams\n"
                                 "\n"
                                 "## en: 26 tokens, 20 distinct n-grams\n"
                                 "\n"
                                 "| rank | n-gram | freq | range |\n"
                                 "| ---: | --- | ---: | ---: |\n"
                                 "| 1 | and the | 2 | 1 |\n");
  cli_run_clear (&r);

  /* war is token 1 and 14 of the 26: cells 2 and 32 of 60. */
  r = derlem ("dispersion war --lang en --format markdown " FIXTURE);
  CU_ASSERT_STRING_EQUAL (r.out, "# derlem dispersion: war\n"
                                 "\n"
                                 "## en: war: 2 hits in 1 of 1 files; D -, DP 0.0000, DPnorm -\n"
                                 "\n"
                                 "| file | freq | per million | tokens |\n"
                                 "| --- | ---: | ---: | ---: |\n"
                                 "| tests/data/formats/mixed.txt | 2 | 76923.08 | 26 |\n"
                                 "\n"
                                 "```\n"
                                 "mixed.txt [..|.............................|"
                                 "...........................] 2\n"
                                 "```\n");
  cli_run_clear (&r);

  r = derlem ("langs --format markdown " FIXTURE);
  CU_ASSERT_STRING_EQUAL (
      r.out,
      "# derlem langs\n"
      "\n"
      "## tests/data/formats/mixed.txt\n"
      "\n"
      "| lines | lang | first line |\n"
      "| --- | --- | --- |\n"
      "| 1-2 | tr | Türkiye ve Azerbaycan savaş sonrası \\<b\\>işbirliği\\</b\\> \\| yapt… |\n"
      "| 3-4 | en | The war between the two states ended and the \\<script\\>peace\\<… |\n"
      "\n"
      "lines: 2 tr, 2 en, 0 other\n");
  cli_run_clear (&r);
}

/* The same machine formats as before, and help that offers what exists. */
static void
test_formats_every_command_takes_six (void)
{
  static const char *const commands[]
      = { "langs", "freq", "kwic savaş", "colloc savaş", "ngrams", "stats" };
  static const char *const formats[] = { "text", "tsv", "csv", "json", "html", "markdown" };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      for (gsize j = 0; j < G_N_ELEMENTS (formats); j++)
        {
          g_autofree char *args
              = g_strdup_printf ("%s --format %s %s", commands[i], formats[j], FIXTURE);
          CliRun r = derlem (args);
          DL_ASSERT_INT_EQ_FOR (args, r.status, 0);
          DL_ASSERT_STR_EQ_FOR (args, r.err, "");
          cli_run_clear (&r);
        }
      g_autofree char *help = g_strdup_printf ("help %s", commands[i]);
      CliRun r = derlem (help);
      DL_ASSERT_STR_CONTAINS (r.out, "Output format: text, tsv, csv, json, html or markdown");
      cli_run_clear (&r);
    }
}

/* A command offers and accepts only the common options it reads, and its
 * help names it. */
static void
test_options_only_those_a_command_reads (void)
{
  static const struct {
    const char *args, *option;
  } refused[] = {
    { "langs --unit stem", "--unit" },      { "langs --stoplist default", "--stoplist" },
    { "langs --case keep", "--case" },      { "langs --numbers", "--numbers" },
    { "freq --color always", "--color" },   { "colloc --color never savaş", "--color" },
    { "ngrams --color always", "--color" }, { "kwic --stoplist default savaş", "--stoplist" },
    { "stats --unit stem", "--unit" },      { "stats --color always", "--color" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *args = g_strdup_printf ("%s %s", refused[i].args, FIXTURE);
      CliRun r = derlem (args);
      g_autofree char *message = g_strdup_printf ("derlem: unknown option %s\n", refused[i].option);
      DL_ASSERT_INT_EQ (r.status, 2);
      DL_ASSERT_STR_CONTAINS (r.err, message);
      CU_ASSERT_STRING_EQUAL (r.out, "");
      cli_run_clear (&r);
    }
  CliRun r = derlem ("help langs");
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "Usage:\n  derlem langs [OPTION…] [PATH...]\n"));
  CU_ASSERT_PTR_NULL (strstr (r.out, "--unit"));
  CU_ASSERT_PTR_NULL (strstr (r.out, "--stoplist"));
  DL_ASSERT_STR_CONTAINS (r.out, "--assume-lang");
  DL_ASSERT_STR_CONTAINS (r.out, "--color");
  cli_run_clear (&r);
  r = derlem ("kwic --help");
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "Usage:\n  derlem kwic [OPTION…] QUERY [PATH...]\n"));
  DL_ASSERT_STR_CONTAINS (r.out, "--unit");
  CU_ASSERT_PTR_NULL (strstr (r.out, "--stoplist"));
  cli_run_clear (&r);
  r = derlem ("freq --help");
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "Usage:\n  derlem freq [OPTION…] [PATH...]\n"));
  DL_ASSERT_STR_CONTAINS (r.out, "--stoplist");
  CU_ASSERT_PTR_NULL (strstr (r.out, "--color"));
  cli_run_clear (&r);
}

static void
test_formats_csv_for_spreadsheets (void)
{
  /* Text cells a spreadsheet would run as formulas (= + - @) come quoted
   * after a '; numbers and a lone - (standard input) stay as they are. */
  CliRun r = cli_run ("printf '=SUM(A1) +cmd\\n-x @home\\n' | $DERLEM kwic --assume-lang en "
                      "--format csv --width 12 '/.*/' - | cut -d, -f 2,4,5,7",
                      NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "file,left,node,position\n"
                           "-,\"'=\",SUM,1\n"
                           "-,\"'=SUM(\",A1,5\n"
                           "-,\"'=SUM(A1) +\",cmd,10\n"
                           "-,M(A1) +cmd -,x,15\n"
                           "-,A1) +cmd -x ,\"'@home\",17\n");
  cli_run_clear (&r);
  /* TSV is left alone: it is escaped, not quoted. */
  r = cli_run ("printf '@home\\n' | $DERLEM freq --assume-lang en --format tsv - | tail -n 1",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "en\t1\t@home\t1\t1000000.00\t1\n");
  cli_run_clear (&r);
  /* --bom: a UTF-8 byte order mark first, for CSV and TSV only. */
  r = cli_run (
      "$DERLEM freq --bom --format csv --top 1 corpus/commentary-en-karabakh-liberation.txt "
      "| head -c 7 | od -An -c | tr -s ' '",
      NULL);
  DL_ASSERT_STR_EQ (r.out, " 357 273 277 l a n g\n");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM freq --bom corpus", "--bom goes with --format csv or tsv");
  cli_run_clear (&r);
}

/* Runs `derlem @args --glob '*' DIR` on the directory of @path and
 * returns the run. */
static CliRun
derlem_on_dir (const char *args, const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *cmdline = g_strdup_printf ("\"$DERLEM\" %s --glob '*' '%s'", args, dir);
  return cli_run (cmdline, NULL);
}

/* Whether @s is UTF-8 without a C0 control character but tab and line
 * break, DEL or a C1 control character. */
static gboolean
shows_safely (const char *s)
{
  if (!g_utf8_validate (s, -1, NULL))
    return FALSE;
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0))
        return FALSE;
    }
  return TRUE;
}

static void
test_formats_file_names_shown_safely (void)
{
  /* A file whose name holds a line break, an escape sequence that clears
   * the terminal and a byte that is not UTF-8 (issue 16): every format
   * shows the name escaped, as the diagnostics do, and JSON stays JSON. */
  char *path
      = dl_test_temp_file ("evil\n\033[2J\xff.txt", "the war and the peace came to the town\n", -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *shown = g_strdup_printf ("%s/evil\\n\\x1b[2J\\xff.txt", dir);
  /* In TSV and JSON the escapes' backslashes are escaped in turn. */
  g_autofree char *twice = g_strdup_printf ("%s/evil\\\\n\\\\x1b[2J\\\\xff.txt", dir);

  CliRun r = derlem_on_dir ("kwic --assume-lang en --format json war", path);
  g_autofree char *json = g_strdup_printf (
      "[\n{\"lang\":\"en\",\"file\":\"%s\",\"line\":1,\"left\":\"the \",\"node\":\"war\","
      "\"right\":\" and the peace came to the town\",\"position\":4,\"query\":\"war\"}\n]\n",
      twice);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, json);
  cli_run_clear (&r);

  r = derlem_on_dir ("kwic --assume-lang en --format tsv war", path);
  g_autofree char *tsv
      = g_strdup_printf ("lang\tfile\tline\tleft\tnode\tright\tposition\tquery\n"
                         "en\t%s\t1\tthe \twar\t and the peace came to the town\t4\twar\n",
                         twice);
  DL_ASSERT_STR_EQ (r.out, tsv);
  cli_run_clear (&r);

  r = derlem_on_dir ("stats --assume-lang en --format json", path);
  g_autofree char *stats_file = g_strdup_printf ("\"file\":\"%s\",\"tokens\":9,", twice);
  DL_ASSERT_STR_CONTAINS (r.out, stats_file);
  CU_ASSERT_TRUE (shows_safely (r.out));
  cli_run_clear (&r);

  r = derlem_on_dir ("stats --assume-lang en --format tsv", path);
  g_autofree char *stats_row = g_strdup_printf ("\nen\t%s\t9\t7\t", twice);
  DL_ASSERT_STR_CONTAINS (r.out, stats_row);
  cli_run_clear (&r);

  r = derlem_on_dir ("freq --assume-lang en --by file --top 1 --format json", path);
  g_autofree char *part = g_strdup_printf ("\"part\":\"%s\"}", twice);
  DL_ASSERT_STR_CONTAINS (r.out, part);
  CU_ASSERT_TRUE (shows_safely (r.out));
  cli_run_clear (&r);

  /* For people: the names relative to the directory, escaped alike
   * (Markdown escapes the escapes' backslashes and the bracket). */
  static const struct {
    const char *args, *name;
  } people[] = {
    { "kwic --assume-lang en war", "\\x1b[2J\\xff.txt:1\n" },
    { "langs", "evil\\n\\x1b[2J\\xff.txt\n" },
    { "stats --assume-lang en", "\n…\\x1b[2J\\xff.txt   " }, /* cut to fit the line */
    { "dispersion --assume-lang en war", "evil\\n\\x1b[2J\\xff.txt [" },
    { "freq --assume-lang en --by file --top 1", "file=evil\\n\\x1b[2J\\xff.txt — en" },
    { "kwic --assume-lang en --format markdown war", "evil\\\\n\\\\x1b\\[2J\\\\xff.txt:1 |" },
    { "langs --format html", "<h2>" },
    { "dispersion --assume-lang en --format html war", "evil\\n\\x1b[2J\\xff.txt</text>" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    {
      r = derlem_on_dir (people[i].args, path);
      DL_ASSERT_INT_EQ_FOR (people[i].args, r.status, 0);
      DL_ASSERT_STR_CONTAINS_FOR (people[i].args, r.out, people[i].name);
      DL_ASSERT_TRUE_FOR (people[i].args, shows_safely (r.out));
      cli_run_clear (&r);
    }
  r = derlem_on_dir ("langs --format csv", path);
  DL_ASSERT_STR_CONTAINS (r.out, shown);
  cli_run_clear (&r);
  dl_test_temp_remove (path);
}

static void
test_formats_no_control_characters_from_corpus (void)
{
  /* ESC (a colour), BEL and backspace in a line of text (issue 16): the
   * formats for people and TSV/CSV show them as spaces, as kwic's contexts
   * always did; the words next to them are counted as words. */
  g_autoptr (GString) text = g_string_new ("The old bell \033[31m rang\007 over the quiet\010 town "
                                           "of the long years at last.\n");
  for (int i = 0; i < 20; i++)
    g_string_append (text, "The war and the peace of the long years came to an end at last.\n");
  char *path = dl_test_temp_file ("ctl.txt", text->str, -1);
  static const struct {
    const char *args, *shown;
  } cases[] = {
    { "langs",
      "  1-21          en     The old bell  [31m rang  over the quiet  town of the long y…\n" },
    { "langs --format markdown", "| 1-21 | en | The old bell  \\[31m rang  over the quiet  town" },
    { "langs --format html", "<td class=\"text\">The old bell  [31m rang  over the quiet  town" },
    { "kwic --assume-lang en --format tsv rang",
      "en\tctl.txt\t1\tThe old bell  [31m \trang\t  over the quiet  town of the long years\t19\t"
      "rang\n" },
    { "kwic --assume-lang en --format csv rang", ",The old bell  [31m ,rang,  over the quiet" },
    { "kwic --assume-lang en rang", "The old bell  [31m   rang    over the quiet" },
    { "freq --assume-lang en --format tsv", "\nen\t18\trang\t1\t" },
    { "freq --assume-lang en", " rang " },
    { "exercise --assume-lang en --count 1 bell",
      "1. The old ________  [31m rang  over the quiet  town of the long years at\n" },
    { "exercise --assume-lang en --count 1 --format tsv bell",
      "\tThe old ________  [31m rang  over the quiet  town of the long years at last.\t" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmdline = g_strdup_printf (
          "cd \"$(dirname '%s')\" && COLUMNS=100 \"$DERLEM\" %s ctl.txt", path, cases[i].args);
      CliRun r = cli_run (cmdline, NULL);
      DL_ASSERT_INT_EQ_FOR (cases[i].args, r.status, 0);
      DL_ASSERT_STR_CONTAINS_FOR (cases[i].args, r.out, cases[i].shown);
      DL_ASSERT_TRUE_FOR (cases[i].args, shows_safely (r.out));
      cli_run_clear (&r);
    }
  dl_test_temp_remove (path);
}

static void
test_formats_csv_formula_cells_quoted (void)
{
  /* A corpus line a spreadsheet would run (issue 16): in CSV every text
   * cell starting with = + - @ comes after a ' (OWASP), quoted; TSV and
   * JSON are for scripts and stay exact; numbers, negative ones too, are
   * never touched. */
  const char *line = "printf '=HYPERLINK(\"x\") +1 @cmd -war\\n' | \"$DERLEM\" ";
  static const struct {
    const char *args, *out;
  } cases[] = {
    { "freq --assume-lang en --format csv -", "lang,rank,item,freq,per_million,range\n"
                                              "en,1,\"'@cmd\",1,250000.00,1\n"
                                              "en,2,hyperlink,1,250000.00,1\n"
                                              "en,3,war,1,250000.00,1\n"
                                              "en,4,x,1,250000.00,1\n" },
    { "kwic --assume-lang en --format csv -e hyperlink -e @cmd -",
      "lang,file,line,left,node,right,position,query\n"
      "en,-,1,\"'=\",HYPERLINK,\"(\"\"x\"\") +1 @cmd -war\",1,hyperlink\n"
      "en,-,1,\"'=HYPERLINK(\"\"x\"\") +1 \",\"'@cmd\", -war,19,\"'@cmd\"\n" },
    { "kwic --assume-lang en --format tsv -e hyperlink -",
      "lang\tfile\tline\tleft\tnode\tright\tposition\tquery\n"
      "en\t-\t1\t=\tHYPERLINK\t(\"x\") +1 @cmd -war\t1\thyperlink\n" },
    { "freq --assume-lang en --format json --top 1 -",
      "[\n{\"lang\":\"en\",\"rank\":1,\"item\":\"@cmd\",\"freq\":1,\"per_million\":250000.00,"
      "\"range\":1,\"total_tokens\":4,\"total_types\":4}\n]\n" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmdline = g_strconcat (line, cases[i].args, NULL);
      CliRun r = cli_run (cmdline, NULL);
      DL_ASSERT_INT_EQ_FOR (cases[i].args, r.status, 0);
      DL_ASSERT_STR_EQ_FOR (cases[i].args, r.out, cases[i].out);
      cli_run_clear (&r);
    }
  /* Negative numbers (keyness's LL, Log Ratio, %DIFF) stay numbers. */
  CliRun r = derlem ("keyness --format csv --negative --top 1 --ref "
                     "corpus/article-tr-karabag-turk-dunyasi.txt "
                     "corpus/commentary-tr-karabag-2023.txt");
  DL_ASSERT_STR_CONTAINS (r.out, "\ntr,türk,0,99,-25.2314,-4.7500,-100.0000,0.00,14420.98,0,1\n");
  cli_run_clear (&r);
}

void
test_cli_formats_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-formats", NULL, NULL);
  CU_add_test (s, "formats_html_page_per_command", test_formats_html_page_per_command);
  CU_add_test (s, "formats_markdown_per_command", test_formats_markdown_per_command);
  CU_add_test (s, "formats_every_command_takes_six", test_formats_every_command_takes_six);
  CU_add_test (s, "options_only_those_a_command_reads", test_options_only_those_a_command_reads);
  CU_add_test (s, "formats_csv_for_spreadsheets", test_formats_csv_for_spreadsheets);
  CU_add_test (s, "formats_file_names_shown_safely", test_formats_file_names_shown_safely);
  CU_add_test (s, "formats_no_control_characters_from_corpus",
               test_formats_no_control_characters_from_corpus);
  CU_add_test (s, "formats_csv_formula_cells_quoted", test_formats_csv_formula_cells_quoted);
}
