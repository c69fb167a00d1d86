/* hitblocks.c — the blocks a search over an index reads (hitblocks.h):
 * each term's forms among the words, found by search for a word and by
 * testing every form for a pattern, a regular expression or a word
 * compared by stem or lemma; the blocks of each query's rarest term. */
#include "config.h"

#include "hitblocks.h"

/* The forms a term matches, and how many blocks hold them (counted once
 * per form: at least the blocks of their union). */
typedef struct {
  GArray *forms; /* DlIndexMark */
  guint64 blocks;
} TermForms;

static void
add_form (TermForms *tf, DlLang lang, guint64 k, guint64 blocks)
{
  DlIndexMark m = { .lang = lang, .k = k };
  g_array_append_val (tf->forms, m);
  tf->blocks += blocks;
}

/* Finds each term's forms among @w's: by search for a word, by a pass over
 * all the forms for the other terms. FALSE with @error if the words are
 * damaged. */
static gboolean
find_forms (DlIndexWords *w, DlMatcher *m, TermForms *terms, GError **error)
{
  guint n_terms = dl_matcher_n_terms (m);
  g_autofree guint64 *mask = g_new0 (guint64, (n_terms + 63) / 64);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      gboolean test = FALSE;
      for (guint t = 0; t < n_terms; t++)
        {
          const GString *word = dl_matcher_term_word (m, t, l);
          guint64 k, blocks;
          gsize len;
          if (word == NULL)
            test = TRUE;
          else if (!dl_index_words_find (w, l, word->str, word->len, &k, error))
            return FALSE;
          else if (k != G_MAXUINT64)
            {
              if (dl_index_words_form (w, l, k, &len, &blocks, error) == NULL)
                return FALSE;
              add_form (&terms[t], l, k, blocks);
            }
        }
      for (guint64 k = 0; test && k < dl_index_words_size (w, l); k++)
        {
          gsize len;
          guint64 blocks;
          const char *form = dl_index_words_form (w, l, k, &len, &blocks, error);
          if (form == NULL)
            return FALSE;
          dl_matcher_test_folded (m, l, form, len, mask);
          for (guint t = 0; t < n_terms; t++)
            if ((mask[t / 64] >> (t % 64)) & 1 && dl_matcher_term_word (m, t, l) == NULL)
              add_form (&terms[t], l, k, blocks);
        }
    }
  return TRUE;
}

gboolean
dl_hit_blocks (DlIndex *idx, guint i, DlMatcher *m, const DlIndexNeed *before,
               const DlIndexNeed *after, GArray *ranges, GError **error)
{
  if (!dl_matcher_folds (m))
    return FALSE;
  g_autoptr (DlIndexWords) w = dl_index_words_open (idx, i, error);
  if (w == NULL)
    return FALSE;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (!dl_index_words_has (w, l))
      return FALSE;

  guint n_terms = dl_matcher_n_terms (m);
  g_autofree TermForms *terms = g_new0 (TermForms, n_terms);
  for (guint t = 0; t < n_terms; t++)
    terms[t].forms = g_array_new (FALSE, FALSE, sizeof (DlIndexMark));
  gboolean found = find_forms (w, m, terms, error);

  /* The forms of each query's rarest term. */
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (DlIndexMark));
  for (guint q = 0; q < dl_matcher_n_queries (m); q++)
    {
      guint first, n = dl_matcher_query_terms (m, q, &first);
      guint best = first;
      for (guint t = first + 1; t < first + n; t++)
        if (terms[t].blocks < terms[best].blocks)
          best = t;
      g_array_append_vals (wanted, terms[best].forms->data, terms[best].forms->len);
    }
  for (guint t = 0; t < n_terms; t++)
    g_array_unref (terms[t].forms);
  if (!found)
    return FALSE;

  guint64 n_blocks = dl_index_input_blocks (idx, i);
  g_autofree guint8 *blocks = g_malloc0 (MAX (n_blocks, 1));
  if (!dl_index_words_mark (w, (DlIndexMark *) (gpointer) wanted->data, wanted->len, blocks, error))
    return FALSE;
  dl_index_input_ranges (idx, i, blocks, before, after, ranges);
  return TRUE;
}
