/* dispersion.c — the measures are a few sums over the parts; the finder
 * gives every token to the matcher (phrases run across lines, as in kwic)
 * and keeps, for the last tokens a match can start at, their language and
 * their position among that language's counted tokens. */
#include "config.h"

#include "dispersion.h"

#include <math.h>
#include <string.h>

#include "hitblocks.h"
#include "stream.h"

void
dl_dispersion_measure_sparse (const guint64 *counts, const guint64 *sizes, guint k, guint n,
                              guint64 total, guint64 min_size, DlDispersion *out)
{
  memset (out, 0, sizeof *out);
  out->n = n;
  for (guint i = 0; i < k; i++)
    {
      out->freq += counts[i];
      out->range += counts[i] > 0;
    }
  if (out->freq == 0 || total == 0)
    return;
  /* The parts without a hit add s_i each to Σ |v_i − s_i|, 0 − mean each
   * to the deviations. */
  double sum_abs = 0, sum_s = 0, sum_r = 0;
  for (guint i = 0; i < k; i++)
    {
      double s = (double) sizes[i] / (double) total;
      sum_abs += fabs ((double) counts[i] / (double) out->freq - s);
      sum_s += s;
      sum_r += (double) counts[i] / (double) sizes[i];
    }
  out->has_dp = TRUE;
  out->dp = (sum_abs + MAX (0.0, 1 - sum_s)) / 2;
  if (n < 2)
    return;
  out->has_dp_norm = TRUE;
  out->dp_norm = out->dp / (1 - (double) min_size / (double) total);
  double mean = sum_r / n, ss = 0;
  for (guint i = 0; i < k; i++)
    {
      double dev = (double) counts[i] / (double) sizes[i] - mean;
      ss += dev * dev;
    }
  ss += (double) (n - k) * mean * mean;
  double sd = sqrt (ss / n);
  out->has_d = TRUE;
  /* sd/mean is at most √(n−1) (all hits in one part): rounding must not
   * take D below 0. */
  out->d = MAX (0.0, 1 - sd / mean / sqrt (n - 1.0));
}

void
dl_dispersion_measure (const guint64 *counts, const guint64 *sizes, guint n, DlDispersion *out)
{
  /* The parts of non-zero size, those with a hit first. */
  g_autofree guint64 *c = g_new (guint64, n + 1);
  g_autofree guint64 *z = g_new (guint64, n + 1);
  guint k = 0, parts = 0;
  guint64 total = 0, min_size = 0;
  for (guint i = 0; i < n; i++)
    if (sizes[i] > 0)
      {
        if (parts++ == 0 || sizes[i] < min_size)
          min_size = sizes[i];
        total += sizes[i];
        if (counts[i] > 0)
          {
            c[k] = counts[i];
            z[k++] = sizes[i];
          }
      }
  dl_dispersion_measure_sparse (c, z, k, parts, total, min_size, out);
}

/* ---- per input ---- */

struct _DlDispersionFile {
  guint n_queries;
  guint64 tokens[DL_LANG_COUNT];
  GArray **hits;     /* [lang * n_queries + query]: guint64 positions, or NULL */
  GPtrArray **lines; /* [lang * n_queries + query]: DlDispersionLine *, or NULL */
  guint keep_lines;  /* the finder's DlDispersionOptions.keep_lines */
};

static void
line_free (gpointer p)
{
  DlDispersionLine *l = p;
  g_free (l->text);
  g_free (l);
}

/* Appends a copy of @line as the line of input @file, at @start tokens
 * further, to *@lines (made if NULL) unless it holds @keep already:
 * returns the copy, or NULL. */
static DlDispersionLine *
lines_add (GPtrArray **lines, const DlDispersionLine *line, guint file, guint64 start, guint keep)
{
  if (*lines == NULL)
    *lines = g_ptr_array_new_with_free_func (line_free);
  if ((*lines)->len >= keep)
    return NULL;
  DlDispersionLine *copy = g_memdup2 (line, sizeof *line);
  copy->text = g_strdup (line->text);
  copy->file = file;
  copy->position += start;
  g_ptr_array_add (*lines, copy);
  return copy;
}

DlDispersionFile *
dl_dispersion_file_new (guint n_queries)
{
  DlDispersionFile *f = g_new0 (DlDispersionFile, 1);
  f->n_queries = n_queries;
  f->hits = g_new0 (GArray *, (gsize) n_queries * DL_LANG_COUNT);
  f->lines = g_new0 (GPtrArray *, (gsize) n_queries * DL_LANG_COUNT);
  return f;
}

void
dl_dispersion_file_free (DlDispersionFile *f)
{
  if (f == NULL)
    return;
  for (guint i = 0; i < f->n_queries * DL_LANG_COUNT; i++)
    {
      if (f->hits[i] != NULL)
        g_array_unref (f->hits[i]);
      if (f->lines[i] != NULL)
        g_ptr_array_unref (f->lines[i]);
    }
  g_free (f->hits);
  g_free (f->lines);
  g_free (f);
}

static void
file_add_hit (DlDispersionFile *f, DlLang lang, guint query, guint64 position)
{
  GArray **a = &f->hits[lang * f->n_queries + query];
  if (*a == NULL)
    *a = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_append_val (*a, position);
}

/* A token a match may start at. */
typedef struct {
  DlLang lang;
  gboolean counts;  /* counted, in a wanted language */
  guint64 position; /* counted tokens of its language before it */
} Recent;

struct _DlDispersionFinder {
  DlDispersionOptions opts;
  DlMatcher *matcher;
  DlStream *stream;
  /* With keep_lines: the line before the current one, and the lines kept
     on it, which the next line's text completes. */
  GString *previous;
  GPtrArray *pending;             /* DlDispersionLine *, borrowed */
  Recent recent[DL_CQL_MAX_SPAN]; /* by token index modulo */
  /* Over an index: the blocks read (guint64 pairs) and the words' reader
     kept from one input to the next (hitblocks.h). */
  GArray *ranges;
  DlIndexWords *words;
  guint max_len; /* tokens of the longest match (CQL's too) */
};
G_STATIC_ASSERT (DL_CQL_MAX_SPAN >= DL_QUERY_MAX_TERMS);

void
dl_dispersion_finder_free (DlDispersionFinder *f)
{
  if (f == NULL)
    return;
  dl_matcher_free (f->matcher);
  dl_stream_free (f->stream);
  g_string_free (f->previous, TRUE);
  g_ptr_array_unref (f->pending);
  g_array_unref (f->ranges);
  dl_index_words_free (f->words);
  g_free (f);
}

DlDispersionFinder *
dl_dispersion_finder_new (DlQuery *const *queries, guint n, const DlQueryOptions *query_options,
                          const DlDispersionOptions *options, GError **error)
{
  g_autoptr (DlDispersionFinder) f = g_new0 (DlDispersionFinder, 1);
  f->opts = *options;
  f->previous = g_string_new (NULL);
  f->pending = g_ptr_array_new ();
  f->ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  DlStreamOptions so = { .sentences = FALSE };
  for (int l = 0; l < DL_LANG_COUNT; l++)
    so.langs[l] = TRUE;
  so.kinds[DL_TOKEN_WORD] = TRUE;
  so.kinds[DL_TOKEN_NUMBER] = options->count_numbers;
  if ((f->matcher = dl_matcher_new (queries, n, query_options, error)) == NULL)
    return NULL;
  for (guint q = 0; q < n; q++)
    f->max_len = MAX (f->max_len, dl_query_max_tokens (queries[q]));
  /* CQL's within s: where the VRT export's sentences end. */
  so.sentences = dl_matcher_within (f->matcher, DL_CQL_WITHIN_SENTENCE);
  if ((f->stream = dl_stream_new (&so, error)) == NULL)
    return NULL;
  return g_steal_pointer (&f);
}

/* Keeps the line @sl of a hit at bytes @start..@end of it, the hit at
 * @position, in *@lines (up to keep_lines): its text the previous line, a
 * space and this one (the next one comes later). */
static void
keep_line (DlDispersionFinder *f, const DlStreamLine *sl, gsize start, gsize end, guint64 position,
           GPtrArray **lines)
{
  /* Only the first hits' lines are kept: the text of the others is never
   * built (a 5 MiB line of a million hits was copied a million times). */
  if (*lines != NULL && (*lines)->len >= f->opts.keep_lines)
    return;
  gsize before = f->previous->len > 0 ? f->previous->len + 1 : 0;
  g_autoptr (GString) text = g_string_new (f->previous->str);
  if (before > 0)
    g_string_append_c (text, ' ');
  g_string_append_len (text, sl->text, (gssize) sl->len);
  const DlDispersionLine line
      = { 0, sl->number, position, text->str, before + start, before + end };
  DlDispersionLine *kept = lines_add (lines, &line, 0, 0, f->opts.keep_lines);
  if (kept != NULL)
    g_ptr_array_add (f->pending, kept);
}

/* Completes the lines kept on the line before @sl with its text. */
static void
complete_lines (DlDispersionFinder *f, const DlStreamLine *sl)
{
  for (guint i = 0; i < f->pending->len; i++)
    {
      DlDispersionLine *l = f->pending->pdata[i];
      char *text = g_strdup_printf ("%s %.*s", l->text, (int) sl->len, sl->text);
      g_free (l->text);
      l->text = text;
    }
  g_ptr_array_set_size (f->pending, 0);
}

/* Gives the tokens of @sl (tokens @g.. of the input) to the matcher and
 * keeps the hits that count in @out. */
static void
find_line (DlDispersionFinder *f, const DlStreamLine *sl, guint64 *g, const DlDiag *diag,
           DlDispersionFile *out)
{
  gboolean regex_failed = FALSE;
  dl_matcher_line (f->matcher, sl->lang, sl->icu_start);
  for (guint i = 0; i < sl->n_tokens; i++, (*g)++)
    {
      const DlStreamToken *t = &sl->tokens[i];
      if (t->any_start)
        dl_matcher_boundary (f->matcher, DL_CQL_WITHIN_SENTENCE);
      Recent *r = &f->recent[*g % DL_CQL_MAX_SPAN];
      r->lang = sl->lang;
      r->counts = t->counts && f->opts.langs[sl->lang];
      r->position = out->tokens[sl->lang];
      if (r->counts)
        out->tokens[sl->lang]++;
      const DlMatch *m;
      guint n_m;
      g_autoptr (GError) e = NULL;
      if (!dl_matcher_token (f->matcher, sl->lang, sl->text + t->offset, t->len, &m, &n_m,
                             regex_failed ? NULL : &e))
        {
          if (e != NULL)
            dl_diag_report (diag, DL_DIAG_ERROR, sl->path, sl->number, "%s", e->message);
          regex_failed = TRUE;
        }
      for (guint k = 0; k < n_m; k++)
        {
          /* The hit's place is its first counted token's. */
          const Recent *first = NULL;
          for (guint64 j = *g + 1 - m[k].length; j <= *g && first == NULL; j++)
            if (f->recent[j % DL_CQL_MAX_SPAN].counts)
              first = &f->recent[j % DL_CQL_MAX_SPAN];
          if (first == NULL)
            continue;
          file_add_hit (out, first->lang, m[k].query, first->position);
          if (f->opts.keep_lines > 0 && m[k].length <= i + 1)
            {
              const DlStreamToken *ft = &sl->tokens[i + 1 - m[k].length];
              keep_line (f, sl, ft->offset, t->offset + t->len, first->position,
                         &out->lines[first->lang * out->n_queries + m[k].query]);
            }
        }
    }
}

/* Sets @out's counted tokens of each language to those of blocks @from
 * to @to of the index's input @input: where a range of blocks read
 * begins, and the input's at its end. */
static void
count_blocks (const DlDispersionFinder *f, const DlInput *input, guint64 from, guint64 to,
              DlDispersionFile *out)
{
  guint64 kinds[DL_LANG_COUNT][DL_TOKEN_KINDS];
  dl_index_blocks_tokens (input->index, input->entry, from, to, kinds);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    out->tokens[l]
        = !f->opts.langs[l]
              ? 0
              : kinds[l][DL_TOKEN_WORD] + (f->opts.count_numbers ? kinds[l][DL_TOKEN_NUMBER] : 0);
}

gboolean
dl_dispersion_finder_input (DlDispersionFinder *f, const DlInput *input,
                            const DlDocumentOptions *doc_options, const DlDiag *diag,
                            DlDispersionFile *out, GError **error)
{
  if (!dl_stream_open (f->stream, input, doc_options, diag, NULL, error))
    return FALSE;
  dl_matcher_reset (f->matcher);
  out->keep_lines = f->opts.keep_lines;
  guint64 g = 0;
  g_autoptr (GError) local = NULL;
  /* Over an index, the blocks of the hits and around them what their first
   * tokens need (the longest match back). A kept hit lies in one line,
   * which holds a token of the blocks found; the lines before and after
   * it are read too, since a block's neighbours always are
   * (dl_index_input_ranges). The hits, their places and their lines are
   * those of the full pass (doc/DESIGN.md §8). */
  DlIndexNeed need = { .reach = MAX (f->max_len, 1) - 1 };
  gboolean restricted;
  if (!dl_hit_blocks_restrict (f->stream, input, doc_options, f->matcher, &need, NULL, &f->words,
                               f->ranges, NULL, NULL, &restricted, &local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* Each range of blocks but one from the first begins with a gap
   * (ranges are apart, and no block is empty). */
  const guint64 *ranges = (const guint64 *) (gpointer) f->ranges->data;
  guint next_range = restricted && f->ranges->len > 0 && ranges[0] == 0 ? 1 : 0;
  const DlStreamLine *line;
  g_string_truncate (f->previous, 0);
  g_ptr_array_set_size (f->pending, 0);
  while (dl_stream_next (f->stream, &line, &local) && line != NULL)
    {
      if (restricted && line->gap)
        {
          g_assert (2 * next_range < f->ranges->len);
          count_blocks (f, input, 0, ranges[2 * next_range++], out);
          dl_matcher_reset (f->matcher);
          g_string_truncate (f->previous, 0);
          g_ptr_array_set_size (f->pending, 0);
        }
      if (f->opts.keep_lines > 0)
        complete_lines (f, line);
      find_line (f, line, &g, diag, out);
      if (f->opts.keep_lines > 0)
        {
          g_string_truncate (f->previous, 0);
          g_string_append_len (f->previous, line->text, (gssize) line->len);
        }
    }
  g_ptr_array_set_size (f->pending, 0);
  /* The input's totals: a full pass counts every line the index holds
   * before it gives how reading the input ended at the build. */
  if (restricted)
    count_blocks (f, input, 0, dl_index_input_blocks (input->index, input->entry), out);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/* ---- the corpus ---- */

typedef struct {
  guint file;    /* input number */
  guint64 start; /* its first token among the language's */
  guint64 size;
} Part;

struct _DlDispersionTotal {
  guint n_queries;
  guint64 tokens[DL_LANG_COUNT];
  GArray *files[DL_LANG_COUNT]; /* Part: the files with tokens of the language */
  GArray **hits;                /* [lang * n_queries + query]: guint64 corpus positions */
  GPtrArray **lines;            /* [lang * n_queries + query]: DlDispersionLine * */
};

DlDispersionTotal *
dl_dispersion_total_new (guint n_queries)
{
  DlDispersionTotal *t = g_new0 (DlDispersionTotal, 1);
  t->n_queries = n_queries;
  t->hits = g_new (GArray *, (gsize) n_queries * DL_LANG_COUNT);
  t->lines = g_new (GPtrArray *, (gsize) n_queries * DL_LANG_COUNT);
  for (guint i = 0; i < n_queries * DL_LANG_COUNT; i++)
    {
      t->hits[i] = g_array_new (FALSE, FALSE, sizeof (guint64));
      t->lines[i] = g_ptr_array_new_with_free_func (line_free);
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    t->files[l] = g_array_new (FALSE, FALSE, sizeof (Part));
  return t;
}

void
dl_dispersion_total_free (DlDispersionTotal *t)
{
  if (t == NULL)
    return;
  for (guint i = 0; i < t->n_queries * DL_LANG_COUNT; i++)
    {
      g_array_unref (t->hits[i]);
      g_ptr_array_unref (t->lines[i]);
    }
  g_free (t->lines);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_array_unref (t->files[l]);
  g_free (t->hits);
  g_free (t);
}

void
dl_dispersion_total_merge (DlDispersionTotal *t, const DlDispersionFile *f, guint file)
{
  g_return_if_fail (t->n_queries == f->n_queries);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (f->tokens[l] == 0)
        continue;
      Part p = { file, t->tokens[l], f->tokens[l] };
      g_array_append_val (t->files[l], p);
      for (guint q = 0; q < t->n_queries; q++)
        {
          const GArray *src = f->hits[l * f->n_queries + q];
          GArray *dst = t->hits[l * t->n_queries + q];
          for (guint i = 0; src != NULL && i < src->len; i++)
            {
              guint64 pos = p.start + g_array_index (src, guint64, i);
              g_array_append_val (dst, pos);
            }
          const GPtrArray *lines = f->lines[l * f->n_queries + q];
          for (guint i = 0; lines != NULL && i < lines->len; i++)
            lines_add (&t->lines[l * t->n_queries + q], lines->pdata[i], file, p.start,
                       f->keep_lines);
        }
      t->tokens[l] += f->tokens[l];
    }
}

const DlDispersionLine *const *
dl_dispersion_total_lines (const DlDispersionTotal *t, DlLang lang, guint query, guint *n)
{
  const GPtrArray *lines = t->lines[lang * t->n_queries + query];
  *n = lines->len;
  return (const DlDispersionLine *const *) lines->pdata;
}

guint64
dl_dispersion_total_tokens (const DlDispersionTotal *t, DlLang lang)
{
  return t->tokens[lang];
}

/* The first token of slice @i of @n over @total tokens, ⌊i·total/n⌋
 * without overflow (i < n ≤ DL_DISPERSION_MAX_PARTS: i·(total mod n) fits). */
static guint64
slice_start (guint64 i, guint64 n, guint64 total)
{
  return i * (total / n) + i * (total % n) / n;
}

/* Sets the parts' sizes and starts (corpus positions, in @starts) of
 * @lang: its files, or @n_parts slices. */
static void
make_parts (const DlDispersionTotal *t, DlLang lang, guint n_parts, DlDispersionParts *parts,
            guint64 *starts)
{
  const GArray *files = t->files[lang];
  parts->n = n_parts > 0 ? n_parts : files->len;
  parts->sizes = g_new0 (guint64, parts->n + 1);
  if (n_parts == 0)
    parts->files = g_new0 (guint, parts->n + 1);
  for (guint i = 0; i < parts->n; i++)
    {
      if (n_parts == 0)
        {
          const Part *p = &g_array_index (files, Part, i);
          parts->files[i] = p->file;
          starts[i] = p->start;
          parts->sizes[i] = p->size;
        }
      else
        {
          starts[i] = slice_start (i, n_parts, t->tokens[lang]);
          parts->sizes[i] = slice_start (i + 1, n_parts, t->tokens[lang]) - starts[i];
        }
    }
}

void
dl_dispersion_total_parts (const DlDispersionTotal *t, DlLang lang, guint query, guint n_parts,
                           DlDispersionParts *parts)
{
  memset (parts, 0, sizeof *parts);
  g_autofree guint64 *starts = g_new0 (guint64, (n_parts > 0 ? n_parts : t->files[lang]->len) + 1);
  make_parts (t, lang, n_parts, parts, starts);
  const GArray *hits = t->hits[lang * t->n_queries + query];
  parts->counts = g_new0 (guint64, parts->n + 1);
  parts->starts = g_new0 (guint64, parts->n + 1);
  parts->positions = g_new (guint64, hits->len + 1);
  /* Hits and parts are both in corpus order: one walk over them. */
  guint part = 0;
  for (guint i = 0; i < hits->len; i++)
    {
      guint64 pos = g_array_index (hits, guint64, i);
      while (part + 1 < parts->n && pos >= starts[part] + parts->sizes[part])
        parts->starts[++part] = i;
      parts->counts[part]++;
      parts->positions[i] = pos - starts[part];
    }
  while (part + 1 < parts->n)
    parts->starts[++part] = hits->len;
  if (parts->n > 0)
    parts->starts[parts->n] = hits->len;
  dl_dispersion_measure (parts->counts, parts->sizes, parts->n, &parts->measures);
}

void
dl_dispersion_parts_clear (DlDispersionParts *parts)
{
  g_clear_pointer (&parts->files, g_free);
  g_clear_pointer (&parts->sizes, g_free);
  g_clear_pointer (&parts->counts, g_free);
  g_clear_pointer (&parts->starts, g_free);
  g_clear_pointer (&parts->positions, g_free);
}
