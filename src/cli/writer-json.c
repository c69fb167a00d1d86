/* writer-json.c — JSON: an array of objects keyed by the column names,
 * numbers bare (an empty number cell null), one object a line. */
#include "config.h"

#include <string.h>

#include "writer-private.h"

/* A JSON string of @text. JSON is UTF-8: a byte that is not part of valid
 * UTF-8 (none comes from corpus text, which is decoded, and names are
 * escaped before) is written as the text \xNN, as dl_printable_name
 * writes it, never as it is. */
static void
escape_json (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;
      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (p, -1);
          if (u == (gunichar) -1 || u == (gunichar) -2)
            g_string_append_printf (out, "\\\\x%02x", c);
          else
            {
              const char *next = g_utf8_next_char (p);
              g_string_append_len (out, p, next - p);
              p = next - 1;
            }
          continue;
        }
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* @text, "form (freq), form (freq)..." (freq's forms), as an array of
 * {"form": ..., "freq": N}; a piece not of that shape is {"form": piece}. */
static void
forms_json (GString *out, const char *text)
{
  g_string_append_c (out, '[');
  g_auto (GStrv) pieces = g_strsplit (text, ", ", -1);
  for (guint i = 0; text[0] != '\0' && pieces[i] != NULL; i++)
    {
      const char *open = g_strrstr (pieces[i], " (");
      gsize len = strlen (pieces[i]);
      gboolean counted = open != NULL && len > 0 && pieces[i][len - 1] == ')'
                         && strspn (open + 2, "0123456789") == len - (gsize) (open - pieces[i]) - 3
                         && open[2] != ')';
      g_string_append (out, i > 0 ? ",{\"form\":" : "{\"form\":");
      g_autofree char *form = counted ? g_strndup (pieces[i], (gsize) (open - pieces[i])) : NULL;
      escape_json (out, counted ? form : pieces[i]);
      if (counted)
        g_string_append_printf (out, ",\"freq\":%.*s", (int) (len - (gsize) (open - pieces[i]) - 3),
                                open + 2);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/* @text, "a | b | c" (DL_COLUMN_LIST), as an array of strings. */
static void
list_json (GString *out, const char *text)
{
  g_string_append_c (out, '[');
  g_auto (GStrv) pieces = g_strsplit (text, DL_WRITER_LIST_SEP, -1);
  for (guint i = 0; text[0] != '\0' && pieces[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      escape_json (out, pieces[i]);
    }
  g_string_append_c (out, ']');
}

static void
json_begin (DlWriter *w)
{
  fputc ('[', w->fp);
}

static void
json_row (DlWriter *w, DlLang lang, const DlCell *cells)
{
  (void) lang;
  GString *b = w->buf;
  g_string_assign (b, w->rows > 0 ? ",\n{" : "\n{");
  for (guint j = 0; j < w->n_shown; j++)
    {
      guint k = w->shown[j];
      if (j > 0)
        g_string_append_c (b, ',');
      escape_json (b, w->columns[k].name);
      g_string_append_c (b, ':');
      const char *text = dl_writer_cell_text (w, k, &cells[k]);
      if (w->columns[k].flags & DL_COLUMN_FORMS)
        forms_json (b, text);
      else if (w->columns[k].flags & DL_COLUMN_LIST)
        list_json (b, text);
      else if (w->columns[k].type == DL_CELL_STRING)
        escape_json (b, text);
      else
        /* An empty number cell (an undefined value: keyness's %DIFF when
           b = 0, stats' STTR below 1,000 tokens) is null. */
        g_string_append (b, *text != '\0' ? text : "null");
    }
  g_string_append_c (b, '}');
  fwrite (b->str, 1, b->len, w->fp);
}

static void
json_end (DlWriter *w)
{
  fputs (w->rows > 0 ? "\n]\n" : "]\n", w->fp);
}

/* Exact: every control character is escaped (\u001b), none made a space. */
const DlWriterClass dl_writer_json
    = { .name = "json", .controls = NULL, .begin = json_begin, .row = json_row, .end = json_end };
