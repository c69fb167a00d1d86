/* cmd-count.c — `derlem count --save PART.dlc` and `derlem merge`: a
 * run's counts saved as a partial result (partial.h), and partial
 * results joined into one, which freq and keyness read as they read the
 * files counted. */
#include "config.h"

#include <string.h>

#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "partial.h"

/* A count being saved: the counts and tables asked (their totals
 * owned), and the inputs with what reading them reported. */
typedef struct {
  DlPartialList list;
  GPtrArray *inputs; /* DlInput, borrowed */
  const DlDiag *to;  /* where the notes go on to */
  /* The first pass's job and its data, which the save_ callbacks wrap:
   * n-grams if asked (their counter is the counts), else the counts
   * alone. */
  const DlCountJob *job;
  gpointer job_data;
  DlCounting counting;
  DlNgramCounting ngrams;
  DlCollocating pairs;
  DlLexCounting stats;
  DlStemmer *stemmer;
} Saving;

static void
saving_clear (Saving *s)
{
  g_clear_pointer (&s->counting.total, dl_counter_free);
  g_clear_pointer (&s->ngrams.total, dl_ngram_counts_free);
  g_clear_pointer (&s->pairs.total, dl_colloc_counts_free);
  g_clear_pointer (&s->stats.total, dl_lexstats_total_free);
  g_clear_pointer (&s->stemmer, dl_stemmer_free);
  dl_partial_list_clear (&s->list);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Saving, saving_clear)

/* Keeps what the run reports, and passes it on. */
static void
keep_note (DlDiagLevel level, const char *file, guint64 line, const char *message,
           gpointer user_data)
{
  Saving *s = user_data;
  dl_partial_list_note (&s->list, level, file, line, message);
  dl_diag_report (s->to, level, file, line, "%s", message);
}

/* The first pass: its job's callbacks, on its data. */
static gpointer
save_worker_new (gpointer user_data, GError **error)
{
  Saving *s = user_data;
  return s->job->worker_new (s->job_data, error);
}

static gpointer
save_counts_new (gpointer user_data)
{
  Saving *s = user_data;
  return s->job->counts_new (s->job_data);
}

static gboolean
save_count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
            gpointer user_data, GError **error)
{
  Saving *s = user_data;
  return s->job->count (worker, input, diag, counts, s->job_data, error);
}

/* Each input kept with the notes that came before it (the pool gives an
 * input's diagnostics before its counts). */
static void
save_merge (gpointer counts, guint32 file, gpointer user_data)
{
  Saving *s = user_data;
  s->job->merge (counts, file, s->job_data);
  dl_partial_list_input (&s->list, ((const DlInput *) s->inputs->pdata[file])->path);
}

/* Sets up @s to count with @co and the tables @tables: the totals, and
 * the first pass's job. FALSE with @error if the stemmer cannot be. */
static gboolean
saving_init (Saving *s, const DlOptions *opts, const DlCounterOptions *co,
             const DlPartialTables *tables, GError **error)
{
  dl_partial_list_init (&s->list);
  DlDocumentOptions doc = dl_cmd_document_options (opts);
  /* What only numbers terms, for the tables: no files kept. */
  DlCounterOptions bare = *co;
  bare.track_files = bare.track_counts = FALSE;
  s->counting = (DlCounting){ *co, doc, NULL };
  s->job = &dl_cmd_counting_job;
  s->job_data = &s->counting;
  if (tables->max_n > 0)
    {
      s->ngrams.opts
          = (DlNgramOptions){ tables->min_n, tables->max_n, NULL, { 0 }, *co, tables->ngram_files };
      s->ngrams.doc_options = doc;
      s->ngrams.total = dl_ngram_counts_new (&s->ngrams.opts);
      s->job = &dl_cmd_ngrams_job;
      s->job_data = &s->ngrams;
    }
  else
    s->counting.total = dl_counter_new (co);
  if (tables->window > 0)
    {
      s->pairs.opts = (DlCollocOptions){ 0, tables->window, TRUE, { 0 }, bare };
      s->pairs.doc_options = doc;
      s->pairs.total = dl_colloc_counts_new (&s->pairs.opts);
    }
  if (tables->stats)
    {
      if ((s->stemmer = dl_stemmer_new (error)) == NULL)
        return FALSE;
      s->stats = (DlLexCounting){ bare, doc, dl_lexstats_total_new (s->stemmer) };
    }
  return TRUE;
}

/* Runs @job over @inputs again, for a table: its diagnostics are the
 * first pass's, given already, but an input that fails now and did not
 * then (or the reverse: @failed of them failed) has changed. FALSE with
 * @error. */
static gboolean
again (DlEnv *env, const DlOptions *opts, GPtrArray *inputs, const DlCountJob *job,
       gpointer user_data, guint failed, GError **error)
{
  g_autoptr (DlDiag) quiet = dl_diag_new_buffer ();
  DlEnv quiet_env = { .diag = quiet, .progress_line = env->progress_line, .reads_counts = TRUE };
  if (!dl_cmd_run_job (&quiet_env, opts, inputs, job, user_data, error))
    return FALSE;
  if (quiet_env.inputs_failed != failed)
    {
      g_set_error_literal (error, DL_ERROR, DL_ERROR_IO,
                           _ ("the files changed while they were counted: count them again"));
      return FALSE;
    }
  return TRUE;
}

/* Runs the passes after the first, in which @failed inputs failed: each
 * table but the n-grams is counted by its own job. FALSE with @error. */
static gboolean
later_passes (DlEnv *env, const DlOptions *opts, GPtrArray *inputs, Saving *s, guint failed,
              GError **error)
{
  return (s->pairs.total == NULL
          || again (env, opts, inputs, &dl_cmd_colloc_job, &s->pairs, failed, error))
         && (s->stats.total == NULL
             || again (env, opts, inputs, &dl_cmd_lexstats_job, &s->stats, failed, error));
}

/* Counts the inputs @paths name with @co (and the document options of
 * @opts), and the tables @tables, and saves them as a partial result to
 * @path. FALSE with @error. */
static gboolean
save_run (DlEnv *env, const DlOptions *opts, char **paths, const DlCounterOptions *co,
          const DlPartialTables *tables, const char *path, GError **error)
{
  g_auto (Saving) s;
  memset (&s, 0, sizeof s);
  s.to = env->diag;
  if (!saving_init (&s, opts, co, tables, error))
    return FALSE;
  g_autoptr (DlDiag) keep = dl_diag_new (keep_note, &s);
  DlEnv local = *env;
  local.diag = keep;
  local.reads_counts = TRUE;
  g_autoptr (GPtrArray) inputs = dl_cmd_inputs (&local, opts, paths, error);
  if (inputs == NULL || !dl_cmd_check_partials (inputs, co, tables, error))
    return FALSE;
  guint expand_failed = local.inputs_failed; /* paths, not inputs */
  /* Tables beside the n-grams read the inputs again. */
  if ((tables->window > 0 || tables->stats) && !dl_cmd_spool_inputs (inputs, error))
    return FALSE;
  dl_partial_list_paths (&s.list);
  s.inputs = inputs;
  const DlCountJob job = { save_worker_new, s.job->worker_free, save_counts_new,
                           save_count,      save_merge,         s.job->counts_free };
  g_autoptr (DlPoolStates) workers = dl_pool_states_new (job.worker_new, job.worker_free, &s);
  g_autoptr (DlOut) out = dl_cmd_open_output (opts, workers, error);
  if (out == NULL)
    return FALSE;
  dl_cmd_count_inputs (&local, opts, inputs, &job, &s, workers);
  env->inputs_read = local.inputs_read;
  env->inputs_failed = local.inputs_failed;
  if (!later_passes (env, opts, inputs, &s, local.inputs_failed - expand_failed, error))
    return FALSE;
  const DlPartialCounts counts
      = { s.ngrams.total != NULL ? dl_ngram_counts_counter (s.ngrams.total) : s.counting.total,
          s.ngrams.total, s.pairs.total, s.stats.total };
  if (!dl_partial_write (dl_out_file (out), &s.list, &counts, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return dl_cmd_commit (env, g_steal_pointer (&out), error);
}

/* ---- derlem count ---- */

typedef struct {
  char *save, *ngrams;
  gint64 pairs;
  gboolean urls, dispersion, stats, ngram_files;
} CountGiven;

static void
count_given_clear (CountGiven *g)
{
  g_clear_pointer (&g->save, g_free);
  g_clear_pointer (&g->ngrams, g_free);
}

/* The tables @given asks for into @tables: FALSE with a usage error if
 * a size or window is out of bounds. */
static gboolean
count_tables (const CountGiven *given, DlPartialTables *tables, GError **error)
{
  *tables = (DlPartialTables){ 0, 0, given->ngram_files, 0, given->stats };
  guint64 a, b;
  if (given->ngrams != NULL
      && (!dl_options_number_pair (given->ngrams, '-', FALSE, &a, &b) || a < DL_NGRAM_MIN
          || b > DL_NGRAM_MAX || a > b))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("--ngrams takes a size N or a range A-B of sizes from %d to %d (got '%s')"),
                   DL_NGRAM_MIN, DL_NGRAM_MAX, given->ngrams);
      return FALSE;
    }
  if (given->ngrams != NULL)
    tables->min_n = (guint) a, tables->max_n = (guint) b;
  else if (given->ngram_files)
    {
      g_set_error_literal (
          error, DL_ERROR, DL_ERROR_USAGE,
          _ ("--ngram-files keeps the files of the n-grams of --ngrams: give both"));
      return FALSE;
    }
  if (given->pairs < 0 || given->pairs > DL_COLLOC_WINDOW_MAX)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   /* Translators: %d is the widest window. */
                   _ ("--pairs takes a window R from 1 to %d (got %lld)"), DL_COLLOC_WINDOW_MAX,
                   (long long) given->pairs);
      return FALSE;
    }
  tables->window = (guint) given->pairs;
  return TRUE;
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CountGiven, count_given_clear)

gboolean
dl_cmd_count (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (DlOptions) opts;
  dl_options_init (&opts);
  g_auto (CountGiven) given = { NULL, NULL, 0, FALSE, FALSE, FALSE, FALSE };
  const GOptionEntry entries[]
      = { { "save", 0, 0, G_OPTION_ARG_FILENAME, &given.save,
            N_ ("Write the counts to FILE, a partial result (required)"), N_ ("FILE") },
          { "urls", 0, 0, G_OPTION_ARG_NONE, &given.urls,
            N_ ("Count URLs and e-mail addresses too (as freq --urls)"), NULL },
          { "dispersion", 0, 0, G_OPTION_ARG_NONE, &given.dispersion,
            N_ ("Keep each word's count in each file, for freq --dispersion"), NULL },
          { "ngrams", 0, 0, G_OPTION_ARG_STRING, &given.ngrams,
            N_ ("Keep the n-grams of N tokens (or A-B), for ngrams -n N"), N_ ("N") },
          { "ngram-files", 0, 0, G_OPTION_ARG_NONE, &given.ngram_files,
            N_ ("And each n-gram's files, for ngrams --unit stem or lemma (about 3 times the "
                "memory)"),
            NULL },
          { "pairs", 0, 0, G_OPTION_ARG_INT64, &given.pairs,
            N_ ("Keep the word pairs up to R tokens apart, for colloc --all --window 0,R"),
            N_ ("R") },
          { "stats", 0, 0, G_OPTION_ARG_NONE, &given.stats,
            N_ ("Keep each file's vocabulary statistics, for stats"), NULL },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context = dl_options_context (
      _ ("PATH... --save PART.dlc"),
      _ ("Count words as freq does and save the counts: a partial result."),
      _ ("A partial result holds what freq and keyness need of the files counted:\n"
         "each word's count, range and files per language, the tokens, and what\n"
         "reading each file reported; with --ngrams, --pairs and --stats also what\n"
         "ngrams, colloc --all and stats need. Given as a PATH, it stands for the\n"
         "files it counted, in their order: those commands print what they print\n"
         "over the files themselves, byte for byte. Count a large corpus in shards\n"
         "(on a cluster, one job each) and join them with derlem merge.\n"
         "\n"
         "Count with the options of the runs that will read it: a run with another\n"
         "--case, --numbers or --urls, or with a language not counted (--lang),\n"
         "refuses it; one may read fewer languages. --dispersion keeps what freq\n"
         "--dispersion needs (memory grows with each word's number of files).\n"
         "ngrams reads sizes within --ngrams (without --contains, which reads the\n"
         "text; with --unit stem or lemma, if --ngram-files kept the n-grams'\n"
         "files); colloc --all reads the window 0,R of --pairs R. --pairs and\n"
         "--stats each read the files once more."),
      entries,
      DL_OPT_LANG | DL_OPT_ASSUME_LANG | DL_OPT_CASE | DL_OPT_NUMBERS | DL_OPT_THREADS
          | DL_OPT_PROGRESS | DL_OPT_ENCODING | DL_OPT_GLOB | DL_OPT_META | DL_OPT_FAST_PATH,
      &opts);
  if (!dl_options_parse (context, &opts, &argc, &argv, error))
    return FALSE;
  if (given.save == NULL || strcmp (given.save, "-") == 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   /* Translators: derlem count PATH... --save PART.dlc */
                   _ ("count writes a file: give it with --save PART.dlc"));
      return FALSE;
    }
  /* -o's checks: never over an input, written atomically. */
  opts.output = g_strdup (given.save);
  DlCounterOptions co;
  dl_cmd_counter_options (&opts, &co);
  co.kinds[DL_TOKEN_URL] = co.kinds[DL_TOKEN_EMAIL] = given.urls;
  co.track_files = TRUE;
  co.track_counts = given.dispersion;
  DlPartialTables tables;
  if (!count_tables (&given, &tables, error))
    return FALSE;
  return save_run (env, &opts, argv + 1, &co, &tables, given.save, error);
}

/* ---- derlem merge ---- */

/* Parts by their first inputs (those with none first), then by path. */
static int
compare_parts (gconstpointer pa, gconstpointer pb)
{
  const DlPartial *a = *(DlPartial *const *) pa, *b = *(DlPartial *const *) pb;
  gboolean ea = dl_partial_n_inputs (a) == 0, eb = dl_partial_n_inputs (b) == 0;
  if (ea != eb)
    return ea ? -1 : 1;
  int c
      = ea ? 0 : dl_cmd_compare_paths (dl_partial_input_path (a, 0), dl_partial_input_path (b, 0));
  return c != 0 ? c : strcmp (dl_partial_path (a), dl_partial_path (b));
}

/* Opens @paths as partial results in the order merge puts them, checks
 * that they were counted alike and that no input is in two: the parts
 * (DlPartial), or NULL with @error. */
static GPtrArray *
open_parts (char **paths, GError **error)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_partial_unref);
  for (char **p = paths; *p != NULL; p++)
    {
      if (!dl_partial_is_partial (*p) && g_file_test (*p, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       _ ("%s is not a partial result (derlem count --save makes one)"), *p);
          return NULL;
        }
      DlPartial *part = dl_partial_open (*p, error);
      if (part == NULL)
        {
          g_prefix_error (error, "%s: ", *p);
          return NULL;
        }
      g_ptr_array_add (parts, part);
    }
  g_ptr_array_sort (parts, compare_parts);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < parts->len; i++)
    {
      const DlPartial *part = parts->pdata[i], *first = parts->pdata[0];
      if (dl_partial_variant (part) != dl_partial_variant (first)
          || dl_partial_has_files (part) != dl_partial_has_files (first)
          || dl_partial_has_counts (part) != dl_partial_has_counts (first)
          || memcmp (dl_partial_tables (part), dl_partial_tables (first), sizeof (DlPartialTables))
                 != 0)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_COUNTS,
                       /* Translators: two partial results counted with other options. */
                       _ ("%s and %s were counted with other options: count them alike"),
                       dl_partial_path (first), dl_partial_path (part));
          return NULL;
        }
      for (guint k = 0; k < dl_partial_n_inputs (part); k++)
        {
          const char *input = dl_partial_input_path (part, k);
          const DlPartial *other = g_hash_table_lookup (seen, input);
          if (other != NULL)
            {
              g_set_error (error, DL_ERROR, DL_ERROR_COUNTS,
                           /* Translators: an input counted in two partial results. */
                           _ ("%s is in %s and in %s: each file is counted once"), input,
                           dl_partial_path (other), dl_partial_path (part));
              return NULL;
            }
          g_hash_table_insert (seen, (gpointer) input, (gpointer) part);
        }
    }
  return g_steal_pointer (&parts);
}

gboolean
dl_cmd_merge (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (DlOptions) opts;
  dl_options_init (&opts);
  g_autoptr (GOptionContext) context = dl_options_context (
      _ ("PART.dlc... -o ALL.dlc"), _ ("Join partial results (derlem count --save) into one."),
      _ ("The result is what derlem count would have saved over the files of all\n"
         "the parts at once. The parts are put in the order of their first files\n"
         "(as a walk of their directories orders them), so that parts of one list\n"
         "of files, cut into runs, give the same result in any order and grouping.\n"
         "Parts counted with other options, or that share a file, are refused;\n"
         "what reading their files reported is reported again, and a part whose\n"
         "files could not all be read makes the exit status 1."),
      NULL, DL_OPT_OUTPUT | DL_OPT_THREADS | DL_OPT_PROGRESS, &opts);
  if (!dl_options_parse (context, &opts, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("merge needs a PART.dlc"));
      return FALSE;
    }
  if (opts.output == NULL || strcmp (opts.output, "-") == 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   /* Translators: derlem merge PART.dlc... -o ALL.dlc */
                   _ ("merge writes a file: give it with -o ALL.dlc"));
      return FALSE;
    }
  g_autoptr (GPtrArray) parts = open_parts (argv + 1, error);
  if (parts == NULL)
    return FALSE;
  g_autofree char **paths = g_new0 (char *, parts->len + 1);
  for (guint i = 0; i < parts->len; i++)
    paths[i] = (char *) dl_partial_path (parts->pdata[i]);
  const DlPartial *first = parts->pdata[0];
  DlCounterOptions co;
  dl_counter_options_from_variant (&co, dl_partial_variant (first));
  co.track_files = dl_partial_has_files (first);
  co.track_counts = dl_partial_has_counts (first);
  gboolean ok = save_run (env, &opts, paths, &co, dl_partial_tables (first), opts.output, error);
  /* Which parts are incomplete, so that a merge job says which shard failed. */
  for (guint i = 0; i < parts->len; i++)
    {
      const DlPartial *part = parts->pdata[i];
      guint failed = dl_partial_failures (part);
      if (failed > 0)
        dl_diag_report (env->diag, DL_DIAG_ERROR, dl_partial_path (part), 0,
                        ngettext ("%u file could not be read when it was counted",
                                  "%u files could not be read when it was counted", failed),
                        failed);
    }
  return ok;
}
