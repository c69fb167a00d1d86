/* cmd-index.c — `derlem index build|info|verify`: a corpus read once into
 * NAME.dlx (index.h), which every command then reads as its input. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "index.h"
#include "pool.h"
#include "printable.h"
#include "stream.h"
#include "tokenizer.h"

typedef struct {
  DlOptions opts;
  gboolean positions; /* build, add: keep each block's tokens */
  char **paths;       /* the operands after the subcommand (in argv, not owned) */
} IndexArgs;

static void
index_args_clear (IndexArgs *a)
{
  dl_options_clear (&a->opts);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IndexArgs, index_args_clear)

/* ---- build ---- */

typedef struct {
  DlDocumentOptions doc_options;
  DlCounterOptions counter_options; /* of the counts kept: freq's default */
  DlPoolStates *streams;            /* a Worker per thread */
  DlIndexBuilder *builder;
  gboolean positions; /* keep each block's tokens */
  GError *error;      /* the first failure to write the index */
} BuildRun;

/* A thread's tools: a counting stream, and the folding of its words. */
typedef struct {
  DlStream *stream;
  DlTokenizer *tok; /* for the lines the counter does not tokenize */
  DlNormalizer *norm;
  guint32 *forms; /* a line's tokens' numbers in the counter */
  guint forms_size;
} Worker;

static void
worker_free (gpointer p)
{
  Worker *w = p;
  dl_stream_free (w->stream);
  dl_tokenizer_free (w->tok);
  dl_normalizer_free (w->norm);
  g_free (w->forms);
  g_free (w);
}

static gpointer
worker_new (gpointer user_data, GError **error)
{
  Worker *w = g_new0 (Worker, 1);
  w->stream = dl_counter_stream_new (&((BuildRun *) user_data)->counter_options, error);
  if (w->stream == NULL || (w->tok = dl_tokenizer_new (error)) == NULL
      || (w->norm = dl_normalizer_new (error)) == NULL)
    {
      worker_free (w);
      return NULL;
    }
  return w;
}

/* What a worker gives for an input: its piece, or the errno of the
 * temporary file that could not be written. */
typedef struct {
  DlIndexPiece *piece;
  int errsv;
} Built;

static void
built_free (gpointer p)
{
  Built *b = p;
  if (b == NULL)
    return;
  dl_index_piece_free (b->piece);
  g_free (b);
}

static Built *
built_new (DlIndexPiece *piece, gboolean ok)
{
  Built *b = g_new0 (Built, 1);
  if (ok)
    b->piece = piece;
  else
    {
      b->errsv = dl_errno_failed ();
      dl_index_piece_free (piece);
    }
  return b;
}

/* What reading an input reports goes on, and into its piece. */
typedef struct {
  const DlDiag *to;
  DlIndexPiece *piece;
} Noting;

static void
note (DlDiagLevel level, const char *file, guint64 line, const char *message, gpointer user_data)
{
  Noting *n = user_data;
  dl_diag_report (n->to, level, file, line, "%s", message);
  dl_index_piece_note (n->piece, level, file != NULL, line, message);
}

/* The counter's term of a form (DlWordsTerm). */
static const char *
counter_term (DlLang lang, guint32 form, gsize *len, gpointer user_data)
{
  return dl_counter_input_term (user_data, lang, form, len);
}

/* Gives @piece the tokens of its line @sl: the stream's, or the
 * tokenizer's for a line the counter does not tokenize. FALSE as
 * dl_index_piece_token. */
static gboolean
add_words (DlIndexPiece *piece, Worker *w, const DlStreamLine *sl)
{
  gboolean ok = TRUE;
  if (sl->tokenized && sl->n_tokens > w->forms_size)
    {
      w->forms_size = MAX (sl->n_tokens, 2 * w->forms_size);
      w->forms = g_renew (guint32, w->forms, w->forms_size);
    }
  if (sl->tokenized)
    {
      /* The counter's forms together, the others one by one, in their
       * order: a run of forms goes before the token after it. */
      guint n = 0;
      for (guint t = 0; ok && t < sl->n_tokens; t++)
        if (sl->tokens[t].form != DL_STREAM_NO_FORM && sl->tokens[t].kind == DL_TOKEN_WORD)
          w->forms[n++] = sl->tokens[t].form;
        else
          {
            ok = dl_index_piece_forms (piece, sl->lang, w->forms, n)
                 && dl_index_piece_token (piece, sl->lang, sl->tokens[t].kind, sl->tokens[t].form,
                                          sl->text + sl->tokens[t].offset, sl->tokens[t].len);
            n = 0;
          }
      return ok && dl_index_piece_forms (piece, sl->lang, w->forms, n)
             && dl_index_piece_line_end (piece, sl->lang);
    }
  guint n;
  const DlToken *t = dl_tokenizer_line (w->tok, sl->text, sl->len, &n, NULL);
  if (t == NULL)
    {
      static const gboolean none[DL_LANG_COUNT] = { FALSE };
      dl_index_piece_tokenized (piece, none, NULL, NULL, NULL); /* ICU failed: no words */
      return TRUE;
    }
  for (guint k = 0; ok && k < n; k++)
    ok = dl_index_piece_token (piece, sl->lang, t[k].kind, G_MAXUINT32, sl->text + t[k].offset,
                               t[k].len);
  return ok && dl_index_piece_line_end (piece, sl->lang);
}

static void
save_counts (const GArray *const *order, GByteArray *out, gpointer user_data)
{
  dl_counter_save_input (user_data, order, out);
}

/* Puts the lines of @input in a piece, and its counts as freq counts by
 * default (so that freq over the index reads them and no line). */
static gpointer
build_work (const DlInput *input, const DlDiag *diag, gpointer user_data)
{
  BuildRun *run = user_data;
  g_autoptr (DlIndexPiece) piece = dl_index_piece_new (input->path, dl_input_size (input));
  g_autoptr (GError) error = NULL;
  Worker *worker = dl_pool_states_take (run->streams, &error);
  DlStream *stream = worker != NULL ? worker->stream : NULL;
  if (stream == NULL)
    {
      dl_diag_error (diag, input->path, error);
      gboolean ended = dl_index_piece_end (piece, error, TRUE);
      return built_new (g_steal_pointer (&piece), ended);
    }
  Noting noting = { diag, piece };
  g_autoptr (DlDiag) noted = dl_diag_new (note, &noting);
  g_autoptr (DlCounter) counter = dl_counter_new (&run->counter_options);
  gboolean ok = TRUE;
  /* The words of every line, whatever the counter counts: a search in
   * any language reads only the blocks that hold its words. */
  static const gboolean all[DL_LANG_COUNT] = { TRUE, TRUE, TRUE };
  dl_index_piece_tokenized (piece, all, counter_term, counter, worker->norm);
  if (run->positions)
    dl_index_piece_keep_tokens (piece);
  if (!dl_stream_open (stream, input, &run->doc_options, noted, counter, &error))
    {
      dl_diag_error (diag, input->path, error);
      ok = dl_index_piece_end (piece, error, TRUE);
    }
  else
    {
      const DlStreamLine *sl;
      while (ok && dl_stream_next (stream, &sl, &error) && sl != NULL)
        {
          const DlIndexLine line
              = { sl->text, sl->len, sl->number, sl->offset, sl->encoding, sl->lang, FALSE, 0, 0 };
          ok = dl_index_piece_add (piece, &line) && add_words (piece, worker, sl);
        }
      if (error != NULL)
        dl_diag_error (diag, input->path, error);
      /* The stream ended the counter's input at its end or failure; the
       * piece saves its counts in the order of its words. */
      if (ok)
        dl_index_piece_set_counts (piece, dl_counter_variant (&run->counter_options), save_counts,
                                   counter);
      ok = ok && dl_index_piece_end (piece, error, FALSE);
    }
  int errsv = errno; /* of the temporary file, if !ok */
  dl_pool_states_give (run->streams, worker);
  errno = errsv;
  return built_new (g_steal_pointer (&piece), ok);
}

static void
build_emit (const DlInput *input, gpointer result, gpointer user_data)
{
  BuildRun *run = user_data;
  Built *b = result;
  if (run->error != NULL)
    return;
  if (b->piece == NULL)
    {
      dl_cmd_spill_error (b->errsv, &run->error);
      g_prefix_error (&run->error, "%s: ", input->path);
      return;
    }
  dl_index_builder_add (run->builder, b->piece, &run->error);
}

/* Reads @inputs into @builder's new segment; FALSE with @error if it
 * cannot be written or no input could be read (@target is not changed). */
static gboolean
fill (DlEnv *env, const IndexArgs *a, GPtrArray *inputs, DlIndexBuilder *builder,
      const char *target, GError **error)
{
  const DlOptions *opts = &a->opts;
  BuildRun run = { dl_cmd_document_options (opts), { 0 }, NULL, builder, a->positions, NULL };
  dl_counter_options_init (&run.counter_options);
  g_autoptr (DlPoolStates) streams = dl_pool_states_new (worker_new, worker_free, &run);
  run.streams = streams;
  dl_cmd_pool_run (env, opts, inputs, opts->threads, build_work, NULL, build_emit, built_free,
                   &run);
  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      return FALSE;
    }
  if (env->inputs_read == 0 && env->inputs_failed > 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("no input could be read: %s not written"),
                   target);
      return FALSE;
    }
  return TRUE;
}

static gboolean
build_run (DlEnv *env, const IndexArgs *a, GError **error)
{
  if (a->opts.output == NULL || strcmp (a->opts.output, "-") == 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   /* Translators: derlem index build -o NAME.dlx */
                   _ ("index build writes a directory: give it with -o NAME.dlx"));
      return FALSE;
    }
  g_autoptr (DlMeta) meta = NULL;
  g_autoptr (GPtrArray) inputs = dl_cmd_inputs_meta (env, &a->opts, a->paths, &meta, error);
  if (inputs == NULL)
    return FALSE;
  for (guint i = 0; i < inputs->len; i++)
    {
      const DlInput *input = inputs->pdata[i];
      if (input->index != NULL && strcmp (dl_index_path (input->index), a->opts.output) == 0)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       _ ("-o %s is an input; derlem never writes over what it reads"),
                       a->opts.output);
          return FALSE;
        }
    }
  g_autoptr (DlIndexBuilder) builder
      = dl_index_builder_new (a->opts.output, meta != NULL ? dl_meta_path (meta) : NULL, error);
  if (builder == NULL)
    return FALSE;
  return fill (env, a, inputs, builder, a->opts.output, error)
         && dl_index_builder_commit (builder, error);
}

/* The inputs a change names that are in @idx already: a usage error. */
static gboolean
not_in_index (const DlIndex *idx, GPtrArray *inputs, GError **error)
{
  g_autoptr (GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < dl_index_n_inputs (idx); i++)
    g_hash_table_add (paths, (gpointer) dl_index_input_path (idx, i));
  for (guint i = 0; i < inputs->len; i++)
    {
      const DlInput *input = inputs->pdata[i];
      if (g_hash_table_contains (paths, input->path))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       /* Translators: derlem index add NAME.dlx PATH... */
                       _ ("%s is in %s already (index remove takes it out)"), input->path,
                       dl_index_path (idx));
          return FALSE;
        }
    }
  return TRUE;
}

/* Copies the inputs of @idx into @b but those @drop has (NULL: none). */
static gboolean
copy_inputs (DlIndexBuilder *b, DlIndex *idx, GHashTable *drop, GError **error)
{
  for (guint i = 0; i < dl_index_n_inputs (idx); i++)
    if ((drop == NULL || !g_hash_table_contains (drop, dl_index_input_path (idx, i)))
        && !dl_index_builder_copy (b, idx, i, error))
      return FALSE;
  return TRUE;
}

/* The segments an index may have before index add compacts it. */
#define MAX_SEGMENTS 8

/* Rewrites @idx as one segment without the inputs @drop names (NULL:
 * none), its table kept. */
static gboolean
rewrite (DlIndex *idx, GHashTable *drop, GError **error)
{
  g_autoptr (DlIndexBuilder) b = dl_index_builder_change (idx, FALSE, NULL, error);
  return b != NULL && copy_inputs (b, idx, drop, error) && dl_index_builder_commit (b, error);
}

static gboolean
add_run (DlEnv *env, const IndexArgs *a, GError **error)
{
  const char *path = a->paths[0];
  if (a->paths[1] == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("index add: no PATH to add"));
      return FALSE;
    }
  g_autoptr (DlIndex) idx = dl_index_open (path, error);
  if (idx == NULL)
    return FALSE;
  g_autoptr (DlMeta) meta = NULL;
  g_autoptr (GPtrArray) inputs = dl_cmd_inputs_meta (env, &a->opts, a->paths + 1, &meta, error);
  if (inputs == NULL || !not_in_index (idx, inputs, error))
    return FALSE;
  g_autoptr (DlIndexBuilder) builder = dl_index_builder_change (
      idx, TRUE, a->opts.meta != NULL ? dl_meta_path (meta) : NULL, error);
  if (builder == NULL || !fill (env, a, inputs, builder, path, error)
      || !dl_index_builder_commit (builder, error))
    return FALSE;
  if (dl_index_n_segments (idx) + 1 <= MAX_SEGMENTS)
    return TRUE;
  /* Many segments: merged into one now, as index compact does. */
  g_autoptr (DlIndex) now = dl_index_open (path, error);
  return now != NULL && rewrite (now, NULL, error);
}

static gboolean
remove_run (const IndexArgs *a, GError **error)
{
  g_autoptr (DlIndex) idx = dl_index_open (a->paths[0], error);
  if (idx == NULL)
    return FALSE;
  g_autoptr (GHashTable) drop = g_hash_table_new (g_str_hash, g_str_equal);
  for (char **p = a->paths + 1; *p != NULL; p++)
    g_hash_table_add (drop, *p);
  if (g_hash_table_size (drop) == 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("index remove: no PATH to remove"));
      return FALSE;
    }
  guint found = 0;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < dl_index_n_inputs (idx); i++)
    if (g_hash_table_contains (drop, dl_index_input_path (idx, i))
        && g_hash_table_add (seen, (gpointer) dl_index_input_path (idx, i)))
      found++;
  for (char **p = a->paths + 1; *p != NULL; p++)
    if (!g_hash_table_contains (seen, *p))
      {
        g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                     /* Translators: derlem index remove NAME.dlx PATH...; the
                        path is as index info lists it. */
                     _ ("%s is not in %s (index info lists its paths)"), *p, a->paths[0]);
        return FALSE;
      }
  return rewrite (idx, drop, error);
}

static gboolean
compact_run (const IndexArgs *a, GError **error)
{
  for (char **p = a->paths; *p != NULL; p++)
    {
      g_autoptr (DlIndex) idx = dl_index_open (*p, error);
      if (idx == NULL || !rewrite (idx, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Indexes by their first inputs (those with none first), then by path. */
static int
compare_indexes (gconstpointer pa, gconstpointer pb)
{
  const DlIndex *a = *(DlIndex *const *) pa, *b = *(DlIndex *const *) pb;
  gboolean ea = dl_index_n_inputs (a) == 0, eb = dl_index_n_inputs (b) == 0;
  if (ea != eb)
    return ea ? -1 : 1;
  int c = ea ? 0 : dl_cmd_compare_paths (dl_index_input_path (a, 0), dl_index_input_path (b, 0));
  return c != 0 ? c : strcmp (dl_index_path (a), dl_index_path (b));
}

/* The metadata table the indexes @idxs share: its path in the first, or
 * NULL for none; FALSE with a usage error if they keep different ones. */
static gboolean
shared_meta (GPtrArray *idxs, const char **meta, GError **error)
{
  g_autofree char *first = NULL;
  gsize first_len = 0;
  *meta = dl_index_meta_path (idxs->pdata[0]);
  if (*meta != NULL && !g_file_get_contents (*meta, &first, &first_len, error))
    return FALSE;
  for (guint k = 1; k < idxs->len; k++)
    {
      const char *other = dl_index_meta_path (idxs->pdata[k]);
      g_autofree char *text = NULL;
      gsize len = 0;
      if (other != NULL && !g_file_get_contents (other, &text, &len, error))
        return FALSE;
      if ((other == NULL) != (*meta == NULL) || len != first_len
          || (len > 0 && memcmp (text, first, len) != 0))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       /* Translators: derlem index merge; two indexes' --meta tables. */
                       _ ("%s and %s keep different metadata tables: build them with one"),
                       dl_index_path (idxs->pdata[0]), dl_index_path (idxs->pdata[k]));
          return FALSE;
        }
    }
  return TRUE;
}

/* derlem index merge: the inputs of every index named, in the order of
 * their first inputs (as derlem merge orders partial results), copied as
 * stored into one new segment. */
static gboolean
merge_run (const IndexArgs *a, GError **error)
{
  if (a->opts.output == NULL || strcmp (a->opts.output, "-") == 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   /* Translators: derlem index merge NAME.dlx... -o ALL.dlx */
                   _ ("index merge writes a directory: give it with -o ALL.dlx"));
      return FALSE;
    }
  g_autoptr (GPtrArray) idxs = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_index_unref);
  for (char **p = a->paths; *p != NULL; p++)
    {
      if (strcmp (*p, a->opts.output) == 0)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       _ ("-o %s is an input; derlem never writes over what it reads"),
                       a->opts.output);
          return FALSE;
        }
      DlIndex *idx = dl_index_open (*p, error);
      if (idx == NULL)
        return FALSE;
      g_ptr_array_add (idxs, idx);
    }
  g_ptr_array_sort (idxs, compare_indexes);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < idxs->len; k++)
    for (guint i = 0; i < dl_index_n_inputs (idxs->pdata[k]); i++)
      {
        const char *input = dl_index_input_path (idxs->pdata[k], i);
        const DlIndex *other = g_hash_table_lookup (seen, input);
        if (other != NULL)
          {
            g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                         /* Translators: an input in two of the indexes merged. */
                         _ ("%s is in %s and in %s: each file is indexed once"), input,
                         dl_index_path (other), dl_index_path (idxs->pdata[k]));
            return FALSE;
          }
        g_hash_table_insert (seen, (gpointer) input, idxs->pdata[k]);
      }
  const char *meta;
  if (!shared_meta (idxs, &meta, error))
    return FALSE;
  g_autoptr (DlIndexBuilder) b = dl_index_builder_new (a->opts.output, meta, error);
  if (b == NULL)
    return FALSE;
  for (guint k = 0; k < idxs->len; k++)
    if (!copy_inputs (b, idxs->pdata[k], NULL, error))
      return FALSE;
  return dl_index_builder_commit (b, error);
}

/* ---- info ---- */

/* The path last: the numbers stay aligned for people. */
enum { COL_LINES, COL_TR, COL_EN, COL_OTHER, COL_BYTES, COL_FILE, N_COLS };

static gboolean
info_one (const IndexArgs *a, DlOut *out, const char *path, GError **error)
{
  g_autoptr (DlIndex) idx = dl_index_open (path, error);
  if (idx == NULL)
    return FALSE;
  const DlColumn columns[N_COLS] = {
    [COL_LINES] = { "lines", _ ("lines"), DL_CELL_INTEGER, 0, 7, 0, NULL, 0, 0 },
    [COL_TR] = { "tr", "tr", DL_CELL_INTEGER, 0, 7, 0, NULL, 0, 0 },
    [COL_EN] = { "en", "en", DL_CELL_INTEGER, 0, 7, 0, NULL, 0, 0 },
    [COL_OTHER] = { "other", "other", DL_CELL_INTEGER, 0, 7, 0, NULL, 0, 0 },
    [COL_BYTES] = { "bytes", _ ("bytes"), DL_CELL_INTEGER, 0, 11, 0, NULL, 0, 0 },
    [COL_FILE] = { "file", _ ("file"), DL_CELL_STRING, DL_COLUMN_PATH, 0, 0, NULL, 0, 0 },
  };
  const DlWriterOptions wo = { .no_header = FALSE };
  DlWriter *w = dl_cmd_writer (&a->opts, out, columns, N_COLS, "derlem index info", &wo);
  dl_writer_section (w, DL_LANG_NONE, path);
  DlIndexInfo info;
  dl_index_info (idx, &info);
  for (guint i = 0; i < dl_index_n_inputs (idx); i++)
    {
      DlIndexInputInfo in;
      dl_index_input_info (idx, i, &in);
      char size[24] = "";
      if (in.size >= 0)
        dl_format_u64 (size, (guint64) in.size);
      DlCell cells[N_COLS] = {
        [COL_FILE] = { in.path, 0, 0 },
        [COL_LINES] = { NULL, in.lines, 0 },
        [COL_TR] = { NULL, in.lines_by_lang[DL_LANG_TR], 0 },
        [COL_EN] = { NULL, in.lines_by_lang[DL_LANG_EN], 0 },
        [COL_OTHER] = { NULL, in.lines_by_lang[DL_LANG_OTHER], 0 },
        [COL_BYTES] = { in.size >= 0 ? NULL : "", in.size >= 0 ? (guint64) in.size : 0, 0 },
      };
      dl_writer_row (w, DL_LANG_NONE, cells);
    }
  char n[6][24];
  dl_format_u64 (n[0], info.inputs);
  dl_format_u64 (n[1], info.lines);
  dl_format_u64 (n[2], info.source_bytes);
  dl_format_u64 (n[3], info.stored_bytes);
  dl_format_u64 (n[4], info.segments);
  dl_format_u64 (n[5], info.inputs_failed);
  double ratio = info.source_bytes > 0 ? (double) info.stored_bytes / info.source_bytes : 0;
  g_autofree char *note = g_strdup_printf (
      /* Translators: the summary of `derlem index info`: format version,
         inputs, non-blank lines, input bytes, index bytes, their ratio,
         segments, inputs whose reading failed. */
      _ ("format %u; %s inputs, %s lines; %s bytes of text in %s bytes of index (%.2f); "
         "%s segments; %s inputs ended with an error; metadata table: %s"),
      info.version, n[0], n[1], n[2], n[3], ratio, n[4], n[5],
      dl_index_meta_path (idx) != NULL ? _ ("yes") : _ ("no"));
  dl_writer_note (w, note);
  /* Where the index's bytes go, each part against the text. */
  guint64 parts[] = { info.stored_lines, info.stored_counts, info.stored_words,
                      info.stored_bytes - info.stored_lines - info.stored_counts - info.stored_words
                          - info.stored_tokens,
                      info.stored_tokens };
  char p[5][24];
  double r[5];
  for (int i = 0; i < 5; i++)
    {
      dl_format_u64 (p[i], parts[i]);
      r[i] = info.source_bytes > 0 ? (double) parts[i] / info.source_bytes : 0;
    }
  g_autofree char *split = g_strdup_printf (
      /* Translators: `derlem index info`: the index's bytes by what they
         hold, each with its ratio to the bytes of text; "words" are the
         folded words and the blocks that hold them, "the rest" the tables
         of contents, the manifest and the metadata table. */
      _ ("of the index: lines %s (%.2f), counts %s (%.2f), words %s (%.2f), the rest %s (%.2f)"),
      p[0], r[0], p[1], r[1], p[2], r[2], p[3], r[3]);
  dl_writer_note (w, split);
  if (info.stored_tokens > 0)
    {
      g_autofree char *tokens = g_strdup_printf (
          /* Translators: `derlem index info`, for an index that keeps
             each block's tokens in order: their bytes and ratio to the
             bytes of text. */
          _ ("and the tokens of its blocks in order: %s (%.2f)"), p[4], r[4]);
      dl_writer_note (w, tokens);
    }
  char f[DL_LANG_COUNT][24];
  for (int l = 0; l < DL_LANG_COUNT; l++)
    dl_format_u64 (f[l], info.forms[l]);
  g_autofree char *forms = g_strdup_printf (
      /* Translators: `derlem index info`: the distinct folded words of the
         index's lexicons, by language (summed over its segments). */
      _ ("lexicon: %s Turkish, %s English and %s other forms"), f[DL_LANG_TR], f[DL_LANG_EN],
      f[DL_LANG_OTHER]);
  dl_writer_note (w, forms);
  dl_writer_end (w);
  return TRUE;
}

/* ---- the subcommands ---- */

typedef enum {
  SUB_BUILD,
  SUB_ADD,
  SUB_REMOVE,
  SUB_COMPACT,
  SUB_MERGE,
  SUB_INFO,
  SUB_VERIFY,
  N_SUBS
} Sub;

static const char *const sub_names[]
    = { "build", "add", "remove", "compact", "merge", "info", "verify", NULL };

static gboolean
index_parse (IndexArgs *a, Sub sub, int argc, char **argv, GError **error)
{
  dl_options_init (&a->opts);
  static const char *const params[N_SUBS] = {
    N_ ("build PATH... -o NAME.dlx"),    N_ ("add NAME.dlx PATH..."),
    N_ ("remove NAME.dlx PATH..."),      N_ ("compact NAME.dlx..."),
    N_ ("merge NAME.dlx... -o ALL.dlx"), N_ ("info NAME.dlx..."),
    N_ ("verify NAME.dlx..."),
  };
  static const char *const summaries[N_SUBS] = {
    N_ ("Read the inputs once into an index, which every command then reads."),
    N_ ("Add inputs to an index, in a segment of their own."),
    N_ ("Take inputs (their paths as index info lists them) out of an index."),
    N_ ("Merge an index's segments into one."),
    N_ ("Join indexes (of shards of a corpus) into one, their inputs in the order of their "
        "first files."),
    N_ ("Show what an index holds: its inputs, their lines by language, its size."),
    N_ ("Check every checksum and every line of an index."),
  };
  const char *description
      = _ ("An index (a directory, NAME.dlx) keeps each input's lines with their\n"
           "language, compressed, and its counts as freq makes them by default:\n"
           "freq, kwic, colloc, ngrams, stats, keyness, dispersion, exercise, compare,\n"
           "profile, langs and export read it as they read the files (derlem freq\n"
           "NAME.dlx), with no decoding and no language identification, and print the\n"
           "same. The index keeps the --meta table it was built with. Building over an\n"
           "index, add, remove and compact change it at once; an interrupted change\n"
           "leaves it as it was. A damaged index, or one of another format, is refused\n"
           "(exit status 1).");
  const DlOptionSet reading = DL_OPT_ASSUME_LANG | DL_OPT_THREADS | DL_OPT_PROGRESS
                              | DL_OPT_ENCODING | DL_OPT_GLOB | DL_OPT_META;
  DlOptionSet which = sub == SUB_BUILD   ? (reading | DL_OPT_OUTPUT)
                      : sub == SUB_ADD   ? reading
                      : sub == SUB_INFO  ? (DL_OPT_FORMAT | DL_OPT_OUTPUT)
                      : sub == SUB_MERGE ? DL_OPT_OUTPUT
                                         : 0;
  const GOptionEntry building[]
      = { { "positions", 0, 0, G_OPTION_ARG_NONE, &a->positions,
            N_ ("Keep each block's tokens in order too (about a quarter of the text more): "
                "kwic then tokenizes only the lines that hold a searched word"),
            NULL },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context
      = dl_options_context (_ (params[sub]), _ (summaries[sub]), description,
                            sub == SUB_BUILD || sub == SUB_ADD ? building : NULL, which, &a->opts);
  if (!dl_options_parse (context, &a->opts, &argc, &argv, error))
    return FALSE;
  a->paths = argv + 1;
  if (sub != SUB_BUILD && a->paths[0] == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("index %s: no index named"), sub_names[sub]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
info_run (DlEnv *env, const IndexArgs *a, GError **error)
{
  g_autoptr (DlOut) out = dl_out_open (a->opts.output, error);
  if (out == NULL)
    return FALSE;
  for (char **p = a->paths; *p != NULL; p++)
    {
      g_autoptr (GError) local = NULL;
      if (!info_one (a, out, *p, &local))
        {
          if (local->code == DL_ERROR_USAGE)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          dl_diag_report (env->diag, DL_DIAG_ERROR, NULL, 0, "%s", local->message);
          env->inputs_failed++;
        }
      else
        env->inputs_read++;
    }
  return dl_cmd_commit (env, g_steal_pointer (&out), error);
}

static gboolean
verify_run (DlEnv *env, const IndexArgs *a)
{
  for (char **p = a->paths; *p != NULL; p++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (DlIndex) idx = dl_index_open (*p, &local);
      if (idx != NULL && dl_index_verify (idx, &local))
        {
          g_autofree char *name = dl_printable_name (*p);
          /* Translators: derlem index verify found nothing wrong. */
          printf (_ ("%s: ok\n"), name);
        }
      else
        dl_diag_report (env->diag, DL_DIAG_ERROR, NULL, 0, "%s", local->message);
    }
  return TRUE;
}

gboolean
dl_cmd_index (DlEnv *env, int argc, char **argv, GError **error)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      FILE *fp = argc < 2 ? stderr : stdout;
      fprintf (fp, "%s\n\n",
               _ ("Usage: derlem index build|add|remove|compact|merge|info|verify [OPTIONS] ..."));
      for (int s = 0; s < N_SUBS; s++)
        {
          static const char *const lines[N_SUBS] = {
            N_ ("build PATH... -o NAME.dlx   read the inputs once into an index"),
            N_ ("add NAME.dlx PATH...        add inputs (a new segment)"),
            N_ ("remove NAME.dlx PATH...     take inputs out"),
            N_ ("compact NAME.dlx...         merge its segments into one"),
            N_ ("merge A.dlx... -o ALL.dlx   join the indexes of shards into one"),
            N_ ("info NAME.dlx...            its inputs, lines by language, size"),
            N_ ("verify NAME.dlx...          check every checksum and line"),
          };
          fprintf (fp, "  derlem index %s\n", _ (lines[s]));
        }
      fprintf (fp, "\n%s\n", _ ("Run 'derlem index SUBCOMMAND --help' for its options."));
      if (argc < 2)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("index: no subcommand given"));
          return FALSE;
        }
      return TRUE;
    }
  int sub;
  if (!dl_options_choice ("index", argv[1], sub_names, &sub, error))
    return FALSE;
  g_auto (IndexArgs) args = { 0 };
  if (!index_parse (&args, (Sub) sub, argc - 1, argv + 1, error))
    return FALSE;
  switch ((Sub) sub)
    {
    case SUB_BUILD:
      return build_run (env, &args, error);
    case SUB_ADD:
      return add_run (env, &args, error);
    case SUB_REMOVE:
      return remove_run (&args, error);
    case SUB_COMPACT:
      return compact_run (&args, error);
    case SUB_MERGE:
      return merge_run (&args, error);
    case SUB_INFO:
      return info_run (env, &args, error);
    case SUB_VERIFY:
    case N_SUBS:
      break;
    }
  return verify_run (env, &args);
}
