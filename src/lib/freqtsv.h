/* freqtsv.h — a frequency list read back from `derlem freq --format tsv`
 * (keyness --ref-list): columns found by their header names, cells
 * unescaped as the TSV writer escapes them (\t \n \r \\), bad rows reported
 * and skipped. */
#ifndef DL_FREQTSV_H
#define DL_FREQTSV_H

#include <glib.h>

#include "diag.h"
#include "freqlist.h"
#include "types.h"

G_BEGIN_DECLS

typedef struct _DlFreqTsv DlFreqTsv;

/* Reads the list in @path. Its header must name the columns lang, item,
 * freq and range; unit (stems, lemmas) and total_tokens (the language's
 * tokens, on every row) are read when there; others are skipped. A bad row
 * (wrong number of cells, a language other than tr or en, a count that is
 * not a whole number ≥ 1, an empty item or unit, a bad escape, invalid
 * UTF-8, an item listed twice, a total_tokens unlike the language's first)
 * is reported to @diag as a warning at PATH:LINE and left out. NULL with
 * @error (DL_ERROR_USAGE: the file was named by an option) if the file
 * cannot be read or its header lacks a column. */
DlFreqTsv *dl_freqtsv_read (const char *path, const DlDiag *diag, GError **error);
void dl_freqtsv_free (DlFreqTsv *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlFreqTsv, dl_freqtsv_free)

/* TRUE if the list has a unit column: a list of stems or lemmas. */
gboolean dl_freqtsv_has_units (const DlFreqTsv *t);

/* TRUE if the list has a total_tokens column. */
gboolean dl_freqtsv_has_totals (const DlFreqTsv *t);

/* The items of @lang, in the list's order, *@n of them (owned by @t): item,
 * freq, range, and unit when the list has units; no rank, no forms. */
const DlFreqItem *dl_freqtsv_items (const DlFreqTsv *t, DlLang lang, guint *n);

/* The tokens of @lang: its total_tokens, or without that column the sum of
 * its freq column (which leaves out what freq left out: stopwords, items
 * under its thresholds). */
guint64 dl_freqtsv_tokens (const DlFreqTsv *t, DlLang lang);

G_END_DECLS

#endif /* DL_FREQTSV_H */
