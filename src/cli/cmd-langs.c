/* cmd-langs.c — `derlem langs`: the language of each span of lines. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "document.h"
#include "error.h"
#include "i18n.h"
#include "pool.h"
#include "spill.h"

#define PREVIEW_CHARS 60

/* The spans a worker found are kept for the emitter when files are read in
 * parallel: in memory up to SPILL_SIZE bytes, then in a temporary file, so
 * that memory does not grow with a file's spans. */
#define SPILL_SIZE ((gsize) 4 << 20)

typedef struct {
  guint64 start, end; /* 1-based, inclusive */
  DlLang lang;
  char *preview; /* the span's first line, shortened (text format), or NULL */
} Span;

typedef struct {
  DlSpill *kept; /* span records (not direct) */
  guint64 lines[DL_LANG_COUNT];
  gboolean section; /* a row of this input was written (direct) */
  int errsv;        /* a span could not be kept: errno, or 0 */
} LangsResult;

typedef struct {
  const DlOptions *opts;
  DlDocumentOptions doc_options;
  DlWriter *writer;
  gboolean direct; /* one input at a time: spans are written as found */
  int errsv;       /* a spill file could not be written or read: errno, or 0 */
} LangsRun;

enum { COL_FILE, COL_START, COL_END, COL_LINES, COL_LANG, COL_PREVIEW, N_COLS };

static void
langs_result_free (gpointer p)
{
  LangsResult *res = p;
  dl_spill_free (res->kept);
  g_free (res);
}

static char *
make_preview (const char *text, gsize len)
{
  /* One line of display: white space runs (PDF column gaps) become one space. */
  g_autofree char *one = g_malloc (len + 1);
  gsize n = 0;
  for (gsize i = 0; i < len; i++)
    {
      gboolean space = text[i] == ' ' || text[i] == '\t';
      if (space && (n == 0 || one[n - 1] == ' '))
        continue;
      one[n++] = space ? ' ' : text[i];
    }
  while (n > 0 && one[n - 1] == ' ')
    n--;
  one[n] = '\0';
  if (g_utf8_strlen (one, -1) <= PREVIEW_CHARS)
    return g_steal_pointer (&one);
  const char *cut = g_utf8_offset_to_pointer (one, PREVIEW_CHARS - 1);
  g_autofree char *head = g_strndup (one, cut - one);
  return g_strconcat (head, "…", NULL);
}

/* Writes the row of span @s of @input (its section first). */
static void
put_span (LangsRun *run, const DlInput *input, const Span *s, gboolean *section)
{
  if (!dl_options_wants (run->opts, s->lang))
    return;
  if (!*section)
    {
      g_autofree char *heading = dl_writer_path (run->writer, input->path);
      dl_writer_section (run->writer, DL_LANG_NONE, heading);
    }
  *section = TRUE;
  char start[24], end[24];
  dl_format_u64 (start, s->start);
  dl_format_u64 (end, s->end);
  g_autofree char *lines
      = s->start == s->end ? g_strdup (start) : g_strdup_printf ("%s-%s", start, end);
  DlCell cells[N_COLS] = {
    [COL_FILE] = { input->path, 0, 0 },
    [COL_START] = { NULL, s->start, 0 },
    [COL_END] = { NULL, s->end, 0 },
    [COL_LINES] = { lines, 0, 0 },
    [COL_LANG] = { dl_lang_code (s->lang), 0, 0 },
    [COL_PREVIEW] = { s->preview, 0, 0 },
  };
  dl_writer_row (run->writer, s->lang, cells);
}

typedef struct {
  guint64 start, end;
  guint32 lang, preview_len;
} Record;

/* Keeps @s for the emitter: a record and its preview's bytes. */
static gboolean
keep_span (LangsResult *res, const Span *s)
{
  Record rec = { s->start, s->end, (guint32) s->lang, 0 };
  rec.preview_len = s->preview != NULL ? (guint32) strlen (s->preview) : 0;
  return dl_spill_append (res->kept, &rec, sizeof rec)
         && dl_spill_append (res->kept, s->preview != NULL ? s->preview : "", rec.preview_len);
}

/* The span @s is complete: written now, or kept. */
static void
close_span (LangsRun *run, const DlInput *input, LangsResult *res, Span *s)
{
  if (run->direct)
    put_span (run, input, s, &res->section);
  else if (res->errsv == 0 && !keep_span (res, s))
    res->errsv = dl_errno_failed ();
  g_clear_pointer (&s->preview, g_free);
}

static gpointer
langs_work (const DlInput *input, const DlDiag *diag, gpointer user_data)
{
  LangsRun *run = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) doc = dl_document_open (input, &run->doc_options, diag, &error);
  if (doc == NULL)
    {
      dl_diag_error (diag, input->path, error);
      return NULL;
    }
  gboolean want_preview = dl_format_for_people (run->opts->format);
  LangsResult *res = g_new0 (LangsResult, 1);
  res->kept = run->direct ? NULL : dl_spill_new (SPILL_SIZE);
  Span open = { 0, 0, DL_LANG_NONE, NULL };
  DlDocLine dl;
  while (dl_document_next (doc, &dl, &error))
    {
      res->lines[dl.lang]++;
      if (open.start > 0 && open.lang == dl.lang)
        {
          open.end = dl.line.number;
          continue;
        }
      if (open.start > 0)
        close_span (run, input, res, &open);
      open = (Span){ dl.line.number, dl.line.number, dl.lang, NULL };
      if (want_preview)
        open.preview = make_preview (dl.line.text, dl.line.len);
    }
  if (open.start > 0)
    close_span (run, input, res, &open);
  if (error != NULL)
    dl_diag_error (diag, input->path, error);
  return res;
}

typedef struct {
  LangsRun *run;
  const DlInput *input;
  gboolean section;
} Putting;

/* Writes the rows of the whole records in @data; returns the bytes they
 * took (a record cut at the end is left for the next call). */
static gsize
put_records (const guint8 *data, gsize len, gpointer user_data)
{
  Putting *put = user_data;
  gsize at = 0;
  Record rec;
  while (at + sizeof rec <= len)
    {
      memcpy (&rec, data + at, sizeof rec);
      if (rec.preview_len > len - at - sizeof rec)
        break;
      g_autofree char *preview
          = rec.preview_len ? g_strndup ((const char *) data + at + sizeof rec, rec.preview_len)
                            : NULL;
      Span s = { rec.start, rec.end, (DlLang) rec.lang, preview };
      put_span (put->run, put->input, &s, &put->section);
      at += sizeof rec + rec.preview_len;
    }
  return at;
}

static void
langs_emit (const DlInput *input, gpointer result, gpointer user_data)
{
  LangsRun *run = user_data;
  LangsResult *res = result;
  if (res == NULL)
    return;
  if (!run->direct)
    {
      Putting put = { run, input, FALSE };
      if (res->errsv == 0 && !dl_spill_replay (res->kept, put_records, &put))
        res->errsv = dl_errno_failed ();
      if (run->errsv == 0)
        run->errsv = res->errsv;
      res->section = put.section;
    }
  if (res->section)
    {
      char n[DL_LANG_COUNT][24];
      for (int l = 0; l < DL_LANG_COUNT; l++)
        dl_format_u64 (n[l], res->lines[l]);
      /* Translators: the summary of one file in `derlem langs`: non-blank
         lines in Turkish, in English, and in neither. */
      g_autofree char *note = g_strdup_printf (_ ("lines: %s tr, %s en, %s other"), n[DL_LANG_TR],
                                               n[DL_LANG_EN], n[DL_LANG_OTHER]);
      dl_writer_note (run->writer, note);
    }
}

/* What `derlem langs` was asked for, checked. */
typedef struct {
  DlOptions opts;
  char **paths; /* the PATH arguments (in argv, not owned) */
} LangsArgs;

static void
langs_args_clear (LangsArgs *a)
{
  dl_options_clear (&a->opts);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LangsArgs, langs_args_clear)

/* Parses @argv (the command name first) into @a. FALSE with @error
 * (DL_ERROR_USAGE) for anything wrong. */
static gboolean
langs_parse (LangsArgs *a, int argc, char **argv, GError **error)
{
  dl_options_init (&a->opts);
  g_autoptr (GOptionContext) context = dl_options_context (
      _ ("[PATH...]"), _ ("Show the language of each span of lines: tr, en or other."),
      _ ("Every non-blank line gets a language: tr (Turkish), en (English) or other\n"
         "(numbers, URLs, lone names, other scripts). A line with little evidence\n"
         "takes its neighbours' language. TSV columns: file start_line end_line lang\n"
         "(1-based, inclusive; blank lines may sit inside a span)."),
      NULL, DL_OPT_BASIC | DL_OPT_COLOR, &a->opts);
  if (!dl_options_parse (context, &a->opts, &argc, &argv, error))
    return FALSE;
  a->paths = argv + 1;
  return TRUE;
}

/* Reads the inputs of @a and writes their spans. FALSE with @error if the
 * output cannot be written. */
static gboolean
langs_run (DlEnv *env, const LangsArgs *a, GError **error)
{
  g_autoptr (GPtrArray) inputs = dl_cmd_inputs (env, &a->opts, a->paths, error);
  if (inputs == NULL)
    return FALSE;
  g_autoptr (DlOut) out = dl_out_open (a->opts.output, error);
  if (out == NULL)
    return FALSE;
  const DlColumn columns[N_COLS] = {
    [COL_FILE]
    = { "file", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE | DL_COLUMN_PATH, 0, 0, NULL, 0, 0 },
    [COL_START] = { "start_line", NULL, DL_CELL_INTEGER, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_END] = { "end_line", NULL, DL_CELL_INTEGER, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_LINES] = { "lines", _ ("lines"), DL_CELL_STRING, DL_COLUMN_PEOPLE, 13, 0, "  ", 0, 0 },
    [COL_LANG] = { "lang", _ ("lang"), DL_CELL_STRING, DL_COLUMN_LANG, 5, 0, " ", 0, 0 },
    /* Translators: the column of `derlem langs` showing a span's first line. */
    [COL_PREVIEW]
    = { "text", _ ("first line"), DL_CELL_STRING, DL_COLUMN_PEOPLE, 0, 0, NULL, 0, 0 },
  };
  g_autofree char *root = dl_source_common_root (inputs);
  const DlWriterOptions wo
      = { .no_header = TRUE, .root = root, .progress_line = env->progress_line };
  LangsRun run = { &a->opts, dl_cmd_document_options (&a->opts),
                   dl_cmd_writer (&a->opts, out, columns, N_COLS, "derlem langs", &wo),
                   a->opts.threads <= 1 || inputs->len <= 1, 0 };
  dl_cmd_pool_run (env, &a->opts, inputs, a->opts.threads, langs_work, NULL, langs_emit,
                   langs_result_free, &run);
  dl_writer_end (run.writer);
  if (run.errsv != 0)
    return dl_cmd_spill_error (run.errsv, error);
  return dl_cmd_commit (env, g_steal_pointer (&out), error);
}

gboolean
dl_cmd_langs (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (LangsArgs) args = { 0 };
  if (!langs_parse (&args, argc, argv, error))
    return FALSE;
  return langs_run (env, &args, error);
}
