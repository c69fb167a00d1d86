/* hitblocks.c — the blocks a search over an index reads (hitblocks.h):
 * each term's forms among the words, found by search for a word and by
 * testing every form for a pattern, a regular expression or a word
 * compared by stem or lemma; the blocks of each query's rarest term. A
 * CQL query's conditions are tested on every form as well (but for
 * word's tests, unknown there), and the query says which of their blocks
 * hold its matches. */
#include "config.h"

#include "hitblocks.h"

#include "number.h"

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

/* A form of the lexicon none of the tests can match (dl_index_words_memo;
 * 0: not known). */
#define MEMO_NOTHING 1

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

/* A CQL query's conditions that say where its matches lie (cql.h,
 * dl_cql_anchor): per condition the blocks holding a form that may meet
 * it (NULL for one not asked for), and how many. */
typedef struct {
  guint query;
  const DlCql *cql;
  guint8 **sets;
  guint64 *marked;
} CqlSets;

static void
cql_sets_free (CqlSets *c, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      for (guint k = 0; k < dl_cql_n_conds (c[i].cql); k++)
        g_free (c[i].sets[k]);
      g_free (c[i].sets);
      g_free (c[i].marked);
    }
  g_free (c);
}

/* Marks the blocks of form @k of @lang (@form, @len bytes) in the sets of
 * the CQL conditions it may meet; counts in *@open the sets that became
 * full. Sets *@may if it may meet one, *@unsure if a query's conditions
 * were not tested (their sets full). FALSE with @error if the words are
 * damaged. */
static gboolean
cql_mark (DlIndexWords *w, DlMatcher *m, CqlSets *cql, guint n_cql, DlLang lang, guint64 k,
          const char *form, gsize len, guint64 n_blocks, guint *open, gboolean *may,
          gboolean *unsure, GError **error)
{
  for (guint i = 0; i < n_cql; i++)
    {
      CqlSets *c = &cql[i];
      guint64 mask, known;
      gboolean tested = FALSE;
      for (guint d = 0; d < dl_cql_n_conds (c->cql); d++)
        {
          if (c->sets[d] == NULL)
            continue;
          if (c->marked[d] == n_blocks)
            {
              *unsure = TRUE;
              continue;
            }
          if (!tested)
            dl_matcher_cql_folded (m, c->query, lang, form, len, &mask, &known);
          tested = TRUE;
          if (!dl_cql_cond_may (c->cql, d, mask, known))
            continue;
          *may = TRUE;
          DlIndexMark mark = { .lang = lang, .k = k };
          if (!dl_index_words_mark (w, &mark, 1, c->sets[d], &c->marked[d], error))
            return FALSE;
          *open -= c->marked[d] == n_blocks;
        }
    }
  return TRUE;
}

/* Adds to @ranges (pairs of form numbers) the forms of @lang in @w that
 * start with @prefix, or that are @prefix if @exact. FALSE with @error if
 * the words are damaged. */
static gboolean
add_prefix_range (DlIndexWords *w, DlLang lang, const GString *prefix, gboolean exact,
                  GArray *ranges, GError **error)
{
  guint64 range[2];
  if (!dl_index_words_prefix (w, lang, prefix->str, prefix->len, exact, &range[0], &range[1],
                              error))
    return FALSE;
  g_array_append_vals (ranges, range, 2);
  return TRUE;
}

/* Into @ranges, sorted and merged, the forms of @lang the pass over the
 * words must test: those of each tested term and CQL condition still
 * open, by their prefixes (dl_matcher_term_prefix, dl_matcher_cql_prefix);
 * every form if one has none. FALSE with @error if the words are
 * damaged. */
static gboolean
forms_to_test (DlIndexWords *w, DlMatcher *m, const TermForms *terms, const CqlSets *cql,
               guint n_cql, guint64 n_blocks, DlLang lang, GArray *ranges, GError **error)
{
  g_array_set_size (ranges, 0);
  g_autoptr (GString) prefix = g_string_new (NULL);
  gboolean exact, all = FALSE;
  for (guint t = 0; !all && t < dl_matcher_n_terms (m); t++)
    {
      if (!terms[t].tested || terms[t].n_blocks == n_blocks)
        continue;
      all = !dl_matcher_term_prefix (m, t, lang, prefix, &exact) || (prefix->len == 0 && !exact);
      if (!all && !add_prefix_range (w, lang, prefix, exact, ranges, error))
        return FALSE;
    }
  for (guint i = 0; !all && i < n_cql; i++)
    for (guint d = 0; !all && d < dl_cql_n_conds (cql[i].cql); d++)
      {
        if (cql[i].sets[d] == NULL || cql[i].marked[d] == n_blocks)
          continue;
        all = !dl_matcher_cql_prefix (m, cql[i].query, d, lang, prefix, &exact)
              || (prefix->len == 0 && !exact);
        if (!all && !add_prefix_range (w, lang, prefix, exact, ranges, error))
          return FALSE;
      }
  if (all)
    {
      if (!dl_index_words_load (w, error))
        return FALSE;
      guint64 range[2] = { 0, dl_index_words_size (w, lang) };
      g_array_set_size (ranges, 0);
      g_array_append_vals (ranges, range, 2);
      return TRUE;
    }
  /* Sorted by start (pairs move together), then merged. */
  qsort (ranges->data, ranges->len / 2, 2 * sizeof (guint64), dl_compare_u64);
  guint out = 0;
  guint64 *r = (guint64 *) (gpointer) ranges->data;
  for (guint i = 0; i < ranges->len; i += 2)
    {
      if (r[i] >= r[i + 1])
        continue;
      if (out > 0 && r[i] <= r[out - 1])
        r[out - 1] = MAX (r[out - 1], r[i + 1]);
      else
        {
          r[out] = r[i];
          r[out + 1] = r[i + 1];
          out += 2;
        }
    }
  g_array_set_size (ranges, out);
  return TRUE;
}

/* Finds each term's forms among @w's: by search for a word, by a pass over
 * the forms for the other terms (while some of those has not every
 * block): those that start with what they must start with, if each
 * says. FALSE with @error if the words are damaged. */
static gboolean
find_forms (DlIndexWords *w, DlMatcher *m, TermForms *terms, CqlSets *cql, guint n_cql,
            guint64 n_blocks, GError **error)
{
  guint n_terms = dl_matcher_n_terms (m);
  g_autofree guint64 *mask = g_new0 (guint64, MAX ((n_terms + 63) / 64, 1));
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      guint open = 0; /* tested terms and CQL sets without every block */
      for (guint i = 0; i < n_cql; i++)
        for (guint d = 0; d < dl_cql_n_conds (cql[i].cql); d++)
          open += cql[i].sets[d] != NULL && cql[i].marked[d] < n_blocks;
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
      if (open > 0 && !forms_to_test (w, m, terms, cql, n_cql, n_blocks, l, ranges, error))
        return FALSE;
      /* What a form of the segment's lexicon gave the tests, kept from
       * input to input: most forms match no term, and an input's are
       * those of many others. */
      guint8 *memo = open > 0 ? dl_index_words_memo (w, l, m) : NULL;
      const guint64 *r = (const guint64 *) (gconstpointer) ranges->data;
      for (guint ri = 0; open > 0 && ri < ranges->len; ri += 2)
        for (guint64 k = r[ri]; open > 0 && k < r[ri + 1]; k++)
          {
            guint64 id = dl_index_words_lexicon_id (w, l, k, error);
            if (id == G_MAXUINT64)
              return FALSE;
            if (memo[id] == MEMO_NOTHING)
              continue;
            gsize len;
            guint64 blocks;
            const char *form = dl_index_words_form (w, l, k, &len, &blocks, error);
            if (form == NULL)
              return FALSE;
            dl_matcher_test_folded (m, l, form, len, mask);
            gboolean may = FALSE, unsure = FALSE;
            for (guint t = 0; t < n_terms; t++)
              {
                TermForms *tf = &terms[t];
                if (!((mask[t / 64] >> (t % 64)) & 1) || !tf->tested)
                  continue;
                may = TRUE;
                if (tf->n_blocks == n_blocks)
                  continue;
                DlIndexMark mark = { .lang = l, .k = k };
                if (!dl_index_words_mark (w, &mark, 1, tf->blocks, &tf->n_blocks, error))
                  return FALSE;
                open -= tf->n_blocks == n_blocks;
              }
            if (!cql_mark (w, m, cql, n_cql, l, k, form, len, n_blocks, &open, &may, &unsure,
                           error))
              return FALSE;
            if (!may && !unsure)
              memo[id] = MEMO_NOTHING;
          }
    }
  return TRUE;
}

/* Whether CQL query @c has conditions one of whose tokens every match
 * holds: none when a match may be of [] alone or of optional parts, so
 * that every block is read whatever the words say. */
static gboolean
cql_has_anchors (const DlCql *c)
{
  guint n = dl_cql_n_conds (c);
  g_autofree guint64 *cost = g_new (guint64, n);
  g_autofree guint8 *chosen = g_new (guint8, n);
  for (guint d = 0; d < n; d++)
    cost[d] = 1;
  return dl_cql_anchor_conds (c, cost, chosen);
}

/* Whether the needs are columns alone, which a block's lines can be
 * seen to hold without tokenizing them. */
static gboolean
columns_alone (const DlIndexNeed *need)
{
  return need->reach == 0 && need->tokens == 0;
}

static gboolean
accepts (const char *text, gsize len, gpointer user_data)
{
  return dl_prefilter_line (user_data, text, len);
}

/* Looks at each block marked in @blocks (@n) beside one that is not, and
 * marks the sides on which its lines around those @edges accepts hold the
 * columns needed (dl_index_lines_edges). FALSE with @error
 * (DL_ERROR_INDEX) if a block is damaged. */
static gboolean
hold_edges (DlIndex *idx, guint i, guint8 *blocks, guint64 n, const DlPrefilter *edges,
            const DlIndexNeed *before, const DlIndexNeed *after, DlIndexLines *lines,
            GError **error)
{
  g_autoptr (DlIndexLines) own = NULL;
  DlIndexLines *r = lines;
  for (guint64 b = 0; b < n; b++)
    {
      gboolean alone_before = b > 0 && !(blocks[b - 1] & DL_INDEX_MARK_READ);
      gboolean alone_after = b + 1 < n && !(blocks[b + 1] & DL_INDEX_MARK_READ);
      if (!(blocks[b] & DL_INDEX_MARK_READ) || !(alone_before || alone_after))
        continue;
      if (r == NULL && (r = own = dl_index_lines_open (idx, i, error)) == NULL)
        return FALSE;
      gboolean holds_before, holds_after;
      if (!dl_index_lines_edges (r, b, before->cols, after->cols, accepts, (gpointer) edges,
                                 &holds_before, &holds_after, error))
        return FALSE;
      if (holds_before)
        blocks[b] |= DL_INDEX_MARK_HOLDS_BEFORE;
      if (holds_after)
        blocks[b] |= DL_INDEX_MARK_HOLDS_AFTER;
    }
  return TRUE;
}

gboolean
dl_hit_blocks (DlIndex *idx, guint i, DlMatcher *m, const DlIndexNeed *before,
               const DlIndexNeed *after, const DlPrefilter *edges, DlIndexLines *lines,
               DlIndexWords **words, GArray *ranges, GArray *anchors, gboolean *by_words,
               GError **error)
{
  if (anchors != NULL)
    {
      g_array_set_size (anchors, 0);
      *by_words = FALSE;
    }
  if (!dl_matcher_folds (m))
    return FALSE;
  for (guint q = 0; q < dl_matcher_n_queries (m); q++)
    if (dl_matcher_query_cql (m, q) != NULL && !cql_has_anchors (dl_matcher_query_cql (m, q)))
      return FALSE;
  if (*words == NULL ? (*words = dl_index_words_open (idx, i, error)) == NULL
                     : !dl_index_words_reopen (*words, idx, i))
    return FALSE;
  DlIndexWords *w = *words;
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
  /* CQL queries: the sets of the conditions that say where they match. */
  guint n_queries = dl_matcher_n_queries (m), n_cql = 0;
  CqlSets *cql = g_new0 (CqlSets, n_queries);
  for (guint q = 0; q < n_queries; q++)
    {
      const DlCql *c = dl_matcher_query_cql (m, q);
      if (c == NULL)
        continue;
      CqlSets *cs = &cql[n_cql++];
      cs->query = q;
      cs->cql = c;
      cs->sets = g_new0 (guint8 *, MAX (dl_cql_n_conds (c), 1));
      cs->marked = g_new0 (guint64, MAX (dl_cql_n_conds (c), 1));
      for (guint d = 0; d < dl_cql_n_conds (c); d++)
        if (dl_cql_cond_anchors (c, d))
          cs->sets[d] = g_malloc0 (MAX (n_blocks, 1));
    }
  g_autofree guint8 *blocks = g_malloc0 (MAX (n_blocks, 1));
  g_autofree guint8 *anchored = g_malloc0 (MAX (n_blocks, 1));
  gboolean ok = find_forms (w, m, terms, cql, n_cql, n_blocks, error);
  gboolean said = TRUE; /* every CQL query has blocks for its matches */
  for (guint c = 0; ok && said && c < n_cql; c++)
    {
      said = dl_cql_anchor (cql[c].cql, cql[c].sets, n_blocks, anchored);
      for (guint64 b = 0; said && b < n_blocks; b++)
        blocks[b] |= anchored[b];
    }
  cql_sets_free (cql, n_cql);

  /* The blocks of each word query's rarest term. */
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (DlIndexMark));
  gboolean words_say = n_cql == 0;
  for (guint q = 0; ok && said && q < n_queries; q++)
    {
      guint first, n = dl_matcher_query_terms (m, q, &first);
      if (n == 0)
        continue; /* CQL */
      guint best = first;
      for (guint t = first + 1; t < first + n; t++)
        if (terms[t].n_blocks < terms[best].n_blocks)
          best = t;
      const TermForms *tf = &terms[best];
      words_say = words_say && !tf->tested;
      for (guint64 b = 0; tf->blocks != NULL && b < n_blocks; b++)
        blocks[b] |= tf->blocks[b];
      g_array_append_vals (wanted, tf->forms->data, tf->forms->len);
    }
  terms_free (terms, n_terms);
  if (!ok || !said
      || !dl_index_words_mark (w, (DlIndexMark *) (gpointer) wanted->data, wanted->len, blocks,
                               NULL, error))
    return FALSE;
  if (edges != NULL && columns_alone (before) && columns_alone (after)
      && !hold_edges (idx, i, blocks, n_blocks, edges, before, after, lines, error))
    return FALSE;
  dl_index_input_ranges (idx, i, blocks, before, after, ranges);
  if (anchors != NULL && words_say)
    {
      g_array_append_vals (anchors, wanted->data, wanted->len);
      *by_words = TRUE;
    }
  return TRUE;
}

gboolean
dl_hit_blocks_restrict (DlStream *stream, const DlInput *input,
                        const DlDocumentOptions *doc_options, DlMatcher *m, const DlIndexNeed *need,
                        const DlPrefilter *edges, DlIndexWords **words, GArray *ranges,
                        GArray *anchors, gboolean *by_words, gboolean *restricted, GError **error)
{
  *restricted = FALSE;
  /* Its lines' languages are the build's, unless --assume-lang. */
  if (input->index == NULL || doc_options->assume)
    return TRUE;
  GError *local = NULL;
  /* The edges read through the stream's reader: it reads the blocks
   * again without decompressing them again. */
  if (!dl_hit_blocks (input->index, input->entry, m, need, need, edges,
                      dl_stream_index_lines (stream), words, ranges, anchors, by_words, &local))
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, local);
      return FALSE;
    }
  dl_stream_restrict (stream, (const guint64 *) (gpointer) ranges->data, ranges->len / 2);
  *restricted = TRUE;
  return TRUE;
}
