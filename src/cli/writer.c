/* writer.c — the result writer's front: which columns a format shows, the
 * rows handed to the back end of --format (writer-*.c), numbers written out. */
#include "config.h"

#include "writer.h"

#include <string.h>

#include "i18n.h"
#include "output.h"
#include "printable.h"
#include "writer-private.h"

/* The back end of each --format, in DlFormat order: adding a format is its
 * file (writer-NAME.c), its DlFormat and its row here. */
static const DlWriterClass *const classes[] = {
  [DL_FORMAT_TEXT] = &dl_writer_text, [DL_FORMAT_TSV] = &dl_writer_tsv,
  [DL_FORMAT_CSV] = &dl_writer_csv,   [DL_FORMAT_JSON] = &dl_writer_json,
  [DL_FORMAT_HTML] = &dl_writer_html, [DL_FORMAT_MARKDOWN] = &dl_writer_markdown,
};
G_STATIC_ASSERT (G_N_ELEMENTS (classes) == DL_FORMAT_COUNT);

/* Whatever the back end writes, it writes with the progress line erased
 * (rows streamed to the terminal that shows it), flushed before the line
 * may come back. */
static void
hold_line (DlWriter *w)
{
  dl_progress_line_hold (w->options.progress_line);
}

static void
release_line (DlWriter *w)
{
  if (w->options.progress_line == NULL)
    return;
  fflush (w->fp);
  dl_progress_line_release (w->options.progress_line);
}

static const DlWriterClass *
writer_class (DlFormat format)
{
  g_return_val_if_fail ((guint) format < DL_FORMAT_COUNT, &dl_writer_text);
  return classes[format];
}

const char *
dl_format_name (DlFormat format)
{
  return writer_class (format)->name;
}

gboolean
dl_format_for_people (DlFormat format)
{
  return writer_class (format)->for_people;
}

DlWriter *
dl_writer_new (FILE *fp, DlFormat format, const DlColumn *columns, guint n_columns,
               const DlWriterOptions *options)
{
  g_return_val_if_fail (fp != NULL && columns != NULL && n_columns > 0, NULL);
  DlWriter *w = g_new0 (DlWriter, 1);
  w->klass = writer_class (format);
  w->fp = fp;
  w->format = format;
  /* Looked up once: real cells are many. */
  w->point = dl_format_for_people (format) ? dl_decimal_point () : '.';
  if (options != NULL)
    w->options = *options;
  w->options.title = g_strdup (w->options.title != NULL ? w->options.title : "derlem");
  w->options.group = g_strdup (w->options.group);
  w->options.root = g_strdup (w->options.root);
  /* The group's column after the command's. */
  w->columns = g_new (DlColumn, n_columns + 1);
  memcpy (w->columns, columns, n_columns * sizeof *columns);
  if (w->options.group != NULL)
    {
      w->columns[n_columns++] = (DlColumn){
        w->options.group, NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0
      };
      w->row_cells = g_new0 (DlCell, n_columns);
      w->group_value = g_strdup ("");
    }
  w->n_columns = n_columns;
  w->shown = g_new (guint, n_columns);
  DlColumnFlags hidden
      = DL_COLUMN_OFF | (dl_format_for_people (format) ? DL_COLUMN_MACHINE : DL_COLUMN_PEOPLE);
  for (guint k = 0; k < n_columns; k++)
    if (!(w->columns[k].flags & hidden))
      w->shown[w->n_shown++] = k;
  w->buf = g_string_sized_new (256);
  w->numbers = g_malloc (n_columns * sizeof *w->numbers);
  w->texts = g_new0 (GString *, n_columns);
  w->section_lang = DL_LANG_NONE;
  w->state = w->klass->state_size > 0 ? g_malloc0 (w->klass->state_size) : NULL;
  hold_line (w);
  if (w->klass->begin != NULL)
    w->klass->begin (w);
  release_line (w);
  return w;
}

void
dl_writer_group (DlWriter *w, const char *value, const char *label)
{
  g_free (w->group_value);
  w->group_value = g_strdup (value);
  g_free (w->group_label);
  w->group_label = g_strdup (label);
}

/* A heading or note for people with its control characters but line
 * breaks made spaces (what text wraps and indents): a new string. */
static char *
shown_prose (const char *text)
{
  GString *b = g_string_new (NULL);
  dl_printable_append_text (b, text, strlen (text), "\n");
  return g_string_free (b, FALSE);
}

void
dl_writer_section (DlWriter *w, DlLang lang, const char *heading)
{
  w->section_lang = lang;
  w->section_rows = 0;
  w->summarized = FALSE;
  g_autofree char *grouped = NULL;
  if (w->group_label != NULL && heading == NULL)
    heading = w->group_label;
  else if (w->group_label != NULL)
    /* Translators: a section's heading in one part of the corpus (--by):
       the part (KEY=VALUE), then the heading. */
    heading = grouped = g_strdup_printf (_ ("%s — %s"), w->group_label, heading);
  g_autofree char *shown = heading != NULL ? shown_prose (heading) : NULL;
  hold_line (w);
  if (w->klass->section != NULL)
    w->klass->section (w, lang, shown);
  release_line (w);
  w->sections++;
}

void
dl_writer_row (DlWriter *w, DlLang lang, const DlCell *cells)
{
  if (w->row_cells != NULL)
    {
      /* The command's cells, then the group's. */
      guint n = w->n_columns - 1;
      memcpy (w->row_cells, cells, n * sizeof *cells);
      w->row_cells[n] = (DlCell){ w->group_value, 0, 0 };
      cells = w->row_cells;
    }
  hold_line (w);
  w->klass->row (w, lang != DL_LANG_NONE ? lang : w->section_lang, cells);
  release_line (w);
  w->rows++;
  w->section_rows++;
}

void
dl_writer_measure (DlWriter *w, guint64 n, DlRowFill fill, gpointer data)
{
  if (n > 0 && w->klass->measure != NULL)
    w->klass->measure (w, n, fill, data);
}

void
dl_writer_rows (DlWriter *w, guint64 n, DlRowFill fill, gpointer data)
{
  if (n == 0)
    return;
  dl_writer_measure (w, n, fill, data);
  for (guint64 i = 0; i < n; i++)
    {
      dl_writer_row (w, DL_LANG_NONE, fill (data, i));
    }
}

void
dl_writer_note (DlWriter *w, const char *text)
{
  g_autofree char *shown = shown_prose (text);
  hold_line (w);
  if (w->klass->note != NULL)
    w->klass->note (w, shown);
  release_line (w);
}

void
dl_writer_summary (DlWriter *w, const char *text)
{
  g_autofree char *shown = shown_prose (text);
  hold_line (w);
  if (w->klass->summary != NULL)
    w->klass->summary (w, shown);
  release_line (w);
  w->summarized = TRUE;
}

void
dl_writer_block (DlWriter *w, const char *text, const char *html)
{
  hold_line (w);
  if (w->klass->block != NULL)
    w->klass->block (w, text, html);
  release_line (w);
}

void
dl_writer_end (DlWriter *w)
{
  if (w == NULL)
    return;
  hold_line (w);
  if (w->klass->end != NULL)
    w->klass->end (w);
  release_line (w);
  g_free (w->state);
  g_free (w->numbers);
  for (guint k = 0; k < w->n_columns; k++)
    if (w->texts[k] != NULL)
      g_string_free (w->texts[k], TRUE);
  g_free (w->texts);
  g_string_free (w->buf, TRUE);
  g_free (w->shown);
  g_free (w->columns);
  g_free (w->row_cells);
  g_free (w->group_value);
  g_free (w->group_label);
  g_free ((char *) w->options.group);
  g_free ((char *) w->options.root);
  g_free ((char *) w->options.title);
  g_free (w);
}

/* @buf with its decimal point made @point, in place. */
static char *
with_point (char *buf, char point)
{
  char *dot = point != '.' ? strchr (buf, '.') : NULL;
  if (dot != NULL)
    *dot = point;
  return buf;
}

/* Column @k's buffer for a cell's text made safe to show, emptied. */
static GString *
text_buffer (DlWriter *w, guint k)
{
  if (w->texts[k] == NULL)
    w->texts[k] = g_string_new (NULL);
  g_string_truncate (w->texts[k], 0);
  return w->texts[k];
}

/* @text, or in column @k's buffer @text with the control characters that
 * @w's back end does not write its own way made spaces. */
static const char *
shown_text (DlWriter *w, guint k, const char *text)
{
  const char *keep = w->klass->controls;
  gsize len = strlen (text);
  if (keep == NULL || dl_printable_find_control (text, len, keep) == NULL)
    return text;
  GString *b = text_buffer (w, k);
  dl_printable_append_text (b, text, len, keep);
  return b->str;
}

/* @path relative to DlWriterOptions.root in text; as it is in every other
 * format (machines read them; HTML and Markdown are read away from the
 * run, where the path says where the file was). Points into @path. */
static const char *
relative_path (const DlWriter *w, const char *path)
{
  const char *root = w->options.root;
  gsize n = root != NULL ? strlen (root) : 0;
  if (n == 0 || w->format != DL_FORMAT_TEXT || strncmp (path, root, n) != 0 || path[n] == '\0')
    return path;
  return path + n;
}

/* Column @k's @path as dl_writer_path shows it, in the column's buffer (a
 * name needs no copy unless something in it is escaped). */
static const char *
shown_path (DlWriter *w, guint k, const char *path)
{
  const char *rel = relative_path (w, path);
  if (dl_printable_name_is_plain (rel))
    return rel;
  GString *b = text_buffer (w, k);
  dl_printable_append_name (b, rel);
  return b->str;
}

const char *
dl_writer_cell_text (DlWriter *w, guint k, const DlCell *cell)
{
  const DlColumn *c = &w->columns[k];
  gboolean people = dl_format_for_people (w->format);
  if (c->type == DL_CELL_REAL && people && cell->s != NULL && cell->s[0] != '\0'
      && strlen (cell->s) < sizeof w->numbers[k])
    /* A number the command wrote out (per million): the people's point. */
    return with_point (strcpy (w->numbers[k], cell->s), w->point);
  if (c->flags & DL_COLUMN_PATH)
    return cell->s != NULL ? shown_path (w, k, cell->s) : "";
  if (cell->s != NULL || c->type == DL_CELL_STRING)
    return cell->s != NULL ? shown_text (w, k, cell->s) : "";
  if (c->type == DL_CELL_INTEGER)
    return dl_format_u64 (w->numbers[k], cell->i);
  int decimals = c->decimals;
  if (c->people_decimals > 0 && people)
    decimals = c->people_decimals;
  dl_format_real (w->numbers[k], sizeof w->numbers[k], cell->r, decimals > 0 ? decimals : 2);
  return with_point (w->numbers[k], w->point);
}

char *
dl_writer_path (const DlWriter *w, const char *path)
{
  return dl_printable_name (relative_path (w, path));
}

guint
dl_writer_line_width (const DlWriter *w)
{
  return w->options.line_width;
}

const char *
dl_writer_heading (const DlWriter *w, guint k)
{
  const DlColumn *c = &w->columns[k];
  return c->heading != NULL ? c->heading : c->name;
}

gboolean
dl_writer_right (const DlWriter *w, guint k)
{
  const DlColumn *c = &w->columns[k];
  return c->type != DL_CELL_STRING || (c->flags & DL_COLUMN_RIGHT);
}
