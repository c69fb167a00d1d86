/* commands.h — the commands' entry points (one cmd-*.c each) and the plumbing
 * they share: option parsing, the inputs of a run, the output. */
#ifndef DL_COMMANDS_H
#define DL_COMMANDS_H

#include <glib.h>

#include "colloc.h"
#include "counter.h"
#include "diag.h"
#include "dispersion.h"
#include "freqlist.h"
#include "freqtsv.h"
#include "document.h"
#include "normalize.h"
#include "options.h"
#include "pool.h"
#include "progress-line.h"
#include "query.h"
#include "output.h"
#include "source.h"
#include "lemma.h"
#include "lexstats.h"
#include "meta.h"
#include "ngrams.h"
#include "partial.h"
#include "stem.h"
#include "stoplist.h"
#include "units.h"
#include "writer.h"

G_BEGIN_DECLS

/* What main.c gives a command. */
typedef struct {
  const DlDiag *diag;            /* problems with inputs go here */
  DlProgressLine *progress_line; /* progress on stderr, when --progress shows it */
  /* The run's inputs so far, counted by dl_cmd_expand and the passes of
   * dl_cmd_pool_run that report to @diag (a quiet pass has an env of its
   * own): read (at least in part), and paths or inputs that could not be
   * read at all (an error about the file with no line: missing,
   * unreadable, binary, undecodable). dl_cmd_commit reads them. */
  guint inputs_read, inputs_failed;
  /* Set by a command that reads partial results (partial.h: freq, keyness,
   * count, merge): otherwise dl_cmd_expand leaves them out, with an error. */
  gboolean reads_counts;
} DlEnv;

/* A command: parses @argv (its name first), runs, and returns FALSE with
 * @error on failure (DL_ERROR_USAGE for usage errors). */
typedef gboolean (*DlCommandFunc) (DlEnv *env, int argc, char **argv, GError **error);

gboolean dl_cmd_langs (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_freq (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_kwic (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_colloc (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_ngrams (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_stats (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_keyness (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_dispersion (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_compare (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_profile (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_exercise (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_export (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_index (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_count (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_merge (DlEnv *env, int argc, char **argv, GError **error);

/* Orders two paths as a walk of their directories would: name by name,
 * each in byte order (a directory's files before the names that start
 * with the directory's and go on). How merge and index merge order their
 * parts. */
int dl_cmd_compare_paths (const char *a, const char *b);

/* dl_source_expand (@paths, @glob) reporting to @env's diagnostics, the
 * paths that cannot be read counted in @env->inputs_failed. */
GPtrArray *dl_cmd_expand (DlEnv *env, const char *const *paths, const char *glob);

/* Closes @out (dl_out_close) for a command whose work is done: commits it,
 * unless it is a file (-o) and no input of the run could be read while some
 * failed (every path missing, unreadable or binary): then the file is left
 * as it was, or not made, and FALSE with @error (DL_ERROR_IO) says so
 * ("no input could be read: FILE not written"), so that an empty result
 * never replaces a good one. Standard output and devices get the (empty)
 * result as before; the failures' diagnostics give exit status 1. */
gboolean dl_cmd_commit (DlEnv *env, DlOut *out, GError **error);

/* Sets @error (DL_ERROR_IO) for a spill file (spill.h) that could not be
 * written or read, with the reason of @errsv (errno where it failed, in
 * the thread that failed; 0 for EIO); returns FALSE. */
gboolean dl_cmd_spill_error (int errsv, GError **error);

/* The inputs named by the PATH arguments @paths (NULL-terminated); with
 * none, standard input when it has data, otherwise the bundled corpus (said
 * in a note); those --exclude and --where (with --meta) keep. Returns a
 * GPtrArray of DlInput (owned), or NULL with @error (DL_ERROR_USAGE) if the
 * --meta table cannot be read or --where names no column of it. For a
 * command without --by. */
GPtrArray *dl_cmd_inputs (DlEnv *env, const DlOptions *opts, char **paths, GError **error);

/* The same inputs split into the parts --by asks for: a GPtrArray of DlPart
 * (meta.h; one part without --by, in natural order of the values with). */
GPtrArray *dl_cmd_parts (DlEnv *env, const DlOptions *opts, char **paths, GError **error);

/* dl_cmd_inputs, and the metadata table the inputs were selected by in
 * *@meta (owned; NULL without one: no --meta, and not the bundled
 * corpus). */
GPtrArray *dl_cmd_inputs_meta (DlEnv *env, const DlOptions *opts, char **paths, DlMeta **meta,
                               GError **error);

/* How documents are read, from -e/--encoding and --assume. */
DlDocumentOptions dl_cmd_document_options (const DlOptions *opts);

/* What a counting command counts, from --case, --numbers and --lang: words
 * (and numbers), of Turkish and English lines. */
void dl_cmd_counter_options (const DlOptions *opts, DlCounterOptions *co);

/* What a counting command's lists need from the options. */
typedef struct {
  DlNormalizer *norm;
  DlStoplist *stoplist;     /* NULL for none */
  DlStemmer *stemmer;       /* with --unit stem */
  DlLemmatizer *lemmatizer; /* with --unit lemma */
} DlListTools;

/* Opens @tools: the stoplist named by --stoplist, or @default_stoplist
 * ("none" or "default") without it. FALSE with @error (and @tools cleared)
 * if one cannot be loaded. */
gboolean dl_cmd_list_tools (const DlOptions *opts, const char *default_stoplist, DlListTools *tools,
                            GError **error);
void dl_cmd_list_tools_clear (DlListTools *tools);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DlListTools, dl_cmd_list_tools_clear)

/* The units of @lang in @counter (merged) as --unit says, with @tools's
 * stemmer or lemmatizer and stoplist (borrowed: they must outlive the
 * units). */
DlUnits *dl_cmd_units (const DlOptions *opts, const DlListTools *tools, const DlCounter *counter,
                       DlLang lang);

/* A counting command's work on its inputs: each input is counted into fresh
 * counts, with a worker kept per thread (tokenizers, matchers), and the
 * counts are merged in input order, so the result never depends on
 * --threads. */
typedef struct {
  gpointer (*worker_new) (gpointer user_data, GError **error); /* NULL: no worker */
  GDestroyNotify worker_free;
  gpointer (*counts_new) (gpointer user_data);
  /* Counts @input into @counts; FALSE with @error if it cannot be read. */
  gboolean (*count) (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
                     gpointer user_data, GError **error);
  /* Adds @counts to the total as file @file (0, 1, ...). */
  void (*merge) (gpointer counts, guint32 file, gpointer user_data);
  GDestroyNotify counts_free;
} DlCountJob;

/* Plain counting into one counter, @total, made by the caller: the job of
 * freq, and the first pass of dl_cmd_query_units (its user data is a
 * DlCounting). */
typedef struct {
  DlCounterOptions counter_options;
  DlDocumentOptions doc_options;
  DlCounter *total;
} DlCounting;

extern const DlCountJob dl_cmd_counting_job;

/* FALSE with a usage error if a partial result among @inputs was not
 * counted as @co counts, or lacks the tables @need (NULL: none); the
 * jobs read those of @inputs. */
gboolean dl_cmd_check_partials (GPtrArray *inputs, const DlCounterOptions *co,
                                const DlPartialTables *need, GError **error);

/* dl_cmd_check_partials over the inputs of each of @parts (DlPart). */
gboolean dl_cmd_check_parts (GPtrArray *parts, const DlCounterOptions *co,
                             const DlPartialTables *need, GError **error);

/* The path of the first partial result among the inputs of @parts, or
 * NULL: for an option that needs the text. */
const char *dl_cmd_first_partial (GPtrArray *parts);

/* In a job's count, for an input of a partial result: replays what
 * reading it reported, and TRUE if it is the first, which carries the
 * counts of them all (the caller loads them; their bytes are added to
 * @progress); the others count nothing. */
gboolean dl_cmd_partial_counts (const DlInput *input, const DlDiag *diag, DlProgress *progress);

/* Finding the hits of queries into @total, made by the caller (borrowed
 * @queries and @query_options's units): dispersion's job, and compare's
 * second pass (its user data is a DlFinding). */
typedef struct {
  DlQuery *const *queries;
  guint n_queries;
  DlQueryOptions query_options;
  DlDispersionOptions options;
  DlDocumentOptions doc_options;
  DlDispersionTotal *total;
} DlFinding;

extern const DlCountJob dl_cmd_finding_job;

/* Window collocates of @node (borrowed; NULL with opts.all) into @total,
 * made by the caller: colloc's job, and exercise's collocations (its user
 * data is a DlCollocating). */
typedef struct {
  DlCollocOptions opts;
  DlDocumentOptions doc_options;
  const DlQuery *node;
  DlCollocCounts *total;
} DlCollocating;

extern const DlCountJob dl_cmd_colloc_job;

/* N-grams into @total, made by the caller: the job of ngrams, and of
 * count's n-grams (its user data is a DlNgramCounting). */
typedef struct {
  DlNgramOptions opts;
  DlDocumentOptions doc_options;
  DlNgramCounts *total;
} DlNgramCounting;

extern const DlCountJob dl_cmd_ngrams_job;

/* Vocabulary statistics into @total, made by the caller: the job of stats
 * and compare (its user data is a DlLexCounting). */
typedef struct {
  DlCounterOptions counter_options;
  DlDocumentOptions doc_options;
  DlLexStatsTotal *total;
} DlLexCounting;

extern const DlCountJob dl_cmd_lexstats_job;

/* Makes a first worker of @workers (NULL: none), so that a setup failure
 * (ICU, the stemmer) is an error of the run, not of each input; then opens
 * the output (-o: a bad one fails before the work). NULL with @error. */
DlOut *dl_cmd_open_output (const DlOptions *opts, DlPoolStates *workers, GError **error);

/* dl_pool_run over @inputs with @threads (@weigh: dl_pool_run's, or NULL
 * for results that grow with their inputs), its diagnostics to @env's, and
 * progress on @env's line while it runs when --progress says so (@opts's
 * counters, which the readers of dl_cmd_document_options add to). */
void dl_cmd_pool_run (DlEnv *env, const DlOptions *opts, GPtrArray *inputs, guint threads,
                      DlPoolWork work, DlPoolWeigh weigh, DlPoolEmit emit,
                      GDestroyNotify free_result, gpointer user_data);

/* Runs @job over @inputs with @workers (made by dl_pool_states_new from
 * @job, the first one taken once; NULL for a job without workers): each
 * input counted by a thread, the counts merged in input order into
 * @user_data's totals. Problems with single inputs go to the diagnostics. */
void dl_cmd_count_inputs (DlEnv *env, const DlOptions *opts, GPtrArray *inputs,
                          const DlCountJob *job, gpointer user_data, DlPoolStates *workers);

/* Runs @job over @inputs as dl_cmd_count_inputs does, with workers made
 * here: FALSE with @error if the first cannot be (ICU, the stemmer), so
 * that such a failure is the run's, not each input's. */
gboolean dl_cmd_run_job (DlEnv *env, const DlOptions *opts, GPtrArray *inputs,
                         const DlCountJob *job, gpointer user_data, GError **error);

/* Copies the inputs of @inputs that cannot be read twice (stdin, pipes)
 * to temporary files (dl_input_spool), for a command that reads them
 * twice. FALSE with @error if one cannot be copied. */
gboolean dl_cmd_spool_inputs (GPtrArray *inputs, GError **error);

/* Units for queries that compare words by unit (--unit stem or lemma), so
 * that kwic, colloc's node and ngrams --contains find what freq counts: a
 * first pass counts the inputs the way freq does and makes each language's
 * units. Inputs that cannot be read twice (stdin, pipes) are copied to
 * temporary files first (dl_input_spool). This pass reports nothing about
 * the inputs: the second one does. */
typedef struct {
  DlCounter *counter;
  DlUnits *units[DL_LANG_COUNT]; /* NULL for languages not counted */
  /* For CQL's stem and lemma (dl_cmd_prepare_queries): NULL unless a
   * query tests them. */
  DlUnits *stems[DL_LANG_COUNT];
  DlUnits *lemmas[DL_LANG_COUNT];
} DlQueryUnits;

/* Fills @qu (zeroed) from every input of @parts (dl_cmd_parts: one set of
 * units for the whole run, so that a query means the same in every part)
 * for a command with @opts and @tools (borrowed: they must outlive @qu).
 * FALSE with @error if an input cannot be copied or the tokenizer cannot be
 * set up. */
gboolean dl_cmd_query_units (DlEnv *env, const DlOptions *opts, GPtrArray *parts,
                             const DlListTools *tools, DlQueryUnits *qu, GError **error);
void dl_cmd_query_units_clear (DlQueryUnits *qu);

/* The first pass of a command that reads its inputs twice: @inputs (those
 * that cannot be read twice copied to temporary files first) counted as
 * freq counts them, numbers too, quietly (the second pass reports on the
 * inputs). A new counter, or NULL with @error (a copy, the tokenizer). */
DlCounter *dl_cmd_count_first (DlEnv *env, const DlOptions *opts, GPtrArray *inputs,
                               GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DlQueryUnits, dl_cmd_query_units_clear)

/* How a command's queries match, from --unit and --case, and @qu's units
 * (borrowed; may be NULL with --unit form). */
DlQueryOptions dl_cmd_query_options (const DlOptions *opts, const DlQueryUnits *qu);

/* Makes @tools and @qu (both zeroed) for a command whose @queries
 * (DlQuery*) compare words by unit, or test CQL's stem or lemma, from
 * every input of @parts (dl_cmd_parts): nothing with --unit form and no
 * such test. FALSE with @error. */
gboolean dl_cmd_prepare_queries (DlEnv *env, const DlOptions *opts, GPtrArray *parts,
                                 GPtrArray *queries, DlListTools *tools, DlQueryUnits *qu,
                                 GError **error);

/* The queries of a command that finds words (DlQuery*, owned): those of
 * -e (@given, NULL-terminated, or NULL), of --cql (@cql, likewise) and of
 * --queries (@file, or NULL),
 * or else the first argument of @argv (@argc of them, the command's name
 * first); *@paths is set to the PATH arguments after them (in @argv). NULL
 * with @error (DL_ERROR_USAGE) if a query is malformed or none is given
 * ("@command needs a QUERY"). */
GPtrArray *dl_cmd_collect_queries (const char *command, char **given, char **cql, const char *file,
                                   int argc, char **argv, char ***paths, GError **error);

/* A writer of the result to @out in --format, titled @title (what was
 * run, for HTML and Markdown), colored as --color says. */
DlWriter *dl_cmd_writer (const DlOptions *opts, DlOut *out, const DlColumn *columns,
                         guint n_columns, const char *title, const DlWriterOptions *extra);

/* Writes one language's part of a counting command's result to @w: a
 * section and its rows. FALSE with @error on failure. */
typedef gboolean (*DlLangWriter) (gpointer user_data, DlLang lang, DlWriter *w, GError **error);

/* A counting command's report: for each part of the inputs (--by), fresh
 * totals for @part (@begin), @job over the part's inputs, a section per language
 * (@write: Turkish, then English, each when @langs wants it), the totals
 * dropped (@end). */
typedef struct {
  const DlCountJob *job;
  void (*begin) (gpointer user_data, const DlPart *part);
  DlLangWriter write;
  void (*end) (gpointer user_data);
  const gboolean *langs;
  const DlColumn *columns; /* the table */
  guint n_columns;
  const char *title; /* what was run, for HTML and Markdown */
} DlCountReport;

/* The directory every input of @parts (dl_cmd_parts) is in, with its '/'
 * (dl_source_common_root): DlWriterOptions.root. Free with g_free. */
char *dl_cmd_root (GPtrArray *parts);

/* Starts @part's group of sections in @w (dl_writer_group): its value in
 * the part column, "KEY=VALUE" before its headings (a --by file path as
 * dl_writer_path shows it); nothing without --by. */
void dl_cmd_writer_part (DlWriter *w, const DlOptions *opts, const DlPart *part);

/* Makes a first worker (so that a setup failure is an error of the run, not
 * of each input), opens the output (-o: a bad one fails before the
 * counting), then reports each of @parts (dl_cmd_parts) in one table, with
 * a `part` column and the part in each heading under --by; problems with
 * single inputs go to the diagnostics. Closes the output, which is kept
 * only when all went well. FALSE with @error. */
gboolean dl_cmd_count_report (DlEnv *env, const DlOptions *opts, GPtrArray *parts,
                              const DlCountReport *report, gpointer user_data, GError **error);

/* The same with @job_data for the job, when it is not @user_data (freq's
 * counting job takes a DlCounting). */
gboolean dl_cmd_count_report_full (DlEnv *env, const DlOptions *opts, GPtrArray *parts,
                                   const DlCountReport *report, gpointer job_data,
                                   gpointer user_data, GError **error);

/* Reads the frequency list @path (`derlem freq --format tsv`) and checks
 * that it lists what --unit counts (a unit column for stems and lemmas, none
 * for forms). NULL with @error (DL_ERROR_USAGE) otherwise; bad rows go to
 * @diag. */
DlFreqTsv *dl_cmd_read_freq_list (const DlOptions *opts, const char *path, const DlDiag *diag,
                                  GError **error);

/* The flags of the columns total_tokens and total_types (the language's
 * tokens and types, on every row): shown in JSON always, in TSV and CSV
 * with --totals, never for people (the headings say them). */
DlColumnFlags dl_cmd_totals_flags (const DlOptions *opts);

/* Frequency bands (cmd-bands.c): the ranks of the reference list @path
 * (`derlem freq --format tsv`, checked by dl_cmd_read_freq_list), per
 * language, ranked again by frequency, into @refs (DL_LANG_COUNT of them,
 * NULL). FALSE with @error. */
gboolean dl_cmd_band_refs_read (const DlOptions *opts, const char *path, const DlDiag *diag,
                                DlBandRef **refs, GError **error);

/* The same from @total, a counted corpus (its files tracked or not): its
 * units as --unit says (no stoplist), ranked as freq ranks them. FALSE with
 * @error (the collator). */
gboolean dl_cmd_band_refs_count (const DlOptions *opts, const DlListTools *tools,
                                 const DlCounter *total, DlBandRef **refs, GError **error);

/* The rank in @ref of unit @u of @units: its key's, or else the best of
 * its terms' (the reference may keep a name whole that a small text cannot
 * tell from a word to stem: Karabağ, not karabak); 0 if the list lacks it. */
guint64 dl_cmd_unit_rank (const DlBandRef *ref, const DlUnits *units, guint32 u);

/* Parses a band ("2k": the 2,000 most frequent words) or a rank ("1500")
 * into *@ranks. FALSE with @error (DL_ERROR_USAGE) naming --level. */
gboolean dl_cmd_parse_band (const char *arg, guint64 *ranks, GError **error);

G_END_DECLS

#endif /* DL_COMMANDS_H */
