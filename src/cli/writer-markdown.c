/* writer-markdown.c — Markdown (CommonMark with GitHub's tables): a heading
 * for the result and for each section, a pipe table, summary lines as
 * paragraphs; the text's own markup characters escaped. */
#include "config.h"

#include "writer-private.h"

typedef struct {
  gboolean in_table;
} MarkdownState;

/* Backslash before what would be markup (| ends a cell, < starts HTML);
 * a line break inside a cell becomes <br>, a table row being one line. */
static void
escape_markdown (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
      case '|':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '<':
      case '>':
      case '&':
      case '~':
      case '#':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        break;
      case '\n':
      case '\r':
        g_string_append (out, "<br>");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

static void
line (DlWriter *w, const char *prefix, const char *text)
{
  GString *b = w->buf;
  g_string_assign (b, prefix);
  escape_markdown (b, text);
  g_string_append_c (b, '\n');
  fwrite (b->str, 1, b->len, w->fp);
}

static void
markdown_begin (DlWriter *w)
{
  line (w, "# ", w->options.title);
}

static void
markdown_section (DlWriter *w, DlLang lang, const char *heading)
{
  (void) lang;
  MarkdownState *s = w->state;
  s->in_table = FALSE;
  line (w, "\n## ", heading);
}

static void
open_table (DlWriter *w)
{
  MarkdownState *s = w->state;
  GString *b = w->buf;
  g_string_assign (b, "\n|");
  for (guint j = 0; j < w->n_shown; j++)
    {
      g_string_append_c (b, ' ');
      escape_markdown (b, dl_writer_heading (w, w->shown[j]));
      g_string_append (b, " |");
    }
  g_string_append (b, "\n|");
  for (guint j = 0; j < w->n_shown; j++)
    g_string_append (b, dl_writer_right (w, w->shown[j]) ? " ---: |" : " --- |");
  g_string_append_c (b, '\n');
  fwrite (b->str, 1, b->len, w->fp);
  s->in_table = TRUE;
}

static void
markdown_row (DlWriter *w, DlLang lang, const DlCell *cells)
{
  (void) lang;
  MarkdownState *s = w->state;
  if (!s->in_table)
    open_table (w);
  GString *b = w->buf;
  g_string_assign (b, "|");
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      gboolean node = w->columns[k].flags & DL_COLUMN_NODE;
      g_string_append (b, node ? " **" : " ");
      escape_markdown (b, dl_writer_cell_text (w, k, &cells[k]));
      g_string_append (b, node ? "** |" : " |");
    }
  g_string_append_c (b, '\n');
  fwrite (b->str, 1, b->len, w->fp);
}

static void
markdown_note (DlWriter *w, const char *text)
{
  MarkdownState *s = w->state;
  s->in_table = FALSE;
  line (w, "\n", text);
}

const DlWriterClass dl_writer_markdown = {
  .name = "markdown",
  .for_people = TRUE,
  .state_size = sizeof (MarkdownState),
  .begin = markdown_begin,
  .section = markdown_section,
  .row = markdown_row,
  .note = markdown_note,
  .summary = markdown_note,
};
