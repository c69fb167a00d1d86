/* writer-text.c — text for people: aligned columns (widths in display
 * columns, long cells cut with an ellipsis), a heading line per section, a
 * blank line between sections, ANSI colors when asked. */
#include "config.h"

#include <string.h>

#include "textwidth.h"
#include "writer-private.h"

#define COLOR_NODE "\033[1;31m"
#define COLOR_RESET "\033[0m"

typedef struct {
  guint *widths; /* per column, in display columns */
} TextState;

/* How many bytes of @text a cell of at most @max characters (0: no limit)
 * shows; *@cut when an ellipsis follows them. */
static gsize
shown_len (const char *text, guint max, gboolean *cut)
{
  *cut = FALSE;
  if (max == 0)
    return strlen (text);
  const char *p = text, *mark = text;
  for (guint n = 0; *p != '\0'; n++, p = g_utf8_next_char (p))
    {
      if (n == max - 1)
        mark = p;
      if (n == max)
        {
          *cut = TRUE;
          return (gsize) (mark - text);
        }
    }
  return (gsize) (p - text);
}

static guint
cell_width (const char *text, guint max)
{
  gboolean cut;
  gsize len = shown_len (text, max, &cut);
  return (guint) dl_display_width (text, (gssize) len) + (cut ? dl_char_width (0x2026) : 0);
}

/* Appends @text in @width columns; a left-aligned cell is padded only when
 * something follows it (@pad). */
static void
put_cell (GString *b, const char *text, guint max, guint width, gboolean right, gboolean pad)
{
  gboolean cut;
  gsize len = shown_len (text, max, &cut);
  guint used = (guint) dl_display_width (text, (gssize) len) + (cut ? dl_char_width (0x2026) : 0);
  guint fill = width > used ? width - used : 0;
  if (right)
    for (guint i = 0; i < fill; i++)
      g_string_append_c (b, ' ');
  g_string_append_len (b, text, (gssize) len);
  if (cut)
    g_string_append (b, "…");
  if (!right && pad)
    for (guint i = 0; i < fill; i++)
      g_string_append_c (b, ' ');
}

static const char *
sep_before (const DlWriter *w, guint j)
{
  const char *sep = w->columns[w->shown[j]].sep;
  return sep != NULL ? sep : j > 0 ? "  " : "";
}

static const char *
color_of (const DlColumn *c, DlLang lang)
{
  if (c->flags & DL_COLUMN_NODE)
    return COLOR_NODE;
  if (!(c->flags & DL_COLUMN_LANG))
    return NULL;
  switch (lang)
    {
    case DL_LANG_TR:
      return "\033[31m";
    case DL_LANG_EN:
      return "\033[34m";
    default:
      return "\033[2m";
    }
}

/* A section's widths before its rows are seen: the given ones, and room
 * for the headings. */
static void
reset_widths (DlWriter *w)
{
  TextState *s = w->state;
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      s->widths[k] = w->columns[k].width;
      if (!w->options.no_header)
        s->widths[k]
            = MAX (s->widths[k], cell_width (dl_writer_heading (w, k), w->columns[k].max_chars));
    }
}

static void
text_begin (DlWriter *w)
{
  TextState *s = w->state;
  s->widths = g_new0 (guint, w->n_columns);
  reset_widths (w);
}

static void
text_section (DlWriter *w, DlLang lang, const char *heading)
{
  (void) lang;
  if (w->sections > 0)
    fputc ('\n', w->fp);
  fprintf (w->fp, "%s\n", heading);
  reset_widths (w);
}

static void
text_measure (DlWriter *w, guint64 n, DlRowFill fill, gpointer data)
{
  TextState *s = w->state;
  for (guint64 i = 0; i < n; i++)
    {
      const DlCell *cells = fill (data, i);
      for (guint j = 0; j < w->n_shown; j++)
        {
          guint k = w->shown[j];
          const DlColumn *c = &w->columns[k];
          if (c->flags & DL_COLUMN_FIT)
            s->widths[k] = MAX (s->widths[k],
                                cell_width (dl_writer_cell_text (w, k, &cells[k]), c->max_chars));
        }
    }
}

/* One line of @cells, or of the headings (@cells NULL). */
static void
put_line (DlWriter *w, DlLang lang, const DlCell *cells)
{
  TextState *s = w->state;
  GString *b = w->buf;
  g_string_truncate (b, 0);
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      const DlColumn *c = &w->columns[k];
      const char *color = cells != NULL && w->options.color ? color_of (c, lang) : NULL;
      g_string_append (b, sep_before (w, j));
      if (color != NULL)
        g_string_append (b, color);
      const char *text
          = cells != NULL ? dl_writer_cell_text (w, k, &cells[k]) : dl_writer_heading (w, k);
      put_cell (b, text, c->max_chars, s->widths[k], dl_writer_right (w, k), j + 1 < w->n_shown);
      if (color != NULL)
        g_string_append (b, COLOR_RESET);
    }
  g_string_append_c (b, '\n');
  fwrite (b->str, 1, b->len, w->fp);
}

static void
text_row (DlWriter *w, DlLang lang, const DlCell *cells)
{
  if (w->section_rows == 0 && !w->options.no_header)
    put_line (w, lang, NULL);
  put_line (w, lang, cells);
}

static void
text_note (DlWriter *w, const char *text)
{
  fprintf (w->fp, "%s%s\n", w->n_shown > 0 ? sep_before (w, 0) : "", text);
}

static void
text_summary (DlWriter *w, const char *text)
{
  if (w->section_rows > 0 && !w->summarized)
    fputc ('\n', w->fp);
  fprintf (w->fp, "%s\n", text);
}

/* The block as it is, after a blank line if rows precede it; its marks
 * colored or dropped. */
static void
text_block (DlWriter *w, const char *text, const char *html)
{
  (void) html;
  if (text == NULL)
    return;
  GString *b = w->buf;
  g_string_assign (b, w->section_rows > 0 ? "\n" : "");
  for (const char *p = text; *p != '\0'; p++)
    if (*p == DL_WRITER_MARK[0])
      g_string_append (b, w->options.color ? COLOR_NODE : "");
    else if (*p == DL_WRITER_UNMARK[0])
      g_string_append (b, w->options.color ? COLOR_RESET : "");
    else
      g_string_append_c (b, *p);
  fwrite (b->str, 1, b->len, w->fp);
}

static void
text_end (DlWriter *w)
{
  TextState *s = w->state;
  g_free (s->widths);
}

const DlWriterClass dl_writer_text = {
  .name = "text",
  .for_people = TRUE,
  .state_size = sizeof (TextState),
  .begin = text_begin,
  .section = text_section,
  .measure = text_measure,
  .row = text_row,
  .note = text_note,
  .summary = text_summary,
  .block = text_block,
  .end = text_end,
};
