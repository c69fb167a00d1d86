/* writer-private.h — what the writer's back ends (writer-*.c) share: the
 * writer's state and the table of functions each back end fills in. */
#ifndef DL_WRITER_PRIVATE_H
#define DL_WRITER_PRIVATE_H

#include "writer.h"

G_BEGIN_DECLS

/* A back end. Functions left NULL do nothing (machine formats have no
 * sections or notes). */
typedef struct {
  const char *name;    /* as --format takes it */
  gboolean for_people; /* columns, headings and notes for people (text) or
                          for machines (TSV) */
  gsize state_size;    /* of the back end's own state, zeroed (w->state) */
  /* The C0 control characters of text cells that the back end writes in a
   * way of its own (TSV's \t \n \r escapes): every other control character
   * (C0, DEL, C1) of a cell, heading or note is made a space before it sees
   * it, so that no corpus text drives a terminal. NULL: the back end
   * escapes every one itself (JSON). */
  const char *controls;
  void (*begin) (DlWriter *w);
  void (*section) (DlWriter *w, DlLang lang, const char *heading);
  /* Before dl_writer_rows writes @n rows of a section. */
  void (*measure) (DlWriter *w, guint64 n, DlRowFill fill, gpointer data);
  void (*row) (DlWriter *w, DlLang lang, const DlCell *cells);
  void (*note) (DlWriter *w, const char *text);
  void (*summary) (DlWriter *w, const char *text);
  void (*block) (DlWriter *w, const char *text, const char *html);
  void (*end) (DlWriter *w);
} DlWriterClass;

struct _DlWriter {
  const DlWriterClass *klass;
  FILE *fp;
  DlFormat format;
  DlWriterOptions options; /* title owned */
  DlColumn *columns;       /* all of them */
  guint n_columns;
  guint *shown; /* indexes of the columns this format writes */
  guint n_shown;
  GString *buf;         /* a row's bytes, written at once */
  char (*numbers)[40];  /* a number cell written out, per column */
  GString **texts;      /* a text cell made safe to show, per column (or NULL) */
  char point;           /* the decimal separator of its real cells */
  DlLang section_lang;  /* DL_LANG_NONE outside sections */
  guint sections;       /* begun so far */
  guint64 rows;         /* written so far, before the current one */
  guint64 section_rows; /* of the current section */
  gboolean summarized;  /* a summary line is out */
  char *group_value;    /* the group column's cell (DlWriterOptions.group) */
  char *group_label;    /* before section headings, or NULL */
  DlCell *row_cells;    /* a row's cells with the group's, n_columns */
  gpointer state;
};

extern const DlWriterClass dl_writer_text;
extern const DlWriterClass dl_writer_tsv;
extern const DlWriterClass dl_writer_csv;
extern const DlWriterClass dl_writer_json;
extern const DlWriterClass dl_writer_html;
extern const DlWriterClass dl_writer_markdown;

/* Column @k's cell as text: @cell->s, or its number written out (with the
 * people's decimals in a format for people); a path (DL_COLUMN_PATH) as
 * dl_writer_path shows it. Owned by @w, valid until the next call for that
 * column. */
const char *dl_writer_cell_text (DlWriter *w, guint k, const DlCell *cell);

/* The heading of column @k for people. */
const char *dl_writer_heading (const DlWriter *w, guint k);

/* Whether column @k is aligned right. */
gboolean dl_writer_right (const DlWriter *w, guint k);

G_END_DECLS

#endif /* DL_WRITER_PRIVATE_H */
