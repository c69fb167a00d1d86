/* report.h — a report for people (`derlem compare`): headings, paragraphs,
 * tables of different columns and figures, one after the other, written as
 * one self-contained HTML page (inline style and SVG, no script, A4 print),
 * Markdown or text. The table writer (writer.h) is for one table of rows;
 * this is for a document. Every piece of text is escaped for the format. */
#ifndef DL_REPORT_H
#define DL_REPORT_H

#include <stdio.h>

#include <glib.h>

#include "options.h"

G_BEGIN_DECLS

typedef struct _DlReport DlReport;

/* A report in @format (text, Markdown or HTML) to @fp (not owned), titled
 * @title, its HTML page in language @lang ("tr", "en"). */
DlReport *dl_report_new (FILE *fp, DlFormat format, const char *title, const char *lang);

/* A heading of @level 2 (a part of the report), 3 (a piece of one) or 4
 * (an item of a piece), with the HTML anchor @id (or NULL). */
void dl_report_heading (DlReport *r, guint level, const char *text, const char *id);

/* A paragraph. */
void dl_report_text (DlReport *r, const char *text);

typedef struct {
  const char *heading;
  gboolean right;   /* aligned right (numbers) */
  double lo, hi;    /* lo < hi: a bar of the row's value on this scale
                       beside the cell (HTML: SVG, text: blocks) */
  const char *lang; /* the cells' language ("tr", "en"), or NULL */
} DlReportColumn;

/* Starts a table of @n @columns (copied); its rows are kept until
 * dl_report_table_end (text measures them). */
void dl_report_table (DlReport *r, const DlReportColumn *columns, guint n);

/* A row: a text per column (copied), and for bar columns a value in
 * @values (NULL when there is none). An @id makes the row an HTML anchor. */
void dl_report_row (DlReport *r, const char *const *cells, const double *values, const char *id);

/* A row whose cell @column links to @href in HTML (NULL: no link). */
void dl_report_row_link (DlReport *r, const char *const *cells, const double *values, guint column,
                         const char *href);

void dl_report_table_end (DlReport *r);

/* A figure: @html (markup built by the caller, its text escaped: an inline
 * SVG in a <figure>) in HTML, @text (preformatted lines, each ending in a
 * newline; NULL for none) in text and in a code block in Markdown, followed
 * there by @caption. */
void dl_report_figure (DlReport *r, const char *html, const char *text, const char *caption);

/* Preformatted lines (a concordance), in @lang (or NULL): <pre> in HTML, a
 * code block in Markdown, as they are in text. */
void dl_report_pre (DlReport *r, const char *text, const char *lang);

/* A numbered item (a worksheet's question): @label ("1.", "a)") and
 * @text, in @lang (or NULL); in text its lines after the first are
 * indented under the text. */
void dl_report_item (DlReport *r, const char *label, const char *text, const char *lang);

/* What follows starts a new page when printed (HTML; an answer key); a
 * rule in text and Markdown. */
void dl_report_page_break (DlReport *r);

/* Closes the report and frees @r. Write errors show on the stream. */
void dl_report_end (DlReport *r);

G_END_DECLS

#endif /* DL_REPORT_H */
