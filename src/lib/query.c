/* query.c — parsing queries, and matching tokens against them: each distinct
 * form of a line language is normalized and tested once, its result kept as
 * a bit mask over all the queries' terms; phrases are read off the masks of
 * the last tokens. */
#include "config.h"

#include "query.h"

#include <string.h>

#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "cql.h"
#include "error.h"
#include "icu.h"
#include "i18n.h"
#include "lexicon.h"
#include "normalize.h"
#include "tokenizer.h"

/* uregex_setTimeLimit's unit is some thousands of steps of the match engine,
 * "on the order of milliseconds": this stops a runaway pattern within about
 * a second, far above what any sane pattern needs on one word. */
#define REGEX_TIME_LIMIT 300

/* Forms remembered per language before the cache starts over: memory stays
 * bounded on a corpus of many millions of types. */
#define CACHE_MAX_FORMS (1u << 16)

typedef struct {
  DlTermKind kind;
  char *text; /* as written (NFC); a regex without its slashes */
} Term;

struct _DlQuery {
  char *text;
  DlCql *cql; /* a CQL query: no terms */
  guint n;
  Term terms[DL_QUERY_MAX_TERMS];
};

static const char *
regex_problem (UErrorCode status)
{
  switch (status)
    {
    case U_REGEX_MISMATCHED_PAREN:
      return _ ("unbalanced parenthesis");
    case U_REGEX_MISSING_CLOSE_BRACKET:
      return _ ("missing ]");
    case U_REGEX_BAD_ESCAPE_SEQUENCE:
      return _ ("bad escape sequence");
    case U_REGEX_RULE_SYNTAX:
      return _ ("syntax error");
    case U_REGEX_BAD_INTERVAL:
      return _ ("bad {min,max} interval");
    case U_REGEX_MAX_LT_MIN:
      return _ ("{min,max} with max below min");
    case U_REGEX_INVALID_RANGE:
      return _ ("bad range in a set");
    case U_REGEX_PROPERTY_SYNTAX:
      return _ ("bad \\p{property}");
    case U_REGEX_LOOK_BEHIND_LIMIT:
      return _ ("look-behind without a bounded length");
    default:
      return u_errorName (status);
    }
}

/* Compiles @pattern (UTF-8) for the query @query; NULL with @error
 * (DL_ERROR_USAGE) saying where it goes wrong. */
static URegularExpression *
regex_open (const char *pattern, const char *query, GError **error)
{
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = 0;
  u_strFromUTF8 (NULL, 0, &n, pattern, -1, &st);
  if (st == U_BUFFER_OVERFLOW_ERROR)
    st = U_ZERO_ERROR;
  g_autofree UChar *u = g_new (UChar, n + 1);
  u_strFromUTF8 (u, n + 1, NULL, pattern, -1, &st);
  UParseError pe = { 0 };
  URegularExpression *re = U_SUCCESS (st) ? uregex_open (u, n, 0, &pe, &st) : NULL;
  if (U_FAILURE (st))
    {
      /* The offset is in UTF-16 units of the pattern; past the slash, in
       * characters of the query for anything in the BMP. */
      /* Translators: a malformed regular expression in a query: the query,
         the character (counted from 1) where it goes wrong, the problem. */
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("query %s: bad regular expression at character %d: %s"), query,
                   (int) pe.offset + 2, regex_problem (st));
      if (re != NULL)
        uregex_close (re);
      return NULL;
    }
  uregex_setTimeLimit (re, REGEX_TIME_LIMIT, &st);
  return re;
}

void
dl_query_free (DlQuery *q)
{
  if (q == NULL)
    return;
  for (guint i = 0; i < q->n; i++)
    g_free (q->terms[i].text);
  dl_cql_free (q->cql);
  g_free (q->text);
  g_free (q);
}

/* Splits @body (@len bytes) into terms the way the tokenizer splits text,
 * wildcards counting as letters. */
static gboolean
parse_words (DlQuery *q, const char *body, gsize len, GError **error)
{
  g_autofree char *masked = g_strndup (body, len);
  for (char *p = masked; *p != '\0'; p++)
    if (*p == '*' || *p == '?')
      *p = 'a';
  g_autoptr (DlTokenizer) tok = dl_tokenizer_new (error);
  if (tok == NULL)
    return FALSE;
  guint n;
  const DlToken *t = dl_tokenizer_line (tok, masked, len, &n, error);
  if (t == NULL)
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("query %s: no word to look for"), q->text);
      return FALSE;
    }
  if (n > DL_QUERY_MAX_TERMS)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("query %s: a phrase can have at most %d words"), q->text, DL_QUERY_MAX_TERMS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      Term *term = &q->terms[q->n++];
      term->text = g_strndup (body + t[i].offset, t[i].len);
      term->kind = strpbrk (term->text, "*?") != NULL ? DL_TERM_GLOB : DL_TERM_WORD;
    }
  return TRUE;
}

/* Makes @q the regular expression of the query @s (@len bytes, `/.../`),
 * compiled here only to check it, so that a bad one is reported at once. */
static gboolean
parse_regex (DlQuery *q, const char *s, gsize len, GError **error)
{
  if (len < 2 || s[len - 1] != '/')
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("query %s: the regular expression has no closing /"), s);
      return FALSE;
    }
  if (len == 2)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("query %s: empty regular expression"), s);
      return FALSE;
    }
  g_autofree char *pattern = g_strndup (s + 1, len - 2);
  g_autoptr (URegularExpression) re = regex_open (pattern, s, error);
  if (re == NULL)
    return FALSE;
  q->terms[0].kind = DL_TERM_REGEX;
  q->terms[0].text = g_steal_pointer (&pattern);
  q->n = 1;
  return TRUE;
}

/* The words of the query @s (@len bytes) in [*body, *body + *body_len):
 * all of it, or what is inside one pair of double quotes around it all. */
static gboolean
words_body (const char *s, gsize len, const char **body, gsize *body_len, GError **error)
{
  const char *quote = strchr (s, '"');
  *body = s;
  *body_len = len;
  if (quote == NULL)
    return TRUE;
  /* One pair of quotes around everything, or a quote without partner: the
   * opening one if it is alone, else the first that is not the opening or
   * the closing one. */
  const char *second = strchr (s + 1, '"');
  const char *lone = NULL;
  if (quote != s)
    lone = quote;
  else if (second == NULL)
    lone = s;
  else if (second != s + len - 1)
    lone = second;
  if (lone != NULL)
    {
      /* Translators: a query with a double quote that has no partner;
         the number says where it is (characters counted from 1). */
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("query %s: unbalanced quote at character %ld (a phrase goes "
                      "in one pair of double quotes)"),
                   s, g_utf8_pointer_to_offset (s, lone) + 1);
      return FALSE;
    }
  *body = s + 1;
  *body_len = len - 2;
  return TRUE;
}

/* A query whose text is @text in NFC without the spaces around it; NULL
 * with @error if @text is not UTF-8. */
static DlQuery *
query_new (const char *text, GError **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("a query is not valid UTF-8"));
      return NULL;
    }
  DlQuery *q = g_new0 (DlQuery, 1);
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  q->text = g_strstrip (g_strdup (nfc));
  return q;
}

DlQuery *
dl_query_parse (const char *text, GError **error)
{
  g_autoptr (DlQuery) q = query_new (text, error);
  if (q == NULL)
    return NULL;
  const char *s = q->text;
  gsize len = strlen (s);
  if (len == 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("empty query"));
      return NULL;
    }

  if (s[0] == '/')
    {
      if (!parse_regex (q, s, len, error))
        return NULL;
      return g_steal_pointer (&q);
    }
  const char *body;
  gsize body_len;
  if (!words_body (s, len, &body, &body_len, error) || !parse_words (q, body, body_len, error))
    return NULL;
  return g_steal_pointer (&q);
}

DlQuery *
dl_query_parse_cql (const char *text, GError **error)
{
  g_autoptr (DlQuery) q = query_new (text, error);
  if (q == NULL || (q->cql = dl_cql_parse (q->text, error)) == NULL)
    return NULL;
  return g_steal_pointer (&q);
}

const DlCql *
dl_query_cql (const DlQuery *q)
{
  return q->cql;
}

guint
dl_query_max_tokens (const DlQuery *q)
{
  return q->cql != NULL ? dl_cql_max_length (q->cql) : q->n;
}

const char *
dl_query_text (const DlQuery *q)
{
  return q->text;
}

guint
dl_query_length (const DlQuery *q)
{
  return q->n;
}

DlTermKind
dl_query_term_kind (const DlQuery *q, guint i)
{
  g_return_val_if_fail (i < q->n, DL_TERM_WORD);
  return q->terms[i].kind;
}

const char *
dl_query_term_text (const DlQuery *q, guint i)
{
  g_return_val_if_fail (i < q->n, NULL);
  return q->terms[i].text;
}

gboolean
dl_query_read_file (const char *path, GPtrArray *queries, GError **error)
{
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr (GError) io = NULL;
  if (!g_file_get_contents (path, &contents, &len, &io))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("cannot read the queries: %s"), io->message);
      return FALSE;
    }
  if (memchr (contents, '\0', len) != NULL || !g_utf8_validate (contents, (gssize) len, NULL))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("%s: queries must be UTF-8 text"), path);
      return FALSE;
    }
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  guint found = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]); /* \r too */
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      DlQuery *q = dl_query_parse (lines[i], error);
      if (q == NULL)
        {
          g_prefix_error (error, "%s:%u: ", path, i + 1);
          return FALSE;
        }
      g_ptr_array_add (queries, q);
      found++;
    }
  if (found == 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("%s: no query in the file"), path);
      return FALSE;
    }
  return TRUE;
}

/* ---- matching ---- */

/* The unit of a word that names none in the corpus. */
#define NO_UNIT G_MAXUINT32

typedef struct {
  DlTermKind kind;
  GString *norm[DL_LANG_COUNT]; /* WORD: the form; GLOB: pattern */
  guint32 unit[DL_LANG_COUNT];  /* WORD, when units are not forms: its unit */
  URegularExpression *re;
} MTerm;

typedef char *LangFolds[DL_LANG_COUNT];

/* A CQL query's run and where its tests' results are in a mask. */
typedef struct {
  const DlCql *cql;
  DlCqlRun *run;
  guint bit; /* its first test's */
  /* Per test and language, a literal word test's text folded (the only
   * folded form a token it matches can have), or NULL. */
  LangFolds *literal_folds;
} MCql;

struct _DlMatcher {
  DlQueryOptions opts;
  guint n_queries;
  guint *first;  /* each query's first term */
  guint *length; /* each query's number of terms */
  MCql *cql;     /* per query: its run if it is one of CQL */
  gboolean any_cql;
  gboolean cql_uses[DL_CQL_ATTRS];
  int last_lang;                 /* of the last token fed; DL_LANG_COUNT: none since the reset */
  GString *values[DL_CQL_ATTRS]; /* a token's, for the CQL tests */
  guint n_terms, n_bits, stride, max_len;
  MTerm *terms;
  gboolean by_unit; /* words compare by unit (opts.units) */
  /* Every test is a fold and a comparison (words, wildcards): cheaper
   * than a lookup in the cache of a big vocabulary. */
  gboolean uncached;
  guint64 *scratch; /* stride guint64: the mask of an uncached form */
  DlNormalizer *norm;
  DlLexicon *cache[DL_LANG_COUNT];
  GArray *masks[DL_LANG_COUNT];      /* stride guint64 per cached form */
  GArray *by_form[DL_LANG_COUNT];    /* dl_matcher_token_form: guint32 per
                                        form of the input, 0 if not known yet,
                                        KNOWN_NONE if it matches no term, or
                                        KNOWN_NONE + 1 + k: its mask is the k-th
                                        of form_masks */
  GArray *form_masks[DL_LANG_COUNT]; /* stride guint64 per form that matches */
  guint64 *no_terms;                 /* stride guint64, all zero */
  guint64 *ring;                     /* masks of the last max_len tokens */
  guint64 fed;                       /* tokens since the last reset */
  GString *form;
  GArray *matches;
  UText *ut;
};

#define BIT_SET(mask, i) (((mask)[(i) / 64] >> ((i) % 64)) & 1)

/* The @n bits (1 to 64) of @mask from bit @first, as one word. */
static inline guint64
bits_at (const guint64 *mask, guint first, guint n)
{
  guint w = first / 64, o = first % 64;
  guint64 v = mask[w] >> o;
  if (o != 0 && o + n > 64)
    v |= mask[w + 1] << (64 - o);
  return n == 64 ? v : v & ((G_GUINT64_CONSTANT (1) << n) - 1);
}

/* Folds the text of each of @mc's literal word tests by each language. */
static void
cql_literal_folds (DlMatcher *m, MCql *mc)
{
  guint n = dl_cql_n_tests (mc->cql);
  mc->literal_folds = g_new0 (LangFolds, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const char *literal = dl_cql_test_literal (mc->cql, i);
      if (dl_cql_test_attr (mc->cql, i) != DL_CQL_WORD || literal == NULL)
        continue;
      for (int l = 0; l < DL_LANG_COUNT; l++)
        {
          GString *f = g_string_new (NULL);
          dl_normalizer_fold (m->norm, (DlLang) l, literal, strlen (literal), f);
          mc->literal_folds[i][l] = g_string_free (f, FALSE);
        }
    }
}

void
dl_matcher_free (DlMatcher *m)
{
  if (m == NULL)
    return;
  for (guint q = 0; m->cql != NULL && q < m->n_queries; q++)
    {
      dl_cql_run_free (m->cql[q].run);
      for (guint i = 0; m->cql[q].literal_folds != NULL && i < dl_cql_n_tests (m->cql[q].cql); i++)
        for (int l = 0; l < DL_LANG_COUNT; l++)
          g_free (m->cql[q].literal_folds[i][l]);
      g_free (m->cql[q].literal_folds);
    }
  g_free (m->cql);
  for (int a = 0; a < DL_CQL_ATTRS; a++)
    if (m->values[a] != NULL)
      g_string_free (m->values[a], TRUE);
  for (guint i = 0; i < m->n_terms; i++)
    {
      for (int l = 0; l < DL_LANG_COUNT; l++)
        if (m->terms[i].norm[l] != NULL)
          g_string_free (m->terms[i].norm[l], TRUE);
      g_clear_pointer (&m->terms[i].re, uregex_close);
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      dl_lexicon_free (m->cache[l]);
      if (m->masks[l] != NULL)
        g_array_free (m->masks[l], TRUE);
      if (m->by_form[l] != NULL)
        g_array_free (m->by_form[l], TRUE);
      if (m->form_masks[l] != NULL)
        g_array_free (m->form_masks[l], TRUE);
    }
  if (m->ut != NULL)
    utext_close (m->ut);
  dl_normalizer_free (m->norm);
  g_string_free (m->form, TRUE);
  g_array_free (m->matches, TRUE);
  g_free (m->terms);
  g_free (m->first);
  g_free (m->length);
  g_free (m->ring);
  g_free (m->no_terms);
  g_free (m->scratch);
  g_free (m);
}

void
dl_matcher_form (DlMatcher *m, DlLang lang, const char *text, gsize len, GString *out)
{
  if (m->opts.casing == DL_CASE_KEEP)
    dl_normalize_apostrophes (text, len, out);
  else
    dl_normalizer_fold (m->norm, lang, text, len, out);
}

/* The unit of the normalized word @form in @lang, when words compare by
 * unit: NO_UNIT if the corpus has none (or no units for @lang). */
static guint32
word_unit (const DlMatcher *m, DlLang lang, const GString *form)
{
  guint32 unit;
  DlUnits *units = m->opts.units[lang];
  if (!m->by_unit || units == NULL || !dl_units_find (units, form->str, form->len, &unit))
    return NO_UNIT;
  return unit;
}

DlMatcher *
dl_matcher_new (DlQuery *const *queries, guint n, const DlQueryOptions *options, GError **error)
{
  g_return_val_if_fail (n > 0, NULL);
  g_autoptr (DlMatcher) m = g_new0 (DlMatcher, 1);
  m->opts = *options;
  m->form = g_string_new (NULL);
  m->matches = g_array_new (FALSE, FALSE, sizeof (DlMatch));
  m->n_queries = n;
  m->first = g_new (guint, n);
  m->length = g_new (guint, n);
  m->cql = g_new0 (MCql, n);
  for (guint q = 0; q < n; q++)
    {
      m->first[q] = m->n_terms;
      m->length[q] = dl_query_length (queries[q]);
      m->n_terms += m->length[q];
      m->max_len = MAX (m->max_len, m->length[q]);
    }
  /* The CQL tests' results after the terms'. */
  m->n_bits = m->n_terms;
  for (guint q = 0; q < n; q++)
    {
      const DlCql *cql = dl_query_cql (queries[q]);
      if (cql == NULL)
        continue;
      m->any_cql = TRUE;
      m->cql[q].cql = cql;
      m->cql[q].bit = m->n_bits;
      m->n_bits += dl_cql_n_tests (cql);
      if ((m->cql[q].run = dl_cql_run_new (cql, error)) == NULL)
        return NULL;
      for (guint i = 0; i < dl_cql_n_tests (cql); i++)
        m->cql_uses[dl_cql_test_attr (cql, i)] = TRUE;
    }
  for (int a = 0; a < DL_CQL_ATTRS; a++)
    m->values[a] = g_string_new (NULL);
  m->stride = MAX ((m->n_bits + 63) / 64, 1);
  m->terms = g_new0 (MTerm, m->n_terms);
  m->ring = g_new0 (guint64, (gsize) m->stride * MAX (m->max_len, 1));
  m->no_terms = g_new0 (guint64, m->stride);
  m->norm = dl_normalizer_new (error);
  if (m->norm == NULL)
    return NULL;
  for (guint q = 0; q < n; q++)
    if (m->cql[q].cql != NULL)
      cql_literal_folds (m, &m->cql[q]);
  m->by_unit = options->unit != DL_UNIT_FORM;
  m->last_lang = DL_LANG_COUNT;

  for (guint q = 0, t = 0; q < n; q++)
    for (guint i = 0; i < m->length[q]; i++, t++)
      {
        MTerm *mt = &m->terms[t];
        const char *text = dl_query_term_text (queries[q], i);
        mt->kind = dl_query_term_kind (queries[q], i);
        if (mt->kind == DL_TERM_REGEX)
          {
            if ((mt->re = regex_open (text, dl_query_text (queries[q]), error)) == NULL)
              return NULL;
            continue;
          }
        for (int l = 0; l < DL_LANG_COUNT; l++)
          {
            mt->norm[l] = g_string_new (NULL);
            dl_matcher_form (m, l, text, strlen (text), mt->norm[l]);
            mt->unit[l] = word_unit (m, l, mt->norm[l]);
          }
      }
  m->uncached = !m->any_cql && !m->by_unit;
  for (guint i = 0; i < m->n_terms; i++)
    if (m->terms[i].kind == DL_TERM_REGEX)
      m->uncached = FALSE;
  m->scratch = g_new0 (guint64, m->stride);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      m->cache[l] = dl_lexicon_new ();
      m->masks[l] = g_array_new (FALSE, TRUE, sizeof (guint64));
      m->by_form[l] = g_array_new (FALSE, TRUE, sizeof (guint32));
      m->form_masks[l] = g_array_new (FALSE, FALSE, sizeof (guint64));
    }
  return g_steal_pointer (&m);
}

void
dl_matcher_reset (DlMatcher *m)
{
  m->fed = 0;
  m->last_lang = DL_LANG_COUNT;
  for (guint q = 0; q < m->n_queries; q++)
    if (m->cql[q].run != NULL)
      dl_cql_run_reset (m->cql[q].run);
}

void
dl_matcher_line (DlMatcher *m, DlLang lang, gboolean icu_start)
{
  if (!m->any_cql)
    return;
  dl_matcher_boundary (m, DL_CQL_WITHIN_LINE);
  /* Where the VRT export closes an <s>: a sentence's end, a change of
   * language. */
  if (icu_start || (m->last_lang != DL_LANG_COUNT && m->last_lang != (int) lang))
    dl_matcher_boundary (m, DL_CQL_WITHIN_SENTENCE);
}

gboolean
dl_matcher_within (const DlMatcher *m, DlCqlWithin within)
{
  for (guint q = 0; q < m->n_queries; q++)
    if (m->cql[q].cql != NULL && dl_cql_within (m->cql[q].cql) == within)
      return TRUE;
  return FALSE;
}

void
dl_matcher_boundary (DlMatcher *m, DlCqlWithin within)
{
  for (guint q = 0; q < m->n_queries; q++)
    if (m->cql[q].cql != NULL && dl_cql_within (m->cql[q].cql) == within)
      dl_cql_run_reset (m->cql[q].run);
}

/* The character at @p (bytes up to @end) as a byte length. */
static gsize
char_len (const char *p, const char *end)
{
  gsize n = (guchar) *p < 0x80 ? 1 : (gsize) (g_utf8_next_char (p) - p);
  return MIN (n, (gsize) (end - p));
}

/* Glob matching on characters: * any run, ? one character. */
static gboolean
glob_match (const char *p, const char *pe, const char *s, const char *se)
{
  const char *star_p = NULL, *star_s = NULL;
  while (s < se)
    {
      if (p < pe && *p == '*')
        {
          star_p = ++p;
          star_s = s;
          continue;
        }
      if (p < pe && *p == '?')
        {
          p++;
          s += char_len (s, se);
          continue;
        }
      if (p < pe)
        {
          gsize n = char_len (p, pe);
          if ((gsize) (se - s) >= n && memcmp (p, s, n) == 0)
            {
              p += n;
              s += n;
              continue;
            }
        }
      if (star_p == NULL)
        return FALSE;
      p = star_p;
      star_s += char_len (star_s, se);
      s = star_s;
    }
  while (p < pe && *p == '*')
    p++;
  return p == pe;
}

/* Whether the regex of @t finds a match in @form; FALSE with @error when
 * it runs out of time. */
static gboolean
regex_find (DlMatcher *m, MTerm *t, const GString *form, gboolean *found, GError **error)
{
  UErrorCode st = U_ZERO_ERROR;
  m->ut = utext_openUTF8 (m->ut, form->str, (int64_t) form->len, &st);
  uregex_setUText (t->re, m->ut, &st);
  *found = U_SUCCESS (st) && uregex_find (t->re, 0, &st);
  if (U_FAILURE (st))
    {
      *found = FALSE;
      /* The word may be a megabyte long: its start is enough to find it. */
      g_autofree char *shown = NULL;
      if (g_utf8_strlen (form->str, (gssize) form->len) > 40)
        {
          g_autofree char *head = g_strndup (
              form->str, (gsize) (g_utf8_offset_to_pointer (form->str, 40) - form->str));
          shown = g_strconcat (head, "…", NULL);
        }
      g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                   st == U_REGEX_TIME_OUT
                       ? _ ("the regular expression took too long on the word %s: "
                            "counted as no match")
                       : _ ("the regular expression failed on the word %s: counted as no "
                            "match"),
                   shown != NULL ? shown : form->str);
      return FALSE;
    }
  return TRUE;
}

/* Tests m->form, a normalized form of @lang, against every term into
 * @mask; a regular expression that fails counts as a match if
 * @fail_matches. */
static gboolean
test_normalized (DlMatcher *m, DlLang lang, guint64 *mask, gboolean fail_matches, GError **error)
{
  gboolean ok = TRUE;
  guint32 unit = m->by_unit ? word_unit (m, lang, m->form) : NO_UNIT;
  for (guint i = 0; i < m->n_terms; i++)
    {
      MTerm *t = &m->terms[i];
      gboolean hit = FALSE;
      switch (t->kind)
        {
        case DL_TERM_WORD:
          if (m->by_unit)
            hit = unit != NO_UNIT && unit == t->unit[lang];
          else
            hit = m->form->len == t->norm[lang]->len
                  && memcmp (m->form->str, t->norm[lang]->str, m->form->len) == 0;
          break;
        case DL_TERM_GLOB:
          hit = glob_match (t->norm[lang]->str, t->norm[lang]->str + t->norm[lang]->len,
                            m->form->str, m->form->str + m->form->len);
          break;
        case DL_TERM_REGEX:
          if (!regex_find (m, t, m->form, &hit, ok ? error : NULL))
            {
              ok = FALSE;
              hit = fail_matches;
            }
          break;
        }
      if (hit)
        mask[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }
  return ok;
}

/* The key of the unit of the token @text (@len bytes) in @units (of its
 * line's language), or DL_UNDEF. */
static void
unit_value (DlMatcher *m, const DlUnits *units, DlLang lang, const char *text, gsize len,
            GString *out)
{
  guint32 id;
  g_string_assign (out, DL_UNDEF);
  if (units == NULL)
    return;
  const DlCounter *c = dl_units_counter (units);
  dl_counter_term (c, m->norm, lang, text, len, m->form);
  if (dl_lexicon_lookup (dl_counter_terms (c, lang), m->form->str, m->form->len, &id))
    g_string_assign (out, dl_units_key (units, dl_units_of (units, id)));
}

/* A token's values of the attributes the CQL queries test, @text (@len
 * bytes) as written, of @lang, as the VRT export writes them: in
 * @values, which point into m->values. */
static void
cql_values (DlMatcher *m, DlLang lang, const char *text, gsize len,
            const char *values[DL_CQL_ATTRS])
{
  GString **v = m->values;
  if (m->cql_uses[DL_CQL_WORD])
    {
      g_string_truncate (v[DL_CQL_WORD], 0);
      g_string_append_len (v[DL_CQL_WORD], text, (gssize) len);
    }
  if (m->cql_uses[DL_CQL_FOLD])
    dl_normalizer_fold (m->norm, lang, text, len, v[DL_CQL_FOLD]);
  if (m->cql_uses[DL_CQL_STEM])
    unit_value (m, m->opts.stems[lang], lang, text, len, v[DL_CQL_STEM]);
  if (m->cql_uses[DL_CQL_LEMMA])
    unit_value (m, m->opts.lemmas[lang], lang, text, len, v[DL_CQL_LEMMA]);
  g_string_assign (v[DL_CQL_LANG], dl_lang_code (lang));
  for (int a = 0; a < DL_CQL_ATTRS; a++)
    values[a] = v[a]->str;
}

/* Tests the token @text (@len bytes) of @lang against every CQL query's
 * tests into @mask: its attributes as the VRT export writes them. */
static gboolean
test_cql (DlMatcher *m, DlLang lang, const char *text, gsize len, guint64 *mask, GError **error)
{
  const char *values[DL_CQL_ATTRS];
  cql_values (m, lang, text, len, values);
  gboolean ok = TRUE;
  for (guint q = 0; q < m->n_queries; q++)
    {
      const MCql *mc = &m->cql[q];
      guint64 tests;
      if (mc->run == NULL)
        continue;
      if (!dl_cql_run_test (mc->run, values, &tests, ok ? error : NULL))
        ok = FALSE;
      for (guint i = 0; i < dl_cql_n_tests (mc->cql); i++)
        if ((tests >> i) & 1)
          mask[(mc->bit + i) / 64] |= G_GUINT64_CONSTANT (1) << ((mc->bit + i) % 64);
    }
  return ok;
}

/* Tests the form @text of @lang against every term and CQL test into
 * @mask. */
static gboolean
test_form (DlMatcher *m, DlLang lang, const char *text, gsize len, guint64 *mask, GError **error)
{
  dl_matcher_form (m, lang, text, len, m->form);
  gboolean ok = test_normalized (m, lang, mask, FALSE, error);
  if (m->any_cql && !test_cql (m, lang, text, len, mask, ok ? error : NULL))
    ok = FALSE;
  return ok;
}

guint
dl_matcher_n_queries (const DlMatcher *m)
{
  return m->n_queries;
}

guint
dl_matcher_query_terms (const DlMatcher *m, guint q, guint *first)
{
  g_return_val_if_fail (q < m->n_queries, 0);
  *first = m->first[q];
  return m->length[q];
}

guint
dl_matcher_n_terms (const DlMatcher *m)
{
  return m->n_terms;
}

guint
dl_matcher_max_length (const DlMatcher *m)
{
  return m->max_len;
}

gboolean
dl_matcher_folds (const DlMatcher *m)
{
  return m->opts.casing == DL_CASE_FOLD;
}

const GString *
dl_matcher_term_word (const DlMatcher *m, guint t, DlLang lang)
{
  g_return_val_if_fail (t < m->n_terms, NULL);
  const MTerm *mt = &m->terms[t];
  return mt->kind == DL_TERM_WORD && !m->by_unit ? mt->norm[lang] : NULL;
}

gboolean
dl_matcher_term_prefix (const DlMatcher *m, guint t, DlLang lang, GString *out, gboolean *exact)
{
  g_return_val_if_fail (t < m->n_terms, FALSE);
  const MTerm *mt = &m->terms[t];
  g_string_truncate (out, 0);
  *exact = FALSE;
  if (!dl_matcher_folds (m) || (mt->kind != DL_TERM_WORD && mt->kind != DL_TERM_GLOB)
      || (mt->kind == DL_TERM_WORD && m->by_unit))
    return FALSE;
  const GString *norm = mt->norm[lang];
  gsize n = mt->kind == DL_TERM_GLOB ? strcspn (norm->str, "*?") : norm->len;
  g_string_append_len (out, norm->str, (gssize) n);
  *exact = n == norm->len;
  return n > 0 || *exact;
}

gboolean
dl_matcher_cql_prefix (DlMatcher *m, guint q, guint c, DlLang lang, GString *out, gboolean *exact)
{
  g_return_val_if_fail (q < m->n_queries && m->cql[q].run != NULL, FALSE);
  const DlCql *cql = m->cql[q].cql;
  g_string_truncate (out, 0);
  *exact = FALSE;
  if (!dl_matcher_folds (m))
    return FALSE;
  gboolean any = FALSE;
  g_autoptr (GString) prefix = g_string_new (NULL);
  for (guint i = 0; i < dl_cql_n_tests (cql); i++)
    {
      /* Only a test the condition cannot do without. */
      if (dl_cql_cond_may (cql, c, 0, G_GUINT64_CONSTANT (1) << i))
        continue;
      const char *folded = m->cql[q].literal_folds[i][lang];
      gboolean is_exact = folded != NULL;
      if (is_exact)
        g_string_assign (prefix, folded);
      else if (dl_cql_test_attr (cql, i) != DL_CQL_FOLD || !dl_cql_test_prefix (cql, i, prefix))
        continue;
      /* A form itself, else the longest prefix. */
      if (*exact || (!is_exact && any && prefix->len <= out->len))
        continue;
      g_string_assign (out, prefix->str);
      *exact = is_exact;
      any = TRUE;
    }
  return any;
}

void
dl_matcher_test_folded (DlMatcher *m, DlLang lang, const char *form, gsize len, guint64 *mask)
{
  g_return_if_fail (dl_matcher_folds (m));
  /* The terms' words only: CQL's bits after them are not set here. */
  memset (mask, 0, (m->n_terms + 63) / 64 * sizeof (guint64));
  g_string_truncate (m->form, 0);
  g_string_append_len (m->form, form, (gssize) len);
  (void) test_normalized (m, lang, mask, TRUE, NULL);
}

const DlCql *
dl_matcher_query_cql (const DlMatcher *m, guint q)
{
  g_return_val_if_fail (q < m->n_queries, NULL);
  return m->cql[q].cql;
}

void
dl_matcher_cql_folded (DlMatcher *m, guint q, DlLang lang, const char *form, gsize len,
                       guint64 *mask, guint64 *known)
{
  g_return_if_fail (dl_matcher_folds (m) && q < m->n_queries && m->cql[q].run != NULL);
  const DlCql *cql = m->cql[q].cql;
  /* Folding a folded form leaves it as it is; its units are its own. */
  const char *values[DL_CQL_ATTRS];
  cql_values (m, lang, form, len, values);
  *known = 0;
  if (!dl_cql_run_test (m->cql[q].run, values, mask, NULL))
    return;
  for (guint i = 0; i < dl_cql_n_tests (cql); i++)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << i;
      const char *folded = m->cql[q].literal_folds[i][lang];
      if (dl_cql_test_attr (cql, i) != DL_CQL_WORD)
        *known |= bit;
      else if (folded != NULL && (strlen (folded) != len || memcmp (folded, form, len) != 0))
        {
          /* A token written as the literal folds to its fold, not this. */
          *known |= bit;
          *mask &= ~bit;
        }
    }
}

/* The queries' terms that the token @text (@len bytes, of a line of @lang)
 * matches, as a mask (owned by @m, valid until the next token): cached per
 * form as written. FALSE in *@ok (with @error) if a regular expression ran
 * out of time on it. */
static const guint64 *
form_mask (DlMatcher *m, DlLang lang, const char *text, gsize len, gboolean *ok, GError **error)
{
  guint32 id;
  *ok = TRUE;
  if (m->uncached)
    {
      memset (m->scratch, 0, m->stride * sizeof (guint64));
      dl_matcher_form (m, lang, text, len, m->form);
      test_normalized (m, lang, m->scratch, FALSE, NULL);
      return m->scratch;
    }
  if (!dl_lexicon_lookup (m->cache[lang], text, len, &id))
    {
      if (dl_lexicon_size (m->cache[lang]) >= CACHE_MAX_FORMS)
        {
          dl_lexicon_free (m->cache[lang]);
          m->cache[lang] = dl_lexicon_new ();
          g_array_set_size (m->masks[lang], 0);
        }
      id = dl_lexicon_intern (m->cache[lang], text, len, NULL);
      g_array_set_size (m->masks[lang], (guint) (id + 1) * m->stride);
      guint64 *mask = &g_array_index (m->masks[lang], guint64, (gsize) id * m->stride);
      *ok = test_form (m, lang, text, len, mask, error);
    }
  return &g_array_index (m->masks[lang], guint64, (gsize) id * m->stride);
}

/* Feeds the token whose terms are @mask: the matches that end at it. */
static void
feed (DlMatcher *m, const guint64 *mask, const DlMatch **matches, guint *n_matches)
{
  if (m->max_len > 0)
    memcpy (m->ring + (m->fed % m->max_len) * m->stride, mask, m->stride * sizeof (guint64));
  m->fed++;

  g_array_set_size (m->matches, 0);
  gboolean any = FALSE;
  for (guint w = 0; w < m->stride && !any; w++)
    any = mask[w] != 0;
  for (guint q = 0; (any || m->any_cql) && q < m->n_queries; q++)
    {
      const MCql *mc = &m->cql[q];
      if (mc->run != NULL)
        {
          /* A CQL query runs on every token: its state moves on. */
          guint n = dl_cql_n_tests (mc->cql);
          guint length = dl_cql_run_feed (mc->run, n > 0 ? bits_at (mask, mc->bit, n) : 0);
          if (length > 0)
            {
              DlMatch match = { q, length };
              g_array_append_val (m->matches, match);
            }
          continue;
        }
      if (!any)
        continue;
      guint n = m->length[q];
      if (m->fed < n)
        continue;
      gboolean hit = TRUE;
      for (guint j = 0; j < n && hit; j++)
        {
          const guint64 *slot = m->ring + ((m->fed - n + j) % m->max_len) * m->stride;
          hit = BIT_SET (slot, m->first[q] + j);
        }
      if (hit)
        {
          DlMatch match = { q, n };
          g_array_append_val (m->matches, match);
        }
    }
  *matches = (const DlMatch *) (gpointer) m->matches->data;
  *n_matches = m->matches->len;
}

gboolean
dl_matcher_token (DlMatcher *m, DlLang lang, const char *text, gsize len, const DlMatch **matches,
                  guint *n_matches, GError **error)
{
  gboolean ok;
  m->last_lang = lang;
  feed (m, form_mask (m, lang, text, len, &ok, error), matches, n_matches);
  return ok;
}

/* What by_form holds for a form that matches no term. */
#define KNOWN_NONE 1

gboolean
dl_matcher_token_form (DlMatcher *m, DlLang lang, guint32 form, const char *text, gsize len,
                       const DlMatch **matches, guint *n_matches, GError **error)
{
  if (form == G_MAXUINT32) /* no number: DL_STREAM_NO_FORM */
    return dl_matcher_token (m, lang, text, len, matches, n_matches, error);
  m->last_lang = lang;
  /* Four bytes a form, not the whole mask: most forms match nothing, and a
   * big vocabulary's table then stays in the cache. */
  GArray *by = m->by_form[lang];
  guint32 known = form < by->len ? g_array_index (by, guint32, form) : 0;
  if (known == KNOWN_NONE)
    {
      feed (m, m->no_terms, matches, n_matches);
      return TRUE;
    }
  if (known > KNOWN_NONE)
    {
      gsize k = (gsize) (known - KNOWN_NONE - 1) * m->stride;
      feed (m, &g_array_index (m->form_masks[lang], guint64, k), matches, n_matches);
      return TRUE;
    }
  gboolean ok;
  const guint64 *mask = form_mask (m, lang, text, len, &ok, error);
  /* A form a regular expression ran out of time on is not kept: the cache
   * by text says when to try it again, as dl_matcher_token does. */
  if (ok)
    {
      if (form >= by->len)
        g_array_set_size (by, form + 1);
      gboolean any = FALSE;
      for (guint w = 0; w < m->stride && !any; w++)
        any = mask[w] != 0;
      GArray *kept = m->form_masks[lang];
      if (!any)
        known = KNOWN_NONE;
      else
        {
          known = KNOWN_NONE + 1 + kept->len / m->stride;
          g_array_append_vals (kept, mask, m->stride);
        }
      g_array_index (by, guint32, form) = known;
    }
  feed (m, mask, matches, n_matches);
  return ok;
}

void
dl_matcher_forget_forms (DlMatcher *m)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_array_set_size (m->by_form[l], 0);
      g_array_set_size (m->form_masks[l], 0);
    }
}
