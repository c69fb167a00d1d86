/* eval-units.c — how well each counting unit (form, Snowball stem, hunspell
 * stem, lemma) groups the tokens of UD treebanks as their gold lemmas do:
 * B-cubed precision, recall and F1 over tokens, per language and per UPOS.
 * The gold tokens go through a DlCounter, so folding, frequencies and the
 * proper-noun rule are derlem's own. Never part of make check.
 *
 *   bench/eval-units [TR.conllu EN.conllu]      (default ../shared/ud/ dev files)
 *   bench/eval-units --dump tr|en FILE.conllu   wrong lemmas, most frequent first
 *   bench/eval-units --speed tr|en LIST          lemmatize a word list (word[\tcount]
 *                                                lines): types per second
 *
 * Tokens: the orthographic words, so a multiword token (`1-2 didn't`,
 * `başlıyorlarmış`) counts once with the lemma and UPOS of its first part
 * (its head word: do, başla). Left out: UPOS PUNCT and SYM. Gold lemmas are
 * folded by the language's rules, a homonym index (`hayat(I)`) dropped. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "counter.h"
#include "lemma.h"
#include "lexicon.h"
#include "normalize.h"
#include "stem.h"
#include "units.h"

typedef struct {
  char *form, *lemma, *upos;
  gboolean sentence_start;
} Token;

static void
token_clear (gpointer p)
{
  Token *t = p;
  g_free (t->form), g_free (t->lemma), g_free (t->upos);
}

static void
add_token (GArray *tokens, char **f, gboolean *start, DlNormalizer *norm, DlLang lang)
{
  if (strcmp (f[3], "PUNCT") == 0 || strcmp (f[3], "SYM") == 0)
    return;
  g_autoptr (GString) lemma = g_string_new (f[2]);
  char *paren = strchr (lemma->str, '(');
  if (paren != NULL && paren != lemma->str)
    g_string_truncate (lemma, (gsize) (paren - lemma->str));
  g_autoptr (GString) folded = g_string_new (NULL);
  dl_normalizer_fold (norm, lang, lemma->str, lemma->len, folded);
  Token t = { g_strdup (f[1]), g_strdup (folded->str), g_strdup (f[3]), *start };
  g_array_append_val (tokens, t);
  *start = FALSE;
}

/* The tokens of @path; NULL if it cannot be read. */
static GArray *
read_conllu (const char *path, DlLang lang, DlNormalizer *norm)
{
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_array_set_clear_func (tokens, token_clear);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean start = TRUE;
  guint skip_to = 0; /* the last part of the multiword token read */
  char *mw_form = NULL;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        {
          start = TRUE;
          continue;
        }
      if (lines[i][0] == '#')
        continue;
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (f) < 4 || strchr (f[0], '.') != NULL)
        continue;
      char *dash = strchr (f[0], '-');
      guint id = (guint) g_ascii_strtoull (f[0], NULL, 10);
      if (dash != NULL)
        {
          g_free (mw_form);
          mw_form = g_strdup (f[1]);
          skip_to = (guint) g_ascii_strtoull (dash + 1, NULL, 10);
          continue;
        }
      if (mw_form != NULL)
        {
          /* The first part stands for the orthographic word. */
          g_free (f[1]);
          f[1] = g_steal_pointer (&mw_form);
          add_token (tokens, f, &start, norm, lang);
          continue;
        }
      if (skip_to != 0 && id <= skip_to)
        {
          if (id == skip_to)
            skip_to = 0;
          continue;
        }
      add_token (tokens, f, &start, norm, lang);
    }
  g_free (mw_form);
  return tokens;
}

/* The tokens' terms, counted by derlem's counter: @merged holds the
 * vocabulary; returns the term id of each token. */
static guint32 *
count_tokens (GArray *tokens, DlLang lang, DlNormalizer *norm, DlCounter **merged)
{
  DlCounterOptions opts;
  dl_counter_options_init (&opts);
  g_autoptr (DlCounter) c = dl_counter_new (&opts);
  g_autofree guint32 *forms = g_new (guint32, tokens->len + 1);
  dl_counter_begin_input (c);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      forms[i] = dl_counter_add (c, lang, t->form, strlen (t->form), t->sentence_start);
    }
  dl_counter_end_input (c, norm);
  *merged = dl_counter_new (&opts);
  dl_counter_merge (*merged, c, 0);
  g_autofree guint32 *ids = dl_counter_input_ids (*merged, c, lang);
  guint32 *terms = g_new (guint32, tokens->len + 1);
  for (guint i = 0; i < tokens->len; i++)
    terms[i] = ids[forms[i]];
  return terms;
}

enum { FORM, STEM, HUNSPELL, LEMMA, METHODS };
static const char *const method_names[METHODS] = { "form", "stem", "hunspell", "lemma" };

/* Copies the unit of every term in @u into a new array, and the units'
 * keys into @names (so that the ids agree). */
static guint32 *
copy_units (const DlUnits *u, guint32 n_terms, DlLexicon *names)
{
  for (guint32 k = 0; k < dl_units_size (u); k++)
    {
      const char *key = dl_units_key (u, k);
      dl_lexicon_intern (names, key, strlen (key), NULL);
    }
  return g_memdup2 (dl_units_map (u), (n_terms + 1) * sizeof (guint32));
}

/* The unit of every term under each method: units[m][term] and, in
 * @names[m], the unit strings. Stems and lemmas are made by units.h, as
 * the commands make them. */
static void
units_of (DlCounter *counter, DlLang lang, DlLemmatizer *lem, DlStemmer *st, guint32 **units,
          DlLexicon **names, double *seconds)
{
  const DlLexicon *terms = dl_counter_terms (counter, lang);
  guint32 n = dl_lexicon_size (terms);
  for (int m = 0; m < METHODS; m++)
    names[m] = dl_lexicon_new ();
  units[FORM] = g_new (guint32, n + 1);
  units[HUNSPELL] = g_new (guint32, n + 1);
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint32 id = 0; id < n; id++)
    {
      const char *t = dl_lexicon_string (terms, id);
      gsize len = dl_lexicon_length (terms, id);
      units[FORM][id] = dl_lexicon_intern (names[FORM], t, len, NULL);
      dl_lemmatizer_dictionary_stem (lem, lang, t, len, s);
      units[HUNSPELL][id] = dl_lexicon_intern (names[HUNSPELL], s->str, s->len, NULL);
    }
  DlUnitsOptions so = { DL_UNIT_STEM, st, NULL, NULL, NULL };
  g_autoptr (DlUnits) stems = dl_units_new (counter, lang, &so);
  units[STEM] = copy_units (stems, n, names[STEM]);
  gint64 t0 = g_get_monotonic_time ();
  DlUnitsOptions lo = { DL_UNIT_LEMMA, NULL, lem, NULL, NULL };
  g_autoptr (DlUnits) lemmas = dl_units_new (counter, lang, &lo);
  *seconds = (double) (g_get_monotonic_time () - t0) / 1e6;
  units[LEMMA] = copy_units (lemmas, n, names[LEMMA]);
}

static guint64
pair_key (guint32 a, guint32 b)
{
  return ((guint64) a << 32) | b;
}

/* B-cubed per token of a clustering (@unit by token) against @gold:
 * precision and recall of each token into @p, @r. */
static void
bcubed (const guint32 *unit, const guint32 *gold, guint n, double *p, double *r)
{
  g_autoptr (GHashTable) units = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) golds = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) pairs
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < n; i++)
    {
      gpointer k = GUINT_TO_POINTER (unit[i] + 1), g = GUINT_TO_POINTER (gold[i] + 1);
      g_hash_table_insert (
          units, k, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (units, k)) + 1));
      g_hash_table_insert (
          golds, g, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (golds, g)) + 1));
      guint64 key = pair_key (unit[i], gold[i]);
      guint *c = g_hash_table_lookup (pairs, &key);
      if (c == NULL)
        {
          guint64 *kp = g_new (guint64, 1);
          *kp = key;
          c = g_new0 (guint, 1);
          g_hash_table_insert (pairs, kp, c);
        }
      (*c)++;
    }
  for (guint i = 0; i < n; i++)
    {
      guint64 key = pair_key (unit[i], gold[i]);
      double both = *(guint *) g_hash_table_lookup (pairs, &key);
      p[i] = both / GPOINTER_TO_UINT (g_hash_table_lookup (units, GUINT_TO_POINTER (unit[i] + 1)));
      r[i] = both / GPOINTER_TO_UINT (g_hash_table_lookup (golds, GUINT_TO_POINTER (gold[i] + 1)));
    }
}

typedef struct {
  double p[METHODS], r[METHODS];
  guint n;
} Sums;

static void
print_row (const char *label, const Sums *s)
{
  printf ("%-6s %6u", label, s->n);
  for (int m = 0; m < METHODS; m++)
    {
      double p = s->p[m] / s->n, r = s->r[m] / s->n;
      printf ("  %.3f %.3f %.3f", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
  printf ("\n");
}

static gint
by_count (gconstpointer a, gconstpointer b, gpointer data)
{
  const Sums *sa = g_hash_table_lookup (data, *(const char *const *) a);
  const Sums *sb = g_hash_table_lookup (data, *(const char *const *) b);
  return sa->n == sb->n ? strcmp (*(const char *const *) a, *(const char *const *) b)
                        : (sa->n < sb->n ? 1 : -1);
}

/* The figures of one language: overall and per UPOS. */
static void
report (GArray *tokens, const guint32 *term, guint32 **units, DlLang lang, DlLexicon *golds)
{
  guint n = tokens->len;
  g_autofree guint32 *gold = g_new (guint32, n + 1);
  g_autofree guint32 *unit = g_new (guint32, n + 1);
  g_autofree double *p = g_new (double, n + 1), *r = g_new (double, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const char *l = g_array_index (tokens, Token, i).lemma;
      gold[i] = dl_lexicon_intern (golds, l, strlen (l), NULL);
    }
  Sums all = { 0 };
  g_autoptr (GHashTable) pos = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (int m = 0; m < METHODS; m++)
    {
      for (guint i = 0; i < n; i++)
        unit[i] = units[m][term[i]];
      bcubed (unit, gold, n, p, r);
      for (guint i = 0; i < n; i++)
        {
          const char *u = g_array_index (tokens, Token, i).upos;
          Sums *s = g_hash_table_lookup (pos, u);
          if (s == NULL)
            g_hash_table_insert (pos, (gpointer) u, s = g_new0 (Sums, 1));
          s->p[m] += p[i], s->r[m] += r[i], all.p[m] += p[i], all.r[m] += r[i];
          if (m == 0)
            s->n++, all.n++;
        }
    }
  printf ("\n%s: B-cubed precision, recall, F1 over %u tokens\n%-6s %6s", dl_lang_code (lang), n,
          "UPOS", "tokens");
  for (int m = 0; m < METHODS; m++)
    printf ("  %-17s", method_names[m]);
  printf ("\n");
  print_row ("all", &all);
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (pos, NULL);
  guint nk = g_hash_table_size (pos);
  g_qsort_with_data (keys, (gint) nk, sizeof *keys, by_count, pos);
  for (guint k = 0; k < nk; k++)
    print_row (keys[k], g_hash_table_lookup (pos, keys[k]));
}

/* Wrong lemmas (the lemma string is not the gold one), by token count. */
static void
dump (GArray *tokens, const guint32 *term, const guint32 *lemma, const DlLexicon *names,
      DlCounter *counter, DlLang lang)
{
  g_autoptr (GHashTable) wrong = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      const char *got = dl_lexicon_string (names, lemma[term[i]]);
      if (strcmp (got, t->lemma) == 0)
        continue;
      char *key = g_strdup_printf ("%s\t%s\t%s\t%s",
                                   dl_lexicon_string (dl_counter_terms (counter, lang), term[i]),
                                   t->upos, t->lemma, got);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (wrong, key));
      g_hash_table_insert (wrong, key, GUINT_TO_POINTER (c + 1));
    }
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, wrong);
  while (g_hash_table_iter_next (&it, &k, &v))
    printf ("%u\t%s\n", GPOINTER_TO_UINT (v), (char *) k);
}

static gboolean
evaluate (const char *path, DlLang lang, gboolean dump_wrong, DlLemmatizer *lem, DlStemmer *st,
          DlNormalizer *norm)
{
  g_autoptr (GArray) tokens = read_conllu (path, lang, norm);
  if (tokens == NULL)
    {
      fprintf (stderr, "eval-units: %s: cannot be read; skipped\n", path);
      return FALSE;
    }
  g_autoptr (DlCounter) counter = NULL;
  g_autofree guint32 *term = count_tokens (tokens, lang, norm, &counter);
  guint32 *units[METHODS];
  DlLexicon *names[METHODS];
  double seconds;
  units_of (counter, lang, lem, st, units, names, &seconds);
  g_autoptr (DlLexicon) golds = dl_lexicon_new ();
  if (dump_wrong)
    dump (tokens, term, units[LEMMA], names[LEMMA], counter, lang);
  else
    {
      report (tokens, term, units, lang, golds);
      guint32 types = dl_lexicon_size (dl_counter_terms (counter, lang));
      printf ("%s: %u types lemmatized in %.3f s\n", dl_lang_code (lang), types, seconds);
    }
  for (int m = 0; m < METHODS; m++)
    g_free (units[m]), dl_lexicon_free (names[m]);
  return TRUE;
}

/* Lemmatizes the words of @path (one a line, a count after a tab) as one
 * vocabulary; prints types per second. */
static int
speed (const char *path, DlLang lang, DlLemmatizer *lem)
{
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, NULL))
    {
      fprintf (stderr, "eval-units: %s: cannot be read\n", path);
      return 1;
    }
  g_autoptr (DlLexicon) terms = dl_lexicon_new ();
  g_autoptr (GArray) freqs = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');
      guint64 f = tab != NULL ? g_ascii_strtoull (tab + 1, NULL, 10) : 1;
      gsize len = tab != NULL ? (gsize) (tab - lines[i]) : strlen (lines[i]);
      gboolean added = FALSE;
      if (len == 0 || !g_utf8_validate (lines[i], (gssize) len, NULL))
        continue;
      guint32 id = dl_lexicon_intern (terms, lines[i], len, &added);
      if (added)
        g_array_append_val (freqs, f);
      else
        g_array_index (freqs, guint64, id) += f;
    }
  g_autoptr (DlLexicon) lemmas = dl_lexicon_new ();
  gint64 t0 = g_get_monotonic_time ();
  g_autofree guint32 *map
      = dl_lemmatizer_map (lem, lang, terms, (const guint64 *) freqs->data, NULL, lemmas);
  double s = (double) (g_get_monotonic_time () - t0) / 1e6;
  guint32 n = dl_lexicon_size (terms);
  printf ("%s: %u types -> %u lemmas in %.2f s: %.0f types/s\n", dl_lang_code (lang), n,
          dl_lexicon_size (lemmas), s, n / s);
  return 0;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  g_autoptr (DlStemmer) st = norm != NULL ? dl_stemmer_new (&error) : NULL;
  g_autoptr (DlLemmatizer) lem = st != NULL ? dl_lemmatizer_new (&error) : NULL;
  if (lem == NULL)
    {
      fprintf (stderr, "eval-units: %s\n", error->message);
      return 1;
    }
  DlLang lang = DL_LANG_TR;
  if (argc == 4 && (strcmp (argv[1], "--dump") == 0 || strcmp (argv[1], "--speed") == 0))
    {
      if (!dl_lang_parse (argv[2], &lang) || lang == DL_LANG_OTHER)
        {
          fprintf (stderr, "eval-units: %s: not tr or en\n", argv[2]);
          return 2;
        }
      if (strcmp (argv[1], "--speed") == 0)
        return speed (argv[3], lang, lem);
      return evaluate (argv[3], lang, TRUE, lem, st, norm) ? 0 : 1;
    }
  if (argc != 1 && argc != 3)
    {
      fprintf (stderr, "usage: eval-units [TR.conllu EN.conllu] | --dump tr|en FILE"
                       " | --speed tr|en WORDLIST\n");
      return 2;
    }
  const char *tr = argc == 3 ? argv[1] : ABS_TOP_SRCDIR "/../shared/ud/tr_boun-ud-dev.conllu";
  const char *en = argc == 3 ? argv[2] : ABS_TOP_SRCDIR "/../shared/ud/en_ewt-ud-dev.conllu";
  gboolean any = evaluate (tr, DL_LANG_TR, FALSE, lem, st, norm);
  any = evaluate (en, DL_LANG_EN, FALSE, lem, st, norm) || any;
  if (!any)
    fprintf (stderr, "eval-units: no UD data: nothing measured\n");
  return 0;
}
