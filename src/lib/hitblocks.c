/* hitblocks.c — the blocks a search over an index reads (hitblocks.h):
 * each term's forms among the words, found by search for a word and by
 * testing every form for a pattern, a regular expression or a word
 * compared by stem or lemma; the blocks of each query's rarest term. */
#include "config.h"

#include "hitblocks.h"

/* What a term matches: a word's forms (their blocks read at the end), or
 * the blocks of the forms a pass over the words found (marked as they are
 * found, so that the pass stops once they are every block). */
typedef struct {
  gboolean tested;  /* found by the pass */
  GArray *forms;    /* DlIndexMark, of a word */
  guint8 *blocks;   /* of a tested term, one byte a block */
  guint64 n_blocks; /* a word's: its forms' blocks summed (at least their
                       union's); a tested term's: its blocks */
} TermForms;

static void
terms_free (TermForms *terms, guint n)
{
  for (guint t = 0; t < n; t++)
    {
      g_array_unref (terms[t].forms);
      g_free (terms[t].blocks);
    }
  g_free (terms);
}

/* Finds each term's forms among @w's: by search for a word, by a pass over
 * all the forms for the other terms (while some of those has not every
 * block). FALSE with @error if the words are damaged. */
static gboolean
find_forms (DlIndexWords *w, DlMatcher *m, TermForms *terms, guint64 n_blocks, GError **error)
{
  guint n_terms = dl_matcher_n_terms (m);
  g_autofree guint64 *mask = g_new0 (guint64, (n_terms + 63) / 64);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      guint open = 0; /* tested terms without every block */
      for (guint t = 0; t < n_terms; t++)
        {
          const GString *word = dl_matcher_term_word (m, t, l);
          guint64 k, blocks;
          gsize len;
          if (word == NULL)
            open += terms[t].n_blocks < n_blocks;
          else if (!dl_index_words_find (w, l, word->str, word->len, &k, error))
            return FALSE;
          else if (k != G_MAXUINT64)
            {
              if (dl_index_words_form (w, l, k, &len, &blocks, error) == NULL)
                return FALSE;
              DlIndexMark mark = { .lang = l, .k = k };
              g_array_append_val (terms[t].forms, mark);
              terms[t].n_blocks += blocks;
            }
        }
      for (guint64 k = 0; open > 0 && k < dl_index_words_size (w, l); k++)
        {
          gsize len;
          guint64 blocks;
          const char *form = dl_index_words_form (w, l, k, &len, &blocks, error);
          if (form == NULL)
            return FALSE;
          dl_matcher_test_folded (m, l, form, len, mask);
          for (guint t = 0; t < n_terms; t++)
            {
              TermForms *tf = &terms[t];
              if (!((mask[t / 64] >> (t % 64)) & 1) || !tf->tested || tf->n_blocks == n_blocks)
                continue;
              DlIndexMark mark = { .lang = l, .k = k };
              if (!dl_index_words_mark (w, &mark, 1, tf->blocks, &tf->n_blocks, error))
                return FALSE;
              open -= tf->n_blocks == n_blocks;
            }
        }
    }
  return TRUE;
}

gboolean
dl_hit_blocks (DlIndex *idx, guint i, DlMatcher *m, const DlIndexNeed *before,
               const DlIndexNeed *after, GArray *ranges, GError **error)
{
  /* CQL's tests are not on folded forms alone: every block is read. */
  if (!dl_matcher_folds (m) || dl_matcher_has_cql (m))
    return FALSE;
  g_autoptr (DlIndexWords) w = dl_index_words_open (idx, i, error);
  if (w == NULL)
    return FALSE;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (!dl_index_words_has (w, l))
      return FALSE;

  guint64 n_blocks = dl_index_input_blocks (idx, i);
  guint n_terms = dl_matcher_n_terms (m);
  TermForms *terms = g_new0 (TermForms, n_terms);
  for (guint t = 0; t < n_terms; t++)
    {
      terms[t].forms = g_array_new (FALSE, FALSE, sizeof (DlIndexMark));
      /* A term is tested if it is no word in some language. */
      for (int l = 0; l < DL_LANG_COUNT; l++)
        terms[t].tested = terms[t].tested || dl_matcher_term_word (m, t, l) == NULL;
      if (terms[t].tested)
        terms[t].blocks = g_malloc0 (MAX (n_blocks, 1));
    }
  g_autofree guint8 *blocks = g_malloc0 (MAX (n_blocks, 1));
  gboolean ok = find_forms (w, m, terms, n_blocks, error);

  /* The blocks of each query's rarest term. */
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (DlIndexMark));
  for (guint q = 0; ok && q < dl_matcher_n_queries (m); q++)
    {
      guint first, n = dl_matcher_query_terms (m, q, &first);
      guint best = first;
      for (guint t = first + 1; t < first + n; t++)
        if (terms[t].n_blocks < terms[best].n_blocks)
          best = t;
      const TermForms *tf = &terms[best];
      for (guint64 b = 0; tf->blocks != NULL && b < n_blocks; b++)
        blocks[b] |= tf->blocks[b];
      g_array_append_vals (wanted, tf->forms->data, tf->forms->len);
    }
  terms_free (terms, n_terms);
  if (!ok
      || !dl_index_words_mark (w, (DlIndexMark *) (gpointer) wanted->data, wanted->len, blocks,
                               NULL, error))
    return FALSE;
  dl_index_input_ranges (idx, i, blocks, before, after, ranges);
  return TRUE;
}
