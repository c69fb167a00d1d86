/* output.h — where results go (standard output, or -o FILE written atomically)
 * and the machine-readable printers: TSV, CSV (RFC 4180), JSON, with the
 * corpus text escaped for each. */
#ifndef DL_OUTPUT_H
#define DL_OUTPUT_H

#include <stdio.h>

#include <glib.h>

#include "options.h"
#include "textwidth.h"

G_BEGIN_DECLS

typedef struct _DlOut DlOut;

/* Opens standard output (@path NULL or "-") or a temporary file beside @path
 * that dl_out_close renames onto it. FALSE-ish (NULL) with DL_ERROR_IO. */
DlOut *dl_out_open (const char *path, GError **error);

/* The stream to write to (owned by @out). */
FILE *dl_out_file (DlOut *out);

/* Flushes and closes. With @commit, the temporary file becomes @path;
 * without, it is removed. FALSE with DL_ERROR_IO if any write failed (then
 * nothing is renamed). Frees @out either way. */
gboolean dl_out_close (DlOut *out, gboolean commit, GError **error);

/* Escapers: append @text (@len bytes, or -1 for NUL-terminated) to @out. */
void dl_escape_tsv (GString *out, const char *text, gssize len);
void dl_escape_csv (GString *out, const char *text, gssize len);
void dl_escape_json (GString *out, const char *text, gssize len);
void dl_escape_html (GString *out, const char *text, gssize len);

/* Writes @value in decimal into @buf (room for 21 bytes); returns @buf.
 * Much faster than printf for the millions of numbers of a long list. */
char *dl_format_u64 (char *buf, guint64 value);

/* Writes @freq per million of @tokens with two decimals, rounded half up on
 * the exact value, into @buf (@size at least 32). "0.00" when @tokens is 0. */
void dl_format_per_million (char *buf, gsize size, guint64 freq, guint64 tokens);

/* Writes @value (finite) into @buf (at least 32 bytes) with @decimals
 * decimals (1..9) and a '.' whatever the locale; a value that would show as
 * 0 in that many decimals is written in exponent form (1.234e-07), and
 * "-0.00" as "0.00". */
void dl_format_real (char *buf, gsize size, double value, int decimals);

/* Writes @text to @fp in a column of @width display columns, aligned right
 * when @right, cut after @max characters with an ellipsis (0: never cut):
 * a line without spaces can make a "word" of a megabyte. */
void dl_put_padded (FILE *fp, const char *text, guint width, gboolean right, guint max);

/* The display columns dl_put_padded gives @text before padding. */
guint dl_padded_width (const char *text, guint max);

typedef enum { DL_COL_STRING, DL_COL_NUMBER } DlColumnType;

typedef struct {
  const char *name;
  DlColumnType type;
} DlColumn;

typedef struct _DlTable DlTable;

/* A table printer for TSV, CSV or JSON (one header row with the column
 * names; JSON: an array of objects with those keys). Rows stream out. */
DlTable *dl_table_new (FILE *fp, DlFormat format, const DlColumn *columns, guint n_columns);

/* One row: @values[i] is the i-th column as text (numbers already
 * formatted, written bare in JSON). */
void dl_table_row (DlTable *table, const char *const *values);

/* Ends the table (closes the JSON array) and frees it. */
void dl_table_end (DlTable *table);

G_END_DECLS

#endif /* DL_OUTPUT_H */
