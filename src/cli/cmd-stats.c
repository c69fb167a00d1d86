/* cmd-stats.c — `derlem stats`: vocabulary statistics per file and per
 * language. */
#include "config.h"

#include <math.h>

#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "lexstats.h"
#include "svg.h"

/* What `derlem stats` was asked. */
typedef struct {
  DlOptions opts;
  char **paths; /* the PATH arguments, in argv */
} StatsArgs;

static void
stats_args_clear (StatsArgs *args)
{
  dl_options_clear (&args->opts);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StatsArgs, stats_args_clear)

/* What the counting and the table of a run share. */
typedef struct {
  DlLexCounting lex;  /* the job's user data; its total the part's */
  DlStemmer *stemmer; /* for stems_ratio */
  gboolean finished;  /* dl_lexstats_finish done for it */
  gboolean people;    /* the format is for people */
  gboolean html;      /* ... and HTML: charts too */
} StatsRun;

static void
stats_run_clear (StatsRun *run)
{
  g_clear_pointer (&run->lex.total, dl_lexstats_total_free);
}

/* Frees what the whole run holds: the part's totals and the stemmer. */
static void
stats_run_free (StatsRun *run)
{
  stats_run_clear (run);
  g_clear_pointer (&run->stemmer, dl_stemmer_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StatsRun, stats_run_free)

/* The columns, the first eight the contract of doc/DESIGN.md §3. */
enum {
  COL_LANG,
  COL_FILE,
  COL_TOKENS,
  COL_TYPES,
  COL_TTR,
  COL_STTR,
  COL_HAPAX,
  COL_MEAN_LENGTH,
  COL_HAPAX_PCT,
  COL_DIS,
  COL_STEMS_RATIO,
  COL_LINES,
  COL_YULE_K,
  COL_MTLD,
  N_COLS
};

/* The column of each measure (DlLexMeasure order). */
static const int measure_cols[DL_LEXSTATS_MEASURES]
    = { COL_TTR, COL_STTR, COL_MEAN_LENGTH, COL_HAPAX_PCT, COL_STEMS_RATIO, COL_YULE_K, COL_MTLD };

/* Text output shows at most this many characters of a path. */
#define TEXT_FILE_MAX 50

/* ---- The table ---- */

typedef struct {
  const DlLexStatsRow *rows; /* n files, then the total */
  guint n;
  const DlLexStatsRow *total;
  const char *lang;
  const char *all_files; /* the total's file cell */
  DlCell cells[N_COLS];
} StatsRows;

static const DlCell *
fill_row (gpointer data, guint64 i)
{
  StatsRows *rows = data;
  DlCell *cells = rows->cells;
  const DlLexStatsRow *row = i < rows->n ? &rows->rows[i] : rows->total;
  const DlLexStats *s = &row->stats;
  cells[COL_LANG].s = rows->lang;
  cells[COL_FILE].s = row->file != NULL ? row->file : rows->all_files;
  cells[COL_TOKENS].i = s->tokens;
  cells[COL_TYPES].i = s->types;
  cells[COL_HAPAX].i = s->hapax;
  cells[COL_DIS].i = s->dis;
  cells[COL_LINES].i = s->lines;
  for (int m = 0; m < DL_LEXSTATS_MEASURES; m++)
    {
      DlCell *c = &cells[measure_cols[m]];
      /* An undefined value is an empty cell, never NaN. */
      c->s = dl_lexstats_measure (s, m, &c->r) ? NULL : "";
    }
  return cells;
}

/* Points of a growth curve, and of a Zipf plot (log-spaced ranks). */
#define GROWTH_POINTS 100
#define ZIPF_POINTS 200

/* The HTML view's charts of @lang: its type-token growth over the run and
 * its rank-frequency (Zipf) plot. */
static char *
charts_of (const DlLexStatsTotal *total, DlLang lang)
{
  GString *s = g_string_new (NULL);
  const char *code = dl_lang_code (lang);
  guint64 tokens[GROWTH_POINTS], types[GROWTH_POINTS];
  guint n = dl_lexstats_growth (total, lang, GROWTH_POINTS, tokens, types);
  double gx[GROWTH_POINTS], gy[GROWTH_POINTS];
  for (guint i = 0; i < n; i++)
    gx[i] = (double) tokens[i], gy[i] = (double) types[i];
  const DlSvgAxis tokens_axis = { _ ("tokens"), DL_SVG_LINEAR };
  const DlSvgAxis types_axis = { _ ("types"), DL_SVG_LINEAR };
  const DlSvgSeries growth = { code, gx, gy, n };
  g_autofree char *growth_caption = g_strdup_printf (
      /* Translators: stats' HTML view; %s is tr or en. */
      _ ("Type–token growth (%s): the distinct words seen after each number of tokens, files "
         "in input order. A curve that keeps rising means new words keep coming."),
      code);
  dl_svg_line_chart (s, &tokens_axis, &types_axis, &growth, 1, growth_caption);
  guint32 nf;
  g_autofree guint64 *freq = dl_lexstats_frequencies (total, lang, &nf);
  double zx[ZIPF_POINTS + 1], zy[ZIPF_POINTS + 1];
  guint nz = dl_lexstats_zipf_points (freq, nf, ZIPF_POINTS + 1, zx, zy);
  const DlSvgAxis rank_axis = { _ ("rank (log scale)"), DL_SVG_LOG };
  const DlSvgAxis freq_axis = { _ ("frequency (log scale)"), DL_SVG_LOG };
  const DlSvgSeries zipf = { code, zx, zy, nz };
  g_autofree char *zipf_caption = g_strdup_printf (
      /* Translators: stats' HTML view; %s is tr or en. */
      _ ("Rank–frequency plot (%s), both axes logarithmic: each word's frequency against its "
         "rank, the most frequent first. Zipf's law is a straight line."),
      code);
  dl_svg_line_chart (s, &rank_axis, &freq_axis, &zipf, 1, zipf_caption);
  return g_string_free (s, FALSE);
}

static gboolean
write_lang (gpointer user_data, DlLang lang, DlWriter *w, GError **error)
{
  StatsRun *run = user_data;
  (void) error;
  if (!run->finished)
    dl_lexstats_finish (run->lex.total);
  run->finished = TRUE;
  StatsRows rows = { NULL,
                     0,
                     dl_lexstats_total (run->lex.total, lang),
                     dl_lang_code (lang),
                     /* Translators: the file column of a language's total row in
                        `derlem stats`. */
                     run->people ? _ ("(all files)") : "",
                     { { NULL, 0, 0 } } };
  rows.rows = dl_lexstats_rows (run->lex.total, lang, &rows.n);
  char tokens[24], types[24];
  dl_format_u64 (tokens, rows.total->stats.tokens);
  dl_format_u64 (types, rows.total->stats.types);
  g_autofree char *heading
      = g_strdup_printf (_ ("%s: %s tokens, %s types"), dl_lang_code (lang), tokens, types);
  dl_writer_section (w, lang, heading);
  dl_writer_rows (w, (guint64) rows.n + 1, fill_row, &rows);
  if (run->html && rows.total->stats.tokens > 0)
    {
      g_autofree char *charts = charts_of (run->lex.total, lang);
      dl_writer_block (w, NULL, charts);
    }
  return TRUE;
}

/* ---- Options ---- */

static GOptionContext *
stats_context (DlOptions *opts)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  return dl_options_context (
      _ ("[PATH...]"), _ ("Vocabulary statistics per file and per language."),
      _ ("For each language, a row per file with tokens of it, then a total row\n"
         "over all files. Tokens and types are counted as freq counts them (same\n"
         "folding, --case, --numbers; no stoplist).\n"
         "\n"
         "  TTR = types / tokens\n"
         "  STTR = mean TTR of the consecutive 1,000-token chunks of the file\n"
         "    (WordSmith), the last incomplete chunk left out; empty below 1,000\n"
         "    tokens. Total: the mean over the full chunks of all files.\n"
         "  hapax: types of frequency 1; hapax_pct = 100 · hapax / types;\n"
         "    dis: types of frequency 2\n"
         "  mean_length: mean characters (code points of the folded form) a token\n"
         "  stems_ratio = distinct Snowball stems of the types / types\n"
         "  lines: lines of the language (as derlem langs labels them); the total\n"
         "    counts the lines of every file, with a row or not\n"
         "  yule_k = 10^4 · (Σ i² V_i − N) / N², V_i types of frequency i, N tokens\n"
         "  mtld (McCarthy & Jarvis 2010): a factor ends where the running TTR\n"
         "    falls to 0.72 or below; the remainder counts (1 − TTR) / (1 − 0.72);\n"
         "    MTLD = tokens / factors, the mean of a forward and a backward pass;\n"
         "    empty when every token is distinct. Total: the token-weighted mean of\n"
         "    the files'.\n"
         "Empty cells are undefined values (no token, no type).\n"
         "\n"
         "TSV columns: lang file tokens types ttr sttr hapax mean_length hapax_pct\n"
         "dis stems_ratio lines yule_k mtld. The total row's file is empty in TSV,\n"
         "CSV and JSON (a path never is), \"(all files)\" in the other formats."),
      entries, DL_OPT_BASIC | DL_OPT_CASE | DL_OPT_NUMBERS | DL_OPT_BY, opts);
}

static gboolean
stats_parse (StatsArgs *args, int argc, char **argv, GError **error)
{
  dl_options_init (&args->opts);
  g_autoptr (GOptionContext) context = stats_context (&args->opts);
  if (!dl_options_parse (context, &args->opts, &argc, &argv, error))
    return FALSE;
  args->paths = argv + 1;
  return TRUE;
}

/* A part's statistics: fresh before it, dropped after. */
static void
part_begin (gpointer user_data, const DlPart *part)
{
  (void) part;
  StatsRun *run = user_data;
  run->lex.total = dl_lexstats_total_new (run->stemmer);
  run->finished = FALSE;
}

static void
part_end (gpointer user_data)
{
  stats_run_clear (user_data);
}

/* Counts the inputs of @args and writes their statistics. */
static gboolean
stats_run (DlEnv *env, const StatsArgs *args, GError **error)
{
  g_auto (StatsRun) run = {
    { { 0 }, { NULL, FALSE, DL_LANG_TR, NULL, NULL, NULL, NULL }, NULL }, NULL, FALSE, FALSE, FALSE
  };
  if ((run.stemmer = dl_stemmer_new (error)) == NULL)
    return FALSE;
  dl_cmd_counter_options (&args->opts, &run.lex.counter_options);
  run.lex.doc_options = dl_cmd_document_options (&args->opts);
  run.people = dl_format_for_people (args->opts.format);
  run.html = args->opts.format == DL_FORMAT_HTML;
  env->reads_counts = TRUE;
  g_autoptr (GPtrArray) parts = dl_cmd_parts (env, &args->opts, args->paths, error);
  const DlPartialTables need = { 0, 0, FALSE, 0, TRUE };
  if (parts == NULL || !dl_cmd_check_parts (parts, &run.lex.counter_options, &need, error))
    return FALSE;
  const DlColumn columns[N_COLS] = {
    [COL_LANG] = { "lang", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_FILE] = { "file", _ ("file"), DL_CELL_STRING, DL_COLUMN_FIT | DL_COLUMN_PATH, 0,
                   TEXT_FILE_MAX, NULL, 0, 0 },
    [COL_TOKENS] = { "tokens", _ ("tokens"), DL_CELL_INTEGER, 0, 8, 0, NULL, 0, 0 },
    [COL_TYPES] = { "types", _ ("types"), DL_CELL_INTEGER, 0, 7, 0, NULL, 0, 0 },
    [COL_TTR] = { "ttr", _ ("TTR"), DL_CELL_REAL, 0, 6, 0, NULL, 4, 0 },
    [COL_STTR] = { "sttr", _ ("STTR"), DL_CELL_REAL, 0, 6, 0, NULL, 4, 0 },
    [COL_HAPAX] = { "hapax", _ ("hapax"), DL_CELL_INTEGER, 0, 6, 0, NULL, 0, 0 },
    [COL_MEAN_LENGTH] = { "mean_length", _ ("mean length"), DL_CELL_REAL, 0, 6, 0, NULL, 2, 0 },
    [COL_HAPAX_PCT] = { "hapax_pct", _ ("hapax %"), DL_CELL_REAL, 0, 7, 0, NULL, 2, 0 },
    [COL_DIS] = { "dis", _ ("dis"), DL_CELL_INTEGER, 0, 5, 0, NULL, 0, 0 },
    [COL_STEMS_RATIO] = { "stems_ratio", _ ("stems/types"), DL_CELL_REAL, 0, 6, 0, NULL, 4, 0 },
    [COL_LINES] = { "lines", _ ("lines"), DL_CELL_INTEGER, 0, 6, 0, NULL, 0, 0 },
    [COL_YULE_K] = { "yule_k", _ ("Yule's K"), DL_CELL_REAL, 0, 8, 0, NULL, 2, 0 },
    [COL_MTLD] = { "mtld", _ ("MTLD"), DL_CELL_REAL, 0, 7, 0, NULL, 2, 0 },
  };
  const DlCountReport report
      = { &dl_cmd_lexstats_job,          part_begin, write_lang, part_end,
          run.lex.counter_options.langs, columns,    N_COLS,     "derlem stats" };
  return dl_cmd_count_report_full (env, &args->opts, parts, &report, &run.lex, &run, error);
}

gboolean
dl_cmd_stats (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (StatsArgs) args = { 0 };
  if (!stats_parse (&args, argc, argv, error))
    return FALSE;
  return stats_run (env, &args, error);
}
