/* cmd-common.c — what every command does the same way: find its inputs,
 * count them. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "index.h"
#include "error.h"
#include "i18n.h"
#include "partial.h"
#include "meta.h"
#include "paths.h"
#include "pool.h"
#include "printable.h"
#include "source.h"
#include "stream.h"
#include "terminal.h"

DlDocumentOptions
dl_cmd_document_options (const DlOptions *opts)
{
  return (DlDocumentOptions){ .encoding = opts->has_encoding ? &opts->encoding : NULL,
                              .assume = opts->assume,
                              .assume_lang = opts->assume_lang,
                              .progress = opts->progress_counts,
                              .parts = opts->parts };
}

void
dl_cmd_counter_options (const DlOptions *opts, DlCounterOptions *co)
{
  dl_counter_options_init (co);
  co->casing = opts->casing;
  co->kinds[DL_TOKEN_NUMBER] = opts->numbers;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    co->langs[l] = l != DL_LANG_OTHER && dl_options_wants (opts, l);
}

gboolean
dl_cmd_list_tools (const DlOptions *opts, const char *default_stoplist, DlListTools *tools,
                   GError **error)
{
  *tools = (DlListTools){ NULL, NULL, NULL, NULL };
  g_auto (DlListTools) made = { NULL, NULL, NULL, NULL };
  const char *spec = opts->stoplist != NULL ? opts->stoplist : default_stoplist;
  if ((made.norm = dl_normalizer_new (error)) == NULL)
    return FALSE;
  if (strcmp (spec, "none") != 0
      && (made.stoplist = dl_stoplist_load (spec, made.norm, error)) == NULL)
    return FALSE;
  if (opts->unit == DL_UNIT_STEM && (made.stemmer = dl_stemmer_new (error)) == NULL)
    return FALSE;
  if (opts->unit == DL_UNIT_LEMMA && (made.lemmatizer = dl_lemmatizer_new (error)) == NULL)
    return FALSE;
  /* All made: hand them out. */
  *tools = made;
  made = (DlListTools){ NULL, NULL, NULL, NULL };
  return TRUE;
}

void
dl_cmd_list_tools_clear (DlListTools *tools)
{
  g_clear_pointer (&tools->stemmer, dl_stemmer_free);
  g_clear_pointer (&tools->lemmatizer, dl_lemmatizer_free);
  g_clear_pointer (&tools->stoplist, dl_stoplist_free);
  g_clear_pointer (&tools->norm, dl_normalizer_free);
}

DlUnits *
dl_cmd_units (const DlOptions *opts, const DlListTools *tools, const DlCounter *counter,
              DlLang lang)
{
  DlUnitsOptions uo
      = { opts->unit, tools->stemmer, tools->lemmatizer, tools->stoplist, tools->norm };
  return dl_units_new (counter, lang, &uo);
}

/* What a reporting pass or an expansion made of the inputs: the
 * diagnostics go on to the run's, an error about a file with no line (the
 * input could not be read at all) marks the input being worked on. */
typedef struct {
  DlEnv *env;
  gboolean failed; /* the current input (or some path) could not be read */
  DlPoolWork work;
  DlPoolEmit emit;
  gpointer user_data;
} Tally;

static void
tally_diag (DlDiagLevel level, const char *file, guint64 line, const char *message,
            gpointer user_data)
{
  Tally *t = user_data;
  if (level == DL_DIAG_ERROR && file != NULL && line == 0)
    t->failed = TRUE;
  dl_diag_report (t->env->diag, level, file, line, "%s", message);
}

int
dl_cmd_compare_paths (const char *a, const char *b)
{
  for (;;)
    {
      gsize la = strcspn (a, "/"), lb = strcspn (b, "/");
      int c = memcmp (a, b, MIN (la, lb));
      if (c != 0)
        return c;
      if (la != lb)
        return la < lb ? -1 : 1;
      if (a[la] == '\0' || b[lb] == '\0')
        return (a[la] != '\0') - (b[lb] != '\0');
      a += la + 1;
      b += lb + 1;
    }
}

/* Leaves out of @inputs those of partial results, an error about each
 * partial result, for a command that reads text. */
static void
drop_partials (DlEnv *env, GPtrArray *inputs)
{
  guint kept = 0;
  for (guint i = 0; i < inputs->len; i++)
    {
      DlInput *input = inputs->pdata[i];
      if (input->partial == NULL)
        {
          inputs->pdata[kept++] = input;
          continue;
        }
      if (input->entry == 0)
        {
          dl_diag_report (env->diag, DL_DIAG_ERROR, dl_partial_path (input->partial), 0,
                          /* Translators: a file made by `derlem count --save` was
                             given to a command that reads text. */
                          _ ("a partial result of derlem count: only freq, keyness, ngrams, "
                             "colloc --all, stats, count and merge read one"));
          env->inputs_failed++;
        }
      dl_input_free (input);
    }
  inputs->len = kept;
}

GPtrArray *
dl_cmd_expand (DlEnv *env, const char *const *paths, const char *glob)
{
  Tally t = { env, FALSE, NULL, NULL, NULL };
  g_autoptr (DlDiag) diag = dl_diag_new (tally_diag, &t);
  GPtrArray *inputs = dl_source_expand (paths, glob, diag);
  env->inputs_failed += t.failed;
  if (!env->reads_counts)
    drop_partials (env, inputs);
  return inputs;
}

gboolean
dl_cmd_spill_error (int errsv, GError **error)
{
  g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot write a temporary file: %s"),
               g_strerror (errsv ? errsv : EIO));
  return FALSE;
}

gboolean
dl_cmd_commit (DlEnv *env, DlOut *out, GError **error)
{
  const char *path = dl_out_path (out);
  if (path == NULL || env->inputs_read > 0 || env->inputs_failed == 0)
    return dl_out_close (out, TRUE, error);
  g_set_error (error, DL_ERROR, DL_ERROR_IO,
               /* Translators: -o FILE is kept as it was (or not made). */
               _ ("no input could be read: %s not written"), path);
  dl_out_discard (out);
  return FALSE;
}

/* The files named by @paths, or stdin, or the bundled corpus; *@manifest
 * is the bundled corpus's metadata table, or the first named index's
 * (g_free), NULL otherwise. */
static GPtrArray *
named_inputs (DlEnv *env, const DlOptions *opts, char **paths, char **manifest)
{
  *manifest = NULL;
  if (paths != NULL && paths[0] != NULL)
    {
      GPtrArray *inputs = dl_cmd_expand (env, (const char *const *) paths, opts->glob);
      /* An index comes with the table it was built with. */
      for (guint i = 0; i < inputs->len && *manifest == NULL; i++)
        {
          const DlInput *input = inputs->pdata[i];
          if (input->index != NULL && dl_index_meta_path (input->index) != NULL)
            *manifest = g_strdup (dl_index_meta_path (input->index));
        }
      return inputs;
    }
  if (dl_source_stdin_has_data ())
    {
      const char *const stdin_only[] = { "-", NULL };
      return dl_cmd_expand (env, stdin_only, opts->glob);
    }
  g_autofree char *corpus = dl_paths_corpus ();
  dl_diag_report (env->diag, DL_DIAG_NOTE, NULL, 0,
                  _ ("no PATH given: reading the bundled sample corpus in %s"), corpus);
  *manifest = g_build_filename (corpus, "MANIFEST.tsv", NULL);
  const char *const bundled[] = { corpus, NULL };
  /* The bundled corpus is *.txt whatever --glob says. */
  return dl_cmd_expand (env, bundled, NULL);
}

/* FALSE with a usage error if -o names one of @inputs: derlem never writes
 * over what it reads (the rename would replace it once it was read). */
static gboolean
output_is_not_input (const DlOptions *opts, GPtrArray *inputs, GError **error)
{
  struct stat out;
  if (opts->output == NULL || strcmp (opts->output, "-") == 0 || stat (opts->output, &out) != 0
      || !S_ISREG (out.st_mode))
    return TRUE;
  for (guint i = 0; i < inputs->len; i++)
    {
      const DlInput *input = inputs->pdata[i];
      const char *path = input->partial != NULL ? dl_partial_path (input->partial) : input->path;
      struct stat in;
      if (!input->is_stdin && stat (path, &in) == 0 && in.st_dev == out.st_dev
          && in.st_ino == out.st_ino)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       _ ("-o %s is an input; derlem never writes over what it reads"),
                       opts->output);
          return FALSE;
        }
    }
  return TRUE;
}

/* FALSE with a usage error if a partial result is among @inputs with
 * --meta, --where, --exclude or --by: its counts are of all its inputs at
 * once, which cannot be told apart again. */
static gboolean
partials_whole (const DlOptions *opts, GPtrArray *inputs, GError **error)
{
  if (opts->meta == NULL && opts->by == NULL && opts->where == NULL && opts->exclude == NULL)
    return TRUE;
  for (guint i = 0; i < inputs->len; i++)
    {
      const DlInput *input = inputs->pdata[i];
      if (input->partial != NULL)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       _ ("%s is a partial result, counted as a whole: --meta, --where, "
                          "--exclude and --by select files to count (give them to derlem "
                          "count)"),
                       dl_partial_path (input->partial));
          return FALSE;
        }
    }
  return TRUE;
}

/* dl_cmd_parts, the metadata table read (or NULL) in *@meta_out when it
 * is not NULL. */
static GPtrArray *
select_parts (DlEnv *env, const DlOptions *opts, char **paths, DlMeta **meta_out, GError **error)
{
  g_autofree char *manifest = NULL;
  g_autoptr (GPtrArray) inputs = named_inputs (env, opts, paths, &manifest);
  if (!output_is_not_input (opts, inputs, error) || !partials_whole (opts, inputs, error))
    return NULL;
  /* The bundled corpus comes with its table. */
  const char *meta_path = opts->meta != NULL ? opts->meta : manifest;
  g_autoptr (DlMeta) meta = NULL;
  if (meta_path != NULL && (meta = dl_meta_load (meta_path, env->diag, error)) == NULL)
    return NULL;
  DlSelect sel
      = { meta, (const char *const *) opts->where, (const char *const *) opts->exclude, opts->by };
  if (!dl_select_check (&sel, error))
    return NULL;
  guint named = inputs->len;
  GPtrArray *parts = dl_select_parts (&sel, inputs, env->diag);
  guint kept = 0;
  for (guint p = 0; p < parts->len; p++)
    kept += ((DlPart *) parts->pdata[p])->inputs->len;
  if (named > 0 && kept == 0)
    dl_diag_report (env->diag, DL_DIAG_WARNING, NULL, 0,
                    /* Translators: every input was left out by the selection. */
                    _ ("--where and --exclude left no file to read"));
  if (meta_out != NULL)
    *meta_out = g_steal_pointer (&meta);
  return parts;
}

GPtrArray *
dl_cmd_parts (DlEnv *env, const DlOptions *opts, char **paths, GError **error)
{
  return select_parts (env, opts, paths, NULL, error);
}

GPtrArray *
dl_cmd_inputs_meta (DlEnv *env, const DlOptions *opts, char **paths, DlMeta **meta, GError **error)
{
  g_return_val_if_fail (opts->by == NULL, NULL);
  *meta = NULL;
  g_autoptr (GPtrArray) parts = select_parts (env, opts, paths, meta, error);
  if (parts == NULL)
    return NULL;
  DlPart *all = parts->pdata[0];
  return g_steal_pointer (&all->inputs);
}

GPtrArray *
dl_cmd_inputs (DlEnv *env, const DlOptions *opts, char **paths, GError **error)
{
  g_autoptr (DlMeta) meta = NULL;
  return dl_cmd_inputs_meta (env, opts, paths, &meta, error);
}

typedef struct {
  const DlCountJob *job;
  gpointer user_data;
  DlPoolStates *workers; /* NULL without workers */
  guint32 files;
} CountRun;

static gpointer
count_work (const DlInput *input, const DlDiag *diag, gpointer p)
{
  CountRun *run = p;
  gpointer counts = run->job->counts_new (run->user_data);
  g_autoptr (GError) error = NULL;
  gpointer w = run->workers != NULL ? dl_pool_states_take (run->workers, &error) : NULL;
  if ((run->workers != NULL && w == NULL)
      || !run->job->count (w, input, diag, counts, run->user_data, &error))
    dl_diag_error (diag, input->path, error);
  if (w != NULL)
    dl_pool_states_give (run->workers, w);
  return counts;
}

static void
count_emit (const DlInput *input, gpointer counts, gpointer p)
{
  (void) input;
  CountRun *run = p;
  run->job->merge (counts, run->files++, run->user_data);
}

DlOut *
dl_cmd_open_output (const DlOptions *opts, DlPoolStates *workers, GError **error)
{
  if (workers != NULL)
    {
      gpointer first = dl_pool_states_take (workers, error);
      if (first == NULL)
        return NULL;
      dl_pool_states_give (workers, first);
    }
  return dl_out_open (opts->output, error);
}

static gpointer
tally_work (const DlInput *input, const DlDiag *diag, gpointer user_data)
{
  Tally *t = user_data;
  return t->work (input, diag, t->user_data);
}

/* An input's diagnostics have reached tally_diag before its result comes
 * (the pool replays them first; with one thread they come as it works). */
static void
tally_emit (const DlInput *input, gpointer result, gpointer user_data)
{
  Tally *t = user_data;
  if (t->failed)
    t->env->inputs_failed++;
  else
    t->env->inputs_read++;
  t->failed = FALSE;
  t->emit (input, result, t->user_data);
}

void
dl_cmd_pool_run (DlEnv *env, const DlOptions *opts, GPtrArray *inputs, guint threads,
                 DlPoolWork work, DlPoolWeigh weigh, DlPoolEmit emit, GDestroyNotify free_result,
                 gpointer user_data)
{
  Tally t = { env, FALSE, work, emit, user_data };
  g_autoptr (DlDiag) diag = dl_diag_new (tally_diag, &t);
  DlProgress *progress = opts->progress_counts;
  if (progress == NULL || env->progress_line == NULL)
    {
      dl_pool_run (inputs, threads, tally_work, weigh, tally_emit, free_result, diag, NULL, &t);
      return;
    }
  dl_progress_begin (progress, inputs);
  dl_progress_line_start (env->progress_line, progress);
  dl_pool_run (inputs, threads, tally_work, weigh, tally_emit, free_result, diag, progress, &t);
  dl_progress_line_stop (env->progress_line);
}

void
dl_cmd_count_inputs (DlEnv *env, const DlOptions *opts, GPtrArray *inputs, const DlCountJob *job,
                     gpointer user_data, DlPoolStates *workers)
{
  CountRun run = { job, user_data, workers, 0 };
  dl_cmd_pool_run (env, opts, inputs, (guint) opts->threads, count_work, NULL, count_emit,
                   job->counts_free, &run);
}

gboolean
dl_cmd_check_partials (GPtrArray *inputs, const DlCounterOptions *co, const DlPartialTables *need,
                       GError **error)
{
  for (guint i = 0; i < inputs->len; i++)
    {
      const DlInput *input = inputs->pdata[i];
      g_autoptr (GError) local = NULL;
      if (input->partial != NULL && input->entry == 0
          && !dl_partial_check_options (input->partial, co, need, &local))
        {
          g_set_error_literal (error, DL_ERROR, DL_ERROR_USAGE, local->message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
dl_cmd_check_parts (GPtrArray *parts, const DlCounterOptions *co, const DlPartialTables *need,
                    GError **error)
{
  for (guint p = 0; p < parts->len; p++)
    if (!dl_cmd_check_partials (((DlPart *) parts->pdata[p])->inputs, co, need, error))
      return FALSE;
  return TRUE;
}

const char *
dl_cmd_first_partial (GPtrArray *parts)
{
  for (guint p = 0; p < parts->len; p++)
    {
      const GPtrArray *inputs = ((DlPart *) parts->pdata[p])->inputs;
      for (guint i = 0; i < inputs->len; i++)
        if (((const DlInput *) inputs->pdata[i])->partial != NULL)
          return dl_partial_path (((const DlInput *) inputs->pdata[i])->partial);
    }
  return NULL;
}

gboolean
dl_cmd_partial_counts (const DlInput *input, const DlDiag *diag, DlProgress *progress)
{
  dl_partial_replay (input->partial, input->entry, diag);
  if (input->entry > 0)
    return FALSE;
  dl_progress_add_bytes (progress, (guint64) MAX (dl_input_size (input), 0));
  return TRUE;
}

/* The counting job: a token stream per thread (its tokenizer set up once,
 * not for every input: on 2,000 small files, 12% of the instructions). */
static gpointer
counting_worker_new (gpointer user_data, GError **error)
{
  return dl_counter_stream_new (&((DlCounting *) user_data)->counter_options, error);
}

static void
counting_worker_free (gpointer p)
{
  dl_stream_free (p);
}

static gpointer
counting_counts_new (gpointer user_data)
{
  return dl_counter_new (&((DlCounting *) user_data)->counter_options);
}

static gboolean
counting_count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
                gpointer user_data, GError **error)
{
  if (input->partial != NULL)
    return !dl_cmd_partial_counts (input, diag, ((DlCounting *) user_data)->doc_options.progress)
           || dl_partial_load_counter (input->partial, counts, error);
  return dl_counter_count_stream (counts, worker, input, &((DlCounting *) user_data)->doc_options,
                                  diag, error);
}

static void
counting_merge (gpointer counts, guint32 file, gpointer user_data)
{
  dl_counter_merge (((DlCounting *) user_data)->total, counts, file);
}

static void
counting_counts_free (gpointer p)
{
  dl_counter_free (p);
}

const DlCountJob dl_cmd_counting_job
    = { counting_worker_new, counting_worker_free, counting_counts_new,
        counting_count,      counting_merge,       counting_counts_free };

static gpointer
colloc_worker_new (gpointer user_data, GError **error)
{
  DlCollocating *run = user_data;
  return dl_colloc_new (run->node, &run->opts, error);
}

static void
colloc_worker_free (gpointer p)
{
  dl_colloc_free (p);
}

static gpointer
colloc_counts_new (gpointer user_data)
{
  return dl_colloc_counts_new (&((DlCollocating *) user_data)->opts);
}

static gboolean
colloc_count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
              gpointer user_data, GError **error)
{
  DlCollocating *run = user_data;
  if (input->partial != NULL && run->opts.all)
    return !dl_cmd_partial_counts (input, diag, run->doc_options.progress)
           || dl_partial_load_pairs (input->partial, counts, error);
  return dl_colloc_input (worker, input, &run->doc_options, diag, counts, error);
}

static void
colloc_merge (gpointer counts, guint32 file, gpointer user_data)
{
  dl_colloc_counts_merge (((DlCollocating *) user_data)->total, counts, file);
}

static void
colloc_counts_free (gpointer p)
{
  dl_colloc_counts_free (p);
}

const DlCountJob dl_cmd_colloc_job = { colloc_worker_new, colloc_worker_free, colloc_counts_new,
                                       colloc_count,      colloc_merge,       colloc_counts_free };

/* The n-grams job: an n-gram counter per thread. */
static gpointer
ngrams_worker_new (gpointer user_data, GError **error)
{
  return dl_ngrams_new (&((DlNgramCounting *) user_data)->opts, error);
}

static void
ngrams_worker_free (gpointer p)
{
  dl_ngrams_free (p);
}

static gpointer
ngrams_counts_new (gpointer user_data)
{
  return dl_ngram_counts_new (&((DlNgramCounting *) user_data)->opts);
}

static gboolean
ngrams_count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
              gpointer user_data, GError **error)
{
  const DlNgramCounting *run = user_data;
  if (input->partial != NULL)
    return !dl_cmd_partial_counts (input, diag, run->doc_options.progress)
           || dl_partial_load_ngrams (input->partial, counts, error);
  return dl_ngrams_input (worker, input, &run->doc_options, diag, counts, error);
}

static void
ngrams_merge (gpointer counts, guint32 file, gpointer user_data)
{
  dl_ngram_counts_merge (((DlNgramCounting *) user_data)->total, counts, file);
}

static void
ngrams_counts_free (gpointer p)
{
  dl_ngram_counts_free (p);
}

const DlCountJob dl_cmd_ngrams_job = { ngrams_worker_new, ngrams_worker_free, ngrams_counts_new,
                                       ngrams_count,      ngrams_merge,       ngrams_counts_free };

/* The finding job: a dispersion finder per thread. */
static gpointer
finding_worker_new (gpointer user_data, GError **error)
{
  DlFinding *f = user_data;
  return dl_dispersion_finder_new (f->queries, f->n_queries, &f->query_options, &f->options, error);
}

static void
finding_worker_free (gpointer p)
{
  dl_dispersion_finder_free (p);
}

static gpointer
finding_counts_new (gpointer user_data)
{
  return dl_dispersion_file_new (((DlFinding *) user_data)->n_queries);
}

static gboolean
finding_count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
               gpointer user_data, GError **error)
{
  const DlFinding *f = user_data;
  return dl_dispersion_finder_input (worker, input, &f->doc_options, diag, counts, error);
}

static void
finding_merge (gpointer counts, guint32 file, gpointer user_data)
{
  dl_dispersion_total_merge (((DlFinding *) user_data)->total, counts, file);
}

static void
finding_counts_free (gpointer p)
{
  dl_dispersion_file_free (p);
}

const DlCountJob dl_cmd_finding_job
    = { finding_worker_new, finding_worker_free, finding_counts_new,
        finding_count,      finding_merge,       finding_counts_free };

/* The vocabulary statistics job: a token stream and normalizer per thread. */
static gpointer
lexstats_worker_new (gpointer user_data, GError **error)
{
  return dl_lexstats_worker_new (&((DlLexCounting *) user_data)->counter_options, error);
}

static void
lexstats_worker_free (gpointer p)
{
  dl_lexstats_worker_free (p);
}

static gpointer
lexstats_counts_new (gpointer user_data)
{
  return dl_lexstats_input_new (&((DlLexCounting *) user_data)->counter_options);
}

static gboolean
lexstats_count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
                gpointer user_data, GError **error)
{
  const DlLexCounting *run = user_data;
  if (input->partial != NULL)
    return !dl_cmd_partial_counts (input, diag, run->doc_options.progress)
           || dl_partial_load_stats (input->partial, counts, error);
  return dl_lexstats_count (counts, worker, input, &run->doc_options, diag, error);
}

static void
lexstats_merge (gpointer counts, guint32 file, gpointer user_data)
{
  dl_lexstats_merge (((DlLexCounting *) user_data)->total, counts, file);
}

static void
lexstats_counts_free (gpointer p)
{
  dl_lexstats_input_free (p);
}

const DlCountJob dl_cmd_lexstats_job
    = { lexstats_worker_new, lexstats_worker_free, lexstats_counts_new,
        lexstats_count,      lexstats_merge,       lexstats_counts_free };

gboolean
dl_cmd_run_job (DlEnv *env, const DlOptions *opts, GPtrArray *inputs, const DlCountJob *job,
                gpointer user_data, GError **error)
{
  g_autoptr (DlPoolStates) workers = NULL;
  if (job->worker_new != NULL)
    {
      workers = dl_pool_states_new (job->worker_new, job->worker_free, user_data);
      gpointer first = dl_pool_states_take (workers, error);
      if (first == NULL)
        return FALSE;
      dl_pool_states_give (workers, first);
    }
  dl_cmd_count_inputs (env, opts, inputs, job, user_data, workers);
  return TRUE;
}

gboolean
dl_cmd_spool_inputs (GPtrArray *inputs, GError **error)
{
  for (guint i = 0; i < inputs->len; i++)
    if (!dl_input_rereadable (inputs->pdata[i]) && !dl_input_spool (inputs->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* Every input of @parts (borrowed from them). */
static GPtrArray *
parts_inputs (GPtrArray *parts)
{
  GPtrArray *inputs = g_ptr_array_new ();
  for (guint p = 0; p < parts->len; p++)
    {
      const DlPart *part = parts->pdata[p];
      for (guint i = 0; i < part->inputs->len; i++)
        g_ptr_array_add (inputs, part->inputs->pdata[i]);
    }
  return inputs;
}

gboolean
dl_cmd_query_units (DlEnv *env, const DlOptions *opts, GPtrArray *parts, const DlListTools *tools,
                    DlQueryUnits *qu, GError **error)
{
  g_autoptr (GPtrArray) inputs = parts_inputs (parts);
  if ((qu->counter = dl_cmd_count_first (env, opts, inputs, error)) == NULL)
    return FALSE;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (dl_counter_options (qu->counter)->langs[l])
      qu->units[l] = dl_cmd_units (opts, tools, qu->counter, l);
  return TRUE;
}

DlCounter *
dl_cmd_count_first (DlEnv *env, const DlOptions *opts, GPtrArray *inputs, GError **error)
{
  if (!dl_cmd_spool_inputs (inputs, error))
    return NULL;
  DlCounting pass = { { 0 }, dl_cmd_document_options (opts), NULL };
  dl_cmd_counter_options (opts, &pass.counter_options);
  /* Numbers too: a query may name one (`1990` finds `1990’ların`). */
  pass.counter_options.kinds[DL_TOKEN_NUMBER] = TRUE;
  g_autoptr (DlCounter) counter = pass.total = dl_counter_new (&pass.counter_options);
  /* The second pass says what is wrong with an input: this one is quiet. */
  g_autoptr (DlDiag) quiet = dl_diag_new_buffer ();
  DlEnv quiet_env = { .diag = quiet, .progress_line = env->progress_line };
  if (!dl_cmd_run_job (&quiet_env, opts, inputs, &dl_cmd_counting_job, &pass, error))
    return NULL;
  return g_steal_pointer (&counter);
}

void
dl_cmd_query_units_clear (DlQueryUnits *qu)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_clear_pointer (&qu->units[l], dl_units_free);
      g_clear_pointer (&qu->stems[l], dl_units_free);
      g_clear_pointer (&qu->lemmas[l], dl_units_free);
    }
  g_clear_pointer (&qu->counter, dl_counter_free);
}

DlWriter *
dl_cmd_writer (const DlOptions *opts, DlOut *out, const DlColumn *columns, guint n_columns,
               const char *title, const DlWriterOptions *extra)
{
  FILE *fp = dl_out_file (out);
  DlWriterOptions wo = { 0 };
  if (extra != NULL)
    wo = *extra;
  wo.title = title;
  wo.color = opts->format == DL_FORMAT_TEXT && dl_options_color (opts, fileno (fp));
  /* Machine formats are never cut; HTML and Markdown are laid out by what
   * shows them. */
  wo.line_width = opts->format == DL_FORMAT_TEXT ? dl_terminal_columns (fileno (fp)) : 0;
  /* The progress line is in the way of rows only on its own terminal. */
  if (!isatty (fileno (fp)) || opts->progress_counts == NULL)
    wo.progress_line = NULL;
  if (opts->bom)
    fputs ("\xEF\xBB\xBF", fp); /* U+FEFF: spreadsheets then read UTF-8 */
  return dl_writer_new (fp, opts->format, columns, n_columns, &wo);
}

char *
dl_cmd_root (GPtrArray *parts)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new (); /* borrowed from the parts */
  for (guint p = 0; p < parts->len; p++)
    {
      const DlPart *part = parts->pdata[p];
      g_ptr_array_extend (inputs, part->inputs, NULL, NULL);
    }
  return dl_source_common_root (inputs);
}

void
dl_cmd_writer_part (DlWriter *w, const DlOptions *opts, const DlPart *part)
{
  if (part->value == NULL)
    return;
  /* --by file: the part is a path, shown as the table's paths are, and
   * escaped as they are in the part column too. */
  gboolean file = strcmp (opts->by, "file") == 0;
  g_autofree char *shown = file ? dl_writer_path (w, part->value) : NULL;
  g_autofree char *value = file ? dl_printable_name (part->value) : NULL;
  g_autofree char *label = g_strdup_printf ("%s=%s", opts->by, file ? shown : part->value);
  dl_writer_group (w, file ? value : part->value, label);
}

/* Counts one part of the inputs and writes its sections. */
static gboolean
report_part (DlEnv *env, const DlOptions *opts, const DlPart *part, const DlCountReport *report,
             DlPoolStates *workers, DlWriter *w, gpointer job_data, gpointer user_data,
             GError **error)
{
  dl_cmd_writer_part (w, opts, part);
  report->begin (user_data, part);
  dl_cmd_count_inputs (env, opts, part->inputs, report->job, job_data, workers);
  static const DlLang order[] = { DL_LANG_TR, DL_LANG_EN };
  gboolean ok = TRUE;
  for (gsize i = 0; ok && i < G_N_ELEMENTS (order); i++)
    if (report->langs[order[i]])
      ok = report->write (user_data, order[i], w, error);
  report->end (user_data);
  return ok;
}

gboolean
dl_cmd_count_report (DlEnv *env, const DlOptions *opts, GPtrArray *parts,
                     const DlCountReport *report, gpointer user_data, GError **error)
{
  return dl_cmd_count_report_full (env, opts, parts, report, user_data, user_data, error);
}

gboolean
dl_cmd_count_report_full (DlEnv *env, const DlOptions *opts, GPtrArray *parts,
                          const DlCountReport *report, gpointer job_data, gpointer user_data,
                          GError **error)
{
  const DlCountJob *job = report->job;
  g_autoptr (DlPoolStates) workers = NULL;
  if (job->worker_new != NULL)
    workers = dl_pool_states_new (job->worker_new, job->worker_free, job_data);
  g_autoptr (DlOut) out
      = dl_cmd_open_output (opts, workers, error); /* discarded unless all goes well */
  if (out == NULL)
    return FALSE;
  g_autofree char *root = dl_cmd_root (parts);
  const DlWriterOptions wo = { .group = opts->by != NULL ? "part" : NULL, .root = root };
  DlWriter *w = dl_cmd_writer (opts, out, report->columns, report->n_columns, report->title, &wo);
  gboolean ok = TRUE;
  for (guint p = 0; ok && p < parts->len; p++)
    ok = report_part (env, opts, parts->pdata[p], report, workers, w, job_data, user_data, error);
  dl_writer_end (w);
  return ok && dl_cmd_commit (env, g_steal_pointer (&out), error);
}

DlFreqTsv *
dl_cmd_read_freq_list (const DlOptions *opts, const char *path, const DlDiag *diag, GError **error)
{
  g_autoptr (DlFreqTsv) list = dl_freqtsv_read (path, diag, error);
  if (list == NULL)
    return NULL;
  gboolean units = dl_freqtsv_has_units (list);
  if (units && opts->unit == DL_UNIT_FORM)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("%s is a list of stems or lemmas (it has a unit column): give the "
                      "--unit it was made with"),
                   path);
      return NULL;
    }
  if (!units && opts->unit != DL_UNIT_FORM)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("%s is a list of word forms (it has no unit column): use --unit form, "
                      "or make the list with --unit %s"),
                   path, opts->unit == DL_UNIT_STEM ? "stem" : "lemma");
      return NULL;
    }
  return g_steal_pointer (&list);
}

DlColumnFlags
dl_cmd_totals_flags (const DlOptions *opts)
{
  gboolean shown = opts->totals || opts->format == DL_FORMAT_JSON;
  return DL_COLUMN_MACHINE | (shown ? 0 : DL_COLUMN_OFF);
}

DlQueryOptions
dl_cmd_query_options (const DlOptions *opts, const DlQueryUnits *qu)
{
  DlQueryOptions qo = { opts->unit, opts->casing, { NULL }, { NULL }, { NULL } };
  for (int l = 0; qu != NULL && l < DL_LANG_COUNT; l++)
    {
      qo.units[l] = qu->units[l];
      qo.stems[l] = qu->stems[l];
      qo.lemmas[l] = qu->lemmas[l];
    }
  return qo;
}

gboolean
dl_cmd_prepare_queries (DlEnv *env, const DlOptions *opts, GPtrArray *parts, GPtrArray *queries,
                        DlListTools *tools, DlQueryUnits *qu, GError **error)
{
  /* CQL's stem and lemma are the VRT export's: --unit stem's and lemma's
   * units, whatever --unit is. */
  gboolean stems = FALSE, lemmas = FALSE;
  for (guint q = 0; q < queries->len; q++)
    {
      const DlCql *cql = dl_query_cql (queries->pdata[q]);
      stems = stems || (cql != NULL && dl_cql_uses (cql, DL_CQL_STEM));
      lemmas = lemmas || (cql != NULL && dl_cql_uses (cql, DL_CQL_LEMMA));
    }
  if (opts->unit == DL_UNIT_FORM && !stems && !lemmas)
    return TRUE;
  if (!dl_cmd_list_tools (opts, "none", tools, error)
      || (stems && tools->stemmer == NULL && (tools->stemmer = dl_stemmer_new (error)) == NULL)
      || (lemmas && tools->lemmatizer == NULL
          && (tools->lemmatizer = dl_lemmatizer_new (error)) == NULL))
    return FALSE;
  if (opts->unit != DL_UNIT_FORM)
    {
      if (!dl_cmd_query_units (env, opts, parts, tools, qu, error))
        return FALSE;
    }
  else
    {
      g_autoptr (GPtrArray) inputs = parts_inputs (parts);
      if ((qu->counter = dl_cmd_count_first (env, opts, inputs, error)) == NULL)
        return FALSE;
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (!dl_counter_options (qu->counter)->langs[l])
        continue;
      DlUnitsOptions so = { DL_UNIT_STEM, tools->stemmer, NULL, NULL, tools->norm };
      DlUnitsOptions lo = { DL_UNIT_LEMMA, NULL, tools->lemmatizer, NULL, tools->norm };
      if (stems)
        qu->stems[l] = dl_units_new (qu->counter, (DlLang) l, &so);
      if (lemmas)
        qu->lemmas[l] = dl_units_new (qu->counter, (DlLang) l, &lo);
    }
  return TRUE;
}

/* Parses @text into a query added to @queries. */
static gboolean
add_query (GPtrArray *queries, const char *text, GError **error)
{
  DlQuery *q = dl_query_parse (text, error);
  if (q == NULL)
    return FALSE;
  g_ptr_array_add (queries, q);
  return TRUE;
}

GPtrArray *
dl_cmd_collect_queries (const char *command, char **given, char **cql, const char *file, int argc,
                        char **argv, char ***paths, GError **error)
{
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
  *paths = argv + 1;
  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    if (!add_query (queries, given[i], error))
      return NULL;
  for (guint i = 0; cql != NULL && cql[i] != NULL; i++)
    {
      DlQuery *q = dl_query_parse_cql (cql[i], error);
      if (q == NULL)
        return NULL;
      g_ptr_array_add (queries, q);
    }
  if (file != NULL && !dl_query_read_file (file, queries, error))
    return NULL;
  if (given != NULL || cql != NULL || file != NULL)
    return g_steal_pointer (&queries);
  if (argc < 2)
    {
      /* Translators: the command's name, twice. */
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("%s needs a QUERY (see derlem help %s)"),
                   command, command);
      return NULL;
    }
  if (!add_query (queries, argv[1], error))
    return NULL;
  *paths = argv + 2;
  return g_steal_pointer (&queries);
}
