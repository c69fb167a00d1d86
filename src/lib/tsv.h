/* tsv.h — reading tab-separated tables as derlem writes them: a header row
 * naming the columns, then rows of as many fields, each unescaped (\t \n \r
 * \\, the TSV writer's escapes; a backslash before anything else makes the
 * row a bad one). Read a row at a time, so a table of any size
 * streams: metadata files (--meta), frequency lists (keyness --ref-list). */
#ifndef DL_TSV_H
#define DL_TSV_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlTsv DlTsv;

/* Opens @path ("-": standard input) and reads its header row. NULL with
 * @error (DL_ERROR_IO) if it cannot be read, is empty, or its header is not
 * UTF-8 or names a column twice. */
DlTsv *dl_tsv_open (const char *path, GError **error);
void dl_tsv_free (DlTsv *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlTsv, dl_tsv_free)

guint dl_tsv_n_columns (const DlTsv *t);

/* The name of column @column (owned by @t). */
const char *dl_tsv_name (const DlTsv *t, guint column);

/* The column named @name, or -1. */
gint dl_tsv_column (const DlTsv *t, const char *name);

typedef enum {
  DL_TSV_ROW, /* a row: dl_tsv_field gives its fields */
  DL_TSV_BAD, /* not a row (cells, UTF-8, a bad escape): @error says why, "...: row left out" */
  DL_TSV_END, /* no more rows */
  DL_TSV_FAIL /* the file could not be read on: @error says why */
} DlTsvStatus;

/* Reads the next row (blank lines are skipped). After DL_TSV_BAD the caller
 * may report it (at dl_tsv_line) and read on. */
DlTsvStatus dl_tsv_next (DlTsv *t, GError **error);

/* The line number (1-based) of the row last read. */
guint64 dl_tsv_line (const DlTsv *t);

/* Field @column of the row last read, unescaped (owned by @t, valid until
 * the next dl_tsv_next). */
const char *dl_tsv_field (const DlTsv *t, guint column);

G_END_DECLS

#endif /* DL_TSV_H */
