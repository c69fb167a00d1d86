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

/* The widest window side: windows wider than this say little and cost a
 * lot. */
#define WINDOW_MAX 1000

typedef struct {
  DlCollocOptions opts;
  DlDocumentOptions doc_options;
  const DlQuery *node;
  DlCollocCounts *total;
  const DlCollocListOptions *list_options;
} CollocRun;

static gpointer
worker_new (gpointer user_data, GError **error)
{
  CollocRun *run = user_data;
  return dl_colloc_new (run->node, &run->opts, error);
}

static void
worker_free (gpointer p)
{
  dl_colloc_free (p);
}

static gpointer
counts_new (gpointer user_data)
{
  return dl_colloc_counts_new (&((CollocRun *) user_data)->opts);
}

static gboolean
count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
       gpointer user_data, GError **error)
{
  CollocRun *run = user_data;
  return dl_colloc_input (worker, input, &run->doc_options, diag, counts, error);
}

static void
merge (gpointer counts, guint32 file, gpointer user_data)
{
  dl_colloc_counts_merge (((CollocRun *) user_data)->total, counts, file);
}

static void
counts_free (gpointer p)
{
  dl_colloc_counts_free (p);
}

/* Parses --window L,R. */
static gboolean
parse_window (const char *arg, guint *left, guint *right, GError **error)
{
  guint64 l, r;
  if (!dl_options_number_pair (arg, ',', TRUE, &l, &r) || l > WINDOW_MAX || r > WINDOW_MAX
      || l + r == 0)
    {
      /* Translators: the --window option of colloc; %d is the widest side. */
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("--window takes L,R: tokens before and after the node, each 0 to %d, "
                      "not both 0 (got '%s')"),
                   WINDOW_MAX, arg);
      return FALSE;
    }
  *left = (guint) l;
  *right = (guint) r;
  return TRUE;
}

/* Text output shows at most this many characters of a collocate. */
#define TEXT_ITEM_MAX 40

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
  N_COLS
};

typedef struct {
  const DlCollocList *list;
  const char *lang;
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
  return cells;
}

static gboolean
write_lang (gpointer user_data, DlLang lang, DlWriter *w, GError **error)
{
  const CollocRun *run = user_data;
  g_autoptr (DlCollocList) list = dl_colloc_list (run->total, lang, run->list_options, error);
  if (list == NULL)
    return FALSE;
  char tokens[24], nodes[24];
  dl_format_u64 (tokens, dl_counter_tokens (dl_colloc_counts_counter (run->total), lang));
  dl_format_u64 (nodes, dl_colloc_counts_nodes (run->total, lang));
  g_autofree char *heading = NULL;
  if (run->node != NULL)
    /* Translators: the heading of one language in `derlem colloc NODE`:
       language code, node, its occurrences, tokens of the language. */
    heading = g_strdup_printf (_ ("%s: %s occurs %s times in %s tokens"), dl_lang_code (lang),
                               dl_query_text (run->node), nodes, tokens);
  else
    /* Translators: the heading of one language in `derlem colloc --all`. */
    heading = g_strdup_printf (_ ("%s: word pairs in %s tokens"), dl_lang_code (lang), tokens);
  dl_writer_section (w, lang, heading);
  CollocRows rows = { list, dl_lang_code (lang), { 0 }, { { NULL, 0, 0 } } };
  dl_writer_rows (w, dl_colloc_list_size (list), fill_row, &rows);
  return TRUE;
}

gboolean
dl_cmd_colloc (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (DlOptions) opts = { 0 };
  dl_options_init (&opts);
  g_autofree char *window_arg = NULL, *sort_arg = NULL;
  gint64 min_freq = 1, min_cooc = 2, top = 0;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "window", 0, 0, G_OPTION_ARG_STRING, &window_arg,
      N_ ("Tokens before and after the node (default: 5,5; with --all 0,1)"), "L,R" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_ ("No node: the word pairs of the whole corpus (the second at most R tokens after the "
          "first)"),
      NULL },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_arg,
      N_ ("Sort by cooc, freq, expected, mi, mi3, t, z, ll, dice, logdice, left or right, "
          "descending (default: logdice)"),
      "MEASURE" },
    { "min-freq", 0, 0, G_OPTION_ARG_INT64, &min_freq,
      N_ ("Leave out collocates less frequent than N in the corpus (default: 1)"), "N" },
    { "min-cooc", 0, 0, G_OPTION_ARG_INT64, &min_cooc,
      N_ ("Leave out collocates seen fewer than N times in the windows (default: 2)"), "N" },
    { "top", 0, 0, G_OPTION_ARG_INT64, &top,
      N_ ("Only the first N collocates of each language (default: 0, all)"), "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = dl_options_context (
      _ ("NODE [PATH...] | --all [PATH...]"),
      _ ("Collocates of a node: the words within a window around it, with association "
         "measures."),
      _ ("NODE is matched like a kwic query: a word, a pattern (savaş* is one node), a\n"
         "phrase, /regex/; by stems with --unit stem. Windows hold the counted tokens\n"
         "(words; numbers too with --numbers) of one language: they stop at a language\n"
         "switch and at the ends of a file, and run across line breaks and sentences.\n"
         "Collocates in the stoplist are left out (--stoplist default; none or FILE to\n"
         "change); they still take their places in the windows. --all lists word pairs\n"
         "instead: the second word at most R tokens after the first (--window 0,R), a\n"
         "pair left out if either word is a stopword, --min-freq applying to both.\n"
         "\n"
         "Counts, per language: N tokens; f1 node occurrences; f2 the collocate's\n"
         "frequency; O11 (cooc) co-occurrences = left + right; S = L + R window slots.\n"
         "Overlapping windows: a collocate in the windows of two node occurrences\n"
         "counts once for each, as the f1·S slots of the expected frequency do.\n"
         "  expected  E11 = f1·f2·S / N\n"
         "  mi        log2 (O11 / E11)\n"
         "  mi3       log2 (O11³ / E11)\n"
         "  t         (O11 − E11) / √O11\n"
         "  z         (O11 − E11) / √E11\n"
         "  ll        G² = 2 Σ Oij ln (Oij / Eij), 0·ln 0 = 0, negative if O11 < E11,\n"
         "            over O11, O12 = R1 − O11, O21 = f2 − O11, O22 = N − R1 − f2 + O11,\n"
         "            R1 = f1·S, Eij = row total × column total / N; a cell made\n"
         "            negative by overlapping windows is taken as 0 (and the Eij of\n"
         "            that table from its own totals)\n"
         "  dice      2·O11 / (f1 + f2)\n"
         "  logdice   14 + log2 (2·O11 / (f1 + f2))   (Rychlý 2008)\n"
         "With --all, f1 is the first word's frequency and f2 the second's.\n"
         "\n"
         "TSV columns: lang collocate cooc freq expected mi mi3 t z ll dice logdice\n"
         "left right (then first second, with --all); freq = f2. Sorted by the\n"
         "measure, then cooc, then the language's alphabetical order."),
      entries, DL_OPT_BASIC | DL_OPT_WORDS | DL_OPT_STOPLIST, &opts);
  gboolean ok = dl_options_parse (context, &opts, &argc, &argv, error)
                && dl_options_check_count ("--top", top, error)
                && dl_options_check_count ("--min-freq", min_freq, error)
                && dl_options_check_count ("--min-cooc", min_cooc, error);
  CollocRun run = { { 0 }, { 0 }, NULL, NULL, NULL };
  DlCollocListOptions lo = { opts.unit,
                             NULL,
                             NULL,
                             NULL,
                             (guint64) min_freq,
                             (guint64) min_cooc,
                             (guint) MIN (top, G_MAXUINT),
                             DL_MEASURE_LOGDICE };
  if (ok && sort_arg != NULL)
    ok = dl_options_choice ("--sort", sort_arg, dl_measure_names, (int *) &lo.sort, error);
  run.opts.all = all;
  run.opts.right = all ? 1 : 5;
  run.opts.left = all ? 0 : 5;
  if (ok && window_arg != NULL)
    ok = parse_window (window_arg, &run.opts.left, &run.opts.right, error);
  if (ok && all && run.opts.left > 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("--all counts pairs in text order: its window is 0,R (got %s)"), window_arg);
      ok = FALSE;
    }
  g_autoptr (DlQuery) node = NULL;
  char **paths = argv + 1;
  if (ok && !all)
    {
      if (argc < 2)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       _ ("colloc needs a NODE, or --all (see derlem help colloc)"));
          ok = FALSE;
        }
      else if ((node = dl_query_parse (argv[1], error)) == NULL)
        ok = FALSE;
      paths = argv + 2;
    }
  g_auto (DlListTools) tools = { NULL, NULL, NULL };
  if (!ok || !dl_cmd_list_tools (&opts, "default", &tools, error))
    {
      return FALSE;
    }
  lo.stoplist = tools.stoplist;
  lo.norm = tools.norm;
  lo.stemmer = tools.stemmer;

  run.node = node;
  run.opts.query = (DlQueryOptions){ opts.unit, opts.casing };
  dl_cmd_counter_options (&opts, &run.opts.counter);
  run.doc_options = dl_cmd_document_options (&opts);
  run.total = dl_colloc_counts_new (&run.opts);

  g_autoptr (GPtrArray) inputs = dl_cmd_inputs (env, &opts, paths);
  static const DlCountJob job = { worker_new, worker_free, counts_new, count, merge, counts_free };
  DlOut *out = dl_cmd_count (env, &opts, inputs, &job, &run, error);
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
    [COL_FIRST] = { "first", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_SECOND] = { "second", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
  };
#undef MEASURE
#undef COUNT
  g_autofree char *title = node != NULL
                               ? g_strdup_printf ("derlem colloc: %s", dl_query_text (node))
                               : g_strdup ("derlem colloc --all");
  run.list_options = &lo;
  ok = dl_cmd_write_langs (out, &opts, run.opts.counter.langs, columns, N_COLS - (all ? 0 : 2),
                           title, write_lang, &run, error);
  dl_colloc_counts_free (run.total);
  return ok;
}
