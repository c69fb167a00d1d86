/* test-options.c — the common options (src/cli/options.c) parsed from argv
 * tables: what each value sets, and the exact usage error of each bad one. */
#include "config.h"

#include <string.h>

#include "error.h"
#include "options.h"
#include "writer.h"
#include "tests.h"

static const char *const unit_names[] = { "form", "stem", "lemma" };
static const char *const case_names[] = { "fold", "keep" };
static const char *const when_names[] = { "auto", "always", "never" };

/* The checked options, one line: what a case expects to see. */
static char *
describe (const DlOptions *o)
{
  return g_strdup_printf (
      "lang=%s assume=%s unit=%s case=%s format=%s color=%s progress=%s encoding=%s "
      "stoplist=%s output=%s",
      o->all_langs ? "all" : dl_lang_code (o->lang),
      o->assume ? dl_lang_code (o->assume_lang) : "-", unit_names[o->unit], case_names[o->casing],
      dl_format_name (o->format), when_names[o->color], when_names[o->progress],
      o->has_encoding ? o->encoding_arg : "-", o->stoplist ? o->stoplist : "-",
      o->output ? o->output : "-");
}

/* Parses "cmd" + @args (NULL-terminated) for a command taking the common
 * options @which:
 * describe () of the result, or "usage: MESSAGE" (DL_ERROR_USAGE) or
 * "error: MESSAGE" (any other error). *@threads gets --threads. */
static char *
parse (const char *const *args, DlOptionSet which, int *threads)
{
  DlOptions o;
  dl_options_init (&o);
  GOptionContext *context = dl_options_context ("PATH...", "summary", NULL, NULL, which, &o);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_strdup ("cmd"));
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  /* g_option_context_parse takes arguments out of the vector: keep a copy
   * of it to free them all. */
  g_autofree char **owned = g_memdup2 (argv->pdata, argv->len * sizeof (char *));
  int argc = (int) argv->len - 1;
  char **v = (char **) argv->pdata;
  g_autoptr (GError) error = NULL;
  char *got;
  if (dl_options_parse (context, &o, &argc, &v, &error))
    got = describe (&o);
  else
    got = g_strdup_printf ("%s: %s",
                           g_error_matches (error, DL_ERROR, DL_ERROR_USAGE) ? "usage" : "error",
                           error->message);
  *threads = o.threads;
  g_option_context_free (context);
  dl_options_clear (&o);
  /* Free what the parser left in the vector and what it took out. */
  g_ptr_array_set_free_func (argv, NULL);
  for (gsize i = 0; owned[i] != NULL; i++)
    g_free (owned[i]);
  return got;
}

/* Every common option (freq's set, and --color). */
#define ALL_OPTIONS (DL_OPT_BASIC | DL_OPT_WORDS | DL_OPT_STOPLIST | DL_OPT_COLOR)

#define DEFAULTS                                                                                   \
  "lang=all assume=- unit=form case=fold format=text color=auto progress=auto encoding=- "         \
  "stoplist=- output=-"

static void
test_parse_values_and_errors (void)
{
  static const struct {
    const char *args[5];
    const char *expected;
  } cases[] = {
    { { NULL }, DEFAULTS },
    { { "--lang", "tr" },
      "lang=tr assume=- unit=form case=fold format=text color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--lang=en" },
      "lang=en assume=- unit=form case=fold format=text color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--lang", "all" }, DEFAULTS },
    { { "--lang", "de" }, "usage: invalid value 'de' for --lang (expected one of: tr, en, all)" },
    /* Values ignore ASCII case (issue 15: --format TSV). */
    { { "--lang", "TR" },
      "lang=tr assume=- unit=form case=fold format=text color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--lang", "TRK" }, "usage: invalid value 'TRK' for --lang (expected one of: tr, en, all)" },
    { { "--lang", "" }, "usage: invalid value '' for --lang (expected one of: tr, en, all)" },
    { { "--assume-lang", "en" },
      "lang=all assume=en unit=form case=fold format=text color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--assume-lang", "all" },
      "usage: invalid value 'all' for --assume-lang (expected one of: tr, en)" },
    { { "--unit", "stem" },
      "lang=all assume=- unit=stem case=fold format=text color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--unit", "lemma" },
      "lang=all assume=- unit=lemma case=fold format=text color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--unit", "lexeme" },
      "usage: invalid value 'lexeme' for --unit (expected one of: form, stem, lemma)" },
    { { "--unit", "lemma", "--case", "keep" },
      "usage: --unit lemma works on folded words: it cannot go with --case keep" },
    { { "--case", "keep" },
      "lang=all assume=- unit=form case=keep format=text color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--case", "upper" },
      "usage: invalid value 'upper' for --case (expected one of: fold, keep)" },
    { { "--unit", "stem", "--case", "keep" },
      "usage: --unit stem works on folded words: it cannot go with --case keep" },
    { { "--case", "keep", "--unit", "stem" },
      "usage: --unit stem works on folded words: it cannot go with --case keep" },
    { { "--unit", "stem", "--case", "fold" },
      "lang=all assume=- unit=stem case=fold format=text color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--format", "json" },
      "lang=all assume=- unit=form case=fold format=json color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    /* Every command writes every format. */
    { { "--format", "html" },
      "lang=all assume=- unit=form case=fold format=html color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--format", "markdown" },
      "lang=all assume=- unit=form case=fold format=markdown color=auto progress=auto "
      "encoding=- stoplist=- output=-" },
    { { "--format", "TSV" },
      "lang=all assume=- unit=form case=fold format=tsv color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--color", "always", "--progress", "never" },
      "lang=all assume=- unit=form case=fold format=text color=always progress=never encoding=- "
      "stoplist=- output=-" },
    { { "--color", "sometimes" },
      "usage: invalid value 'sometimes' for --color (expected one of: auto, always, never)" },
    { { "--progress", "yes" },
      "usage: invalid value 'yes' for --progress (expected one of: auto, always, never)" },
    { { "--threads", "-1" },
      "usage: invalid value '-1' for --threads (expected a number from 0 to 256)" },
    { { "--threads", "x" }, "usage: cannot parse integer value 'x' for --threads" },
    /* 1073741824 once overflowed threads * 4 in the pool and hung. */
    { { "--threads", "1073741824" },
      "usage: invalid value '1073741824' for --threads (expected a number from 0 to 256)" },
    { { "--threads", "257" },
      "usage: invalid value '257' for --threads (expected a number from 0 to 256)" },
    { { "--stoplist", "" }, "usage: empty value for --stoplist" },
    { { "--stoplist", "none", "-o", "out.tsv" },
      "lang=all assume=- unit=form case=fold format=text color=auto progress=auto encoding=- "
      "stoplist=none output=out.tsv" },
    { { "--output", "" }, "usage: empty file name for --output" },
    { { "-o", "" }, "usage: empty file name for --output" },
    { { "--glob", "" }, "usage: empty pattern for --glob" },
    { { "--encoding", "windows-1254" },
      "lang=all assume=- unit=form case=fold format=text color=auto progress=auto "
      "encoding=windows-1254 stoplist=- output=-" },
    { { "--encoding", "no-such-charset" }, "usage: unknown encoding 'no-such-charset'" },
    { { "--no-such-option" }, "usage: unknown option --no-such-option" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int threads;
      g_autofree char *label = g_strjoinv (" ", (char **) cases[i].args);
      g_autofree char *got = parse (cases[i].args, ALL_OPTIONS, &threads);
      DL_ASSERT_STR_EQ_FOR (label, got, cases[i].expected);
    }
}

static void
test_parse_threads (void)
{
  /* 0 and no --threads mean one worker per core. */
  static const struct {
    const char *args[3];
    int threads;
  } cases[] = {
    { { NULL }, 0 },
    { { "--threads", "0" }, 0 },
    { { "--threads", "1" }, 1 },
    { { "--threads", "7" }, 7 },
    { { "--threads=64" }, 64 },
  };
  int cores = (int) g_get_num_processors ();
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int threads = -1;
      g_autofree char *label = g_strjoinv (" ", (char **) cases[i].args);
      g_autofree char *got = parse (cases[i].args, ALL_OPTIONS, &threads);
      DL_ASSERT_STR_EQ_FOR (label, got, DEFAULTS);
      DL_ASSERT_INT_EQ_FOR (label, threads, cases[i].threads ? cases[i].threads : cores);
    }
}

static void
test_parse_names_the_first_wrong_option_in_check_order (void)
{
  /* With several wrong values, the error names the one checked first (lang,
   * assume-lang, unit, case, color, progress, format, threads, encoding,
   * glob, stoplist, output), wherever it is on the command line. */
  static const struct {
    const char *args[7];
    const char *expected;
  } cases[] = {
    { { "--format", "x", "--lang", "de" },
      "usage: invalid value 'de' for --lang (expected one of: tr, en, all)" },
    { { "--unit", "x", "--assume-lang", "de" },
      "usage: invalid value 'de' for --assume-lang (expected one of: tr, en)" },
    { { "--color", "x", "--case", "x" },
      "usage: invalid value 'x' for --case (expected one of: fold, keep)" },
    { { "--progress", "x", "--unit", "stem", "--case", "keep" },
      "usage: --unit stem works on folded words: it cannot go with --case keep" },
    { { "--format", "x", "--progress", "x" },
      "usage: invalid value 'x' for --progress (expected one of: auto, always, never)" },
    { { "--threads", "-1", "--format", "x" },
      "usage: invalid value 'x' for --format (expected one of: text, tsv, csv, json, html, "
      "markdown)" },
    { { "--encoding", "no-such-charset", "--threads", "-2" },
      "usage: invalid value '-2' for --threads (expected a number from 0 to 256)" },
    { { "--glob", "", "--encoding", "no-such-charset" },
      "usage: unknown encoding 'no-such-charset'" },
    { { "-o", "", "--stoplist", "", "--glob", "" }, "usage: empty pattern for --glob" },
    { { "-o", "", "--stoplist", "" }, "usage: empty value for --stoplist" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int threads;
      g_autofree char *label = g_strjoinv (" ", (char **) cases[i].args);
      g_autofree char *got = parse (cases[i].args, ALL_OPTIONS, &threads);
      DL_ASSERT_STR_EQ_FOR (label, got, cases[i].expected);
    }
}

static void
test_parse_refuses_options_the_command_does_not_take (void)
{
  /* langs reads lines and their languages: no words, no stoplist. */
  static const struct {
    const char *args[3];
    const char *expected;
  } cases[] = {
    { { "--assume-lang", "tr" },
      "lang=all assume=tr unit=form case=fold format=text color=auto progress=auto encoding=- "
      "stoplist=- output=-" },
    { { "--unit", "stem" }, "usage: unknown option --unit" },
    { { "--case", "keep" }, "usage: unknown option --case" },
    { { "--numbers" }, "usage: unknown option --numbers" },
    { { "--stoplist", "default" }, "usage: unknown option --stoplist" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int threads;
      g_autofree char *label = g_strjoinv (" ", (char **) cases[i].args);
      g_autofree char *got = parse (cases[i].args, DL_OPT_BASIC | DL_OPT_COLOR, &threads);
      DL_ASSERT_STR_EQ_FOR (label, got, cases[i].expected);
    }
}

static void
test_choice (void)
{
  static const char *const choices[] = { "a", "bb", "c", NULL };
  static const struct {
    const char *value;
    int index; /* -1: an error */
  } cases[] = {
    { "a", 0 }, { "bb", 1 }, { "c", 2 },         { "b", -1 }, { "bbb", -1 },
    { "A", 0 }, { "bB", 1 }, { "\xc3\xa2", -1 }, { "", -1 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      int out = 99;
      gboolean ok = dl_options_choice ("--x", cases[i].value, choices, &out, &error);
      DL_ASSERT_INT_EQ_FOR (cases[i].value, ok, cases[i].index >= 0);
      if (cases[i].index >= 0)
        {
          DL_ASSERT_INT_EQ_FOR (cases[i].value, out, cases[i].index);
          CU_ASSERT_PTR_NULL (error);
          continue;
        }
      DL_ASSERT_INT_EQ_FOR (cases[i].value, out, 99);
      CU_ASSERT_FATAL (error != NULL);
      CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
      g_autofree char *expected = g_strdup_printf (
          "invalid value '%s' for --x (expected one of: a, bb, c)", cases[i].value);
      DL_ASSERT_STR_EQ (error->message, expected);
    }
}

static void
test_number_pair (void)
{
  /* "A B" as parsed, or "no". */
  static const struct {
    const char *arg;
    char sep;
    gboolean need_b;
    const char *expected;
  } cases[] = {
    { "5", ',', FALSE, "5 5" },     { "5", ',', TRUE, "no" },          { "2,3", ',', FALSE, "2 3" },
    { "2,3", ',', TRUE, "2 3" },    { "0,0", ',', TRUE, "0 0" },       { "2-8", '-', FALSE, "2 8" },
    { "007,08", ',', TRUE, "7 8" }, { "2-8", ',', FALSE, "no" },       { "2,", ',', FALSE, "no" },
    { "2,", ',', TRUE, "no" },      { ",3", ',', FALSE, "no" },        { "", ',', FALSE, "no" },
    { "3x", ',', FALSE, "no" },     { "2,3,4", ',', TRUE, "no" },      { "-1", '-', FALSE, "no" },
    { "2,-1", ',', TRUE, "no" },    { " 5", ',', FALSE, "no" },        { "5 ", ',', FALSE, "no" },
    { "+5", ',', FALSE, "no" },     { "1001,0", ',', TRUE, "1001 0" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint64 a = 99, b = 99;
      g_autofree char *got = NULL;
      if (dl_options_number_pair (cases[i].arg, cases[i].sep, cases[i].need_b, &a, &b))
        got = g_strdup_printf ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, a, b);
      else
        got = g_strdup ("no");
      g_autofree char *label = g_strdup_printf ("'%s' sep '%c'%s", cases[i].arg, cases[i].sep,
                                                cases[i].need_b ? " need_b" : "");
      DL_ASSERT_STR_EQ_FOR (label, got, cases[i].expected);
    }
}

static void
test_check_count (void)
{
  static const struct {
    gint64 value;
    const char *expected; /* NULL: accepted */
  } cases[] = {
    { 0, NULL },
    { 1, NULL },
    { G_MAXINT64, NULL },
    { -1, "invalid value '-1' for --top (expected a number, 0 or more)" },
    { G_MININT64, "invalid value '-9223372036854775808' for --top (expected a number, 0 or more)" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok = dl_options_check_count ("--top", cases[i].value, &error);
      DL_ASSERT_INT_EQ (ok, cases[i].expected == NULL);
      if (cases[i].expected == NULL)
        {
          CU_ASSERT_PTR_NULL (error);
        }
      else
        {
          CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
          DL_ASSERT_STR_EQ (error ? error->message : NULL, cases[i].expected);
        }
    }
}

void
test_options_suite (void)
{
  CU_pSuite s = CU_add_suite ("options", NULL, NULL);
  CU_add_test (s, "parse_values_and_errors", test_parse_values_and_errors);
  CU_add_test (s, "parse_threads", test_parse_threads);
  CU_add_test (s, "parse_names_the_first_wrong_option_in_check_order",
               test_parse_names_the_first_wrong_option_in_check_order);
  CU_add_test (s, "parse_refuses_options_the_command_does_not_take",
               test_parse_refuses_options_the_command_does_not_take);
  CU_add_test (s, "choice", test_choice);
  CU_add_test (s, "number_pair", test_number_pair);
  CU_add_test (s, "check_count", test_check_count);
}
