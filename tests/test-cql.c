/* test-cql.c — the corpus query language (cql.h): every malformed kind
 * with the character it points at, the shapes of parsed queries, matching
 * tables worked out by hand, and random queries against GLib's PCRE
 * regular expressions over the same tokens as an independent oracle. */
#include "config.h"

#include <string.h>

#include "cql.h"
#include "error.h"
#include "tests.h"

static void
test_parse_errors_say_where (void)
{
  static const struct {
    const char *query, *message; /* the message after "CQL query QUERY: " */
  } cases[] = {
    { "savaş", "at character 1: a token expected: a word is written in double quotes (\"savaş\")" },
    { "\"a\" ve", "at character 5: a token expected: a word is written in double quotes (\"ve\")" },
    { "", "at character 1: a token ([...] or \"...\") or a ( expected, not the end of the query" },
    { "\"a\" )", "at character 5: the query should end here, not at )" },
    { "[word=\"a\"", "at character 10: a ] expected, not the end of the query" },
    { "[wrd=\"a\"]",
      "at character 2: unknown attribute wrd (there are word, fold, stem, lemma and lang)" },
    { "[word=\"a]", "at character 7: the string has no closing double quote" },
    { "[word=a]", "at character 7: a string in double quotes expected, not a" },
    { "\"a\"%x", "at character 5: unknown flag %x (there is %c, to ignore case)" },
    { "\"\"", "at character 1: an empty string matches no token (\".*\" matches any)" },
    { "[word=\"(\"]", "at character 9: bad regular expression (U_REGEX_MISMATCHED_PAREN)" },
    { "\"a\"{1001}", "at character 9: a repetition of at most 1000" },
    { "\"a\"{3,2}", "at character 4: {n,m} with m below n" },
    { "\"a\"{", "at character 5: {n}, {n,}, {n,m} or {,m} expected" },
    { "\"a\"*",
      "at character 1: the query can match without any token (a match needs one at least)" },
    { "[]? (\"a\" | \"b\"*)",
      "at character 1: the query can match without any token (a match needs one at least)" },
    { "\"a\" within",
      "at character 11: s or line expected after within, not the end of the query" },
    { "\"a\" within x", "at character 12: s or line expected after within, not x" },
    { "(\"a\" | \"b\"", "at character 11: a ) expected, not the end of the query" },
    { "[word=\"a\" &]",
      "at character 12: an attribute (word, fold, stem, lemma or lang) expected, not ]" },
    { "[!]", "at character 3: an attribute (word, fold, stem, lemma or lang) expected, not ]" },
    { "[(word=\"a\"]", "at character 11: a ) expected, not ]" },
    /* Characters, not bytes: ş and ğ are two bytes each. */
    { "\"ş\" \"ğ\" ]", "at character 9: the query should end here, not at ]" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DlCql) q = dl_cql_parse (cases[i].query, &error);
      DL_ASSERT_TRUE_FOR (cases[i].query, q == NULL);
      DL_ASSERT_TRUE_FOR (cases[i].query, g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
      g_autofree char *expected
          = g_strdup_printf ("CQL query %s: %s", cases[i].query, cases[i].message);
      DL_ASSERT_STR_EQ_FOR (cases[i].query, error != NULL ? error->message : NULL, expected);
    }
  /* Deep nesting, many tests and big repetitions are refused, not
   * overflowed. */
  GString *deep = g_string_new ("[");
  for (int i = 0; i < 200; i++)
    g_string_append_c (deep, '(');
  g_string_append (deep, "word=\"a\"");
  for (int i = 0; i < 200; i++)
    g_string_append_c (deep, ')');
  g_string_append_c (deep, ']');
  g_autoptr (GError) error = NULL;
  CU_ASSERT_PTR_NULL (dl_cql_parse (deep->str, &error));
  DL_ASSERT_STR_CONTAINS (error != NULL ? error->message : NULL, "nested too deep");
  g_string_free (deep, TRUE);
  g_clear_error (&error);
  /* A megabyte of parentheses and of !, shown cut to 80 characters. */
  static const char *const openers[] = { "(", "[!" };
  for (gsize k = 0; k < G_N_ELEMENTS (openers); k++)
    {
      deep = g_string_new (openers[k]);
      for (int i = 0; i < 1000000; i++)
        g_string_append_c (deep, openers[k][strlen (openers[k]) - 1]);
      CU_ASSERT_PTR_NULL (dl_cql_parse (deep->str, &error));
      DL_ASSERT_STR_CONTAINS (error != NULL ? error->message : NULL, "nested too deep");
      CU_ASSERT_TRUE (error != NULL && strlen (error->message) < 200);
      g_string_free (deep, TRUE);
      g_clear_error (&error);
    }
  /* 65 operands on a condition's stack. */
  deep = g_string_new ("[");
  for (int i = 0; i < 65; i++)
    g_string_append (deep, "word=\"a\" | (");
  g_string_append (deep, "word=\"b\"");
  for (int i = 0; i < 65; i++)
    g_string_append_c (deep, ')');
  g_string_append_c (deep, ']');
  CU_ASSERT_PTR_NULL (dl_cql_parse (deep->str, &error));
  DL_ASSERT_STR_CONTAINS (error != NULL ? error->message : NULL, "nested too deep");
  g_string_free (deep, TRUE);
  g_clear_error (&error);
  GString *many = g_string_new ("[word=\"w0\"");
  for (int i = 1; i <= 64; i++)
    g_string_append_printf (many, " | word=\"w%d\"", i);
  g_string_append_c (many, ']');
  CU_ASSERT_PTR_NULL (dl_cql_parse (many->str, &error));
  DL_ASSERT_STR_CONTAINS (error != NULL ? error->message : NULL, "at most 64 tests");
  g_string_free (many, TRUE);
  g_clear_error (&error);
  CU_ASSERT_PTR_NULL (dl_cql_parse ("([] [] [] [] [] [] [] [] [] []){1000}", &error));
  DL_ASSERT_STR_CONTAINS (error != NULL ? error->message : NULL, "the query is too big");
}

static void
test_parse_shapes (void)
{
  static const struct {
    const char *query;
    guint max_length, n_tests;
    DlCqlWithin within;
    gboolean uses_fold, uses_lang;
  } cases[] = {
    { "\"a\"", 1, 1, DL_CQL_WITHIN_NONE, FALSE, FALSE },
    { "  \"a\" []{0,3} [fold=\"b\"]  ", 5, 2, DL_CQL_WITHIN_NONE, TRUE, FALSE },
    /* One test for the same attribute, pattern and case. */
    { "\"a\" [word=\"a\"] [word!=\"a\"]", 3, 1, DL_CQL_WITHIN_NONE, FALSE, FALSE },
    { "\"a\" \"a\"%c", 2, 2, DL_CQL_WITHIN_NONE, FALSE, FALSE },
    { "\"a\"+", DL_CQL_MAX_SPAN, 1, DL_CQL_WITHIN_NONE, FALSE, FALSE },
    { "\"a\"{2,} within s", DL_CQL_MAX_SPAN, 1, DL_CQL_WITHIN_SENTENCE, FALSE, FALSE },
    { "(\"a\" \"b\" | \"c\"){3} within sentence", 6, 3, DL_CQL_WITHIN_SENTENCE, FALSE, FALSE },
    { "[lang=\"en\" & !(fold=\"x\")] within line", 1, 2, DL_CQL_WITHIN_LINE, TRUE, TRUE },
    { "\"a\"{0} \"b\"", 1, 2, DL_CQL_WITHIN_NONE, FALSE, FALSE },
    { "[]{70}", DL_CQL_MAX_SPAN, 0, DL_CQL_WITHIN_NONE, FALSE, FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DlCql) q = dl_cql_parse (cases[i].query, &error);
      DL_ASSERT_STR_EQ_FOR (cases[i].query, error != NULL ? error->message : NULL, NULL);
      if (q == NULL)
        continue;
      DL_ASSERT_INT_EQ_FOR (cases[i].query, dl_cql_max_length (q), cases[i].max_length);
      DL_ASSERT_INT_EQ_FOR (cases[i].query, dl_cql_n_tests (q), cases[i].n_tests);
      DL_ASSERT_INT_EQ_FOR (cases[i].query, dl_cql_within (q), cases[i].within);
      DL_ASSERT_INT_EQ_FOR (cases[i].query, dl_cql_uses (q, DL_CQL_FOLD), cases[i].uses_fold);
      DL_ASSERT_INT_EQ_FOR (cases[i].query, dl_cql_uses (q, DL_CQL_LANG), cases[i].uses_lang);
      DL_ASSERT_INT_EQ_FOR (cases[i].query, dl_cql_uses (q, DL_CQL_STEM), FALSE);
    }
}

/* The matches of @query over @tokens (separated by spaces; each is every
 * attribute's value, lang "en"; a "|" resets the run, as a sentence's end
 * does for within s) as "START:LENGTH" joined by spaces, START counted
 * over the tokens from 0. */
static char *
matches_of (const char *query, const char *tokens)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlCql) q = dl_cql_parse (query, &error);
  if (q == NULL)
    return g_strdup_printf ("error: %s", error->message);
  g_autoptr (DlCqlRun) run = dl_cql_run_new (q, &error);
  if (run == NULL)
    return g_strdup_printf ("error: %s", error->message);
  g_auto (GStrv) words = g_strsplit (tokens, " ", -1);
  GString *out = g_string_new (NULL);
  guint at = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strcmp (words[i], "|") == 0)
        {
          dl_cql_run_reset (run);
          continue;
        }
      const char *values[DL_CQL_ATTRS];
      for (int a = 0; a < DL_CQL_ATTRS; a++)
        values[a] = words[i];
      values[DL_CQL_LANG] = "en";
      guint64 mask;
      if (!dl_cql_run_test (run, values, &mask, &error))
        {
          g_string_free (out, TRUE);
          return g_strdup_printf ("error: %s", error->message);
        }
      guint len = dl_cql_run_feed (run, mask);
      if (len > 0)
        g_string_append_printf (out, "%s%u:%u", out->len > 0 ? " " : "", at + 1 - len, len);
      at++;
    }
  return g_string_free (out, FALSE);
}

static void
test_match_table (void)
{
  /* Worked out by hand; the first seven agree with an independent
   * evaluator of CQP's semantics over VRT (each match ends at the first
   * token where one can, starts as early as it can, and the next starts
   * after it). */
  static const struct {
    const char *query, *tokens, *matches;
  } cases[] = {
    { "\"a\"+ \"b\"", "a a b a b b", "0:3 3:2" },
    { "\"a\"+ \"b\"", "a a b a | b b", "0:3" },
    { "\"a\"* \"b\"", "a a b a b b", "0:3 3:2 5:1" },
    { "\"a\"{,1} \"b\"", "a a b a b b", "1:2 3:2 5:1" },
    { "\"b\" []{0,2} \"b\"", "a a b a b b", "2:3" },
    { "\"b\" []{0,2} \"b\"", "a a b a | b b", "4:2" },
    { "[word!=\"a\"]", "a b c", "1:1 2:1" },
    { "(\"a\" \"b\" | \"b\") \"c\"", "a b c b c", "0:3 3:2" },
    /* The shortest match: the optional part is not waited for. */
    { "\"a\" \"b\"?", "a b a a", "0:1 2:1 3:1" },
    { "\"a\"{2}", "a a a a a", "0:2 2:2" },
    { "\"a\"{2,}", "a a a a a", "0:2 2:2" },
    { "\"a\"{2,3} \"b\"", "a a a a b", "1:4" },
    { "[] \"c\"", "c c c", "0:2" },
    { "\"x\"", "a b c", "" },
    { "\"a\"{0} \"b\"", "a b", "1:1" },
    /* Whole values: ab is not abc. */
    { "[word=\"ab\"]", "ab abc", "0:1" },
    { "[word=\"ab.*\"]", "ab abc", "0:1 1:1" },
    { "[word=\"a|b\"]", "a b ab", "0:1 1:1" },
    { "\"AB\"%c", "ab Ab aB", "0:1 1:1 2:1" },
    { "\"AB\"", "ab Ab aB", "" },
    { "[word=\"a\" | word=\"b\"] [word=\"c\" & !word=\"a\"]", "a c b c c", "0:2 2:2" },
    { "[!(word=\"a\" | word=\"b\")]", "a b c", "2:1" },
    { "[lang=\"en\" & word=\"a\"] [lang!=\"en\"]", "a a", "" },
    /* Unicode letters and ICU's \w. */
    { "[word=\"\\w+ş\"]", "savaş savaşa ş", "0:1" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = matches_of (cases[i].query, cases[i].tokens);
      g_autofree char *label = g_strdup_printf ("%s on %s", cases[i].query, cases[i].tokens);
      DL_ASSERT_STR_EQ_FOR (label, got, cases[i].matches);
    }
}

static void
test_match_span_limit (void)
{
  /* y, then N x, then z: [y] []* [z] spans N + 2 tokens, found up to 64. */
  for (guint n = 60; n <= 64; n++)
    {
      GString *tokens = g_string_new ("y");
      for (guint i = 0; i < n; i++)
        g_string_append (tokens, " x");
      g_string_append (tokens, " z");
      g_autofree char *got = matches_of ("\"y\" []* \"z\"", tokens->str);
      g_autofree char *expected
          = n + 2 <= DL_CQL_MAX_SPAN ? g_strdup_printf ("0:%u", n + 2) : g_strdup ("");
      DL_ASSERT_STR_EQ_FOR (tokens->str, got, expected);
      /* x+ before z: the earliest start it can still see. */
      g_autofree char *got2 = matches_of ("\"x\"+ \"z\"", tokens->str);
      g_autofree char *expected2 = g_strdup_printf ("%u:%u", n + 1 <= DL_CQL_MAX_SPAN ? 1 : n - 62,
                                                    MIN (n + 1, DL_CQL_MAX_SPAN));
      DL_ASSERT_STR_EQ_FOR (tokens->str, got2, expected2);
      g_string_free (tokens, TRUE);
    }
}

static void
test_attributes (void)
{
  /* Each test reads its attribute; fold, stem and lemma patterns take
   * ’ and ' as one apostrophe (the values have '), word does not. */
  g_autoptr (GError) error = NULL;
  g_autoptr (DlCql) q = dl_cql_parse ("[fold=\"karabağ’ın\" & lang=\"tr\"] | [word=\"Ali’nin\"] | "
                                      "[lemma=\"git\" & stem!=\"gid.*\"] | [word=\"x\"%c]",
                                      &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (q);
  g_autoptr (DlCqlRun) run = dl_cql_run_new (q, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (run);
  static const struct {
    const char *word, *fold, *stem, *lemma, *lang;
    gboolean met;
  } tokens[] = {
    { "KARABAĞ'IN", "karabağ'ın", "karabağ", "karabağ", "tr", TRUE },
    { "Karabağ'ın", "karabağ'ın", "karabağ", "karabağ", "en", FALSE },
    { "Ali’nin", "ali'nin", "ali", "ali", "tr", TRUE },
    { "Ali'nin", "ali'nin", "ali", "ali", "tr", FALSE },
    { "gitti", "gitti", "git", "git", "tr", TRUE },
    { "gidiyor", "gidiyor", "gidiyor", "git", "tr", FALSE },
    { "X", "x", "x", "x", "en", TRUE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      const char *values[DL_CQL_ATTRS]
          = { tokens[i].word, tokens[i].fold, tokens[i].stem, tokens[i].lemma, tokens[i].lang };
      guint64 mask;
      CU_ASSERT_TRUE (dl_cql_run_test (run, values, &mask, &error));
      DL_ASSERT_INT_EQ_FOR (tokens[i].word, dl_cql_run_feed (run, mask), tokens[i].met ? 1 : 0);
    }
}

static void
test_where_matches_lie (void)
{
  /* Conditions with some tests unknown (here word's): may a token meet
   * them? Tests: 0 word a, 1 fold b, 2 fold c, 3 lang en, 4 word x. */
  g_autoptr (GError) error = NULL;
  g_autoptr (DlCql) q = dl_cql_parse ("[word=\"a\" & fold=\"b\"] [!fold=\"c\"] "
                                      "[lang=\"en\" | word=\"x\"] []",
                                      &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (q);
  DL_ASSERT_INT_EQ (dl_cql_n_conds (q), 4);
  const guint64 folds = 0xe, all = 0x1f;
  static const struct {
    guint cond;
    guint64 mask;
    gboolean known_all, may;
  } cases[] = {
    { 0, 0x2, FALSE, TRUE }, { 0, 0x0, FALSE, FALSE }, { 0, 0x2, TRUE, FALSE },
    { 0, 0x3, TRUE, TRUE },  { 1, 0x4, FALSE, FALSE }, { 1, 0x0, FALSE, TRUE },
    { 2, 0x8, FALSE, TRUE }, { 2, 0x0, FALSE, TRUE },  { 2, 0x0, TRUE, FALSE },
    { 2, 0x10, TRUE, TRUE }, { 3, 0x0, TRUE, TRUE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = g_strdup_printf ("case %" G_GSIZE_FORMAT, i);
      DL_ASSERT_INT_EQ_FOR (
          label,
          dl_cql_cond_may (q, cases[i].cond, cases[i].mask, cases[i].known_all ? all : folds),
          cases[i].may);
    }
  DL_ASSERT_INT_EQ (dl_cql_cond_anchors (q, 0), TRUE);
  DL_ASSERT_INT_EQ (dl_cql_cond_anchors (q, 3), FALSE);

  /* Places every match has a token in, from each condition's places. */
  static const struct {
    const char *query;
    const char *sets[5]; /* per condition, one character a place */
    const char *out;     /* NULL: none */
  } anchors[] = {
    /* a, [], b, c, d: the alternative's union (2 places) beats a's 3; d
     * is optional. */
    { "\"a\" []{0,3} (\"b\" | \"c\") \"d\"?",
      { "110100", NULL, "001000", "000010", "111111" },
      "001010" },
    { "\"a\" \"b\"", { "100000", "011000" }, "100000" },
    { "\"a\"? []", { "100000", NULL }, NULL },
    { "(\"a\" | []) \"b\"", { "100000", NULL, "000001" }, "000001" },
    { "(\"a\" | []) \"b\"*", { "100000", NULL, "000001" }, NULL },
    { "(\"a\" \"b\"){2} | \"c\"+", { "110000", "010000", "000001" }, "010001" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (anchors); i++)
    {
      g_autoptr (DlCql) a = dl_cql_parse (anchors[i].query, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (a);
      guint8 *sets[5] = { NULL };
      for (guint c = 0; c < dl_cql_n_conds (a) && c < 5; c++)
        if (anchors[i].sets[c] != NULL && dl_cql_cond_anchors (a, c))
          {
            sets[c] = g_malloc (6);
            for (int b = 0; b < 6; b++)
              sets[c][b] = anchors[i].sets[c][b] == '1';
          }
      guint8 out[6];
      gboolean said = dl_cql_anchor (a, sets, 6, out);
      char got[7] = { 0 };
      for (int b = 0; said && b < 6; b++)
        got[b] = out[b] ? '1' : '0';
      DL_ASSERT_STR_EQ_FOR (anchors[i].query, said ? got : NULL, anchors[i].out);
      for (int c = 0; c < 5; c++)
        g_free (sets[c]);
    }
}

/* The literal every value a test matches holds (the prefilter's), and
 * the conditions whose tokens every match has, chosen by cost. */
static void
test_needles (void)
{
  static const struct {
    const char *test;
    const char *needle; /* "": none */
    const char *prefix; /* what every value starts with; "": none */
  } needles[] = {
    { "savaş", "savaş", "savaş" },
    { "savaş.*", "savaş", "savaş" },
    { ".*karabağ", "karabağ", "" },
    { "s.vaş", "vaş", "s" },
    { "sa.aş", "sa", "sa" }, /* the first of the longest */
    /* A quantifier may leave out the character before it, not those
     * before that; x+ holds x once. */
    { "savaşlar?", "savaşla", "savaşla" },
    { "ab*cdefg", "cdefg", "a" },
    { "abcde{0,2}f", "abcd", "abcd" },
    { "abc+defg", "defg", "abc" },
    { "abcd+e", "abcd", "abcd" },
    { "a+?bc", "bc", "a" },
    { "a?bcd", "bcd", "" },
    /* Up to an escape, a set or a group, which may hold anything. */
    { "savaş\\w*", "savaş", "savaş" },
    { "sav[aeı]ş", "sav", "sav" },
    { "(yeni )?savaş", "", "" },
    { "kara(bağ)?", "kara", "kara" },
    { "[0-9]+", "", "" },
    { "^türk$", "türk", "" },
    /* An alternative anywhere; nothing but quantified characters. */
    { "savaş|barış", "", "" },
    { "(savaş|barış)lar", "", "" },
    { "a?b?", "", "" },
    { ".*", "", "" },
    /* %c: Unicode's folding is not the matcher's. */
    { "savaş\"%c", "", "" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = g_strdup_printf (
          "[fold=\"%s%s]", needles[i].test, g_str_has_suffix (needles[i].test, "%c") ? "" : "\"");
      g_autoptr (DlCql) q = dl_cql_parse (text, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (q);
      g_autoptr (GString) got = g_string_new ("junk");
      gboolean has = dl_cql_test_needle (q, 0, got);
      DL_ASSERT_STR_EQ_FOR (text, got->str, needles[i].needle);
      DL_ASSERT_INT_EQ_FOR (text, has, needles[i].needle[0] != '\0');
      g_string_assign (got, "junk");
      has = dl_cql_test_prefix (q, 0, got);
      DL_ASSERT_STR_EQ_FOR (text, got->str, needles[i].prefix);
      DL_ASSERT_INT_EQ_FOR (text, has, needles[i].prefix[0] != '\0');
    }

  /* Conditions chosen: a sequence's cheaper part, an alternative's parts
   * (costs added), none where a part has nothing to search for. */
  static const struct {
    const char *query;
    guint64 cost[5]; /* per condition; 0: none */
    const char *out; /* one character a condition; NULL: none */
  } anchors[] = {
    { "\"a\" \"b\"", { 5, 3 }, "01" },
    { "\"a\" \"b\"", { 3, 5 }, "10" },
    { "\"a\" \"b\"", { 0, 5 }, "01" },
    { "\"a\" (\"b\" | \"c\")", { 5, 2, 2 }, "011" },
    { "\"a\" (\"b\" | \"c\")", { 3, 2, 2 }, "100" },
    { "\"a\" (\"b\" | \"c\")", { 0, 2, 0 }, NULL },
    { "\"a\"? [] \"b\"?", { 1, 1, 1 }, NULL },
    /* [] says nothing, whatever its cost. */
    { "\"a\"+ []{0,2} \"b\"{2}", { 4, 1, 3 }, "001" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (anchors); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DlCql) q = dl_cql_parse (anchors[i].query, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (q);
      guint n = dl_cql_n_conds (q);
      guint64 cost[5];
      for (guint c = 0; c < n; c++)
        cost[c] = anchors[i].cost[c] == 0 ? G_MAXUINT64 : anchors[i].cost[c];
      guint8 out[5];
      gboolean said = dl_cql_anchor_conds (q, cost, out);
      char got[6] = { 0 };
      for (guint c = 0; said && c < n; c++)
        got[c] = out[c] ? '1' : '0';
      g_autofree char *label = g_strdup_printf ("%s, case %" G_GSIZE_FORMAT, anchors[i].query, i);
      DL_ASSERT_STR_EQ_FOR (label, said ? got : NULL, anchors[i].out);
    }
}

/* ---- random queries against GRegex ---- */

/* A random part of a query over the tokens a, b, c as CQL into @cql and
 * as a PCRE over their letters into @re (the oracle), as the evaluator
 * that checked test_match_table draws them. */
static void
random_part (GRand *rand, int depth, GString *cql, GString *re)
{
  static const char *const atoms[][2] = {
    { "\"a\"", "a" },
    { "\"b\"", "b" },
    { "\"c\"", "c" },
    { "[]", "." },
    { "[word!=\"a\"]", "[bc]" },
  };
  static const char *const quants[][2]
      = { { "", "" },         { "", "" },       { "?", "?" },         { "*", "*" },
          { "+", "+" },       { "{2}", "{2}" }, { "{1,3}", "{1,3}" }, { "{,2}", "{0,2}" },
          { "{2,}", "{2,}" }, { "{0}", "{0}" } };
  if (depth > 2 || g_rand_double (rand) < 0.5)
    {
      guint a = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (atoms));
      g_string_append (cql, atoms[a][0]);
      g_string_append (re, atoms[a][1]);
    }
  else
    {
      int k = g_rand_int_range (rand, 1, 4);
      gboolean alt = g_rand_boolean (rand);
      g_string_append (cql, "(");
      g_string_append (re, "(?:");
      for (int i = 0; i < k; i++)
        {
          if (i > 0)
            {
              g_string_append (cql, alt ? " | " : " ");
              if (alt)
                g_string_append_c (re, '|');
            }
          random_part (rand, depth + 1, cql, re);
        }
      g_string_append (cql, ")");
      g_string_append (re, ")");
    }
  guint q = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (quants));
  g_string_append (cql, quants[q][0]);
  g_string_append (re, quants[q][1]);
}

/* What matches_of gives, found by trying every span: for each end in
 * order, the earliest start after the previous match (and within
 * DL_CQL_MAX_SPAN, and in one sentence of @sentence tokens if that is not
 * 0) whose letters @re matches whole. */
static char *
brute_matches (GRegex *re, const char *letters, guint sentence)
{
  GString *out = g_string_new (NULL);
  glong n = (glong) strlen (letters);
  glong next = 0;
  for (glong e = 0; e < n; e++)
    for (glong s = MAX (next, e - DL_CQL_MAX_SPAN + 1); s <= e; s++)
      {
        if (sentence > 0 && s / sentence != e / sentence)
          continue;
        if (g_regex_match_full (re, letters + s, e - s + 1, 0, 0, NULL, NULL))
          {
            g_string_append_printf (out, "%s%ld:%ld", out->len > 0 ? " " : "", s, e - s + 1);
            next = e + 1;
            break;
          }
      }
  return g_string_free (out, FALSE);
}

static void
test_match_random_against_gregex (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (18);
  guint compared = 0, refused = 0;
  for (int it = 0; it < 600; it++)
    {
      g_autoptr (GString) cql = g_string_new (NULL);
      g_autoptr (GString) re = g_string_new ("^(?:");
      int parts = g_rand_int_range (rand, 1, 4);
      for (int p = 0; p < parts; p++)
        {
          if (p > 0)
            g_string_append_c (cql, ' ');
          random_part (rand, 0, cql, re);
        }
      g_string_append (re, ")$");
      guint sentence = g_rand_double (rand) < 0.3 ? 7 : 0;
      if (sentence > 0)
        g_string_append (cql, " within s");
      g_autoptr (GError) error = NULL;
      g_autoptr (GRegex) rx = g_regex_new (re->str, G_REGEX_OPTIMIZE, 0, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (rx);
      if (g_regex_match (rx, "", 0, NULL))
        {
          /* A query that matches the empty sequence is refused. */
          g_autoptr (DlCql) q = dl_cql_parse (cql->str, &error);
          DL_ASSERT_TRUE_FOR (cql->str, q == NULL);
          refused++;
          continue;
        }
      char letters[41];
      guint n = (guint) g_rand_int_range (rand, 1, 41);
      for (guint i = 0; i < n; i++)
        letters[i] = "aabc"[g_rand_int_range (rand, 0, 4)];
      letters[n] = '\0';
      /* The tokens, with | at each sentence's end. */
      GString *tokens = g_string_new (NULL);
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (tokens, sentence > 0 && i % sentence == 0 ? " | " : " ");
          g_string_append_c (tokens, letters[i]);
        }
      g_autofree char *got = matches_of (cql->str, tokens->str);
      g_autofree char *expected = brute_matches (rx, letters, sentence);
      g_autofree char *label = g_strdup_printf ("%s on %s", cql->str, tokens->str);
      DL_ASSERT_STR_EQ_FOR (label, got, expected);
      g_string_free (tokens, TRUE);
      compared++;
    }
  /* Both kinds were drawn often enough to mean something. */
  CU_ASSERT_TRUE (compared > 300);
  CU_ASSERT_TRUE (refused > 30);
}

void
test_cql_suite (void)
{
  CU_pSuite s = CU_add_suite ("cql", NULL, NULL);
  CU_add_test (s, "parse_errors_say_where", test_parse_errors_say_where);
  CU_add_test (s, "parse_shapes", test_parse_shapes);
  CU_add_test (s, "match_table", test_match_table);
  CU_add_test (s, "match_span_limit", test_match_span_limit);
  CU_add_test (s, "attributes", test_attributes);
  CU_add_test (s, "where_matches_lie", test_where_matches_lie);
  CU_add_test (s, "needles", test_needles);
  CU_add_test (s, "match_random_against_gregex", test_match_random_against_gregex);
}
