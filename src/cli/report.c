/* report.c — a document for people in text, Markdown or HTML. */
#include "config.h"

#include "report.h"

#include <math.h>
#include <string.h>

#include "printable.h"
#include "svg.h"
#include "textwidth.h"
#include "writer.h"

/* Text: paragraphs are wrapped at this many columns; a bar is this many. */
#define TEXT_COLUMNS 78
#define TEXT_BAR 10
/* HTML: a bar's pixels. */
#define HTML_BAR 70

typedef struct {
  char **cells;   /* one per column */
  double *values; /* one per column */
  char *link;     /* cell @link_column's href, or NULL */
  guint link_column;
  char *id; /* the row's anchor, or NULL */
} Row;

struct _DlReport {
  FILE *fp;
  DlFormat format;
  GString *buf;
  DlReportColumn *columns; /* the open table's, or NULL */
  guint n_columns;
  GPtrArray *rows; /* Row *, of the open table */
};

static const char style[]
    = "@page { size: A4; margin: 14mm; }\n"
      "body { font-family: system-ui, sans-serif; max-width: 182mm; margin: 1.5em auto; "
      "padding: 0 1em; color: #222; line-height: 1.35; }\n"
      "h1 { font-size: 1.35em; }\n"
      "h2 { font-size: 1.15em; border-bottom: 1px solid #999; margin: 1.6em 0 0.5em; "
      "break-after: avoid; }\n"
      "h4 { font-size: 0.95em; margin: 0.9em 0 0.2em; font-weight: 600; }\n"
      "h3 { font-size: 1em; margin: 1.2em 0 0.3em; break-after: avoid; }\n"
      "table { border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0 1em; }\n"
      "th, td { padding: 0.12em 0.55em; text-align: left; vertical-align: middle; }\n"
      "th { border-bottom: 1px solid #777; }\n"
      "td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
      "tbody tr:nth-child(even) { background: #f2f2f2; }\n"
      "tr { break-inside: avoid; }\n"
      "figure { margin: 1em 0; break-inside: avoid; }\n"
      "figcaption { font-size: 0.88em; color: #333; }\n"
      "svg { max-width: 100%; height: auto; }\n"
      "td.bar { white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
      "td.bar .n { display: inline-block; min-width: 3.8em; text-align: right; "
      "margin-right: 0.4em; }\n"
      "svg.bar { vertical-align: middle; }\n"
      "pre { font-size: 0.82em; white-space: pre-wrap; margin: 0.3em 0 1em; }\n"
      "mark { background: #ffe066; font-weight: bold; }\n"
      "a { color: inherit; }\n"
      "p.item { padding-left: 2.2em; text-indent: -2.2em; line-height: 1.9; margin: 0.5em 0; "
      "break-inside: avoid; }\n"
      "p.item span.n { display: inline-block; min-width: 2.2em; text-indent: 0; }\n"
      "div.page { break-before: page; }\n"
      "@media print { body { margin: 0; } tbody tr:nth-child(even) { background: none; } }\n";

static void
put (DlReport *r)
{
  fwrite (r->buf->str, 1, r->buf->len, r->fp);
  g_string_truncate (r->buf, 0);
}

/* @text with its control characters but those in @keep made spaces:
 * corpus text (exercise's sentences, compare's lines) drives no terminal.
 * A new string. */
static char *
shown (const char *text, const char *keep)
{
  gsize len = strlen (text);
  GString *s = g_string_sized_new (len);
  dl_printable_append_text (s, text, len, keep);
  return g_string_free (s, FALSE);
}

static void
escape (DlReport *r, const char *text)
{
  if (r->format == DL_FORMAT_HTML)
    dl_writer_escape_html (r->buf, text);
  else if (r->format == DL_FORMAT_MARKDOWN)
    dl_writer_escape_markdown (r->buf, text);
  else
    g_string_append (r->buf, text);
}

DlReport *
dl_report_new (FILE *fp, DlFormat format, const char *title, const char *lang)
{
  g_return_val_if_fail (dl_format_for_people (format), NULL);
  DlReport *r = g_new0 (DlReport, 1);
  r->fp = fp;
  r->format = format;
  r->buf = g_string_new (NULL);
  if (format == DL_FORMAT_HTML)
    {
      g_string_printf (r->buf, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n", lang);
      g_string_append (r->buf, "<meta charset=\"utf-8\">\n"
                               "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
      escape (r, title);
      g_string_append_printf (r->buf, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
                              style);
      escape (r, title);
      g_string_append (r->buf, "</h1>\n");
    }
  else if (format == DL_FORMAT_MARKDOWN)
    {
      g_string_append (r->buf, "# ");
      escape (r, title);
      g_string_append (r->buf, "\n");
    }
  else
    {
      g_string_append_printf (r->buf, "%s\n", title);
      for (gsize w = dl_display_width (title, -1); w > 0; w--)
        g_string_append (r->buf, "=");
      g_string_append_c (r->buf, '\n');
    }
  put (r);
  return r;
}

void
dl_report_heading (DlReport *r, guint level, const char *text, const char *id)
{
  g_return_if_fail (level >= 2 && level <= 4);
  g_autofree char *clean = shown (text, "");
  text = clean;
  if (r->format == DL_FORMAT_HTML)
    {
      g_string_append_printf (r->buf, "<h%u", level);
      if (id != NULL)
        {
          g_string_append (r->buf, " id=\"");
          escape (r, id);
          g_string_append_c (r->buf, '"');
        }
      g_string_append_c (r->buf, '>');
      escape (r, text);
      g_string_append_printf (r->buf, "</h%u>\n", level);
    }
  else if (r->format == DL_FORMAT_MARKDOWN)
    {
      g_string_append_printf (r->buf, "\n%.*s ", (int) level, "####");
      escape (r, text);
      g_string_append_c (r->buf, '\n');
    }
  else
    {
      g_string_append_printf (r->buf, "\n%s\n", text);
      for (gsize w = dl_display_width (text, -1); level < 4 && w > 0; w--)
        g_string_append_c (r->buf, level == 2 ? '=' : '-');
      if (level < 4)
        g_string_append_c (r->buf, '\n');
    }
  put (r);
}

/* Appends @text to the buffer wrapped at TEXT_COLUMNS, at spaces, the
 * lines after the first indented by @indent columns; the first line has
 * @used columns already. */
static void
wrap_indented (GString *out, const char *text, gsize indent, gsize used)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize w = dl_display_width (words[i], -1);
      if (used > indent && used + 1 + w > TEXT_COLUMNS)
        {
          g_string_append_printf (out, "\n%*s", (int) indent, "");
          used = indent;
        }
      else if (used > 0 && i > 0)
        {
          g_string_append_c (out, ' ');
          used++;
        }
      g_string_append (out, words[i]);
      used += w;
    }
  g_string_append_c (out, '\n');
}

static void
wrap (GString *out, const char *text)
{
  wrap_indented (out, text, 0, 0);
}

void
dl_report_text (DlReport *r, const char *text)
{
  g_autofree char *clean = shown (text, "\n");
  text = clean;
  if (r->format == DL_FORMAT_HTML)
    {
      g_string_append (r->buf, "<p>");
      escape (r, text);
      g_string_append (r->buf, "</p>\n");
    }
  else if (r->format == DL_FORMAT_MARKDOWN)
    {
      g_string_append_c (r->buf, '\n');
      escape (r, text);
      g_string_append_c (r->buf, '\n');
    }
  else
    {
      g_string_append_c (r->buf, '\n');
      wrap (r->buf, text);
    }
  put (r);
}

void
dl_report_item (DlReport *r, const char *label, const char *text, const char *lang)
{
  g_autofree char *clean = shown (text, "\n");
  text = clean;
  if (r->format == DL_FORMAT_HTML)
    {
      g_string_append (r->buf, "<p class=\"item\"");
      if (lang != NULL)
        g_string_append_printf (r->buf, " lang=\"%s\"", lang);
      g_string_append (r->buf, "><span class=\"n\">");
      escape (r, label);
      g_string_append (r->buf, "</span>");
      escape (r, text);
      g_string_append (r->buf, "</p>\n");
    }
  else if (r->format == DL_FORMAT_MARKDOWN)
    {
      g_string_append_c (r->buf, '\n');
      if (*label != '\0')
        {
          g_string_append (r->buf, "**");
          escape (r, label);
          g_string_append (r->buf, "** ");
        }
      escape (r, text);
      g_string_append_c (r->buf, '\n');
    }
  else
    {
      /* An item without a label (a question's options) is indented as
         the text of one with a label of 2 columns ("1."). */
      gsize indent = (*label != '\0' ? dl_display_width (label, -1) : 2) + 1;
      g_string_append_c (r->buf, '\n');
      if (*label != '\0')
        g_string_append_printf (r->buf, "%s ", label);
      else
        g_string_append_printf (r->buf, "%*s", (int) indent, "");
      wrap_indented (r->buf, text, indent, indent);
    }
  put (r);
}

void
dl_report_page_break (DlReport *r)
{
  if (r->format == DL_FORMAT_HTML)
    g_string_append (r->buf, "<div class=\"page\"></div>\n");
  else if (r->format == DL_FORMAT_MARKDOWN)
    g_string_append (r->buf, "\n---\n");
  else
    {
      g_string_append_c (r->buf, '\n');
      for (int i = 0; i < TEXT_COLUMNS; i++)
        g_string_append_c (r->buf, '-');
      g_string_append_c (r->buf, '\n');
    }
  put (r);
}

static void
row_free (gpointer p)
{
  Row *row = p;
  g_strfreev (row->cells);
  g_free (row->values);
  g_free (row->link);
  g_free (row->id);
  g_free (row);
}

void
dl_report_table (DlReport *r, const DlReportColumn *columns, guint n)
{
  g_return_if_fail (r->columns == NULL && n > 0);
  r->columns = g_memdup2 (columns, sizeof *columns * n);
  r->n_columns = n;
  r->rows = g_ptr_array_new_with_free_func (row_free);
}

void
dl_report_row_link (DlReport *r, const char *const *cells, const double *values, guint column,
                    const char *href)
{
  g_return_if_fail (r->columns != NULL);
  Row *row = g_new0 (Row, 1);
  row->cells = g_new0 (char *, r->n_columns + 1);
  row->values = g_new0 (double, r->n_columns);
  for (guint k = 0; k < r->n_columns; k++)
    {
      row->cells[k] = shown (cells[k] != NULL ? cells[k] : "", "");
      row->values[k] = values != NULL ? values[k] : NAN;
    }
  row->link = g_strdup (href);
  row->link_column = column;
  g_ptr_array_add (r->rows, row);
}

void
dl_report_row (DlReport *r, const char *const *cells, const double *values, const char *id)
{
  dl_report_row_link (r, cells, values, 0, NULL);
  Row *row = r->rows->pdata[r->rows->len - 1];
  row->id = g_strdup (id);
}

static gboolean
has_bar (const DlReportColumn *c)
{
  return c->lo < c->hi;
}

/* A text bar of @v on @c's scale: full blocks for a positive value, light
 * ones for a negative. */
static void
text_bar (GString *out, const DlReportColumn *c, double v)
{
  double share = isfinite (v) ? fabs (v) / MAX (fabs (c->lo), fabs (c->hi)) : 0;
  guint n = (guint) lround (MIN (share, 1.0) * TEXT_BAR);
  for (guint i = 0; i < n; i++)
    g_string_append (out, v < 0 ? "░" : "█");
  for (guint i = n; i < TEXT_BAR; i++)
    g_string_append_c (out, ' ');
}

/* Appends @text in @width columns, right-aligned when @right. */
static void
pad (GString *out, const char *text, gsize width, gboolean right)
{
  gsize w = dl_display_width (text, -1);
  if (right)
    for (; w < width; w++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (; w < width; w++)
      g_string_append_c (out, ' ');
}

static void
text_table (DlReport *r)
{
  g_autofree gsize *widths = g_new0 (gsize, r->n_columns);
  for (guint k = 0; k < r->n_columns; k++)
    {
      widths[k] = dl_display_width (r->columns[k].heading, -1);
      for (guint i = 0; i < r->rows->len; i++)
        widths[k] = MAX (widths[k], dl_display_width (((Row *) r->rows->pdata[i])->cells[k], -1));
    }
  g_autoptr (GString) line = g_string_new (NULL);
  for (gint i = -1; i < (gint) r->rows->len; i++)
    {
      g_string_truncate (line, 0);
      const Row *row = i >= 0 ? r->rows->pdata[i] : NULL;
      for (guint k = 0; k < r->n_columns; k++)
        {
          const DlReportColumn *c = &r->columns[k];
          if (k > 0)
            g_string_append (line, "  ");
          pad (line, row != NULL ? row->cells[k] : c->heading, widths[k], c->right);
          if (has_bar (c))
            {
              g_string_append_c (line, ' ');
              if (row != NULL)
                text_bar (line, c, row->values[k]);
              else
                for (int b = 0; b < TEXT_BAR; b++)
                  g_string_append_c (line, ' ');
            }
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (r->buf, "%s\n", line->str);
    }
}

static void
markdown_table (DlReport *r)
{
  g_string_append_c (r->buf, '\n');
  for (guint k = 0; k < r->n_columns; k++)
    {
      g_string_append (r->buf, "| ");
      escape (r, r->columns[k].heading);
      g_string_append_c (r->buf, ' ');
    }
  g_string_append (r->buf, "|\n");
  for (guint k = 0; k < r->n_columns; k++)
    g_string_append (r->buf, r->columns[k].right ? "|---:" : "|---");
  g_string_append (r->buf, "|\n");
  for (guint i = 0; i < r->rows->len; i++)
    {
      const Row *row = r->rows->pdata[i];
      for (guint k = 0; k < r->n_columns; k++)
        {
          g_string_append (r->buf, "| ");
          escape (r, row->cells[k]);
          g_string_append_c (r->buf, ' ');
        }
      g_string_append (r->buf, "|\n");
    }
}

/* The <td> of cell @k of @row. */
static void
html_cell (DlReport *r, const Row *row, guint k)
{
  const DlReportColumn *c = &r->columns[k];
  gboolean bar = has_bar (c) && isfinite (row->values[k]);
  gboolean link = row->link != NULL && k == row->link_column;
  g_string_append (r->buf, bar ? "<td class=\"bar\"" : c->right ? "<td class=\"r\"" : "<td");
  if (c->lang != NULL)
    g_string_append_printf (r->buf, " lang=\"%s\"", c->lang);
  g_string_append (r->buf, bar ? "><span class=\"n\">" : ">");
  if (link)
    {
      g_string_append (r->buf, "<a href=\"");
      escape (r, row->link);
      g_string_append (r->buf, "\">");
    }
  escape (r, row->cells[k]);
  g_string_append (r->buf, link ? "</a>" : "");
  if (bar)
    {
      g_string_append (r->buf, "</span>");
      dl_svg_bar (r->buf, row->values[k], MIN (c->lo, 0.0), MAX (c->hi, 0.0), HTML_BAR);
    }
  g_string_append (r->buf, "</td>");
}

static void
html_table (DlReport *r)
{
  g_string_append (r->buf, "<table>\n<thead><tr>");
  for (guint k = 0; k < r->n_columns; k++)
    {
      const DlReportColumn *c = &r->columns[k];
      g_string_append (r->buf, c->right && !has_bar (c) ? "<th class=\"r\">" : "<th>");
      escape (r, r->columns[k].heading);
      g_string_append (r->buf, "</th>");
    }
  g_string_append (r->buf, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < r->rows->len; i++)
    {
      const Row *row = r->rows->pdata[i];
      g_string_append (r->buf, "<tr");
      if (row->id != NULL)
        {
          g_string_append (r->buf, " id=\"");
          escape (r, row->id);
          g_string_append_c (r->buf, '"');
        }
      g_string_append_c (r->buf, '>');
      for (guint k = 0; k < r->n_columns; k++)
        html_cell (r, row, k);
      g_string_append (r->buf, "</tr>\n");
      put (r);
    }
  g_string_append (r->buf, "</tbody>\n</table>\n");
}

void
dl_report_table_end (DlReport *r)
{
  g_return_if_fail (r->columns != NULL);
  if (r->format == DL_FORMAT_HTML)
    html_table (r);
  else if (r->format == DL_FORMAT_MARKDOWN)
    markdown_table (r);
  else
    {
      g_string_append_c (r->buf, '\n');
      text_table (r);
    }
  put (r);
  g_clear_pointer (&r->columns, g_free);
  g_clear_pointer (&r->rows, g_ptr_array_unref);
}

/* @text as an indented Markdown code block (no fence the text could end). */
static void
markdown_code (GString *out, const char *text)
{
  g_string_append_c (out, '\n');
  for (const char *p = text; *p != '\0';)
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl != NULL ? (gsize) (nl - p) : strlen (p);
      g_string_append (out, "    ");
      g_string_append_len (out, p, (gssize) len);
      g_string_append_c (out, '\n');
      p += len + (nl != NULL);
    }
}

void
dl_report_figure (DlReport *r, const char *html, const char *text, const char *caption)
{
  if (r->format == DL_FORMAT_HTML)
    g_string_append (r->buf, html);
  else
    {
      if (text != NULL && r->format == DL_FORMAT_MARKDOWN)
        markdown_code (r->buf, text);
      else if (text != NULL)
        g_string_append_printf (r->buf, "\n%s", text);
      put (r);
      dl_report_text (r, caption);
    }
  put (r);
}

void
dl_report_pre (DlReport *r, const char *text, const char *lang)
{
  g_autofree char *clean = shown (text, "\n" DL_WRITER_MARK DL_WRITER_UNMARK);
  text = clean;
  if (r->format == DL_FORMAT_HTML)
    {
      g_string_append (r->buf, "<pre");
      if (lang != NULL)
        g_string_append_printf (r->buf, " lang=\"%s\"", lang);
      g_string_append_c (r->buf, '>');
      g_auto (GStrv) parts = g_strsplit_set (text, DL_WRITER_MARK DL_WRITER_UNMARK, -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (r->buf, i % 2 == 1 ? "<mark>" : "</mark>");
          escape (r, parts[i]);
        }
      g_string_append (r->buf, "</pre>\n");
    }
  else
    {
      g_auto (GStrv) parts = g_strsplit_set (text, DL_WRITER_MARK DL_WRITER_UNMARK, -1);
      g_autofree char *plain = g_strjoinv ("", parts);
      if (r->format == DL_FORMAT_MARKDOWN)
        markdown_code (r->buf, plain);
      else
        g_string_append_printf (r->buf, "\n%s", plain);
    }
  put (r);
}

void
dl_report_end (DlReport *r)
{
  if (r->columns != NULL)
    dl_report_table_end (r);
  if (r->format == DL_FORMAT_HTML)
    g_string_append (r->buf, "</body>\n</html>\n");
  put (r);
  g_string_free (r->buf, TRUE);
  g_free (r);
}
