/* meta.h — subcorpora: a metadata table describing the input files
 * (`corpus/MANIFEST.tsv`: a TSV table with a `file` column and any others),
 * the inputs a run keeps (--where KEY=VALUE, --exclude PATTERN) and the
 * parts it reports apart (--by KEY). */
#ifndef DL_META_H
#define DL_META_H

#include <glib.h>

#include "diag.h"

G_BEGIN_DECLS

typedef struct _DlMeta DlMeta;

/* Reads the metadata table @path: a header row naming the columns, one of
 * them `file`, then a row per file. A row that is not one (wrong number of
 * fields, not UTF-8) or names a file named before is reported to @diag and
 * left out. NULL with @error (DL_ERROR_USAGE) if the table cannot be read or
 * has no `file` column. */
DlMeta *dl_meta_load (const char *path, const DlDiag *diag, GError **error);
void dl_meta_free (DlMeta *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlMeta, dl_meta_free)

/* The column named @key, or -1. */
gint dl_meta_column (const DlMeta *m, const char *key);

/* The number of columns, and the name of @column (owned by @m), in the
 * order of the header row. */
guint dl_meta_n_columns (const DlMeta *m);
const char *dl_meta_column_name (const DlMeta *m, guint column);

/* The file the table was read from. */
const char *dl_meta_path (const DlMeta *m);

/* The row describing the input @path: the one whose `file` is @path, or the
 * end of @path after a '/' (`corpus/a.txt` is described by `a.txt`), the
 * longest that matches. -1 if none does. */
gint dl_meta_row (const DlMeta *m, const char *path);

/* The value of @column in @row (owned by @m). */
const char *dl_meta_value (const DlMeta *m, guint row, guint column);

/* What a run keeps and how it splits it. */
typedef struct {
  const DlMeta *meta;         /* NULL without --meta */
  const char *const *where;   /* "KEY=VALUE" each, NULL-terminated; NULL for none */
  const char *const *exclude; /* glob patterns, NULL-terminated; NULL for none */
  const char *by;             /* KEY, or NULL: one part */
} DlSelect;

/* Checks @sel: every --where is KEY=VALUE with a KEY of the table (or
 * `file`), --by names one too; without a table only `file` exists. FALSE
 * with @error (DL_ERROR_USAGE) naming what is wrong. */
gboolean dl_select_check (const DlSelect *sel, GError **error);

/* The value of the --by KEY for the file @path: its path for `file`, "" for
 * a file the table does not describe (owned by the table, or @path). */
const char *dl_select_part (const DlSelect *sel, const char *path);

/* A part of the inputs: those with one value of the --by KEY. */
typedef struct {
  char *value;       /* NULL without --by */
  GPtrArray *inputs; /* DlInput, owned */
} DlPart;

void dl_part_free (DlPart *part);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPart, dl_part_free)

/* Moves the inputs of @inputs (GPtrArray of DlInput; left empty) that @sel
 * keeps into parts, each in input order, the parts in natural order of their
 * values (2 < 10); one part without --by, empty if nothing is kept. Files
 * that --where or --by needs a row for and the table has none are said in a
 * note to @diag. Returns a GPtrArray of DlPart (owned). */
GPtrArray *dl_select_parts (const DlSelect *sel, GPtrArray *inputs, const DlDiag *diag);

G_END_DECLS

#endif /* DL_META_H */
