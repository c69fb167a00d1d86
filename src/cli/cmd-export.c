/* cmd-export.c — `derlem export`: the inputs as verticalized text (VRT)
 * for CWB's cwb-encode, CQPweb and NoSketch Engine (vrt.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "pool.h"
#include "printable.h"
#include "spill.h"
#include "vrt.h"

/* A worker's text kept for the emitter when inputs are read in parallel:
 * in memory up to SPILL_SIZE bytes, then in a temporary file. */
#define SPILL_SIZE ((gsize) 4 << 20)

/* What `derlem export` was asked for, checked. */
typedef struct {
  DlOptions opts;
  char *format; /* --format as given, or NULL */
  char **paths; /* the PATH arguments (in argv, not owned) */
} ExportArgs;

static void
export_args_clear (ExportArgs *a)
{
  dl_options_clear (&a->opts);
  g_clear_pointer (&a->format, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

/* The attributes of the <text> elements: id and file, then a column of
 * the metadata table each (the table's `file` column, the key, left out;
 * an `id` column gives the id). */
typedef struct {
  const DlMeta *meta; /* NULL: none */
  gint id_column;     /* -1: the path is the id */
  GArray *columns;    /* guint: the table's columns, in order */
  GPtrArray *names;   /* char *: their attribute names */
} TextAttrs;

static void
text_attrs_clear (TextAttrs *t)
{
  g_clear_pointer (&t->columns, g_array_unref);
  g_clear_pointer (&t->names, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TextAttrs, text_attrs_clear)

/* Fills @t from @meta (may be NULL): each column's name made an attribute
 * name (vrt.h). FALSE with @error (DL_ERROR_USAGE) if two columns come to
 * the same name, or one to id's or file's. */
static gboolean
text_attrs_init (TextAttrs *t, const DlMeta *meta, GError **error)
{
  *t = (TextAttrs){ meta, -1, g_array_new (FALSE, FALSE, sizeof (guint)),
                    g_ptr_array_new_with_free_func (g_free) };
  if (meta == NULL)
    return TRUE;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal); /* name -> column */
  g_hash_table_insert (seen, (gpointer) "id", (gpointer) "id");
  g_hash_table_insert (seen, (gpointer) "file", (gpointer) "file");
  g_autoptr (GString) name = g_string_new (NULL);
  for (guint k = 0; k < dl_meta_n_columns (meta); k++)
    {
      const char *column = dl_meta_column_name (meta, k);
      if (strcmp (column, "file") == 0)
        continue;
      if (strcmp (column, "id") == 0)
        {
          t->id_column = (gint) k;
          continue;
        }
      dl_vrt_name (name, column);
      const char *other = g_hash_table_lookup (seen, name->str);
      if (other != NULL)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       /* Translators: export; a column of the --meta table, the column or
                          attribute it clashes with, and the attribute name. */
                       _ ("--meta column '%s' and '%s' would both be the text attribute '%s' "
                          "(CWB's names: a-z, 0-9 and _)"),
                       column, other, name->str);
          return FALSE;
        }
      g_ptr_array_add (t->names, g_strdup (name->str));
      g_array_append_val (t->columns, k);
      g_hash_table_insert (seen, t->names->pdata[t->names->len - 1], (gpointer) column);
    }
  return TRUE;
}

/* Appends ` @name="@value"` (@value escaped) to @out. */
static void
put_attr (GString *out, const char *name, const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  dl_vrt_escape (out, value, -1);
  g_string_append_c (out, '"');
}

/* The <text ...> line of @input (g_free). */
static char *
text_tag (const TextAttrs *t, const DlInput *input)
{
  GString *tag = g_string_new ("<text");
  g_autofree char *path = dl_printable_name (input->path);
  gint row = t->meta != NULL ? dl_meta_row (t->meta, input->path) : -1;
  const char *id = row >= 0 && t->id_column >= 0
                       ? dl_meta_value (t->meta, (guint) row, (guint) t->id_column)
                       : "";
  put_attr (tag, "id", id[0] != '\0' ? id : path);
  put_attr (tag, "file", path);
  for (guint i = 0; i < t->columns->len; i++)
    put_attr (tag, t->names->pdata[i],
              row >= 0 ? dl_meta_value (t->meta, (guint) row, g_array_index (t->columns, guint, i))
                       : "");
  g_string_append_c (tag, '>');
  return g_string_free (tag, FALSE);
}

/* The comment the output starts with: its attributes, and the command
 * line that encodes it (g_free). */
static char *
header (const TextAttrs *t)
{
  GString *h = g_string_new ("<!-- derlem VRT: p-attributes word " DL_VRT_P_ATTRIBUTES
                             "; cwb-encode -xsB -c utf8 -P fold -P stem -P lemma -P lang "
                             "-S text:0+id+file");
  for (guint i = 0; i < t->names->len; i++)
    g_string_append_printf (h, "+%s", (const char *) t->names->pdata[i]);
  g_string_append (h, " -S s:0+lang -->\n");
  return g_string_free (h, FALSE);
}

typedef struct {
  const TextAttrs *attrs;
  DlDocumentOptions doc_options;
  DlPoolStates *workers; /* of DlVrt */
  FILE *fp;
  gboolean direct; /* one input at a time: written as it is read */
  int errsv;       /* a spill file could not be written or read: errno, or 0 */
} ExportRun;

typedef struct {
  DlSpill *kept; /* not direct */
  int errsv;     /* @kept could not be written: errno, or 0 */
} ExportResult;

static void
export_result_free (gpointer p)
{
  ExportResult *res = p;
  if (res == NULL)
    return;
  dl_spill_free (res->kept);
  g_free (res);
}

static gboolean
write_file (const char *bytes, gsize len, gpointer user_data)
{
  return fwrite (bytes, 1, len, user_data) == len;
}

static gboolean
write_spill (const char *bytes, gsize len, gpointer user_data)
{
  ExportResult *res = user_data;
  if (dl_spill_append (res->kept, bytes, len))
    return TRUE;
  res->errsv = dl_errno_failed ();
  return FALSE;
}

static gpointer
export_work (const DlInput *input, const DlDiag *diag, gpointer user_data)
{
  ExportRun *run = user_data;
  g_autoptr (GError) error = NULL;
  DlVrt *v = dl_pool_states_take (run->workers, &error);
  if (v == NULL)
    {
      dl_diag_error (diag, input->path, error);
      return NULL;
    }
  g_autofree char *tag = text_tag (run->attrs, input);
  ExportResult *res = g_new0 (ExportResult, 1);
  /* Stopped by a write without @error: the direct file's error is
   * dl_out_close's to report, a spill's is in @res. */
  if (run->direct)
    dl_vrt_input (v, input, &run->doc_options, diag, tag, write_file, run->fp, &error);
  else
    {
      res->kept = dl_spill_new (SPILL_SIZE);
      dl_vrt_input (v, input, &run->doc_options, diag, tag, write_spill, res, &error);
    }
  if (error != NULL)
    dl_diag_error (diag, input->path, error);
  dl_pool_states_give (run->workers, v);
  return res;
}

static gsize
put_kept (const guint8 *data, gsize len, gpointer user_data)
{
  ExportRun *run = user_data;
  /* All taken: a write that fails leaves the stream's error for
   * dl_out_close to report. An empty spill gives no data (NULL). */
  if (len > 0)
    fwrite (data, 1, len, run->fp);
  return len;
}

static void
export_emit (const DlInput *input, gpointer result, gpointer user_data)
{
  (void) input;
  ExportRun *run = user_data;
  ExportResult *res = result;
  if (res == NULL || res->kept == NULL)
    return;
  if (res->errsv == 0 && !dl_spill_replay (res->kept, put_kept, run))
    res->errsv = dl_errno_failed ();
  if (run->errsv == 0)
    run->errsv = res->errsv;
}

static gpointer
vrt_worker_new (gpointer user_data, GError **error)
{
  return dl_vrt_new (user_data, error);
}

static void
vrt_worker_free (gpointer p)
{
  dl_vrt_free (p);
}

/* Parses @argv (the command name first) into @a. FALSE with @error
 * (DL_ERROR_USAGE) for anything wrong. */
static gboolean
export_parse (ExportArgs *a, int argc, char **argv, GError **error)
{
  dl_options_init (&a->opts);
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &a->format,
      N_ ("Output format: vrt, verticalized text for cwb-encode (the default and the only one)"),
      N_ ("FORMAT") },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = dl_options_context (
      _ ("[PATH...]"),
      _ ("Write the inputs as verticalized text (VRT) for CWB, CQPweb and NoSketch Engine."),
      _ ("A token a line, with five TAB-separated positional attributes: word (as\n"
         "written), fold (the form freq counts), stem (as --unit stem counts it), lemma\n"
         "(as --unit lemma counts it) and lang (tr, en or other). Tokens are derlem's:\n"
         "words, numbers, URLs and e-mail addresses; punctuation is none. A value a\n"
         "token has not (the stem of a URL, of a word of another script) is __UNDEF__.\n"
         "Each file is a <text> element (id, file and the --meta columns), each\n"
         "sentence an <s lang=\"...\"> element. The first line, a comment, gives the\n"
         "cwb-encode options that read the output:\n"
         "  cwb-encode -xsB -c utf8 -d DATA -f FILE -R REGISTRY/NAME -P fold -P stem\n"
         "    -P lemma -P lang -S text:0+id+file -S s:0+lang"),
      entries, DL_OPT_BASIC & ~DL_OPT_FORMAT, &a->opts);
  if (!dl_options_parse (context, &a->opts, &argc, &argv, error))
    return FALSE;
  static const char *const formats[] = { "vrt", NULL };
  int f;
  if (a->format != NULL && !dl_options_choice ("--format", a->format, formats, &f, error))
    return FALSE;
  a->paths = argv + 1;
  return TRUE;
}

/* The tools and units fold, stem and lemma come from. */
typedef struct {
  DlCounter *counter;
  DlNormalizer *norm;
  DlStemmer *stemmer;
  DlLemmatizer *lemmatizer;
  DlVrtOptions vrt;
} ExportUnits;

static void
export_units_clear (ExportUnits *u)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_clear_pointer (&u->vrt.stems[l], dl_units_free);
      g_clear_pointer (&u->vrt.lemmas[l], dl_units_free);
    }
  g_clear_pointer (&u->counter, dl_counter_free);
  g_clear_pointer (&u->stemmer, dl_stemmer_free);
  g_clear_pointer (&u->lemmatizer, dl_lemmatizer_free);
  g_clear_pointer (&u->norm, dl_normalizer_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportUnits, export_units_clear)

/* The first pass: @inputs counted, the stems and lemmas of their words. */
static gboolean
export_units_init (ExportUnits *u, DlEnv *env, const DlOptions *opts, GPtrArray *inputs,
                   GError **error)
{
  if ((u->norm = dl_normalizer_new (error)) == NULL || (u->stemmer = dl_stemmer_new (error)) == NULL
      || (u->lemmatizer = dl_lemmatizer_new (error)) == NULL
      || (u->counter = dl_cmd_count_first (env, opts, inputs, error)) == NULL)
    return FALSE;
  u->vrt.counter = u->counter;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      u->vrt.langs[l] = dl_options_wants (opts, (DlLang) l);
      if (!dl_counter_options (u->counter)->langs[l])
        continue;
      DlUnitsOptions stems = { DL_UNIT_STEM, u->stemmer, NULL, NULL, u->norm };
      DlUnitsOptions lemmas = { DL_UNIT_LEMMA, NULL, u->lemmatizer, NULL, u->norm };
      u->vrt.stems[l] = dl_units_new (u->counter, (DlLang) l, &stems);
      u->vrt.lemmas[l] = dl_units_new (u->counter, (DlLang) l, &lemmas);
    }
  return TRUE;
}

/* Reads the inputs of @a twice (counts, then text) and writes them. FALSE
 * with @error if the output cannot be written. */
static gboolean
export_run (DlEnv *env, const ExportArgs *a, GError **error)
{
  g_autoptr (DlMeta) meta = NULL;
  g_autoptr (GPtrArray) inputs = dl_cmd_inputs_meta (env, &a->opts, a->paths, &meta, error);
  if (inputs == NULL)
    return FALSE;
  g_auto (TextAttrs) attrs = { NULL, -1, NULL, NULL };
  if (!text_attrs_init (&attrs, meta, error))
    return FALSE;
  g_autoptr (DlOut) out = dl_out_open (a->opts.output, error);
  if (out == NULL)
    return FALSE;
  g_auto (ExportUnits) units = { 0 };
  if (!export_units_init (&units, env, &a->opts, inputs, error))
    return FALSE;
  g_autoptr (DlPoolStates) workers
      = dl_pool_states_new (vrt_worker_new, vrt_worker_free, &units.vrt);
  gpointer first = dl_pool_states_take (workers, error);
  if (first == NULL)
    return FALSE;
  dl_pool_states_give (workers, first);
  ExportRun run = { &attrs,
                    dl_cmd_document_options (&a->opts),
                    workers,
                    dl_out_file (out),
                    a->opts.threads <= 1 || inputs->len <= 1,
                    0 };
  g_autofree char *head = header (&attrs);
  fputs (head, run.fp);
  dl_cmd_pool_run (env, &a->opts, inputs, (guint) a->opts.threads, export_work, NULL, export_emit,
                   export_result_free, &run);
  if (run.errsv != 0)
    return dl_cmd_spill_error (run.errsv, error);
  return dl_cmd_commit (env, g_steal_pointer (&out), error);
}

gboolean
dl_cmd_export (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (ExportArgs) args = { 0 };
  if (!export_parse (&args, argc, argv, error))
    return FALSE;
  return export_run (env, &args, error);
}
