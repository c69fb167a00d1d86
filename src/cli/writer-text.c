/* writer-text.c — text for people: aligned columns (widths in display
 * columns), fitted to the line's width by cutting text with an ellipsis
 * (never numbers), a heading line per section wrapped like the notes, a
 * blank line between sections, ANSI colors when asked. */
#include "config.h"

#include <string.h>

#include "textwidth.h"
#include "writer-private.h"

#define COLOR_NODE "\033[1;31m"
#define COLOR_RESET "\033[0m"

/* A text column narrowed to fit the line keeps at least this many display
 * columns; when the line cannot fit even so (its numbers are too wide),
 * text keeps more, so that what is cut still says something. */
#define TEXT_MIN 4
#define TEXT_MIN_OVERFLOWING 16

typedef struct {
  guint *widths; /* per column, in display columns */
  guint *caps;   /* per column, the most its cells may take: a column narrowed
                    to fit the line, or DL_COLUMN_CUT (G_MAXUINT: as much as
                    they need) */
} TextState;

/* The part of @text a cell shows in at most @max_chars characters (0: any
 * number) and @max_cols display columns, an ellipsis included: all of it,
 * or its start (its end when @front) followed (preceded) by an ellipsis,
 * *@cut then TRUE. Sets *@start and *@len, in bytes; returns the display
 * columns it takes with the ellipsis. */
static guint
shown_part (const char *text, guint max_chars, guint max_cols, gboolean front, const char **start,
            gsize *len, gboolean *cut)
{
  gsize bytes = strlen (text);
  guint width = (guint) dl_display_width (text, (gssize) bytes);
  glong chars = max_chars > 0 ? g_utf8_strlen (text, (gssize) bytes) : 0;
  *start = text;
  *len = bytes;
  *cut = FALSE;
  if (width <= max_cols && (max_chars == 0 || chars <= (glong) max_chars))
    return width;
  if (max_cols == 0)
    {
      *len = 0; /* no room even for the ellipsis */
      return 0;
    }
  *cut = TRUE;
  /* Room for what is kept, the ellipsis (one column, one character) apart. */
  guint cols = max_cols - 1, n = max_chars > 0 ? max_chars - 1 : G_MAXUINT, used = 0, taken = 0;
  if (!front)
    {
      const char *p = text;
      for (; *p != '\0' && taken < n; p = g_utf8_next_char (p), taken++)
        {
          guint w = dl_char_width (g_utf8_get_char (p));
          if (used + w > cols)
            break;
          used += w;
        }
      *len = (gsize) (p - text);
      return used + 1;
    }
  const char *p = text + bytes;
  while (p > text && taken < n)
    {
      const char *prev = g_utf8_prev_char (p);
      guint w = dl_char_width (g_utf8_get_char (prev));
      if (used + w > cols)
        break;
      used += w;
      taken++;
      p = prev;
    }
  /* A combining mark does not start what is shown: its base is cut. */
  while (*p != '\0' && dl_char_width (g_utf8_get_char (p)) == 0)
    p = g_utf8_next_char (p);
  *start = p;
  *len = bytes - (gsize) (p - text);
  return used + 1;
}

static guint
cell_width (const char *text, guint max_chars)
{
  const char *start;
  gsize len;
  gboolean cut;
  return shown_part (text, max_chars, G_MAXUINT, FALSE, &start, &len, &cut);
}

/* Whether a column's cells are text that may be cut to fit the line (not
 * numbers, not the node). */
static gboolean
cuttable (const DlColumn *c)
{
  return c->type == DL_CELL_STRING && !(c->flags & DL_COLUMN_NODE);
}

/* Appends @text, cut to @most display columns if it is wider and @c is
 * cuttable (at its start when it is aligned right, so that the end next to
 * the column after it stays, or a path, whose file name stays), padded to
 * @room; a left-aligned cell only when something follows (@pad). Returns
 * the display columns appended. */
static guint
put_cell (GString *b, const char *text, const DlColumn *c, gboolean right, guint room, guint most,
          gboolean pad)
{
  const char *start;
  gsize len;
  gboolean cut;
  guint max_cols = cuttable (c) ? most : G_MAXUINT;
  gboolean front = right || (c->flags & DL_COLUMN_PATH);
  guint used = shown_part (text, c->max_chars, max_cols, front, &start, &len, &cut);
  guint fill = room > used ? room - used : 0;
  if (!right && !pad)
    fill = 0;
  if (right)
    for (guint i = 0; i < fill; i++)
      g_string_append_c (b, ' ');
  if (cut && front)
    g_string_append (b, "…");
  g_string_append_len (b, start, (gssize) len);
  if (cut && !front)
    g_string_append (b, "…");
  if (!right)
    for (guint i = 0; i < fill; i++)
      g_string_append_c (b, ' ');
  return used + fill;
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

/* The display columns a line of the current widths takes. */
static guint
line_width (const DlWriter *w)
{
  const TextState *s = w->state;
  guint total = 0;
  for (guint j = 0; j < w->n_shown; j++)
    total += (guint) dl_display_width (sep_before (w, j), -1) + s->widths[w->shown[j]];
  return total;
}

/* Narrows text columns, the widest first, by @excess columns at most, none
 * below @floor (or its width, if less). Returns what it narrowed. */
static guint
narrow_text (DlWriter *w, guint excess, guint floor)
{
  TextState *s = w->state;
  guint done = 0;
  while (done < excess)
    {
      guint widest = G_MAXUINT, next = floor;
      for (guint j = 0; j < w->n_shown; j++)
        {
          guint k = w->shown[j];
          if (!cuttable (&w->columns[k]) || s->widths[k] <= floor)
            continue;
          if (widest == G_MAXUINT || s->widths[k] > s->widths[widest])
            {
              if (widest != G_MAXUINT)
                next = MAX (next, s->widths[widest]);
              widest = k;
            }
          else
            next = MAX (next, s->widths[k]);
        }
      if (widest == G_MAXUINT)
        break;
      /* Down to the next widest in one step; ties one column at a time. */
      guint step = MAX (1, MIN (excess - done, s->widths[widest] - next));
      s->widths[widest] -= step;
      s->caps[widest] = s->widths[widest];
      done += step;
    }
  return done;
}

/* The widths of the columns without DL_COLUMN_FIT brought down to what the
 * heading and the @n rows of @fill need (their given widths are at least
 * that much: room the line needs more). */
static void
trim_to_cells (DlWriter *w, guint64 n, DlRowFill fill, gpointer data)
{
  TextState *s = w->state;
  g_autofree guint *need = g_new0 (guint, w->n_columns);
  for (guint j = 0; j < w->n_shown; j++)
    if (!w->options.no_header)
      need[w->shown[j]] = cell_width (dl_writer_heading (w, w->shown[j]), 0);
  for (guint64 i = 0; i < n; i++)
    {
      const DlCell *cells = fill (data, i);
      for (guint j = 0; j < w->n_shown; j++)
        {
          guint k = w->shown[j];
          if (!(w->columns[k].flags & DL_COLUMN_FIT))
            need[k] = MAX (need[k], cell_width (dl_writer_cell_text (w, k, &cells[k]),
                                                w->columns[k].max_chars));
        }
    }
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      if (!(w->columns[k].flags & DL_COLUMN_FIT))
        s->widths[k] = MIN (s->widths[k], need[k]);
    }
}

/* Fits the section's lines into DlWriterOptions.line_width, when they
 * would be wider: numbers lose the room they were given beyond what the
 * section's rows need (when they are known: @fill, or NULL), then text
 * columns are narrowed, the widest first; numbers and the node are never
 * cut. */
static void
fit_widths (DlWriter *w, guint64 n, DlRowFill fill, gpointer data)
{
  TextState *s = w->state;
  guint limit = w->options.line_width, total = line_width (w);
  if (limit == 0 || total <= limit)
    return;
  if (fill != NULL)
    {
      trim_to_cells (w, n, fill, data);
      total = line_width (w);
    }
  guint spare = 0; /* what text columns can give at most */
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      if (cuttable (&w->columns[k]) && s->widths[k] > TEXT_MIN)
        spare += s->widths[k] - TEXT_MIN;
    }
  if (total > limit)
    narrow_text (w, total - limit, total - spare <= limit ? TEXT_MIN : TEXT_MIN_OVERFLOWING);
}

/* The caps of a section's columns before any is narrowed: the widths of
 * DL_COLUMN_CUT, none for the others. */
static void
cap_widths (DlWriter *w)
{
  TextState *s = w->state;
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      s->caps[k] = w->columns[k].flags & DL_COLUMN_CUT ? s->widths[k] : G_MAXUINT;
    }
}

/* A section's widths before its rows are seen: the given ones, and room
 * for the headings; fitted to the line. */
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
  cap_widths (w);
  fit_widths (w, 0, NULL, NULL);
}

/* Ends the line in @b and starts the next after @indent; returns its
 * display column. */
static guint
new_line (GString *b, const char *indent)
{
  g_string_append_c (b, '\n');
  g_string_append (b, indent);
  return (guint) dl_display_width (indent, -1);
}

/* Writes the line @text (a heading, a note, a summary) after @indent,
 * wrapped at spaces to the line's width; the lines after the first are
 * indented two columns more. A word wider than a line is broken where the
 * line ends. */
static void
put_prose_line (DlWriter *w, const char *indent, const char *text)
{
  guint limit = w->options.line_width, start = (guint) dl_display_width (indent, -1);
  if (limit == 0 || start + dl_display_width (text, -1) <= limit)
    {
      fprintf (w->fp, "%s%s\n", indent, text);
      return;
    }
  g_autofree char *more = g_strconcat (indent, "  ", NULL);
  GString *b = w->buf;
  g_string_assign (b, indent);
  guint col = start;
  for (const char *p = text; *p != '\0';)
    {
      const char *word = p, *end;
      while (*word == ' ')
        word++;
      if (*word == '\0')
        break; /* spaces at the end */
      for (end = word; *end != '\0' && *end != ' ';)
        end = g_utf8_next_char (end);
      guint gap = (guint) (word - p), ww = (guint) dl_display_width (word, end - word);
      if (col > start && col + gap + ww > limit)
        col = start = new_line (b, more);
      else if (col > start)
        {
          g_string_append_len (b, p, gap);
          col += gap;
        }
      for (const char *q = word; q < end; q = g_utf8_next_char (q))
        {
          guint cw = dl_char_width (g_utf8_get_char (q));
          if (col > start && col + cw > limit)
            col = start = new_line (b, more);
          g_string_append_len (b, q, g_utf8_next_char (q) - q);
          col += cw;
        }
      p = end;
    }
  g_string_append_c (b, '\n');
  fwrite (b->str, 1, b->len, w->fp);
}

/* Writes @text, each of its lines as put_prose_line does. */
static void
put_prose (DlWriter *w, const char *indent, const char *text)
{
  if (strchr (text, '\n') == NULL)
    {
      put_prose_line (w, indent, text);
      return;
    }
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    put_prose_line (w, indent, lines[i]);
}

static void
text_begin (DlWriter *w)
{
  TextState *s = w->state;
  s->widths = g_new0 (guint, w->n_columns);
  s->caps = g_new0 (guint, w->n_columns);
  reset_widths (w);
}

static void
text_section (DlWriter *w, DlLang lang, const char *heading)
{
  (void) lang;
  if (w->sections > 0)
    fputc ('\n', w->fp);
  put_prose (w, "", heading);
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
  cap_widths (w);
  fit_widths (w, n, fill, data);
}

/* One line of @cells, or of the headings (@cells NULL), each padded to its
 * column's width. One that runs over (a number, the node, text of a column
 * neither narrowed nor DL_COLUMN_CUT) pushes what follows, but a column
 * narrowed to fit the line or DL_COLUMN_CUT takes less to make up for it,
 * and the last text is cut where the line ends. */
static void
put_line (DlWriter *w, DlLang lang, const DlCell *cells)
{
  TextState *s = w->state;
  GString *b = w->buf;
  g_string_truncate (b, 0);
  guint pos = 0, end = 0, limit = w->options.line_width;
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      const DlColumn *c = &w->columns[k];
      const char *color = cells != NULL && w->options.color ? color_of (c, lang) : NULL;
      const char *sep = sep_before (w, j);
      g_string_append (b, sep);
      guint sw = (guint) dl_display_width (sep, -1);
      pos += sw;
      end += sw + s->widths[k];
      gboolean last = j + 1 == w->n_shown;
      gboolean capped = s->caps[k] != G_MAXUINT;
      guint room = !capped ? s->widths[k] : end > pos ? end - pos : 0;
      guint most = capped ? room : G_MAXUINT;
      if (limit > 0 && last)
        most = MIN (most, limit > pos ? limit - pos : 0);
      if (color != NULL)
        g_string_append (b, color);
      const char *text
          = cells != NULL ? dl_writer_cell_text (w, k, &cells[k]) : dl_writer_heading (w, k);
      pos += put_cell (b, text, c, dl_writer_right (w, k), room, most, !last);
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
  put_prose (w, w->n_shown > 0 ? sep_before (w, 0) : "", text);
}

static void
text_summary (DlWriter *w, const char *text)
{
  if (w->section_rows > 0 && !w->summarized)
    fputc ('\n', w->fp);
  put_prose (w, "", text);
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
  g_free (s->caps);
}

const DlWriterClass dl_writer_text = {
  .name = "text",
  .for_people = TRUE,
  .controls = "", /* a tab or a line break in a cell would break the columns */
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
