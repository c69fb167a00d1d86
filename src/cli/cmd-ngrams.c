/* cmd-ngrams.c — `derlem ngrams`: n-gram clusters (lexical bundles) per
 * language. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "ngrams.h"

/* What `derlem ngrams` was asked, checked by ngrams_parse. */
typedef struct {
  DlOptions opts;
  guint min_n, max_n;
  DlQuery *contains;       /* owned; NULL without --contains */
  DlNgramListOptions list; /* no tools: the run makes them */
  char **paths;            /* the PATH arguments, in argv */
} NgramArgs;

static void
ngram_args_clear (NgramArgs *args)
{
  dl_options_clear (&args->opts);
  g_clear_pointer (&args->contains, dl_query_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NgramArgs, ngram_args_clear)

/* What the counting and the lists of a run share. */
typedef struct {
  DlNgramCounting job; /* its total owned */
  DlNgramListOptions list_options;
  const DlOptions *options;
  const DlListTools *tools;
} NgramRun;

static void
ngram_run_clear (NgramRun *run)
{
  g_clear_pointer (&run->job.total, dl_ngram_counts_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NgramRun, ngram_run_clear)

/* Parses -n N or -n A-B. */
static gboolean
parse_sizes (const char *arg, guint *min_n, guint *max_n, GError **error)
{
  guint64 a, b;
  if (!dl_options_number_pair (arg, '-', FALSE, &a, &b) || a < DL_NGRAM_MIN || b > DL_NGRAM_MAX
      || a > b)
    {
      /* Translators: the -n option of ngrams; %d and %d are the smallest and
         largest size. */
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("-n takes a size N or a range A-B of sizes from %d to %d (got '%s')"),
                   DL_NGRAM_MIN, DL_NGRAM_MAX, arg);
      return FALSE;
    }
  *min_n = (guint) a;
  *max_n = (guint) b;
  return TRUE;
}

/* Text output shows at most this many characters of an n-gram; the other
 * formats show all. */
#define TEXT_ITEM_MAX 60

enum {
  COL_LANG,
  COL_RANK,
  COL_NGRAM,
  COL_FREQ,
  COL_RANGE,
  COL_UNIT,
  COL_TOTAL_TOKENS,
  COL_TOTAL_TYPES,
  N_COLS
};

typedef struct {
  const DlNgramList *list;
  const char *lang;
  guint64 tokens; /* of the language */
  DlCell cells[N_COLS];
} NgramRows;

static const DlCell *
fill_row (gpointer data, guint64 i)
{
  NgramRows *rows = data;
  DlCell *cells = rows->cells;
  const DlNgramRow *r = dl_ngram_list_row (rows->list, (guint) i);
  cells[COL_LANG].s = rows->lang;
  cells[COL_RANK].i = i + 1;
  cells[COL_NGRAM].s = r->ngram;
  cells[COL_FREQ].i = r->freq;
  cells[COL_RANGE].i = r->range;
  cells[COL_UNIT].s = r->unit;
  cells[COL_TOTAL_TOKENS].i = rows->tokens;
  cells[COL_TOTAL_TYPES].i = dl_ngram_list_types (rows->list);
  return cells;
}

static gboolean
write_lang (gpointer user_data, DlLang lang, DlWriter *w, GError **error)
{
  const NgramRun *run = user_data;
  g_autoptr (DlUnits) units
      = dl_cmd_units (run->options, run->tools, dl_ngram_counts_counter (run->job.total), lang);
  DlNgramListOptions lo = run->list_options;
  lo.units = units;
  g_autoptr (DlNgramList) list = dl_ngram_list (run->job.total, lang, &lo, error);
  if (list == NULL)
    return FALSE;
  guint64 n_tokens = dl_counter_tokens (dl_ngram_counts_counter (run->job.total), lang);
  char tokens[24], types[24];
  dl_format_u64 (tokens, n_tokens);
  dl_format_u64 (types, dl_ngram_list_types (list));
  /* Translators: the heading of one language in `derlem ngrams`: language
     code, tokens, distinct n-grams. */
  g_autofree char *heading = g_strdup_printf (_ ("%s: %s tokens, %s distinct n-grams"),
                                              dl_lang_code (lang), tokens, types);
  dl_writer_section (w, lang, heading);
  NgramRows rows = { list, dl_lang_code (lang), n_tokens, { { NULL, 0, 0 } } };
  dl_writer_rows (w, dl_ngram_list_size (list), fill_row, &rows);
  return TRUE;
}

/* ngrams' own options, as given. */
typedef struct {
  char *size, *contains;
  gint64 min_freq, min_range, top;
} NgramGiven;

static void
ngram_given_clear (NgramGiven *given)
{
  g_clear_pointer (&given->size, g_free);
  g_clear_pointer (&given->contains, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NgramGiven, ngram_given_clear)

/* The parsing context: ngrams' options into @given, the common ones into
 * @opts, and the help. */
static GOptionContext *
ngrams_context (NgramGiven *given, DlOptions *opts)
{
  const GOptionEntry entries[]
      = { { "size", 'n', 0, G_OPTION_ARG_STRING, &given->size,
            N_ ("Tokens per n-gram: N, or a range A-B, from 2 to 8 (default: 3)"), N_ ("N") },
          { "min-freq", 0, 0, G_OPTION_ARG_INT64, &given->min_freq,
            N_ ("Leave out n-grams less frequent than N (default: 2)"), N_ ("N") },
          { "min-range", 0, 0, G_OPTION_ARG_INT64, &given->min_range,
            N_ ("Leave out n-grams found in fewer than N files (default: 1)"), N_ ("N") },
          { "contains", 0, 0, G_OPTION_ARG_STRING, &given->contains,
            N_ ("Only n-grams holding a match of QUERY (a word, pattern, phrase or /regex/)"),
            N_ ("QUERY") },
          { "top", 0, 0, G_OPTION_ARG_INT64, &given->top,
            N_ ("Only the N most frequent n-grams of each language (default: 0, all)"), N_ ("N") },
          G_OPTION_ENTRY_NULL };
  return dl_options_context (
      _ ("[PATH...]"), _ ("N-gram clusters (lexical bundles): recurring runs of N words."),
      _ ("An n-gram is N counted tokens in a row (words; numbers too with --numbers)\n"
         "of one language: never across a sentence end (ICU sentence breaks), a\n"
         "language switch or the end of a file, but across line breaks. Words are\n"
         "folded as in freq (Turkish İ→i, I→ı on Turkish lines); with --unit stem or\n"
         "lemma each word is its unit as freq counts it. With --stoplist, n-grams\n"
         "made of stopwords only are left out (the default is none).\n"
         "\n"
         "TSV columns: lang ngram freq range (range: files it occurs in; then unit,\n"
         "the keys, with --unit stem or lemma). Sorted by freq, then range, then\n"
         "the language's alphabetical order; with a range of sizes (-n 2-4) the\n"
         "sizes are listed together."),
      entries, DL_OPT_BASIC | DL_OPT_WORDS | DL_OPT_BY | DL_OPT_TOTALS | DL_OPT_STOPLIST, opts);
}

/* --contains: a query no longer than the longest n-grams. */
static gboolean
parse_contains (NgramArgs *args, const char *arg, GError **error)
{
  if ((args->contains = dl_query_parse (arg, error)) == NULL)
    return FALSE;
  if (dl_query_length (args->contains) > args->max_n)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("--contains %s is longer than the n-grams (-n %u)"), arg, args->max_n);
      return FALSE;
    }
  return TRUE;
}

/* Parses @argv into @args and checks every value: FALSE with @error
 * (DL_ERROR_USAGE) for anything wrong. */
static gboolean
ngrams_parse (NgramArgs *args, int argc, char **argv, GError **error)
{
  dl_options_init (&args->opts);
  g_auto (NgramGiven) given = { NULL, NULL, 2, 1, 0 };
  g_autoptr (GOptionContext) context = ngrams_context (&given, &args->opts);
  if (!dl_options_parse (context, &args->opts, &argc, &argv, error)
      || !dl_options_check_count ("--top", given.top, error)
      || !dl_options_check_count ("--min-freq", given.min_freq, error)
      || !dl_options_check_count ("--min-range", given.min_range, error))
    return FALSE;
  args->min_n = args->max_n = 3;
  if (given.size != NULL && !parse_sizes (given.size, &args->min_n, &args->max_n, error))
    return FALSE;
  if (given.contains != NULL && !parse_contains (args, given.contains, error))
    return FALSE;
  args->list = (DlNgramListOptions){ NULL, (guint64) given.min_freq,
                                     (guint32) MIN (given.min_range, G_MAXUINT32),
                                     (guint) MIN (given.top, G_MAXUINT) };
  args->paths = argv + 1;
  return TRUE;
}

/* Sets up @run for @args with the lists' @tools (borrowed). */
static void
ngrams_run_init (NgramRun *run, const NgramArgs *args, const DlListTools *tools,
                 const DlQueryUnits *qu)
{
  const DlOptions *opts = &args->opts;
  run->job.opts.min_n = args->min_n;
  run->job.opts.max_n = args->max_n;
  run->job.opts.contains = args->contains;
  run->job.opts.query = dl_cmd_query_options (opts, qu);
  run->job.opts.track_files = opts->unit != DL_UNIT_FORM;
  dl_cmd_counter_options (opts, &run->job.opts.counter);
  run->job.doc_options = dl_cmd_document_options (opts);
  run->list_options = args->list;
  run->options = opts;
  run->tools = tools;
}

/* A part's counts: fresh before it, dropped after. */
static void
part_begin (gpointer user_data, const DlPart *part)
{
  (void) part;
  NgramRun *run = user_data;
  run->job.total = dl_ngram_counts_new (&run->job.opts);
}

static void
part_end (gpointer user_data)
{
  ngram_run_clear (user_data);
}

/* Counts the n-grams of the inputs of @args and writes their lists. */
static gboolean
ngrams_run (DlEnv *env, const NgramArgs *args, GError **error)
{
  g_auto (DlListTools) tools = { NULL, NULL, NULL, NULL };
  if (!dl_cmd_list_tools (&args->opts, "none", &tools, error))
    return FALSE;
  env->reads_counts = TRUE;
  g_autoptr (GPtrArray) parts = dl_cmd_parts (env, &args->opts, args->paths, error);
  if (parts == NULL)
    return FALSE;
  const char *partial = dl_cmd_first_partial (parts);
  if (partial != NULL && args->contains != NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   /* Translators: %s is a partial result (derlem count --save). */
                   _ ("%s is a partial result: --contains reads the text, a partial result "
                      "holds counts only"),
                   partial);
      return FALSE;
    }
  g_auto (DlQueryUnits) qu = { 0 };
  if (args->contains != NULL && args->opts.unit != DL_UNIT_FORM
      && !dl_cmd_query_units (env, &args->opts, parts, &tools, &qu, error))
    return FALSE;
  g_auto (NgramRun) run = { 0 };
  ngrams_run_init (&run, args, &tools, &qu);
  const DlPartialTables need = { args->min_n, args->max_n, run.job.opts.track_files, 0, FALSE };
  if (!dl_cmd_check_parts (parts, &run.job.opts.counter, &need, error))
    return FALSE;
  const DlColumnFlags unit = args->opts.unit == DL_UNIT_FORM ? DL_COLUMN_OFF : 0;
  const DlColumnFlags totals = dl_cmd_totals_flags (&args->opts);
  const DlColumn columns[N_COLS] = {
    [COL_LANG] = { "lang", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_RANK] = { "rank", _ ("rank"), DL_CELL_INTEGER, DL_COLUMN_PEOPLE, 6, 0, NULL, 0, 0 },
    [COL_NGRAM]
    = { "ngram", _ ("n-gram"), DL_CELL_STRING, DL_COLUMN_FIT, 0, TEXT_ITEM_MAX, NULL, 0, 0 },
    [COL_FREQ] = { "freq", _ ("freq"), DL_CELL_INTEGER, 0, 9, 0, NULL, 0, 0 },
    [COL_RANGE] = { "range", _ ("range"), DL_CELL_INTEGER, 0, 5, 0, NULL, 0, 0 },
    /* The units' keys, only when units group forms. */
    [COL_UNIT]
    = { "unit", _ ("unit"), DL_CELL_STRING, DL_COLUMN_FIT | unit, 0, TEXT_ITEM_MAX, NULL, 0, 0 },
    [COL_TOTAL_TOKENS] = { "total_tokens", NULL, DL_CELL_INTEGER, totals, 0, 0, NULL, 0, 0 },
    [COL_TOTAL_TYPES] = { "total_types", NULL, DL_CELL_INTEGER, totals, 0, 0, NULL, 0, 0 },
  };
  const DlCountReport report
      = { &dl_cmd_ngrams_job,         part_begin, write_lang, part_end,
          run.job.opts.counter.langs, columns,    N_COLS,     "derlem ngrams" };
  return dl_cmd_count_report (env, &args->opts, parts, &report, &run, error);
}

gboolean
dl_cmd_ngrams (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (NgramArgs) args = { 0 };
  if (!ngrams_parse (&args, argc, argv, error))
    return FALSE;
  return ngrams_run (env, &args, error);
}
