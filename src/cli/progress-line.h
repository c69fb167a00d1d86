/* progress-line.h — progress on standard error: how far a pass over the
 * inputs has got (progress.h's counters), on one line redrawn in place a
 * few times a second and erased at the end; diagnostics and rows streamed
 * to the same terminal step around it. */
#ifndef DL_PROGRESS_LINE_H
#define DL_PROGRESS_LINE_H

#include <stdio.h>

#include <glib.h>

#include "progress.h"

G_BEGIN_DECLS

typedef struct _DlProgressLine DlProgressLine;

/* A line on @fp (stderr; not owned), shown from dl_progress_line_start
 * to dl_progress_line_stop. */
DlProgressLine *dl_progress_line_new (FILE *fp);

/* Stops the line if it is shown, and frees it. NULL is fine. */
void dl_progress_line_free (DlProgressLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlProgressLine, dl_progress_line_free)

/* Shows @progress (borrowed until dl_progress_line_stop) now, then redraws
 * it from a thread of its own every 250 ms. */
void dl_progress_line_start (DlProgressLine *line, DlProgress *progress);

/* Draws the last figures, erases the line (a carriage return, spaces over
 * what was there, a carriage return) and stops the thread. Does nothing if
 * the line is not shown. */
void dl_progress_line_stop (DlProgressLine *line);

/* Erases the line and keeps it from being drawn until
 * dl_progress_line_release, so that the caller can write to the terminal
 * (a diagnostic, a row); the next redraw puts it back under what was
 * written. @line may be NULL. Calls do not nest. */
void dl_progress_line_hold (DlProgressLine *line);
void dl_progress_line_release (DlProgressLine *line);

/* @bytes for people into @buf (at least 32 bytes): "812 B", "12.3 kB",
 * "45.6 MB", "1.2 GB" (powers of 1000), @point as the decimal separator.
 * Returns @buf. */
char *dl_progress_line_bytes (char *buf, guint64 bytes, char point);

/* @seconds as a time left for people into @buf (at least 32 bytes): "0:04",
 * "12:30", "1:02:03". Returns @buf. */
char *dl_progress_line_duration (char *buf, guint64 seconds);

/* The text of the line for @state at @now (g_get_monotonic_time): bytes
 * read, of the total with a percentage when it is known, inputs done, and
 * once half a second has passed the rate and, with a total, the time left.
 * Numbers with @point as the decimal separator. Free with g_free. */
char *dl_progress_line_text (const DlProgressState *state, gint64 now, char point);

G_END_DECLS

#endif /* DL_PROGRESS_LINE_H */
