/* colloc.c — window co-occurrence in one pass: a ring of the segment's last
 * tokens (as form ids of the input) gives each node occurrence its left
 * window; occurrences whose right window is still open wait in a short list
 * and take each new token. A token in the windows of several occurrences
 * counts once, so that a collocate never co-occurs more often than it
 * occurs (O11 ≤ f2, which the contingency table needs: O21 = f2 − O11).
 *
 * Over an index's input whose counts the build kept, only the windows are
 * counted here, and only the lines around a candidate of the node (the
 * prefilter's, as concord's) are tokenized: a region starts far enough
 * before a candidate for the left window of a phrase that starts earlier
 * (or where the segment starts), and ends once no right window is open
 * and no phrase can reach on. The lines read since the last region wait
 * untokenized; a region whose lines reach back to the last one carries on
 * its state, else it starts from a fresh one, which no window in it can
 * tell apart: windows see the tokens of their segment alone. */
#include "config.h"

#include "colloc.h"

#include <string.h>

#include "collate.h"
#include "error.h"
#include "hitblocks.h"
#include "i18n.h"
#include "prefetch.h"
#include "prefilter.h"
#include "stream.h"
#include "tuples.h"
#include "varint.h"

typedef struct {
  guint64 left, right;
} Cooc;

typedef struct {
  GArray *cooc;    /* Cooc by form id (one input) or term id (merged); not with all */
  guint64 nodes;   /* node occurrences */
  DlTuples *pairs; /* with all: (first, second) by form or term ids */
} LangColloc;

struct _DlCollocCounts {
  DlCollocOptions opts;
  gboolean loaded; /* by dl_colloc_counts_load: merged pairs, which a merge absorbs */
  DlCounter *counter;
  /* The counter whose input's forms number cooc, if not counter: an
   * index's input whose counts were read, its co-occurrences counted
   * over some blocks (dl_colloc_input). */
  DlCounter *forms;
  LangColloc lang[DL_LANG_COUNT];
};

struct _DlColloc {
  DlCollocOptions opts;
  DlStream *stream;
  DlMatcher *matcher; /* NULL with all */

  /* The segment being read: tokens of one language in a row. */
  int seg_lang;  /* or -1 before the first */
  guint64 pos;   /* its tokens so far */
  guint32 *ring; /* form ids of its last tokens, by position & mask */
  guint8 *taken; /* by position & mask: already counted in a window */
  guint64 mask;
  GArray *open;        /* guint64: last positions of occurrences whose right
                          window is not yet full */
  GArray *pairs;       /* guint32: with all, the pairs of the line being read, two
                          ids each, added at its end (dl_tuples_add_many) */
  DlIndexWords *words; /* an index's words, kept from input to input */
  GArray *ranges;      /* guint64: the blocks of the node's hits */

  /* The regions around the candidates of an index's input. */
  DlPrefilter *prefilter; /* NULL: the node has no literal, every line is read */
  guint reach;            /* tokens before a candidate a hit's phrase may start at */
  GPtrArray *raw;         /* RawLine: read since the last region, not taken */
  GPtrArray *spare;       /* RawLine: to be used again */
  guint raw_limit;        /* raw lines before they are trimmed */
  gboolean active;        /* in a region: every line is taken */
  guint64 since;          /* counted tokens of the segment since the last candidate */
};

/* Lines read ahead of a region before they are trimmed: at least this
 * many, or twice what was left the last time. */
#define RAW_LINES 64

/* A line read ahead of a region: its text, and its tokens once needed. */
typedef struct {
  char *text;
  gsize len, cap;
  const char *path;
  guint64 number;
  DlLang lang;
  gboolean tokenized;    /* DlStreamLine.tokenized */
  gboolean has_tokens;   /* tokens, n and counted are known */
  DlStreamToken *tokens; /* n of them, room for cap_tokens */
  guint n, cap_tokens;
  guint64 counted; /* its counted tokens */
} RawLine;

static void
raw_line_free (gpointer p)
{
  RawLine *line = p;
  g_free (line->text);
  g_free (line->tokens);
  g_free (line);
}

DlCollocCounts *
dl_colloc_counts_new (const DlCollocOptions *opts)
{
  DlCollocCounts *c = g_new0 (DlCollocCounts, 1);
  c->opts = *opts;
  c->counter = dl_counter_new (&opts->counter);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (opts->all)
      c->lang[l].pairs = dl_tuples_new (2, DL_TUPLES_COUNTS);
    else
      c->lang[l].cooc = g_array_new (FALSE, TRUE, sizeof (Cooc));
  return c;
}

void
dl_colloc_counts_free (DlCollocCounts *c)
{
  if (c == NULL)
    return;
  dl_counter_free (c->counter);
  dl_counter_free (c->forms);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (c->lang[l].cooc != NULL)
        g_array_unref (c->lang[l].cooc);
      dl_tuples_free (c->lang[l].pairs);
    }
  g_free (c);
}

const DlCounter *
dl_colloc_counts_counter (const DlCollocCounts *c)
{
  return c->counter;
}

guint64
dl_colloc_counts_nodes (const DlCollocCounts *c, DlLang lang)
{
  return c->lang[lang].nodes;
}

void
dl_colloc_counts_merge (DlCollocCounts *into, DlCollocCounts *from, guint32 file)
{
  dl_counter_merge (into->counter, from->counter, file);
  const DlCounter *numbered = from->forms != NULL ? from->forms : from->counter;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LangColloc *dst = &into->lang[l];
      LangColloc *src = &from->lang[l];
      dst->nodes += src->nodes;
      if (dl_counter_input_forms (numbered, l) == 0)
        continue;
      g_autofree guint32 *map = dl_counter_input_ids (into->counter, numbered, l);
      if (src->pairs != NULL && from->loaded)
        dl_tuples_absorb_merged (dst->pairs, src->pairs, map, file);
      else if (src->pairs != NULL)
        dl_tuples_absorb (dst->pairs, src->pairs, map, file);
      for (guint32 f = 0; src->cooc != NULL && f < src->cooc->len; f++)
        {
          const Cooc *s = &g_array_index (src->cooc, Cooc, f);
          if (s->left == 0 && s->right == 0)
            continue;
          guint32 id = map[f];
          if (id >= dst->cooc->len)
            g_array_set_size (dst->cooc, dl_lexicon_size (dl_counter_terms (into->counter, l)));
          Cooc *d = &g_array_index (dst->cooc, Cooc, id);
          d->left += s->left;
          d->right += s->right;
        }
    }
}

guint
dl_colloc_counts_window (const DlCollocCounts *c)
{
  return c->opts.right;
}

/* The window, then the pairs of each language. */
void
dl_colloc_counts_save_pairs (const DlCollocCounts *c, const DlCounter *numbering, GByteArray *out)
{
  g_return_if_fail (c->opts.all);
  dl_put_varint (out, c->opts.right);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      const DlTuples *pairs = c->lang[l].pairs;
      /* The ids of @numbering's terms: the same, but for a counter that
       * met its terms in another order. */
      guint32 n = dl_lexicon_size (dl_counter_terms (c->counter, l));
      g_autofree guint32 *map = g_new (guint32, n + 1);
      gboolean same = TRUE;
      for (guint32 id = 0; id < n; id++)
        {
          const DlLexicon *terms = dl_counter_terms (c->counter, l);
          gboolean found
              = dl_lexicon_lookup (dl_counter_terms (numbering, l), dl_lexicon_string (terms, id),
                                   dl_lexicon_length (terms, id), &map[id]);
          g_assert (found);
          same = same && map[id] == id;
        }
      if (same)
        {
          dl_tuples_save (pairs, out);
          continue;
        }
      g_autoptr (DlTuples) mapped = dl_tuples_new (2, DL_TUPLES_COUNTS);
      dl_tuples_merge (mapped, pairs, map, 0);
      dl_tuples_save (mapped, out);
    }
}

gboolean
dl_colloc_counts_load (DlCollocCounts *c, const guint8 *saved, gsize saved_len, const guint8 *pairs,
                       gsize pairs_len, guint32 files)
{
  g_return_val_if_fail (c->opts.all && !c->loaded, FALSE);
  if (!dl_counter_load (c->counter, saved, saved_len))
    return FALSE;
  c->loaded = TRUE;
  DlCursor cur = dl_cursor_of (pairs, pairs_len);
  if (dl_get_varint (&cur) != c->opts.right || cur.bad)
    return FALSE;
  gsize at = (gsize) (cur.p - pairs);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      /* A language this run leaves out is passed over. */
      gsize end;
      if (!c->opts.counter.langs[l])
        {
          if (!dl_tuples_skip (pairs, pairs_len, &at, &end))
            return FALSE;
          at = end;
        }
      else if (!dl_tuples_load (c->lang[l].pairs, pairs, pairs_len, &at,
                                dl_lexicon_size (dl_counter_terms (c->counter, l)), files))
        return FALSE;
    }
  return at == pairs_len;
}

void
dl_colloc_free (DlColloc *c)
{
  if (c == NULL)
    return;
  dl_stream_free (c->stream);
  dl_matcher_free (c->matcher);
  g_free (c->ring);
  g_free (c->taken);
  g_array_unref (c->open);
  g_array_unref (c->pairs);
  dl_index_words_free (c->words);
  g_array_unref (c->ranges);
  dl_prefilter_free (c->prefilter);
  for (guint i = 0; i < c->raw->len; i++)
    raw_line_free (c->raw->pdata[i]);
  g_ptr_array_unref (c->raw);
  g_ptr_array_unref (c->spare);
  g_free (c);
}

DlColloc *
dl_colloc_new (const DlQuery *node, const DlCollocOptions *opts, GError **error)
{
  g_return_val_if_fail ((node == NULL) == opts->all, NULL);
  g_return_val_if_fail (!opts->all || opts->left == 0, NULL);
  g_autoptr (DlColloc) c = g_new0 (DlColloc, 1);
  c->opts = *opts;
  c->open = g_array_new (FALSE, FALSE, sizeof (guint64));
  c->pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  c->ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  /* Without a free function: their lines move from one to the other. */
  c->raw = g_ptr_array_new ();
  c->spare = g_ptr_array_new_with_free_func (raw_line_free);
  /* The left window of a phrase reaches back past the phrase. */
  guint64 need = (guint64) opts->left + opts->right + DL_QUERY_MAX_TERMS + 1;
  c->mask = 1;
  while (c->mask < need)
    c->mask <<= 1;
  c->ring = g_new0 (guint32, c->mask);
  c->taken = g_new0 (guint8, c->mask);
  c->mask--;
  DlStreamOptions so;
  dl_stream_options_for_counter (&so, &opts->counter, FALSE);
  if ((c->stream = dl_stream_new (&so, error)) == NULL)
    return NULL;
  if (node != NULL)
    {
      DlQuery *q = (DlQuery *) node; /* the matcher only reads it */
      if ((c->matcher = dl_matcher_new (&q, 1, &opts->query, error)) == NULL)
        return NULL;
      c->reach = dl_matcher_max_length (c->matcher) - 1;
      /* NULL without an error: the node needs every line. */
      g_autoptr (GError) local = NULL;
      c->prefilter = dl_prefilter_new (&q, 1, &opts->query, c->matcher, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  return g_steal_pointer (&c);
}

/* Starts a new segment: no window reaches back past this point. */
static void
new_segment (DlColloc *c, int lang)
{
  c->seg_lang = lang;
  c->pos = 0;
  g_array_set_size (c->open, 0);
  if (c->matcher != NULL)
    dl_matcher_reset (c->matcher);
}

/* With all: the pairs that end at position @g, each first word once
 * however often it stands in the window, so that a pair never occurs more
 * often than its second word. */
static void
take_pairs (DlColloc *c, guint64 g)
{
  guint32 form = c->ring[g & c->mask];
  for (guint d = 1; d <= c->opts.right && d <= g; d++)
    {
      guint32 first = c->ring[(g - d) & c->mask];
      gboolean seen = FALSE;
      for (guint e = 1; e < d && !seen; e++)
        seen = c->ring[(g - e) & c->mask] == first;
      if (seen)
        continue;
      guint32 pair[2] = { first, form };
      g_array_append_vals (c->pairs, pair, 2);
    }
}

/* Takes the next token of the segment, form @form of @lc; @text, @len as
 * written. */
static gboolean
take_token (DlColloc *c, LangColloc *lc, guint32 form, DlLang lang, const char *text, gsize len,
            GError **error)
{
  guint64 g = c->pos++;
  c->ring[g & c->mask] = form;
  c->taken[g & c->mask] = FALSE;
  if (c->opts.all)
    {
      take_pairs (c, g);
      return TRUE;
    }

  if (form >= lc->cooc->len)
    g_array_set_size (lc->cooc, form + 1);
  Cooc *co = (Cooc *) (gpointer) lc->cooc->data;
  guint kept = 0;
  for (guint i = 0; i < c->open->len; i++)
    {
      guint64 end = g_array_index (c->open, guint64, i);
      if (g < end + c->opts.right)
        g_array_index (c->open, guint64, kept++) = end;
    }
  if (c->open->len > 0)
    {
      co[form].right++;
      c->taken[g & c->mask] = TRUE;
    }
  g_array_set_size (c->open, kept);

  const DlMatch *m;
  guint n_m;
  gboolean ok = dl_matcher_token_form (c->matcher, lang, form, text, len, &m, &n_m, error);
  for (guint k = 0; k < n_m; k++)
    {
      guint64 first = g + 1 - m[k].length;
      lc->nodes++;
      for (guint64 p = first > c->opts.left ? first - c->opts.left : 0; p < first; p++)
        if (!c->taken[p & c->mask])
          {
            co[c->ring[p & c->mask]].left++;
            c->taken[p & c->mask] = TRUE;
          }
      if (c->opts.right > 0)
        g_array_append_val (c->open, g);
    }
  return ok;
}

/* Takes the counted tokens of @line, a line of a counted language. */
static void
take_line (DlColloc *c, const DlStreamLine *line, const DlDiag *diag, DlCollocCounts *counts)
{
  if ((int) line->lang != c->seg_lang)
    new_segment (c, line->lang);
  LangColloc *lc = &counts->lang[line->lang];
  gboolean regex_failed = FALSE;
  for (guint i = 0; i < line->n_tokens; i++)
    {
      const DlStreamToken *t = &line->tokens[i];
      if (!t->counts)
        continue;
      g_autoptr (GError) e = NULL;
      if (!take_token (c, lc, t->form, line->lang, line->text + t->offset, t->len,
                       regex_failed ? NULL : &e))
        {
          if (e != NULL)
            dl_diag_report (diag, DL_DIAG_ERROR, line->path, line->number, "%s", e->message);
          regex_failed = TRUE;
        }
    }
  if (c->pairs->len > 0)
    dl_tuples_add_many (lc->pairs, (const guint32 *) (gpointer) c->pairs->data, c->pairs->len / 2,
                        0);
  g_array_set_size (c->pairs, 0);
}

/* Takes the lines of the input @c->stream has open, until its end. */
static gboolean
take_lines (DlColloc *c, const DlDiag *diag, DlCollocCounts *counts, GError **error)
{
  if (c->matcher != NULL)
    dl_matcher_forget_forms (c->matcher);
  new_segment (c, -1);
  for (;;)
    {
      const DlStreamLine *line;
      if (!dl_stream_next (c->stream, &line, error))
        return FALSE;
      if (line == NULL)
        return TRUE;
      /* Lines were skipped (an index's blocks): no window runs across.
       * The blocks read hold every window of a hit whole, so none would
       * reach the gap; this keeps tokens apart from ever joining one. */
      if (line->gap)
        new_segment (c, -1);
      if (line->tokenized)
        take_line (c, line, diag, counts);
      else
        new_segment (c, -1);
    }
}

/* ---- The regions around the candidates (an index's input) ---- */

/* A copy of @sl (with its tokens if @has_tokens), kept raw. */
static RawLine *
raw_copy (DlColloc *c, const DlStreamLine *sl, gboolean has_tokens)
{
  RawLine *line = c->spare->len > 0 ? g_ptr_array_steal_index_fast (c->spare, c->spare->len - 1)
                                    : g_new0 (RawLine, 1);
  if (line->cap < sl->len + 1)
    {
      line->cap = MAX (sl->len + 1, 2 * line->cap);
      line->text = g_realloc (line->text, line->cap);
    }
  memcpy (line->text, sl->text, sl->len);
  line->len = sl->len;
  line->path = sl->path;
  line->number = sl->number;
  line->lang = sl->lang;
  line->tokenized = sl->tokenized;
  line->has_tokens = FALSE;
  line->n = 0;
  line->counted = 0;
  if (has_tokens)
    {
      if (line->cap_tokens < sl->n_tokens)
        {
          line->cap_tokens = MAX (sl->n_tokens, 2 * line->cap_tokens);
          line->tokens = g_renew (DlStreamToken, line->tokens, line->cap_tokens);
        }
      if (sl->n_tokens > 0)
        memcpy (line->tokens, sl->tokens, sl->n_tokens * sizeof *sl->tokens);
      line->n = sl->n_tokens;
      for (guint i = 0; i < line->n; i++)
        line->counted += line->tokens[i].counts;
      line->has_tokens = TRUE;
    }
  return line;
}

/* Drops the raw lines before index @keep. */
static void
drop_raw (DlColloc *c, guint keep)
{
  for (guint i = 0; i < keep; i++)
    g_ptr_array_add (c->spare, g_steal_pointer (&c->raw->pdata[i]));
  g_ptr_array_remove_range (c->raw, 0, keep);
}

/* Tokenizes @line (of a language counted) once: its tokens counted into
 * the input's counter, which numbers their forms. */
static gboolean
raw_tokens (DlColloc *c, RawLine *line, GError **error)
{
  if (line->has_tokens || !line->tokenized)
    return TRUE;
  guint n;
  const DlStreamToken *t
      = dl_stream_tokenize (c->stream, line->lang, line->text, line->len, &n, error);
  if (t == NULL)
    return FALSE;
  if (line->cap_tokens < n)
    {
      line->cap_tokens = MAX (n, 2 * line->cap_tokens);
      line->tokens = g_renew (DlStreamToken, line->tokens, line->cap_tokens);
    }
  if (n > 0)
    memcpy (line->tokens, t, n * sizeof *t);
  line->n = n;
  for (guint i = 0; i < n; i++)
    line->counted += t[i].counts;
  line->has_tokens = TRUE;
  return TRUE;
}

/* Takes @line as take_lines takes a line, tokenized first. */
static gboolean
take_raw (DlColloc *c, RawLine *line, const DlDiag *diag, DlCollocCounts *counts, GError **error)
{
  if (!line->tokenized)
    {
      new_segment (c, -1);
      return TRUE;
    }
  if (!raw_tokens (c, line, error))
    return FALSE;
  DlStreamLine sl = { .path = line->path,
                      .text = line->text,
                      .len = line->len,
                      .number = line->number,
                      .lang = line->lang,
                      .tokenized = TRUE,
                      .tokens = line->tokens,
                      .n_tokens = line->n };
  take_line (c, &sl, diag, counts);
  return TRUE;
}

/* The first of the raw lines that a candidate of @lang after them needs,
 * into *@start: after the last line that starts its segment (a line of
 * another language, or not counted), or the one that gives its phrase
 * and left window their tokens. *@met FALSE if the raw lines are not
 * enough: then the state before them is needed too. */
static gboolean
first_needed (DlColloc *c, int lang, guint *start, gboolean *met, GError **error)
{
  guint64 need = (guint64) c->reach + c->opts.left, tokens = 0;
  guint i = c->raw->len;
  for (; i > 0 && tokens < need; i--)
    {
      RawLine *line = c->raw->pdata[i - 1];
      if (!line->tokenized || (int) line->lang != lang)
        break;
      if (!raw_tokens (c, line, error))
        return FALSE;
      tokens += line->counted;
    }
  /* Short of the tokens before the first line: no segment start found. */
  *met = tokens >= need || i > 0;
  *start = i;
  return TRUE;
}

/* Drops the raw lines no candidate to come can need, once there are many;
 * or, when all of them hold fewer tokens than a candidate may need, takes
 * them as a pass over every line does (lines of few tokens do not pile
 * up). */
static gboolean
trim_raw (DlColloc *c, const DlDiag *diag, DlCollocCounts *counts, GError **error)
{
  if (c->raw->len < c->raw_limit)
    return TRUE;
  const RawLine *last = c->raw->pdata[c->raw->len - 1];
  guint start;
  gboolean met;
  if (!first_needed (c, last->tokenized ? (int) last->lang : -1, &start, &met, error))
    return FALSE;
  /* What was before them no window of a candidate to come can see. */
  if (met && start > 0)
    {
      new_segment (c, -1);
      drop_raw (c, start);
    }
  else if (!met)
    {
      /* No candidate among them: no window opens, the state runs on. */
      for (guint i = 0; i < c->raw->len; i++)
        if (!take_raw (c, c->raw->pdata[i], diag, counts, error))
          {
            drop_raw (c, i);
            return FALSE;
          }
      drop_raw (c, c->raw->len);
    }
  c->raw_limit = MAX (RAW_LINES, 2 * c->raw->len);
  return TRUE;
}

/* Starts a region before the candidate @line: takes the raw lines it
 * needs, from a fresh state if they are enough, else after the state's
 * (the lines before them, or a fresh one if trim_raw dropped those). */
static gboolean
start_region (DlColloc *c, const RawLine *line, const DlDiag *diag, DlCollocCounts *counts,
              GError **error)
{
  guint start;
  gboolean met;
  if (!first_needed (c, (int) line->lang, &start, &met, error))
    return FALSE;
  if (met)
    {
      new_segment (c, -1);
      drop_raw (c, start);
    }
  for (guint i = 0; i < c->raw->len; i++)
    if (!take_raw (c, c->raw->pdata[i], diag, counts, error))
      {
        drop_raw (c, i);
        return FALSE;
      }
  drop_raw (c, c->raw->len);
  c->raw_limit = RAW_LINES;
  c->active = TRUE;
  return TRUE;
}

/* Starts the input again after lines skipped, or at its start: nothing
 * before. */
static void
fresh_region (DlColloc *c)
{
  new_segment (c, -1);
  drop_raw (c, c->raw->len);
  c->raw_limit = RAW_LINES;
  c->active = FALSE;
}

/* Takes the line @sl (with its tokens if @has_tokens) of a lazy stream:
 * in a region, or keeps it raw, starting a region for a candidate. */
static gboolean
region_line (DlColloc *c, const DlStreamLine *sl, gboolean has_tokens, const DlDiag *diag,
             DlCollocCounts *counts, GError **error)
{
  if (sl->gap)
    fresh_region (c);
  RawLine *line = raw_copy (c, sl, has_tokens);
  gboolean candidate = line->tokenized && dl_prefilter_line (c->prefilter, line->text, line->len);
  if (!c->active && !candidate)
    {
      g_ptr_array_add (c->raw, line);
      return trim_raw (c, diag, counts, error);
    }
  if (!c->active && !start_region (c, line, diag, counts, error))
    {
      g_ptr_array_add (c->spare, line);
      return FALSE;
    }
  gboolean ok = take_raw (c, line, diag, counts, error);
  if (candidate)
    c->since = 0;
  else if (line->tokenized)
    c->since += line->counted;
  else
    c->since = c->reach; /* the segment ended: no phrase runs on */
  g_ptr_array_add (c->spare, line);
  /* No right window is open, and a phrase through the last candidate
   * has ended. */
  if (c->open->len == 0 && c->since >= c->reach)
    c->active = FALSE;
  return ok;
}

/* Takes the lines of the input @c->stream has open lazily, until its
 * end: the regions around the candidates. */
static gboolean
take_regions (DlColloc *c, const DlDiag *diag, DlCollocCounts *counts, GError **error)
{
  dl_matcher_forget_forms (c->matcher);
  fresh_region (c);
  gboolean ok = TRUE;
  for (;;)
    {
      const DlStreamLine *sl;
      gboolean has_tokens;
      if (!dl_stream_next_lazy (c->stream, &sl, &has_tokens, error))
        {
          ok = FALSE;
          break;
        }
      if (sl == NULL)
        break;
      if (!region_line (c, sl, has_tokens, diag, counts, error))
        {
          ok = FALSE;
          break;
        }
    }
  drop_raw (c, c->raw->len);
  return ok;
}

/* Forgets what the input gave @counts. */
static void
clear_input (DlCollocCounts *counts)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      counts->lang[l].nodes = 0;
      g_array_set_size (counts->lang[l].cooc, 0);
    }
}

/* The blocks in @ranges (pairs), their number. */
static guint64
blocks_in (const GArray *ranges)
{
  guint64 n = 0;
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    n += g_array_index (ranges, guint64, i + 1) - g_array_index (ranges, guint64, i);
  return n;
}

/* An index's input whose counts the build kept for the counter's
 * options: the counts read from the index, and the node's co-occurrences
 * counted over the blocks that can hold the node and the windows around
 * them alone (hitblocks.h), in the regions around the prefilter's
 * candidates (take_regions), numbered by a counter of the lines
 * tokenized (counts->forms). A window reaches over tokens of the kinds
 * counted, in every language, so their counts are what the blocks around
 * must hold. FALSE with *@done unset if it is not to be done so: a node
 * without a prefilter whose hits lie in half the blocks or more (a pass
 * over every line then costs no more). */
static gboolean
from_index (DlColloc *c, const DlInput *input, const DlDocumentOptions *doc_options,
            const DlDiag *diag, DlCollocCounts *counts, gboolean *done, GError **error)
{
  *done = FALSE;
  if (input->index == NULL || doc_options->assume || c->matcher == NULL)
    return FALSE;
  DlIndexNeed need = { .reach = dl_matcher_max_length (c->matcher) - 1,
                       .tokens = MAX (c->opts.left, c->opts.right) };
  for (int k = 0; k < DL_TOKEN_KINDS; k++)
    need.kinds |= c->opts.counter.kinds[k] ? 1u << k : 0;
  GError *local = NULL;
  if (!dl_hit_blocks (input->index, input->entry, c->matcher, &need, &need, NULL, NULL, &c->words,
                      c->ranges, NULL, NULL, &local))
    {
      *done = local != NULL;
      if (local != NULL)
        g_propagate_error (error, local);
      return FALSE;
    }
  if (c->prefilter == NULL
      && blocks_in (c->ranges) * 2 > dl_index_input_blocks (input->index, input->entry))
    return FALSE;
  /* The counts of every line, read first; they replace counts->counter
   * only once the blocks are read whole. */
  g_autoptr (DlCounter) whole = dl_counter_new (&c->opts.counter);
  if (!dl_counter_load_index (whole, input, &local))
    {
      *done = local != NULL;
      if (local != NULL)
        g_propagate_error (error, local);
      return FALSE;
    }
  *done = TRUE;
  g_autoptr (DlCounter) forms = dl_counter_new (&c->opts.counter);
  if (!dl_stream_open (c->stream, input, doc_options, diag, forms, error))
    return FALSE;
  dl_stream_restrict (c->stream, (const guint64 *) (gpointer) c->ranges->data, c->ranges->len / 2);
  gboolean ok;
  if (c->prefilter != NULL)
    {
      dl_stream_lazy_input (c->stream);
      ok = take_regions (c, diag, counts, &local);
    }
  else
    ok = take_lines (c, diag, counts, &local);
  if (!ok && g_error_matches (local, DL_ERROR, DL_ERROR_INDEX))
    {
      /* A damaged index: what was read is not the input's. */
      clear_input (counts);
      g_propagate_error (error, local);
      return FALSE;
    }
  /* How reading the input ended at the build is in @local, as a pass
   * over its lines gives it after them. */
  dl_counter_free (counts->counter);
  counts->counter = g_steal_pointer (&whole);
  counts->forms = g_steal_pointer (&forms);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

gboolean
dl_colloc_input (DlColloc *c, const DlInput *input, const DlDocumentOptions *doc_options,
                 const DlDiag *diag, DlCollocCounts *counts, GError **error)
{
  gboolean done;
  gboolean ok = from_index (c, input, doc_options, diag, counts, &done, error);
  if (done)
    return ok;
  if (!dl_stream_open (c->stream, input, doc_options, diag, counts->counter, error))
    return FALSE;
  return take_lines (c, diag, counts, error);
}

/* The list: a compact item per collocate (or pair) that passes, ranked; a
 * row, with its strings and measures, is made only when asked for. */

typedef struct {
  guint32 first; /* with all: the pair's first unit */
  guint32 unit;  /* the collocate, or the pair's second unit */
  guint64 left, right;
  const char *text; /* the collocate as shown (with all: "first second") */
  const char *key;  /* its unit's key (with all: "first second") */
} Item;

struct _DlCollocList {
  const DlCollocCounts *counts; /* borrowed */
  DlLang lang;
  const DlUnits *units; /* borrowed */
  guint64 *freq;        /* by unit; 0 for stopwords */
  Item *items;
  guint32 *order; /* the items by rank */
  guint n;        /* ranked items (with top, at most top) */
  guint64 candidates;
  GStringChunk *strings;
};

static double
row_value (const DlCollocRow *r, DlMeasure m)
{
  switch (m)
    {
    case DL_MEASURE_COOC:
      return (double) r->cooc;
    case DL_MEASURE_FREQ:
      return (double) r->freq;
    case DL_MEASURE_EXPECTED:
      return r->scores.expected;
    case DL_MEASURE_MI:
      return r->scores.mi;
    case DL_MEASURE_MI3:
      return r->scores.mi3;
    case DL_MEASURE_T:
      return r->scores.t;
    case DL_MEASURE_Z:
      return r->scores.z;
    case DL_MEASURE_LL:
      return r->scores.ll;
    case DL_MEASURE_DICE:
      return r->scores.dice;
    case DL_MEASURE_LOGDICE:
      return r->scores.logdice;
    case DL_MEASURE_LEFT:
      return (double) r->left;
    case DL_MEASURE_RIGHT:
      return (double) r->right;
    default:
      g_return_val_if_reached (0);
    }
}

/* The frequency of each unit, 0 for a stopword: a stopword unit is out of
 * the collocates and their co-occurrences alike. */
static guint64 *
unit_freqs (const DlUnits *units)
{
  guint32 n = dl_units_size (units);
  guint64 *freq = dl_new0_huge (sizeof (guint64), (gsize) n + 1);
  for (guint32 u = 0; u < n; u++)
    if (!dl_units_is_stopword (units, u))
      freq[u] = dl_units_freq (units, u);
  return freq;
}

/* Makes the row of @it in @r. */
static const DlCollocRow *
make_row (const DlCollocList *list, const Item *it, DlCollocRow *r)
{
  const DlCollocCounts *counts = list->counts;
  guint64 cooc = it->left + it->right;
  *r = (DlCollocRow){ .collocate = it->text,
                      .unit = it->key,
                      .cooc = cooc,
                      .freq = list->freq[it->unit],
                      .left = it->left,
                      .right = it->right };
  double f1 = (double) counts->lang[list->lang].nodes;
  if (counts->opts.all)
    {
      r->first = dl_units_headword (list->units, it->first);
      r->second = dl_units_headword (list->units, it->unit);
      f1 = (double) list->freq[it->first];
    }
  DlAssocCounts ac = { (double) cooc, f1, (double) r->freq,
                       (double) dl_counter_tokens (counts->counter, list->lang),
                       (double) counts->opts.left + counts->opts.right };
  dl_assoc_scores (&ac, &r->scores);
  return r;
}

/* The items of @lang's pairs (of units) that pass the thresholds, in @items
 * if not NULL; returns their number. */
static guint
pair_items (DlCollocList *list, const DlTuples *pairs, const DlCollocListOptions *opts, Item *items)
{
  guint64 min_cooc = MAX (opts->min_cooc, 1);
  guint n = 0;
  for (guint32 i = 0; i < dl_tuples_size (pairs); i++)
    {
      const guint32 *ids = dl_tuples_ids (pairs, i);
      guint64 cooc = dl_tuples_count (pairs, i), f1 = list->freq[ids[0]], f2 = list->freq[ids[1]];
      /* Frequency 0: stopwords only. */
      if (cooc < min_cooc || f1 == 0 || f2 == 0 || f1 < opts->min_freq || f2 < opts->min_freq)
        continue;
      if (items != NULL)
        {
          const DlUnits *u = list->units;
          g_autofree char *both = g_strconcat (dl_units_headword (u, ids[0]), " ",
                                               dl_units_headword (u, ids[1]), NULL);
          g_autofree char *keys
              = g_strconcat (dl_units_key (u, ids[0]), " ", dl_units_key (u, ids[1]), NULL);
          items[n] = (Item){ ids[0],
                             ids[1],
                             0,
                             cooc,
                             g_string_chunk_insert (list->strings, both),
                             g_string_chunk_insert (list->strings, keys) };
        }
      n++;
    }
  return n;
}

/* The same for the collocates of a node, by unit in @by_unit. */
static guint
node_items (DlCollocList *list, const Cooc *by_unit, guint32 n_units,
            const DlCollocListOptions *opts, Item *items)
{
  guint64 min_cooc = MAX (opts->min_cooc, 1);
  guint n = 0;
  for (guint32 u = 0; u < n_units; u++)
    {
      guint64 cooc = by_unit[u].left + by_unit[u].right;
      if (cooc < min_cooc || list->freq[u] == 0 || list->freq[u] < opts->min_freq)
        continue;
      if (items != NULL)
        items[n] = (Item){ 0,
                           u,
                           by_unit[u].left,
                           by_unit[u].right,
                           dl_units_headword (list->units, u),
                           dl_units_key (list->units, u) };
      n++;
    }
  return n;
}

/* The pairs of terms @pairs made pairs of units by @unit_of (stems): their
 * counts added up. The caller's, dl_tuples_free. */
static DlTuples *
unit_pairs (const DlTuples *pairs, const guint32 *unit_of)
{
  DlTuples *by_unit = dl_tuples_new (2, DL_TUPLES_COUNTS);
  for (guint32 i = 0; i < dl_tuples_size (pairs); i++)
    {
      const guint32 *ids = dl_tuples_ids (pairs, i);
      guint32 pair[2] = { unit_of[ids[0]], unit_of[ids[1]] };
      dl_tuples_add (by_unit, pair, dl_tuples_count (pairs, i), 0);
    }
  return by_unit;
}

/* Fills list->items with the pairs of units (--all) that pass the
 * thresholds; @unit_of is NULL when units are terms. Returns their number. */
static guint
list_pairs (DlCollocList *list, const LangColloc *lc, const guint32 *unit_of,
            const DlCollocListOptions *opts)
{
  g_autoptr (DlTuples) by_unit = unit_of != NULL ? unit_pairs (lc->pairs, unit_of) : NULL;
  const DlTuples *pairs = unit_of != NULL ? by_unit : lc->pairs;
  list->candidates = dl_tuples_size (pairs);
  /* Counted first, so that the items take no more room than they need. */
  guint n = pair_items (list, pairs, opts, NULL);
  list->items = g_new (Item, n + 1);
  pair_items (list, pairs, opts, list->items);
  return n;
}

/* Fills list->items with the collocates of the node (its co-occurrences
 * added up by unit, @unit_of NULL when units are terms) that pass the
 * thresholds. Returns their number. */
static guint
list_collocates (DlCollocList *list, const LangColloc *lc, const guint32 *unit_of, guint32 n_units,
                 const DlCollocListOptions *opts)
{
  g_autofree Cooc *by_unit = dl_new0_huge (sizeof (Cooc), (gsize) n_units + 1);
  for (guint32 id = 0; id < lc->cooc->len; id++)
    {
      const Cooc *x = &g_array_index (lc->cooc, Cooc, id);
      Cooc *u = &by_unit[unit_of != NULL ? unit_of[id] : id];
      u->left += x->left;
      u->right += x->right;
    }
  for (guint32 u = 0; u < n_units; u++)
    list->candidates += by_unit[u].left + by_unit[u].right > 0;
  guint n = node_items (list, by_unit, n_units, opts, NULL);
  list->items = g_new (Item, n + 1);
  node_items (list, by_unit, n_units, opts, list->items);
  return n;
}

/* Ranks the @n items by opts->sort into list->order, the first opts->top. */
static void
rank_items (DlCollocList *list, DlCollator *col, guint n, const DlCollocListOptions *opts)
{
  g_autofree DlRanked *ranked = g_new (DlRanked, n + 1);
  for (guint i = 0; i < n; i++)
    {
      DlCollocRow r;
      make_row (list, &list->items[i], &r);
      ranked[i] = (DlRanked){ row_value (&r, opts->sort), r.cooc, r.collocate, GUINT_TO_POINTER (i),
                              NULL };
    }
  g_autoptr (GStringChunk) keys = g_string_chunk_new (4096);
  list->n = dl_collator_rank (col, ranked, n, opts->top, keys);
  list->order = g_new (guint32, list->n + 1);
  for (guint i = 0; i < list->n; i++)
    list->order[i] = GPOINTER_TO_UINT (ranked[i].data);
}

DlCollocList *
dl_colloc_list (const DlCollocCounts *counts, DlLang lang, const DlCollocListOptions *opts,
                GError **error)
{
  g_return_val_if_fail (dl_units_counter (opts->units) == counts->counter, NULL);
  g_return_val_if_fail (dl_units_lang (opts->units) == lang, NULL);
  g_autoptr (DlCollator) col = dl_collator_new (lang, error);
  if (col == NULL)
    return NULL;
  g_autoptr (DlCollocList) list = g_new0 (DlCollocList, 1);
  list->counts = counts;
  list->lang = lang;
  list->units = opts->units;
  list->strings = g_string_chunk_new (4096);

  const LangColloc *lc = &counts->lang[lang];
  const guint32 *unit_of
      = dl_units_kind (opts->units) == DL_UNIT_FORM ? NULL : dl_units_map (opts->units);
  list->freq = unit_freqs (opts->units);
  guint n = 0;
  if (counts->opts.all)
    n = list_pairs (list, lc, unit_of, opts);
  else if (lc->nodes > 0)
    n = list_collocates (list, lc, unit_of, dl_units_size (opts->units), opts);
  rank_items (list, col, n, opts);
  return g_steal_pointer (&list);
}

void
dl_colloc_list_free (DlCollocList *list)
{
  if (list == NULL)
    return;
  g_free (list->freq);
  g_free (list->items);
  g_free (list->order);
  if (list->strings != NULL)
    g_string_chunk_free (list->strings);
  g_free (list);
}

guint
dl_colloc_list_size (const DlCollocList *list)
{
  return list->n;
}

const DlCollocRow *
dl_colloc_list_row (const DlCollocList *list, guint i, DlCollocRow *row)
{
  g_return_val_if_fail (i < list->n, NULL);
  return make_row (list, &list->items[list->order[i]], row);
}

guint64
dl_colloc_list_candidates (const DlCollocList *list)
{
  return list->candidates;
}
