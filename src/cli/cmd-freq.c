/* cmd-freq.c — `derlem freq`: a frequency list per language. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "counter.h"
#include "error.h"
#include "freqlist.h"
#include "i18n.h"

/* What `derlem freq` was asked, checked by freq_parse. */
typedef struct {
  DlOptions opts;
  DlFreqOptions list;
  gboolean urls;
  guint band_size; /* ranks in a band with --bands, or 0 */
  char **paths;    /* the PATH arguments, in argv */
} FreqArgs;

static void
freq_args_clear (FreqArgs *args)
{
  dl_options_clear (&args->opts);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FreqArgs, freq_args_clear)

/* What the counting and the lists of a run share. */
typedef struct {
  DlCounting counting; /* its total owned */
  /* For the lists. */
  DlFreqOptions list_options;
  const DlOptions *opts;
  const DlListTools *tools;
  guint band_size; /* --bands: ranks in a band, or 0 */
} FreqRun;

static void
freq_run_clear (FreqRun *run)
{
  g_clear_pointer (&run->counting.total, dl_counter_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FreqRun, freq_run_clear)

/* Text output shows at most this many characters of an item; the other
 * formats show all. */
#define TEXT_ITEM_MAX 60

enum {
  COL_LANG,
  COL_RANK,
  COL_ITEM,
  COL_FREQ,
  COL_PER_MILLION,
  COL_RANGE,
  COL_D,
  COL_DP,
  COL_DP_NORM,
  COL_ADJ_FREQ,
  COL_UNIT,
  COL_FORMS,
  COL_TOTAL_TOKENS,
  COL_TOTAL_TYPES,
  COL_BAND,
  N_COLS
};

typedef struct {
  const DlFreqList *list;
  const char *lang;
  guint band_size;
  char per_million[32];
  char band[24];
  DlCell cells[N_COLS];
} FreqRows;

static const DlCell *
fill_row (gpointer data, guint64 i)
{
  FreqRows *rows = data;
  DlCell *cells = rows->cells;
  const DlFreqItem *it = dl_freqlist_item (rows->list, (guint) i);
  dl_format_per_million (rows->per_million, sizeof rows->per_million, it->freq,
                         dl_freqlist_tokens (rows->list));
  cells[COL_LANG].s = rows->lang;
  cells[COL_RANK].i = it->rank;
  cells[COL_ITEM].s = it->item;
  cells[COL_FREQ].i = it->freq;
  cells[COL_PER_MILLION].s = rows->per_million;
  cells[COL_RANGE].i = it->range;
  cells[COL_UNIT].s = it->unit;
  cells[COL_FORMS].s = it->forms;
  /* Undefined measures are empty cells. */
  static const DlDispersion none = { 0 };
  const DlDispersion *d = it->dispersion != NULL ? it->dispersion : &none;
  cells[COL_D].r = d->d;
  cells[COL_D].s = d->has_d ? NULL : "";
  cells[COL_DP].r = d->dp;
  cells[COL_DP].s = d->has_dp ? NULL : "";
  cells[COL_DP_NORM].r = d->dp_norm;
  cells[COL_DP_NORM].s = d->has_dp_norm ? NULL : "";
  /* Juilland's U = D × freq. */
  cells[COL_ADJ_FREQ].r = d->d * (double) it->freq;
  cells[COL_ADJ_FREQ].s = d->has_d ? NULL : "";
  cells[COL_TOTAL_TOKENS].i = dl_freqlist_tokens (rows->list);
  cells[COL_TOTAL_TYPES].i = dl_freqlist_types (rows->list);
  cells[COL_BAND].s = rows->band_size > 0 ? dl_freq_band_label (
                          dl_freq_band (it->rank, rows->band_size), rows->band_size, rows->band)
                                          : "";
  return cells;
}

static gboolean
write_lang (gpointer user_data, DlLang lang, DlWriter *w, GError **error)
{
  const FreqRun *run = user_data;
  g_autoptr (DlUnits) units = dl_cmd_units (run->opts, run->tools, run->counting.total, lang);
  g_autoptr (DlFreqList) list = dl_freqlist_build (units, &run->list_options, error);
  if (list == NULL)
    return FALSE;
  char tokens[24], types[24];
  dl_format_u64 (tokens, dl_freqlist_tokens (list));
  dl_format_u64 (types, dl_freqlist_types (list));
  /* Translators: the heading of one language's list in `derlem freq`:
     language code, number of tokens, number of types (distinct items). */
  g_autofree char *heading
      = g_strdup_printf (_ ("%s: %s tokens, %s types"), dl_lang_code (lang), tokens, types);
  dl_writer_section (w, lang, heading);
  FreqRows rows = { list, dl_lang_code (lang), run->band_size, "", "", { { NULL, 0, 0 } } };
  dl_writer_rows (w, dl_freqlist_size (list), fill_row, &rows);
  return TRUE;
}

/* freq's own options, as given. */
typedef struct {
  char *sort;
  gint64 top, min_freq, min_range, forms, band_size;
  gboolean urls, dispersion, bands;
  double min_d, max_dp; /* NaN when not given */
} FreqGiven;

static void
freq_given_clear (FreqGiven *given)
{
  g_clear_pointer (&given->sort, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FreqGiven, freq_given_clear)

/* The parsing context: freq's options into @given, the common ones into
 * @opts, and the help. */
static GOptionContext *
freq_context (FreqGiven *given, DlOptions *opts)
{
  const GOptionEntry entries[]
      = { { "sort", 0, 0, G_OPTION_ARG_STRING, &given->sort,
            N_ ("Order: freq, alpha (the language's alphabet) or atergo (by reversed items) "
                "(default: freq)"),
            N_ ("ORDER") },
          { "top", 0, 0, G_OPTION_ARG_INT64, &given->top,
            N_ ("Only the N most frequent items (default: 0, all)"), N_ ("N") },
          { "min-freq", 0, 0, G_OPTION_ARG_INT64, &given->min_freq,
            N_ ("Leave out items less frequent than N (default: 1)"), N_ ("N") },
          { "min-range", 0, 0, G_OPTION_ARG_INT64, &given->min_range,
            N_ ("Leave out items found in fewer than N files (default: 1)"), N_ ("N") },
          { "forms", 0, 0, G_OPTION_ARG_INT64, &given->forms,
            N_ ("With --unit stem or lemma, show each unit's N most frequent forms (default: "
                "5; 0: all)"),
            N_ ("N") },
          { "urls", 0, 0, G_OPTION_ARG_NONE, &given->urls,
            N_ ("Count URLs and e-mail addresses as items too"), NULL },
          { "dispersion", 0, 0, G_OPTION_ARG_NONE, &given->dispersion,
            N_ ("Add each item's dispersion over the files: Juilland's D, Gries' DP and DPnorm, "
                "and the adjusted frequency D × freq"),
            NULL },
          { "min-d", 0, 0, G_OPTION_ARG_DOUBLE, &given->min_d,
            N_ ("Leave out items whose Juilland's D is below X or undefined (implies "
                "--dispersion)"),
            N_ ("X") },
          { "max-dp", 0, 0, G_OPTION_ARG_DOUBLE, &given->max_dp,
            N_ ("Leave out items whose DP is above X or undefined (implies --dispersion)"),
            N_ ("X") },
          { "bands", 0, 0, G_OPTION_ARG_NONE, &given->bands,
            N_ ("Add each item's frequency band by its rank: 1k, 2k... (a learner's list)"), NULL },
          { "band-size", 0, 0, G_OPTION_ARG_INT64, &given->band_size,
            N_ ("Ranks in a band (default: 1000; implies --bands)"), N_ ("N") },
          G_OPTION_ENTRY_NULL };
  return dl_options_context (
      _ ("[PATH...]"), _ ("Count words (or stems, or lemmas) per language: a frequency list."),
      _ ("Each language gets its own list: words of Turkish lines are folded by\n"
         "Turkish rules (İ→i, I→ı), of English lines by English ones; words of\n"
         "'other' lines are not counted. Apostrophes ’ ' ʼ count as one. Numbers,\n"
         "URLs and e-mail addresses are left out unless --numbers or --urls.\n"
         "With --unit stem, words are Snowball stems; with --unit lemma, dictionary\n"
         "lemmas (hunspell, tr_TR and en_US, and Turkish suffix rules). Words the\n"
         "corpus shows to be proper nouns stay whole, and a Turkish word with an\n"
         "apostrophe suffix counts under its base (Azerbaycan’ın → azerbaycan).\n"
         "The stoplist is none unless asked (--stoplist default: data/stoplists).\n"
         "\n"
         "TSV columns: lang rank item freq per_million range (then unit and forms,\n"
         "for stems and lemmas). item: the unit's headword (a lemma, or a stem's\n"
         "most frequent form); unit: its key. rank: 1 = most frequent, ties in\n"
         "alphabetical order; per_million: freq per million tokens of the\n"
         "language; range: files it occurs in.\n"
         "\n"
         "With --dispersion, juilland_d dp dp_norm adj_freq follow range (before\n"
         "unit and forms), computed over the files with tokens of the language\n"
         "(as derlem dispersion does; a unit's count in a file is its forms'\n"
         "summed): with n files, v_i = freq in file i / freq, s_i = tokens of file\n"
         "i / tokens, r_i = freq in file i / tokens of file i:\n"
         "  juilland_d = 1 − (sd(r)/mean(r)) / √(n − 1), sd the population sd\n"
         "  dp         = ½ Σ |v_i − s_i| (Gries 2008)\n"
         "  dp_norm    = dp / (1 − min s_i) (Lijffijt & Gries 2012)\n"
         "  adj_freq   = juilland_d × freq (Juilland's U)\n"
         "Undefined values (one file: D, DPnorm, adj_freq) are empty cells.\n"
         "\n"
         "With --bands, a last column band gives each item's frequency band by its\n"
         "rank in the list (after --min-freq, --min-range, --min-d, --max-dp):\n"
         "1k for ranks 1 to 1000, 2k for 1001 to 2000... (--band-size N: bands of\n"
         "N ranks, labelled by their last rank)."),
      entries, DL_OPT_BASIC | DL_OPT_WORDS | DL_OPT_STOPLIST | DL_OPT_BY | DL_OPT_TOTALS, opts);
}

/* Checks a threshold of evenness: NaN (not given), or from 0 to 1. */
static gboolean
check_evenness (const char *option, double value, GError **error)
{
  if (isnan (value) || (value >= 0 && value <= 1))
    return TRUE;
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_dtostr (text, sizeof text, value);
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
               _ ("invalid value '%s' for %s (expected a number from 0 to 1)"), text, option);
  return FALSE;
}

/* Parses @argv into @args and checks every value: FALSE with @error
 * (DL_ERROR_USAGE) for anything wrong. */
static gboolean
freq_parse (FreqArgs *args, int argc, char **argv, GError **error)
{
  dl_options_init (&args->opts);
  g_auto (FreqGiven) given = { NULL, 0, 1, 1, 5, 0, FALSE, FALSE, FALSE, NAN, NAN };
  g_autoptr (GOptionContext) context = freq_context (&given, &args->opts);
  if (!dl_options_parse (context, &args->opts, &argc, &argv, error)
      || !dl_options_check_count ("--top", given.top, error)
      || !dl_options_check_count ("--min-freq", given.min_freq, error)
      || !dl_options_check_count ("--min-range", given.min_range, error)
      || !dl_options_check_count ("--forms", given.forms, error)
      || !dl_options_check_range ("--band-size", given.band_size, 0, 1000000000, error))
    return FALSE;
  args->band_size = given.bands || given.band_size > 0
                        ? (guint) (given.band_size > 0 ? given.band_size : 1000)
                        : 0;
  if (!check_evenness ("--min-d", given.min_d, error)
      || !check_evenness ("--max-dp", given.max_dp, error))
    return FALSE;
  args->list = (DlFreqOptions){ .sort = DL_FREQ_SORT_FREQ,
                                .min_freq = (guint64) given.min_freq,
                                .min_range = (guint32) MIN (given.min_range, G_MAXUINT32),
                                .top = (guint) MIN (given.top, G_MAXUINT),
                                .forms = (guint) MIN (given.forms, G_MAXUINT),
                                .has_min_d = !isnan (given.min_d),
                                .has_max_dp = !isnan (given.max_dp),
                                .min_d = given.min_d,
                                .max_dp = given.max_dp };
  args->list.dispersion = given.dispersion || args->list.has_min_d || args->list.has_max_dp;
  static const char *const sorts[] = { "freq", "alpha", "atergo", NULL };
  if (given.sort != NULL
      && !dl_options_choice ("--sort", given.sort, sorts, (int *) &args->list.sort, error))
    return FALSE;
  args->urls = given.urls;
  args->paths = argv + 1;
  return TRUE;
}

/* Sets up @run for @args with the lists' @tools (borrowed). */
static void
freq_run_init (FreqRun *run, const FreqArgs *args, const DlListTools *tools)
{
  const DlOptions *opts = &args->opts;
  dl_cmd_counter_options (opts, &run->counting.counter_options);
  run->counting.counter_options.kinds[DL_TOKEN_URL] = args->urls;
  run->counting.counter_options.kinds[DL_TOKEN_EMAIL] = args->urls;
  run->counting.counter_options.track_files = opts->unit != DL_UNIT_FORM;
  run->counting.counter_options.track_counts = args->list.dispersion;
  run->counting.doc_options = dl_cmd_document_options (opts);
  run->list_options = args->list;
  run->list_options.threads = (guint) opts->threads;
  run->opts = opts;
  run->tools = tools;
  run->band_size = args->band_size;
}

/* A part's counts: fresh before it, dropped after. */
static void
part_begin (gpointer user_data, const DlPart *part)
{
  (void) part;
  FreqRun *run = user_data;
  run->counting.total = dl_counter_new (&run->counting.counter_options);
}

static void
part_end (gpointer user_data)
{
  freq_run_clear (user_data);
}

/* Counts the inputs of @args and writes their lists. */
static gboolean
freq_run (DlEnv *env, const FreqArgs *args, GError **error)
{
  g_auto (DlListTools) tools = { NULL, NULL, NULL, NULL };
  if (!dl_cmd_list_tools (&args->opts, "none", &tools, error))
    return FALSE;
  g_auto (FreqRun) run = { 0 };
  freq_run_init (&run, args, &tools);
  env->reads_counts = TRUE;
  g_autoptr (GPtrArray) parts = dl_cmd_parts (env, &args->opts, args->paths, error);
  if (parts == NULL)
    return FALSE;
  if (!dl_cmd_check_parts (parts, &run.counting.counter_options, NULL, error))
    return FALSE;
  const DlColumnFlags unit = args->opts.unit == DL_UNIT_FORM ? DL_COLUMN_OFF : 0;
  const DlColumnFlags totals = dl_cmd_totals_flags (&args->opts);
  /* Measured: a tiny D is written in exponent form (1.110e-16), wider than 6. */
  const DlColumnFlags dispersion = args->list.dispersion ? DL_COLUMN_FIT : DL_COLUMN_OFF;
  const DlColumn columns[N_COLS] = {
    [COL_LANG] = { "lang", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_RANK] = { "rank", _ ("rank"), DL_CELL_INTEGER, 0, 6, 0, NULL, 0, 0 },
    [COL_ITEM]
    = { "item", _ ("item"), DL_CELL_STRING, DL_COLUMN_FIT, 0, TEXT_ITEM_MAX, NULL, 0, 0 },
    [COL_FREQ] = { "freq", _ ("freq"), DL_CELL_INTEGER, 0, 9, 0, NULL, 0, 0 },
    [COL_PER_MILLION] = { "per_million", _ ("per million"), DL_CELL_REAL, 0, 11, 0, NULL, 2, 0 },
    [COL_RANGE] = { "range", _ ("range"), DL_CELL_INTEGER, 0, 5, 0, NULL, 0, 0 },
    /* The evenness of each item, when asked. */
    [COL_D] = { "juilland_d", _ ("D"), DL_CELL_REAL, dispersion, 6, 0, NULL, 4, 0 },
    [COL_DP] = { "dp", _ ("DP"), DL_CELL_REAL, dispersion, 6, 0, NULL, 4, 0 },
    [COL_DP_NORM] = { "dp_norm", _ ("DPnorm"), DL_CELL_REAL, dispersion, 6, 0, NULL, 4, 0 },
    [COL_ADJ_FREQ] = { "adj_freq", _ ("adj. freq"), DL_CELL_REAL, dispersion, 9, 0, NULL, 2, 0 },
    /* The key and forms of each unit, only when units group forms. */
    [COL_UNIT]
    = { "unit", _ ("unit"), DL_CELL_STRING, DL_COLUMN_FIT | unit, 0, TEXT_ITEM_MAX, NULL, 0, 0 },
    [COL_FORMS]
    = { "forms", _ ("forms"), DL_CELL_STRING, DL_COLUMN_FORMS | unit, 0, 0, NULL, 0, 0 },
    [COL_TOTAL_TOKENS] = { "total_tokens", NULL, DL_CELL_INTEGER, totals, 0, 0, NULL, 0, 0 },
    [COL_TOTAL_TYPES] = { "total_types", NULL, DL_CELL_INTEGER, totals, 0, 0, NULL, 0, 0 },
    /* The frequency band, when asked. */
    [COL_BAND] = { "band", _ ("band"), DL_CELL_STRING, args->band_size > 0 ? 0 : DL_COLUMN_OFF, 4,
                   0, NULL, 0, 0 },
  };
  const DlCountReport report = { &dl_cmd_counting_job,
                                 part_begin,
                                 write_lang,
                                 part_end,
                                 run.counting.counter_options.langs,
                                 columns,
                                 N_COLS,
                                 "derlem freq" };
  return dl_cmd_count_report_full (env, &args->opts, parts, &report, &run.counting, &run, error);
}
gboolean
dl_cmd_freq (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (FreqArgs) args = { 0 };
  if (!freq_parse (&args, argc, argv, error))
    return FALSE;
  return freq_run (env, &args, error);
}
