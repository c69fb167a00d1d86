/* writer-html.c — HTML: one self-contained page (style inline, no script),
 * a heading saying what was run, a table per section, every piece of text
 * escaped, each row in its language (lang="tr"). */
#include "config.h"

#include "writer-private.h"

typedef struct {
  gboolean in_table, in_section;
} HtmlState;

void
dl_writer_escape_html (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      case '\'':
        g_string_append (out, "&#39;");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

/* The language of a row or section as HTML says it ("und": undetermined). */
static const char *
lang_attr (DlLang lang)
{
  return lang == DL_LANG_TR ? "tr" : lang == DL_LANG_EN ? "en" : "und";
}

static const char style[]
    = "body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }\n"
      "h1 { font-size: 1.3em; }\n"
      "h2 { font-size: 1.05em; margin: 1.4em 0 0.4em; }\n"
      "table { border-collapse: collapse; font-size: 0.92em; }\n"
      "th, td { padding: 0.15em 0.6em; text-align: left; vertical-align: top; }\n"
      "th { border-bottom: 1px solid #999; background: #fafafa; position: sticky; top: 0; }\n"
      "tbody tr:nth-child(even) { background: #f4f4f4; }\n"
      "td { white-space: pre-wrap; }\n"
      "td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
      "mark { background: #ffe066; font-weight: bold; padding: 0 0.2em; }\n"
      "tr[lang=\"tr\"] td.lang { color: #b22; }\n"
      "tr[lang=\"en\"] td.lang { color: #22b; }\n"
      "tr[lang=\"und\"] td.lang { color: #888; }\n"
      "p.note, p.summary { margin: 0.4em 0; color: #444; }\n";

static void
html_begin (DlWriter *w)
{
  GString *b = w->buf;
  g_string_assign (b, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
  dl_writer_escape_html (b, w->options.title);
  g_string_append (b, "</title>\n<style>\n");
  g_string_append (b, style);
  /* A concordance line stays one line, so that the nodes line up. */
  for (guint j = 0; j < w->n_shown; j++)
    if (w->columns[w->shown[j]].flags & DL_COLUMN_NODE)
      g_string_append (b, "td { white-space: pre; }\n");
  /* Right-aligned columns, by their names (identifiers, no escaping). */
  for (guint j = 0; j < w->n_shown; j++)
    if (dl_writer_right (w, w->shown[j]))
      g_string_append_printf (b, "td.%s, th.%s { text-align: right; }\n",
                              w->columns[w->shown[j]].name, w->columns[w->shown[j]].name);
  g_string_append (b, "</style>\n</head>\n<body>\n<h1>");
  dl_writer_escape_html (b, w->options.title);
  g_string_append (b, "</h1>\n");
  fwrite (b->str, 1, b->len, w->fp);
}

static void
close_table (DlWriter *w)
{
  HtmlState *s = w->state;
  if (s->in_table)
    fputs ("</tbody>\n</table>\n", w->fp);
  s->in_table = FALSE;
}

static void
close_section (DlWriter *w)
{
  HtmlState *s = w->state;
  close_table (w);
  if (s->in_section)
    fputs ("</section>\n", w->fp);
  s->in_section = FALSE;
}

static void
html_section (DlWriter *w, DlLang lang, const char *heading)
{
  HtmlState *s = w->state;
  close_section (w);
  GString *b = w->buf;
  g_string_assign (b, "<section");
  if (lang != DL_LANG_NONE)
    g_string_append_printf (b, " lang=\"%s\"", lang_attr (lang));
  g_string_append (b, ">\n<h2>");
  dl_writer_escape_html (b, heading);
  g_string_append (b, "</h2>\n");
  fwrite (b->str, 1, b->len, w->fp);
  s->in_section = TRUE;
}

static void
open_table (DlWriter *w)
{
  HtmlState *s = w->state;
  GString *b = w->buf;
  g_string_assign (b, "<table>\n<thead><tr>");
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      g_string_append_printf (b, "<th class=\"%s\">", w->columns[k].name);
      dl_writer_escape_html (b, dl_writer_heading (w, k));
      g_string_append (b, "</th>");
    }
  g_string_append (b, "</tr></thead>\n<tbody>\n");
  fwrite (b->str, 1, b->len, w->fp);
  s->in_table = TRUE;
}

static void
html_row (DlWriter *w, DlLang lang, const DlCell *cells)
{
  HtmlState *s = w->state;
  if (!s->in_table)
    open_table (w);
  GString *b = w->buf;
  g_string_truncate (b, 0);
  g_string_append_printf (b, "<tr lang=\"%s\">", lang_attr (lang));
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      const DlColumn *c = &w->columns[k];
      gboolean node = c->flags & DL_COLUMN_NODE;
      g_string_append_printf (b, "<td class=\"%s%s\">%s", c->name,
                              c->type != DL_CELL_STRING ? " num" : "", node ? "<mark>" : "");
      dl_writer_escape_html (b, dl_writer_cell_text (w, k, &cells[k]));
      g_string_append (b, node ? "</mark></td>" : "</td>");
    }
  g_string_append (b, "</tr>\n");
  fwrite (b->str, 1, b->len, w->fp);
}

static void
paragraph (DlWriter *w, const char *class, const char *text)
{
  GString *b = w->buf;
  g_string_printf (b, "<p class=\"%s\">", class);
  dl_writer_escape_html (b, text);
  g_string_append (b, "</p>\n");
  fwrite (b->str, 1, b->len, w->fp);
}

static void
html_note (DlWriter *w, const char *text)
{
  close_table (w);
  paragraph (w, "note", text);
}

static void
html_summary (DlWriter *w, const char *text)
{
  close_section (w);
  paragraph (w, "summary", text);
}

/* @html as it is, or @text in <pre>, its marks <mark>. */
static void
html_block (DlWriter *w, const char *text, const char *html)
{
  close_table (w);
  GString *b = w->buf;
  if (html != NULL)
    g_string_assign (b, html);
  else if (text == NULL)
    return;
  else
    {
      g_string_assign (b, "<pre>");
      g_auto (GStrv) parts = g_strsplit_set (text, DL_WRITER_MARK DL_WRITER_UNMARK, -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (b, i % 2 == 1 ? "<mark>" : "</mark>");
          dl_writer_escape_html (b, parts[i]);
        }
      g_string_append (b, "</pre>\n");
    }
  fwrite (b->str, 1, b->len, w->fp);
}

static void
html_end (DlWriter *w)
{
  close_section (w);
  fputs ("</body>\n</html>\n", w->fp);
}

const DlWriterClass dl_writer_html = {
  .name = "html",
  .for_people = TRUE,
  .controls = "\t\n", /* white space in a cell (pre-wrap) */
  .state_size = sizeof (HtmlState),
  .begin = html_begin,
  .section = html_section,
  .row = html_row,
  .note = html_note,
  .summary = html_summary,
  .block = html_block,
  .end = html_end,
};
