/* cmd-keyness.c — `derlem keyness PATH... --ref PATH...`: the keywords of
 * the inputs against a reference corpus (or a freq list of one), per
 * language. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "error.h"
#include "freqtsv.h"
#include "i18n.h"
#include "keyness.h"

/* The significance levels --p takes, and 1 for none. */
static const char *const levels[] = { "0.05", "0.01", "0.001", "0.0001", "1", NULL };
static const double level_values[] = { 0.05, 0.01, 0.001, 0.0001, 1 };

/* What `derlem keyness` was asked, checked by keyness_parse. */
typedef struct {
  DlOptions opts;
  DlKeynessOptions list;
  char **ref;     /* --ref PATHs (owned), or NULL */
  char *ref_list; /* --ref-list FILE (owned), or NULL */
  char *target;   /* --target VALUE (owned), or NULL */
  char **paths;   /* the PATH arguments, in argv */
} KeynessArgs;

static void
keyness_args_clear (KeynessArgs *args)
{
  dl_options_clear (&args->opts);
  g_clear_pointer (&args->ref, g_strfreev);
  g_clear_pointer (&args->ref_list, g_free);
  g_clear_pointer (&args->target, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeynessArgs, keyness_args_clear)

/* What the counting and the lists of a run share. */
typedef struct {
  DlEnv *env;
  const KeynessArgs *args;
  const DlListTools *tools;
  DlCounting target;     /* the part's; its total owned */
  DlCounting reference;  /* its total owned; NULL total with --ref-list */
  DlFreqTsv *ref_list;   /* owned; with --ref-list */
  DlPoolStates *workers; /* of the counting job, for both sides */
} KeynessRun;

static void
keyness_run_clear (KeynessRun *run)
{
  g_clear_pointer (&run->target.total, dl_counter_free);
  g_clear_pointer (&run->reference.total, dl_counter_free);
  g_clear_pointer (&run->ref_list, dl_freqtsv_free);
  g_clear_pointer (&run->workers, dl_pool_states_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeynessRun, keyness_run_clear)

/* Text output shows at most this many characters of an item. */
#define TEXT_ITEM_MAX 40

enum {
  COL_LANG,
  COL_ITEM,
  COL_FREQ_TARGET,
  COL_FREQ_REF,
  COL_LL,
  COL_LOG_RATIO,
  COL_PCT_DIFF,
  COL_PM_TARGET,
  COL_PM_REF,
  COL_RANGE_TARGET,
  COL_RANGE_REF,
  COL_UNIT,
  N_COLS
};

typedef struct {
  const DlKeyList *list;
  const char *lang;
  guint64 c, d; /* the two sides' tokens */
  char pm_target[32], pm_ref[32];
  DlCell cells[N_COLS];
} KeyRows;

static const DlCell *
fill_row (gpointer data, guint64 i)
{
  KeyRows *rows = data;
  DlCell *cells = rows->cells;
  const DlKeyRow *r = dl_keyness_list_row (rows->list, (guint) i);
  dl_format_per_million (rows->pm_target, sizeof rows->pm_target, r->freq_target, rows->c);
  dl_format_per_million (rows->pm_ref, sizeof rows->pm_ref, r->freq_ref, rows->d);
  cells[COL_LANG].s = rows->lang;
  cells[COL_ITEM].s = r->item;
  cells[COL_FREQ_TARGET].i = r->freq_target;
  cells[COL_FREQ_REF].i = r->freq_ref;
  cells[COL_LL].r = r->scores.ll;
  cells[COL_LOG_RATIO].r = r->scores.log_ratio;
  cells[COL_PCT_DIFF].r = r->scores.pct_diff;
  /* %DIFF is undefined when the reference lacks the item: an empty cell. */
  cells[COL_PCT_DIFF].s = r->scores.has_pct_diff ? NULL : "";
  cells[COL_PM_TARGET].s = rows->pm_target;
  cells[COL_PM_REF].s = rows->pm_ref;
  cells[COL_RANGE_TARGET].i = r->range_target;
  cells[COL_RANGE_REF].i = r->range_ref;
  cells[COL_UNIT].s = r->unit;
  return cells;
}

/* The reference side of @lang: its units, or the items of the list (said
 * on stderr when the list has no totals). */
static DlKeySide *
reference_side (const KeynessRun *run, DlLang lang, DlUnits **units, GError **error)
{
  if (run->ref_list == NULL)
    {
      *units = dl_cmd_units (&run->args->opts, run->tools, run->reference.total, lang);
      return dl_key_side_new_units (*units, error);
    }
  guint n;
  const DlFreqItem *items = dl_freqtsv_items (run->ref_list, lang, &n);
  guint64 tokens = dl_freqtsv_tokens (run->ref_list, lang);
  if (!dl_freqtsv_has_totals (run->ref_list) && tokens > 0)
    {
      char sum[24];
      dl_format_u64 (sum, tokens);
      dl_diag_report (run->env->diag, DL_DIAG_NOTE, run->args->ref_list, 0,
                      /* Translators: %s: a language code; %s: a number of tokens. */
                      _ ("no total_tokens column: the reference size of %s is the sum of its "
                         "freq column, %s (without what freq left out: stopwords, rare items); "
                         "make the list with 'derlem freq --totals'"),
                      dl_lang_code (lang), sum);
    }
  return dl_key_side_new_items (items, n, tokens, lang, run->tools->stoplist);
}

/* The heading of @lang's section: both sides' tokens. */
static char *
heading_of (DlLang lang, guint64 c, guint64 d)
{
  char target[24], reference[24];
  dl_format_u64 (target, c);
  dl_format_u64 (reference, d);
  /* Translators: the heading of one language in `derlem keyness`: language
     code, tokens of the target, tokens of the reference. */
  return g_strdup_printf (_ ("%s: target %s tokens, reference %s tokens"), dl_lang_code (lang),
                          target, reference);
}

/* A note under the heading: the critical value and what it was made of. */
static void
note_critical (DlWriter *w, const KeynessArgs *args, const DlKeyList *list)
{
  char crit[32], compared[24], p[G_ASCII_DTOSTR_BUF_SIZE];
  dl_format_real (crit, sizeof crit, dl_keyness_list_critical (list), 2);
  dl_people_number (crit);
  dl_people_number (g_ascii_formatd (p, sizeof p, "%g", args->list.p));
  dl_format_u64 (compared, dl_keyness_list_compared (list));
  g_autofree char *text
      = args->list.bonferroni
            /* Translators: keyness: %s the critical LL, the level, the items. */
            ? g_strdup_printf (_ ("|LL| ≥ %s (p < %s, Bonferroni over %s items compared)"), crit, p,
                               compared)
            /* Translators: keyness: %s the critical LL, the level, the items. */
            : g_strdup_printf (_ ("|LL| ≥ %s (p < %s; %s items compared)"), crit, p, compared);
  dl_writer_note (w, text);
}

static gboolean
write_lang (gpointer user_data, DlLang lang, DlWriter *w, GError **error)
{
  const KeynessRun *run = user_data;
  const KeynessArgs *args = run->args;
  g_autoptr (DlUnits) units = dl_cmd_units (&args->opts, run->tools, run->target.total, lang);
  g_autoptr (DlKeySide) target = dl_key_side_new_units (units, error);
  g_autoptr (DlUnits) ref_units = NULL;
  g_autoptr (DlKeySide) ref = target != NULL ? reference_side (run, lang, &ref_units, error) : NULL;
  if (ref == NULL)
    return FALSE;
  guint64 c = dl_key_side_tokens (target), d = dl_key_side_tokens (ref);
  g_autofree char *heading = heading_of (lang, c, d);
  dl_writer_section (w, lang, heading);
  if (c == 0 || d == 0)
    {
      dl_writer_note (w, c == 0 ? _ ("no tokens in the target: nothing to compare")
                                : _ ("no tokens in the reference: nothing to compare"));
      return TRUE;
    }
  g_autoptr (DlKeyList) list = dl_keyness_list (lang, target, ref, &args->list, error);
  if (list == NULL)
    return FALSE;
  note_critical (w, args, list);
  KeyRows rows = { .list = list, .lang = dl_lang_code (lang), .c = c, .d = d };
  dl_writer_rows (w, dl_keyness_list_size (list), fill_row, &rows);
  return TRUE;
}

/* keyness's own options, as given. */
typedef struct {
  char **ref;
  char *ref_list, *p, *target;
  gint64 min_freq, top;
  gboolean negative, bonferroni;
} KeynessGiven;

static void
keyness_given_clear (KeynessGiven *given)
{
  g_clear_pointer (&given->ref, g_strfreev);
  g_clear_pointer (&given->ref_list, g_free);
  g_clear_pointer (&given->target, g_free);
  g_clear_pointer (&given->p, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeynessGiven, keyness_given_clear)

/* xgettext:no-c-format */
static const char keyness_description[]
    = N_ ("The keywords of the PATHs (the target) against a reference: --ref PATH\n"
          "(repeatable; directories read like PATHs, --glob applies) or --ref-list FILE,\n"
          "a 'derlem freq --format tsv' list of the reference, made with the same --unit\n"
          "(a list without a unit column is a list of forms; stems and lemmas cannot be\n"
          "told apart by the list) and with --totals, whose total_tokens column gives\n"
          "each language's size; without it the size is the sum of the freq column.\n"
          "Both sides are counted as freq counts them (--unit, --case, --numbers,\n"
          "--stoplist, default none), each language on its own, and items are matched\n"
          "by unit. Without a reference, --by KEY takes each part of the corpus in\n"
          "turn (--target VALUE: that one) against all the other parts.\n"
          "\n"
          "a = freq in the target, b = freq in the reference, c and d the target's and\n"
          "the reference's tokens of the language:\n"
          "  E1 = c(a+b)/(c+d)   E2 = d(a+b)/(c+d)\n"
          "  ll         2 (a ln (a/E1) + b ln (b/E2)), 0·ln 0 = 0, negative when\n"
          "             a/c < b/d (UCREL log-likelihood wizard; Rayson & Garside 2000)\n"
          "  log_ratio  log2 ((a/c) / (b/d)), a zero count taken as 0.5 (Hardie 2014)\n"
          "  pct_diff   100 (a/c − b/d) / (b/d) (%DIFF, Gabrielatos & Marchi 2012);\n"
          "             empty when b = 0\n"
          "Kept: items with |LL| at least the critical value of --p, chi-square with one\n"
          "degree of freedom: 3.84 (p < 0.05, the default), 6.63 (0.01), 10.83 (0.001),\n"
          "15.13 (0.0001), none for --p 1. --bonferroni divides p by the m items\n"
          "compared (those of either side) and takes z² with z the normal quantile at\n"
          "1 − p/(2m). Positive keywords (a/c > b/d) with a ≥ --min-freq, LL\n"
          "descending; with --negative, negative ones with b ≥ --min-freq, most\n"
          "negative first, items of the reference alone (a = 0) among them. Ties in\n"
          "the language's alphabetical order.\n"
          "\n"
          "TSV columns: lang item freq_target freq_ref ll log_ratio pct_diff\n"
          "per_million_target per_million_ref range_target range_ref (then unit, the\n"
          "key, with --unit stem|lemma). per_million: per million tokens of the\n"
          "language on that side; range: files the item occurs in.");

/* The parsing context: keyness's options into @given, the common ones into
 * @opts, and the help. */
static GOptionContext *
keyness_context (KeynessGiven *given, DlOptions *opts)
{
  const GOptionEntry entries[]
      = { { "ref", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &given->ref,
            N_ ("The reference corpus: a file or directory (repeatable)"), N_ ("PATH") },
          { "ref-list", 0, 0, G_OPTION_ARG_FILENAME, &given->ref_list,
            N_ ("The reference as a 'derlem freq --format tsv' list"), N_ ("FILE") },
          { "target", 0, 0, G_OPTION_ARG_STRING, &given->target,
            N_ ("Without a reference, with --by KEY: only the part whose KEY is VALUE against "
                "the rest"),
            N_ ("VALUE") },
          { "negative", 0, 0, G_OPTION_ARG_NONE, &given->negative,
            N_ ("List negative keywords (what the target uses less) instead"), NULL },
          { "min-freq", 0, 0, G_OPTION_ARG_INT64, &given->min_freq,
            N_ ("Leave out items less frequent than N in the target (with --negative: in the "
                "reference) (default: 3)"),
            N_ ("N") },
          { "p", 0, 0, G_OPTION_ARG_STRING, &given->p,
            N_ ("Significance level: 0.05, 0.01, 0.001, 0.0001, or 1 for none (default: 0.05)"),
            N_ ("P") },
          { "bonferroni", 0, 0, G_OPTION_ARG_NONE, &given->bonferroni,
            N_ ("Divide the level by the number of items compared"), NULL },
          { "top", 0, 0, G_OPTION_ARG_INT64, &given->top,
            N_ ("Only the first N keywords of each language (default: 0, all)"), N_ ("N") },
          G_OPTION_ENTRY_NULL };
  return dl_options_context (_ ("PATH... --ref PATH... | --ref-list FILE | --by KEY"),
                             _ ("Keywords of the inputs against a reference corpus, per "
                                "language."),
                             _ (keyness_description), entries,
                             DL_OPT_BASIC | DL_OPT_WORDS | DL_OPT_STOPLIST | DL_OPT_BY, opts);
}

/* Checks that one reference was given (or --by, each part against the
 * rest), and --p. */
static gboolean
keyness_reference (KeynessArgs *args, KeynessGiven *given, GError **error)
{
  if (given->ref != NULL && given->ref_list != NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("give --ref PATH... or --ref-list FILE, not both"));
      return FALSE;
    }
  gboolean has_ref = given->ref != NULL || given->ref_list != NULL;
  if (!has_ref && args->opts.by == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("keyness needs a reference: --ref PATH..., --ref-list FILE, or --by KEY "
                      "(each part against the rest)"));
      return FALSE;
    }
  if (given->target != NULL && (has_ref || args->opts.by == NULL))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("--target VALUE goes with --by KEY and no reference"));
      return FALSE;
    }
  int level = 0;
  if (given->p != NULL && !dl_options_choice ("--p", given->p, levels, &level, error))
    return FALSE;
  args->list.p = level_values[level];
  args->ref = g_steal_pointer (&given->ref);
  args->ref_list = g_steal_pointer (&given->ref_list);
  args->target = g_steal_pointer (&given->target);
  return TRUE;
}

/* Parses @argv into @args and checks every value: FALSE with @error
 * (DL_ERROR_USAGE) for anything wrong. */
static gboolean
keyness_parse (KeynessArgs *args, int argc, char **argv, GError **error)
{
  dl_options_init (&args->opts);
  g_auto (KeynessGiven) given = { NULL, NULL, NULL, NULL, 3, 0, FALSE, FALSE };
  g_autoptr (GOptionContext) context = keyness_context (&given, &args->opts);
  if (!dl_options_parse (context, &args->opts, &argc, &argv, error)
      || !dl_options_check_count ("--min-freq", given.min_freq, error)
      || !dl_options_check_count ("--top", given.top, error))
    return FALSE;
  args->list = (DlKeynessOptions){ given.negative, (guint64) given.min_freq, 0.05, given.bonferroni,
                                   (guint) MIN (given.top, G_MAXUINT) };
  if (!keyness_reference (args, &given, error))
    return FALSE;
  args->paths = argv + 1;
  return TRUE;
}

/* Reads --ref-list into @run and checks that it lists what --unit counts. */
static gboolean
read_ref_list (KeynessRun *run, const KeynessArgs *args, GError **error)
{
  run->ref_list = dl_cmd_read_freq_list (&args->opts, args->ref_list, run->env->diag, error);
  return run->ref_list != NULL;
}

/* Sets up a counting like freq's in @counting. */
static void
counting_init (DlCounting *counting, const DlOptions *opts)
{
  dl_cmd_counter_options (opts, &counting->counter_options);
  counting->counter_options.track_files = opts->unit != DL_UNIT_FORM;
  counting->doc_options = dl_cmd_document_options (opts);
}

/* Counts @inputs into a fresh total of @counting. */
static void
count_side (KeynessRun *run, DlCounting *counting, GPtrArray *inputs)
{
  g_clear_pointer (&counting->total, dl_counter_free);
  counting->total = dl_counter_new (&counting->counter_options);
  dl_cmd_count_inputs (run->env, &run->args->opts, inputs, &dl_cmd_counting_job, counting,
                       run->workers);
}

/* The inputs of every part of @parts but @part (borrowed). */
static GPtrArray *
rest_of (GPtrArray *parts, const DlPart *part)
{
  GPtrArray *rest = g_ptr_array_new ();
  for (guint p = 0; p < parts->len; p++)
    if (parts->pdata[p] != part)
      {
        const DlPart *other = parts->pdata[p];
        for (guint i = 0; i < other->inputs->len; i++)
          g_ptr_array_add (rest, other->inputs->pdata[i]);
      }
  return rest;
}

/* The part whose value is --target, or FALSE with @error. */
static gboolean
find_target (const KeynessArgs *args, GPtrArray *parts, guint *index, GError **error)
{
  for (guint p = 0; p < parts->len; p++)
    if (strcmp (((DlPart *) parts->pdata[p])->value, args->target) == 0)
      {
        *index = p;
        return TRUE;
      }
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
               /* Translators: keyness --by KEY --target VALUE, and no file has it. */
               _ ("--target %s: no file kept has %s=%s"), args->target, args->opts.by,
               args->target);
  return FALSE;
}

/* The table of a run: keyness's columns, the unit key only when units group
 * forms. */
static void
keyness_columns (DlColumn *columns, const DlOptions *opts)
{
#define COUNT(name, heading)                                                                       \
  {                                                                                                \
    name, heading, DL_CELL_INTEGER, DL_COLUMN_FIT, 0, 0, NULL, 0, 0                                \
  }
#define MEASURE(name, heading)                                                                     \
  {                                                                                                \
    name, heading, DL_CELL_REAL, DL_COLUMN_FIT, 0, 0, NULL, 4, 2                                   \
  }
  const DlColumnFlags unit = opts->unit == DL_UNIT_FORM ? DL_COLUMN_OFF : 0;
  const DlColumn all[N_COLS] = {
    [COL_LANG] = { "lang", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_ITEM]
    = { "item", _ ("item"), DL_CELL_STRING, DL_COLUMN_FIT, 0, TEXT_ITEM_MAX, NULL, 0, 0 },
    [COL_FREQ_TARGET] = COUNT ("freq_target", _ ("target")),
    [COL_FREQ_REF] = COUNT ("freq_ref", _ ("reference")),
    [COL_LL] = MEASURE ("ll", "LL"),
    [COL_LOG_RATIO] = MEASURE ("log_ratio", "Log Ratio"),
    [COL_PCT_DIFF] = MEASURE ("pct_diff", "%DIFF"),
    [COL_PM_TARGET] = MEASURE ("per_million_target", _ ("pm target")),
    [COL_PM_REF] = MEASURE ("per_million_ref", _ ("pm reference")),
    [COL_RANGE_TARGET] = COUNT ("range_target", _ ("range target")),
    [COL_RANGE_REF] = COUNT ("range_ref", _ ("range reference")),
    [COL_UNIT]
    = { "unit", _ ("unit"), DL_CELL_STRING, DL_COLUMN_FIT | unit, 0, TEXT_ITEM_MAX, NULL, 0, 0 },
  };
#undef COUNT
#undef MEASURE
  memcpy (columns, all, sizeof all);
}

/* Counts part @p of @parts (and, without a reference, the rest) and writes
 * its lists to @w. */
static gboolean
keyness_part (KeynessRun *run, GPtrArray *parts, guint p, DlWriter *w, GError **error)
{
  const KeynessArgs *args = run->args;
  const DlPart *part = parts->pdata[p];
  dl_cmd_writer_part (w, &args->opts, part);
  count_side (run, &run->target, part->inputs);
  if (args->ref == NULL && args->ref_list == NULL)
    {
      g_autoptr (GPtrArray) rest = rest_of (parts, part);
      count_side (run, &run->reference, rest);
    }
  static const DlLang order[] = { DL_LANG_TR, DL_LANG_EN };
  for (gsize i = 0; i < G_N_ELEMENTS (order); i++)
    if (run->target.counter_options.langs[order[i]] && !write_lang (run, order[i], w, error))
      return FALSE;
  return TRUE;
}

/* Reads the reference (its list first: a bad one fails before the
 * counting), then counts each part of the inputs (or the --target one) and
 * writes its keywords against the reference, or against the other parts. */
static gboolean
keyness_run (DlEnv *env, const KeynessArgs *args, GError **error)
{
  const DlOptions *opts = &args->opts;
  g_auto (DlListTools) tools = { NULL, NULL, NULL, NULL };
  if (!dl_cmd_list_tools (opts, "none", &tools, error))
    return FALSE;
  g_auto (KeynessRun) run = { 0 };
  run.env = env;
  run.args = args;
  run.tools = &tools;
  if (args->ref_list != NULL && !read_ref_list (&run, args, error))
    return FALSE;
  env->reads_counts = TRUE;
  g_autoptr (GPtrArray) parts = dl_cmd_parts (env, opts, args->paths, error);
  if (parts == NULL)
    return FALSE;
  counting_init (&run.target, opts);
  counting_init (&run.reference, opts);
  if (!dl_cmd_check_parts (parts, &run.target.counter_options, NULL, error))
    return FALSE;
  guint first = 0, last = parts->len;
  if (args->target != NULL && !find_target (args, parts, &first, error))
    return FALSE;
  if (args->target != NULL)
    last = first + 1;
  const DlCountJob *job = &dl_cmd_counting_job;
  run.workers = dl_pool_states_new (job->worker_new, job->worker_free, &run.target);
  g_autoptr (DlOut) out = dl_cmd_open_output (opts, run.workers, error);
  if (out == NULL)
    return FALSE;
  if (args->ref != NULL)
    {
      g_autoptr (GPtrArray) refs = dl_cmd_expand (env, (const char *const *) args->ref, opts->glob);
      if (!dl_cmd_check_partials (refs, &run.reference.counter_options, NULL, error))
        return FALSE;
      count_side (&run, &run.reference, refs);
    }
  DlColumn columns[N_COLS];
  keyness_columns (columns, opts);
  g_autofree char *root = dl_cmd_root (parts);
  const DlWriterOptions wo = { .group = opts->by != NULL ? "part" : NULL, .root = root };
  DlWriter *w = dl_cmd_writer (opts, out, columns, N_COLS, "derlem keyness", &wo);
  gboolean ok = TRUE;
  for (guint p = first; ok && p < last; p++)
    ok = keyness_part (&run, parts, p, w, error);
  dl_writer_end (w);
  return ok && dl_cmd_commit (env, g_steal_pointer (&out), error);
}

gboolean
dl_cmd_keyness (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (KeynessArgs) args = { 0 };
  if (!keyness_parse (&args, argc, argv, error))
    return FALSE;
  return keyness_run (env, &args, error);
}
