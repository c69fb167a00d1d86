/* test-cli-exercise.c — `derlem exercise`: the sentences a teacher would
 * use (and those left out, one by one), reproducibility across seeds and
 * threads, the cap per file, hints, every kind's rules checked by oracles
 * written here (distractors never seen beside the gap's neighbours, never
 * the answer's stem, inflected like it; order's words a permutation;
 * collocates equal to colloc's), --level against freq's ranks, the
 * worksheet's language, the HTML page drawn in Chromium, usage errors. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "tests.h"

#define DATA "tests/data/exercise/"
#define EN "--assume-lang en " DATA "en.txt " DATA "en-b.txt"
#define TR "--assume-lang tr " DATA "tr.txt"

/* The rows of a TSV output after its header, each split at tabs. */
static GPtrArray *
tsv_rows (const char *out)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

/* Column indexes of exercise's TSV. */
enum { C_LANG, C_ITEM, C_KIND, C_QUERY, C_PROMPT, C_ANSWER, C_OPTIONS, C_FILE, C_LINE };

static void
test_exercise_sentences (void)
{
  /* en.txt holds one sentence of each kind to leave out: a heading glued to
   * the next line, a reference entry, a bare word, a sentence twice and a
   * near duplicate of it, two hits, a URL, mostly numbers, a lower-case
   * start, too short, 35 words, a word cut at a line's end; and a sentence
   * over two lines that is kept. */
  CliRun r = cli_run ("$DERLEM exercise war --count 100 --per-file 0 --format tsv " EN, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  g_autoptr (GPtrArray) rows = tsv_rows (r.out);
  static const char *const kept[] = {
    "The conflict and the ________ were the same thing for the farmers of the valley.",
    "Our teacher told us that the ________ changed the language of the region too.",
    "Many people remember how the ________ divided the villages along the river.",
    "The ________ ended in a treaty that both sides signed in the capital that summer, and the "
    "border was drawn again.",
    "They said the ________ changed every family in the small northern towns.",
    "The peace after the ________ lasted for nearly forty years in the quiet valley.",
    "The ________ began in the spring and ended two years later in the north.",
    "The ________ memorial & the <b>museum</b> were opened by the mayor of the town last year.",
  };
  DL_ASSERT_INT_EQ (rows->len, G_N_ELEMENTS (kept) + 1);
  for (gsize k = 0; k < G_N_ELEMENTS (kept); k++)
    DL_ASSERT_STR_CONTAINS (r.out, kept[k]);
  /* One of the two memorial sentences (near duplicates), not both. */
  guint memorial = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      DL_ASSERT_STR_EQ (row[C_ANSWER], "war");
      DL_ASSERT_STR_EQ (row[C_KIND], "gapfill");
      memorial += g_str_has_prefix (row[C_PROMPT], "The old ________ memorial stands");
      if (g_str_has_prefix (row[C_PROMPT], "The ________ ended in a treaty"))
        {
          DL_ASSERT_STR_EQ (row[C_FILE], DATA "en.txt");
          DL_ASSERT_STR_EQ (row[C_LINE], "18");
        }
    }
  DL_ASSERT_INT_EQ (memorial, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "9 items of 100 made for en");
  cli_run_clear (&r);
  /* A capital whose code point ends in the byte of "(" (U+0128) is a
   * capital, not an opening bracket to skip. */
  r = cli_run ("printf 'Ĩgor said that the war changed the little town near the coast.\n' "
               "| $DERLEM exercise war --assume-lang en --format tsv - | cut -f 5",
               NULL);
  DL_ASSERT_STR_EQ (
      r.out, "prompt\nĨgor said that the ________ changed the little town near the coast.\n");
  cli_run_clear (&r);
}

static void
test_exercise_reproducible (void)
{
  CliRun a = cli_run ("$DERLEM exercise war --count 4 --seed 7 --per-file 0 " EN, NULL);
  CliRun b = cli_run ("$DERLEM exercise war --count 4 --seed 7 --per-file 0 --threads 2 " EN, NULL);
  CliRun c = cli_run ("$DERLEM exercise war --count 4 --seed 8 --per-file 0 " EN, NULL);
  DL_ASSERT_INT_EQ (a.status, 0);
  DL_ASSERT_STR_EQ (b.out, a.out);
  DL_ASSERT_TRUE_FOR ("another seed, another worksheet", strcmp (a.out, c.out) != 0);
  cli_run_clear (&a);
  cli_run_clear (&b);
  cli_run_clear (&c);
  /* The same sentences whichever order the files come in: a sentence's
   * place in the random order is its own. */
  a = cli_run (
      "$DERLEM exercise war --count 100 --per-file 0 --format tsv " EN " | cut -f 5 | sort", NULL);
  b = cli_run ("$DERLEM exercise war --count 100 --per-file 0 --format tsv --assume-lang en " DATA
               "en-b.txt " DATA "en.txt | cut -f 5 | sort",
               NULL);
  DL_ASSERT_STR_EQ (b.out, a.out);
  cli_run_clear (&a);
  cli_run_clear (&b);
}

static void
test_exercise_per_file_and_hints (void)
{
  CliRun r = cli_run ("$DERLEM exercise war --per-file 1 --format tsv " EN " | cut -f 8", NULL);
  DL_ASSERT_STR_EQ (r.out, "file\n" DATA "en.txt\n" DATA "en-b.txt\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM exercise war --count 3 --format tsv " EN " | tail -n +2 | wc -l", NULL);
  DL_ASSERT_STR_EQ (r.out, "3\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM exercise war --count 1 --hint first-letter --format tsv " EN, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, " w_______ ");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM exercise war --count 1 --hint length --format tsv " EN, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, " ________ (3) ");
  cli_run_clear (&r);
  /* Several queries: a word bank, the queries in turn. */
  r = cli_run ("$DERLEM exercise -e war -e mill --count 4 --lang en " EN, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "Fill each gap with a word from the box.");
  DL_ASSERT_STR_CONTAINS (r.out, "Word bank: a) ");
  DL_ASSERT_STR_CONTAINS (r.out, ") mill");
  cli_run_clear (&r);
}

/* The pairs of adjacent words of @path, lower case, as "a b": what the
 * corpus shows (an oracle: ASCII letters make words). */
static void
add_pairs (GHashTable *pairs, const char *path)
{
  g_autofree char *text = NULL;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &text, NULL, NULL));
  g_autoptr (GString) word = g_string_new (NULL);
  g_autofree char *last = NULL;
  for (const char *p = text;; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          g_string_append_c (word, g_ascii_tolower (*p));
          continue;
        }
      if (word->len > 0)
        {
          if (last != NULL)
            g_hash_table_add (pairs, g_strdup_printf ("%s %s", last, word->str));
          g_free (last);
          last = g_strdup (word->str);
          g_string_truncate (word, 0);
        }
      if (*p == '\0')
        break;
    }
}

/* The word of @prompt just before (@after FALSE) or after the gap, lower
 * case, or NULL. */
static char *
gap_neighbour (const char *prompt, gboolean after)
{
  const char *gap = strstr (prompt, "________");
  g_assert (gap != NULL);
  g_autofree char *side = after ? g_strdup (gap + 8) : g_strndup (prompt, (gsize) (gap - prompt));
  g_auto (GStrv) words = g_regex_split_simple ("[^A-Za-z]+", side, 0, 0);
  guint n = g_strv_length (words);
  for (guint k = 0; k < n; k++)
    {
      const char *w = words[after ? k : n - 1 - k];
      if (*w != '\0')
        return g_ascii_strdown (w, -1);
    }
  return NULL;
}

static void
test_exercise_choice_english (void)
{
  /* en-b.txt writes "the conflict changed", "a storm changed", "a flood
   * changed", "a fire changed": none of them may be offered for "the ____
   * changed", nor any word seen after "the". */
  CliRun r = cli_run ("$DERLEM exercise war --kind choice --per-file 0 --format tsv " EN, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  g_autoptr (GPtrArray) rows = tsv_rows (r.out);
  DL_ASSERT_TRUE_FOR ("choice items made", rows->len >= 5);
  g_autoptr (GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_pairs (pairs, TEST_DATA ("exercise/en.txt"));
  add_pairs (pairs, TEST_DATA ("exercise/en-b.txt"));
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      g_auto (GStrv) options = g_strsplit (row[C_OPTIONS], " | ", -1);
      DL_ASSERT_INT_EQ (g_strv_length (options), 4);
      g_autofree char *before = gap_neighbour (row[C_PROMPT], FALSE);
      g_autofree char *after = gap_neighbour (row[C_PROMPT], TRUE);
      guint answers = 0;
      for (guint k = 0; k < 4; k++)
        {
          for (guint j = 0; j < k; j++)
            DL_ASSERT_TRUE_FOR ("options differ", strcmp (options[j], options[k]) != 0);
          if (strcmp (options[k], "war") == 0)
            {
              answers++;
              continue;
            }
          DL_ASSERT_TRUE_FOR (options[k], !g_str_has_prefix (options[k], "war"));
          /* Not a word of the sentence itself. */
          g_autofree char *lower = g_ascii_strdown (row[C_PROMPT], -1);
          g_auto (GStrv) words = g_regex_split_simple ("[^a-z]+", lower, 0, 0);
          DL_ASSERT_TRUE_FOR (options[k],
                              !g_strv_contains ((const char *const *) words, options[k]));
          g_autofree char *left
              = before != NULL ? g_strdup_printf ("%s %s", before, options[k]) : NULL;
          g_autofree char *right
              = after != NULL ? g_strdup_printf ("%s %s", options[k], after) : NULL;
          DL_ASSERT_TRUE_FOR (left, left == NULL || !g_hash_table_contains (pairs, left));
          DL_ASSERT_TRUE_FOR (right, right == NULL || !g_hash_table_contains (pairs, right));
        }
      DL_ASSERT_INT_EQ (answers, 1);
    }
  cli_run_clear (&r);
  /* JSON gives the options as an array. */
  r = cli_run ("$DERLEM exercise war --kind choice --count 1 --format json " EN, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "\"options\":[\"");
  cli_run_clear (&r);
}

/* The archiphoneme class of the last letter of @word (Turkish): a e → A,
 * ı i u ü → I, o ö → O, the letter itself otherwise. */
static gunichar
last_class (const char *word)
{
  const char *end = word + strlen (word);
  gunichar c = g_utf8_get_char (g_utf8_find_prev_char (word, end));
  if (c == 'a' || c == 'e')
    return 'A';
  if (c == 0x0131 || c == 'i' || c == 'u' || c == 0x00FC)
    return 'I';
  if (c == 'o' || c == 0x00F6)
    return 'O';
  return c;
}

static void
test_exercise_choice_turkish (void)
{
  /* On the bundled corpus: the distractors of an inflected answer end in
   * the same suffix (savaşın: desteğin, kuvvetlerin...), never a form of
   * savaş; the answer is among the options once. */
  CliRun r = cli_run ("$DERLEM exercise savaş --kind choice --lang tr --format tsv corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  g_autoptr (GPtrArray) rows = tsv_rows (r.out);
  DL_ASSERT_TRUE_FOR ("choice items made", rows->len >= 5);
  guint inflected = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      g_autofree char *answer = g_utf8_strdown (row[C_ANSWER], -1);
      g_auto (GStrv) options = g_strsplit (row[C_OPTIONS], " | ", -1);
      DL_ASSERT_INT_EQ (g_strv_length (options), 4);
      guint answers = 0;
      for (guint k = 0; k < 4; k++)
        {
          g_autofree char *o = g_utf8_strdown (options[k], -1);
          if (strcmp (o, answer) == 0)
            {
              answers++;
              continue;
            }
          DL_ASSERT_TRUE_FOR (o, !g_str_has_prefix (o, "savaş"));
          if (strcmp (answer, "savaş") != 0)
            DL_ASSERT_TRUE_FOR (o, last_class (o) == last_class (answer));
        }
      inflected += strcmp (answer, "savaş") != 0;
      DL_ASSERT_INT_EQ (answers, 1);
    }
  DL_ASSERT_TRUE_FOR ("inflected answers", inflected >= 3);
  cli_run_clear (&r);
  /* The fixture: savaşın's distractors are the genitives of words the
   * text also writes bare (halk, orman, barış, liman; kentin is in the
   * sentence). */
  r = cli_run ("$DERLEM exercise savaş --kind choice --format tsv " TR, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "________ ardından kentin meydanında");
  g_autoptr (GPtrArray) fixture = tsv_rows (r.out);
  for (guint i = 0; i < fixture->len; i++)
    {
      char **row = fixture->pdata[i];
      if (strcmp (row[C_ANSWER], "Savaşın") != 0)
        continue;
      g_auto (GStrv) options = g_strsplit (row[C_OPTIONS], " | ", -1);
      for (guint k = 0; k < 4; k++)
        DL_ASSERT_TRUE_FOR (options[k],
                            strstr ("savaşın halkın ormanın barışın limanın", options[k]) != NULL);
    }
  cli_run_clear (&r);
}

static void
test_exercise_order (void)
{
  CliRun r = cli_run ("$DERLEM exercise savaş --kind order --format tsv " TR, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  g_autoptr (GPtrArray) rows = tsv_rows (r.out);
  DL_ASSERT_INT_EQ (rows->len, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      /* The shuffled words are the sentence's, its first in lower case. */
      g_autofree char *lower = g_utf8_strdown (row[C_ANSWER], -1);
      g_auto (GStrv) want = g_regex_split_simple ("[ ,.]+", lower, 0, 0);
      g_auto (GStrv) got = g_strsplit (row[C_PROMPT], " / ", -1);
      guint n_want = g_strv_length (want) - (*want[g_strv_length (want) - 1] == '\0');
      DL_ASSERT_INT_EQ (g_strv_length (got), n_want);
      g_autofree char *in_order = g_strjoinv (" / ", want);
      DL_ASSERT_TRUE_FOR ("shuffled", !g_str_has_prefix (in_order, row[C_PROMPT]));
      for (guint k = 0; k < n_want; k++)
        DL_ASSERT_TRUE_FOR (want[k], g_strv_contains ((const char *const *) got, want[k]));
    }
  cli_run_clear (&r);
}

static void
test_exercise_collocation (void)
{
  /* The items' answers are colloc's three strongest collocates by logDice. */
  CliRun want = cli_run ("$DERLEM colloc savaş --lang tr --unit stem --top 3 --format tsv corpus "
                         "| tail -n +2 | cut -f 15",
                         NULL);
  CliRun r
      = cli_run ("$DERLEM exercise savaş --kind collocation --lang tr --format tsv corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  g_autoptr (GPtrArray) rows = tsv_rows (r.out);
  g_auto (GStrv) units = g_strsplit (want.out, "\n", -1);
  DL_ASSERT_INT_EQ (rows->len, 3);
  DL_ASSERT_INT_EQ (g_strv_length (units), 4);
  for (guint i = 0; i < rows->len && i < 3; i++)
    {
      char **row = rows->pdata[i];
      g_autofree char *answer = g_utf8_strdown (row[C_ANSWER], -1);
      /* The answer is a form of the collocate's stem (its last letter may be
         softened in the form). */
      g_autofree char *stem = g_strndup (units[i], strlen (units[i]) - 1);
      DL_ASSERT_TRUE_FOR (answer, g_str_has_prefix (answer, stem));
      DL_ASSERT_TRUE_FOR (row[C_PROMPT], g_str_has_prefix (row[C_PROMPT], "savaş"));
      /* The word bank holds the three answers. */
      DL_ASSERT_STR_CONTAINS (row[C_OPTIONS], row[C_ANSWER]);
    }
  cli_run_clear (&want);
  cli_run_clear (&r);
}

static void
test_exercise_level (void)
{
  /* --level 120: each word beside the gap is among the 120 most frequent
   * units of the inputs, as freq ranks them (numbers counted, no
   * stoplist). */
  CliRun freq = cli_run ("$DERLEM freq --unit stem --numbers --stoplist none --format tsv " EN
                         " | tail -n +2 | cut -f 2,8",
                         NULL);
  g_autoptr (GHashTable) rank = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) lines = g_strsplit (freq.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", 2);
      g_auto (GStrv) forms = g_regex_split_simple (" \\([0-9]+\\)(, )?", f[1], 0, 0);
      for (guint k = 0; forms[k] != NULL; k++)
        if (*forms[k] != '\0')
          g_hash_table_insert (rank, g_strdup (forms[k]), GINT_TO_POINTER (atoi (f[0])));
    }
  CliRun r = cli_run ("$DERLEM exercise war --level 120 --count 100 --per-file 0 --format tsv " EN,
                      NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  g_autoptr (GPtrArray) rows = tsv_rows (r.out);
  DL_ASSERT_TRUE_FOR ("some sentences fit", rows->len >= 1);
  DL_ASSERT_TRUE_FOR ("some are left out", rows->len < 9);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      g_autofree char *lower = g_ascii_strdown (row[C_PROMPT], -1);
      g_auto (GStrv) words = g_regex_split_simple ("[^a-z]+", lower, 0, 0);
      for (guint k = 0; words[k] != NULL; k++)
        if (*words[k] != '\0')
          {
            int rk = GPOINTER_TO_INT (g_hash_table_lookup (rank, words[k]));
            DL_ASSERT_TRUE_FOR (words[k], rk >= 1 && rk <= 120);
          }
    }
  cli_run_clear (&r);
  cli_run_clear (&freq);
}

static void
test_exercise_sheet_language (void)
{
  /* Instructions in the worksheet's language, whatever derlem speaks. */
  CliRun r = cli_run ("$DERLEM exercise savaş " TR, "en");
  DL_ASSERT_STR_CONTAINS (r.out, "Türkçe — Boşluk doldurma\n");
  DL_ASSERT_STR_CONTAINS (r.out, "Boşlukları cümleye uyan sözcükle doldurun.");
  DL_ASSERT_STR_CONTAINS (r.out, "Türkçe — Cevap anahtarı\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM exercise war --kind order " EN, "tr");
  DL_ASSERT_STR_CONTAINS (r.out, "English — Word order\n");
  DL_ASSERT_STR_CONTAINS (r.out, "Put the words in order to make a sentence.");
  cli_run_clear (&r);
  /* A question's options, in text, are indented under its sentence. */
  r = cli_run ("$DERLEM exercise savaş --kind choice --count 1 " TR, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "\n1. ________ ");
  DL_ASSERT_TRUE_FOR (r.out, g_regex_match_simple ("\n\n   a\\) \\S+   b\\) \\S+   c\\) \\S+   "
                                                   "d\\) \\S+\n",
                                                   r.out, 0, 0));
  cli_run_clear (&r);
  /* Markdown numbers the items in bold. */
  r = cli_run ("$DERLEM exercise war --format markdown " EN, NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "\n## English — Gap fill\n");
  DL_ASSERT_STR_CONTAINS (r.out, "\n**1.** ");
  cli_run_clear (&r);
}

static void
test_exercise_html (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-exercise-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  g_autofree char *html = g_build_filename (dir, "w.html", NULL);
  g_autofree char *png = g_build_filename (dir, "w.png", NULL);
  g_autofree char *cmd = g_strdup_printf (
      "$DERLEM exercise -e war -e mill --count 20 --per-file 0 --format html -o '%s' " EN, html);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
  g_autofree char *page = NULL;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (html, &page, NULL, NULL));
  /* The sentence with & and <b> is escaped; the key starts a new page. */
  DL_ASSERT_STR_CONTAINS (page, "&amp; the &lt;b&gt;museum&lt;/b&gt;");
  DL_ASSERT_STR_CONTAINS (page, "div.page { break-before: page; }");
  const char *brk = strstr (page, "<div class=\"page\"></div>\n<h2>English — Answer key</h2>");
  DL_ASSERT_TRUE_FOR ("answer key after a page break", brk != NULL);
  DL_ASSERT_TRUE_FOR ("no script", strstr (page, "<script") == NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dom = NULL;
  gboolean parsed = render_html_dom (html, &dom, &error);
  DL_ASSERT_TRUE_FOR (error != NULL ? error->message : "DOM", parsed);
  if (parsed)
    DL_ASSERT_STR_CONTAINS (dom, "<p class=\"item\" lang=\"en\"><span class=\"n\">1.</span>");
  g_clear_error (&error);
  gboolean shot = render_html_png (html, png, 800, 1000, &error);
  DL_ASSERT_TRUE_FOR (error != NULL ? error->message : "screenshot", shot);
  g_auto (RenderImage) img = { 0, 0, NULL };
  if (shot && render_png_load (png, &img, &error))
    {
      /* Text in the items' column, white in the right margin. */
      DL_ASSERT_TRUE_FOR ("items drawn", render_image_ink (&img, 60, 200, 600, 600) > 0.02);
      DL_ASSERT_TRUE_FOR ("margin empty", render_image_ink (&img, 780, 200, 20, 600) < 0.001);
    }
  cli_remove_dir (dir);
}

static void
test_exercise_usage_errors (void)
{
  CliRun r = cli_run_usage_error ("$DERLEM exercise --kind essay war corpus", "--kind");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM exercise --hint vowels war corpus", "--hint");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM exercise --count 0 war corpus", "'0' for --count");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM exercise --level lots war corpus", "'lots' for --level");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM exercise", "exercise needs a QUERY");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM exercise '\"war' corpus", "quote");
  cli_run_clear (&r);
  /* Nothing fits: a note, exit 0, an empty worksheet. */
  r = cli_run ("$DERLEM exercise zebra --format tsv " EN, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "lang\titem\tkind\tquery\tprompt\tanswer\toptions\tfile\tline\n");
  DL_ASSERT_STR_CONTAINS (r.err, "0 items of 10 made for en");
  cli_run_clear (&r);
}

void
test_cli_exercise_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-exercise", NULL, NULL);
  CU_add_test (s, "sentences a teacher would use", test_exercise_sentences);
  CU_add_test (s, "reproducible", test_exercise_reproducible);
  CU_add_test (s, "per file, hints, word bank", test_exercise_per_file_and_hints);
  CU_add_test (s, "choice in English", test_exercise_choice_english);
  CU_add_test (s, "choice in Turkish", test_exercise_choice_turkish);
  CU_add_test (s, "order", test_exercise_order);
  CU_add_test (s, "collocation", test_exercise_collocation);
  CU_add_test (s, "level", test_exercise_level);
  CU_add_test (s, "worksheet language", test_exercise_sheet_language);
  CU_add_test (s, "HTML", test_exercise_html);
  CU_add_test (s, "usage errors", test_exercise_usage_errors);
}
