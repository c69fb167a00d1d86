/* writer.h — the result writer: a command describes its table (typed
 * columns, rows, sections, summary lines) once, and a back end per --format
 * writes it: text, TSV, CSV, JSON, HTML or Markdown. */
#ifndef DL_WRITER_H
#define DL_WRITER_H

#include <stdio.h>

#include <glib.h>

#include "options.h"
#include "progress-line.h"
#include "types.h"

G_BEGIN_DECLS

typedef enum {
  DL_CELL_STRING,
  DL_CELL_INTEGER, /* bare in JSON, aligned right for people */
  DL_CELL_REAL,    /* likewise */
} DlCellType;

typedef enum {
  DL_COLUMN_MACHINE = 1 << 0, /* only in TSV, CSV, JSON (lang: a section for people) */
  DL_COLUMN_PEOPLE = 1 << 1,  /* only in text, HTML, Markdown */
  DL_COLUMN_FIT = 1 << 2,     /* text: as wide as its widest cell in the section */
  DL_COLUMN_RIGHT = 1 << 3,   /* aligned right (numbers always are) */
  DL_COLUMN_NODE = 1 << 4,    /* the highlighted node: color, <mark>, bold */
  DL_COLUMN_LANG = 1 << 5,    /* text: colored by the row's language */
  DL_COLUMN_OFF = 1 << 6,     /* in no format: a column the run's options leave out */
  DL_COLUMN_FORMS = 1 << 7,   /* "form (freq), form (freq)...": JSON writes an array of
                                 {"form": ..., "freq": N} objects */
  DL_COLUMN_PATH = 1 << 8,    /* an input's path, or text starting with one (file:line):
                                 escaped as dl_writer_path says; in text relative to
                                 DlWriterOptions.root, cut at its start (the file's
                                 name stays) */
  DL_COLUMN_CUT = 1 << 9,     /* text: a cell wider than the column is cut to it (at its
                                 start when aligned right), or to what an earlier cell
                                 that ran over left, so the next column starts in one
                                 place (kwic's contexts) */
  DL_COLUMN_LIST = 1 << 10,   /* items joined by DL_WRITER_LIST_SEP: JSON writes an array
                                 of strings */
} DlColumnFlags;

/* Between the items of a DL_COLUMN_LIST cell. */
#define DL_WRITER_LIST_SEP " | "

typedef struct {
  const char *name;    /* TSV/CSV header, JSON key, HTML class */
  const char *heading; /* for people, translated (NULL: the name) */
  DlCellType type;
  DlColumnFlags flags;
  guint width;         /* text: at least this many display columns */
  guint max_chars;     /* text: longer cells cut with an ellipsis (0: never) */
  const char *sep;     /* text: what precedes it (NULL: two spaces, none first) */
  int decimals;        /* DL_CELL_REAL in TSV, CSV, JSON */
  int people_decimals; /* DL_CELL_REAL for people (0: as decimals) */
} DlColumn;

/* One cell. A string column's text is @s; a number column's value is @i
 * (integer) or @r (real) unless @s holds it already written out ("" for an
 * undefined value: an empty cell, null in JSON). */
typedef struct {
  const char *s;
  guint64 i;
  double r;
} DlCell;

/* No language: a section of a file (langs), a row whose language is unknown. */
#define DL_LANG_NONE ((DlLang) DL_LANG_COUNT)

typedef struct {
  const char *title;             /* what was run: "derlem kwic: savaş" (HTML, Markdown) */
  gboolean color;                /* text: ANSI colors */
  gboolean no_header;            /* text: no heading row */
  guint line_width;              /* text: the widest a line may be, in display
                                    columns: text columns are cut to fit it
                                    (numbers and the node never are),
                                    headings and notes wrapped (0: no limit) */
  const char *group;             /* a last machine column of this name holding the
                                    group's value (dl_writer_group), or NULL */
  const char *root;              /* text: what paths (DL_COLUMN_PATH,
                                    dl_writer_path) are shown relative to, the
                                    inputs' common directory with its '/' (NULL:
                                    none) */
  DlProgressLine *progress_line; /* rows streamed to the terminal that shows
                                    progress: the line is erased while they
                                    are written (NULL: no such line) */
} DlWriterOptions;

typedef struct _DlWriter DlWriter;

/* A writer of @format to @fp (not owned) for a table of @columns (copied).
 * Whatever comes before the rows (TSV header, HTML head, "[") is written
 * now. Free with dl_writer_end. */
DlWriter *dl_writer_new (FILE *fp, DlFormat format, const DlColumn *columns, guint n_columns,
                         const DlWriterOptions *options);

/* Starts a group of sections (a part of the corpus, --by): @value goes in
 * the group column of its rows (DlWriterOptions.group), @label before the
 * headings of its sections, for people. */
void dl_writer_group (DlWriter *w, const char *value, const char *label);

/* Starts a section (each language of a list; each file in langs) headed by
 * @heading (NULL: the group's label alone), its rows in @lang (or
 * DL_LANG_NONE: each row says). Ends the previous one. Machine formats have
 * one table and no sections. */
void dl_writer_section (DlWriter *w, DlLang lang, const char *heading);

/* Row @i of @data: a cell per column, owned by @data, valid until the
 * next call. */
typedef const DlCell *(*DlRowFill) (gpointer data, guint64 i);

/* Writes @n rows of the current section from @fill, which may be asked for
 * a row twice (text measures a section's columns first). */
void dl_writer_rows (DlWriter *w, guint64 n, DlRowFill fill, gpointer data);

/* Sizes the current section's columns for the @n rows of @fill, as
 * dl_writer_rows does, for rows then written one by one with
 * dl_writer_row (in languages of their own: kwic's sorted hits). */
void dl_writer_measure (DlWriter *w, guint64 n, DlRowFill fill, gpointer data);

/* Writes one row in @lang (DL_LANG_NONE: the section's), streamed: text
 * columns keep their given widths. */
void dl_writer_row (DlWriter *w, DlLang lang, const DlCell *cells);

/* A summary line of the current section (langs: a file's line counts),
 * for people only; text indents it like the rows. */
void dl_writer_note (DlWriter *w, const char *text);

/* A summary line of the whole result, after every section (kwic: hits per
 * language), for people only; text puts a blank line after the rows. */
void dl_writer_summary (DlWriter *w, const char *text);

/* In a block's text, what lies between DL_WRITER_MARK and DL_WRITER_UNMARK
 * is highlighted: in the node's color in text with --color, <mark> in
 * HTML's <pre>; Markdown drops the marks. */
#define DL_WRITER_MARK "\001"
#define DL_WRITER_UNMARK "\002"

/* A block for people after the current section's rows (a plot): @text,
 * lines each ending in a newline, preformatted: as it is in text, in a
 * fenced code block in Markdown, in <pre> in HTML unless @html is given,
 * which HTML writes as it is (markup the caller built, its text escaped
 * with dl_writer_escape_html: an inline SVG). @text may be NULL for a block
 * of HTML alone. Machine formats write nothing. */
void dl_writer_block (DlWriter *w, const char *text, const char *html);

/* @path as @w shows it: relative to DlWriterOptions.root in text; as it is
 * in every other format (machines read them; HTML and Markdown are read
 * away from the run, where the path says where the file was); in every
 * format escaped by dl_printable_name (printable.h), so that a name's
 * control characters and bytes that are not UTF-8 show as \n, \xNN. A
 * DL_COLUMN_PATH cell is shown so too. A new string (g_free). */
char *dl_writer_path (const DlWriter *w, const char *path);

/* DlWriterOptions.line_width: how wide a line of text may be, for what a
 * command lays out itself (dispersion's plot); 0 for no limit. */
guint dl_writer_line_width (const DlWriter *w);

/* Appends @text to @out with HTML's special characters as entities. */
void dl_writer_escape_html (GString *out, const char *text);

/* Appends @text to @out with a backslash before what Markdown would take
 * for markup (| ends a cell, < starts HTML); a line break becomes <br>, a
 * table row being one line. */
void dl_writer_escape_markdown (GString *out, const char *text);

/* Writes what closes the result and frees @w. Write errors show on the
 * stream (ferror), which dl_out_close reports. */
void dl_writer_end (DlWriter *w);

/* Whether @format is for people (text, HTML, Markdown): its columns, its
 * headings and notes. */
gboolean dl_format_for_people (DlFormat format);

/* The name of @format, as --format takes it ("text", "tsv"...). */
const char *dl_format_name (DlFormat format);

G_END_DECLS

#endif /* DL_WRITER_H */
