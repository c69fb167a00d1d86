/* cmd-langs.c — `derlem langs`: the language of each span of lines. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "document.h"
#include "i18n.h"
#include "pool.h"

#define PREVIEW_CHARS 60

typedef struct {
  guint64 start, end; /* 1-based, inclusive */
  DlLang lang;
  char *preview; /* the span's first line, shortened (text format) */
} Span;

typedef struct {
  GArray *spans; /* of Span */
  guint64 lines[DL_LANG_COUNT];
} LangsResult;

typedef struct {
  const DlOptions *opts;
  DlDocumentOptions doc_options;
  DlWriter *writer;
} LangsRun;

enum { COL_FILE, COL_START, COL_END, COL_LINES, COL_LANG, COL_PREVIEW, N_COLS };

static void
span_clear (gpointer p)
{
  g_free (((Span *) p)->preview);
}

static void
langs_result_free (gpointer p)
{
  LangsResult *res = p;
  g_array_unref (res->spans);
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
  res->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_clear_func (res->spans, span_clear);
  DlDocLine dl;
  while (dl_document_next (doc, &dl, &error))
    {
      res->lines[dl.lang]++;
      Span *last
          = res->spans->len > 0 ? &g_array_index (res->spans, Span, res->spans->len - 1) : NULL;
      if (last != NULL && last->lang == dl.lang)
        {
          last->end = dl.line.number;
          continue;
        }
      Span s = { dl.line.number, dl.line.number, dl.lang, NULL };
      if (want_preview)
        s.preview = make_preview (dl.line.text, dl.line.len);
      g_array_append_val (res->spans, s);
    }
  if (error != NULL)
    dl_diag_error (diag, input->path, error);
  return res;
}

static void
langs_emit (const DlInput *input, gpointer result, gpointer user_data)
{
  LangsRun *run = user_data;
  LangsResult *res = result;
  if (res == NULL)
    return;
  char start[24], end[24];
  gboolean section = FALSE;
  for (guint i = 0; i < res->spans->len; i++)
    {
      const Span *s = &g_array_index (res->spans, Span, i);
      if (!dl_options_wants (run->opts, s->lang))
        continue;
      if (!section)
        {
          g_autofree char *heading = dl_writer_path (run->writer, input->path);
          dl_writer_section (run->writer, DL_LANG_NONE, heading);
        }
      section = TRUE;
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
  if (section)
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
                   dl_cmd_writer (&a->opts, out, columns, N_COLS, "derlem langs", &wo) };
  dl_cmd_pool_run (env, &a->opts, inputs, a->opts.threads, langs_work, langs_emit,
                   langs_result_free, &run);
  dl_writer_end (run.writer);
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
