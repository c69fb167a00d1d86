/* commands.h — the commands' entry points (one cmd-*.c each) and the plumbing
 * they share: option parsing, the inputs of a run, the output. */
#ifndef DL_COMMANDS_H
#define DL_COMMANDS_H

#include <glib.h>

#include "counter.h"
#include "diag.h"
#include "document.h"
#include "normalize.h"
#include "options.h"
#include "pool.h"
#include "output.h"
#include "source.h"
#include "stem.h"
#include "stoplist.h"
#include "writer.h"

G_BEGIN_DECLS

/* What main.c gives a command. */
typedef struct {
  const DlDiag *diag; /* problems with inputs go here */
} DlEnv;

/* A command: parses @argv (its name first), runs, and returns FALSE with
 * @error on failure (DL_ERROR_USAGE for usage errors). */
typedef gboolean (*DlCommandFunc) (DlEnv *env, int argc, char **argv, GError **error);

gboolean dl_cmd_langs (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_freq (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_kwic (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_colloc (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_ngrams (DlEnv *env, int argc, char **argv, GError **error);

/* The inputs named by the PATH arguments @paths (NULL-terminated); with
 * none, standard input when it has data, otherwise the bundled corpus (said
 * in a note). Returns a GPtrArray of DlInput (owned). */
GPtrArray *dl_cmd_inputs (DlEnv *env, const DlOptions *opts, char **paths);

/* How documents are read, from -e/--encoding and --assume. */
DlDocumentOptions dl_cmd_document_options (const DlOptions *opts);

/* What a counting command counts, from --case, --numbers and --lang: words
 * (and numbers), of Turkish and English lines. */
void dl_cmd_counter_options (const DlOptions *opts, DlCounterOptions *co);

/* What a counting command's lists need from the options. */
typedef struct {
  DlNormalizer *norm;
  DlStoplist *stoplist; /* NULL for none */
  DlStemmer *stemmer;   /* with --unit stem */
} DlListTools;

/* Opens @tools: the stoplist named by --stoplist, or @default_stoplist
 * ("none" or "default") without it. FALSE with @error (and @tools cleared)
 * if one cannot be loaded. */
gboolean dl_cmd_list_tools (const DlOptions *opts, const char *default_stoplist, DlListTools *tools,
                            GError **error);
void dl_cmd_list_tools_clear (DlListTools *tools);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DlListTools, dl_cmd_list_tools_clear)

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

/* Makes a first worker of @workers (NULL: none), so that a setup failure
 * (ICU, the stemmer) is an error of the run, not of each input; then opens
 * the output (-o: a bad one fails before the work). NULL with @error. */
DlOut *dl_cmd_open_output (const DlOptions *opts, DlPoolStates *workers, GError **error);

/* Makes a first worker (so that a setup failure is an error of the run, not
 * of each input), opens the output (-o: a bad one fails before the
 * counting), then runs @job over @inputs; problems with single inputs go to
 * the diagnostics. Returns the output, still open, or NULL with @error. */
DlOut *dl_cmd_count (DlEnv *env, const DlOptions *opts, GPtrArray *inputs, const DlCountJob *job,
                     gpointer user_data, GError **error);

/* A writer of the result to @out in --format, titled @title (what was
 * run, for HTML and Markdown), colored as --color says. */
DlWriter *dl_cmd_writer (const DlOptions *opts, DlOut *out, const DlColumn *columns,
                         guint n_columns, const char *title, const DlWriterOptions *extra);

/* Writes one language's part of a counting command's result to @w: a
 * section and its rows. FALSE with @error on failure. */
typedef gboolean (*DlLangWriter) (gpointer user_data, DlLang lang, DlWriter *w, GError **error);

/* Writes the result to @out, from dl_cmd_count (NULL: it failed, and so does
 * this): Turkish, then English, each when @langs wants it, through @write,
 * as a table of @columns titled @title. Closes @out, which is kept only
 * when all went well. */
gboolean dl_cmd_write_langs (DlOut *out, const DlOptions *opts, const gboolean *langs,
                             const DlColumn *columns, guint n_columns, const char *title,
                             DlLangWriter write, gpointer user_data, GError **error);

G_END_DECLS

#endif /* DL_COMMANDS_H */
