/* prefilter.c — the literal of each query, spelled every way the text can
 * spell it, searched byte by byte in a line.
 *
 * Why it finds every line with a hit: the matcher compares a token's form,
 * its text folded by the line's language (or only its apostrophes made
 * one, with --case keep), and folding has no context: a token's form is
 * the forms of its characters end to end. A character whose form is one
 * character c is a spelling of c; gathering, for every character whose
 * form may not be itself (DL_PREFILTER_CHANGING, and the apostrophes), the
 * c it folds to in any language gives each c its spellings. A token made
 * of such characters and matching a word has the word's characters one
 * for one, so the line holds a spelling of the word; a token matching a
 * pattern holds a spelling of each run of letters between its wildcards.
 * The rest, characters whose form is not one character (ß → ss, ŉ → ʼn,
 * and U+0307, which folding drops after an i), make the line a candidate
 * when they can give a character of a literal: a token whose form holds
 * the literal and whose text does not spell it has such a character
 * among those that give the literal's characters (its form holds one of
 * them), or a character with no form inside them (U+0307 after an i: the
 * literal has an i). So ß counts for "strasse", not for "savaş", and in
 * Turkish text, where the bytes that start ç ğ ı ö ş ü start such
 * characters too (İ, ŉ), a line is searched for them only then. */
#include "config.h"

#include "prefilter.h"

#include <string.h>

#include <unicode/uset.h>
#include <unicode/ustring.h>

#include "error.h"
#include "i18n.h"
#include "normalize.h"

/* The most spellings of one character (θ: θ Θ ϑ ϴ) before a literal is
 * given up. */
#define MAX_ALTS 8

/* The spellings of one character of a literal, as UTF-8. */
typedef struct {
  guint8 n;
  guint8 len[MAX_ALTS];
  char alt[MAX_ALTS][4];
} Class;

/* One literal: its characters' classes in order; searched by the first
 * bytes of its anchor's spellings (memchr), then matched around. */
typedef struct {
  guint query;
  guint n;
  Class *classes;
  guint anchor;
  guint n_leads;
  guchar leads[MAX_ALTS];
} Needle;

struct _DlPrefilter {
  GArray *needles; /* Needle */
  /* The characters whose form is not one character: the bytes that start
   * them (n_special_leads), and those below U+10000 a bit each; any above
   * when astral. */
  guchar special_leads[256];
  guint n_special_leads;
  guint8 special[0x10000 / 8];
  gboolean astral;
};

void
dl_prefilter_free (DlPrefilter *pf)
{
  if (pf == NULL)
    return;
  for (guint i = 0; pf->needles != NULL && i < pf->needles->len; i++)
    g_free (g_array_index (pf->needles, Needle, i).classes);
  if (pf->needles != NULL)
    g_array_free (pf->needles, TRUE);
  g_free (pf);
}

/* The characters of @text (UTF-8, @len bytes), *@n of them (g_free). */
static gunichar *
chars_of (const char *text, gsize len, glong *n)
{
  return g_utf8_to_ucs4_fast (text, (glong) len, n);
}

/* What a character whose form is not one character can give: the
 * characters of its forms (in every language), which the literals must
 * hold one of for it to count. */
typedef struct {
  gboolean always; /* a form of no character: it counts for any literal */
  GArray *gives;   /* gunichar */
} Special;

static void
special_clear_free (gpointer data)
{
  Special *sp = data;
  g_array_unref (sp->gives);
  g_free (sp);
}

/* Notes @u, whose form is the @k characters @f, as a special character
 * in @specials (gunichar → Special). */
static void
note_special (GHashTable *specials, gunichar u, const gunichar *f, glong k)
{
  Special *sp = g_hash_table_lookup (specials, GUINT_TO_POINTER (u));
  if (sp == NULL)
    {
      sp = g_new0 (Special, 1);
      sp->gives = g_array_new (FALSE, FALSE, sizeof (gunichar));
      g_hash_table_insert (specials, GUINT_TO_POINTER (u), sp);
    }
  sp->always = sp->always || k == 0;
  g_array_append_vals (sp->gives, f, (guint) k);
}

/* Marks @c as a character whose form is not one character. */
static void
add_special (DlPrefilter *pf, gunichar c)
{
  char buf[6];
  g_unichar_to_utf8 (c, buf);
  guint i = 0;
  while (i < pf->n_special_leads && pf->special_leads[i] != (guchar) buf[0])
    i++;
  if (i == pf->n_special_leads)
    pf->special_leads[pf->n_special_leads++] = (guchar) buf[0];
  if (c < 0x10000)
    pf->special[c / 8] |= (guint8) (1u << (c % 8));
  else
    pf->astral = TRUE;
}

/* Adds @u as a spelling of @c in @spellings (gunichar → GArray of
 * gunichar), once. */
static void
add_spelling (GHashTable *spellings, gunichar c, gunichar u)
{
  GArray *a = g_hash_table_lookup (spellings, GUINT_TO_POINTER (c));
  if (a == NULL)
    {
      a = g_array_new (FALSE, FALSE, sizeof (gunichar));
      g_hash_table_insert (spellings, GUINT_TO_POINTER (c), a);
    }
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, gunichar, i) == u)
      return;
  g_array_append_val (a, u);
}

/* Files @u by its form in every language: a spelling of that character,
 * or a special one (in @specials). */
static void
file_char (DlMatcher *m, GHashTable *spellings, GHashTable *specials, gunichar u, GString *form)
{
  char buf[6];
  gint n = g_unichar_to_utf8 (u, buf);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      dl_matcher_form (m, (DlLang) l, buf, (gsize) n, form);
      glong k;
      g_autofree gunichar *f = chars_of (form->str, form->len, &k);
      if (k == 1)
        {
          if (f[0] != u)
            add_spelling (spellings, f[0], u);
        }
      else
        note_special (specials, u, f, k);
    }
}

/* Fills @spellings with every character that folds to another, and
 * @specials with those whose form is not one character. FALSE with
 * @error if ICU fails. */
static gboolean
gather_spellings (DlMatcher *m, GHashTable *spellings, GHashTable *specials, GError **error)
{
  UErrorCode st = U_ZERO_ERROR;
  UChar pattern[sizeof DL_PREFILTER_CHANGING];
  u_uastrcpy (pattern, DL_PREFILTER_CHANGING);
  USet *set = uset_openPattern (pattern, -1, &st);
  if (U_FAILURE (st))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_ICU, _ ("ICU character set: %s"), u_errorName (st));
      return FALSE;
    }
  g_autoptr (GString) form = g_string_new (NULL);
  for (int32_t r = 0; r < uset_getItemCount (set); r++)
    {
      UChar32 a, b;
      if (uset_getItem (set, r, &a, &b, NULL, 0, &st) != 0)
        continue; /* a string, not a range: the property has none */
      for (UChar32 u = a; u <= b; u++)
        file_char (m, spellings, specials, (gunichar) u, form);
    }
  uset_close (set);
  for (guint k = 0; k < DL_APOSTROPHE_KINDS; k++)
    file_char (m, spellings, specials, g_utf8_get_char (dl_apostrophe_text (k)), form);
  /* What folding drops after an i: it parts an i from what follows. */
  static const gunichar after_i[] = { 'i', 0x0307 };
  note_special (specials, 0x0307, after_i, G_N_ELEMENTS (after_i));
  return TRUE;
}

/* Sets @cls to @c and its spellings; FALSE if they are too many. */
static gboolean
make_class (GHashTable *spellings, gunichar c, Class *cls)
{
  GArray *a = g_hash_table_lookup (spellings, GUINT_TO_POINTER (c));
  guint n = 1 + (a != NULL ? a->len : 0);
  if (n > MAX_ALTS)
    return FALSE;
  cls->n = (guint8) n;
  for (guint i = 0; i < n; i++)
    {
      gunichar u = i == 0 ? c : g_array_index (a, gunichar, i - 1);
      cls->len[i] = (guint8) g_unichar_to_utf8 (u, cls->alt[i]);
    }
  return TRUE;
}

/* The longest run of characters of @pattern (a folded term; a pattern's
 * wildcards end runs) in [*@start, *@start + *@len). */
static void
longest_run (const char *pattern, gboolean glob, const char **start, gsize *len)
{
  *start = pattern;
  *len = 0;
  if (!glob)
    {
      *len = strlen (pattern);
      return;
    }
  for (const char *p = pattern; *p != '\0';)
    {
      gsize n = strcspn (p, "*?");
      if (g_utf8_strlen (p, (gssize) n) > g_utf8_strlen (*start, (gssize) *len))
        *start = p, *len = n;
      p += n;
      p += *p != '\0';
    }
}

/* The literal of term @i of @q in @lang (folded as @m folds it) into @out:
 * FALSE if it has none (a word compared by unit, a regular expression
 * without a run of characters every form it finds holds). A regular
 * expression looks for its run in the form as @m folds it, which then
 * holds the run folded. */
static gboolean
term_literal (DlMatcher *m, const DlQueryOptions *options, const DlQuery *q, guint i, DlLang lang,
              GString *out)
{
  DlTermKind kind = dl_query_term_kind (q, i);
  if (kind == DL_TERM_WORD && options->unit != DL_UNIT_FORM)
    return FALSE;
  const char *text = dl_query_term_text (q, i);
  g_autoptr (GString) run = g_string_new (NULL);
  if (kind == DL_TERM_REGEX)
    {
      if (!dl_regex_runs (text, FALSE, run))
        return FALSE;
      text = run->str;
    }
  g_autoptr (GString) folded = g_string_new (NULL);
  dl_matcher_form (m, lang, text, strlen (text), folded);
  const char *start;
  gsize len;
  longest_run (folded->str, kind == DL_TERM_GLOB, &start, &len);
  g_string_assign (out, "");
  g_string_append_len (out, start, (gssize) len);
  return len > 0;
}

/* Adds the needle of @literal for query @query, unless it is there. FALSE
 * if a character of it has too many spellings. */
static gboolean
add_needle (DlPrefilter *pf, GHashTable *spellings, GHashTable *seen, guint query,
            const GString *literal)
{
  g_autofree char *key = g_strdup_printf ("%u:%s", query, literal->str);
  if (g_hash_table_contains (seen, key))
    return TRUE;
  glong n;
  g_autofree gunichar *chars = chars_of (literal->str, literal->len, &n);
  Needle needle = { query, (guint) n, g_new0 (Class, n), 0, 0, { 0 } };
  for (glong i = 0; i < n; i++)
    if (!make_class (spellings, chars[i], &needle.classes[i]))
      {
        g_free (needle.classes);
        return FALSE;
      }
  g_array_append_val (pf->needles, needle);
  g_hash_table_add (seen, g_steal_pointer (&key));
  return TRUE;
}

/* The test whose needle (dl_cql_test_needle, as @m folds it) every token
 * meeting condition @c of @cql holds, the longest such; its length in
 * characters into *@chars. -1 if there is none: a test of a stem, lemma
 * or language, or of the folded form when case is kept (the spellings
 * are then the matcher's, not the fold's), or one the condition can do
 * without. */
static gint
cond_needle (const DlCql *cql, guint c, const DlQueryOptions *options, GString *lit, glong *chars)
{
  gint best = -1;
  *chars = 0;
  for (guint i = 0; i < dl_cql_n_tests (cql); i++)
    {
      DlCqlAttr a = dl_cql_test_attr (cql, i);
      if (a != DL_CQL_WORD && (a != DL_CQL_FOLD || options->casing == DL_CASE_KEEP))
        continue;
      /* Does the condition hold without it? */
      if (dl_cql_cond_may (cql, c, 0, G_GUINT64_CONSTANT (1) << i)
          || !dl_cql_test_needle (cql, i, lit))
        continue;
      glong n = g_utf8_strlen (lit->str, -1);
      if (n > *chars)
        *chars = n, best = (gint) i;
    }
  return best;
}

/* Adds the needles of the CQL query @cql (index @qi): the needles of the
 * conditions one of whose tokens every match has (dl_cql_anchor_conds),
 * the longer the cheaper; a test of the form as written in each
 * language's folding, as a term's. FALSE if there are none. */
static gboolean
add_cql (DlPrefilter *pf, DlMatcher *m, const DlQueryOptions *options, GHashTable *spellings,
         GHashTable *seen, const DlCql *cql, guint qi)
{
  guint n = dl_cql_n_conds (cql);
  g_autofree guint64 *cost = g_new (guint64, n);
  g_autofree gint *test = g_new (gint, n);
  g_autoptr (GString) lit = g_string_new (NULL), folded = g_string_new (NULL);
  for (guint c = 0; c < n; c++)
    {
      glong chars;
      test[c] = cond_needle (cql, c, options, lit, &chars);
      cost[c] = test[c] < 0 ? G_MAXUINT64 : 1000 / (guint64) chars;
    }
  g_autofree guint8 *chosen = g_new0 (guint8, n);
  if (!dl_cql_anchor_conds (cql, cost, chosen))
    return FALSE;
  for (guint c = 0; c < n; c++)
    {
      if (!chosen[c])
        continue;
      g_assert (test[c] >= 0);
      dl_cql_test_needle (cql, (guint) test[c], lit);
      if (dl_cql_test_attr (cql, (guint) test[c]) == DL_CQL_FOLD)
        {
          if (!add_needle (pf, spellings, seen, qi, lit))
            return FALSE;
          continue;
        }
      for (int l = 0; l < DL_LANG_COUNT; l++)
        {
          dl_matcher_form (m, (DlLang) l, lit->str, lit->len, folded);
          if (folded->len == 0 || !add_needle (pf, spellings, seen, qi, folded))
            return FALSE;
        }
    }
  return TRUE;
}

/* Adds the needles of query @q (index @qi): in each language, the longest
 * literal of its terms. FALSE if it has none. */
static gboolean
add_query (DlPrefilter *pf, DlMatcher *m, const DlQueryOptions *options, GHashTable *spellings,
           GHashTable *seen, const DlQuery *q, guint qi)
{
  if (dl_query_cql (q) != NULL)
    return add_cql (pf, m, options, spellings, seen, dl_query_cql (q), qi);
  g_autoptr (GString) lit = g_string_new (NULL), best = g_string_new (NULL);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_string_truncate (best, 0);
      for (guint i = 0; i < dl_query_length (q); i++)
        if (term_literal (m, options, q, i, (DlLang) l, lit)
            && g_utf8_strlen (lit->str, -1) > g_utf8_strlen (best->str, -1))
          g_string_assign (best, lit->str);
      if (best->len == 0 || !add_needle (pf, spellings, seen, qi, best))
        return FALSE;
    }
  return TRUE;
}

/* How often byte @b starts a character in Turkish and English text, about
 * (per mille of letters; a capital a tenth of its letter). */
static guint
byte_frequency (guchar b)
{
  static const guint8 letters[26] = { 80, 18, 20, 35, 80, 10, 15, 20, 60, 2, 30, 45, 30,
                                      55, 35, 15, 1,  50, 40, 45, 25, 10, 8, 2,  25, 12 };
  if (b >= 'a' && b <= 'z')
    return letters[b - 'a'];
  if (b >= 'A' && b <= 'Z')
    return letters[b - 'A'] / 10 + 1;
  /* ç ö ü (C3), ğ ı İ (C4), ş (C5) */
  return b == 0xC3 || b == 0xC4 ? 30 : b == 0xC5 ? 15 : 5;
}

/* Picks the anchor of @needle: the character whose spellings start with
 * the rarest bytes, each memchr pass counting too. */
static void
pick_anchor (Needle *needle)
{
  guint best = G_MAXUINT;
  for (guint k = 0; k < needle->n; k++)
    {
      const Class *c = &needle->classes[k];
      guchar leads[MAX_ALTS] = { 0 };
      guint n = 0, cost = 0;
      for (guint a = 0; a < c->n; a++)
        {
          guchar b = (guchar) c->alt[a][0];
          if (memchr (leads, b, n) == NULL)
            leads[n++] = b, cost += byte_frequency (b) + 4;
        }
      if (cost < best)
        {
          best = cost;
          needle->anchor = k;
          needle->n_leads = n;
          memcpy (needle->leads, leads, n);
        }
    }
}

/* Whether a literal of @pf has the character @c: the first spelling of
 * each of its classes is the character itself. */
static gboolean
literal_has (const DlPrefilter *pf, gunichar c)
{
  for (guint i = 0; i < pf->needles->len; i++)
    {
      const Needle *needle = &g_array_index (pf->needles, Needle, i);
      for (guint k = 0; k < needle->n; k++)
        if (g_utf8_get_char (needle->classes[k].alt[0]) == c)
          return TRUE;
    }
  return FALSE;
}

/* Marks the characters of @specials that can give a character of a
 * literal of @pf. */
static void
add_specials (DlPrefilter *pf, GHashTable *specials)
{
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, specials);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      const Special *sp = value;
      gboolean counts = sp->always;
      for (guint i = 0; !counts && i < sp->gives->len; i++)
        counts = literal_has (pf, g_array_index (sp->gives, gunichar, i));
      if (counts)
        add_special (pf, GPOINTER_TO_UINT (key));
    }
}

/* What gather_spellings finds, once per process for each way of making
 * forms (folded, case kept): asking ICU the forms of some thousands of
 * characters took 2 ms, done again for each thread's concordance of a
 * search that itself took 60 ms. Read only once gathered; never freed. */
typedef struct {
  GHashTable *spellings, *specials;
} Gathered;

static gboolean
gathered_for (DlMatcher *m, const DlQueryOptions *options, Gathered *out, GError **error)
{
  static Gathered ways[2];
  G_LOCK_DEFINE_STATIC (ways);
  Gathered *g = &ways[options->casing == DL_CASE_KEEP];
  G_LOCK (ways);
  if (g->spellings == NULL)
    {
      GHashTable *spellings
          = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
      GHashTable *specials = g_hash_table_new_full (NULL, NULL, NULL, special_clear_free);
      if (!gather_spellings (m, spellings, specials, error))
        {
          G_UNLOCK (ways);
          g_hash_table_unref (spellings);
          g_hash_table_unref (specials);
          return FALSE;
        }
      g->spellings = spellings;
      g->specials = specials;
    }
  *out = *g;
  G_UNLOCK (ways);
  return TRUE;
}

DlPrefilter *
dl_prefilter_new (DlQuery *const *queries, guint n, const DlQueryOptions *options,
                  DlMatcher *matcher, GError **error)
{
  g_autoptr (DlPrefilter) pf = g_new0 (DlPrefilter, 1);
  pf->needles = g_array_new (FALSE, FALSE, sizeof (Needle));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Gathered gathered;
  if (!gathered_for (matcher, options, &gathered, error))
    return NULL;
  GHashTable *spellings = gathered.spellings, *specials = gathered.specials;
  for (guint q = 0; q < n; q++)
    if (!add_query (pf, matcher, options, spellings, seen, queries[q], q))
      return NULL;
  for (guint i = 0; i < pf->needles->len; i++)
    pick_anchor (&g_array_index (pf->needles, Needle, i));
  add_specials (pf, specials);
  return g_steal_pointer (&pf);
}

/* Whether @n bytes at @p are those of @alt: a spelling is at most 4
 * bytes, not worth a call to memcmp. */
static inline gboolean
same_bytes (const char *p, const char *alt, guint n)
{
  for (guint i = 0; i < n; i++)
    if (p[i] != alt[i])
      return FALSE;
  return TRUE;
}

/* The length of the spelling of class @c at @p (before @end), or 0. */
static inline guint
class_at (const Class *c, const char *p, const char *end)
{
  for (guint a = 0; a < c->n; a++)
    if ((gsize) (end - p) >= c->len[a] && same_bytes (p, c->alt[a], c->len[a]))
      return c->len[a];
  return 0;
}

/* The length of the spelling of class @c that ends at @p (after @start),
 * or 0. UTF-8 is free of suffixes: at most one can. */
static inline guint
class_before (const Class *c, const char *start, const char *p)
{
  for (guint a = 0; a < c->n; a++)
    if ((gsize) (p - start) >= c->len[a] && same_bytes (p - c->len[a], c->alt[a], c->len[a]))
      return c->len[a];
  return 0;
}

/* Whether @needle is spelled around its anchor's spelling at @q (in
 * [@start, @end)). */
static gboolean
needle_around (const Needle *needle, const char *start, const char *q, const char *end)
{
  guint n = class_at (&needle->classes[needle->anchor], q, end);
  if (n == 0)
    return FALSE;
  const char *p = q;
  for (guint k = needle->anchor; k-- > 0; p -= n)
    if ((n = class_before (&needle->classes[k], start, p)) == 0)
      return FALSE;
  p = q + class_at (&needle->classes[needle->anchor], q, end);
  for (guint k = needle->anchor + 1; k < needle->n; k++, p += n)
    if ((n = class_at (&needle->classes[k], p, end)) == 0)
      return FALSE;
  return TRUE;
}

/* Whether the character at @p (a lead byte of valid UTF-8, before @end)
 * is special. */
static inline gboolean
special_at (const DlPrefilter *pf, const char *p, const char *end)
{
  const guchar *u = (const guchar *) p;
  gunichar c;
  if (u[0] < 0xE0 && end - p >= 2)
    c = (gunichar) (u[0] & 0x1F) << 6 | (u[1] & 0x3F);
  else if (u[0] < 0xF0 && end - p >= 3)
    c = (gunichar) (u[0] & 0x0F) << 12 | (gunichar) (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
  else
    return pf->astral;
  return (pf->special[c / 8] >> (c % 8)) & 1;
}

/* Each needle by memchr on the first bytes of its anchor's spellings, then
 * the special characters by their first bytes: a few passes of memchr over
 * the line, not a loop over its bytes. */
gboolean
dl_prefilter_line (const DlPrefilter *pf, const char *text, gsize len)
{
  const char *end = text + len;
  for (guint i = 0; i < pf->needles->len; i++)
    {
      const Needle *needle = &g_array_index (pf->needles, Needle, i);
      for (guint k = 0; k < needle->n_leads; k++)
        for (const char *q = text; (q = memchr (q, needle->leads[k], (gsize) (end - q))) != NULL;
             q++)
          if (needle_around (needle, text, q, end))
            return TRUE;
    }
  for (guint k = 0; k < pf->n_special_leads; k++)
    for (const char *q = text; (q = memchr (q, pf->special_leads[k], (gsize) (end - q))) != NULL;
         q++)
      if (special_at (pf, q, end))
        return TRUE;
  return FALSE;
}

guint64
dl_prefilter_spellings (const DlPrefilter *pf, guint q)
{
  guint64 total = 0;
  for (guint i = 0; i < pf->needles->len; i++)
    {
      const Needle *needle = &g_array_index (pf->needles, Needle, i);
      if (needle->query != q)
        continue;
      guint64 product = 1;
      for (guint k = 0; k < needle->n; k++)
        product *= needle->classes[k].n;
      total += product;
    }
  return total;
}
