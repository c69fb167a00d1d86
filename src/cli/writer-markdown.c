/* writer-markdown.c — Markdown (CommonMark with GitHub's tables): a heading
 * for the result and for each section, a pipe table, summary lines as
 * paragraphs; the text's own markup characters escaped. */
#include "config.h"

#include "writer-private.h"

typedef struct {
  gboolean in_table;
} MarkdownState;

void
dl_writer_escape_markdown (GString *out, const char *text)
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
  dl_writer_escape_markdown (b, text);
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
      dl_writer_escape_markdown (b, dl_writer_heading (w, w->shown[j]));
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
      dl_writer_escape_markdown (b, dl_writer_cell_text (w, k, &cells[k]));
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

/* A fenced code block longer than any run of backquotes in @text, its
 * marks dropped. */
static void
markdown_block (DlWriter *w, const char *text, const char *html)
{
  (void) html;
  if (text == NULL)
    return;
  MarkdownState *s = w->state;
  s->in_table = FALSE;
  guint run = 0, longest = 0;
  for (const char *p = text; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  g_autofree char *fence = g_strnfill (MAX (3, longest + 1), '`');
  GString *b = w->buf;
  g_string_printf (b, "\n%s\n", fence);
  for (const char *p = text; *p != '\0'; p++)
    if (*p != DL_WRITER_MARK[0] && *p != DL_WRITER_UNMARK[0])
      g_string_append_c (b, *p);
  if (b->len > 0 && b->str[b->len - 1] != '\n')
    g_string_append_c (b, '\n');
  g_string_append_printf (b, "%s\n", fence);
  fwrite (b->str, 1, b->len, w->fp);
}

const DlWriterClass dl_writer_markdown = {
  .name = "markdown",
  .for_people = TRUE,
  .controls = "\t\n\r", /* white space, and line breaks as <br> */
  .state_size = sizeof (MarkdownState),
  .begin = markdown_begin,
  .section = markdown_section,
  .row = markdown_row,
  .note = markdown_note,
  .summary = markdown_note,
  .block = markdown_block,
};
