/* ngrams.c — a ring of the run's last tokens (form ids of the input); each
 * token closes one n-gram of every size the run is long enough for. With
 * --contains, a second ring remembers where the matches ending at each
 * position start. */
#include "config.h"

#include "ngrams.h"

#include <string.h>

#include "collate.h"
#include "stream.h"
#include "varint.h"

#define RING 16 /* > DL_NGRAM_MAX, a power of two */
#define NO_MATCH G_MAXUINT64

struct _DlNgramCounts {
  DlNgramOptions opts;
  gboolean loaded; /* by dl_ngram_counts_load: merged counts, which a merge absorbs */
  DlCounter *counter;
  DlTuples *tuples[DL_LANG_COUNT][DL_NGRAM_MAX + 1]; /* by size */
};

struct _DlNgrams {
  DlNgramOptions opts;
  DlStream *stream;
  DlMatcher *matcher; /* with contains */

  /* The run being read: tokens of one language and sentence. */
  int run_lang; /* or -1 before the first */
  guint64 pos;  /* position of the next token (never reset: the rings
                   are read only back to run_start) */
  guint64 run_start;
  guint32 ring[RING];
  guint64 match_start[RING];       /* the latest start of a match ending there */
  GArray *batch[DL_NGRAM_MAX + 1]; /* guint32: by length, the n-grams of the
                                      line being read, n ids each, added at
                                      its end (dl_tuples_add_many) */
};

DlNgramCounts *
dl_ngram_counts_new (const DlNgramOptions *opts)
{
  g_return_val_if_fail (opts->min_n >= DL_NGRAM_MIN && opts->min_n <= opts->max_n
                            && opts->max_n <= DL_NGRAM_MAX,
                        NULL);
  DlNgramCounts *c = g_new0 (DlNgramCounts, 1);
  c->opts = *opts;
  c->counter = dl_counter_new (&opts->counter);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    for (guint n = opts->min_n; n <= opts->max_n; n++)
      c->tuples[l][n] = dl_tuples_new (n, opts->track_files ? DL_TUPLES_FILES : DL_TUPLES_RANGES);
  return c;
}

void
dl_ngram_counts_free (DlNgramCounts *c)
{
  if (c == NULL)
    return;
  dl_counter_free (c->counter);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    for (guint n = 0; n <= DL_NGRAM_MAX; n++)
      dl_tuples_free (c->tuples[l][n]);
  g_free (c);
}

const DlCounter *
dl_ngram_counts_counter (const DlNgramCounts *c)
{
  return c->counter;
}

void
dl_ngram_counts_merge (DlNgramCounts *into, DlNgramCounts *from, guint32 file)
{
  dl_counter_merge (into->counter, from->counter, file);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (dl_counter_input_forms (from->counter, l) == 0)
        continue;
      g_autofree guint32 *map = dl_counter_input_ids (into->counter, from->counter, l);
      for (guint n = from->opts.min_n; n <= from->opts.max_n; n++)
        if (from->loaded)
          dl_tuples_absorb_merged (into->tuples[l][n], from->tuples[l][n], map, file);
        else
          dl_tuples_absorb (into->tuples[l][n], from->tuples[l][n], map, file);
    }
}

const DlNgramOptions *
dl_ngram_counts_options (const DlNgramCounts *c)
{
  return &c->opts;
}

/* The sizes saved, then the table of each size of each language. */
void
dl_ngram_counts_save (const DlNgramCounts *c, GByteArray *out)
{
  dl_put_varint (out, c->opts.min_n);
  dl_put_varint (out, c->opts.max_n);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    for (guint n = c->opts.min_n; n <= c->opts.max_n; n++)
      dl_tuples_save (c->tuples[l][n], out);
}

gboolean
dl_ngram_counts_load (DlNgramCounts *c, const guint8 *saved, gsize saved_len, const guint8 *tables,
                      gsize tables_len, guint32 files)
{
  g_return_val_if_fail (!c->loaded && dl_counter_tokens (c->counter, DL_LANG_TR) == 0, FALSE);
  if (!dl_counter_load (c->counter, saved, saved_len))
    return FALSE;
  c->loaded = TRUE;
  DlCursor cur = dl_cursor_of (tables, tables_len);
  guint64 min_n = dl_get_varint (&cur), max_n = dl_get_varint (&cur);
  if (cur.bad || min_n < DL_NGRAM_MIN || min_n > c->opts.min_n || max_n > DL_NGRAM_MAX
      || max_n < c->opts.max_n)
    return FALSE;
  gsize at = (gsize) (cur.p - tables);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    for (guint n = (guint) min_n; n <= max_n; n++)
      {
        /* A size or language this run leaves out is passed over. */
        gsize end;
        if (n < c->opts.min_n || n > c->opts.max_n || !c->opts.counter.langs[l])
          {
            if (!dl_tuples_skip (tables, tables_len, &at, &end))
              return FALSE;
            at = end;
          }
        else if (!dl_tuples_load (c->tuples[l][n], tables, tables_len, &at,
                                  dl_lexicon_size (dl_counter_terms (c->counter, l)), files))
          return FALSE;
      }
  return at == tables_len;
}

void
dl_ngrams_free (DlNgrams *ng)
{
  if (ng == NULL)
    return;
  dl_stream_free (ng->stream);
  dl_matcher_free (ng->matcher);
  for (guint n = 0; n <= DL_NGRAM_MAX; n++)
    if (ng->batch[n] != NULL)
      g_array_unref (ng->batch[n]);
  g_free (ng);
}

DlNgrams *
dl_ngrams_new (const DlNgramOptions *opts, GError **error)
{
  g_autoptr (DlNgrams) ng = g_new0 (DlNgrams, 1);
  ng->opts = *opts;
  for (guint n = opts->min_n; n <= opts->max_n; n++)
    ng->batch[n] = g_array_new (FALSE, FALSE, sizeof (guint32));
  DlStreamOptions so;
  dl_stream_options_for_counter (&so, &opts->counter, TRUE);
  if ((ng->stream = dl_stream_new (&so, error)) == NULL)
    return NULL;
  if (opts->contains != NULL)
    {
      DlQuery *q = (DlQuery *) opts->contains; /* the matcher only reads it */
      if ((ng->matcher = dl_matcher_new (&q, 1, &opts->query, error)) == NULL)
        return NULL;
    }
  return g_steal_pointer (&ng);
}

/* Starts a new run (of language @lang, or -1 for none). */
static void
new_run (DlNgrams *ng, int lang)
{
  ng->run_lang = lang;
  ng->run_start = ng->pos;
  if (ng->matcher != NULL)
    dl_matcher_reset (ng->matcher);
}

/* Takes the next token of the run, form @form; @text, @len as written. */
static gboolean
take_token (DlNgrams *ng, guint32 form, DlLang lang, const char *text, gsize len, GError **error)
{
  guint64 g = ng->pos++;
  ng->ring[g % RING] = form;
  gboolean ok = TRUE;
  guint64 latest = NO_MATCH;
  if (ng->matcher != NULL)
    {
      const DlMatch *m;
      guint n_m;
      ok = dl_matcher_token_form (ng->matcher, lang, form, text, len, &m, &n_m, error);
      if (n_m > 0)
        latest = g + 1 - m[0].length;
    }
  ng->match_start[g % RING] = latest;

  guint64 have = g + 1 - ng->run_start;
  guint32 ids[DL_NGRAM_MAX];
  for (guint n = ng->opts.min_n; n <= ng->opts.max_n && n <= have; n++)
    {
      guint64 first = g + 1 - n;
      if (ng->matcher != NULL)
        {
          gboolean holds = FALSE;
          for (guint64 e = first; e <= g && !holds; e++)
            holds = ng->match_start[e % RING] != NO_MATCH && ng->match_start[e % RING] >= first;
          if (!holds)
            continue;
        }
      for (guint k = 0; k < n; k++)
        ids[k] = ng->ring[(first + k) % RING];
      g_array_append_vals (ng->batch[n], ids, n);
    }
  return ok;
}

/* Takes the counted tokens of @line, a line of a counted language. */
static void
take_line (DlNgrams *ng, const DlStreamLine *line, const DlDiag *diag, DlNgramCounts *counts)
{
  if ((int) line->lang != ng->run_lang || line->icu_start)
    new_run (ng, line->lang);
  DlTuples *const *tuples = counts->tuples[line->lang];
  gboolean regex_failed = FALSE;
  for (guint i = 0; i < line->n_tokens; i++)
    {
      const DlStreamToken *t = &line->tokens[i];
      if (!t->counts)
        continue;
      if (t->icu_start)
        new_run (ng, line->lang);
      g_autoptr (GError) e = NULL;
      if (!take_token (ng, t->form, line->lang, line->text + t->offset, t->len,
                       regex_failed ? NULL : &e))
        {
          if (e != NULL)
            dl_diag_report (diag, DL_DIAG_ERROR, line->path, line->number, "%s", e->message);
          regex_failed = TRUE;
        }
    }
  for (guint n = ng->opts.min_n; n <= ng->opts.max_n; n++)
    {
      GArray *b = ng->batch[n];
      if (b->len > 0)
        dl_tuples_add_many (tuples[n], (const guint32 *) (gpointer) b->data, b->len / n, 0);
      g_array_set_size (b, 0);
    }
}

gboolean
dl_ngrams_input (DlNgrams *ng, const DlInput *input, const DlDocumentOptions *doc_options,
                 const DlDiag *diag, DlNgramCounts *counts, GError **error)
{
  if (!dl_stream_open (ng->stream, input, doc_options, diag, counts->counter, error))
    return FALSE;
  if (ng->matcher != NULL)
    dl_matcher_forget_forms (ng->matcher);
  new_run (ng, -1);
  for (;;)
    {
      const DlStreamLine *line;
      if (!dl_stream_next (ng->stream, &line, error))
        return FALSE;
      if (line == NULL)
        return TRUE;
      if (line->tokenized)
        take_line (ng, line, diag, counts);
      else
        new_run (ng, -1);
    }
}

/* The list. */

struct _DlNgramList {
  GArray *rows; /* DlNgramRow */
  guint64 types;
  GStringChunk *strings;
};

/* n-grams of terms made n-grams of units: their counts added, their files
 * united. */
static DlTuples *
unit_tuples (const DlTuples *terms, const guint32 *unit_of)
{
  guint n = dl_tuples_n (terms);
  DlTuples *units = dl_tuples_new (n, DL_TUPLES_FILES);
  guint32 ids[DL_NGRAM_MAX];
  for (guint32 i = 0; i < dl_tuples_size (terms); i++)
    {
      const guint32 *t = dl_tuples_ids (terms, i);
      for (guint k = 0; k < n; k++)
        ids[k] = unit_of[t[k]];
      guint n_files;
      const guint32 *files = dl_tuples_files (terms, i, &n_files);
      dl_tuples_add_files (units, ids, dl_tuples_count (terms, i), files, n_files);
    }
  return units;
}

/* The n-gram @ids (@n units) in @text (headwords) and @key (keys). */
static void
ngram_text (const DlUnits *units, const guint32 *ids, guint n, GString *text, GString *key)
{
  g_string_truncate (text, 0);
  g_string_truncate (key, 0);
  for (guint k = 0; k < n; k++)
    {
      if (k > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_c (key, ' ');
        }
      g_string_append (text, dl_units_headword (units, ids[k]));
      g_string_append (key, dl_units_key (units, ids[k]));
    }
}

/* Sorts list->rows and keeps the first @top (0: all). */
static void
rank_rows (DlNgramList *list, DlCollator *col, guint top)
{
  guint size = list->rows->len;
  g_autofree DlRanked *ranked = g_new (DlRanked, size + 1);
  for (guint i = 0; i < size; i++)
    {
      DlNgramRow *r = &g_array_index (list->rows, DlNgramRow, i);
      ranked[i] = (DlRanked){ (double) r->freq, r->range, r->ngram, r, NULL };
    }
  g_autoptr (GStringChunk) keys = g_string_chunk_new (4096);
  guint shown = dl_collator_rank (col, ranked, size, top, keys);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (DlNgramRow), shown);
  for (guint i = 0; i < shown; i++)
    g_array_append_val (rows, *(DlNgramRow *) ranked[i].data);
  g_array_unref (list->rows);
  list->rows = rows;
}

/* TRUE if every unit of the n-gram @ids (@n of them) is a stopword. */
static gboolean
all_stopwords (const DlUnits *units, const guint32 *ids, guint n)
{
  for (guint k = 0; k < n; k++)
    if (!dl_units_is_stopword (units, ids[k]))
      return FALSE;
  return TRUE;
}

/* Adds the rows of the n-grams @t of one size that pass the thresholds. */
static void
add_rows (DlNgramList *list, const DlTuples *t, const DlNgramListOptions *opts)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) key = g_string_new (NULL);
  gboolean keys = dl_units_kind (opts->units) != DL_UNIT_FORM;
  guint n = dl_tuples_n (t);
  list->types += dl_tuples_size (t);
  for (guint32 i = 0; i < dl_tuples_size (t); i++)
    {
      guint64 freq = dl_tuples_count (t, i);
      guint32 range = dl_tuples_range (t, i);
      const guint32 *ids = dl_tuples_ids (t, i);
      if (freq < opts->min_freq || range < opts->min_range || all_stopwords (opts->units, ids, n))
        continue;
      ngram_text (opts->units, ids, n, text, key);
      DlNgramRow r
          = { g_string_chunk_insert_len (list->strings, text->str, (gssize) text->len),
              keys ? g_string_chunk_insert_len (list->strings, key->str, (gssize) key->len) : NULL,
              n, freq, range };
      g_array_append_val (list->rows, r);
    }
}

DlNgramList *
dl_ngram_list (const DlNgramCounts *counts, DlLang lang, const DlNgramListOptions *opts,
               GError **error)
{
  gboolean by_unit = dl_units_kind (opts->units) != DL_UNIT_FORM;
  g_return_val_if_fail (dl_units_counter (opts->units) == counts->counter, NULL);
  g_return_val_if_fail (!by_unit || counts->opts.track_files, NULL);
  g_autoptr (DlCollator) col = dl_collator_new (lang, error);
  if (col == NULL)
    return NULL;
  g_autoptr (DlNgramList) list = g_new0 (DlNgramList, 1);
  list->rows = g_array_new (FALSE, FALSE, sizeof (DlNgramRow));
  list->strings = g_string_chunk_new (4096);
  for (guint n = counts->opts.min_n; n <= counts->opts.max_n; n++)
    {
      const DlTuples *terms = counts->tuples[lang][n];
      g_autoptr (DlTuples) units = by_unit ? unit_tuples (terms, dl_units_map (opts->units)) : NULL;
      add_rows (list, by_unit ? units : terms, opts);
    }
  rank_rows (list, col, opts->top);
  return g_steal_pointer (&list);
}

void
dl_ngram_list_free (DlNgramList *list)
{
  if (list == NULL)
    return;
  if (list->rows != NULL)
    g_array_unref (list->rows);
  if (list->strings != NULL)
    g_string_chunk_free (list->strings);
  g_free (list);
}

guint
dl_ngram_list_size (const DlNgramList *list)
{
  return list->rows->len;
}

const DlNgramRow *
dl_ngram_list_row (const DlNgramList *list, guint i)
{
  return &g_array_index (list->rows, DlNgramRow, i);
}

guint64
dl_ngram_list_types (const DlNgramList *list)
{
  return list->types;
}
