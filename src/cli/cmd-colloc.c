/* cmd-colloc.c — `derlem colloc NODE` and `derlem colloc --all`: window
 * collocates with their association measures, per language. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colloc.h"
#include "commands.h"
#include "error.h"
#include "i18n.h"

/* What `derlem colloc` was asked, checked by colloc_parse. */
typedef struct {
  DlOptions opts;
  guint left, right;        /* the window */
  gboolean all;             /* --all: pairs, no node */
  DlQuery *node;            /* owned; NULL with --all */
  DlCollocListOptions list; /* no tools: the run makes them */
  char **paths;             /* the PATH arguments, in argv */
} CollocArgs;

static void
colloc_args_clear (CollocArgs *args)
{
  dl_options_clear (&args->opts);
  g_clear_pointer (&args->node, dl_query_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CollocArgs, colloc_args_clear)

enum {
  COL_LANG,
  COL_COLLOCATE,
  COL_COOC,
  COL_FREQ,
  COL_EXPECTED, /* the measures, from here in the order of DlScores' fields */
  COL_MI,
  COL_MI3,
  COL_T,
  COL_Z,
  COL_LL,
  COL_DICE,
  COL_LOGDICE,
  COL_LEFT,
  COL_RIGHT,
  COL_FIRST,
  COL_SECOND,
  COL_UNIT,
  COL_TOTAL_TOKENS,
  COL_TOTAL_TYPES,
  N_COLS
};

/* What the counting and the lists of a run share. */
typedef struct {
  DlCollocating job; /* its total owned */
  DlCollocListOptions list_options;
  const DlOptions *options;
  const DlListTools *tools;
} CollocRun;

static void
colloc_run_clear (CollocRun *run)
{
  g_clear_pointer (&run->job.total, dl_colloc_counts_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CollocRun, colloc_run_clear)

/* Parses --window L,R. */
static gboolean
parse_window (const char *arg, guint *left, guint *right, GError **error)
{
  guint64 l, r;
  if (!dl_options_number_pair (arg, ',', FALSE, &l, &r) || l > DL_COLLOC_WINDOW_MAX
      || r > DL_COLLOC_WINDOW_MAX || l + r == 0)
    {
      /* Translators: the --window option of colloc; %d is the widest side. */
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("--window takes L,R or N (N,N): tokens before and after the node, each "
                      "0 to %d, not both 0 (got '%s')"),
                   DL_COLLOC_WINDOW_MAX, arg);
      return FALSE;
    }
  *left = (guint) l;
  *right = (guint) r;
  return TRUE;
}

/* Text output shows at most this many characters of a collocate. */
#define TEXT_ITEM_MAX 40

typedef struct {
  const DlCollocList *list;
  const char *lang;
  guint64 tokens, types; /* of the language */
  DlCollocRow made;
  DlCell cells[N_COLS];
} CollocRows;

static const DlCell *
fill_row (gpointer data, guint64 i)
{
  CollocRows *rows = data;
  DlCell *cells = rows->cells;
  const DlCollocRow *r = dl_colloc_list_row (rows->list, (guint) i, &rows->made);
  cells[COL_LANG].s = rows->lang;
  cells[COL_COLLOCATE].s = r->collocate;
  cells[COL_COOC].i = r->cooc;
  cells[COL_FREQ].i = r->freq;
  cells[COL_EXPECTED].r = r->scores.expected;
  cells[COL_MI].r = r->scores.mi;
  cells[COL_MI3].r = r->scores.mi3;
  cells[COL_T].r = r->scores.t;
  cells[COL_Z].r = r->scores.z;
  cells[COL_LL].r = r->scores.ll;
  cells[COL_DICE].r = r->scores.dice;
  cells[COL_LOGDICE].r = r->scores.logdice;
  cells[COL_LEFT].i = r->left;
  cells[COL_RIGHT].i = r->right;
  cells[COL_FIRST].s = r->first;
  cells[COL_SECOND].s = r->second;
  cells[COL_UNIT].s = r->unit;
  cells[COL_TOTAL_TOKENS].i = rows->tokens;
  cells[COL_TOTAL_TYPES].i = rows->types;
  return cells;
}

static gboolean
write_lang (gpointer user_data, DlLang lang, DlWriter *w, GError **error)
{
  const CollocRun *run = user_data;
  g_autoptr (DlUnits) units
      = dl_cmd_units (run->options, run->tools, dl_colloc_counts_counter (run->job.total), lang);
  DlCollocListOptions lo = run->list_options;
  lo.units = units;
  g_autoptr (DlCollocList) list = dl_colloc_list (run->job.total, lang, &lo, error);
  if (list == NULL)
    return FALSE;
  guint64 n_tokens = dl_counter_tokens (dl_colloc_counts_counter (run->job.total), lang);
  char tokens[24], nodes[24];
  dl_format_u64 (tokens, n_tokens);
  dl_format_u64 (nodes, dl_colloc_counts_nodes (run->job.total, lang));
  g_autofree char *heading = NULL;
  if (run->job.node != NULL)
    /* Translators: the heading of one language in `derlem colloc NODE`:
       language code, node, its occurrences, tokens of the language. */
    heading = g_strdup_printf (_ ("%s: %s occurs %s times in %s tokens"), dl_lang_code (lang),
                               dl_query_text (run->job.node), nodes, tokens);
  else
    /* Translators: the heading of one language in `derlem colloc --all`. */
    heading = g_strdup_printf (_ ("%s: word pairs in %s tokens"), dl_lang_code (lang), tokens);
  dl_writer_section (w, lang, heading);
  CollocRows rows = {
    .list = list, .lang = dl_lang_code (lang), .tokens = n_tokens, .types = dl_units_types (units)
  };
  dl_writer_rows (w, dl_colloc_list_size (list), fill_row, &rows);
  return TRUE;
}

/* colloc's own options, as given. */
typedef struct {
  char *window, *sort, *node;
  gint64 min_freq, min_cooc, top;
  gboolean all;
} CollocGiven;

static void
colloc_given_clear (CollocGiven *given)
{
  g_clear_pointer (&given->window, g_free);
  g_clear_pointer (&given->sort, g_free);
  g_clear_pointer (&given->node, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CollocGiven, colloc_given_clear)

static const char colloc_description[]
    = N_ ("NODE is matched like a kwic query: a word, a pattern (savaş* is one node), a\n"
          "phrase, /regex/; by unit with --unit stem|lemma, the collocates then units\n"
          "too (as freq counts them), shown by headword. Windows hold the counted tokens\n"
          "(words; numbers too with --numbers) of one language: they stop at a language\n"
          "switch and at the ends of a file, and run across line breaks and sentences.\n"
          "Collocates in the stoplist are left out, a unit as a whole (--stoplist\n"
          "default; none or FILE to change); they still take their places in the\n"
          "windows. --all lists word pairs instead: the second word at most R tokens\n"
          "after the first (--window 0,R), a pair left out if either word is a\n"
          "stopword, --min-freq applying to both.\n"
          "\n"
          "Counts, per language: N tokens; f1 node occurrences; f2 the collocate's\n"
          "frequency; O11 (cooc) co-occurrences = left + right; S = L + R window slots.\n"
          "Overlapping windows: a token in the windows of two node occurrences counts\n"
          "once, so O11 <= f2; with --all a first word counts once per window.\n"
          "  expected  E11 = f1·f2·S / N\n"
          "  mi        log2 (O11 / E11)\n"
          "  mi3       log2 (O11³ / E11)\n"
          "  t         (O11 − E11) / √O11\n"
          "  z         (O11 − E11) / √E11\n"
          "  ll        G² = 2 Σ Oij ln (Oij / Eij), 0·ln 0 = 0, negative if O11 < E11,\n"
          "            over O11, O12 = R1 − O11, O21 = f2 − O11, O22 = N − R1 − f2 + O11,\n"
          "            R1 = f1·S, Eij = row total × column total / N; a cell made\n"
          "            negative (f1·S near N) is taken as 0 (and the Eij of that\n"
          "            table from its own totals)\n"
          "  dice      2·O11 / (f1 + f2)\n"
          "  logdice   14 + log2 (2·O11 / (f1 + f2))   (Rychlý 2008)\n"
          "With --all, f1 is the first word's frequency and f2 the second's.\n"
          "\n"
          "TSV columns: lang collocate cooc freq expected mi mi3 t z ll dice logdice\n"
          "left right (then first second, with --all; then unit, the key, with --unit\n"
          "stem|lemma); freq = f2. Sorted by the measure, then cooc, then the\n"
          "language's alphabetical order.");

/* The parsing context: colloc's options into @given, the common ones into
 * @opts, and the help. */
static GOptionContext *
colloc_context (CollocGiven *given, DlOptions *opts)
{
  const GOptionEntry entries[] = {
    { "query", 'e', 0, G_OPTION_ARG_STRING, &given->node,
      N_ ("The node, as kwic's -e takes a query; then every argument is a PATH"), N_ ("NODE") },
    { "window", 0, 0, G_OPTION_ARG_STRING, &given->window,
      N_ ("Tokens before and after the node; N is N,N (default: 5,5; with --all 0,1)"),
      N_ ("L,R") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &given->all,
      N_ ("No node: the word pairs of the whole corpus (the second at most R tokens after the "
          "first)"),
      NULL },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &given->sort,
      N_ ("Sort by cooc, freq, expected, mi, mi3, t, z, ll, dice, logdice, left or right, "
          "descending (default: logdice)"),
      N_ ("MEASURE") },
    { "min-freq", 0, 0, G_OPTION_ARG_INT64, &given->min_freq,
      N_ ("Leave out collocates less frequent than N in the corpus (default: 1)"), N_ ("N") },
    { "min-cooc", 0, 0, G_OPTION_ARG_INT64, &given->min_cooc,
      N_ ("Leave out collocates seen fewer than N times in the windows (default: 2)"), N_ ("N") },
    { "top", 0, 0, G_OPTION_ARG_INT64, &given->top,
      N_ ("Only the first N collocates of each language (default: 0, all)"), N_ ("N") },
    G_OPTION_ENTRY_NULL
  };
  return dl_options_context (
      _ ("NODE [PATH...] | --all [PATH...]"),
      _ ("Collocates of a node: the words within a window around it, "
         "with association measures."),
      _ (colloc_description), entries,
      DL_OPT_BASIC | DL_OPT_WORDS | DL_OPT_STOPLIST | DL_OPT_BY | DL_OPT_TOTALS, opts);
}

/* The window: 5,5 around a node, 0,1 for pairs, or --window (@arg, may be
 * NULL), which for pairs must be 0,R. */
static gboolean
colloc_window (CollocArgs *args, const char *arg, GError **error)
{
  args->left = args->all ? 0 : 5;
  args->right = args->all ? 1 : 5;
  if (arg != NULL && !parse_window (arg, &args->left, &args->right, error))
    return FALSE;
  if (args->all && args->left > 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("--all counts pairs in text order: its window is 0,R (got %s)"), arg);
      return FALSE;
    }
  return TRUE;
}

/* The node: -e @given, or the first of @argv's arguments (@argv[0] is the
 * command), and the PATHs after it; with --all, PATHs only. */
static gboolean
colloc_node (CollocArgs *args, const char *given, int argc, char **argv, GError **error)
{
  if (args->all && given != NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("--all counts every pair: it takes no node (-e)"));
      return FALSE;
    }
  if (args->all || given != NULL)
    {
      args->paths = argv + 1;
      return given == NULL || (args->node = dl_query_parse (given, error)) != NULL;
    }
  if (argc < 2)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("colloc needs a NODE, or --all (see derlem help colloc)"));
      return FALSE;
    }
  if ((args->node = dl_query_parse (argv[1], error)) == NULL)
    return FALSE;
  args->paths = argv + 2;
  return TRUE;
}

/* Parses @argv into @args and checks every value: FALSE with @error
 * (DL_ERROR_USAGE) for anything wrong. */
static gboolean
colloc_parse (CollocArgs *args, int argc, char **argv, GError **error)
{
  dl_options_init (&args->opts);
  g_auto (CollocGiven) given = { NULL, NULL, NULL, 1, 2, 0, FALSE };
  g_autoptr (GOptionContext) context = colloc_context (&given, &args->opts);
  if (!dl_options_parse (context, &args->opts, &argc, &argv, error)
      || !dl_options_check_count ("--top", given.top, error)
      || !dl_options_check_count ("--min-freq", given.min_freq, error)
      || !dl_options_check_count ("--min-cooc", given.min_cooc, error))
    return FALSE;
  args->list = (DlCollocListOptions){ NULL, (guint64) given.min_freq, (guint64) given.min_cooc,
                                      (guint) MIN (given.top, G_MAXUINT), DL_MEASURE_LOGDICE };
  if (given.sort != NULL
      && !dl_options_choice ("--sort", given.sort, dl_measure_names, (int *) &args->list.sort,
                             error))
    return FALSE;
  args->all = given.all;
  if (!colloc_window (args, given.window, error))
    return FALSE;
  return colloc_node (args, given.node, argc, argv, error);
}

/* Sets up @run for @args with the lists' @tools (borrowed). */
static void
colloc_run_init (CollocRun *run, const CollocArgs *args, const DlListTools *tools,
                 const DlQueryUnits *qu)
{
  const DlOptions *opts = &args->opts;
  run->job.opts.left = args->left;
  run->job.opts.right = args->right;
  run->job.opts.all = args->all;
  run->job.opts.query = dl_cmd_query_options (opts, qu);
  dl_cmd_counter_options (opts, &run->job.opts.counter);
  run->job.doc_options = dl_cmd_document_options (opts);
  run->job.node = args->node;
  run->options = opts;
  run->list_options = args->list;
  run->tools = tools;
}

/* A part's counts: fresh before it, dropped after. */
static void
part_begin (gpointer user_data, const DlPart *part)
{
  (void) part;
  CollocRun *run = user_data;
  run->job.total = dl_colloc_counts_new (&run->job.opts);
}

static void
part_end (gpointer user_data)
{
  colloc_run_clear (user_data);
}

/* Counts the collocates (or pairs) of the inputs of @args and writes them. */
static gboolean
colloc_run (DlEnv *env, const CollocArgs *args, GError **error)
{
  g_auto (DlListTools) tools = { NULL, NULL, NULL, NULL };
  if (!dl_cmd_list_tools (&args->opts, "default", &tools, error))
    return FALSE;
  /* A node is found in the text; the pairs of --all are counted. */
  env->reads_counts = args->all;
  g_autoptr (GPtrArray) parts = dl_cmd_parts (env, &args->opts, args->paths, error);
  if (parts == NULL)
    return FALSE;
  g_auto (DlQueryUnits) qu = { 0 };
  if (args->node != NULL && args->opts.unit != DL_UNIT_FORM
      && !dl_cmd_query_units (env, &args->opts, parts, &tools, &qu, error))
    return FALSE;
  g_auto (CollocRun) run = { 0 };
  colloc_run_init (&run, args, &tools, &qu);
  const DlPartialTables need = { 0, 0, FALSE, args->right, FALSE };
  if (args->all && !dl_cmd_check_parts (parts, &run.job.opts.counter, &need, error))
    return FALSE;
  const DlColumnFlags unit = args->opts.unit == DL_UNIT_FORM ? DL_COLUMN_OFF : 0;
  const DlColumnFlags pairs = args->all ? 0 : DL_COLUMN_OFF;
  const DlColumnFlags totals = dl_cmd_totals_flags (&args->opts);
#define MEASURE(name, heading)                                                                     \
  {                                                                                                \
    name, heading, DL_CELL_REAL, DL_COLUMN_FIT, 0, 0, NULL, 4, 2                                   \
  }
#define COUNT(name, heading)                                                                       \
  {                                                                                                \
    name, heading, DL_CELL_INTEGER, DL_COLUMN_FIT, 0, 0, NULL, 0, 0                                \
  }
  const DlColumn columns[N_COLS] = {
    [COL_LANG] = { "lang", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_COLLOCATE]
    = { "collocate", _ ("collocate"), DL_CELL_STRING, DL_COLUMN_FIT, 0, TEXT_ITEM_MAX, NULL, 0, 0 },
    [COL_COOC] = COUNT ("cooc", "cooc"),
    [COL_FREQ] = COUNT ("freq", "freq"),
    [COL_EXPECTED] = MEASURE ("expected", "expected"),
    [COL_MI] = MEASURE ("mi", "MI"),
    [COL_MI3] = MEASURE ("mi3", "MI3"),
    [COL_T] = MEASURE ("t", "T"),
    [COL_Z] = MEASURE ("z", "z"),
    [COL_LL] = MEASURE ("ll", "LL"),
    [COL_DICE] = MEASURE ("dice", "Dice"),
    [COL_LOGDICE] = MEASURE ("logdice", "logDice"),
    [COL_LEFT] = COUNT ("left", _ ("left")),
    [COL_RIGHT] = COUNT ("right", _ ("right")),
    /* The words of each pair, only for pairs. */
    [COL_FIRST] = { "first", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE | pairs, 0, 0, NULL, 0, 0 },
    [COL_SECOND] = { "second", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE | pairs, 0, 0, NULL, 0, 0 },
    /* The unit key, only when units group forms. */
    [COL_UNIT]
    = { "unit", _ ("unit"), DL_CELL_STRING, DL_COLUMN_FIT | unit, 0, TEXT_ITEM_MAX, NULL, 0, 0 },
    [COL_TOTAL_TOKENS] = { "total_tokens", NULL, DL_CELL_INTEGER, totals, 0, 0, NULL, 0, 0 },
    [COL_TOTAL_TYPES] = { "total_types", NULL, DL_CELL_INTEGER, totals, 0, 0, NULL, 0, 0 },
  };
#undef MEASURE
#undef COUNT
  g_autofree char *title = args->node != NULL
                               ? g_strdup_printf ("derlem colloc: %s", dl_query_text (args->node))
                               : g_strdup ("derlem colloc --all");
  const DlCountReport report = { &dl_cmd_colloc_job,         part_begin, write_lang, part_end,
                                 run.job.opts.counter.langs, columns,    N_COLS,     title };
  return dl_cmd_count_report_full (env, &args->opts, parts, &report, &run.job, &run, error);
}

gboolean
dl_cmd_colloc (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (CollocArgs) args = { 0 };
  if (!colloc_parse (&args, argc, argv, error))
    return FALSE;
  return colloc_run (env, &args, error);
}
