/* cmd-compare.c — `derlem compare`: the comparative vocabulary report of
 * two sides, the Turkish and the English of the inputs, or each language of
 * the inputs against a reference (--ref). One pass of the stats job counts
 * the sides (summary, growth, Zipf, bands, items, shared vocabulary,
 * keywords); a second pass finds the top keywords for their barcodes and a
 * few concordance lines. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "keyness.h"
#include "printable.h"
#include "report.h"
#include "svg.h"
#include "textwidth.h"

/* The significance levels --p takes, and 1 for none (as keyness). */
static const char *const levels[] = { "0.05", "0.01", "0.001", "0.0001", "1", NULL };
static const double level_values[] = { 0.05, 0.01, 0.001, 0.0001, 1 };

/* The most concordance lines a keyword shows. */
#define MAX_LINES 10
/* Columns of context on each side of a concordance line. */
#define CONTEXT 30
/* Cells of a text barcode. */
#define TEXT_CODE 50
/* Points of a growth curve (a Zipf plot has up to twice as many). */
#define CURVE_POINTS 100

typedef struct {
  DlOptions opts;
  DlKeynessOptions key; /* keywords: --p (p) and --min-freq (min_freq) */
  char **ref;           /* --ref PATHs (owned), or NULL */
  char **paths;         /* the PATH arguments, in argv */
  guint top;            /* --top: rows of each list */
  guint plots;          /* --plots: keywords with a barcode */
  guint lines;          /* --lines: concordance lines of each */
  const char *p;        /* --p as given (the levels' text) */
} CompareArgs;

static void
compare_args_clear (CompareArgs *a)
{
  dl_options_clear (&a->opts);
  g_clear_pointer (&a->ref, g_strfreev);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CompareArgs, compare_args_clear)

/* Inputs counted together: the corpus, or the reference. */
typedef struct {
  GPtrArray *inputs; /* DlInput, owned */
  DlLexStatsTotal *stats;
  GPtrArray *queries; /* DlQuery *, owned: the second pass's */
  DlDispersionTotal *hits;
} InputSet;

static void
input_set_clear (InputSet *set)
{
  g_clear_pointer (&set->inputs, g_ptr_array_unref);
  g_clear_pointer (&set->stats, dl_lexstats_total_free);
  g_clear_pointer (&set->queries, g_ptr_array_unref);
  g_clear_pointer (&set->hits, dl_dispersion_total_free);
}

/* A keyword of a side against the other (keyness.h's statistics). */
typedef struct {
  const char *item;
  guint64 freq, freq_other;
  DlKeyScores scores;
} KeyRow;

/* One side of a comparison: a language of an input set. */
typedef struct {
  const char *name; /* for people */
  DlLang lang;
  InputSet *set;
  const DlLexStats *stats; /* the total row */
  DlLexTerm *terms;        /* the vocabulary, in order of first sight */
  guint32 n_terms;
  guint64 *freqs;    /* the terms' frequencies, descending */
  GHashTable *index; /* term → its index + 1 */
  GHashTable *stems; /* its distinct stems */
  KeyRow *keywords;  /* the first of its keywords against the other side */
  guint n_keywords;
  guint found;       /* keywords in all */
  double critical;   /* the LL they have at least */
  guint first_query; /* its plotted keywords' queries in set->queries */
  guint n_queries;
  guint *query_rows; /* the keyword row of each of them */
} Side;

static void
side_clear (Side *s)
{
  g_clear_pointer (&s->terms, g_free);
  g_clear_pointer (&s->freqs, g_free);
  g_clear_pointer (&s->index, g_hash_table_unref);
  g_clear_pointer (&s->stems, g_hash_table_unref);
  g_clear_pointer (&s->keywords, g_free);
  g_clear_pointer (&s->query_rows, g_free);
}

typedef struct {
  Side a, b;
  const char *title; /* "Türkçe ve İngilizce", "tr: hedef ve referans" */
  const char *id;    /* the HTML anchors' prefix */
} Comparison;

/* What a run holds. */
typedef struct {
  const CompareArgs *args;
  DlEnv *env;
  DlListTools tools;
  DlStemmer *stemmer;
  InputSet sets[2]; /* the corpus, and the reference with --ref */
  guint n_sets;
  Comparison comparisons[DL_LANG_COUNT];
  guint n_comparisons;
  GPtrArray *skipped; /* char *: the languages not compared, and why */
} CompareRun;

static void
compare_run_clear (CompareRun *run)
{
  for (guint c = 0; c < run->n_comparisons; c++)
    {
      side_clear (&run->comparisons[c].a);
      side_clear (&run->comparisons[c].b);
    }
  for (guint i = 0; i < G_N_ELEMENTS (run->sets); i++)
    input_set_clear (&run->sets[i]);
  dl_cmd_list_tools_clear (&run->tools);
  g_clear_pointer (&run->stemmer, dl_stemmer_free);
  g_clear_pointer (&run->skipped, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CompareRun, compare_run_clear)

/* ---- Counting ---- */

/* Counts @set's vocabulary statistics: the first pass, which reports the
 * inputs' problems. FALSE with @error if a worker cannot be set up. */
static gboolean
count_stats (CompareRun *run, InputSet *set, GError **error)
{
  const DlOptions *opts = &run->args->opts;
  DlLexCounting lex = { { 0 }, dl_cmd_document_options (opts), NULL };
  dl_cmd_counter_options (opts, &lex.counter_options);
  lex.total = set->stats = dl_lexstats_total_new (run->stemmer);
  if (!dl_cmd_run_job (run->env, opts, set->inputs, &dl_cmd_lexstats_job, &lex, error))
    return FALSE;
  dl_lexstats_finish (set->stats);
  return TRUE;
}

/* Finds @set's queries (the second pass, quiet: the first one said what
 * is wrong with an input), keeping the first --lines lines of each. */
static gboolean
find_hits (CompareRun *run, InputSet *set, GError **error)
{
  const DlOptions *opts = &run->args->opts;
  set->hits = dl_dispersion_total_new (set->queries->len);
  if (set->queries->len == 0)
    return TRUE;
  DlFinding find
      = { (DlQuery *const *) set->queries->pdata, set->queries->len,
          dl_cmd_query_options (opts, NULL),      { { FALSE }, opts->numbers, run->args->lines },
          dl_cmd_document_options (opts),         set->hits };
  DlCounterOptions co;
  dl_cmd_counter_options (opts, &co);
  memcpy (find.options.langs, co.langs, sizeof co.langs);
  g_autoptr (DlDiag) quiet = dl_diag_new_buffer ();
  DlEnv quiet_env = { .diag = quiet, .progress_line = run->env->progress_line };
  return dl_cmd_run_job (&quiet_env, opts, set->inputs, &dl_cmd_finding_job, &find, error);
}

/* ---- The sides ---- */

static gint
by_freq_desc (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* Sets up @s, @lang of @set, named @name: its vocabulary, sorted
 * frequencies, the index of its terms and the set of its stems. */
static void
side_init (Side *s, const char *name, DlLang lang, InputSet *set)
{
  s->name = name;
  s->lang = lang;
  s->set = set;
  s->stats = &dl_lexstats_total (set->stats, lang)->stats;
  s->terms = dl_lexstats_terms (set->stats, lang, &s->n_terms);
  s->freqs = g_new (guint64, (gsize) s->n_terms + 1);
  s->index = g_hash_table_new (g_str_hash, g_str_equal);
  s->stems = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < s->n_terms; i++)
    {
      s->freqs[i] = s->terms[i].freq;
      g_hash_table_insert (s->index, (gpointer) s->terms[i].term, GUINT_TO_POINTER (i + 1));
      g_hash_table_add (s->stems, (gpointer) s->terms[i].stem);
    }
  qsort (s->freqs, s->n_terms, sizeof *s->freqs, by_freq_desc);
}

/* The frequency on @s of the term @term: 0 if it has none. */
static guint64
freq_of (const Side *s, const char *term)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (s->index, term));
  return i > 0 ? s->terms[i - 1].freq : 0;
}

/* The keywords of @s against @other as `derlem keyness` finds them with
 * --unit form: its terms (stopwords left out) at least --min-freq times,
 * used relatively more than on @other, with LL at least the critical value
 * of --p; most key first, ties alphabetical; the first @top kept. The
 * terms are the counting forms, so matching them by text is keyness's
 * matching by key. FALSE with @error if the collator fails. */
static gboolean
side_keywords (Side *s, const Side *other, const DlKeynessOptions *ko, guint top,
               const DlStoplist *stoplist, GError **error)
{
  g_autoptr (DlCollator) col = dl_collator_new (s->lang, error);
  if (col == NULL)
    return FALSE;
  s->critical = dl_keyness_critical (ko->p, 1);
  g_autofree DlRanked *ranked = g_new (DlRanked, (gsize) s->n_terms + 1);
  guint n = 0;
  for (guint32 i = 0; i < s->n_terms; i++)
    {
      const DlLexTerm *t = &s->terms[i];
      if (t->freq < MAX (ko->min_freq, 1)
          || (stoplist != NULL
              && dl_stoplist_contains (stoplist, s->lang, t->term, strlen (t->term))))
        continue;
      DlKeyScores sc;
      dl_keyness_scores (t->freq, freq_of (other, t->term), s->stats->tokens, other->stats->tokens,
                         &sc);
      if (sc.ll > 0 && sc.ll >= s->critical)
        ranked[n++] = (DlRanked){ sc.ll, 0, t->term, GUINT_TO_POINTER (i), NULL };
    }
  s->found = n;
  g_autoptr (GStringChunk) keys = g_string_chunk_new (4096);
  s->n_keywords = dl_collator_rank (col, ranked, n, top, keys);
  s->keywords = g_new0 (KeyRow, s->n_keywords + 1);
  for (guint k = 0; k < s->n_keywords; k++)
    {
      KeyRow *row = &s->keywords[k];
      const DlLexTerm *t = &s->terms[GPOINTER_TO_UINT (ranked[k].data)];
      *row = (KeyRow){ t->term, t->freq, freq_of (other, t->term), { 0, 0, 0, FALSE } };
      dl_keyness_scores (row->freq, row->freq_other, s->stats->tokens, other->stats->tokens,
                         &row->scores);
    }
  return TRUE;
}

/* The keywords of each side against the other. */
static gboolean
comparison_keywords (Comparison *c, const CompareArgs *args, const DlStoplist *stoplist,
                     GError **error)
{
  guint top = MAX (args->top, args->plots);
  return side_keywords (&c->a, &c->b, &args->key, top, stoplist, error)
         && side_keywords (&c->b, &c->a, &args->key, top, stoplist, error);
}

/* Adds the queries of @s's first --plots keywords to its set. */
static void
side_queries (Side *s, guint plots)
{
  guint n = MIN (plots, s->n_keywords);
  s->first_query = s->set->queries->len;
  s->query_rows = g_new0 (guint, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const KeyRow *row = &s->keywords[i];
      /* A word as the tokenizer gave it is a query of itself. */
      DlQuery *q = dl_query_parse (row->item, NULL);
      if (q == NULL)
        continue;
      s->query_rows[s->n_queries++] = i;
      g_ptr_array_add (s->set->queries, q);
    }
}

/* ---- Writing: helpers ---- */

/* @v written with @decimals, or "" if @has is FALSE; into @buf (32). */
static const char *
real_text (char *buf, gboolean has, double v, int decimals)
{
  buf[0] = '\0';
  if (has)
    {
      dl_format_real (buf, 32, v, decimals);
      dl_people_number (buf);
    }
  return buf;
}

/* Appends the last (@left) or first @columns display columns of @text
 * (@len bytes), padded on the left for @left. */
static void
append_context (GString *out, const char *text, gsize len, guint columns, gboolean left)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  dl_printable_append_text (clean, text, len, "");
  const char *p = clean->str, *end = clean->str + clean->len;
  if (left)
    {
      while (dl_display_width (p, end - p) > columns)
        p = g_utf8_next_char (p);
      for (gsize w = dl_display_width (p, end - p); w < columns; w++)
        g_string_append_c (out, ' ');
      g_string_append_len (out, p, end - p);
      return;
    }
  const char *q = p;
  for (gsize used = 0; q < end;)
    {
      const char *next = g_utf8_next_char (q);
      used += dl_display_width (q, next - q);
      if (used > columns)
        break;
      q = next;
    }
  g_string_append_len (out, p, q - p);
}

/* A concordance line: its place, the left context, the marked node, the
 * right context. */
static void
append_line (GString *out, const DlDispersionLine *l, const InputSet *set)
{
  const DlInput *input = set->inputs->pdata[l->file];
  const char *base = strrchr (input->path, G_DIR_SEPARATOR);
  base = base != NULL && base[1] != '\0' ? base + 1 : input->path;
  g_autofree char *place = dl_printable_name (base);
  g_string_append_printf (out, "%s:%" G_GUINT64_FORMAT "\n  ", place, l->line);
  append_context (out, l->text, l->start, CONTEXT, TRUE);
  g_string_append (out, " " DL_WRITER_MARK);
  dl_printable_append_text (out, l->text + l->start, l->end - l->start, "");
  g_string_append (out, DL_WRITER_UNMARK " ");
  append_context (out, l->text + l->end, strlen (l->text + l->end), CONTEXT, FALSE);
  g_string_append_c (out, '\n');
}

/* ---- Writing: the parts of a comparison ---- */

typedef enum {
  M_TOKENS,
  M_TYPES,
  M_TTR,
  M_STTR,
  M_HAPAX,
  M_HAPAX_PCT,
  M_DIS,
  M_MEAN_LENGTH,
  M_STEMS_RATIO,
  M_LINES,
  M_YULE_K,
  M_MTLD,
  N_MEASURES
} Measure;

/* Measure @m of @s as text in @buf (32 bytes). */
static const char *
measure_text (const DlLexStats *s, Measure m, char *buf)
{
  static const struct {
    DlLexMeasure measure;
    int decimals;
  } real[N_MEASURES] = {
    [M_TTR] = { DL_LEXSTATS_TTR, 4 },
    [M_STTR] = { DL_LEXSTATS_STTR, 4 },
    [M_HAPAX_PCT] = { DL_LEXSTATS_HAPAX_PCT, 2 },
    [M_MEAN_LENGTH] = { DL_LEXSTATS_MEAN_LENGTH, 2 },
    [M_STEMS_RATIO] = { DL_LEXSTATS_STEMS_RATIO, 4 },
    [M_YULE_K] = { DL_LEXSTATS_YULE_K, 2 },
    [M_MTLD] = { DL_LEXSTATS_MTLD, 2 },
  };
  const guint64 counts[N_MEASURES] = { [M_TOKENS] = s->tokens,
                                       [M_TYPES] = s->types,
                                       [M_HAPAX] = s->hapax,
                                       [M_DIS] = s->dis,
                                       [M_LINES] = s->lines };
  if (real[m].decimals == 0)
    return dl_format_u64 (buf, counts[m]);
  double v;
  gboolean has = dl_lexstats_measure (s, real[m].measure, &v);
  return real_text (buf, has, v, real[m].decimals);
}

static void
write_summary (DlReport *r, const Comparison *c)
{
  const char *names[N_MEASURES]
      = { _ ("tokens"),      _ ("types"),   "TTR",      _ ("STTR (1,000 tokens)"),
          _ ("hapax"),       _ ("hapax %"), _ ("dis"),  _ ("mean length"),
          _ ("stems/types"), _ ("lines"),   "Yule's K", "MTLD" };
  dl_report_heading (r, 3, _ ("Summary"), NULL);
  const DlReportColumn cols[] = { { _ ("measure"), FALSE, 0, 0, NULL },
                                  { c->a.name, TRUE, 0, 0, NULL },
                                  { c->b.name, TRUE, 0, 0, NULL } };
  dl_report_table (r, cols, G_N_ELEMENTS (cols));
  for (int m = 0; m < N_MEASURES; m++)
    {
      char a[32], b[32];
      const char *cells[]
          = { names[m], measure_text (c->a.stats, m, a), measure_text (c->b.stats, m, b) };
      dl_report_row (r, cells, NULL, NULL);
    }
  dl_report_table_end (r);
  dl_report_text (r, _ ("TTR = types / tokens; STTR the mean TTR of 1,000-token chunks; "
                        "Yule's K = 10⁴ · (Σ f² − N) / N²; MTLD as McCarthy & Jarvis (2010). "
                        "Stopwords are counted here, as in derlem stats."));
}

/* The growth curves as text, for the formats without pictures: at every
 * fifth of each side's tokens, the types seen. */
static char *
growth_text (const Comparison *c, const DlSvgSeries *s)
{
  GString *t = g_string_new (NULL);
  g_string_append_printf (t, "%5s", "");
  for (guint k = 0; k < 2; k++)
    g_string_append_printf (t, "  %21s", k == 0 ? c->a.name : c->b.name);
  g_string_append_printf (t, "\n%5s", "");
  for (guint k = 0; k < 2; k++)
    g_string_append_printf (t, "  %12s %8s", _ ("tokens"), _ ("types"));
  g_string_append_c (t, '\n');
  for (guint r = 1; r <= 5; r++)
    {
      g_string_append_printf (t, "%4u%%", r * 20);
      for (guint k = 0; k < 2; k++)
        {
          char x[24], y[24];
          guint i = (guint) ((guint64) s[k].n * r / 5);
          if (i == 0)
            g_string_append_printf (t, "  %12s %8s", "", "");
          else
            g_string_append_printf (t, "  %12s %8s", dl_format_u64 (x, (guint64) s[k].x[i - 1]),
                                    dl_format_u64 (y, (guint64) s[k].y[i - 1]));
        }
      g_string_append_c (t, '\n');
    }
  return g_string_free (t, FALSE);
}

/* The rank-frequency curves as text: the frequency at ranks 1, 10, 100... */
static char *
zipf_text (const Comparison *c)
{
  GString *t = g_string_new (NULL);
  g_string_append_printf (t, "%8s  %12s  %12s\n", _ ("rank"), c->a.name, c->b.name);
  for (guint64 rank = 1; rank <= MAX (c->a.n_terms, c->b.n_terms); rank *= 10)
    {
      char r[24], a[24] = "", b[24] = "";
      if (rank <= c->a.n_terms)
        dl_format_u64 (a, c->a.freqs[rank - 1]);
      if (rank <= c->b.n_terms)
        dl_format_u64 (b, c->b.freqs[rank - 1]);
      g_string_append_printf (t, "%8s  %12s  %12s\n", dl_format_u64 (r, rank), a, b);
    }
  return g_string_free (t, FALSE);
}

/* The growth curve of @s into @x and @y (CURVE_POINTS each). */
static guint
growth_of (const Side *s, double *x, double *y)
{
  guint64 tokens[CURVE_POINTS], types[CURVE_POINTS];
  guint n = dl_lexstats_growth (s->set->stats, s->lang, CURVE_POINTS, tokens, types);
  for (guint i = 0; i < n; i++)
    x[i] = (double) tokens[i], y[i] = (double) types[i];
  return n;
}

static void
write_growth (DlReport *r, const Comparison *c)
{
  double ax[CURVE_POINTS], ay[CURVE_POINTS], bx[CURVE_POINTS], by[CURVE_POINTS];
  const DlSvgSeries series[] = { { c->a.name, ax, ay, growth_of (&c->a, ax, ay) },
                                 { c->b.name, bx, by, growth_of (&c->b, bx, by) } };
  const DlSvgAxis x = { _ ("tokens"), DL_SVG_LINEAR }, y = { _ ("types"), DL_SVG_LINEAR };
  const char *caption
      = _ ("Type–token growth: the distinct words seen after each number of tokens, files in "
           "input order. The steeper curve keeps meeting new words.");
  g_autoptr (GString) svg = g_string_new (NULL);
  dl_svg_line_chart (svg, &x, &y, series, 2, caption);
  g_autofree char *text = growth_text (c, series);
  dl_report_heading (r, 3, _ ("Vocabulary growth"), NULL);
  dl_report_figure (r, svg->str, text, caption);
}

/* The points of @s's rank–frequency curve (at most @max). */
static guint
zipf_of (const Side *s, double *x, double *y, guint max)
{
  return dl_lexstats_zipf_points (s->freqs, s->n_terms, max, x, y);
}

static void
write_zipf (DlReport *r, const Comparison *c)
{
  enum { MAX_POINTS = 2 * CURVE_POINTS };
  double ax[MAX_POINTS], ay[MAX_POINTS], bx[MAX_POINTS], by[MAX_POINTS];
  const DlSvgSeries series[] = { { c->a.name, ax, ay, zipf_of (&c->a, ax, ay, MAX_POINTS) },
                                 { c->b.name, bx, by, zipf_of (&c->b, bx, by, MAX_POINTS) } };
  const DlSvgAxis x = { _ ("rank (log scale)"), DL_SVG_LOG };
  const DlSvgAxis y = { _ ("frequency (log scale)"), DL_SVG_LOG };
  const char *caption = _ ("Rank–frequency (Zipf) plot, both axes logarithmic: each word's "
                           "frequency against its rank, the most frequent first.");
  g_autoptr (GString) svg = g_string_new (NULL);
  dl_svg_line_chart (svg, &x, &y, series, 2, caption);
  g_autofree char *text = zipf_text (c);
  dl_report_heading (r, 3, _ ("Rank and frequency"), NULL);
  dl_report_figure (r, svg->str, text, caption);
}

/* The share of @s's tokens that its @top most frequent types cover, %. */
static double
coverage (const Side *s, guint64 top)
{
  guint64 covered = 0;
  for (guint32 i = 0; i < s->n_terms && i < top; i++)
    covered += s->freqs[i];
  return s->stats->tokens > 0 ? 100.0 * (double) covered / (double) s->stats->tokens : 0;
}

static void
write_bands (DlReport *r, const Comparison *c)
{
  static const guint64 bands[] = { 100, 500, 1000, 2000, 3000, 5000, 10000 };
  dl_report_heading (r, 3, _ ("Frequency bands"), NULL);
  const DlReportColumn cols[] = { { _ ("most frequent types"), TRUE, 0, 0, NULL },
                                  { c->a.name, TRUE, 0, 100, NULL },
                                  { c->b.name, TRUE, 0, 100, NULL } };
  dl_report_table (r, cols, G_N_ELEMENTS (cols));
  for (gsize i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      char n[24], a[32], b[32];
      double va = coverage (&c->a, bands[i]), vb = coverage (&c->b, bands[i]);
      real_text (a, TRUE, va, 1);
      real_text (b, TRUE, vb, 1);
      const char *cells[] = { dl_format_u64 (n, bands[i]), a, b };
      const double values[] = { NAN, va, vb };
      dl_report_row (r, cells, values, NULL);
    }
  dl_report_table_end (r);
  dl_report_text (r, _ ("The share of all tokens (%) that the most frequent types cover, "
                        "stopwords included: the side whose frequent words cover more gets by "
                        "with a smaller working vocabulary."));
}

/* The @top-th largest of @values (@n > @top > 0), by a min-heap of @top. */
static guint64
nth_largest (const guint64 *values, gsize n, guint top)
{
  g_autofree guint64 *heap = g_new (guint64, top);
  for (guint i = 0; i < top; i++)
    {
      /* Sift the new value up. */
      guint c = i;
      for (heap[c] = values[i]; c > 0 && heap[(c - 1) / 2] > heap[c]; c = (c - 1) / 2)
        {
          guint64 t = heap[c];
          heap[c] = heap[(c - 1) / 2];
          heap[(c - 1) / 2] = t;
        }
    }
  for (gsize i = top; i < n; i++)
    {
      if (values[i] <= heap[0])
        continue;
      /* Replace the smallest and sift it down. */
      heap[0] = values[i];
      for (guint c = 0;;)
        {
          guint l = 2 * c + 1, r = l + 1, m = c;
          if (l < top && heap[l] < heap[m])
            m = l;
          if (r < top && heap[r] < heap[m])
            m = r;
          if (m == c)
            break;
          guint64 t = heap[c];
          heap[c] = heap[m];
          heap[m] = t;
          c = m;
        }
    }
  return heap[0];
}

/* Indexes of @s's terms ranked by frequency (ties alphabetical) among those
 * @keep accepts (with @data), the first @top; *@n of them. Only the terms
 * at least as frequent as the @top-th are sorted: the vocabulary is large,
 * the lists short. */
static guint32 *
ranked_terms (const Side *s, gboolean (*keep) (const Side *, guint32, gpointer), gpointer data,
              guint top, guint *n)
{
  g_autofree guint32 *kept = g_new (guint32, (gsize) s->n_terms + 1);
  g_autofree guint64 *freqs = g_new (guint64, (gsize) s->n_terms + 1);
  gsize k = 0;
  for (guint32 i = 0; i < s->n_terms; i++)
    if (keep (s, i, data))
      {
        freqs[k] = s->terms[i].freq;
        kept[k++] = i;
      }
  guint64 least = top > 0 && k > top ? nth_largest (freqs, k, top) : 0;
  g_autofree DlRanked *ranked = g_new (DlRanked, k + 1);
  guint m = 0;
  for (gsize j = 0; j < k; j++)
    if (freqs[j] >= least)
      {
        const DlLexTerm *t = &s->terms[kept[j]];
        ranked[m++] = (DlRanked){ 0, t->freq, t->term, GUINT_TO_POINTER (kept[j]), NULL };
      }
  g_autoptr (DlCollator) col = dl_collator_new (s->lang, NULL);
  g_autoptr (GStringChunk) chunk = g_string_chunk_new (4096);
  m = col != NULL ? dl_collator_rank (col, ranked, m, top, chunk) : MIN (m, top);
  guint32 *out = g_new (guint32, m + 1);
  for (guint i = 0; i < m; i++)
    out[i] = GPOINTER_TO_UINT (ranked[i].data);
  *n = m;
  return out;
}

/* What the lists of a comparison leave out or keep. */
typedef struct {
  const DlStoplist *stoplist;
  GHashTable *other; /* the other side's terms: term → its index + 1 */
  int shared;        /* 1: only terms of the other side; 0: only others; -1: any */
} Filter;

static gboolean
keep_term (const Side *s, guint32 i, gpointer data)
{
  const Filter *f = data;
  const char *term = s->terms[i].term;
  if (f->stoplist != NULL && dl_stoplist_contains (f->stoplist, s->lang, term, strlen (term)))
    return FALSE;
  return f->shared < 0 || (g_hash_table_contains (f->other, term) == (f->shared == 1));
}

/* A two-sided list table: rank, then an item and its frequency of each
 * side, from @ia (@na) and @ib (@nb), under @name_a and @name_b. */
static void
write_pair_table (DlReport *r, const Comparison *c, const char *name_a, const guint32 *ia, guint na,
                  const char *name_b, const guint32 *ib, guint nb)
{
  const DlReportColumn cols[] = { { "#", TRUE, 0, 0, NULL },
                                  { name_a, FALSE, 0, 0, dl_lang_code (c->a.lang) },
                                  { _ ("freq"), TRUE, 0, 0, NULL },
                                  { name_b, FALSE, 0, 0, dl_lang_code (c->b.lang) },
                                  { _ ("freq"), TRUE, 0, 0, NULL } };
  dl_report_table (r, cols, G_N_ELEMENTS (cols));
  for (guint i = 0; i < MAX (na, nb); i++)
    {
      char rank[24], fa[24], fb[24];
      const char *cells[] = { dl_format_u64 (rank, i + 1), i < na ? c->a.terms[ia[i]].term : "",
                              i < na ? dl_format_u64 (fa, c->a.terms[ia[i]].freq) : "",
                              i < nb ? c->b.terms[ib[i]].term : "",
                              i < nb ? dl_format_u64 (fb, c->b.terms[ib[i]].freq) : "" };
      dl_report_row (r, cells, NULL, NULL);
    }
  dl_report_table_end (r);
}

static void
write_top_items (DlReport *r, const Comparison *c, const CompareRun *run)
{
  Filter f = { run->tools.stoplist, NULL, -1 };
  guint na, nb;
  g_autofree guint32 *ia = ranked_terms (&c->a, keep_term, &f, run->args->top, &na);
  g_autofree guint32 *ib = ranked_terms (&c->b, keep_term, &f, run->args->top, &nb);
  dl_report_heading (r, 3, _ ("Most frequent words"), NULL);
  write_pair_table (r, c, c->a.name, ia, na, c->b.name, ib, nb);
}

/* |A ∩ B| of two sets. */
static guint
intersection (GHashTable *a, GHashTable *b)
{
  guint n = 0;
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &key, NULL))
    n += g_hash_table_contains (b, key);
  return n;
}

/* A row of the overlap table: what is counted, |A|, |B|, shared, Jaccard. */
static void
overlap_row (DlReport *r, const char *what, GHashTable *a, GHashTable *b)
{
  guint na = g_hash_table_size (a), nb = g_hash_table_size (b), shared = intersection (a, b);
  guint all = na + nb - shared;
  char sa[24], sb[24], ss[24], su[24], j[32];
  double jaccard = all > 0 ? (double) shared / all : 0;
  const char *cells[] = { what,
                          dl_format_u64 (sa, na),
                          dl_format_u64 (sb, nb),
                          dl_format_u64 (ss, shared),
                          dl_format_u64 (su, all),
                          real_text (j, all > 0, jaccard, 4) };
  dl_report_row (r, cells, NULL, NULL);
}

static void
write_overlap (DlReport *r, const Comparison *c, const CompareRun *run)
{
  dl_report_heading (r, 3, _ ("Shared and unique vocabulary"), NULL);
  const DlReportColumn cols[] = { { "", FALSE, 0, 0, NULL },
                                  { c->a.name, TRUE, 0, 0, NULL },
                                  { c->b.name, TRUE, 0, 0, NULL },
                                  { _ ("shared"), TRUE, 0, 0, NULL },
                                  { _ ("together"), TRUE, 0, 0, NULL },
                                  { "Jaccard", TRUE, 0, 0, NULL } };
  dl_report_table (r, cols, G_N_ELEMENTS (cols));
  GHashTable *ta = c->a.index, *tb = c->b.index;
  overlap_row (r, _ ("word forms"), ta, tb);
  overlap_row (r, _ ("stems"), c->a.stems, c->b.stems);
  dl_report_table_end (r);
  dl_report_text (r, _ ("Jaccard = shared / together (|A ∩ B| / |A ∪ B|), over every word form "
                        "and over every Snowball stem of each side. Below, the most frequent "
                        "words only one side has, and those both have (stopwords left out)."));
  Filter not_b = { run->tools.stoplist, tb, 0 }, not_a = { run->tools.stoplist, ta, 0 };
  guint na, nb;
  g_autofree guint32 *ia = ranked_terms (&c->a, keep_term, &not_b, run->args->top, &na);
  g_autofree guint32 *ib = ranked_terms (&c->b, keep_term, &not_a, run->args->top, &nb);
  /* Translators: compare: the words only one side has; %s is its name. */
  g_autofree char *only_a = g_strdup_printf (_ ("only in %s"), c->a.name);
  g_autofree char *only_b = g_strdup_printf (_ ("only in %s"), c->b.name);
  write_pair_table (r, c, only_a, ia, na, only_b, ib, nb);
  Filter both = { run->tools.stoplist, tb, 1 };
  guint ns;
  g_autofree guint32 *is = ranked_terms (&c->a, keep_term, &both, run->args->top, &ns);
  const DlReportColumn shared_cols[] = { { _ ("in both"), FALSE, 0, 0, dl_lang_code (c->a.lang) },
                                         { c->a.name, TRUE, 0, 0, NULL },
                                         { c->b.name, TRUE, 0, 0, NULL } };
  dl_report_table (r, shared_cols, G_N_ELEMENTS (shared_cols));
  for (guint i = 0; i < ns; i++)
    {
      const DlLexTerm *t = &c->a.terms[is[i]];
      char fa[24], fb[24];
      const char *cells[]
          = { t->term, dl_format_u64 (fa, t->freq), dl_format_u64 (fb, freq_of (&c->b, t->term)) };
      dl_report_row (r, cells, NULL, NULL);
    }
  dl_report_table_end (r);
}

/* The anchor of the concordance of @s's plotted keyword @k. */
static char *
kwic_id (const Comparison *c, const Side *s, guint k)
{
  return g_strdup_printf ("%s-%s-%u", c->id, s == &c->a ? "a" : "b", k + 1);
}

/* The plotted keyword whose row is @row, or -1. */
static int
plotted (const Side *s, guint row)
{
  for (guint k = 0; k < s->n_queries; k++)
    if (s->query_rows[k] == row)
      return (int) k;
  return -1;
}

static void
write_keywords (DlReport *r, const Comparison *c, const Side *s, const Side *other, guint top,
                const char *p)
{
  g_autofree char *heading
      = g_strdup_printf (_ ("Keywords of %s against %s"), s->name, other->name);
  dl_report_heading (r, 3, heading, NULL);
  guint n = MIN (top, s->n_keywords);
  double max_ll = 0, lo = 0, hi = 0;
  for (guint i = 0; i < n; i++)
    {
      const KeyRow *k = &s->keywords[i];
      max_ll = MAX (max_ll, fabs (k->scores.ll));
      lo = MIN (lo, k->scores.log_ratio);
      hi = MAX (hi, k->scores.log_ratio);
    }
  const DlReportColumn cols[] = { { "#", TRUE, 0, 0, NULL },
                                  { _ ("item"), FALSE, 0, 0, dl_lang_code (s->lang) },
                                  { s->name, TRUE, 0, 0, NULL },
                                  { other->name, TRUE, 0, 0, NULL },
                                  { "LL", TRUE, -max_ll * (lo < 0), max_ll, NULL },
                                  { "Log Ratio", TRUE, lo, hi, NULL } };
  dl_report_table (r, cols, G_N_ELEMENTS (cols));
  for (guint i = 0; i < n; i++)
    {
      const KeyRow *k = &s->keywords[i];
      char rank[24], fa[24], fb[24], ll[32], lr[32];
      const char *cells[]
          = { dl_format_u64 (rank, i + 1),           k->item,
              dl_format_u64 (fa, k->freq),           dl_format_u64 (fb, k->freq_other),
              real_text (ll, TRUE, k->scores.ll, 2), real_text (lr, TRUE, k->scores.log_ratio, 2) };
      const double values[] = { NAN, NAN, NAN, NAN, k->scores.ll, k->scores.log_ratio };
      int plot = plotted (s, i);
      g_autofree char *href = NULL;
      if (plot >= 0)
        {
          g_autofree char *id = kwic_id (c, s, (guint) plot);
          href = g_strconcat ("#", id, NULL);
        }
      dl_report_row_link (r, cells, values, 1, href);
    }
  dl_report_table_end (r);
  char critical[32];
  real_text (critical, TRUE, s->critical, 2);
  char level[G_ASCII_DTOSTR_BUF_SIZE];
  g_strlcpy (level, p, sizeof level);
  dl_people_number (level);
  g_autofree char *found = g_strdup_printf (
      /* Translators: compare; %u keywords passed the test, the table shows the first. */
      ngettext ("%u keyword in all.", "%u keywords in all.", s->found), s->found);
  g_autofree char *note = g_strdup_printf (
      /* Translators: compare; the sides' names (Turkish, target...), then the critical value,
         the level and the sentence "N keywords in all." */
      _ ("Words %s uses more than %s: log-likelihood at least %s (p < %s), most key first; "
         "Log Ratio = log₂ of the ratio of relative frequencies (1 = twice as frequent). "
         "Items as counted (apostrophes as '). %s"),
      s->name, other->name, critical, level, found);
  dl_report_text (r, note);
}

/* A text barcode: TEXT_CODE cells over @size places, | where a position
 * falls, . where none does. */
static void
text_barcode (GString *out, const guint64 *positions, guint64 n, guint64 size)
{
  char cells[TEXT_CODE + 1];
  memset (cells, '.', TEXT_CODE);
  cells[TEXT_CODE] = '\0';
  for (guint64 h = 0; h < n; h++)
    cells[positions[h] * TEXT_CODE / size] = '|';
  g_string_append (out, cells);
}

/* The barcodes of @s's plotted keywords over its language's tokens, and
 * each one's concordance lines. */
static void
write_plots (DlReport *r, const Comparison *c, const Side *s)
{
  if (s->n_queries == 0)
    return;
  g_autofree char *heading = g_strdup_printf (_ ("Where the keywords of %s occur"), s->name);
  dl_report_heading (r, 3, heading, NULL);
  DlDispersionParts *whole = g_new0 (DlDispersionParts, s->n_queries);
  DlSvgBarcodeRow *rows = g_new0 (DlSvgBarcodeRow, s->n_queries);
  char (*counts)[24] = g_malloc ((gsize) s->n_queries * sizeof *counts);
  char **ids = g_new0 (char *, s->n_queries + 1);
  g_autoptr (GString) text = g_string_new (NULL);
  guint width = 4;
  for (guint k = 0; k < s->n_queries; k++)
    width = MAX (width, dl_display_width (s->keywords[s->query_rows[k]].item, -1));
  for (guint k = 0; k < s->n_queries; k++)
    {
      const char *item = s->keywords[s->query_rows[k]].item;
      DlDispersionParts *p = &whole[k];
      dl_dispersion_total_parts (s->set->hits, s->lang, s->first_query + k, 1, p);
      g_autofree char *id = kwic_id (c, s, k);
      ids[k] = g_strconcat ("#", id, NULL);
      guint64 n = p->n > 0 ? p->counts[0] : 0;
      rows[k] = (DlSvgBarcodeRow){
        item, ids[k], p->positions, n, p->n > 0 ? p->sizes[0] : 1, dl_format_u64 (counts[k], n)
      };
      g_string_append (text, item);
      for (gsize w = dl_display_width (item, -1); w < width; w++)
        g_string_append_c (text, ' ');
      g_string_append (text, " [");
      text_barcode (text, p->positions, n, rows[k].size);
      g_string_append_printf (text, "] %s\n", counts[k]);
    }
  g_autofree char *caption = g_strdup_printf (
      /* Translators: compare's barcode plot; %s is a side (Turkish, target...). */
      _ ("Where the keywords of %s occur, over all its tokens, files in input order (AntConc's "
         "plot view): a line per hit; an evenly spread word fills its band. The number is the "
         "word's frequency; a click on the word leads to its concordance."),
      s->name);
  g_autoptr (GString) svg = g_string_new (NULL);
  dl_svg_barcode (svg, rows, s->n_queries,
                  /* xgettext:no-c-format */
                  _ ("place in the corpus (% of the language's tokens)"), caption);
  dl_report_figure (r, svg->str, text->str, caption);
  for (guint k = 0; k < s->n_queries; k++)
    dl_dispersion_parts_clear (&whole[k]);
  g_free (whole);
  g_free (rows);
  g_free (counts);
  g_strfreev (ids);
}

/* The concordance lines of @s's plotted keywords. */
static void
write_lines (DlReport *r, const Comparison *c, const Side *s)
{
  for (guint k = 0; k < s->n_queries; k++)
    {
      const KeyRow *row = &s->keywords[s->query_rows[k]];
      g_auto (DlDispersionParts) files = { 0 };
      dl_dispersion_total_parts (s->set->hits, s->lang, s->first_query + k, 0, &files);
      char freq[24], dp[32];
      g_autofree char *heading = g_strdup_printf (
          /* Translators: compare: a keyword, its hits, its dispersion over files. */
          _ ("%s: %s hits in %u of %u files, DP %s"), row->item,
          dl_format_u64 (freq, files.measures.freq), files.measures.range, files.measures.n,
          real_text (dp, files.measures.has_dp, files.measures.dp, 2));
      g_autofree char *id = kwic_id (c, s, k);
      dl_report_heading (r, 4, heading, id);
      guint n;
      const DlDispersionLine *const *lines
          = dl_dispersion_total_lines (s->set->hits, s->lang, s->first_query + k, &n);
      g_autoptr (GString) text = g_string_new (NULL);
      for (guint i = 0; i < n; i++)
        append_line (text, lines[i], s->set);
      if (n > 0)
        dl_report_pre (r, text->str, dl_lang_code (s->lang));
    }
}

static void
write_comparison (DlReport *r, const Comparison *c, const CompareRun *run)
{
  dl_report_heading (r, 2, c->title, c->id);
  write_summary (r, c);
  write_growth (r, c);
  write_zipf (r, c);
  write_bands (r, c);
  write_top_items (r, c, run);
  write_keywords (r, c, &c->a, &c->b, run->args->top, run->args->p);
  write_keywords (r, c, &c->b, &c->a, run->args->top, run->args->p);
  write_overlap (r, c, run);
  write_plots (r, c, &c->a);
  write_plots (r, c, &c->b);
  if (run->args->lines > 0)
    {
      dl_report_heading (r, 3, _ ("Concordance of the keywords"), NULL);
      write_lines (r, c, &c->a);
      write_lines (r, c, &c->b);
    }
}

/* ---- The run ---- */

/* The comparisons of @run's sets: Turkish and English of the corpus, or
 * each language of it against the reference. FALSE with @error if there is
 * nothing to compare. */
static gboolean
make_comparisons (CompareRun *run, GError **error)
{
  const DlOptions *opts = &run->args->opts;
  if (run->n_sets == 1)
    {
      for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
        if (dl_lexstats_total (run->sets[0].stats, l)->stats.tokens == 0)
          {
            g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                         _ ("nothing to compare: the inputs have no %s tokens (compare them "
                            "with a reference: --ref PATH...)"),
                         dl_lang_code (l));
            return FALSE;
          }
      Comparison *c = &run->comparisons[run->n_comparisons++];
      c->title = _ ("Turkish and English");
      c->id = "tr-en";
      side_init (&c->a, _ ("Turkish"), DL_LANG_TR, &run->sets[0]);
      side_init (&c->b, _ ("English"), DL_LANG_EN, &run->sets[0]);
      return TRUE;
    }
  static const struct {
    DlLang lang;
    const char *title, *id;
  } langs[] = { { DL_LANG_TR, N_ ("Turkish: target and reference"), "tr" },
                { DL_LANG_EN, N_ ("English: target and reference"), "en" } };
  for (gsize i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      DlLang l = langs[i].lang;
      if (!dl_options_wants (opts, l))
        continue;
      gboolean in_target = dl_lexstats_total (run->sets[0].stats, l)->stats.tokens > 0;
      gboolean in_ref = dl_lexstats_total (run->sets[1].stats, l)->stats.tokens > 0;
      if (!in_target || !in_ref)
        {
          /* Translators: compare --ref; %s is tr or en. */
          g_ptr_array_add (run->skipped,
                           g_strdup_printf (!in_target ? _ ("%s: the inputs have no tokens "
                                                            "of it, nothing to compare.")
                                                       : _ ("%s: the reference has no "
                                                            "tokens of it, nothing to "
                                                            "compare."),
                                            dl_lang_code (l)));
          continue;
        }
      Comparison *c = &run->comparisons[run->n_comparisons++];
      c->title = _ (langs[i].title);
      c->id = langs[i].id;
      side_init (&c->a, _ ("target"), l, &run->sets[0]);
      side_init (&c->b, _ ("reference"), l, &run->sets[1]);
    }
  if (run->n_comparisons == 0)
    g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                 _ ("nothing to compare: no language has tokens in both the inputs and the "
                    "reference"));
  return run->n_comparisons > 0;
}

/* Reads @set's inputs, copying those that cannot be read twice. */
static gboolean
input_set_ready (InputSet *set, GError **error)
{
  set->queries = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
  return dl_cmd_spool_inputs (set->inputs, error);
}

/* Counts the sides, finds their keywords, writes the report. */
static gboolean
compare_run (DlEnv *env, const CompareArgs *args, GError **error)
{
  const DlOptions *opts = &args->opts;
  g_auto (CompareRun) run = { 0 };
  run.args = args;
  run.env = env;
  run.skipped = g_ptr_array_new_with_free_func (g_free);
  if (!dl_cmd_list_tools (opts, "default", &run.tools, error)
      || (run.stemmer = dl_stemmer_new (error)) == NULL
      || (run.sets[0].inputs = dl_cmd_inputs (env, opts, args->paths, error)) == NULL)
    return FALSE;
  run.n_sets = 1;
  if (args->ref != NULL)
    run.sets[run.n_sets++].inputs
        = dl_cmd_expand (env, (const char *const *) args->ref, opts->glob);
  g_autoptr (DlOut) out = dl_cmd_open_output (opts, NULL, error);
  if (out == NULL)
    return FALSE;
  for (guint i = 0; i < run.n_sets; i++)
    if (!input_set_ready (&run.sets[i], error) || !count_stats (&run, &run.sets[i], error))
      return FALSE;
  if (!make_comparisons (&run, error))
    return FALSE;
  for (guint i = 0; i < run.n_comparisons; i++)
    {
      Comparison *c = &run.comparisons[i];
      if (!comparison_keywords (c, args, run.tools.stoplist, error))
        return FALSE;
      side_queries (&c->a, args->plots);
      side_queries (&c->b, args->plots);
    }
  for (guint i = 0; i < run.n_sets; i++)
    if (!find_hits (&run, &run.sets[i], error))
      return FALSE;
  /* Translators: the language of compare's report (its HTML lang): tr or en. */
  DlReport *r = dl_report_new (dl_out_file (out), opts->format, "derlem compare", _ ("en"));
  for (guint i = 0; i < run.skipped->len; i++)
    dl_report_text (r, run.skipped->pdata[i]);
  for (guint i = 0; i < run.n_comparisons; i++)
    write_comparison (r, &run.comparisons[i], &run);
  dl_report_end (r);
  return dl_cmd_commit (env, g_steal_pointer (&out), error);
}

/* ---- Options ---- */

typedef struct {
  char **ref;
  char *p;
  gint64 top, plots, lines, min_freq;
} CompareGiven;

static void
compare_given_clear (CompareGiven *g)
{
  g_clear_pointer (&g->ref, g_strfreev);
  g_clear_pointer (&g->p, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CompareGiven, compare_given_clear)

static GOptionContext *
compare_context (CompareGiven *given, DlOptions *opts)
{
  const GOptionEntry entries[]
      = { { "ref", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &given->ref,
            N_ ("Compare each language of the inputs with this reference (repeatable)"),
            N_ ("PATH") },
          { "top", 0, 0, G_OPTION_ARG_INT64, &given->top,
            N_ ("Rows of each word list (default 20)"), N_ ("N") },
          { "plots", 0, 0, G_OPTION_ARG_INT64, &given->plots,
            N_ ("Keywords of each side with a plot and a concordance (default 10)"), N_ ("N") },
          { "lines", 0, 0, G_OPTION_ARG_INT64, &given->lines,
            N_ ("Concordance lines of each plotted keyword, 0 to 10 (default 3)"), N_ ("N") },
          { "p", 0, 0, G_OPTION_ARG_STRING, &given->p,
            N_ ("Keywords' significance level: 0.05, 0.01, 0.001, 0.0001 or 1 (default "
                "0.05)"),
            N_ ("LEVEL") },
          { "min-freq", 0, 0, G_OPTION_ARG_INT64, &given->min_freq,
            N_ ("Keywords occur at least N times on their side (default 3)"), N_ ("N") },
          G_OPTION_ENTRY_NULL };
  return dl_options_context (
      _ ("[PATH...] [--ref PATH...]"),
      _ ("A comparative vocabulary report: Turkish and English, or target and reference."),
      _ ("Without --ref, the Turkish and the English of the inputs are the two\n"
         "sides (an article's Öz and Abstract); with --ref, each language of the\n"
         "inputs against the same language of the reference. For each pair:\n"
         "  - a summary (the measures of derlem stats, stopwords counted),\n"
         "  - type–token growth curves and a rank–frequency (Zipf) plot,\n"
         "  - the share of tokens the most frequent 100 ... 10,000 types cover,\n"
         "  - the most frequent words of each side (--stoplist default),\n"
         "  - keywords both ways: signed log-likelihood and Log Ratio as derlem\n"
         "    keyness computes them (--p, --min-freq), with bars,\n"
         "  - shared and unique vocabulary: Jaccard = |A ∩ B| / |A ∪ B| over word\n"
         "    forms and over Snowball stems, and the top words of each kind,\n"
         "  - a barcode plot of where each top keyword occurs (--plots), linked to\n"
         "    its first concordance lines (--lines) and its DP over the files.\n"
         "\n"
         "The report is HTML by default: one self-contained page (inline style and\n"
         "SVG, no script) that prints on A4 and reads in greyscale. --format\n"
         "markdown and text give the same report with tables instead of charts.\n"
         "For machine-readable numbers use stats, keyness and dispersion."),
      entries, DL_OPT_BASIC | DL_OPT_CASE | DL_OPT_NUMBERS | DL_OPT_STOPLIST, opts);
}

/* The format: HTML unless asked, and one for people. */
static gboolean
compare_format (DlOptions *opts, GError **error)
{
  if (opts->format_arg == NULL)
    opts->format = DL_FORMAT_HTML;
  if (dl_format_for_people (opts->format))
    return TRUE;
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
               _ ("compare writes a report for people (--format html, markdown or text); for "
                  "numbers use stats, keyness or dispersion"));
  return FALSE;
}

static gboolean
compare_parse (CompareArgs *args, int argc, char **argv, GError **error)
{
  dl_options_init (&args->opts);
  g_auto (CompareGiven) given = { NULL, NULL, 20, 10, 3, 3 };
  g_autoptr (GOptionContext) context = compare_context (&given, &args->opts);
  int level = 0;
  if (!dl_options_parse (context, &args->opts, &argc, &argv, error)
      || !compare_format (&args->opts, error)
      || !dl_options_check_range ("--top", given.top, 1, 100000, error)
      || !dl_options_check_range ("--plots", given.plots, 0, 100, error)
      || !dl_options_check_range ("--lines", given.lines, 0, MAX_LINES, error)
      || !dl_options_check_count ("--min-freq", given.min_freq, error)
      || (given.p != NULL && !dl_options_choice ("--p", given.p, levels, &level, error)))
    return FALSE;
  args->key = (DlKeynessOptions){ FALSE, (guint64) given.min_freq, level_values[level], FALSE, 0 };
  args->p = levels[level];
  args->top = (guint) given.top;
  args->plots = (guint) given.plots;
  args->lines = (guint) given.lines;
  args->ref = g_steal_pointer (&given.ref);
  args->paths = argv + 1;
  if (args->ref == NULL && !args->opts.all_langs)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("compare without --ref compares Turkish and English: leave --lang out, "
                      "or give a reference with --ref"));
      return FALSE;
    }
  return TRUE;
}

gboolean
dl_cmd_compare (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (CompareArgs) args = { 0 };
  if (!compare_parse (&args, argc, argv, error))
    return FALSE;
  return compare_run (env, &args, error);
}
