/* units.c — terms grouped into units once per run, from the merged counter:
 * a key per term (itself, or its stem), the keys interned as units, each
 * unit's terms listed most frequent first (one array for all of them), and
 * the stoplist decided per unit. */
#include "config.h"

#include "units.h"

#include <stdlib.h>
#include <string.h>

#include "prefetch.h"

/* Units of both languages share their stemmer or lemmatizer, which keep
 * state between calls: dl_units_find takes this lock around them. */
G_LOCK_DEFINE_STATIC (tools);

struct _DlUnits {
  DlUnitsOptions opts;
  const DlCounter *counter; /* borrowed */
  DlLang lang;
  guint64 *term_freq; /* by term, for the lemmatizer (DL_UNIT_LEMMA) */
  DlLexicon *keys;    /* stems or lemmas; NULL for forms (the terms are the keys) */
  guint32 *unit_of;   /* by term */
  guint32 n_units;
  guint64 *freq;    /* by unit */
  guint32 *first;   /* by unit: its terms are members[first[u] .. first[u + 1]) */
  guint32 *members; /* terms by unit, most frequent first */
  guint8 *stopword; /* by unit */
  GString *scratch; /* while the units are made */
  GString *found;   /* dl_units_find's, under the lock */
};

/* The stem key of @term (@len bytes): a Turkish word with an apostrophe
 * suffix is its base's unit (`savaşı’nın` is `savaşı`'s: a proper noun
 * unstemmed, or stemmed like any word when the corpus does not show the
 * base to be one); @proper says the term itself is a proper noun. */
static void
stem_key (DlUnits *u, const char *term, gsize len, gboolean proper, GString *out)
{
  gsize base = dl_stem_proper_base (u->lang, term, len);
  if (base > 0)
    {
      proper = dl_counter_is_proper_text (u->counter, u->lang, term, base);
      len = base;
    }
  dl_stemmer_stem (u->opts.stemmer, u->lang, term, len, proper, out);
}

/* The lemma key of @term (@len bytes), as stem_key does for stems. */
static void
lemma_key (DlUnits *u, const char *term, gsize len, gboolean proper, GString *out)
{
  gsize base = dl_stem_proper_base (u->lang, term, len);
  if (base > 0 && !dl_counter_is_proper_text (u->counter, u->lang, term, base))
    len = base, proper = FALSE;
  dl_lemmatizer_lemma (u->opts.lemmatizer, u->lang, dl_counter_terms (u->counter, u->lang),
                       u->term_freq, term, len, proper, out);
}

/* Interns the lemma of every term (the lemmatizer reads the whole
 * vocabulary at once, to choose between readings by what it attests). */
static void
assign_lemmas (DlUnits *u, const DlLexicon *terms, guint32 n)
{
  g_autofree gboolean *proper = g_new (gboolean, n + 1);
  u->term_freq = g_new (guint64, n + 1);
  for (guint32 id = 0; id < n; id++)
    {
      proper[id] = dl_counter_is_proper (u->counter, u->lang, id);
      u->term_freq[id] = dl_counter_freq (u->counter, u->lang, id);
    }
  u->unit_of
      = dl_lemmatizer_map (u->opts.lemmatizer, u->lang, terms, u->term_freq, proper, u->keys);
  /* The lemmatizer keeps a Turkish apostrophe form's base whole: the base
   * of a name, unless the corpus shows none (Karabağ Savaşı’nın). */
  g_autoptr (GString) key = g_string_new (NULL);
  for (guint32 id = 0; id < n; id++)
    {
      const char *term = dl_lexicon_string (terms, id);
      gsize len = dl_lexicon_length (terms, id);
      gsize base = dl_stem_proper_base (u->lang, term, len);
      if (base == 0 || dl_counter_is_proper_text (u->counter, u->lang, term, base))
        continue;
      lemma_key (u, term, len, FALSE, key);
      u->unit_of[id] = dl_lexicon_intern (u->keys, key->str, key->len, NULL);
    }
}

/* Interns the key of every term, filling u->unit_of. */
static void
assign_keys (DlUnits *u)
{
  const DlLexicon *terms = dl_counter_terms (u->counter, u->lang);
  guint32 n = dl_lexicon_size (terms);
  if (u->opts.unit == DL_UNIT_FORM)
    {
      u->unit_of = g_new (guint32, n + 1);
      for (guint32 id = 0; id < n; id++)
        u->unit_of[id] = id;
      u->n_units = n;
      return;
    }
  u->keys = dl_lexicon_new ();
  if (u->opts.unit == DL_UNIT_LEMMA)
    {
      assign_lemmas (u, terms, n);
      u->n_units = dl_lexicon_size (u->keys);
      return;
    }
  u->unit_of = g_new (guint32, n + 1);
  g_autoptr (GString) key = g_string_new (NULL);
  for (guint32 id = 0; id < n; id++)
    {
      stem_key (u, dl_lexicon_string (terms, id), dl_lexicon_length (terms, id),
                dl_counter_is_proper (u->counter, u->lang, id), key);
      u->unit_of[id] = dl_lexicon_intern (u->keys, key->str, key->len, NULL);
    }
  u->n_units = dl_lexicon_size (u->keys);
}

typedef struct {
  guint32 unit;
  guint32 term;
  guint64 freq;
  const char *text; /* the term's */
  guint32 chars;    /* its length in characters */
  gboolean is_key;  /* the term is its unit's key */
} Member;

/* By unit, then the order of the unit's terms: most frequent first; of
 * equally frequent ones the key itself, then the shorter (in characters),
 * then by bytes. */
static int
by_unit_then_freq (const void *a, const void *b)
{
  const Member *x = a, *y = b;
  if (x->unit != y->unit)
    return x->unit < y->unit ? -1 : 1;
  if (x->freq != y->freq)
    return x->freq > y->freq ? -1 : 1;
  if (x->is_key != y->is_key)
    return x->is_key ? -1 : 1;
  if (x->chars != y->chars)
    return x->chars < y->chars ? -1 : 1;
  return strcmp (x->text, y->text);
}

/* Forms are their own units: each its one term. */
static void
list_forms (DlUnits *u, guint32 n)
{
  u->first = dl_new_huge (sizeof (guint32), (gsize) n + 1);
  u->members = dl_new_huge (sizeof (guint32), (gsize) n + 1);
  u->freq = dl_new_huge (sizeof (guint64), (gsize) n + 1);
  for (guint32 id = 0; id <= n; id++)
    u->first[id] = u->members[id] = id;
  for (guint32 id = 0; id < n; id++)
    u->freq[id] = dl_counter_freq (u->counter, u->lang, id);
}

/* Lists each unit's terms (u->first, u->members) and sums their counts. */
static void
list_members (DlUnits *u)
{
  guint32 n = dl_lexicon_size (dl_counter_terms (u->counter, u->lang));
  if (u->keys == NULL)
    {
      list_forms (u, n);
      return;
    }
  g_autofree Member *m = g_new (Member, n + 1);
  const DlLexicon *terms = dl_counter_terms (u->counter, u->lang);
  for (guint32 id = 0; id < n; id++)
    {
      const char *text = dl_lexicon_string (terms, id);
      guint32 len = (guint32) dl_lexicon_length (terms, id), k = u->unit_of[id];
      gboolean is_key = dl_lexicon_length (u->keys, k) == len
                        && memcmp (dl_lexicon_string (u->keys, k), text, len) == 0;
      m[id] = (Member){ k,
                        id,
                        dl_counter_freq (u->counter, u->lang, id),
                        text,
                        (guint32) g_utf8_strlen (text, len),
                        is_key };
    }
  qsort (m, n, sizeof *m, by_unit_then_freq);
  u->first = g_new0 (guint32, u->n_units + 1);
  u->members = g_new (guint32, n + 1);
  u->freq = g_new0 (guint64, u->n_units + 1);
  for (guint32 i = 0; i < n; i++)
    {
      u->members[i] = m[i].term;
      u->first[m[i].unit + 1]++;
      u->freq[m[i].unit] += m[i].freq;
    }
  for (guint32 k = 0; k < u->n_units; k++)
    u->first[k + 1] += u->first[k];
}

/* TRUE if @text (@len bytes, a key or term as counted) is on the stoplist. */
static gboolean
listed (DlUnits *u, const char *text, gsize len)
{
  if (dl_counter_options (u->counter)->casing == DL_CASE_KEEP)
    {
      dl_normalizer_fold (u->opts.norm, u->lang, text, len, u->scratch);
      text = u->scratch->str;
      len = u->scratch->len;
    }
  return dl_stoplist_contains (u->opts.stoplist, u->lang, text, len);
}

static void
mark_stopwords (DlUnits *u)
{
  u->stopword = g_new0 (guint8, u->n_units + 1);
  if (u->opts.stoplist == NULL)
    return;
  const DlLexicon *terms = dl_counter_terms (u->counter, u->lang);
  for (guint32 k = 0; k < u->n_units; k++)
    {
      guint32 top = u->members[u->first[k]];
      u->stopword[k]
          = listed (u, dl_lexicon_string (terms, top), dl_lexicon_length (terms, top))
            || (u->keys != NULL
                && listed (u, dl_lexicon_string (u->keys, k), dl_lexicon_length (u->keys, k)));
    }
}

DlUnits *
dl_units_new (const DlCounter *c, DlLang lang, const DlUnitsOptions *opts)
{
  g_return_val_if_fail (opts->unit != DL_UNIT_STEM || opts->stemmer != NULL, NULL);
  g_return_val_if_fail (opts->unit != DL_UNIT_LEMMA || opts->lemmatizer != NULL, NULL);
  g_return_val_if_fail (opts->stoplist == NULL || opts->norm != NULL, NULL);
  DlUnits *u = g_new0 (DlUnits, 1);
  u->opts = *opts;
  u->counter = c;
  u->lang = lang;
  u->scratch = g_string_new (NULL);
  u->found = g_string_new (NULL);
  assign_keys (u);
  list_members (u);
  mark_stopwords (u);
  return u;
}

void
dl_units_free (DlUnits *u)
{
  if (u == NULL)
    return;
  dl_lexicon_free (u->keys);
  g_free (u->unit_of);
  g_free (u->freq);
  g_free (u->first);
  g_free (u->members);
  g_free (u->stopword);
  g_string_free (u->scratch, TRUE);
  g_string_free (u->found, TRUE);
  g_free (u->term_freq);
  g_free (u);
}

DlUnit
dl_units_kind (const DlUnits *u)
{
  return u->opts.unit;
}

DlLang
dl_units_lang (const DlUnits *u)
{
  return u->lang;
}

const DlCounter *
dl_units_counter (const DlUnits *u)
{
  return u->counter;
}

guint32
dl_units_size (const DlUnits *u)
{
  return u->n_units;
}

guint32
dl_units_of (const DlUnits *u, guint32 term)
{
  return u->unit_of[term];
}

guint32
dl_units_types (const DlUnits *u)
{
  guint32 n = 0;
  for (guint32 k = 0; k < u->n_units; k++)
    n += !u->stopword[k];
  return n;
}

const guint32 *
dl_units_map (const DlUnits *u)
{
  return u->unit_of;
}

const char *
dl_units_key (const DlUnits *u, guint32 unit)
{
  g_return_val_if_fail (unit < u->n_units, NULL);
  if (u->keys == NULL)
    return dl_lexicon_string (dl_counter_terms (u->counter, u->lang), unit);
  return dl_lexicon_string (u->keys, unit);
}

const char *
dl_units_headword (const DlUnits *u, guint32 unit)
{
  g_return_val_if_fail (unit < u->n_units, NULL);
  if (u->opts.unit == DL_UNIT_LEMMA)
    return dl_lexicon_string (u->keys, unit);
  return dl_counter_display (u->counter, u->lang, u->members[u->first[unit]]);
}

guint64
dl_units_freq (const DlUnits *u, guint32 unit)
{
  g_return_val_if_fail (unit < u->n_units, 0);
  return u->freq[unit];
}

gboolean
dl_units_is_stopword (const DlUnits *u, guint32 unit)
{
  g_return_val_if_fail (unit < u->n_units, FALSE);
  return u->stopword[unit];
}

const guint32 *
dl_units_terms (const DlUnits *u, guint32 unit, guint *n)
{
  g_return_val_if_fail (unit < u->n_units, NULL);
  *n = u->first[unit + 1] - u->first[unit];
  return u->members + u->first[unit];
}

gboolean
dl_units_find (DlUnits *u, const char *folded, gsize len, guint32 *unit)
{
  guint32 term;
  if (dl_lexicon_lookup (dl_counter_terms (u->counter, u->lang), folded, len, &term))
    {
      *unit = u->unit_of[term];
      return TRUE;
    }
  if (u->keys == NULL)
    return FALSE;
  /* A word the corpus lacks: its key, by the rules for terms. */
  gboolean proper = dl_counter_is_proper_text (u->counter, u->lang, folded, len);
  G_LOCK (tools);
  if (u->opts.unit == DL_UNIT_LEMMA)
    lemma_key (u, folded, len, proper, u->found);
  else
    stem_key (u, folded, len, proper, u->found);
  gboolean found = dl_lexicon_lookup (u->keys, u->found->str, u->found->len, unit);
  G_UNLOCK (tools);
  return found;
}
