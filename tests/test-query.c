/* test-query.c — parsing queries (kinds, terms, every malformed kind with
 * its message) and matching tokens: Turkish and English folding, apostrophes,
 * wildcards, regular expressions and their time limit, stems, exact case,
 * phrases. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "error.h"
#include "query.h"
#include "tests.h"

/* The terms of @text as "kind:text" joined by spaces (w, g, r). */
static char *
terms_of (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlQuery) q = dl_query_parse (text, &error);
  if (q == NULL)
    return g_strdup_printf ("error: %s", error->message);
  GString *s = g_string_new (NULL);
  static const char kinds[] = { 'w', 'g', 'r' };
  for (guint i = 0; i < dl_query_length (q); i++)
    g_string_append_printf (s, "%s%c:%s", i > 0 ? " " : "", kinds[dl_query_term_kind (q, i)],
                            dl_query_term_text (q, i));
  return g_string_free (s, FALSE);
}

static void
test_parse_kinds_and_terms (void)
{
  static const struct {
    const char *query, *terms;
  } cases[] = {
    { "savaş", "w:savaş" },
    { "  savaş  ", "w:savaş" },
    { "savaş*", "g:savaş*" },
    { "kad?n", "g:kad?n" },
    { "*’ın", "g:*’ın" },
    { "\"Dağlık Karabağ\"", "w:Dağlık w:Karabağ" },
    { "Dağlık Karabağ", "w:Dağlık w:Karabağ" },
    { "\"savaş\"", "w:savaş" },
    { "Nagorno-Karabakh", "w:Nagorno w:Karabakh" },
    { "Karabağ’da", "w:Karabağ’da" },
    { "1990’ların", "w:1990’ların" },
    { "savaş * barış", "w:savaş g:* w:barış" },
    { "/^ermeni/", "r:^ermeni" },
    { "/a b/", "r:a b" },
    { "İSTANBUL", "w:İSTANBUL" },
    /* Decomposed input is composed first (NFC), as the reader composes lines. */
    { "I\xcc\x87stanbul", "w:İstanbul" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = terms_of (cases[i].query);
      DL_ASSERT_STR_EQ_FOR (cases[i].query, got, cases[i].terms);
    }
}

static void
test_parse_malformed_queries_say_where (void)
{
  static const struct {
    const char *query, *message;
  } cases[] = {
    { "", "empty query" },
    { "   ", "empty query" },
    { "\"abc", "query \"abc: unbalanced quote at character 1" },
    { "a\"b", "query a\"b: unbalanced quote at character 2" },
    { "\"a\"b\"", "query \"a\"b\": unbalanced quote at character 3" },
    { "/x(/", "query /x(/: bad regular expression at character 4: unbalanced parenthesis" },
    { "/[a/", "query /[a/: bad regular expression" },
    { "/a{2,1}/", "query /a{2,1}/: bad regular expression" },
    { "//", "query //: empty regular expression" },
    { "/abc", "query /abc: the regular expression has no closing /" },
    { "...", "query ...: no word to look for" },
    { "\"\"", "query \"\": no word to look for" },
    { "a b c d e f g h i j k l m n o p q", "at most 16 words" },
    { "sava\xc5", "not valid UTF-8" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DlQuery) q = dl_query_parse (cases[i].query, &error);
      CU_ASSERT_PTR_NULL (q);
      CU_ASSERT_TRUE_FATAL (error != NULL);
      CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
      DL_ASSERT_STR_CONTAINS_FOR (cases[i].query, error->message, cases[i].message);
    }
}

static void
test_queries_file (void)
{
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
  g_autoptr (GError) error = NULL;
  char *path
      = dl_test_temp_file ("q.txt", "# queries\r\nsavaş*\r\n\n\"Dağlık Karabağ\"\n/^ermeni/", -1);
  CU_ASSERT_TRUE (dl_query_read_file (path, queries, &error));
  CU_ASSERT_EQUAL_FATAL (queries->len, 3);
  CU_ASSERT_STRING_EQUAL (dl_query_text (queries->pdata[0]), "savaş*");
  CU_ASSERT_EQUAL (dl_query_length (queries->pdata[1]), 2);
  CU_ASSERT_EQUAL (dl_query_term_kind (queries->pdata[2], 0), DL_TERM_REGEX);

  /* A bad query is pointed at by FILE:LINE. */
  CU_ASSERT_TRUE (g_file_set_contents (path, "savaş\n\n/x(/\n", -1, NULL));
  CU_ASSERT_FALSE (dl_query_read_file (path, queries, &error));
  CU_ASSERT_TRUE_FATAL (error != NULL);
  g_autofree char *prefix = g_strdup_printf ("%s:3: query /x(/", path);
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, prefix));
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
  g_clear_error (&error);
  CU_ASSERT_TRUE (g_file_set_contents (path, "# nothing\n\n", -1, NULL));
  CU_ASSERT_FALSE (dl_query_read_file (path, queries, &error));
  g_clear_error (&error);
  g_remove (path);
  CU_ASSERT_FALSE (dl_query_read_file (path, queries, &error));
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, path));
  dl_test_temp_remove (path); /* its directory; the file is gone */
}

/* Whether the single token @token of a line in @lang matches @query. */
static gboolean
matches (const char *query, DlUnit unit, DlCase casing, DlLang lang, const char *token)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlQuery) q = dl_query_parse (query, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (q);
  DlQueryOptions o = { .unit = unit, .casing = casing };
  /* Units come from a corpus: here the token alone. */
  g_autoptr (DlTestUnits) tu = unit != DL_UNIT_FORM ? dl_test_units_new (token, lang, unit) : NULL;
  if (tu != NULL)
    o.units[lang] = dl_test_units_get (tu);
  g_autoptr (DlMatcher) m = dl_matcher_new (&q, 1, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  const DlMatch *hits;
  guint n;
  CU_ASSERT_TRUE (dl_matcher_token (m, lang, token, strlen (token), &hits, &n, &error));
  /* Asked again, the cached answer is the same. */
  const DlMatch *again;
  guint n2;
  dl_matcher_reset (m);
  CU_ASSERT_TRUE (dl_matcher_token (m, lang, token, strlen (token), &again, &n2, &error));
  CU_ASSERT_EQUAL (n, n2);
  return n == 1;
}

static void
test_match_table (void)
{
  static const struct {
    const char *query;
    DlUnit unit;
    DlCase casing;
    DlLang lang;
    const char *token;
    gboolean match;
  } cases[] = {
    /* Turkish dotless and dotted i, by the line's language. */
    { "ırak", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "IRAK", TRUE },
    { "ırak", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "Irak", TRUE },
    { "ırak", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "ırak", TRUE },
    { "ırak", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "irak", FALSE },
    { "IRAK", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "ırak", TRUE },
    { "irak", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "İRAK", TRUE },
    { "irak", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "IRAK", FALSE },
    { "istanbul", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "İSTANBUL", TRUE },
    { "istanbul", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "ISTANBUL", FALSE },
    { "istanbul", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_EN, "ISTANBUL", TRUE },
    { "istanbul", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_EN, "İstanbul", TRUE },
    { "İSTANBUL", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_EN, "Istanbul", TRUE },
    { "İSTANBUL", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "istanbul", TRUE },
    { "it", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_EN, "It", TRUE },
    { "it", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_EN, "IT", TRUE },
    { "it", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "IT", FALSE },
    { "it", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_OTHER, "IT", TRUE },
    /* Apostrophes are one. */
    { "karabağ'da", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "Karabağ’da", TRUE },
    { "Karabağ’da", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "KARABAĞʼDA", TRUE },
    { "karabağ", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "Karabağ’da", FALSE },
    /* Wildcards, on characters. */
    { "savaş*", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "SAVAŞTA", TRUE },
    { "savaş*", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "savaş", TRUE },
    { "savaş*", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "savas", FALSE },
    { "kad?n", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "kadın", TRUE },
    { "kad?n", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "kadının", FALSE },
    { "*’ın", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "Azerbaycan'ın", TRUE },
    { "*’ın", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "Azerbaycan'in", FALSE },
    { "*a*a*", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "Karabağ", TRUE },
    { "*a*a*a*a", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "Karabağ", FALSE },
    { "?", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "ş", TRUE },
    { "?", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "şu", FALSE },
    /* Regular expressions, on the normalized form. */
    { "/^ermeni/", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "ERMENİSTAN", TRUE },
    { "/^ermeni/", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "Ermeniler", TRUE },
    { "/^ermeni/", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "Kermeni", FALSE },
    { "/ı$/", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_TR, "SAVAŞI", TRUE },
    { "/ı$/", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_EN, "SAVAŞI", FALSE },
    { "/^[a-z]+'s$/", DL_UNIT_FORM, DL_CASE_FOLD, DL_LANG_EN, "Russia’s", TRUE },
    /* Stems: the units of the corpus (here the token alone); a word the
     * corpus lacks by its stem, an apostrophe suffix off first. */
    { "savaş", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_TR, "savaşın", TRUE },
    { "savaş", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_TR, "savaşta", TRUE },
    /* Alone, Savaşı’nın shows a name, Savaşı, which is not stemmed. */
    { "savaş", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_TR, "Savaşı’nın", FALSE },
    { "savaşı", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_TR, "Savaşı’nın", TRUE },
    { "savaş", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_TR, "barış", FALSE },
    { "Karabağ", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_TR, "Karabağ’da", TRUE },
    { "Karabağ", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_TR, "KARABAĞ", TRUE },
    { "Karabağ’da", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_TR, "Karabağ’ın", TRUE },
    { "war", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_EN, "wars", TRUE },
    { "azerbaijan", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_EN, "Azerbaijan’s", TRUE },
    /* Patterns stay on the form under --unit stem. */
    { "savaş*", DL_UNIT_STEM, DL_CASE_FOLD, DL_LANG_TR, "savaşçı", TRUE },
    /* Exact case: only apostrophes are one. */
    { "Savaş", DL_UNIT_FORM, DL_CASE_KEEP, DL_LANG_TR, "Savaş", TRUE },
    { "Savaş", DL_UNIT_FORM, DL_CASE_KEEP, DL_LANG_TR, "savaş", FALSE },
    { "Savaş", DL_UNIT_FORM, DL_CASE_KEEP, DL_LANG_TR, "SAVAŞ", FALSE },
    { "Karabağ'da", DL_UNIT_FORM, DL_CASE_KEEP, DL_LANG_TR, "Karabağ’da", TRUE },
    { "Sav*", DL_UNIT_FORM, DL_CASE_KEEP, DL_LANG_TR, "savaş", FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean got
          = matches (cases[i].query, cases[i].unit, cases[i].casing, cases[i].lang, cases[i].token);
      g_autofree char *label = g_strdup_printf ("%s on %s (%s)", cases[i].query, cases[i].token,
                                                dl_lang_code (cases[i].lang));
      DL_ASSERT_INT_EQ_FOR (label, got, cases[i].match);
    }
}

/* Feeds @tokens (NULL-terminated; "|" resets) to a matcher of @queries
 * (NULL-terminated) and writes each match as "i:q/len" (token index,
 * query, length). */
static char *
phrase_matches_how (const char *const *queries, const char *const *tokens, gboolean by_form)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) qs = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
  for (guint i = 0; queries[i] != NULL; i++)
    g_ptr_array_add (qs, g_str_has_prefix (queries[i], "cql:")
                             ? dl_query_parse_cql (queries[i] + 4, &error)
                             : dl_query_parse (queries[i], &error));
  DlQueryOptions o = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
  g_autoptr (DlMatcher) m = dl_matcher_new ((DlQuery *const *) qs->pdata, qs->len, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  GString *s = g_string_new (NULL);
  /* By form: each text numbered in order of first sight in its input. */
  g_autoptr (GHashTable) forms = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (strcmp (tokens[i], "|") == 0 || strcmp (tokens[i], "||") == 0)
        {
          dl_matcher_reset (m);
          if (strcmp (tokens[i], "||") == 0)
            {
              /* A new input: its forms are numbered afresh. */
              dl_matcher_forget_forms (m);
              g_hash_table_remove_all (forms);
            }
          continue;
        }
      const DlMatch *hits;
      guint n;
      if (!g_hash_table_contains (forms, tokens[i]))
        g_hash_table_insert (forms, (gpointer) tokens[i],
                             GUINT_TO_POINTER (g_hash_table_size (forms)));
      guint32 form = GPOINTER_TO_UINT (g_hash_table_lookup (forms, tokens[i]));
      gboolean ok = by_form ? dl_matcher_token_form (m, DL_LANG_TR, form, tokens[i],
                                                     strlen (tokens[i]), &hits, &n, &error)
                            : dl_matcher_token (m, DL_LANG_TR, tokens[i], strlen (tokens[i]), &hits,
                                                &n, &error);
      CU_ASSERT_TRUE (ok);
      for (guint k = 0; k < n; k++)
        g_string_append_printf (s, "%s%u:%u/%u", s->len > 0 ? " " : "", i, hits[k].query,
                                hits[k].length);
    }
  return g_string_free (s, FALSE);
}

/* The matches of @queries in @tokens, asked by text and by form number,
 * which must agree. */
static char *
phrase_matches (const char *const *queries, const char *const *tokens)
{
  char *by_text = phrase_matches_how (queries, tokens, FALSE);
  g_autofree char *by_form = phrase_matches_how (queries, tokens, TRUE);
  CU_ASSERT_STRING_EQUAL (by_text, by_form);
  return by_text;
}

static void
test_match_phrases (void)
{
  const char *const q1[] = { "\"Dağlık Karabağ\"", "karabağ", NULL };
  const char *const t1[]
      = { "DAĞLIK", "KARABAĞ", "dağlık", "Dağlık", "Karabağ’da", "dağlık", "|", "karabağ", NULL };
  g_autofree char *got = phrase_matches (q1, t1);
  /* "Dağlık Karabağ’da" is no phrase hit (karabağ'da is not karabağ); the
   * reset breaks the last one. */
  CU_ASSERT_STRING_EQUAL (got, "1:0/2 1:1/1 7:1/1");

  const char *const q2[] = { "savaş * barış", "a a", NULL };
  const char *const t2[] = { "savaş", "ve", "barış", "savaş", "barış", "a", "a", "a", NULL };
  g_autofree char *got2 = phrase_matches (q2, t2);
  /* Overlapping matches are all given. */
  CU_ASSERT_STRING_EQUAL (got2, "2:0/3 6:1/2 7:1/2");

  /* Form numbers start again in a new input: form 0 is savaş, then barış. */
  const char *const q3[] = { "savaş", NULL };
  const char *const t3[]
      = { "savaş", "barış", "savaş", "||", "barış", "savaş", "||", "barış", NULL };
  g_autofree char *got3 = phrase_matches (q3, t3);
  CU_ASSERT_STRING_EQUAL (got3, "0:0/1 2:0/1 5:0/1");

  /* More terms than a mask word holds (70): forms that match a term of
   * the second word, of the first, or none, each seen again. */
  const char *q4[71];
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 70; i++)
    g_ptr_array_add (words, g_strdup_printf ("w%u", i));
  for (guint i = 0; i < 70; i++)
    q4[i] = words->pdata[i];
  q4[70] = NULL;
  const char *const t4[] = { "w69", "x", "w0", "w69", "w65", "x", "w0", "||", "w65", "w3", NULL };
  g_autofree char *got4 = phrase_matches (q4, t4);
  CU_ASSERT_STRING_EQUAL (got4, "0:69/1 2:0/1 3:69/1 4:65/1 6:0/1 8:65/1 9:3/1");

  /* A CQL query's tests after 62 terms: bits 62 to 65, across two mask
   * words. */
  const char *q5[64];
  for (guint i = 0; i < 62; i++)
    q5[i] = words->pdata[i];
  q5[62] = "cql:\"a\" [fold=\"b\" & lang=\"tr\"] \"c\"";
  q5[63] = NULL;
  const char *const t5[] = { "a", "B", "c", "w5", "a", "x", "c", "||", "a", "b", "c", NULL };
  g_autofree char *got5 = phrase_matches (q5, t5);
  CU_ASSERT_STRING_EQUAL (got5, "2:62/3 3:5/1 10:62/3");
}

static void
test_regex_time_limit (void)
{
  /* A catastrophic pattern on a long word ends with an error, not a hang;
   * the form is then no match, without a second error. */
  g_autoptr (GError) error = NULL;
  g_autoptr (DlQuery) q = dl_query_parse ("/^(a+)+$/", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (q);
  DlQueryOptions o = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
  g_autoptr (DlMatcher) m = dl_matcher_new (&q, 1, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  GString *word = g_string_new (NULL);
  for (int i = 0; i < 60; i++)
    g_string_append_c (word, 'a');
  g_string_append_c (word, 'b');
  const DlMatch *hits;
  guint n;
  CU_ASSERT_FALSE (dl_matcher_token (m, DL_LANG_EN, word->str, word->len, &hits, &n, &error));
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_DATA));
  CU_ASSERT_EQUAL (n, 0);
  g_clear_error (&error);
  CU_ASSERT_TRUE (dl_matcher_token (m, DL_LANG_EN, word->str, word->len, &hits, &n, &error));
  CU_ASSERT_EQUAL (n, 0);
  g_string_free (word, TRUE);
}

/* The start every folded form a term or a CQL condition matches has: what
 * an index's sorted words are searched by (hitblocks.c). "=" before an
 * exact form, "-" for none. */
static char *
prefix_of (DlMatcher *m, guint q, gint cond, guint t, DlLang lang)
{
  g_autoptr (GString) out = g_string_new ("junk");
  gboolean exact = TRUE;
  gboolean has = cond < 0 ? dl_matcher_term_prefix (m, t, lang, out, &exact)
                          : dl_matcher_cql_prefix (m, q, (guint) cond, lang, out, &exact);
  return has ? g_strdup_printf ("%s%s", exact ? "=" : "", out->str) : g_strdup ("-");
}

static void
test_prefixes_of_forms (void)
{
  g_autoptr (GError) error = NULL;
  static const char *const texts[] = { "savaş", "IRAK", "savaş*", "*stan", "k?d?n", "/^erm/" };
  DlQuery *q[G_N_ELEMENTS (texts) + 1];
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    q[i] = dl_query_parse (texts[i], &error);
  q[G_N_ELEMENTS (texts)]
      = dl_query_parse_cql ("[fold=\"savaş.*\"] \"Irak\" [word=\"Türk.*\"] [fold!=\"ve\"] "
                            "[fold=\"ab.*\" | fold=\"abc\"] [fold=\"abc.*\" & word=\"Abcd\"] "
                            "[fold=\"x.*\" & lang=\"tr\"]",
                            &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (q[G_N_ELEMENTS (texts)]);
  guint n = G_N_ELEMENTS (q);
  DlQueryOptions o = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
  DlMatcher *m = dl_matcher_new (q, n, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  /* Terms: a word is its form (IRAK folded by the language), a pattern
   * its letters before a wildcard, a regular expression none. */
  static const char *const tr[] = { "=savaş", "=ırak", "savaş", "-", "k", "-" };
  static const char *const en[] = { "=savaş", "=irak", "savaş", "-", "k", "-" };
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autofree char *a = prefix_of (m, 0, -1, t, DL_LANG_TR);
      g_autofree char *b = prefix_of (m, 0, -1, t, DL_LANG_EN);
      DL_ASSERT_STR_EQ_FOR (texts[t], a, tr[t]);
      DL_ASSERT_STR_EQ_FOR (texts[t], b, en[t]);
    }
  /* CQL conditions: a fold test's start, a plain word's fold (exact, and
   * preferred), none for a regular expression on word, a negation, an
   * alternative; lang is no help. */
  static const char *const conds_tr[] = { "savaş", "=ırak", "-", "-", "-", "=abcd", "x" };
  static const char *const conds_en[] = { "savaş", "=irak", "-", "-", "-", "=abcd", "x" };
  for (guint c = 0; c < G_N_ELEMENTS (conds_tr); c++)
    {
      g_autofree char *a = prefix_of (m, n - 1, (gint) c, 0, DL_LANG_TR);
      g_autofree char *b = prefix_of (m, n - 1, (gint) c, 0, DL_LANG_EN);
      g_autofree char *label = g_strdup_printf ("condition %u", c);
      DL_ASSERT_STR_EQ_FOR (label, a, conds_tr[c]);
      DL_ASSERT_STR_EQ_FOR (label, b, conds_en[c]);
    }
  dl_matcher_free (m);
  /* Case kept: forms are not folded, nothing is said. */
  o.casing = DL_CASE_KEEP;
  m = dl_matcher_new (q, n, &o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  g_autofree char *kept_term = prefix_of (m, 0, -1, 0, DL_LANG_TR);
  g_autofree char *kept_cond = prefix_of (m, n - 1, 0, 0, DL_LANG_TR);
  CU_ASSERT_STRING_EQUAL (kept_term, "-");
  CU_ASSERT_STRING_EQUAL (kept_cond, "-");
  dl_matcher_free (m);
  for (guint i = 0; i < n; i++)
    dl_query_free (q[i]);
}

void
test_query_suite (void)
{
  CU_pSuite s = CU_add_suite ("query", NULL, NULL);
  CU_add_test (s, "parse_kinds_and_terms", test_parse_kinds_and_terms);
  CU_add_test (s, "parse_malformed_queries_say_where", test_parse_malformed_queries_say_where);
  CU_add_test (s, "queries_file", test_queries_file);
  CU_add_test (s, "match_table", test_match_table);
  CU_add_test (s, "match_phrases", test_match_phrases);
  CU_add_test (s, "regex_time_limit", test_regex_time_limit);
  CU_add_test (s, "prefixes_of_forms", test_prefixes_of_forms);
}
