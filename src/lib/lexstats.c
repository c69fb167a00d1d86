/* lexstats.c — per-file vocabulary statistics: a counter gives each token
 * its form id, each new form is folded once into a term of the file, and
 * the term ids go in text order through the STTR and MTLD state. */
#include "config.h"

#include "lexstats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "i18n.h"
#include "lexicon.h"
#include "normalize.h"
#include "stem.h"
#include "stream.h"
#include "varint.h"

/* ---- The measures ---- */

gboolean
dl_lexstats_measure (const DlLexStats *s, DlLexMeasure m, double *value)
{
  double n = (double) s->tokens, v = (double) s->types;
  *value = 0;
  switch (m)
    {
    case DL_LEXSTATS_TTR:
      *value = s->tokens > 0 ? v / n : 0;
      return s->tokens > 0;
    case DL_LEXSTATS_STTR:
      *value
          = s->chunks > 0 ? (double) s->chunk_types / ((double) s->chunks * DL_LEXSTATS_CHUNK) : 0;
      return s->chunks > 0;
    case DL_LEXSTATS_MEAN_LENGTH:
      *value = s->tokens > 0 ? (double) s->chars / n : 0;
      return s->tokens > 0;
    case DL_LEXSTATS_HAPAX_PCT:
      *value = s->types > 0 ? 100.0 * (double) s->hapax / v : 0;
      return s->types > 0;
    case DL_LEXSTATS_STEMS_RATIO:
      *value = s->types > 0 ? (double) s->stems / v : 0;
      return s->types > 0;
    case DL_LEXSTATS_YULE_K:
      *value = s->tokens > 0 ? 1e4 * (double) (s->sum_sq - s->tokens) / (n * n) : 0;
      return s->tokens > 0;
    case DL_LEXSTATS_MTLD:
      *value = s->has_mtld ? s->mtld : 0;
      return s->has_mtld;
    case DL_LEXSTATS_MEASURES:
    default:
      break;
    }
  g_return_val_if_reached (FALSE);
}

/* A set of term ids for the array functions. */
static gboolean
set_add (GHashTable *set, guint32 term)
{
  return g_hash_table_add (set, GUINT_TO_POINTER (term + 1));
}

gboolean
dl_lexstats_sttr (const guint32 *terms, gsize n, double *value)
{
  g_autoptr (GHashTable) set = g_hash_table_new (NULL, NULL);
  gsize chunks = n / DL_LEXSTATS_CHUNK;
  double sum = 0;
  for (gsize c = 0; c < chunks; c++)
    {
      g_hash_table_remove_all (set);
      for (gsize i = c * DL_LEXSTATS_CHUNK; i < (c + 1) * DL_LEXSTATS_CHUNK; i++)
        set_add (set, terms[i]);
      sum += (double) g_hash_table_size (set) / DL_LEXSTATS_CHUNK;
    }
  *value = chunks > 0 ? sum / (double) chunks : 0;
  return chunks > 0;
}

gboolean
dl_lexstats_yule_k (const guint64 *freqs, gsize n_types, double *value)
{
  DlLexStats s = { 0 };
  for (gsize i = 0; i < n_types; i++)
    {
      s.tokens += freqs[i];
      s.sum_sq += freqs[i] * freqs[i];
    }
  return dl_lexstats_measure (&s, DL_LEXSTATS_YULE_K, value);
}

/* The factors of a remainder of @types types in @len tokens: (1 − TTR) /
 * (1 − 0.72), 0 when empty. */
static double
partial_factor (guint64 types, guint64 len)
{
  if (len == 0)
    return 0;
  return (double) ((len - types) * DL_LEXSTATS_MTLD_DEN)
         / ((double) len * (DL_LEXSTATS_MTLD_DEN - DL_LEXSTATS_MTLD_NUM));
}

/* A factor of @types types in @len tokens is full. */
static gboolean
factor_full (guint64 types, guint64 len)
{
  return types * DL_LEXSTATS_MTLD_DEN <= len * DL_LEXSTATS_MTLD_NUM;
}

/* The factors of one MTLD pass over @terms, backwards if @step is -1. */
static double
mtld_factors (const guint32 *terms, gsize n, int step)
{
  g_autoptr (GHashTable) set = g_hash_table_new (NULL, NULL);
  guint64 factors = 0, types = 0, len = 0;
  for (gsize k = 0; k < n; k++)
    {
      guint32 t = terms[step > 0 ? k : n - 1 - k];
      types += set_add (set, t);
      len++;
      if (factor_full (types, len))
        {
          factors++;
          types = len = 0;
          g_hash_table_remove_all (set);
        }
    }
  return (double) factors + partial_factor (types, len);
}

/* MTLD from the factors of both passes over @n tokens. */
static gboolean
mtld_of (guint64 n, double forward_factors, double backward_factors, double *forward,
         double *backward, double *value)
{
  *forward = *backward = *value = 0;
  if (forward_factors <= 0 || backward_factors <= 0)
    return FALSE;
  *forward = (double) n / forward_factors;
  *backward = (double) n / backward_factors;
  *value = (*forward + *backward) / 2;
  return TRUE;
}

gboolean
dl_lexstats_mtld (const guint32 *terms, gsize n, double *forward, double *backward, double *value)
{
  return mtld_of (n, mtld_factors (terms, n, 1), mtld_factors (terms, n, -1), forward, backward,
                  value);
}

/* ---- The streaming state ---- */

/* Where each term was last seen, for each running set. */
typedef struct {
  guint64 chunk;  /* STTR chunk number + 1 */
  guint64 factor; /* forward factor number + 1 */
  guint64 back;   /* backward factor number + 1 */
} TermMarks;

struct _DlLexStatsSeq {
  guint64 n;     /* tokens pushed */
  GArray *marks; /* TermMarks by term id */
  /* STTR */
  guint64 chunk, chunk_len, chunk_types, chunks, sum_types;
  /* forward MTLD */
  guint64 factor, factor_len, factor_types, factors;
  /* backward MTLD, which needs the sequence from its end: the last ids in
   * memory (at most @keep), those before them in a temporary file */
  gsize keep;
  GArray *ids; /* guint32 */
  FILE *spill; /* the first @spilled ids, or NULL */
  guint64 spilled;
  gboolean lost; /* the temporary file failed: no backward pass */
  guint64 back;  /* backward factors numbered so far, over every pass */
};

DlLexStatsSeq *
dl_lexstats_seq_new_keeping (gsize keep)
{
  g_return_val_if_fail (keep > 0, NULL);
  DlLexStatsSeq *q = g_new0 (DlLexStatsSeq, 1);
  q->marks = g_array_new (FALSE, TRUE, sizeof (TermMarks));
  q->keep = keep;
  q->ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  return q;
}

DlLexStatsSeq *
dl_lexstats_seq_new (void)
{
  return dl_lexstats_seq_new_keeping (DL_LEXSTATS_KEEP);
}

void
dl_lexstats_seq_free (DlLexStatsSeq *q)
{
  if (q == NULL)
    return;
  g_array_unref (q->marks);
  g_array_unref (q->ids);
  if (q->spill != NULL)
    fclose (q->spill);
  g_free (q);
}

static void
push_sttr (DlLexStatsSeq *q, TermMarks *m)
{
  if (m->chunk != q->chunk + 1)
    {
      m->chunk = q->chunk + 1;
      q->chunk_types++;
    }
  if (++q->chunk_len == DL_LEXSTATS_CHUNK)
    {
      q->chunks++;
      q->sum_types += q->chunk_types;
      q->chunk++;
      q->chunk_len = q->chunk_types = 0;
    }
}

static void
push_forward (DlLexStatsSeq *q, TermMarks *m)
{
  if (m->factor != q->factor + 1)
    {
      m->factor = q->factor + 1;
      q->factor_types++;
    }
  q->factor_len++;
  if (factor_full (q->factor_types, q->factor_len))
    {
      q->factors++;
      q->factor++;
      q->factor_len = q->factor_types = 0;
    }
}

/* An anonymous temporary file in g_get_tmp_dir () ($TMPDIR, else /tmp),
 * which tmpfile () would not honour; NULL if none can be made. */
static FILE *
spill_open (void)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("derlem-mtld-XXXXXX", &path, NULL);
  if (fd < 0)
    return NULL;
  g_unlink (path);
  FILE *fp = fdopen (fd, "w+b");
  if (fp == NULL)
    close (fd);
  return fp;
}

/* Keeps @term for the backward pass: the ids in memory go to the temporary
 * file when they are @keep. */
static void
push_backward (DlLexStatsSeq *q, guint32 term)
{
  if (q->lost)
    return;
  g_array_append_val (q->ids, term);
  if (q->ids->len < q->keep)
    return;
  if ((q->spill == NULL && (q->spill = spill_open ()) == NULL)
      || fwrite (q->ids->data, sizeof (guint32), q->ids->len, q->spill) != q->ids->len)
    {
      q->lost = TRUE;
      g_array_set_size (q->ids, 0);
      return;
    }
  q->spilled += q->ids->len;
  g_array_set_size (q->ids, 0);
}

void
dl_lexstats_seq_push (DlLexStatsSeq *q, guint32 term)
{
  if (term >= q->marks->len)
    g_array_set_size (q->marks, term + 1);
  TermMarks *m = &g_array_index (q->marks, TermMarks, term);
  q->n++;
  push_sttr (q, m);
  push_forward (q, m);
  push_backward (q, term);
}

/* The backward pass over @n ids, from the last: its state carried in
 * *@types, *@len and *@factors, a new factor number taken for each. */
static void
backward_ids (DlLexStatsSeq *q, const guint32 *ids, gsize n, guint64 *types, guint64 *len,
              guint64 *factors)
{
  for (gsize k = n; k-- > 0;)
    {
      TermMarks *m = &g_array_index (q->marks, TermMarks, ids[k]);
      if (m->back != q->back + 1)
        {
          m->back = q->back + 1;
          (*types)++;
        }
      (*len)++;
      if (factor_full (*types, *len))
        {
          (*factors)++;
          q->back++;
          *types = *len = 0;
        }
    }
}

/* The factors of the backward pass, reading the temporary file's blocks
 * from its end; -1 if it cannot be read. */
static double
backward_factors (DlLexStatsSeq *q)
{
  guint64 types = 0, len = 0, factors = 0;
  q->back++; /* a fresh factor for this pass */
  backward_ids (q, (const guint32 *) (gpointer) q->ids->data, q->ids->len, &types, &len, &factors);
  g_autofree guint32 *block = q->spilled > 0 ? g_new (guint32, q->keep) : NULL;
  for (guint64 end = q->spilled; end > 0;)
    {
      guint64 start = end > q->keep ? end - q->keep : 0;
      gsize n = (gsize) (end - start);
      if (fseeko (q->spill, (off_t) (start * sizeof (guint32)), SEEK_SET) != 0
          || fread (block, sizeof (guint32), n, q->spill) != n)
        return -1;
      backward_ids (q, block, n, &types, &len, &factors);
      end = start;
    }
  q->back++;
  return (double) factors + partial_factor (types, len);
}

gboolean
dl_lexstats_seq_mtld (DlLexStatsSeq *q, double *forward, double *backward, double *value)
{
  double back = q->lost ? -1 : backward_factors (q);
  if (back < 0)
    return mtld_of (q->n, 0, 0, forward, backward, value);
  return mtld_of (q->n, (double) q->factors + partial_factor (q->factor_types, q->factor_len), back,
                  forward, backward, value);
}

void
dl_lexstats_seq_finish (DlLexStatsSeq *q, DlLexStats *s)
{
  double forward, backward;
  s->chunks = q->chunks;
  s->chunk_types = q->sum_types;
  s->has_mtld = dl_lexstats_seq_mtld (q, &forward, &backward, &s->mtld);
}

/* ---- Vocabulary counts ---- */

/* The stems of the terms a thread has seen, each stemmed once (Snowball
 * is a quarter of the time when each input stems its vocabulary again). */
typedef struct {
  DlStemmer *stemmer; /* borrowed */
  DlLexicon *terms;   /* seen so far */
  GArray *stem_of;    /* guint32 by term: its stem's id */
  DlLexicon *stems;
  GArray *stamp; /* guint64 by stem: the last vocabulary counting it */
  guint64 pass;
  GString *stem;
} StemCache;

static void
stem_cache_init (StemCache *c, DlStemmer *stemmer)
{
  c->stemmer = stemmer;
  c->terms = dl_lexicon_new ();
  c->stem_of = g_array_new (FALSE, FALSE, sizeof (guint32));
  c->stems = dl_lexicon_new ();
  c->stamp = g_array_new (FALSE, TRUE, sizeof (guint64));
  c->pass = 0;
  c->stem = g_string_new (NULL);
}

static void
stem_cache_clear (StemCache *c)
{
  g_clear_pointer (&c->terms, dl_lexicon_free);
  g_clear_pointer (&c->stem_of, g_array_unref);
  g_clear_pointer (&c->stems, dl_lexicon_free);
  g_clear_pointer (&c->stamp, g_array_unref);
  if (c->stem != NULL)
    g_string_free (g_steal_pointer (&c->stem), TRUE);
}

/* TRUE if the stem of @term (@len bytes) of @lang is new to this pass;
 * *@term_id is its id among the cache's terms. */
static gboolean
stem_cache_new_stem (StemCache *c, DlLang lang, const char *term, gsize len, guint32 *term_id)
{
  gboolean added;
  guint32 id = dl_lexicon_intern (c->terms, term, len, &added);
  *term_id = id;
  if (added)
    {
      dl_stemmer_stem (c->stemmer, lang, term, len, FALSE, c->stem);
      guint32 stem = dl_lexicon_intern (c->stems, c->stem->str, c->stem->len, NULL);
      g_array_append_val (c->stem_of, stem);
      if (c->stamp->len <= stem)
        g_array_set_size (c->stamp, stem + 1);
    }
  guint32 stem = g_array_index (c->stem_of, guint32, id);
  guint64 *stamp = &g_array_index (c->stamp, guint64, stem);
  if (*stamp == c->pass)
    return FALSE;
  *stamp = c->pass;
  return TRUE;
}

/* Fills the vocabulary counts of @s (types, hapax, dis, sum_sq, chars, and
 * stems with a @cache of @lang's) from @terms of @lang with their
 * frequencies @freq; @s->tokens must be set. */
static void
vocabulary (DlLexStats *s, const DlLexicon *terms, const guint64 *freq, StemCache *cache,
            DlLang lang)
{
  guint32 n = dl_lexicon_size (terms);
  s->types = n;
  s->stems = 0;
  if (cache != NULL)
    cache->pass++;
  for (guint32 id = 0; id < n; id++)
    {
      const char *term = dl_lexicon_string (terms, id);
      gsize len = dl_lexicon_length (terms, id);
      guint64 f = freq[id];
      s->hapax += f == 1;
      s->dis += f == 2;
      s->sum_sq += f * f;
      s->chars += f * (guint64) g_utf8_strlen (term, (gssize) len);
      guint32 ignored;
      if (cache != NULL)
        s->stems += stem_cache_new_stem (cache, lang, term, len, &ignored);
    }
}

/* ---- One input ---- */

struct _DlLexStatsWorker {
  DlStream *stream;
  DlNormalizer *norm;
};

DlLexStatsWorker *
dl_lexstats_worker_new (const DlCounterOptions *opts, GError **error)
{
  g_autoptr (DlLexStatsWorker) w = g_new0 (DlLexStatsWorker, 1);
  if ((w->stream = dl_counter_stream_new (opts, error)) == NULL
      || (w->norm = dl_normalizer_new (error)) == NULL)
    return NULL;
  return g_steal_pointer (&w);
}

void
dl_lexstats_worker_free (DlLexStatsWorker *w)
{
  if (w == NULL)
    return;
  g_clear_pointer (&w->stream, dl_stream_free);
  g_clear_pointer (&w->norm, dl_normalizer_free);
  g_free (w);
}

/* A language of the input being counted. */
typedef struct {
  GArray *form_terms; /* guint32: the term of each form id of the counter */
  DlLexicon *terms;   /* the input's terms, in order of first sight */
  GArray *freq;       /* guint64 by term */
  GArray *first;      /* guint64 by term: the place of its first token */
  DlLexStatsSeq *seq;
} InputLang;

struct _DlLexStatsInput {
  DlLexStatsTotal *loaded; /* dl_lexstats_input_load's: merged inputs, absorbed */
  DlCounter *counter;      /* the input's, merged into the total */
  InputLang lang[DL_LANG_COUNT];
  DlLexStats stats[DL_LANG_COUNT];
  char *path;
};

DlLexStatsInput *
dl_lexstats_input_new (const DlCounterOptions *opts)
{
  DlLexStatsInput *in = g_new0 (DlLexStatsInput, 1);
  in->counter = dl_counter_new (opts);
  return in;
}

static void
input_lang_clear (InputLang *il)
{
  g_clear_pointer (&il->form_terms, g_array_unref);
  g_clear_pointer (&il->terms, dl_lexicon_free);
  g_clear_pointer (&il->freq, g_array_unref);
  g_clear_pointer (&il->first, g_array_unref);
  g_clear_pointer (&il->seq, dl_lexstats_seq_free);
}

const DlCounterOptions *
dl_lexstats_input_options (const DlLexStatsInput *in)
{
  return dl_counter_options (in->counter);
}

void
dl_lexstats_input_free (DlLexStatsInput *in)
{
  if (in == NULL)
    return;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    input_lang_clear (&in->lang[l]);
  dl_counter_free (in->counter);
  dl_lexstats_total_free (in->loaded);
  g_free (in->path);
  g_free (in);
}

/* Counts the token @text (@len bytes) of form @form in @lang. */
static void
input_token (DlLexStatsInput *in, DlLexStatsWorker *w, DlLang lang, guint32 form, const char *text,
             gsize len, GString *term)
{
  InputLang *il = &in->lang[lang];
  if (il->terms == NULL)
    {
      il->form_terms = g_array_new (FALSE, FALSE, sizeof (guint32));
      il->terms = dl_lexicon_new ();
      il->freq = g_array_new (FALSE, TRUE, sizeof (guint64));
      il->first = g_array_new (FALSE, FALSE, sizeof (guint64));
      il->seq = dl_lexstats_seq_new ();
    }
  if (form >= il->form_terms->len)
    {
      /* Forms are numbered in order of first sight: this one is new. */
      g_assert (form == il->form_terms->len);
      dl_counter_term (in->counter, w->norm, lang, text, len, term);
      gboolean added;
      guint32 id = dl_lexicon_intern (il->terms, term->str, term->len, &added);
      g_array_append_val (il->form_terms, id);
      if (id >= il->freq->len)
        g_array_set_size (il->freq, id + 1);
      if (added)
        g_array_append_val (il->first, in->stats[lang].tokens);
    }
  guint32 id = g_array_index (il->form_terms, guint32, form);
  g_array_index (il->freq, guint64, id)++;
  in->stats[lang].tokens++;
  dl_lexstats_seq_push (il->seq, id);
}

/* Reads the input's lines into @in; FALSE with @error on a read error. */
static gboolean
input_lines (DlLexStatsInput *in, DlLexStatsWorker *w, GError **error)
{
  const gboolean *langs = dl_counter_options (in->counter)->langs;
  g_autoptr (GString) term = g_string_new (NULL);
  const DlStreamLine *line;
  for (;;)
    {
      if (!dl_stream_next (w->stream, &line, error))
        return FALSE;
      if (line == NULL)
        return TRUE;
      if (!langs[line->lang])
        continue;
      in->stats[line->lang].lines++;
      for (guint i = 0; i < line->n_tokens; i++)
        {
          const DlStreamToken *tok = &line->tokens[i];
          if (tok->form != DL_STREAM_NO_FORM)
            input_token (in, w, line->lang, tok->form, line->text + tok->offset, tok->len, term);
        }
    }
}

gboolean
dl_lexstats_count (DlLexStatsInput *in, DlLexStatsWorker *w, const DlInput *input,
                   const DlDocumentOptions *doc_options, const DlDiag *diag, GError **error)
{
  in->path = g_strdup (input->path);
  if (!dl_stream_open (w->stream, input, doc_options, diag, in->counter, error))
    return FALSE;
  gboolean ok = input_lines (in, w, error);
  /* What was read before a failure stands. */
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      InputLang *il = &in->lang[l];
      if (il->terms == NULL)
        continue;
      /* The stems come at the merge, each term stemmed once a run. */
      vocabulary (&in->stats[l], il->terms, (const guint64 *) (gpointer) il->freq->data, NULL, l);
      dl_lexstats_seq_finish (il->seq, &in->stats[l]);
      if (il->seq->lost)
        dl_diag_report (diag, DL_DIAG_WARNING, input->path, 0,
                        /* Translators: stats; %s is tr or en. */
                        _ ("no MTLD for %s: its token ids could not be kept in a temporary file "
                           "(is TMPDIR writable?)"),
                        dl_lang_code (l));
      /* The terms and their frequencies wait for the merge. */
      g_clear_pointer (&il->form_terms, g_array_unref);
      g_clear_pointer (&il->seq, dl_lexstats_seq_free);
    }
  return ok;
}

/* ---- All inputs ---- */

typedef struct {
  GArray *rows;         /* DlLexStatsRow, the files' */
  DlLexStatsRow total;  /* after dl_lexstats_finish; its lines, chunks and
                           chunk_types summed as the inputs come */
  double mtld_sum;      /* Σ tokens · MTLD over files with an MTLD */
  guint64 mtld_tokens;  /* Σ tokens of those files */
  guint64 tokens;       /* of all files */
  StemCache vocabulary; /* every term of the run (its ids), with its stem */
  GArray *freq;         /* guint64 by term of @vocabulary */
  GArray *range;        /* guint32 by term: the inputs it occurs in */
  GArray *news;         /* guint64: where each term of the run first comes, ascending */
} TotalLang;

struct _DlLexStatsTotal {
  GStringChunk *paths;
  TotalLang lang[DL_LANG_COUNT];
};

DlLexStatsTotal *
dl_lexstats_total_new (DlStemmer *stemmer)
{
  DlLexStatsTotal *t = g_new0 (DlLexStatsTotal, 1);
  t->paths = g_string_chunk_new (1024);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      t->lang[l].rows = g_array_new (FALSE, FALSE, sizeof (DlLexStatsRow));
      stem_cache_init (&t->lang[l].vocabulary, stemmer);
      t->lang[l].freq = g_array_new (FALSE, TRUE, sizeof (guint64));
      t->lang[l].range = g_array_new (FALSE, TRUE, sizeof (guint32));
      t->lang[l].news = g_array_new (FALSE, FALSE, sizeof (guint64));
    }
  return t;
}

void
dl_lexstats_total_free (DlLexStatsTotal *t)
{
  if (t == NULL)
    return;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_array_unref (t->lang[l].rows);
      stem_cache_clear (&t->lang[l].vocabulary);
      g_array_unref (t->lang[l].freq);
      g_array_unref (t->lang[l].range);
      g_array_unref (t->lang[l].news);
    }
  g_string_chunk_free (t->paths);
  g_free (t);
}

/* Adds the merged inputs @from to @t after its own, as if each had been
 * merged in turn: the files' rows and MTLD in their order, the terms new
 * to @t in the order of their first tokens. */
static void
absorb (DlLexStatsTotal *t, const DlLexStatsTotal *from)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      TotalLang *tl = &t->lang[l];
      const TotalLang *fl = &from->lang[l];
      tl->total.stats.lines += fl->total.stats.lines;
      tl->total.stats.chunks += fl->total.stats.chunks;
      tl->total.stats.chunk_types += fl->total.stats.chunk_types;
      for (guint r = 0; r < fl->rows->len; r++)
        {
          DlLexStatsRow row = g_array_index (fl->rows, DlLexStatsRow, r);
          if (row.stats.has_mtld)
            {
              tl->mtld_sum += (double) row.stats.tokens * row.stats.mtld;
              tl->mtld_tokens += row.stats.tokens;
            }
          row.file = g_string_chunk_insert (t->paths, row.file);
          g_array_append_val (tl->rows, row);
        }
      guint64 before = tl->tokens;
      tl->tokens += fl->tokens;
      const DlLexicon *terms = fl->vocabulary.terms;
      StemCache *cache = &tl->vocabulary;
      cache->pass++;
      for (guint32 id = 0; id < dl_lexicon_size (terms); id++)
        {
          guint32 total_id, known = dl_lexicon_size (cache->terms);
          stem_cache_new_stem (cache, l, dl_lexicon_string (terms, id),
                               dl_lexicon_length (terms, id), &total_id);
          if (total_id == known)
            {
              guint64 at = before + g_array_index (fl->news, guint64, id);
              g_array_append_val (tl->news, at);
            }
          if (total_id >= tl->freq->len)
            {
              g_array_set_size (tl->freq, total_id + 1);
              g_array_set_size (tl->range, total_id + 1);
            }
          g_array_index (tl->freq, guint64, total_id) += g_array_index (fl->freq, guint64, id);
          g_array_index (tl->range, guint32, total_id) += g_array_index (fl->range, guint32, id);
        }
    }
}

/* A row's counts, as saved: every field in order, MTLD's bits. */
static void
put_stats (GByteArray *out, const DlLexStats *s)
{
  const guint64 v[] = { s->tokens, s->types, s->hapax,  s->dis,         s->sum_sq,  s->chars,
                        s->stems,  s->lines, s->chunks, s->chunk_types, s->has_mtld };
  for (guint k = 0; k < G_N_ELEMENTS (v); k++)
    dl_put_varint (out, v[k]);
  guint64 bits;
  memcpy (&bits, &s->mtld, sizeof bits);
  dl_put_varint (out, bits);
}

static gboolean
get_stats (DlCursor *cur, DlLexStats *s)
{
  guint64 *v[] = { &s->tokens, &s->types, &s->hapax, &s->dis,    &s->sum_sq,
                   &s->chars,  &s->stems, &s->lines, &s->chunks, &s->chunk_types };
  for (guint k = 0; k < G_N_ELEMENTS (v); k++)
    *v[k] = dl_get_varint (cur);
  guint64 has = dl_get_varint (cur), bits = dl_get_varint (cur);
  memcpy (&s->mtld, &bits, sizeof bits);
  s->has_mtld = has == 1;
  return !cur->bad && has <= 1 && s->tokens > 0 && s->types <= s->tokens && isfinite (s->mtld);
}

/* Per language: its lines, chunks and chunk types over the inputs, its
 * tokens; the rows (path, counts); the terms in order of first sight,
 * each with its frequency, range and first token. */
void
dl_lexstats_total_save (const DlLexStatsTotal *t, GByteArray *out)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      const TotalLang *tl = &t->lang[l];
      dl_put_varint (out, tl->total.stats.lines);
      dl_put_varint (out, tl->total.stats.chunks);
      dl_put_varint (out, tl->total.stats.chunk_types);
      dl_put_varint (out, tl->tokens);
      dl_put_varint (out, tl->rows->len);
      for (guint r = 0; r < tl->rows->len; r++)
        {
          const DlLexStatsRow *row = &g_array_index (tl->rows, DlLexStatsRow, r);
          dl_put_string (out, row->file);
          put_stats (out, &row->stats);
        }
      const DlLexicon *terms = tl->vocabulary.terms;
      guint32 n = dl_lexicon_size (terms);
      dl_put_varint (out, n);
      for (guint32 id = 0; id < n; id++)
        {
          gsize len = dl_lexicon_length (terms, id);
          dl_put_varint (out, len);
          g_byte_array_append (out, (const guint8 *) dl_lexicon_string (terms, id), (guint) len);
          dl_put_varint (out, g_array_index (tl->freq, guint64, id));
          dl_put_varint (out, g_array_index (tl->range, guint32, id));
          dl_put_varint (out, g_array_index (tl->news, guint64, id));
        }
    }
}

/* Reads a language of what dl_lexstats_total_save wrote into @tl, fresh,
 * of @files files. */
static gboolean
load_lang (DlLexStatsTotal *t, TotalLang *tl, DlCursor *cur, guint32 files)
{
  tl->total.stats.lines = dl_get_varint (cur);
  tl->total.stats.chunks = dl_get_varint (cur);
  tl->total.stats.chunk_types = dl_get_varint (cur);
  tl->tokens = dl_get_varint (cur);
  guint64 rows = dl_get_varint (cur), sum = 0;
  if (cur->bad || rows > files)
    return FALSE;
  for (guint64 r = 0; r < rows; r++)
    {
      g_autofree char *path = dl_get_string (cur);
      DlLexStatsRow row = { NULL, { 0 } };
      if (path == NULL || !get_stats (cur, &row.stats))
        return FALSE;
      row.file = g_string_chunk_insert (t->paths, path);
      sum += row.stats.tokens;
      g_array_append_val (tl->rows, row);
    }
  guint64 n = dl_get_varint (cur), last = 0;
  if (cur->bad || sum != tl->tokens || n > tl->tokens)
    return FALSE;
  for (guint64 id = 0; id < n; id++)
    {
      guint64 len = dl_get_varint (cur);
      const guint8 *text = dl_get_bytes (cur, len);
      guint64 freq = dl_get_varint (cur), range = dl_get_varint (cur), at = dl_get_varint (cur);
      gboolean added = FALSE;
      if (text == NULL || !g_utf8_validate ((const char *) text, (gssize) len, NULL)
          || memchr (text, 0, len) != NULL || freq == 0 || range == 0 || range > rows
          || at >= tl->tokens || (id > 0 && at <= last))
        return FALSE;
      dl_lexicon_intern (tl->vocabulary.terms, (const char *) text, len, &added);
      if (!added)
        return FALSE;
      last = at;
      guint32 r = (guint32) range;
      g_array_append_val (tl->freq, freq);
      g_array_append_val (tl->range, r);
      g_array_append_val (tl->news, at);
    }
  return !cur->bad;
}

gboolean
dl_lexstats_input_load (DlLexStatsInput *in, const guint8 *data, gsize len, guint32 files)
{
  g_return_val_if_fail (in->loaded == NULL, FALSE);
  g_autoptr (DlLexStatsTotal) t = dl_lexstats_total_new (NULL);
  DlCursor cur = dl_cursor_of (data, len);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (!load_lang (t, &t->lang[l], &cur, files))
      return FALSE;
  if (cur.p != cur.end)
    return FALSE;
  in->loaded = g_steal_pointer (&t);
  return TRUE;
}

void
dl_lexstats_merge (DlLexStatsTotal *t, const DlLexStatsInput *in, guint32 file)
{
  (void) file;
  if (in->loaded != NULL)
    {
      absorb (t, in->loaded);
      return;
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      TotalLang *tl = &t->lang[l];
      const DlLexStats *s = &in->stats[l];
      tl->total.stats.lines += s->lines;
      tl->total.stats.chunks += s->chunks;
      tl->total.stats.chunk_types += s->chunk_types;
      if (s->has_mtld)
        {
          tl->mtld_sum += (double) s->tokens * s->mtld;
          tl->mtld_tokens += s->tokens;
        }
      if (s->tokens == 0)
        continue;
      DlLexStatsRow row
          = { g_string_chunk_insert (t->paths, in->path != NULL ? in->path : ""), *s };
      /* The input's terms into the run's, their frequencies added and their
         distinct stems counted on the way (one lookup a term). */
      const DlLexicon *terms = in->lang[l].terms;
      const guint64 *freq = (const guint64 *) (gpointer) in->lang[l].freq->data;
      StemCache *cache = &tl->vocabulary;
      const guint64 *first = (const guint64 *) (gpointer) in->lang[l].first->data;
      cache->pass++;
      guint64 before = tl->tokens; /* the run's tokens before this input's */
      tl->tokens += s->tokens;
      for (guint32 id = 0; id < dl_lexicon_size (terms); id++)
        {
          guint32 total_id, known = dl_lexicon_size (cache->terms);
          row.stats.stems += stem_cache_new_stem (cache, l, dl_lexicon_string (terms, id),
                                                  dl_lexicon_length (terms, id), &total_id);
          /* The input's terms come in order of first sight: the run's new
             words in the order of their first tokens. */
          if (total_id == known)
            {
              guint64 at = before + first[id];
              g_array_append_val (tl->news, at);
            }
          if (total_id >= tl->freq->len)
            {
              g_array_set_size (tl->freq, total_id + 1);
              g_array_set_size (tl->range, total_id + 1);
            }
          g_array_index (tl->freq, guint64, total_id) += freq[id];
          g_array_index (tl->range, guint32, total_id)++;
        }
      g_array_append_val (tl->rows, row);
    }
}

void
dl_lexstats_finish (DlLexStatsTotal *t)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      TotalLang *tl = &t->lang[l];
      DlLexStats *s = &tl->total.stats;
      s->tokens = tl->tokens;
      s->hapax = s->dis = s->sum_sq = s->chars = 0;
      vocabulary (s, tl->vocabulary.terms, (const guint64 *) (gpointer) tl->freq->data, NULL, l);
      s->stems = dl_lexicon_size (tl->vocabulary.stems);
      s->has_mtld = tl->mtld_tokens > 0;
      s->mtld = s->has_mtld ? tl->mtld_sum / (double) tl->mtld_tokens : 0;
    }
}

const DlLexStatsRow *
dl_lexstats_rows (const DlLexStatsTotal *t, DlLang lang, guint *n)
{
  *n = t->lang[lang].rows->len;
  return (const DlLexStatsRow *) (gpointer) t->lang[lang].rows->data;
}

guint
dl_lexstats_growth (const DlLexStatsTotal *t, DlLang lang, guint n, guint64 *tokens, guint64 *types)
{
  const TotalLang *tl = &t->lang[lang];
  const guint64 *news = (const guint64 *) (gpointer) tl->news->data;
  guint64 total = tl->tokens, seen = 0;
  guint points = 0;
  for (guint k = 1; k <= n && total > 0; k++)
    {
      /* The k-th of n evenly spaced points; the last is every token. */
      guint64 at = (guint64) ((double) total * k / n + 0.5);
      if (at == 0 || (points > 0 && at == tokens[points - 1]))
        continue;
      while (seen < tl->news->len && news[seen] < at)
        seen++;
      tokens[points] = at;
      types[points++] = seen;
    }
  return points;
}

guint
dl_lexstats_zipf_points (const guint64 *freqs, guint32 n, guint max, double *rank, double *freq)
{
  guint k = 0;
  if (max == 0)
    return 0;
  for (double r = 1; r <= n && k + 1 < max; r = MAX (r + 1, floor (r * 1.05)))
    rank[k] = r, freq[k++] = (double) freqs[(guint32) r - 1];
  if (n > 0 && (k == 0 || rank[k - 1] < n))
    rank[k] = n, freq[k++] = (double) freqs[n - 1];
  return k;
}

static gint
descending (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;
  return x < y ? 1 : x > y ? -1 : 0;
}

guint64 *
dl_lexstats_frequencies (const DlLexStatsTotal *t, DlLang lang, guint32 *n)
{
  const TotalLang *tl = &t->lang[lang];
  *n = tl->freq->len;
  guint64 *freq = g_new (guint64, (gsize) *n + 1);
  if (*n > 0)
    memcpy (freq, tl->freq->data, (gsize) *n * sizeof (guint64));
  qsort (freq, *n, sizeof *freq, descending);
  return freq;
}

DlLexTerm *
dl_lexstats_terms (const DlLexStatsTotal *t, DlLang lang, guint32 *n)
{
  const TotalLang *tl = &t->lang[lang];
  const StemCache *c = &tl->vocabulary;
  *n = tl->freq->len;
  DlLexTerm *terms = g_new (DlLexTerm, (gsize) *n + 1);
  for (guint32 id = 0; id < *n; id++)
    terms[id] = (DlLexTerm){ dl_lexicon_string (c->terms, id),
                             dl_lexicon_string (c->stems, g_array_index (c->stem_of, guint32, id)),
                             g_array_index (tl->freq, guint64, id),
                             g_array_index (tl->range, guint32, id) };
  return terms;
}

const DlLexStatsRow *
dl_lexstats_total (const DlLexStatsTotal *t, DlLang lang)
{
  return &t->lang[lang].total;
}
